"""Server processes by pid: start detached, check, and stop (SIGTERM, then SIGKILL).

A pid is only signalled while its command line still names the node's data folder, so a pid
file left by a crash never stops an unrelated process that later got the same pid.
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

_POLL_SECONDS = 0.05


def spawn(argv: Sequence[str], env: Mapping[str, str], log_path: Path) -> int:
    """Start ``argv`` in its own session (a terminal's Ctrl+C does not reach it); its pid."""
    log_fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        actions = [
            (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
            (os.POSIX_SPAWN_DUP2, log_fd, 1),
            (os.POSIX_SPAWN_DUP2, log_fd, 2),
        ]
        return os.posix_spawn(argv[0], list(argv), dict(env), file_actions=actions, setsid=True)
    finally:
        os.close(log_fd)


def _reap(pid: int) -> bool:
    """Collect ``pid`` if it is our exited child; True when it has exited."""
    try:
        done, _ = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return False
    return done == pid


def is_alive(pid: int) -> bool:
    """Whether ``pid`` is a running (not zombie) process."""
    if _reap(pid):
        return False
    try:
        stat_line = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return False
    # The state letter follows the parenthesised command name, which may hold spaces.
    state = stat_line.rpartition(")")[2].split()[:1]
    return state != ["Z"]


def runs_with(pid: int, argument: str, *, settle: float = 0.0) -> bool:
    """Whether ``pid`` is alive and has ``argument`` among its command-line arguments.

    Just after exec the kernel shows an empty command line for a moment; ``settle`` is how
    long to wait for it to appear (for a pid we started ourselves).
    """
    deadline = time.monotonic() + settle
    while True:
        try:
            raw = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            return False
        if raw or not is_alive(pid) or time.monotonic() >= deadline:
            break
        time.sleep(_POLL_SECONDS)
    return argument in os.fsdecode(raw).split("\0") and is_alive(pid)


def pids_with(argument: str) -> list[int]:
    """Every live process whose command line holds ``argument`` (for checks after a stop)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and runs_with(int(entry.name), argument):
            found.append(int(entry.name))
    return found


def wait_exit(pids: Iterable[int], timeout: float) -> list[int]:
    """Wait up to ``timeout`` seconds for ``pids`` to exit; those still running."""
    waiting = list(pids)
    deadline = time.monotonic() + timeout
    while True:
        waiting = [pid for pid in waiting if is_alive(pid)]
        if not waiting or time.monotonic() >= deadline:
            return waiting
        time.sleep(_POLL_SECONDS)


def send(pid: int, sig: signal.Signals) -> None:
    """Send ``sig`` to ``pid``; a process that is already gone is not an error."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, sig)


def stop(pids: Sequence[int], timeout: float) -> None:
    """SIGTERM ``pids`` together; SIGKILL any still running after ``timeout`` seconds."""
    for pid in pids:
        send(pid, signal.SIGTERM)
    stubborn = wait_exit(pids, timeout)
    for pid in stubborn:
        send(pid, signal.SIGKILL)
    wait_exit(stubborn, 5.0)
