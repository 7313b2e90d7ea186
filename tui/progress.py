"""A one-line progress bar on stderr for index builds (only when stderr is a terminal)."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from index.api.records import Progress
from tui.safe import printable

_REDRAW_SECONDS = 0.1
_BAR_WIDTH = 30


class ProgressBar:
    """Draws build progress in place; silent when the stream is not a terminal."""

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.label = printable(label)  # it names an archive folder, which may be hostile
        self._last = 0.0
        self._drawn = False

    def __call__(self, progress: Progress) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        final = progress.phase == "commit"
        if not final and now - self._last < _REDRAW_SECONDS:
            return
        self._last = now
        if progress.phase == "scan":
            line = f"{self.label}: looking for article files..."
        elif progress.phase == "commit":
            line = f"{self.label}: saving the index..."
        elif progress.phase == "quotes":
            line = (
                f"{self.label}: new quote extractor, finding quotes again: "
                f"{progress.done:,}/{progress.total:,} articles"
            )
        else:
            share = progress.done / progress.total if progress.total else 1.0
            filled = int(share * _BAR_WIDTH)
            bar = "#" * filled + "." * (_BAR_WIDTH - filled)
            line = f"{self.label}: [{bar}] {progress.done:,}/{progress.total:,} files"
        self.stream.write("\r\x1b[2K" + line)
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        """Clear the progress line."""
        if self._drawn:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
