"""The filter picker: facet values of the current query with their counts, combinable.

Each row says ``[x]`` or ``[ ]`` and the cursor row starts with ``>``, so the picker reads
the same without colour.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from index.api.records import FACET_FIELDS, FacetCount, FacetField, Filter
from tui.safe import inert_line
from tui.widgets.bindings import bindings
from tui.widgets.key_bar import KeyBar

FiltersChanged = Callable[[tuple[Filter, ...]], None]
CURSOR = ">"


def facet_rows(
    facets: Mapping[FacetField, tuple[FacetCount, ...]], chosen: tuple[Filter, ...]
) -> list[tuple[Filter, int | None]]:
    """Every facet value with its count, grouped by field; chosen values the query no longer
    matches stay listed (without a count), so they can be turned off."""
    rows: list[tuple[Filter, int | None]] = [
        (Filter(name, facet.value), facet.count)
        for name in FACET_FIELDS
        for facet in facets.get(name, ())
    ]
    known = {value for value, _ in rows}
    rows.extend((value, None) for value in chosen if value not in known)
    return rows


def row_text(value: Filter, count: int | None, on: bool, cursor: bool) -> Text:
    """``> [x] source   The Meridian Post  4``."""
    text = Text(f"{CURSOR if cursor else ' '} [{'x' if on else ' '}] ", style="bold")
    text.append(f"{value.field:<8}", style="dim")
    text.append(inert_line(value.value))
    if count is not None:
        text.append(f"  {count:,}", style="dim")
    return text


class FacetList(OptionList):
    """The facet values; the app's movement keys move, Space or Enter toggles."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "flip", "Toggle", id="facets.toggle"),  # before space as page down
        *bindings("move"),
    ]

    def action_flip(self) -> None:
        """Toggle the value under the cursor."""
        self.action_select()


class FacetScreen(ModalScreen[None]):
    """Tick source, section and year values; results follow at once. Esc closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f,q", "dismiss", "Close", id="facets.close"),
        Binding("c", "clear", "Clear filters", id="facets.clear"),
    ]

    def __init__(
        self,
        facets: Mapping[FacetField, tuple[FacetCount, ...]],
        chosen: tuple[Filter, ...],
        on_change: FiltersChanged,
    ) -> None:
        super().__init__()
        self._rows = facet_rows(facets, chosen)
        self._on = [value in chosen for value, _ in self._rows]
        self._on_change = on_change
        self._cursor = 0

    def compose(self) -> ComposeResult:
        """The list of facet values."""
        options = [
            Option(row_text(value, count, on, index == 0), id=str(index))
            for index, ((value, count), on) in enumerate(zip(self._rows, self._on, strict=True))
        ]
        picker = FacetList(*options, id="facet-list", markup=False)
        picker.border_title = "Filter by source, section, year"
        picker.border_subtitle = "space toggles \u00b7 c clears \u00b7 esc closes"
        if not options:
            picker.border_title = "No facets for these results"
        yield picker
        yield KeyBar(compact=True)  # the keys of the pop-up, not of the screen below

    @property
    def chosen(self) -> tuple[Filter, ...]:
        """The values ticked now."""
        return tuple(value for (value, _), on in zip(self._rows, self._on, strict=True) if on)

    def _redraw(self, index: int) -> None:
        if 0 <= index < len(self._rows):
            value, count = self._rows[index]
            prompt = row_text(value, count, self._on[index], index == self._cursor)
            self.query_one(FacetList).replace_option_prompt_at_index(index, prompt)

    @on(OptionList.OptionHighlighted)
    def _moved(self, event: OptionList.OptionHighlighted) -> None:
        previous, self._cursor = self._cursor, event.option_index
        self._redraw(previous)
        self._redraw(self._cursor)

    @on(OptionList.OptionSelected)
    def _toggled(self, event: OptionList.OptionSelected) -> None:
        index = event.option_index
        self._on[index] = not self._on[index]
        self._redraw(index)
        self._on_change(self.chosen)

    def action_clear(self) -> None:
        """Untick every filter."""
        self._on = [False] * len(self._rows)
        for index in range(len(self._rows)):
            self._redraw(index)
        self._on_change(())
