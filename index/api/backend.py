"""The small, typed interface the app and the command line use to reach an archive.

Engines implement it (:mod:`index.engines`); the app and the command line see nothing else.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Protocol

from index.api.records import (
    Highlight,
    HitFinder,
    IndexStatus,
    ProgressFn,
    ReadingState,
    SearchHit,
    SearchRequest,
    SearchResult,
    SpeakerCount,
    SpeakerQuote,
    UpdateReport,
)
from index.corpus.article import Article


class ReadingStore(Protocol):
    """The reader's own marks on an archive (read, bookmarked); kept locally for each user."""

    def load(self) -> ReadingState:
        """The current marks."""
        ...

    def set_read(self, article_id: str, read: bool) -> ReadingState:
        """Mark an article read or unread; returns the new marks."""
        ...

    def set_bookmark(self, article_id: str, marked: bool) -> ReadingState:
        """Bookmark an article or remove its bookmark; returns the new marks."""
        ...

    def set_read_many(self, article_ids: Collection[str], read: bool) -> ReadingState:
        """Mark many articles read or unread in one change; returns the new marks."""
        ...


class Backend(Protocol):
    """A searchable archive of articles."""

    @property
    def archive(self) -> Path:
        """The archive folder."""
        ...

    @property
    def reading(self) -> ReadingStore:
        """The reader's marks, which ``is:read``, ``is:unread`` and ``is:bookmarked`` use."""
        ...

    def search(self, request: SearchRequest) -> SearchResult:
        """Run a search in the whole query language (``is:`` included).

        Raises:
            QueryError: For a query that cannot be understood (the message says why).
        """
        ...

    def hit_finder(self, highlight: Highlight) -> HitFinder:
        """Finds a result's hits in any text as this engine matches words (stemmed or not)."""
        ...

    def article(self, ref: str) -> Article:
        """One article by id or path, with its quotes. Raises ``ArticleNotFound``."""
        ...

    def related(self, ref: str, limit: int = 10) -> tuple[SearchHit, ...]:
        """Articles most like the given one (by id or path)."""
        ...

    def speakers(self, limit: int | None = None) -> tuple[SpeakerCount, ...]:
        """Speakers across the archive, most quoted first."""
        ...

    def quotes_by(self, speaker: str, limit: int = 200) -> tuple[SpeakerQuote, ...]:
        """Quotes by one speaker across the archive, newest article first."""
        ...

    def status(self) -> IndexStatus:
        """Size and freshness of the index."""
        ...

    def update(
        self,
        *,
        rebuild: bool = False,
        progress: ProgressFn | None = None,
        wait: float = 0.0,
        procs: int | None = None,
        quick: bool = False,
    ) -> UpdateReport:
        """Bring the index up to date with the archive folder.

        ``procs`` caps the worker processes (default: the cores). ``quick`` looks only at
        folders whose modification time changed: cheap, but blind to a file rewritten in
        place; a full update (the default) looks at every file.
        """
        ...

    def refresh(self) -> bool:
        """Pick up changes another process committed; True when there were any."""
        ...

    def warm_up(self) -> None:
        """Prepare what the first ranked search would otherwise stop to read (once per
        generation of the index), e.g. while the reader has not typed yet."""
        ...

    def close(self) -> None:
        """Release open files."""
        ...
