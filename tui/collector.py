"""Python's full garbage collections, held back while the reader types and run in pauses.

Now and then the collector walks every object alive. With a large archive open that walk is
long (at 100,000 articles the search engine keeps sets of article numbers for recent terms:
40-140 ms a walk), and while the reader types it falls on a keystroke at random, so the
results of that key come late. The young generations are collected as usual: they are
cheap, and they free most of what a keystroke leaves behind.
"""

from __future__ import annotations

import gc
from collections.abc import Callable

HELD_BACK = 10
"""While the reader types, a full collection waits this many times as long as usual (it
still comes, late, if the reader never pauses)."""


class PausedCollections:
    """Holds full collections back while the reader types; collects what is due in a pause.

    Args:
        idle: Whether the reader has paused.
    """

    def __init__(self, idle: Callable[[], bool]) -> None:
        self._idle = idle
        self._usual: tuple[int, int, int] | None = None

    @property
    def holding(self) -> bool:
        """Whether full collections are being held back."""
        return self._usual is not None

    def typing(self) -> None:
        """A key was pressed: hold full collections back until the next pause."""
        if self._usual is None:
            self._usual = gc.get_threshold()
            young, middle, full = self._usual
            gc.set_threshold(young, middle, full * HELD_BACK)

    def tick(self) -> None:
        """(Called now and then) in a pause, collect what is due and collect as usual again."""
        if self._usual is not None and self._idle():
            self.release()
            if gc.get_count()[2] >= gc.get_threshold()[2]:
                gc.collect()

    def release(self) -> None:
        """Collect as usual again (in a pause, and when the app ends)."""
        if self._usual is not None:
            gc.set_threshold(*self._usual)
            self._usual = None
