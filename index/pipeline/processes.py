"""What every engine needs before it starts worker processes."""

from __future__ import annotations

import sys


def ensure_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with a real stderr.

    Python hands the tracker ``sys.stderr``'s file descriptor when it first starts it; inside
    a terminal UI stderr may be a capture object without one, and every spawn then fails
    with "bad value(s) in fds_to_keep".
    """
    from multiprocessing import resource_tracker

    try:
        usable = sys.stderr is not None and sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = False
    if usable:
        resource_tracker.ensure_running()
        return
    captured, sys.stderr = sys.stderr, sys.__stderr__
    try:
        resource_tracker.ensure_running()
    finally:
        sys.stderr = captured
