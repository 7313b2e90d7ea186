"""Keeping an open archive's index fresh: the first build, then watching the folder.

The watcher checks the archive folder on a timer, at a pace set by how long a check takes,
and only while the reader is not typing. A check that finds files changed (or a forced one)
updates the index in a thread worker. Everything it learns comes back to its owner (the
main screen) as messages: :class:`~tui.messages.IndexProgress`,
:class:`~tui.messages.IndexUpdated`, :class:`~tui.messages.IndexProblem`.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from index.api.errors import IndexLocked, IndexReadOnly, IndexUnavailable
from index.api.records import Progress
from tui.messages import IndexProblem, IndexProgress, IndexUpdated

if TYPE_CHECKING:
    from textual.timer import Timer
    from textual.widget import Widget

    from index.api.backend import Backend

SCAN_SHARE = 20
"""Wait at least this many times as long as a check of the archive took before the next."""
PROGRESS_SECONDS = 0.5
"""At most this often a progress report goes to the screen (a repaint each)."""


class Closing(Exception):
    """Raised inside a background update when the watcher stops, to end it early."""


def archive_fingerprint(root: Path, stop: Callable[[], bool]) -> tuple[int, int]:
    """(file count, order-free hash of every file's path, size and mtime) under ``root``."""
    count = digest = 0
    pending = [root]
    while pending:
        if stop():
            raise Closing
        folder = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    pending.append(Path(entry.path))
                    continue
                stat = entry.stat()
            except OSError:
                continue
            count += 1
            digest ^= hash((entry.path, stat.st_size, stat.st_mtime_ns))
    return count, digest


class BuildPace:
    """Files (or articles) per second and time left of the indexing phase of an update, or
    of annotating the stored articles again."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._start: float | None = None
        self._phase = ""

    def measure(self, progress: Progress) -> tuple[float, float | None]:
        """(items per second, seconds left) at ``progress`` (0 and None until known)."""
        now = self._clock()
        if progress.phase not in ("index", "quotes"):
            return 0.0, None
        if self._start is None or progress.done == 0 or progress.phase != self._phase:
            self._phase = progress.phase
            self._start = now
            return 0.0, None
        elapsed = now - self._start
        if elapsed <= 0:
            return 0.0, None
        rate = progress.done / elapsed
        return rate, max(0.0, (progress.total - progress.done) / rate)


class ArchiveWatcher:
    """Builds, then keeps up to date, the index of the backend its owner shows."""

    def __init__(self, owner: Widget, *, interval: float | None, idle: Callable[[], bool]) -> None:
        self._owner = owner
        self._interval = interval
        self._idle = idle
        self._backend: Backend | None = None
        self._fingerprint: tuple[int, int] | None = None
        self._next_check = 0.0
        self._running = False
        self._stopped = False
        self._timer: Timer | None = None

    @property
    def checked(self) -> bool:
        """Whether the archive has been checked at least once since :meth:`watch`."""
        return self._fingerprint is not None

    def watch(self, backend: Backend) -> None:
        """Watch ``backend``'s archive from now on (instead of any other)."""
        self._backend = backend
        self._fingerprint = None
        self._next_check = 0.0
        self._stopped = False
        if self._interval and self._timer is None:
            self._timer = self._owner.set_interval(self._interval, self._tick)

    def stop(self) -> None:
        """Stop watching; an update under way gives up at its next progress report."""
        self._stopped = True
        self._backend = None

    def check(self, force: bool = False) -> None:
        """Check the archive for changes: now if ``force``, else when the pace allows."""
        backend = self._backend
        if backend is None or self._running:
            return
        if not force and time.monotonic() < self._next_check:
            return
        self._running = True
        self._owner.run_worker(
            partial(self._update, backend, force),
            thread=True,
            group="index",
            exit_on_error=False,
        )

    def check_when_idle(self) -> None:
        """Check now if the reader is not typing, else as soon as they pause."""
        if self._idle():
            self.check(force=True)
        else:
            self._owner.set_timer(0.5, self.check_when_idle)

    def _tick(self) -> None:
        if self._idle():
            self.check()

    # -- in the worker thread --------------------------------------------------------------

    def _update(self, backend: Backend, force: bool) -> None:
        post = self._owner.post_message
        changed, skipped, cost = False, 0, 0.0
        try:
            started = time.monotonic()
            fingerprint = archive_fingerprint(backend.archive, self._given_up(backend))
            cost = time.monotonic() - started
            if force or fingerprint != self._fingerprint:
                try:
                    report = backend.update(progress=self._reporter(backend))
                except IndexReadOnly:  # a shared index this key may only search: as it is
                    pass
                else:
                    changed = bool(report.added or report.updated or report.removed)
                    skipped = report.skipped_total
                self._fingerprint = fingerprint
            changed = backend.refresh() or changed
            post(IndexUpdated(backend, backend.status(), changed, skipped))
        except Closing:
            pass  # the half-built index is safe; the next start completes it
        except IndexLocked:
            post(IndexProblem(backend, "index busy: another newsdesk is updating it"))
        except IndexUnavailable as exc:  # a shared index between leaders: said, and retried
            post(IndexProblem(backend, str(exc)))
        except Exception as exc:  # upkeep in the background must not take the app down
            post(IndexProblem(backend, f"index update failed: {exc}"))
        finally:
            self._running = False
            self._next_check = time.monotonic() + max(self._interval or 0.0, cost * SCAN_SHARE)

    def _given_up(self, backend: Backend) -> Callable[[], bool]:
        return lambda: self._stopped or backend is not self._backend

    def _reporter(self, backend: Backend) -> Callable[[Progress], None]:
        pace = BuildPace()
        given_up = self._given_up(backend)
        last = 0.0

        def report(progress: Progress) -> None:
            nonlocal last
            if given_up():
                raise Closing
            rate, left = pace.measure(progress)
            now = time.monotonic()
            between = progress.phase == "index" and 0 < progress.done < progress.total
            if between and now - last < PROGRESS_SECONDS:
                return  # a repaint per file would slow the build down
            last = now
            self._owner.post_message(IndexProgress(backend, progress, rate, left))

        return report
