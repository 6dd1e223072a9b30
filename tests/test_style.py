"""The code stays in one style: ruff's lint and format checks are clean over the whole tree (pyproject.toml)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bench.server import ROOT

RUFF = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")


@pytest.mark.parametrize("command", [["check", "."], ["format", "--check", "."]], ids=["lint", "format"])
def test_ruff_is_clean(command):
    assert RUFF, "ruff is not installed (requirements-dev.txt)"
    result = subprocess.run([RUFF, *command], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-1000:]
