"""Pop-ups that ask the backend first: facet counts, related articles, a speaker's quotes.

Each function runs in a worker thread (it may read much of the index) and returns a factory
for the screen to show; the screen itself is made on the app's thread.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from index.api.records import SearchRequest
from tui.calls import BackendCalls
from tui.safe import inert_line
from tui.screens.facets import FacetScreen, FiltersChanged
from tui.screens.picker import PickerScreen, related_entries, speaker_entries
from tui.wording import plural

if TYPE_CHECKING:
    from index.api.backend import Backend

RELATED_LIMIT = 15
SPEAKER_QUOTES_LIMIT = 5000
"""Quotes listed for one speaker: every one, short of a pathological archive."""


def facet_picker(
    backend: Backend, request: SearchRequest, on_change: FiltersChanged
) -> Callable[[], FacetScreen]:
    """Source, section and year counts of ``request``'s query (without its filters)."""
    wanted = dataclasses.replace(request, filters=(), offset=0, limit=1, facets=True)
    facets = backend.search(wanted).facets
    return partial(FacetScreen, facets, request.filters, on_change)


def related_picker(backend: Backend, article_id: str) -> Callable[[], PickerScreen[str]]:
    """Articles like ``article_id``; picking one gives its id."""
    hits = [hit for hit in backend.related(article_id, RELATED_LIMIT) if hit.id != article_id]
    return partial(PickerScreen, "Related articles", related_entries(hits), "No related articles.")


def speaker_picker(backend: Backend, speaker: str) -> Callable[[], PickerScreen[tuple[str, int]]]:
    """Every quote by ``speaker``; picking one gives (article id, quote start)."""
    found = backend.quotes_by(speaker, SPEAKER_QUOTES_LIMIT)
    count = plural(len(found), "quote")
    title = f"Quotes by {inert_line(speaker)} ({count})"
    return partial(PickerScreen, title, speaker_entries(found), "No quotes found.")


class PopUps:
    """The pop-ups the screen opens; what is picked in them opens with ``open_article``."""

    def __init__(self, calls: BackendCalls, open_article: Callable[[str, int], None]) -> None:
        self._calls = calls
        self._open = open_article

    def filters(self, request: SearchRequest, on_change: FiltersChanged) -> None:
        """The filter picker for ``request``'s query."""
        self._calls.pop_up(partial(facet_picker, request=request, on_change=on_change), None)

    def related(self, article_id: str) -> None:
        """Articles like ``article_id``."""
        self._calls.pop_up(partial(related_picker, article_id=article_id), self._picked_article)

    def speaker_quotes(self, speaker: str) -> None:
        """Every quote by ``speaker``; picking one opens its article at the quote."""
        self._calls.pop_up(partial(speaker_picker, speaker=speaker), self._picked_quote)

    def _picked_article(self, article_id: str | None) -> None:
        if article_id is not None:
            self._open(article_id, -1)

    def _picked_quote(self, picked: tuple[str, int] | None) -> None:
        if picked is not None:
            self._open(*picked)
