"""The reader's marks on the open archive (read, bookmarked) and the keys that change them.

Every change is saved at once through the backend's reading store; the current marks are
kept here, so drawing the headlines never reads the file. "Next unread" and "mark all read"
may need more of the result list than is loaded: they run in a worker.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from index.api.backend import Backend, ReadingStore
from index.api.records import ReadingState, SearchHit, SearchResult
from tui.calls import BackendCalls
from tui.messages import MarksChanged, UnreadFound
from tui.widgets.headlines import PAGE_SIZE, HeadlineList
from tui.wording import plural


class Marks:
    """Read and bookmarked articles of the open archive, shown in ``headlines``.

    ``changed`` is called after every change (results filtered by ``is:`` follow them).
    """

    def __init__(
        self,
        headlines: HeadlineList,
        calls: BackendCalls,
        say: Callable[[str], None],
        fail: Callable[[str], None],
        changed: Callable[[], None],
    ) -> None:
        self._headlines = headlines
        self._calls = calls
        self._say = say
        self._fail = fail
        self._changed = changed
        self._store: ReadingStore | None = None
        self.state = ReadingState()

    def use(self, store: ReadingStore | None, state: ReadingState | None = None) -> None:
        """Follow ``store`` (another archive was opened) with its current marks."""
        self._store = store
        self.took(state or ReadingState())

    def took(self, state: ReadingState) -> None:
        """These are the marks now (changed here, or in a worker)."""
        self.state = state
        self._headlines.set_marks(state.read, state.bookmarks)

    def took_all(self, message: MarksChanged) -> None:
        """A worker changed many marks at once."""
        self.took(message.state)
        self._say(message.note)
        self._changed()

    def is_read(self, article_id: str) -> bool:
        """Whether ``article_id`` is marked read."""
        return article_id in self.state.read

    def _change(self, change: Callable[[ReadingStore], ReadingState], note: str) -> bool:
        if self._store is None:
            return False
        try:
            self.took(change(self._store))
        except OSError as exc:
            self._fail(f"cannot save the reading state: {exc}")
            return False
        if note:
            self._say(note)
        self._changed()
        return True

    def read(self, article_id: str) -> bool:
        """Mark ``article_id`` read (opening it does); whether the marks changed."""
        if self.is_read(article_id):
            return False
        return self._change(lambda store: store.set_read(article_id, True), "")

    def toggle_read(self, article_id: str | None) -> bool:
        """Mark ``article_id`` read, or unread if it was read (None: nothing to mark)."""
        if article_id is None:
            return False
        read = not self.is_read(article_id)
        note = "Marked read." if read else "Marked unread."
        return self._change(lambda store: store.set_read(article_id, read), note)

    def toggle_bookmark(self, article_id: str | None) -> bool:
        """Bookmark ``article_id``, or remove its bookmark (None: nothing to mark)."""
        if article_id is None:
            return False
        marked = article_id not in self.state.bookmarks
        note = "Bookmarked." if marked else "Bookmark removed."
        return self._change(lambda store: store.set_bookmark(article_id, marked), note)

    def find_next_unread(self, result: SearchResult | None) -> None:
        """Look for the next unread hit after the cursor: posts :class:`UnreadFound`."""
        if result is None or not result.total:
            self._say("No articles listed.")
            return
        read = self.state.read
        start = self._headlines.cursor + (1 if self._headlines.pointing else 0)
        self._calls.do(lambda backend: find_unread(backend, result, start, read))

    def go_to_unread(self, found: UnreadFound) -> bool:
        """Put the cursor on the unread hit found, and mark it read; False if none was."""
        for page, hits in found.pages.items():
            self._headlines.add_page(page, hits)
        if found.index is None:
            self._say("No unread articles in this list.")
            return False
        self._headlines.move_to(found.index)
        if (current := self._headlines.current) is not None:
            self.read(current.id)
        return True

    def mark_all_read(self, result: SearchResult | None) -> None:
        """Mark every listed article read: posts :class:`MarksChanged`."""
        if result is None or not result.total:
            self._say("No articles listed.")
            return
        note = f"Marked {plural(result.total, 'article')} read."
        self._calls.do(lambda backend: MarksChanged(mark_all_read(backend, result), note))


def all_ids(backend: Backend, result: SearchResult) -> list[str]:
    """The id of every article in ``result`` (fetching them all, without snippets)."""
    request = dataclasses.replace(
        result.request, offset=0, limit=max(1, result.total), snippets=False
    )
    return [hit.id for hit in backend.search(request).hits]


def mark_all_read(backend: Backend, result: SearchResult) -> ReadingState:
    """Mark every article of ``result`` read; the new marks."""
    return backend.reading.set_read_many(all_ids(backend, result), True)


def find_unread(
    backend: Backend, result: SearchResult, start: int, read: frozenset[str]
) -> UnreadFound:
    """The first unread hit of ``result`` at or after ``start``, fetching pages as needed
    (then from the top, up to ``start``); the pages fetched come along to be shown."""
    pages = -(-result.total // PAGE_SIZE)
    first = start // PAGE_SIZE
    fetched: dict[int, tuple[SearchHit, ...]] = {}
    for step in range(pages + 1):
        page = (first + step) % pages
        wanted = dataclasses.replace(result.request, offset=page * PAGE_SIZE, limit=PAGE_SIZE)
        hits = fetched.get(page) or backend.search(wanted).hits
        fetched[page] = hits
        for offset, hit in enumerate(hits):
            index = page * PAGE_SIZE + offset
            if hit.id not in read and (step > 0 or index >= start):
                return UnreadFound(result, index, fetched)
    return UnreadFound(result, None, fetched)
