"""A whole class at once: 40 sessions, each visiting every page with a filter changed, over the real websocket.

Every session must finish without an exception and see exactly what a single session sees.
"""

import asyncio
import re

from bench.stclient import open_session, run_page
from conftest import run_async
from relations.pages import NAMES, url_path

# Each page with one filter changed from its default, through the address (every filter lives there).
CHANGED = {
    "lesson": "step=3",
    "timeline": "cats=treaty,territory&years=1930-1960",
    "trade": "basis=japan-yen&years=1913-1938",
    "treaties": "scope=bilateral",
    "territories": "year=1946&names=ru",
    "conflicts": "opposite=0",
    "people": "group=soviet_leader",
    "sources": "table=trade",
}
VISITS = [(url_path(name), CHANGED.get(name, "")) for name in NAMES]
STUDENTS = 40


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
    alone = run_async(student(server))
    assert all(seen[0] == "FINISHED_SUCCESSFULLY" and not seen[1] for seen in alone), alone
    # The summaries are really there to compare, and they say what the changed filters ask for.
    shown = dict(zip(NAMES, (seen[3] for seen in alone)))
    assert sum(bool(s) for s in shown.values()) >= 7
    assert shown["timeline"][0].split(" events between ")[1].startswith("1930 and 1960")
    assert "million yen" in shown["trade"][0]
    assert shown["people"][0].startswith("Soviet leaders:")

    async def whole_class():
        return await asyncio.gather(*(student(server) for _ in range(STUDENTS)))

    results = run_async(whole_class())
    assert len(results) == STUDENTS
    for seen in results:
        assert seen == alone
