"""A whole class at once: 40 sessions, each visiting every page with a filter changed, over the real websocket.

Every session must finish without an exception and see exactly what a single session sees.
"""

import asyncio
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.stclient import open_session, run_page  # noqa: E402

# Each page with one filter changed from its default, through the address (every filter lives there).
VISITS = [("", ""), ("lesson", "step=3"), ("timeline", "cats=treaty,territory&years=1930-1960"),
          ("trade", "basis=japan-yen&years=1913-1938"), ("treaties", "scope=bilateral"),
          ("territories", "year=1946&names=ru"), ("conflicts", "opposite=0"), ("people", "group=soviet_leader"),
          ("sources", "table=trade")]
STUDENTS = 40


@pytest.fixture(scope="module")
def server():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
                             "--server.address", "127.0.0.1", "--server.headless", "true"], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=os.environ.copy())
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            time.sleep(0.5)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


def what_it_shows(run) -> tuple:
    summaries = [re.sub(r"<[^>]+>", "", t) for t in run.texts if "chart-summary'>" in t]
    return run.finished, tuple(run.exceptions), tuple(run.errors), tuple(summaries)


async def student(url: str) -> list[tuple]:
    conn = await open_session(url)
    try:
        return [what_it_shows(await run_page(conn, page, query)) for page, query in VISITS]
    finally:
        await conn.close()


def test_forty_sessions_see_what_one_session_sees(server):
    alone = asyncio.run(student(server))
    assert all(seen[0] == "FINISHED_SUCCESSFULLY" and not seen[1] for seen in alone), alone
    assert sum(bool(seen[3]) for seen in alone) >= 7  # the summaries are really there to compare

    async def whole_class():
        return await asyncio.gather(*(student(server) for _ in range(STUDENTS)))

    results = asyncio.run(whole_class())
    assert len(results) == STUDENTS
    for seen in results:
        assert seen == alone
