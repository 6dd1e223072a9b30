"""Beyond one machine's single process: the app behind nginx with several replicas (scripts/serve.sh).

Two measures, each returning a plain dict, and `markdown()` to render them for BENCHMARKS.md:

- `scale_out`: the same number of new sessions (a student opening the link: websocket, one page run, close)
  against one plain Streamlit server and against serve.sh with two replicas behind nginx; the speed-up is the
  plain server's wall time over the replicas'. The sessions take every page in turn, so that no one page's
  cost decides the result. At most 20 are open at once: the machine was only a little busier with 40 or 60
  open (about 170% of its 200% against 160%), no socket waits long in a queue, and the pairs' ratios were
  tightest with 20 (1.49-1.59 over 7 pairs, against 1.42-1.80 with 40), when nginx still hashed a random
  cookie. Since nginx deals new browsers out in turn, 40 open gave 1.69-1.80 in three pairs, against 1.50-1.67
  for the medians of five runs with 20; 20 stays, chosen before that change, so that the load is not picked
  to suit the result.
- `failover`: a class of students, each with their own affinity cookie and session, rerunning pages; one
  replica is killed in the middle. Counted: the sessions it held (lost), whether everyone else carried on, how
  long until new sessions succeed again, and how long a student whose replica died waits to see the page again
  on a reload (same cookie, same address).

The load generator is this process (asyncio and bench/stclient.py, about 1 ms of CPU per session against about
10 ms for the server) and shares the machine's cores with the servers and nginx, so the speed-up is what a
machine with this many cores gives, load generator included.

    python bench/scale.py                 # both measures, printed as Markdown
    python bench/scale.py --quick         # a smoke run
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import os
import platform
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from websockets.asyncio.client import connect

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.report import figure  # noqa: E402
from bench.server import Server, free_port  # noqa: E402
from bench.stclient import PageRun, run_page  # noqa: E402

SERVE = ROOT / "scripts" / "serve.sh"
BUDGET_SPEEDUP = 1.5
# Two processes get at least this much more done than one, measured by `ceiling` before and after a pair of runs:
# below it, another program held part of a core and the pair says more about that program than about us.
CEILING_FOR_A_PAIR = 1.7
# A class spread over every page, as after "open the link and explore": no single page's cost decides the result.
SCALE_PAGES = ["", "lesson", "timeline", "trade", "treaties", "territories", "conflicts", "people", "sources"]
FAILOVER_PAGES = ["", "timeline", "trade", "territories"]


def free_ports(span: int) -> int:
    """A port P such that P .. P+span-1 are all free on 127.0.0.1 (serve.sh puts its replicas at P+1...)."""
    for _ in range(200):
        port = free_port()
        if port + span < 65536 and all(_port_free(port + i) for i in range(1, span)):
            return port
    raise RuntimeError("no run of free ports")


def _port_free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


class NginxMissing(RuntimeError):
    """serve.sh could neither find nor install nginx (its exit status 69)."""


class Serve:
    """scripts/serve.sh in its own process group; its replicas' names, ports and pids read from what it prints."""

    LINE = re.compile(r"^replica (r\d+)\s+http://127\.0\.0\.1:(\d+)\s+pid (\d+)")

    def __init__(self, replicas: int = 2, app: str = "app.py", run_dir: Path | None = None):
        self.port = free_ports(replicas + 1)
        self.url = f"http://127.0.0.1:{self.port}"
        self.replicas: dict[str, tuple[int, int]] = {}  # name -> (port, pid)
        self.nginx_pid = 0
        # serve.sh keeps its run directory (logs) for a person to read; a measure keeps nothing.
        self._scratch = None if run_dir is not None else tempfile.TemporaryDirectory(prefix="jsr-serve-bench.")
        self.run_dir = Path(run_dir if run_dir is not None else self._scratch.name)
        cmd = ["bash", str(SERVE), "--replicas", str(replicas), "--port", str(self.port), "--app", app]
        cmd += ["--run-dir", str(self.run_dir)]
        self.output: list[str] = []
        self.proc = subprocess.Popen(
            cmd,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
            env={**os.environ, "PYTHON": sys.executable},
        )

    def wait_ready(self) -> None:
        """Read serve.sh's output until its `ready` line (serve.sh gives up by itself after 180 s).

        Its output is drained afterwards by a thread, so that it never blocks on a full pipe.
        """
        ready = False
        for line in self.proc.stdout:
            self.output.append(line.rstrip("\n"))
            if m := self.LINE.match(line):
                self.replicas[m.group(1)] = (int(m.group(2)), int(m.group(3)))
            elif line.startswith("nginx "):
                self.nginx_pid = int(re.search(r"pid (\d+)", line).group(1))
            elif line.startswith("ready"):
                ready = True
                break
        if not ready:
            status = self.stop()
            error = NginxMissing if status == 69 else RuntimeError
            raise error("serve.sh did not start:\n" + "\n".join(self.output[-20:]))
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self) -> None:
        for line in self.proc.stdout:
            self.output.append(line.rstrip("\n"))

    def kill_replica(self, name: str) -> None:
        os.kill(self.replicas[name][1], signal.SIGKILL)

    def stop(self) -> int:
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        try:
            status = self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            status = self.proc.wait()
        if self._scratch is not None:
            self._scratch.cleanup()
        return status

    def __enter__(self):
        self.wait_ready()
        return self

    def __exit__(self, *exc):
        self.stop()


# --- a session that carries cookies and reports the replica that took it ----------------------------------------


class Visit:
    """A websocket session like stclient's, with a Cookie header sent and the handshake's headers kept.

    Through nginx, the handshake's response names the replica (X-Replica) and may set cookies: the affinity
    cookie for a browser that had none, and jsr_served.
    """

    def __init__(self, conn, replica: str, set_cookies: list[str]):
        self.conn = conn
        self.replica = replica
        self.set_cookies = set_cookies

    @classmethod
    async def open(
        cls,
        base_url: str,
        cookies: dict[str, str] | None = None,
        timeout: float = 60,
        headers: dict[str, str] | None = None,
    ) -> Visit:
        headers = dict(headers or {})
        if cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        conn = await connect(
            base_url.replace("http://", "ws://") + "/_stcore/stream",
            subprotocols=["streamlit"],
            additional_headers=headers,
            max_size=64 * 1024 * 1024,
            open_timeout=timeout,
            ping_interval=None,
            # Loopback only, never through a proxy; and looking for one in the environment was an eighth of this
            # load generator's CPU time per session.
            proxy=None,
        )
        response = conn.response.headers
        return cls(conn, response.get("X-Replica", ""), response.get_all("Set-Cookie"))

    def cookies_set(self) -> dict[str, str]:
        return dict(c.split(";", 1)[0].split("=", 1) for c in self.set_cookies)

    async def run(self, page: str, query: str = "", timeout: float = 120) -> PageRun:
        return await run_page(self.conn, page, query, timeout)  # a replica that died: finished="ConnectionClosed..."

    async def close(self) -> None:
        await self.conn.close()


async def one_visit(base_url: str, page: str, cookies: dict[str, str] | None = None) -> tuple[str, PageRun]:
    """A student opening the link: new session, one page run, disconnect. Returns (replica, run)."""
    try:
        v = await Visit.open(base_url, cookies)
    except Exception as exc:  # a refused or failed handshake is a failed visit, not the end of the measure
        run = PageRun(page, "")
        run.finished = f"handshake: {type(exc).__name__}"
        return "", run
    try:
        return v.replica, await v.run(page)
    finally:
        await v.close()


def succeeded(run: PageRun) -> bool:
    return run.finished == "FINISHED_SUCCESSFULLY" and not run.exceptions


async def sessions(base_url: str, pages: list[str], total: int, concurrency: int) -> tuple[float, list]:
    """`total` new sessions, the pages taken in turn, at most `concurrency` open at once.

    Returns the wall seconds and (replica, run) of each session.
    """
    gate = asyncio.Semaphore(concurrency)

    async def limited(page: str):
        async with gate:
            return await one_visit(base_url, page)

    start = time.perf_counter()
    results = await asyncio.gather(*(limited(pages[i % len(pages)]) for i in range(total)))
    return time.perf_counter() - start, list(results)


# --- scale-out ----------------------------------------------------------------------------------------------------

BURN = (
    "import time\nstart = time.perf_counter()\ntotal = 0\nfor k in range(6_000_000):\n    total += k\n"
    "print(time.perf_counter() - start)"
)


def _burn(copies: int) -> list[float]:
    """Seconds each of `copies` processes, started together, spends on the same pure-Python loop.

    Pure Python: no I/O and no C library that lets go of the GIL, so one process is one core's worth of work.
    Timed inside each process, so that the interpreter's start-up is not counted.
    """
    procs = [subprocess.Popen([sys.executable, "-c", BURN], stdout=subprocess.PIPE, text=True) for _ in range(copies)]
    return [float(proc.communicate()[0]) for proc in procs]


def ceiling() -> float:
    """How much more two processes get done at once than one alone, on this machine, now.

    2.0 on two real cores; less where the two virtual cores share a physical one, or another program is busy.
    No deployment of two replicas can beat it, so it is reported beside the speed-up.
    """
    alone = _burn(1)[0]
    return 2 * alone / max(_burn(2))


def scale_out(
    sessions_per_run: int = 300, concurrency: int = 20, runs: int = 7, pages: list[str] | None = None, replicas: int = 2
) -> dict:
    """New sessions per second: one plain server against `replicas` replicas behind nginx, in pairs of runs.

    Both sides are up for the whole measure and warmed first (every page has run on every process, as after the
    teacher opened the link). Then pairs of runs, plain first, each pair between two measures of the machine's
    ceiling. The speed-up is the median of the kept pairs' ratios: a pair's two runs are seconds apart, so its
    ratio cancels the drift of this machine's speed, which a ratio of medians would not.

    A pair is kept when the ceiling before and after it was at least CEILING_FOR_A_PAIR, that is when the
    machine really had two cores for us; on this shared machine another program sometimes holds one, and then
    no deployment could scale. Up to three times `runs` pairs are tried; every pair is reported, kept or not,
    and if none was kept the speed-up is taken over all of them (and says so).
    """
    pages = SCALE_PAGES if pages is None else pages
    pairs: list[dict] = []
    failed, spread = {"plain": 0, "served": 0}, collections.Counter()
    with Server(ROOT / "app.py", env={"JSR_REPLICA": "plain"}) as plain, Serve(replicas) as served:
        asyncio.run(_warm(plain.url, served.url, pages, replicas))
        after = ceiling()
        while sum(pair["kept"] for pair in pairs) < runs and len(pairs) < 3 * runs:
            before = after
            plain_wall, results = asyncio.run(sessions(plain.url, pages, sessions_per_run, concurrency))
            failed["plain"] += sum(not succeeded(r) for _, r in results)
            served_wall, results = asyncio.run(sessions(served.url, pages, sessions_per_run, concurrency))
            failed["served"] += sum(not succeeded(r) for _, r in results)
            spread.update(name for name, _ in results)
            after = ceiling()
            pairs.append(
                {
                    "plain": plain_wall,
                    "served": served_wall,
                    "ratio": plain_wall / served_wall,
                    "ceiling_before": before,
                    "ceiling_after": after,
                    "kept": min(before, after) >= CEILING_FOR_A_PAIR,
                }
            )
    kept = [pair for pair in pairs if pair["kept"]]
    counted = kept or pairs
    plain_wall = statistics.median(pair["plain"] for pair in counted)
    served_wall = statistics.median(pair["served"] for pair in counted)
    return {
        "pages": [page or "overview" for page in pages],
        "sessions": sessions_per_run,
        "concurrency": concurrency,
        "runs": runs,
        "replicas": replicas,
        "cores": os.cpu_count(),
        "pairs": pairs,
        "kept": len(kept),
        "ceiling_for_a_pair": CEILING_FOR_A_PAIR,
        "plain_seconds": plain_wall,
        "served_seconds": served_wall,
        "plain_per_second": sessions_per_run / plain_wall,
        "served_per_second": sessions_per_run / served_wall,
        "speedup": statistics.median(pair["ratio"] for pair in counted),
        "ceiling": statistics.median(min(pair["ceiling_before"], pair["ceiling_after"]) for pair in counted),
        "budget": BUDGET_SPEEDUP,
        "failed": failed,
        "spread": dict(sorted(spread.items())),
    }


async def _warm(plain_url: str, served_url: str, pages: list[str], replicas: int) -> None:
    for page in pages:
        await one_visit(plain_url, page)
        seen: set[str] = set()
        for _ in range(50):  # fresh sessions land on random replicas: visit until each has run the page
            name, _ = await one_visit(served_url, page)
            seen.add(name)
            if len(seen) >= replicas:
                break


# --- failover -----------------------------------------------------------------------------------------------------


def answered(run: PageRun) -> bool:
    """The session ran the page to its end, whatever the page showed: the server behind it is alive."""
    return run.finished.startswith("FINISHED")


async def _student(url: str, pages: list[str], stop: asyncio.Event, log: dict) -> None:
    """One student: a session with their own affinity cookie, rerunning pages until told to stop.

    The cookie is set from the first handshake's response, as a browser would keep it. If the session stops
    answering (its connection closed, or no answer in 30 s), the student counts as lost; they "reload" (a new
    session with the same cookie) until a page runs again, and the time that took is recorded. A page that
    raised is counted apart: that is the app's fault, not the failover's.
    """
    first = await Visit.open(url)
    cookies = first.cookies_set()
    cookies.pop("jsr_served", None)
    visit, log["replica"], i = first, first.replica, 0
    while not stop.is_set():
        run = await visit.run(pages[i % len(pages)], timeout=30)
        i += 1
        if answered(run):
            log["ok_after_kill" if log.get("killed") else "ok_before_kill"] = True
            log["page_errors"] = log.get("page_errors", 0) + (not succeeded(run))
            await asyncio.sleep(0.5)  # a student reads before clicking again
            continue
        log["lost"] = True
        log["lost_before_kill"] = log.get("lost_before_kill", False) or not log.get("killed")
        lost_at = time.perf_counter()
        await _close_quietly(visit)
        while not stop.is_set():  # reloading until the page is back (a browser shows an error page in between)
            try:
                visit = await Visit.open(url, cookies, timeout=10)
                run = await visit.run(pages[0], timeout=30)
                if answered(run):
                    log["back_after"] = time.perf_counter() - lost_at
                    log["new_replica"] = visit.replica
                    cookies.update(visit.cookies_set())  # the browser keeps the cookie naming its new replica
                    cookies.pop("jsr_served", None)
                    break
                await _close_quietly(visit)
            except Exception:  # any failed reload is retried, as a student would
                pass
            await asyncio.sleep(0.1)
    await _close_quietly(visit)


async def _close_quietly(visit: Visit) -> None:
    try:
        await visit.close()
    except Exception:  # the other end may be gone
        pass


async def _first_success_after(url: str, since: float, page: str, limit: float = 60) -> tuple[float, int]:
    """Seconds from `since` until a new session (no cookie) renders the page, and the failed tries before it."""
    failures = 0
    while time.perf_counter() - since < limit:
        _, run = await one_visit(url, page)
        if answered(run):
            return time.perf_counter() - since, failures
        failures += 1
        await asyncio.sleep(0.05)
    return float("inf"), failures


async def _class_with_failure(served: Serve, students: int, before: float, after: float, fresh: int) -> dict:
    stop = asyncio.Event()
    logs = [{} for _ in range(students)]
    tasks = [asyncio.create_task(_student(served.url, FAILOVER_PAGES, stop, log)) for log in logs]
    await asyncio.sleep(before)
    held = collections.Counter(log.get("replica", "") for log in logs)
    victim = max(held, key=held.get)  # the replica with the most students: the worst case
    for log in logs:
        log["killed"] = True
    killed_at = time.perf_counter()
    served.kill_replica(victim)
    first_new, refused = await _first_success_after(served.url, killed_at, "")
    await asyncio.sleep(max(0.0, after - (time.perf_counter() - killed_at)))
    stop.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    fresh_results = await asyncio.gather(*(one_visit(served.url, "") for _ in range(fresh)))
    on_victim = [log for log in logs if log.get("replica") == victim]
    others = [log for log in logs if log.get("replica") != victim]
    backs = [log["back_after"] for log in logs if "back_after" in log]
    return {
        "students": students,
        "replicas": len(served.replicas),
        "killed": victim,
        "held_by_killed": len(on_victim),
        "lost": sum(bool(log.get("lost")) for log in logs),
        "lost_elsewhere": sum(bool(log.get("lost")) for log in others),
        "others_carried_on": sum(bool(log.get("ok_after_kill")) and not log.get("lost") for log in others),
        "others": len(others),
        "lost_before_kill": sum(bool(log.get("lost_before_kill")) for log in logs),
        "page_errors": sum(log.get("page_errors", 0) for log in logs)
        + sum(answered(r) and not succeeded(r) for _, r in fresh_results),
        "first_new_session_s": first_new,
        "new_session_failures": refused,
        "reload_back_median_s": statistics.median(backs) if backs else float("nan"),
        "reload_back_max_s": max(backs) if backs else float("nan"),
        "reloaded_onto": dict(collections.Counter(log["new_replica"] for log in on_victim if "new_replica" in log)),
        "never_back": sum(bool(log.get("lost")) and "back_after" not in log for log in logs),
        "fresh_sessions_after": fresh,
        "fresh_failed_after": sum(not answered(run) for _, run in fresh_results),
    }


def failover(students: int = 60, replicas: int = 2, before: float = 5.0, after: float = 8.0, fresh: int = 40) -> dict:
    """Kill a replica (SIGKILL) in the middle of a class; see who is lost and how soon everything works again."""
    with Serve(replicas) as served:
        asyncio.run(_warm(served.url, served.url, [""], replicas))
        return asyncio.run(_class_with_failure(served, students, before, after, fresh))


# --- report --------------------------------------------------------------------------------------------------------


def measure(quick: bool = False) -> dict:
    """Both measures, as bench/run.py calls them: {"scale": dict, "failover": dict, "skipped": None}.

    Where nginx is missing and cannot be installed, nothing is measured and "skipped" says why; `markdown`
    turns that into a line of the report rather than a failed benchmark.
    """
    try:
        if quick:  # a smoke run: every code path, about 20 s
            return {
                "scale": scale_out(90, 20, 1),
                "failover": failover(16, before=3, after=4, fresh=10),
                "skipped": None,
            }
        return {"scale": scale_out(), "failover": failover(), "skipped": None}
    except NginxMissing as exc:
        return {"scale": None, "failover": None, "skipped": str(exc).splitlines()[0]}


def markdown(scale: dict | None = None, failover: dict | None = None, skipped: str | None = None) -> str:
    """A section for BENCHMARKS.md from `measure()`'s result (or from `scale_out` and `failover` directly)."""
    fail = failover
    lines = ["## Beyond one process: replicas behind nginx (`scripts/serve.sh`)", ""]
    if skipped:
        lines += [f"Not measured: {skipped} (serve.sh needs nginx; see its message).", ""]
    if scale:
        ok = scale["speedup"] >= scale["budget"]
        spread = ", ".join(f"{k or '?'}: {v}" for k, v in scale["spread"].items())
        pairs = "; ".join(
            f"{pair['ratio']:.2f}× (ceiling {min(pair['ceiling_before'], pair['ceiling_after']):.2f}"
            f"{'' if pair['kept'] else ', set aside'})"
            for pair in scale["pairs"]
        )
        counted = (
            f"the median of the {scale['kept']} pair{'s' if scale['kept'] != 1 else ''} run with two cores free"
            if scale["kept"]
            else f"the median of all {len(scale['pairs'])} pairs: **no pair had two free cores**, so this says "
            "little about scaling"
        )
        lines += [
            f"{scale['sessions']} new sessions (websocket, one page run, close; the pages in turn: "
            f"{', '.join(scale['pages'])}), at most {scale['concurrency']} open at once, against one plain "
            f"`streamlit run` and against {scale['replicas']} replicas behind nginx, on this {scale['cores']}-core "
            "machine; the load generator (asyncio, bench/stclient.py) shares those cores. Pairs of runs (plain, "
            f"then replicas); the speed-up is {counted}.",
            "",
            "| measure | goal | measured | verdict |",
            "|---|---|---|---|",
            f"| speed-up, {scale['replicas']} replicas behind nginx over one plain server | ≥ {scale['budget']}× | "
            f"{figure(scale['speedup'], at_most=False)}× "
            f"(median walls {scale['served_seconds']:.2f} s vs {scale['plain_seconds']:.2f} s;"
            f" {scale['served_per_second']:.0f} vs {scale['plain_per_second']:.0f} sessions/s) | "
            f"{'meets the goal' if ok else '**misses the goal**'} |",
            f"| sessions that failed | 0 | plain {scale['failed']['plain']}, replicas {scale['failed']['served']} | "
            f"{'meets the goal' if not any(scale['failed'].values()) else '**misses the goal**'} |",
            "| the machine's ceiling: what two processes get done at once over one alone (pure-Python loop) | "
            f"(no deployment of two beats it) | {scale['ceiling']:.2f}× | reported, not a goal |",
            "",
            f"Every pair: {pairs}. A pair counts when the ceiling before and after it was at least "
            f"{scale['ceiling_for_a_pair']}× (2× on two free cores; less while another program holds part of one). "
            f"Sessions per replica over all runs: {spread}.",
            "",
        ]
    if fail:
        lines += [
            f"Failover: {fail['students']} students, each with their own affinity cookie and session, rerunning "
            f"pages every half second on {fail['replicas']} replicas; the replica holding the most of them "
            f"({fail['killed']}, {fail['held_by_killed']} students) is killed with SIGKILL.",
            "",
            "| measure | measured |",
            "|---|---|",
            f"| sessions lost | {fail['lost']}, of which on other replicas: {fail['lost_elsewhere']} |",
            f"| students on the other replicas who carried on | {fail['others_carried_on']} of {fail['others']} |",
            f"| first new session to render after the kill | {fail['first_new_session_s'] * 1000:.0f} ms "
            f"({fail['new_session_failures']} failed tries before it) |",
            f"| a lost student's reload renders again after | median {fail['reload_back_median_s'] * 1000:.0f} ms, "
            f"slowest {fail['reload_back_max_s'] * 1000:.0f} ms (never back: {fail['never_back']}) |",
            f"| new sessions after the failover that got no page | {fail['fresh_failed_after']} of "
            f"{fail['fresh_sessions_after']} |",
            f"| sessions lost before the kill; pages that raised (the app's doing, not the failover's) | "
            f"{fail['lost_before_kill']}; {fail['page_errors']} |",
            "",
        ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smoke run: 90 sessions, 1 pair, 16 students")
    args = parser.parse_args()
    result = measure(args.quick)
    print(f"<!-- {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()} -->")
    print(markdown(**result))
    print(f"<!-- {result} -->")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
