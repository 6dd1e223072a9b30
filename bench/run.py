"""Benchmark the dashboard on the real server against a bare one-line Streamlit app, and write BENCHMARKS.md.

    python bench/run.py                              # full run (a few minutes), writes BENCHMARKS.md
    python bench/run.py --quick --output /tmp/b.md   # smoke run used by the test suite

Every figure is a ratio against a bare app (`st.write("Hello")`) that runs with the project's own
.streamlit/config.toml, measured in the same run, alternately with the app (app, bare, app, bare, ...), the median
of several runs, because these machines are shared and noisy:

1. cold start: process start until the home page is rendered in headless Chromium;
2. a class: 40 new sessions at once on each page over Streamlit's websocket, until every script finished;
3. a lecture hall: 200 new sessions at once on the heaviest page, both servers pinned to one core (`taskset -c 0`,
   like a small cloud instance) and the load generator to the other, with the server's memory after it;
4. memory: server RSS with 40 sessions open on the heaviest page, spread over English, Japanese and Russian;
5. scale-out: 300 new sessions through nginx with two replicas against one plain server, and a replica killed
   in the middle of a class (bench/scale.py);
6. what each speed trick the app keeps buys: the app without it, measured the same way.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as `python bench/run.py` from the checkout

from bench import scale  # noqa: E402
from bench.report import figure  # noqa: E402
from bench.server import CHROMIUM, ROOT, Server, launch_chromium  # noqa: E402
from bench.stclient import class_at_once, open_session, run_page  # noqa: E402
from relations.i18n import LANGUAGES  # noqa: E402
from relations.pages import NAMES, url_path  # noqa: E402

PAGES = [url_path(name) for name in NAMES]
# What a class opens on each page: the address alone, except the self-check, which a class opens from the link
# the teacher hands out (?quiz=...: the same questions for everyone). Without one, every student draws a set of
# their own, whose maps and charts are built for that student (about 0.15 s each on this machine).
CLASS_QUERY = {"selfcheck": "quiz=2024"}
BUDGETS = {"cold": 1.5, "class": 3.0, "hall": 3.0, "hall_rss_mb": 690, "rss_mb": 350}
ONE_CORE = ("taskset", "-c", "0")
CLIENT_CORES = {1}  # the load generator's core while the servers are pinned to core 0


def bare_app(folder: Path) -> Path:
    """A one-line app in a folder of its own that holds a copy of the project's .streamlit/config.toml."""
    (folder / ".streamlit").mkdir(parents=True)
    shutil.copy(ROOT / ".streamlit" / "config.toml", folder / ".streamlit" / "config.toml")
    script = folder / "bare_app.py"
    script.write_text('import streamlit as st\n\nst.write("Hello")\n', encoding="utf-8")
    return script


# --------------------------------------------------------------------------- the app without one of its tricks


# Each trick the app keeps for speed, and the app without it: (file, text in it, replacement, what it does).
TRICKS = {
    "memo": (
        "relations/memo.py",
        "def shared(max_entries: int = 256, also_keyed_by",
        "def shared(max_entries: int = 256, also_keyed_by=None):\n"
        "    import streamlit as st\n\n"
        "    return lambda fn: st.cache_resource(max_entries=max_entries, show_spinner=False)(fn)\n\n\n"
        "def _unused(max_entries: int = 256, also_keyed_by",
        "tables and views shared through relations/memo.py (one dict lookup per hit) instead of "
        "st.cache_resource (which hashes the arguments with Streamlit's hasher on every call)",
    ),
    "static geometry": (
        "relations/geo.py",
        "    return _geometry_url(current_data_dir())",
        "    return None",
        "the map's 55 kB of geometry fetched once by each browser from static/ instead of sent inside every map",
    ),
    "inline chart data": (
        "relations/charts.py",
        "    alt.data_transformers.consolidate_datasets = False",
        "    alt.data_transformers.consolidate_datasets = True",
        "each Vega-Lite chart's rows inline in its layers (Altair's consolidate_datasets off) instead of in "
        "top-level datasets, which Streamlit turns into Arrow through pandas on every run of every session",
    ),
    "warm-up at start": (
        "app.py",
        "app = st.App(__file__, lifespan=_lifespan)",
        "app = st.App(__file__)",
        "the server imports pandas and builds the home page while it starts (app.py's st.App lifespan), "
        "before the first visitor",
    ),
}


def without(trick: str, folder: Path) -> Path:
    """A copy of the app in `folder` with one trick taken out; returns its app.py."""
    path, old, new, _what = TRICKS[trick]
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("app.py", "app_pages", "relations", ".streamlit"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, folder / name)
    for name in ("assets", "data", "static"):
        (folder / name).symlink_to(ROOT / name)
    target = folder / path
    text = target.read_text(encoding="utf-8")
    if old not in text:
        raise SystemExit(f"bench: cannot take out '{trick}': {path} no longer contains {old!r}")
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder / "app.py"


# Choices measured like a trick but kept for another reason, which the table gives instead of a verdict on speed.
KEPT_FOR = {
    "memo": "kept for the pure core, not for speed: relations/ must not import Streamlit, so it cannot use "
    "st.cache_resource; measured to show it costs nothing against it",
    "warm-up at start": "kept on the line (its gain has ranged from 10% to 20% between runs): it helps only the "
    "first visitor after a start, not a class, but without it the cold start moves further past its 1.5× budget",
}
GAIN_TO_KEEP = 0.10


def trick_verdict(trick: str, gain: float) -> str:
    if trick in KEPT_FOR:
        return KEPT_FOR[trick]
    return "kept: buys at least 10%" if gain >= GAIN_TO_KEEP else "**buys less than 10%: take it out**"


# --------------------------------------------------------------------------- measures


@contextmanager
def client_on(cores: set[int]):
    """Run the load generator on `cores` only, so that it does not take the pinned servers' core."""
    before = os.sched_getaffinity(0)
    os.sched_setaffinity(0, cores & before or before)
    try:
        yield
    finally:
        os.sched_setaffinity(0, before)


def cold_start(script: Path, browser) -> float:
    """Seconds from process start to the home page rendered and idle in Chromium."""
    server = Server(script)
    try:
        server.wait_healthy()
        page = browser.new_page()
        page.goto(server.url)
        page.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']", timeout=90000)
        page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=90000)
        page.wait_for_selector(
            "[data-testid='stMainBlockContainer'] [data-testid='stMarkdownContainer'] p", timeout=90000
        )
        elapsed = time.perf_counter() - server.started
        page.close()
        return elapsed
    finally:
        server.stop()


def measure_cold(apps: list[Path], runs: int) -> list[list[float]]:
    """Cold starts of each app in turn, `runs` rounds (the apps alternate within each round)."""
    from playwright.sync_api import sync_playwright

    times: list[list[float]] = [[] for _ in apps]
    with sync_playwright() as p:
        browser = launch_chromium(p)
        for _ in range(runs):
            for app, out in zip(apps, times):
                out.append(cold_start(app, browser))
        browser.close()
    return times


async def measure_class(
    app_url: str, bare_url: str, pages: list[str], students: int, runs: int, same_page: bool = False
) -> dict:
    """Per page: (median app wall, median bare wall, sessions that failed, bytes per session). The bare app has one
    page; `same_page` is for two copies of the app (a trick kept and taken out), which both run the page."""
    out = {}
    for page in pages:
        # A teacher opened the link first: the page has run once, so the class meets a warm server.
        query = CLASS_QUERY.get(page, "")
        other = (page, query) if same_page else ("", "")
        await class_at_once(app_url, page, 1, query)
        await class_at_once(bare_url, other[0], 1, other[1])
        app_walls, bare_walls, failed, sizes = [], [], 0, []
        for _ in range(runs):
            wall, results = await class_at_once(app_url, page, students, query)
            app_walls.append(wall)
            failed += sum(bool(r.exceptions) or r.finished != "FINISHED_SUCCESSFULLY" for r in results)
            sizes.append(statistics.median(r.bytes_received for r in results))
            wall, _ = await class_at_once(bare_url, other[0], students, other[1])
            bare_walls.append(wall)
        out[page] = (statistics.median(app_walls), statistics.median(bare_walls), failed, statistics.median(sizes))
    return out


async def measure_memory(server: Server, page: str, students: int) -> float:
    """RSS (MB) of the server with `students` sessions open on the page (kept open while measuring), the
    sessions spread over the three languages: each language has views and catalogs of its own."""
    conns = [await open_session(server.url) for _ in range(students)]
    try:
        extra = "&" + CLASS_QUERY[page] if page in CLASS_QUERY else ""
        await asyncio.gather(
            *(run_page(c, page, f"lang={LANGUAGES[i % len(LANGUAGES)]}{extra}") for i, c in enumerate(conns))
        )
        await asyncio.sleep(1)
        return server.rss_mb()
    finally:
        await asyncio.gather(*(c.close() for c in conns))


def lecture_hall(app: Path, bare: Path, page: str, students: int, runs: int) -> tuple[tuple, float]:
    """((app wall, bare wall, failed, bytes), app RSS after the hall) with both servers on one core."""
    with (
        client_on(CLIENT_CORES),
        Server(app, prefix=ONE_CORE) as app_server,
        Server(bare, prefix=ONE_CORE) as bare_server,
    ):
        hall = asyncio.run(measure_class(app_server.url, bare_server.url, [page], students, runs))[page]
        return hall, app_server.rss_mb()


def trick_worth(trick: str, bare: Path, heaviest: str, args, tmp: Path) -> tuple[float, float, str]:
    """(app with the trick, app without it, unit): the measure each trick is for."""
    plain = without(trick, tmp / trick.replace(" ", "-"))
    if trick == "warm-up at start":
        kept, dropped = measure_cold([ROOT / "app.py", plain], args.runs)
        return statistics.median(kept), statistics.median(dropped), "s to the first page after a start"
    page = url_path("territories") if trick == "static geometry" else heaviest
    students = args.hall
    with (
        client_on(CLIENT_CORES),
        Server(ROOT / "app.py", prefix=ONE_CORE) as kept,
        Server(plain, prefix=ONE_CORE) as dropped,
    ):
        # Alternate the two apps, as against the bare app: measure_class takes (first, second) pairs.
        walls = asyncio.run(measure_class(kept.url, dropped.url, [page], students, args.runs, same_page=True))[page]
    return walls[0], walls[1], f"s for {students} new sessions on {page or 'overview'}, one core"


# --------------------------------------------------------------------------- report


def verdict(ok: bool) -> str:
    return "meets the goal" if ok else "**misses the goal**"


def write_report(path: Path, args, cold, klass, heaviest, hall, hall_rss, memory, tricks, scaled) -> str:
    app_cold, bare_cold = statistics.median(cold[0]), statistics.median(cold[1])
    heavy = klass[heaviest]
    name = heaviest or "overview"
    lines = [
        "# Benchmarks",
        "",
        f"Written by `python bench/run.py{' --quick' if args.quick else ''}` on "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} ({platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}). Every ratio is against a bare one-line Streamlit app "
        '(`st.write("Hello")`) that runs with the project\'s own `.streamlit/config.toml`, measured in the same '
        f"run, alternating with the app; each figure is the median of {args.runs} runs. Machines here are shared "
        "and noisy: compare ratios, not seconds.",
        "",
        "## Goals and results",
        "",
        "| measure | goal | measured | verdict |",
        "|---|---|---|---|",
        f"| cold start to rendered home page | ≤ {BUDGETS['cold']}× bare | "
        f"{figure(app_cold / bare_cold, at_most=True)}× "
        f"({app_cold:.2f} s vs {bare_cold:.2f} s) | {verdict(app_cold / bare_cold <= BUDGETS['cold'])} |",
        f"| {args.students} new sessions at once, heaviest page ({name}) | ≤ {BUDGETS['class']}× bare | "
        f"{figure(heavy[0] / heavy[1], at_most=True)}× ({heavy[0]:.2f} s vs {heavy[1]:.2f} s) | "
        f"{verdict(heavy[0] / heavy[1] <= BUDGETS['class'])} |",
        f"| {args.hall} new sessions at once on {name}, both servers on one core | ≤ {BUDGETS['hall']}× bare | "
        f"{figure(hall[0] / hall[1], at_most=True)}× ({hall[0]:.2f} s vs {hall[1]:.2f} s) | "
        f"{verdict(hall[0] / hall[1] <= BUDGETS['hall'])} |",
        f"| server memory after those {args.hall} sessions | ≤ {BUDGETS['hall_rss_mb']} MB | {hall_rss:.0f} MB | "
        f"{verdict(hall_rss <= BUDGETS['hall_rss_mb'])} |",
        f"| server memory with {args.students} sessions open on {name} (en, ja, ru in turn) | "
        f"≤ {BUDGETS['rss_mb']} MB | "
        f"{memory[0]:.0f} MB (bare: {memory[1]:.0f} MB) | {verdict(memory[0] <= BUDGETS['rss_mb'])} |",
    ]
    s = scaled.get("scale")
    if s:
        lines.append(
            f"| {s['sessions']} new sessions, {s['replicas']} replicas behind nginx over one plain server | "
            f"≥ {s['budget']}× faster | {figure(s['speedup'], at_most=False)}× | "
            f"{verdict(s['speedup'] >= s['budget'])} |"
        )
    lines += [
        "",
        f"Sessions that failed (an exception, or no finished run): {sum(k[2] for k in klass.values()) + hall[2]}.",
        "",
        f"## {args.students} new sessions at once, per page",
        "",
        "Each page opened by its address alone, except "
        + ", ".join(f"{page} (`?{query}`, the link a teacher hands out)" for page, query in CLASS_QUERY.items())
        + ".",
        "",
        "| page | wall time | bare | ratio | sessions that failed | bytes sent per session |",
        "|---|---|---|---|---|---|",
    ]
    for page, (app_wall, bare_wall, failed, size) in klass.items():
        lines.append(
            f"| {page or 'overview'} | {app_wall:.2f} s | {bare_wall:.2f} s | {app_wall / bare_wall:.2f}× | "
            f"{failed} | {size / 1000:.0f} kB |"
        )
    lines += ["", "## Cold start, every run", "", "| run | app | bare |", "|---|---|---|"]
    lines += [f"| {i} | {a:.2f} s | {b:.2f} s |" for i, (a, b) in enumerate(zip(*cold), 1)]
    if tricks:
        lines += [
            "",
            "## What each speed trick buys",
            "",
            "Each trick the app keeps only for speed, measured against a copy of the app without it (bench/run.py, "
            "`TRICKS`), alternating the two. A trick stays only while it buys at least 10%.",
            "",
            "| trick | what it does | with it | without it | gain | verdict |",
            "|---|---|---|---|---|---|",
        ]
        for trick, (kept, dropped, unit) in tricks.items():
            gain = 1 - kept / dropped
            lines.append(
                f"| {trick} | {TRICKS[trick][3]} | {kept:.2f} {unit} | {dropped:.2f} s | "
                f"{gain * 100:.0f}% | {trick_verdict(trick, gain)} |"
            )
    lines += ["", scale.markdown(**scaled).strip()]
    text = "\n".join(lines) + "\n"
    path.write_text(text, encoding="utf-8")
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="runs per measure (median taken)")
    parser.add_argument("--students", type=int, default=40, help="sessions in a class")
    parser.add_argument("--hall", type=int, default=200, help="sessions in a lecture hall")
    parser.add_argument("--output", type=Path, default=ROOT / "BENCHMARKS.md")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smoke run: 1 run, a few sessions, 2 pages, no tricks compared; scale-out and failover small (about 20 s)",
    )
    args = parser.parse_args()
    pages = PAGES
    if args.quick:
        args.runs, args.students, args.hall, pages = 1, 3, 6, ["", url_path("timeline")]
    if not os.path.exists(CHROMIUM):
        raise SystemExit("bench: Chromium is needed for the cold start (scripts/test.sh installs Debian's chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        bare = bare_app(tmp / "bare")
        cold = measure_cold([ROOT / "app.py", bare], args.runs)
        with Server(ROOT / "app.py") as app_server, Server(bare) as bare_server:
            klass = asyncio.run(measure_class(app_server.url, bare_server.url, pages, args.students, args.runs))
            heaviest = max(klass, key=lambda p: klass[p][0] / klass[p][1])
            memory = (
                asyncio.run(measure_memory(app_server, heaviest, args.students)),
                asyncio.run(measure_memory(bare_server, "", args.students)),
            )
        hall, hall_rss = lecture_hall(ROOT / "app.py", bare, heaviest, args.hall, args.runs)
        tricks = {}
        if not args.quick:
            tricks = {trick: trick_worth(trick, bare, heaviest, args, tmp) for trick in TRICKS}
        scaled = scale.measure(quick=args.quick)
    text = write_report(args.output, args, cold, klass, heaviest, hall, hall_rss, memory, tricks, scaled)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
