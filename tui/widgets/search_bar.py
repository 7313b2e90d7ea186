"""The search bar: a label, the query input, and what the results are sorted and filtered by.

The bar keeps the reader's query (text, sort order, filters) as a reactive: whatever changes
it, its watcher repaints the sort and filter info and posts :class:`SearchBar.QueryChanged`.
"""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive, reactive
from textual.widgets import Input, Label, Static

from index.api.records import Filter
from tui.query import Query
from tui.safe import inert_line
from tui.widgets.bindings import bindings

PLACEHOLDER_AWAY = 'press / to search: words, "a phrase", speaker:name, date:2019, is:unread'
PLACEHOLDER_TYPING = 'words, "a phrase", speaker:name, date:2019, is:unread \u2026 Enter: results'
"""What the empty bar says: how to get into it, or (while in it) what to type."""


class SearchInput(Input):
    """The query input; Enter or Down goes to the results, Esc back to them.

    Those are priority bindings: they run before the next key (already sent by a fast typist,
    or in the same packet over SSH) is handed to a widget, so that key lands in the headlines.
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings("search")

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False, repaint=True)
    """The text's width, which changes with every key: the input has neither scrollbars nor
    an automatic size, so a change repaints it alone rather than laying out the whole screen
    again (Textual's default), which would delay the search the key starts."""

    async def _on_key(self, event: events.Key) -> None:
        # (Textual then runs Input's own handler, unless the default is prevented.)
        whole = sorted(self.selection) == [0, len(self.value)]  # empty, or all selected
        if event.character == "/" and whole:
            # People press "/" to start a search; in a fresh bar it only confirms the focus.
            event.stop()
            event.prevent_default()

    def on_focus(self) -> None:
        """In the bar, the placeholder says what to type."""
        self.placeholder = PLACEHOLDER_TYPING

    def on_blur(self) -> None:
        """Away from the bar, the placeholder says how to get back into it."""
        self.placeholder = PLACEHOLDER_AWAY


class SearchBar(Horizontal):
    """One line: ``Search``, the input, and the sort order and filters on the right."""

    query_state: reactive[Query] = reactive(Query(), init=False)

    class QueryChanged(Message):
        """The query changed (``old`` to ``new``): the results are to follow."""

        def __init__(self, old: Query, new: Query) -> None:
            super().__init__()
            self.old = old
            self.new = new

    _info: str | None = None
    """What the info on the right says now."""

    def on_mount(self) -> None:
        """Say how the (first) results are sorted."""
        self._show_info()

    def watch_query_state(self, old: Query, new: Query) -> None:
        """Repaint the info and tell the screen."""
        self._show_info()
        self.post_message(self.QueryChanged(old, new))

    def _show_info(self) -> None:
        parts: list[str] = [self.query_state.effective_sort]
        if self.query_state.filters:
            parts.append(", ".join(inert_line(f.value) for f in self.query_state.filters))
        info = " \u00b7 ".join(parts)
        if info != self._info:  # (an update lays the screen out again: not on every key)
            self._info = info
            self.query_one("#search-info", Static).update(info)

    @on(Input.Changed, "#search")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self.query_state = dataclasses.replace(self.query_state, text=event.value)

    def search_for(self, text: str) -> None:
        """Put ``text`` in the input, as if typed."""
        self.input.value = text
        self.input.cursor_position = len(text)

    def set_filters(self, filters: tuple[Filter, ...]) -> None:
        """Filter by facet values (several on one field mean any of them)."""
        self.query_state = dataclasses.replace(self.query_state, filters=filters)

    def next_sort(self) -> None:
        """The next sort order that changes something."""
        self.query_state = self.query_state.next_sort()

    def compose(self) -> ComposeResult:
        """The label, the input and the info."""
        yield Label("Search", id="search-label")
        yield SearchInput(placeholder=PLACEHOLDER_AWAY, id="search", compact=True)
        yield Static(id="search-info", markup=False)  # filter values come from articles

    @property
    def input(self) -> SearchInput:
        """The query input."""
        return self.query_one(SearchInput)
