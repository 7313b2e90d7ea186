"""What background work reports back: each worker ends by posting one of these messages.

Workers never touch widgets. The screen handles the message on its own thread and drops an
answer that is out of date, recognising it by what it answers (the query, the article id,
the backend), not by a counter.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.message import Message

from index.api.records import IndexStatus, Progress, ReadingState, SearchHit, SearchResult
from index.corpus.article import Article

if TYPE_CHECKING:
    from textual.screen import Screen

    from index.api.backend import Backend
    from tui.query import Query


@dataclass
class ArchiveOpened(Message):
    """An archive's index is open (it may still be empty: then it is built next)."""

    backend: Backend
    reading: ReadingState
    status: IndexStatus


@dataclass
class ArchiveFailed(Message):
    """The archive could not be opened."""

    archive: str
    reason: str


@dataclass
class SearchDone(Message):
    """The results of ``query``; ``keep`` is the article the cursor should stay on."""

    query: Query
    result: SearchResult
    keep: str | None = None


@dataclass
class SearchFailed(Message):
    """``query`` could not be searched; ``reason`` says why in one line."""

    query: Query
    reason: str


@dataclass
class PageLoaded(Message):
    """Page ``page`` of the hits of ``result`` (a later page of a long list)."""

    result: SearchResult
    page: int
    hits: tuple[SearchHit, ...]


@dataclass
class UnreadFound(Message):
    """Where the next unread hit of ``result`` is (None: nowhere), with the pages read."""

    result: SearchResult
    index: int | None
    pages: dict[int, tuple[SearchHit, ...]]


@dataclass
class MarksChanged(Message):
    """Marks were changed in a worker (e.g. every listed article marked read)."""

    state: ReadingState
    note: str


@dataclass
class ArticleLoaded(Message):
    """An article asked for with :meth:`tui.screens.calls.BackendCalls.article`."""

    article: Article
    quote_start: int = -1
    """The quote to select (by its start offset), or -1."""


@dataclass
class ArticleFailed(Message):
    """The article ``article_id`` could not be read."""

    article_id: str
    reason: str


@dataclass
class PopUpReady(Message):
    """A pop-up made from the backend's answer: ``make`` builds the screen to show."""

    make: Callable[[], Screen[Any]]
    then: Callable[[Any], None] | None


@dataclass
class CallFailed(Message):
    """A backend call for a pop-up or an action failed; ``reason`` is one line."""

    reason: str


@dataclass
class IndexProgress(Message):
    """How far an index update is; only the latest waiting one is handled."""

    backend: Backend
    progress: Progress
    rate: float
    """Files per second so far (0 until known)."""
    seconds_left: float | None

    def can_replace(self, message: Message) -> bool:
        """A newer progress report makes an older one that is still queued pointless."""
        return isinstance(message, IndexProgress)


@dataclass
class IndexUpdated(Message):
    """An update (or a check) of the index finished; ``changed`` if articles changed."""

    backend: Backend
    status: IndexStatus
    changed: bool
    skipped: int


@dataclass
class IndexProblem(Message):
    """The index could not be updated (busy, or an error); ``reason`` is one line."""

    backend: Backend
    reason: str
