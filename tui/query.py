"""What the headlines show: the search text, the sort order and the facet filters."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from index.api.records import SORT_ORDERS, Filter, SortOrder


@dataclass(frozen=True, slots=True)
class Query:
    """The reader's query as the screen keeps it; equal queries give equal results."""

    text: str = ""
    sort: SortOrder = "relevance"
    filters: tuple[Filter, ...] = ()

    @property
    def has_words(self) -> bool:
        """Whether there is anything to rank by (an empty query lists every article)."""
        return bool(self.text.strip())

    @property
    def effective_sort(self) -> SortOrder:
        """The order results come in (an empty query lists the newest first)."""
        return "newest" if not self.has_words and self.sort == "relevance" else self.sort

    def next_sort(self) -> Query:
        """The same query in the next order that changes something.

        Relevance, newest, oldest; with no words relevance means newest, so it is skipped.
        """
        orders = SORT_ORDERS if self.has_words else ("newest", "oldest")
        current = self.effective_sort
        following = orders[(orders.index(current) + 1) % len(orders)]
        return dataclasses.replace(self, sort=following)


def empty_lines(
    query: Query, suggestion: str | None, notices: tuple[str, ...] = ()
) -> tuple[str, ...]:
    """What an empty result list says for ``query``: why, and what to try."""
    if not query.has_words and not query.filters:
        return ("The archive has no articles yet.",)
    lines = [f"No articles match \u201c{query.text.strip()}\u201d."]
    lines.extend(notice[:1].upper() + notice[1:] + "." for notice in notices)
    if suggestion:
        lines.append(f"Did you mean \u201c{suggestion}\u201d? Press Enter to search it.")
    if query.filters:
        lines.append("Filters are on: press f to change them.")
    return tuple(lines)
