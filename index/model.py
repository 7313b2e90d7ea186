"""Records that cross the boundary between the corpus library and its callers.

Everything here is a frozen dataclass: the app and the command line receive these and never
see Whoosh objects.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

QuoteKind = Literal["direct", "mixed", "indirect"]
ArticleFormat = Literal["scraped", "plain", "markdown", "jsonl", "html", "feed", "warc"]

PARAGRAPH_SEPARATOR = "\n\n"
"""How paragraphs are joined into an article body; quote offsets count against that body."""


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation (or reported statement) in an article body.

    Attributes:
        text: The quoted words (for `direct`, without the enclosing quote marks).
        speaker: The speaker's fullest known name, or None when nobody is named.
        role: The speaker's role as first introduced (``deputy head of Pudong New Area``).
        kind: ``direct`` (inside quote marks), ``mixed`` (a quoted fragment inside reported
            speech) or ``indirect`` (reported speech, no quote marks).
        paragraph: Index of the paragraph the quote starts in.
        start: Offset of the quote's first character in the article body.
        end: Offset just past the quote's last character in the article body.
        parts: For a quote interrupted by its attribution (``"A," she said. "B."``) or
            running over paragraphs, the ``(start, end)`` body offsets of each piece; ``text``
            is then the pieces joined by a space. Empty for a quote in one piece, whose
            ``text`` is ``body[start:end]``.
        cue: The word that attributes the quote (``said``, ``according to``), if any.
        rule: The name of the extractor rule that produced the quote (its evidence).
    """

    text: str
    speaker: str | None
    role: str | None
    kind: QuoteKind
    paragraph: int
    start: int
    end: int
    parts: tuple[tuple[int, int], ...] = ()
    cue: str | None = None
    rule: str = ""

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """The ``(start, end)`` body offsets of the quoted words, one pair per piece."""
        return self.parts or ((self.start, self.end),)


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from an archive file.

    Attributes:
        id: Stable identifier (from the path, or the JSON Lines ``id``/``url``).
        path: Absolute path of the file the article came from.
        title: Headline.
        source: Publisher or site (``chinadaily.com.cn``), if known.
        date: ISO date ``YYYY-MM-DD``, if known.
        date_is_fallback: True when ``date`` is only the file's modification time.
        section: Section of the publication (``Latest``, ``Business``), if known.
        author: Byline, if known.
        url: Original address, if known.
        tags: Keywords from the metadata.
        captions: Photo captions, kept apart from the body.
        paragraphs: Body paragraphs, in reading order.
        quotes: Quotations found in the body, in reading order.
        format: Which reader produced the article.
        line: 1-based line number inside a JSON Lines file (entry or record number in a feed
            or WARC file), else 0.
        offset: Byte offset of that line (or WARC record) in its file, else 0.
    """

    id: str
    path: str
    title: str
    source: str | None = None
    date: str | None = None
    date_is_fallback: bool = False
    section: str | None = None
    author: str | None = None
    url: str | None = None
    tags: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    paragraphs: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()
    format: ArticleFormat = "plain"
    line: int = 0
    offset: int = 0

    @property
    def body(self) -> str:
        """The paragraphs joined with blank lines; quote offsets index into this."""
        return PARAGRAPH_SEPARATOR.join(self.paragraphs)

    @property
    def year(self) -> str | None:
        """The year of ``date`` as four digits, if there is a date."""
        return self.date[:4] if self.date else None


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
class SearchResult:
    """The answer to a :class:`SearchRequest`.

    Attributes:
        request: The request this answers.
        total: Number of matching articles (all of them, not only the returned page).
        hits: The requested page of hits.
        seconds: Time spent answering.
        terms: Words the query looks for, for highlighting them in an article body.
        facets: Counts per facet field, when asked for.
        suggestion: A corrected query when words look misspelt, else None.
    """

    request: SearchRequest
    total: int
    hits: tuple[SearchHit, ...]
    seconds: float
    terms: tuple[str, ...] = ()
    facets: dict[FacetField, tuple[FacetCount, ...]] = field(default_factory=dict)
    suggestion: str | None = None


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
    """How far an index update is: ``phase`` is ``scan``, ``index`` or ``commit``."""

    phase: Literal["scan", "index", "commit"]
    done: int
    total: int


ProgressFn = Callable[[Progress], None]
"""Receives :class:`Progress` reports during an index update."""
