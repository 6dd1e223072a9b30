#!/usr/bin/env bash
# Set up a virtual environment with the test tools and run the whole suite.
# The browser tests need Debian's chromium; they are installed here when apt-get is available.
set -euo pipefail
cd "$(dirname "$0")/.."
# Debian's chromium (the browser tests) and nginx (scripts/serve.sh's tests), where they are missing and apt-get can.
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing="$missing nginx"
if [ -n "$missing" ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null) \
    || echo "could not install$missing: the tests that need them will be skipped (failed with CI=true)" >&2
fi
if command -v npm >/dev/null 2>&1; then
  npm ci --silent --no-audit --no-fund --prefix tests/js || echo "could not install axe-core: accessibility tests will be skipped" >&2
fi
python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
# Two processes at most: each starts its own app server and Chromium (tests/conftest.py).
.venv/bin/python -m pytest -q -n auto --maxprocesses 2 "$@"
