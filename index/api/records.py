"""The search API's records: requests, results and reports that cross into the app.

Everything here is a frozen dataclass: the app and the command line receive these and never
see an engine's own objects.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from index.corpus.article import Quote


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file (or a line of one) that could not be read, and why."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class UpdateReport:
    """What an index update did."""

    added: int
    updated: int
    removed: int
    skipped: tuple[Skipped, ...]
    warnings: tuple[Skipped, ...]
    seconds: float
    rebuilt: bool = False
    duplicates: int = 0
    """Copies of articles set aside because another copy has the same id (or URL): the
    archive's count after this update. Each copy found in this update is also a warning."""
    skipped_total: int = 0
    """Files skipped in all (``skipped`` lists only those not reported before)."""
    requoted: tuple[int, int] | None = None
    """After a new quote extractor: (stored articles annotated again, those whose quotes
    changed); None when the extractor had not changed."""


SortOrder = Literal["relevance", "newest", "oldest"]
FacetField = Literal["source", "section", "year"]
SORT_ORDERS: tuple[SortOrder, ...] = ("relevance", "newest", "oldest")
FACET_FIELDS: tuple[FacetField, ...] = ("source", "section", "year")


@dataclass(frozen=True, slots=True)
class Filter:
    """Restrict results to one facet value (``source`` = ``chinadaily.com.cn``)."""

    field: FacetField
    value: str


@dataclass(frozen=True, slots=True)
class SearchRequest:
    """A search as the app or the command line asks for it.

    Attributes:
        query: Query in newsdesk's query language; empty means every article.
        sort: ``relevance``, ``newest`` or ``oldest``.
        filters: Facet filters; several on one field are OR-ed, across fields AND-ed.
        offset: How many hits to skip (for paging through long result lists).
        limit: How many hits to return at most.
        snippets: Whether to build highlighted snippets for the returned hits.
        facets: Whether to count facet values over all matching articles.
        include_ids: If not None, only these article ids can match (``is:bookmarked``).
        exclude_ids: These article ids never match (``is:unread`` excludes read ones).
    """

    query: str = ""
    sort: SortOrder = "relevance"
    filters: tuple[Filter, ...] = ()
    offset: int = 0
    limit: int = 20
    snippets: bool = True
    facets: bool = False
    include_ids: frozenset[str] | None = None
    exclude_ids: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Snippet:
    """A short excerpt of an article, as (text, is_hit) pieces in reading order."""

    parts: tuple[tuple[str, bool], ...] = ()

    @property
    def plain(self) -> str:
        """The excerpt without hit marks."""
        return "".join(text for text, _ in self.parts)

    def marked(self, before: str = "**", after: str = "**") -> str:
        """The excerpt with every hit wrapped in ``before``/``after``."""
        return "".join(f"{before}{text}{after}" if hit else text for text, hit in self.parts)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One article in a result list."""

    id: str
    path: str
    title: str
    source: str | None
    date: str | None
    score: float
    snippet: Snippet = field(default_factory=Snippet)
    section: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class FacetCount:
    """How many matching articles share one facet value."""

    value: str
    count: int


@dataclass(frozen=True, slots=True)
class Highlight:
    """What a query looks for, as an engine indexes it: single terms and phrases of terms.

    A phrase is marked only where its words stand together, never word by word.
    """

    terms: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.terms or self.phrases)


HitFinder = Callable[[str], "list[tuple[int, int]]"]
"""Gives the character spans of a query's hits in a text (one span per phrase occurrence)."""


@dataclass(frozen=True, slots=True)
class ReadingState:
    """Ids of articles read, bookmarked ids with the time they were bookmarked, and problems.

    ``problems`` has one line per problem found in the file (for the caller to show).
    """

    read: frozenset[str] = frozenset()
    bookmarks: dict[str, float] = field(default_factory=dict)
    problems: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SearchResult:
    """The answer to a :class:`SearchRequest`.

    Attributes:
        request: The request this answers.
        total: Number of matching articles (all of them, not only the returned page).
        hits: The requested page of hits.
        seconds: Time spent answering.
        highlight: What the query looks for, to mark it in an article's text (see
            :meth:`index.api.backend.Backend.hit_finder`).
        facets: Counts per facet field, when asked for.
        suggestion: A corrected query when words look misspelt, else None.
    """

    request: SearchRequest
    total: int
    hits: tuple[SearchHit, ...]
    seconds: float
    highlight: Highlight = field(default_factory=lambda: Highlight())
    facets: dict[FacetField, tuple[FacetCount, ...]] = field(default_factory=dict)
    suggestion: str | None = None
    notices: tuple[str, ...] = ()
    """Things the reader should know about this answer (e.g. that date: skips undated articles)."""


@dataclass(frozen=True, slots=True)
class SpeakerCount:
    """A speaker and how often they are quoted across the archive."""

    name: str
    quotes: int
    articles: int


@dataclass(frozen=True, slots=True)
class SpeakerQuote:
    """One quote by a speaker, with the article it appears in."""

    quote: Quote
    article_id: str
    title: str
    source: str | None
    date: str | None


@dataclass(frozen=True, slots=True)
class IndexStatus:
    """What the app shows about the index in its status line."""

    archive: str
    index_dir: str
    articles: int
    stale: bool
    last_updated: float | None


@dataclass(frozen=True, slots=True)
class Progress:
    """How far an index update is: ``phase`` is ``scan``, ``index`` or ``commit``, or
    ``quotes`` when a new quote extractor goes over the stored articles (counted in articles,
    not files)."""

    phase: Literal["scan", "quotes", "index", "commit"]
    done: int
    total: int


ProgressFn = Callable[[Progress], None]
"""Receives :class:`Progress` reports during an index update."""
