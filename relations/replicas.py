"""Serving from several replicas (scripts/serve.sh): whether a reader has just been moved to another one.

nginx keeps a cookie naming the replica that last served a browser and passes it to the next one in the header
X-JSR-Previous-Replica (deploy/nginx.conf.template); each replica knows its own name from JSR_REPLICA. When the
two differ, the replica the reader was on has stopped: the view comes back from the address, but events they
uploaded lived in that replica's memory and are gone, and the page says so.
"""

from __future__ import annotations

HEADER = "X-JSR-Previous-Replica"
ENVIRONMENT = "JSR_REPLICA"


def moved(previous: str | None, current: str | None) -> bool:
    """True when this browser was last served by another replica (both names known and different)."""
    return bool(previous and current and previous.strip() != current.strip())
