"""The benchmark script runs and writes its table (a tiny smoke run; the budgets are judged from BENCHMARKS.md)."""

import subprocess
import sys

from relations.validation import DATA_DIR

ROOT = DATA_DIR.parent


def test_bench_quick_run_writes_its_table(tmp_path):
    out = tmp_path / "BENCHMARKS.md"
    result = subprocess.run([sys.executable, "bench/run.py", "--quick", "--output", str(out)], cwd=ROOT,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    text = out.read_text(encoding="utf-8")
    assert "| cold start to rendered home page | ≤ 1.5× bare |" in text
    assert "sessions at once, heaviest page" in text and "| timeline |" in text
    assert "warm change" in text
    served = text.split("## Rerun on the real server, over the websocket")[1].split("## Cold start")[0]
    assert "| timeline |" in served and "ms |" in served
