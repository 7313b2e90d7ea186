"""The small, typed interface the app and the command line use to reach an archive.

Engines implement it (:mod:`index.engines`); the app and the command line see nothing else.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from index.api.records import (
    IndexStatus,
    ProgressFn,
    SearchHit,
    SearchRequest,
    SearchResult,
    SpeakerCount,
    SpeakerQuote,
    UpdateReport,
)
from index.corpus.article import Article


class Backend(Protocol):
    """A searchable archive of articles."""

    @property
    def archive(self) -> Path:
        """The archive folder."""
        ...

    def search(self, request: SearchRequest) -> SearchResult:
        """Run a search. Raises :class:`index.errors.QueryError` for a bad query."""
        ...

    def article(self, ref: str) -> Article:
        """One article by id or path, with its quotes. Raises ``ArticleNotFound``."""
        ...

    def related(self, article_id: str, limit: int = 10) -> tuple[SearchHit, ...]:
        """Articles most like the given one."""
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
        self, *, rebuild: bool = False, progress: ProgressFn | None = None, wait: float = 0.0
    ) -> UpdateReport:
        """Bring the index up to date with the archive folder."""
        ...

    def refresh(self) -> bool:
        """Pick up changes another process committed; True when there were any."""
        ...

    def close(self) -> None:
        """Release open files."""
        ...
