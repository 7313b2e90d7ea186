"""Ask one local node how it is: ``/health`` and its Raft state from ``/debug``.

Plain ``urllib`` with short timeouts: managing a local cluster needs no client library, and a
node that does not answer in time simply counts as not ready.
"""

from __future__ import annotations

import json
import urllib.request
from typing import Any

from index.engines.typesense.secret import ApiKey

# braft's node states, as /debug reports them.
LEADER = 1
FOLLOWER = 4
STATE_NAMES = {
    1: "leader",
    2: "transferring",
    3: "candidate",
    4: "follower",
    5: "error",
    6: "uninitialized",
    7: "shutting down",
    8: "shut down",
}


def _get(host: str, port: int, path: str, key: ApiKey | None, timeout: float) -> Any:
    request = urllib.request.Request(f"http://{host}:{port}{path}")
    if key is not None:
        request.add_header("X-TYPESENSE-API-KEY", key.reveal())
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.loads(response.read())
    except (OSError, ValueError):
        # Refused, reset, timed out, an HTTP error status or a half-written answer:
        # all mean "not ready" to the caller.
        return None


def healthy(host: str, port: int, timeout: float = 1.0) -> bool:
    """Whether the node answers ``/health`` with ``ok: true``."""
    answer = _get(host, port, "/health", None, timeout)
    return isinstance(answer, dict) and answer.get("ok") is True


def raft_state(host: str, port: int, key: ApiKey, timeout: float = 1.0) -> int | None:
    """The node's Raft state (1 leader, 4 follower...) or None when it does not answer."""
    answer = _get(host, port, "/debug", key, timeout)
    if isinstance(answer, dict) and isinstance(answer.get("state"), int):
        return int(answer["state"])
    return None
