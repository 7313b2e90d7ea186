"""Asking the backend without blocking the screen: each call runs in a thread worker and
ends by posting a message (:mod:`tui.messages`) to the widget that asked.

The backend may read the index for a while (a search over 100,000 articles, an article's
record, facet counts); the screen stays responsive and drops answers it no longer wants.
Searches run one at a time, newest first: a query typed past while another search runs is
never started (a search cannot be stopped halfway, and stale ones running side by side in
threads would only slow down the one the reader waits for).
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from index.api.errors import IndexUnavailable, NewsdeskError, QueryError
from index.api.records import SearchRequest, SearchResult
from tui.messages import (
    ArticleFailed,
    ArticleLoaded,
    CallFailed,
    PageLoaded,
    PopUpReady,
    SearchDone,
    SearchFailed,
)
from tui.widgets.headlines import PAGE_SIZE

PopUpThen = Callable[[Any], None] | None
"""What to do with the value a pop-up is dismissed with."""

if TYPE_CHECKING:
    from textual.message import Message
    from textual.screen import Screen
    from textual.widget import Widget

    from index.api.backend import Backend
    from tui.query import Query


class BackendCalls:
    """Runs backend calls for ``owner`` in its workers; answers come back to it as messages."""

    def __init__(self, owner: Widget, backend: Callable[[], Backend | None]) -> None:
        self._owner = owner
        self._backend = backend
        self._lock = threading.Lock()
        self._next_search: tuple[Query, SearchRequest, str | None] | None = None
        self._searching = False

    def _run(self, work: Callable[[Backend], Message], group: str, exclusive: bool) -> None:
        backend = self._backend()
        if backend is None:
            return

        def call() -> None:
            self._owner.post_message(work(backend))

        self._owner.run_worker(
            call, thread=True, group=group, exclusive=exclusive, exit_on_error=False
        )

    def search(self, query: Query, keep: str | None = None, first: int = PAGE_SIZE) -> None:
        """Search for ``query``, asking for the ``first`` hits (the rest of the page comes
        with :meth:`page`): posts :class:`SearchDone` or :class:`SearchFailed`."""
        if self._backend() is None:
            return
        request = SearchRequest(query.text, query.sort, query.filters, limit=first, snippets=False)
        with self._lock:
            self._next_search = (query, request, keep)  # whatever was waiting is stale now
            if self._searching:
                return  # the running search's thread takes this one up when it is done
            self._searching = True
        self._owner.run_worker(self._searches, thread=True, group="search", exit_on_error=False)

    def _searches(self) -> None:
        """(In a thread) search for the newest query wanted until none is left."""
        try:
            while True:
                with self._lock:
                    wanted, self._next_search = self._next_search, None
                    if wanted is None:
                        self._searching = False
                        return
                backend = self._backend()
                if backend is not None:
                    self._owner.post_message(_search(*wanted, backend))
        except BaseException:
            with self._lock:
                self._searching = False  # (the next query starts a thread of its own)
            raise

    def page(self, result: SearchResult, page: int) -> None:
        """Fetch page ``page`` of ``result``'s hits: posts :class:`PageLoaded`."""
        self._run(partial(_page, result, page), "pages", exclusive=False)

    def article(self, article_id: str, quote_start: int = -1) -> None:
        """Read one article: posts :class:`ArticleLoaded` or :class:`ArticleFailed`."""
        self._run(partial(_article, article_id, quote_start), "article", exclusive=True)

    def pop_up(self, ask: Callable[[Backend], Callable[[], Screen[Any]]], then: PopUpThen) -> None:
        """Ask the backend what a pop-up shows: posts :class:`PopUpReady` (the screen itself
        is made on the screen's thread)."""
        self._run(partial(_pop_up, ask, then), "pop-up", exclusive=True)

    def do(self, action: Callable[[Backend], Message]) -> None:
        """Run ``action`` (which returns the message to post), e.g. marking many articles."""
        self._run(partial(_guarded, action), "action", exclusive=False)


def _search(query: Query, request: SearchRequest, keep: str | None, backend: Backend) -> Message:
    try:
        return SearchDone(query, backend.search(request), keep)
    except (QueryError, IndexUnavailable) as exc:  # the message is the status line
        return SearchFailed(query, str(exc))
    except (NewsdeskError, OSError) as exc:
        return SearchFailed(query, f"search failed: {exc}")


def _page(result: SearchResult, page: int, backend: Backend) -> Message:
    wanted = dataclasses.replace(result.request, offset=page * PAGE_SIZE, limit=PAGE_SIZE)
    try:
        return PageLoaded(result, page, backend.search(wanted).hits)
    except (NewsdeskError, OSError) as exc:
        return CallFailed(f"cannot load more results: {exc}")


def _article(article_id: str, quote_start: int, backend: Backend) -> Message:
    try:
        return ArticleLoaded(backend.article(article_id), quote_start)
    except (NewsdeskError, OSError) as exc:
        return ArticleFailed(article_id, f"Cannot open this article: {exc}")


def _pop_up(
    ask: Callable[[Backend], Callable[[], Screen[Any]]], then: PopUpThen, backend: Backend
) -> Message:
    try:
        return PopUpReady(ask(backend), then)
    except (NewsdeskError, OSError) as exc:
        return CallFailed(str(exc))


def _guarded(action: Callable[[Backend], Message], backend: Backend) -> Message:
    try:
        return action(backend)
    except (NewsdeskError, OSError) as exc:
        return CallFailed(str(exc))
