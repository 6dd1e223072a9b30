"""A whole school behind one address: scripts/serve.sh runs two replicas of the app with nginx in front.

These tests START SERVERS: serve.sh with its Streamlit replicas and nginx, each in its own process group, all
on 127.0.0.1. They check stickiness and spread, a class of 100 sessions through nginx, losing a replica, the
previous-replica header the app relies on, and that stopping serve.sh leaves no process and no open port.
Skipped only where nginx is missing and cannot be installed (serve.sh's exit status 69), or Chromium for the
browser check; with CI=true either is a failure instead (conftest.unavailable). No timing is asserted: speed is
bench/scale.py's business.
"""

import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from bench.scale import ROOT, NginxMissing, Serve, Visit, free_ports, sessions, succeeded
from conftest import run_async, unavailable

pytestmark = pytest.mark.serve  # starts nginx and several Streamlit servers

PROBE = """import os

import streamlit as st

st.markdown(f"replica={os.environ['JSR_REPLICA']} previous={st.context.headers.get('X-JSR-Previous-Replica')}")
st.button("again")
"""


def start(replicas: int, run_dir: Path, app: str = "app.py") -> Serve:
    served = Serve(replicas, app=app, run_dir=run_dir)
    try:
        served.wait_ready()
    except NginxMissing as exc:
        unavailable(f"nginx is not installed and cannot be installed here: {exc}")
    return served


def group_members(pgid: int) -> dict[int, str]:
    """Every live process in a process group, with its command line (serve.sh and all it started)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == pgid and fields[0] != "Z":
                found[int(entry.name)] = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except (OSError, IndexError):
            continue  # gone while we looked
    return found


def port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


def stop_and_check_nothing_is_left(served: Serve) -> None:
    """SIGTERM to serve.sh's process group, as a service manager or Ctrl-C would; then nothing may remain."""
    members = group_members(served.proc.pid)
    served.stop()  # before any assertion: a failing check must not leave the replicas and nginx running
    assert any("streamlit" in cmd for cmd in members.values()) and any("nginx" in cmd for cmd in members.values())
    deadline = time.time() + 15
    while any(Path(f"/proc/{pid}").exists() for pid in members) and time.time() < deadline:
        time.sleep(0.2)
    assert [cmd for pid, cmd in members.items() if Path(f"/proc/{pid}").exists()] == []
    assert group_members(served.proc.pid) == {}
    assert not any(port_open(port) for port in [served.port, *(p for p, _ in served.replicas.values())])


def get(opener, url: str) -> tuple[int, str]:
    """Status and X-Replica of one request; HTTP errors count as answers (they name their replica too)."""
    try:
        with opener.open(url, timeout=30) as response:
            return response.status, response.headers.get("X-Replica", "")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("X-Replica", "")


def test_two_replicas_behind_nginx_spread_stick_survive_a_loss_and_stop_cleanly(tmp_path):
    served = start(2, tmp_path / "run")
    try:
        assert set(served.replicas) == {"r1", "r2"}
        assert (tmp_path / "run" / "nginx.conf").exists() and (tmp_path / "run" / "r1.pid").exists()

        # New browsers (no cookies) are dealt out to the replicas in turn, not at random (thirty at random would all
        # alternate about once in half a billion runs); each gets a cookie naming its replica.
        fresh = [urllib.request.urlopen(served.url + "/", timeout=30) for _ in range(30)]
        replicas = [r.headers["X-Replica"] for r in fresh]
        assert set(replicas) == {"r1", "r2"} and all(a != b for a, b in zip(replicas, replicas[1:])), replicas
        assert [r.headers["Set-Cookie"].split(";")[0] for r in fresh] == [f"jsr_affinity={r}" for r in replicas]

        # A browser that keeps its cookies stays on one replica: pages, its websocket and its uploads.
        jar = http.cookiejar.CookieJar()
        browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        seen = {get(browser, served.url + path)[1] for path in ["/", "/_stcore/health", "/timeline"] * 4}
        assert len(seen) == 1
        home = seen.pop()
        cookies = {c.name: c.value for c in jar}
        assert cookies["jsr_affinity"] == home  # the cookie names the replica
        other = ({"r1", "r2"} - {home}).pop()

        async def sticky_websocket():
            visit = await Visit.open(served.url, {"jsr_affinity": cookies["jsr_affinity"]})
            try:
                return visit.replica, visit.cookies_set(), await visit.run("")
            finally:
                await visit.close()

        replica, set_cookies, run = run_async(sticky_websocket())
        assert replica == home and succeeded(run)
        assert set_cookies.get("jsr_served") == home  # set on the websocket's handshake, for the next visit
        upload = urllib.request.Request(served.url + "/_stcore/upload_file/session/file", data=b"x", method="PUT")
        assert get(browser, upload)[1] == home  # refused without an XSRF token, but by the same replica

        # A class of 100 sessions at once through nginx: every one renders the home page.
        _, results = run_async(sessions(served.url, [""], 100, 100))
        assert all(succeeded(run) for _, run in results), [run.finished for _, run in results if not succeeded(run)]
        assert {name for name, _ in results} == {"r1", "r2"}

        # The returning browser's replica dies: new sessions all render, and that browser gets pages elsewhere.
        pid = int((tmp_path / "run" / f"{home}.pid").read_text())
        assert pid == served.replicas[home][1]
        os.kill(pid, signal.SIGKILL)
        deadline = time.time() + 10
        while Path(f"/proc/{pid}").exists() and time.time() < deadline:
            time.sleep(0.05)
        _, results = run_async(sessions(served.url, [""], 30, 30))
        assert all(succeeded(run) for _, run in results)
        assert {name for name, _ in results} == {other}
        assert {get(browser, served.url + path) for path in ["/", "/_stcore/health", "/trade"]} == {(200, other)}
        assert {c.name: c.value for c in jar}["jsr_affinity"] == other  # the cookie followed the move
        replica, _, run = run_async(sticky_websocket())
        assert replica == other and succeeded(run)
        assert served.proc.poll() is None  # serve.sh carries on with one replica

        # The moved student's page says what was lost: nginx tells the new replica which one served them before.
        async def moved_student():
            visit = await Visit.open(served.url, {"jsr_affinity": cookies["jsr_affinity"], "jsr_served": home})
            try:
                return await visit.run("", "lang=en")
            finally:
                await visit.close()

        run = run_async(moved_student())
        assert succeeded(run) and any("events you uploaded were not kept" in n for n in run.notices), run.notices
        _, results = run_async(sessions(served.url, [""], 5, 5))  # students who were not moved are not told
        assert not any("uploaded were not kept" in n for _, run in results for n in run.notices)
    finally:
        if served.proc.poll() is None:
            stop_and_check_nothing_is_left(served)
    assert served.proc.returncode in (143, -signal.SIGTERM)


def test_the_app_learns_which_replica_served_this_browser_before(tmp_path):
    """The contract with the app: the websocket request carries X-JSR-Previous-Replica from the jsr_served
    cookie, which nginx sets on the websocket's handshake (not on the page, which loads before it)."""
    probe = tmp_path / "probe.py"
    probe.write_text(PROBE, encoding="utf-8")
    served = start(2, tmp_path / "run", app=str(probe))
    try:

        async def visit(cookies: dict, headers: dict | None = None) -> tuple[str, str, dict]:
            v = await Visit.open(served.url, cookies, headers=headers)
            try:
                run = await v.run("")
                assert succeeded(run), run.finished
                return v.replica, next(t for t in run.texts if t.startswith("replica=")), v.cookies_set()
            finally:
                await v.close()

        first, text, set_cookies = run_async(visit({}))
        assert text == f"replica={first} previous=None"
        cookies = {"jsr_affinity": set_cookies["jsr_affinity"], "jsr_served": set_cookies["jsr_served"]}
        assert cookies["jsr_served"] == first
        again, text, _ = run_async(visit(cookies))
        assert (again, text) == (first, f"replica={first} previous={first}")

        served.kill_replica(first)
        moved, text, set_cookies = run_async(visit(cookies))
        assert moved != first
        assert text == f"replica={moved} previous={first}"  # the page can say "your server changed"
        assert set_cookies["jsr_served"] == moved
        cookies["jsr_served"] = moved
        assert run_async(visit(cookies))[1] == f"replica={moved} previous={moved}"

        # A browser cannot make the app believe anything through the header itself: nginx replaces it.
        forged = run_async(visit({"jsr_affinity": cookies["jsr_affinity"]}, {"X-JSR-Previous-Replica": "r9"}))
        assert forged[1] == f"replica={moved} previous=None"
    finally:
        if served.proc.poll() is None:
            stop_and_check_nothing_is_left(served)


def test_without_nginx_serve_says_what_to_do_and_starts_nothing(tmp_path):
    """The exit status the tests above skip on, and the message a teacher sees; nothing is started first."""
    result = subprocess.run(
        ["bash", "scripts/serve.sh", "--port", str(free_ports(3)), "--run-dir", str(tmp_path)],
        cwd=ROOT,
        env={**os.environ, "NGINX": str(tmp_path / "no-nginx"), "PYTHON": sys.executable},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 69
    assert "nginx" in result.stderr and "Traceback" not in result.stderr
    assert not list(tmp_path.iterdir())  # no replica was started, no pid file written


@pytest.mark.browser
def test_in_chromium_the_new_replica_hears_which_one_died(tmp_path, browser):
    """Real Chromium, cookies as a browser keeps them. The jsr_served cookie must come from the websocket's
    handshake: the page itself loads from the new replica first and must not overwrite it.

    Two ways a student meets a lost replica: Streamlit's page reconnects by itself (to a new session on another
    replica, which runs the script at the next click), or the student opens the address again.
    """
    probe = tmp_path / "probe.py"
    probe.write_text(PROBE, encoding="utf-8")
    served = start(3, tmp_path / "run", app=str(probe))
    pattern = re.compile(r"replica=(r\d) previous=(\S+)")

    def shown(page) -> tuple[str, str]:
        page.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']", timeout=30000)
        page.wait_for_function("() => /replica=r\\d/.test(document.body.innerText)", timeout=30000)
        return pattern.search(page.inner_text("body")).groups()

    context = browser.new_context()
    try:
        page = context.new_page()
        response = page.goto(served.url + "/?year=1945")
        assert "jsr_served" not in (response.headers.get("set-cookie") or "")
        first, previous = shown(page)
        assert previous == "None"
        page.reload()
        assert shown(page) == (first, first)

        # The replica dies under an open tab: the page reconnects to another replica by itself.
        served.kill_replica(first)
        deadline = time.time() + 30
        while time.time() < deadline:
            page.get_by_role("button", name="again").click(timeout=5000)
            time.sleep(0.5)
            second, previous = pattern.search(page.inner_text("body")).groups()
            if second != first:
                break
        assert second != first and previous == first
        assert "year=1945" in page.url  # the view is in the address, so it survives the move

        # The student's tab is closed, the replica dies, the student opens the address again.
        page.close()
        served.kill_replica(second)
        page = context.new_page()
        page.goto(served.url + "/?year=1945")
        third, previous = shown(page)
        assert third not in (first, second) and previous == second
    finally:
        context.close()
        if served.proc.poll() is None:
            stop_and_check_nothing_is_left(served)
