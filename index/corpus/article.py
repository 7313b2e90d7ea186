"""The corpus model: an article and the quotations in it, as every layer sees them.

Frozen dataclasses with no behaviour beyond a few derived views; readers produce them, the
annotator adds quotes, engines store and return them.
"""

from __future__ import annotations

from dataclasses import dataclass
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
