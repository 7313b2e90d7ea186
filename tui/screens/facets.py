"""The filter picker: facet values of the current query with their counts, combinable."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import SelectionList
from textual.widgets.selection_list import Selection

from index.api.records import FACET_FIELDS, FacetCount, FacetField, Filter
from tui.safe import inert_line

FiltersChanged = Callable[[tuple[Filter, ...]], None]


def facet_selections(
    facets: Mapping[FacetField, tuple[FacetCount, ...]], chosen: tuple[Filter, ...]
) -> list[Selection[Filter]]:
    """One selection per facet value (chosen ones ticked), grouped by field."""
    selections: list[Selection[Filter]] = []
    for name in FACET_FIELDS:
        for facet in facets.get(name, ()):
            value = Filter(name, facet.value)
            prompt = Text.assemble(
                (f"{name:<8}", "dim"), inert_line(facet.value), (f"  {facet.count:,}", "dim")
            )
            selections.append(Selection(prompt, value, value in chosen))
    known = {selection.value for selection in selections}
    for value in chosen:  # a chosen filter the query no longer matches stays visible
        if value not in known:
            prompt = Text.assemble((f"{value.field:<8}", "dim"), inert_line(value.value))
            selections.append(Selection(prompt, value, True))
    return selections


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
        self._selections = facet_selections(facets, chosen)
        self._on_change = on_change

    def compose(self) -> ComposeResult:
        """The list of facet values."""
        picker: SelectionList[Filter] = SelectionList(*self._selections, id="facet-list")
        picker.border_title = "Filter by source, section, year"
        picker.border_subtitle = "space toggles \u00b7 c clears \u00b7 esc closes"
        if not self._selections:
            picker.border_title = "No facets for these results"
        yield picker

    @on(SelectionList.SelectedChanged)
    def _changed(self, event: SelectionList.SelectedChanged[Filter]) -> None:
        self._on_change(tuple(event.selection_list.selected))

    def action_clear(self) -> None:
        """Untick every filter."""
        self.query_one(SelectionList).deselect_all()
