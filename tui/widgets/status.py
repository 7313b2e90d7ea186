"""The status line: the results (or what went wrong) on the left, the index on the right.

Short notes (``Bookmarked.``, ``Sorted by newest``) are shown here for a few seconds rather
than as pop-up notifications, which would cover the status line and the keys below it.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.timer import Timer
from textual.widget import Widget

from tui.safe import inert_line
from tui.wording import plural

NOTE_SECONDS = 3.0


class StatusLine(Widget):
    """One line: result count, query time, notes or an error; the index state on the right."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "status--error",
        "status--hint",
        "status--notice",
        "status--index",
        "status--busy",
    }

    def __init__(self, *, show_timings: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.show_timings = show_timings
        self._results = ""
        self._notices: tuple[str, ...] = ()
        self._hint = ""
        self._note = ""
        self._error = ""
        self._index = ""
        self._busy = False
        self._note_timer: Timer | None = None

    def set_results(
        self, total: int, seconds: float, *, hint: str = "", notices: tuple[str, ...] = ()
    ) -> None:
        """Describe the current results and what the reader should know about them."""
        parts = [plural(total, "result")]
        if self.show_timings:
            parts.append(f"{seconds * 1000:.0f} ms")
        self._results = " \u00b7 ".join(parts)
        self._notices = notices
        self._hint = hint
        self._error = ""
        self.refresh()

    def set_searching(self, what: str) -> None:
        """Say what is happening while there are no results to count (indexing...)."""
        self._results = what
        self._notices = ()
        self._hint = ""
        self.refresh()

    def set_hint(self, hint: str) -> None:
        """A note after the results that stays (``hit 3/7``, a suggestion)."""
        self._hint = hint
        self.refresh()

    def note(self, message: str) -> None:
        """A passing note (``Bookmarked.``), gone after a few seconds."""
        self._note = message
        if self._note_timer is not None:
            self._note_timer.stop()
        self._note_timer = self.set_timer(NOTE_SECONDS, self._forget_note)
        self.refresh()

    def _forget_note(self) -> None:
        self._note = ""
        self._note_timer = None
        self.refresh()

    def set_error(self, message: str) -> None:
        """Show ``message`` in place of the results until the next results arrive."""
        self._error = message
        self.refresh()

    def set_index(self, message: str, *, busy: bool = False) -> None:
        """The index state shown on the right (``47 articles``, ``indexing``)."""
        self._index = message
        self._busy = busy
        self.refresh()

    @property
    def plain(self) -> str:
        """The text of the line, for tests."""
        return self.render().plain

    def render(self) -> Text:
        """The line, left part cut short when it does not fit."""
        style = self.get_component_rich_style
        if self._error:
            left = Text(inert_line(self._error), style=style("status--error", partial=True))
        else:
            left = Text(inert_line(self._results))
            if self._note:
                left.append(
                    "  " + inert_line(self._note), style=style("status--hint", partial=True)
                )
            for notice in self._notices:
                notice_style = style("status--notice", partial=True)
                left.append("  " + inert_line(notice), style=notice_style)
            if self._hint and not self._note:
                left.append(
                    "  " + inert_line(self._hint), style=style("status--hint", partial=True)
                )
        right_style = "status--busy" if self._busy else "status--index"
        right = Text(inert_line(self._index), style=style(right_style, partial=True))
        width = self.size.width or 80
        room = max(0, width - right.cell_len - 2)
        left.truncate(room, overflow="ellipsis")
        gap = max(1, width - left.cell_len - right.cell_len - 1)
        return Text.assemble(" ", left, " " * gap, right)
