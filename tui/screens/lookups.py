"""Pop-ups that ask the backend first: facet counts, related articles, a speaker's quotes.

Each builder runs in a worker thread (it may read many files) and returns the screen to show.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from index.api.backend import Backend
from index.api.records import SearchRequest
from tui.safe import inert_line
from tui.screens.facets import FacetScreen, FiltersChanged
from tui.screens.picker import PickerScreen, related_entries, speaker_entries

RELATED_LIMIT = 15
SPEAKER_QUOTES_LIMIT = 200


def facet_picker(
    backend: Backend, request: SearchRequest, on_change: FiltersChanged
) -> FacetScreen:
    """Source, section and year counts of ``request``'s query (without its filters)."""
    wanted = dataclasses.replace(request, filters=(), offset=0, limit=1, facets=True)
    return FacetScreen(backend.search(wanted).facets, request.filters, on_change)


def related_picker(backend: Backend, article_id: str) -> PickerScreen[str]:
    """Articles like ``article_id``; picking one gives its id."""
    hits = [hit for hit in backend.related(article_id, RELATED_LIMIT) if hit.id != article_id]
    return PickerScreen("Related articles", related_entries(hits), "No related articles.")


def speaker_picker(backend: Backend, speaker: str) -> PickerScreen[tuple[str, int]]:
    """Every quote by ``speaker``; picking one gives (article id, quote start)."""
    found = backend.quotes_by(speaker, SPEAKER_QUOTES_LIMIT)
    title = f"Quotes by {inert_line(speaker)} ({len(found)})"
    return PickerScreen(title, speaker_entries(found), "No quotes found.")
