"""The benchmark runs end to end on real servers and reports what it measured (a tiny smoke run; the budgets are
judged from the full run in BENCHMARKS.md)."""

import re
import subprocess
import sys

from bench.server import ROOT


def test_bench_quick_run_measures_every_goal(tmp_path):
    out = tmp_path / "BENCHMARKS.md"
    result = subprocess.run(
        [sys.executable, "bench/run.py", "--quick", "--output", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    text = out.read_text(encoding="utf-8")
    goals = re.findall(r"^\| (.+?) \| ≤ ([\d.]+)(×| MB) (?:bare )?\| ([\d.]+)(?:×| MB)", text, flags=re.M)
    heaviest = re.search(r"heaviest page \((overview|timeline)\)", text)[1]  # whichever measured heavier
    assert [goal for goal, *_ in goals] == [
        "cold start to rendered home page",
        f"3 new sessions at once, heaviest page ({heaviest})",
        f"6 new sessions at once on {heaviest}, both servers on one core",
        "server memory after those 6 sessions",
        f"server memory with 3 sessions open on {heaviest} (en, ja, ru in turn)",
    ]
    for _goal, budget, _unit, measured, *_ in goals:
        assert float(measured) > 0 and float(budget) in (1.5, 3.0, 690, 350)
    assert "Sessions that failed (an exception, or no finished run): 0." in text
    rows = dict(
        re.findall(r"^\| (overview|timeline) \| [\d.]+ s \| [\d.]+ s \| [\d.]+× \| 0 \| (\d+) kB \|$", text, flags=re.M)
    )
    assert set(rows) == {"overview", "timeline"} and int(rows["timeline"]) > int(rows["overview"]) > 0


def test_a_figure_beside_its_budget_never_contradicts_its_verdict():
    from bench.report import figure

    assert figure(1.4997, at_most=False) == "1.49"  # a speed-up just under "at least 1.5" misses: not "1.50"
    assert figure(1.5041, at_most=True) == "1.51"  # a ratio just over "at most 1.5" misses: not "1.50"
    shown = (figure(1.44, at_most=True), figure(1.53, at_most=False), figure(1.5, at_most=False))
    assert shown == ("1.44", "1.53", "1.50")
