"""A Streamlit server in its own process on a free local port: started, polled until healthy, measured, stopped.

The one way the tests (browser, many users) and the benchmark start a server.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"  # Debian's; `playwright install` cannot download here
FLAGS = ("--server.headless", "true", "--browser.gatherUsageStats", "false", "--server.address", "127.0.0.1")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`streamlit run script` on 127.0.0.1:<free port>; a context manager that waits until it is healthy.

    The script runs from its own folder, so it reads that folder's .streamlit/config.toml: the app its own
    settings, a bare app written into a folder of its own whatever settings that folder holds. `prefix` runs the
    server under another command (`taskset -c 0` pins it to one core); `env` adds environment variables.
    """

    def __init__(
        self, script: Path, flags: Sequence[str] = (), env: dict[str, str] | None = None, prefix: Sequence[str] = ()
    ):
        self.script = Path(script)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            [
                *prefix,
                sys.executable,
                "-m",
                "streamlit",
                "run",
                str(self.script),
                "--server.port",
                str(self.port),
                *FLAGS,
                *flags,
            ],
            cwd=self.script.parent,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, **(env or {})},
        )

    def wait_healthy(self, timeout: float = 90) -> None:
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.script} exited with code {self.proc.returncode}")
            try:
                if urllib.request.urlopen(self.url + "/_stcore/health", timeout=1).read() == b"ok":
                    return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"{self.script} did not become healthy within {timeout:.0f} s")

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def cpu_seconds(self) -> float:
        """CPU time (user + system) the server process has used so far."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def __enter__(self) -> Server:
        self.wait_healthy()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def launch_chromium(playwright):
    """Debian's Chromium under Playwright, quiet: no sandbox (root in a container), no GPU, no calls home."""
    return playwright.chromium.launch(
        executable_path=CHROMIUM,
        args=[
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    )
