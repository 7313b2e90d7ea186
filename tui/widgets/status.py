"""The status line: the results (or what went wrong) on the left, the index on the right."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.widget import Widget

from tui.safe import inert_line


class StatusLine(Widget):
    """One line: result count, query time, sort and filters or an error; index state."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "status--error",
        "status--hint",
        "status--index",
        "status--busy",
    }

    def __init__(self, *, show_timings: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.show_timings = show_timings
        self._results = ""
        self._hint = ""
        self._error = ""
        self._index = ""
        self._busy = False

    def set_results(self, total: int, seconds: float, details: str = "", hint: str = "") -> None:
        """Describe the current results; clears any error."""
        noun = "result" if total == 1 else "results"
        parts = [f"{total:,} {noun}"]
        if self.show_timings:
            parts.append(f"{seconds * 1000:.0f} ms")
        if details:
            parts.append(details)
        self._results = " \u00b7 ".join(parts)
        self._hint = hint
        self._error = ""
        self.refresh()

    def set_hint(self, hint: str) -> None:
        """A passing note after the results (``hit 3/7``)."""
        self._hint = hint
        self.refresh()

    def set_error(self, message: str) -> None:
        """Show ``message`` in place of the results until the next results arrive."""
        self._error = message
        self.refresh()

    def set_index(self, message: str, *, busy: bool = False) -> None:
        """The index state shown on the right (``47 articles``, ``indexing 30/47``)."""
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
            if self._hint:
                hint = style("status--hint", partial=True)
                left.append("  " + inert_line(self._hint), style=hint)
        right_style = "status--busy" if self._busy else "status--index"
        right = Text(inert_line(self._index), style=style(right_style, partial=True))
        width = self.size.width or 80
        room = max(0, width - right.cell_len - 2)
        left.truncate(room, overflow="ellipsis")
        gap = max(1, width - left.cell_len - right.cell_len - 1)
        return Text.assemble(" ", left, " " * gap, right)
