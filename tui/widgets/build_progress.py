"""A one-line progress bar for index builds: files done, files per second, time left.

Drawn with block characters, so that it reads the same in 16 colours and without colour.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from index.api.records import Progress
from tui.safe import inert_line

_FILLED, _EMPTY = "\u2588", "\u2591"


def seconds_text(seconds: float) -> str:
    """``8 s``, ``2 min 5 s``, ``1 h 3 min``: a duration for people."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return f"{minutes} min {secs} s" if secs else f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min"


def progress_words(progress: Progress, rate: float, seconds_left: float | None) -> str:
    """``1,200/2,208 files · 95 files/s · 11 s left`` (what is known so far)."""
    if progress.phase == "scan":
        return "looking for article files\u2026"
    if progress.phase == "commit":
        return f"{progress.total:,} files read; saving the index\u2026"
    unit = "articles" if progress.phase == "quotes" else "files"
    parts = [f"{progress.done:,}/{progress.total:,} {unit}"]
    if progress.phase == "quotes":
        parts.insert(0, "new quote extractor")
    if rate > 0:
        parts.append(f"{rate:,.0f} {unit}/s")
    if seconds_left is not None and progress.done:
        left = seconds_text(seconds_left) if seconds_left >= 0.5 else None
        parts.append(f"about {left} left" if left else "almost done")
    return " \u00b7 ".join(parts)


class BuildProgress(Widget):
    """``Indexing bbc ████░░░░ 1,200/2,208 files · 95 files/s · about 11 s left``."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._label = ""
        self._share = 0.0
        self._words = ""

    def show(self, archive: str, progress: Progress, rate: float, left: float | None) -> None:
        """Show how far the build of ``archive`` is."""
        self._label = f"Indexing {inert_line(archive)}"
        self._share = progress.done / progress.total if progress.total else 0.0
        if progress.phase == "commit":
            self._share = 1.0
        self._words = progress_words(progress, rate, left)
        self.add_class("-active")
        self.refresh()

    def hide(self) -> None:
        """The build is over."""
        self.remove_class("-active")

    @property
    def plain(self) -> str:
        """The text of the bar, for tests."""
        return self.render().plain

    def render(self) -> Text:
        """Label, bar, and the numbers; the bar takes what room is left."""
        width = self.size.width or 80
        room = max(10, min(40, width - len(self._label) - len(self._words) - 4))
        filled = round(self._share * room)
        bar = _FILLED * filled + _EMPTY * (room - filled)
        line = Text(f" {self._label} ", style="bold")
        line.append(bar)
        line.append(f" {self._words}")
        line.truncate(width, overflow="ellipsis")
        return line
