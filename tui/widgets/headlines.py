"""The result list: one line per article, drawn on demand and fetched page by page.

A search may match 100,000 articles; the list never builds a widget per article. It draws the
visible lines only (``render_line`` with a line cache) and asks for the pages of hits it is
missing with a :class:`HeadlineList.PageWanted` message, so scrolling to any depth costs a
page fetch, not the whole list.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from index.api.records import SearchHit
from tui.safe import inert_line
from tui.widgets.bindings import place_bindings

PAGE_SIZE = 100
"""Hits per page fetched from the backend."""

UNREAD_MARK = "\u25cf"
BOOKMARK_MARK = "\u2605"
_SOURCE_CELLS = 18
_DATE_CELLS = 10


class HeadlineList(ScrollView, can_focus=True):
    """Headlines of the current results: unread marker, bookmark star, title, source, date."""

    BINDINGS: ClassVar[list[BindingType]] = place_bindings("headlines")
    BORDER_TITLE = "Headlines"

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False, repaint=True)
    """One line per hit. The list's own size never depends on it, so a new count repaints
    the list and its scrollbar alone (:meth:`_resized`) rather than laying out the whole
    screen again (Textual's default), which would delay the results the reader waits for."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "headlines--cursor",
        "headlines--unread",
        "headlines--read",
        "headlines--meta",
        "headlines--star",
        "headlines--empty",
    }

    class Highlighted(Message):
        """The cursor is on a (loaded) hit."""

        def __init__(self, hit: SearchHit) -> None:
            super().__init__()
            self.hit = hit

    class Selected(Message):
        """Enter on a hit, or on the empty list (``hit`` is None: take the suggestion)."""

        def __init__(self, hit: SearchHit | None) -> None:
            super().__init__()
            self.hit = hit

    class PageWanted(Message):
        """Page ``page`` of the hits is needed to draw the list."""

        def __init__(self, page: int) -> None:
            super().__init__()
            self.page = page

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.total = 0
        self.cursor = 0
        self.pointing = True
        """Whether the cursor row is the open article (not when one was opened from elsewhere)."""
        self._dated = False
        self._pages: dict[int, tuple[SearchHit, ...]] = {}
        self._requested: set[int] = set()
        self._read: Collection[str] = frozenset()
        self._bookmarks: Collection[str] = frozenset()
        self._empty: tuple[str, ...] = ("Opening the archive\u2026",)
        self._line_cache: LRUCache[tuple[int, int, bool], Strip] = LRUCache(1024)

    # -- content ---------------------------------------------------------------------------

    def show_results(
        self,
        total: int,
        first_page: tuple[SearchHit, ...],
        *,
        keep: str | None = None,
        empty: tuple[str, ...] = ("No articles match.",),
    ) -> None:
        """Replace the list; the cursor stays on article ``keep`` if it is on the first page.

        ``first_page`` may be shorter than a page (a screenful): the rest of it is fetched
        when the list needs it, like any other page.
        """
        self.total = total
        self._pages = {0: first_page}
        self._requested = {0} if len(first_page) >= min(total, PAGE_SIZE) else set()
        self._empty = empty
        self._dated = any(hit.date for hit in first_page)
        ids = [hit.id for hit in first_page]
        self.cursor = ids.index(keep) if keep in ids else 0
        self.pointing = True
        self._changed()
        self._resized(total)
        self._scroll_to_cursor(center=keep is not None)
        self._announce()

    def add_page(self, page: int, hits: tuple[SearchHit, ...]) -> None:
        """Store a page fetched after a :class:`PageWanted`."""
        self._pages[page] = hits
        self._requested.add(page)
        self._dated = self._dated or any(hit.date for hit in hits)
        self._changed()
        if self.cursor // PAGE_SIZE == page:
            self._announce()

    def show_message(self, *lines: str) -> None:
        """Empty the list and show ``lines`` instead (while searching, or on an error)."""
        self.total = 0
        self._pages = {}
        self._requested = set()
        self._empty = lines
        self.cursor = 0
        self._resized(0)
        self._changed()

    def set_empty(self, *lines: str) -> None:
        """Change what an empty list says (progress of a first index build)."""
        if not self.total:
            self._empty = lines
            self.refresh()

    def set_marks(self, read: Collection[str], bookmarks: Collection[str]) -> None:
        """Which articles to draw as read and as bookmarked."""
        self._read = read
        self._bookmarks = bookmarks
        self._changed()

    @property
    def screenful(self) -> int:
        """How many hits fill the list (a whole page before the list is laid out)."""
        height = self.scrollable_content_region.height
        return min(PAGE_SIZE, height) if height > 0 else PAGE_SIZE

    def hit_at(self, index: int) -> SearchHit | None:
        """The hit at ``index`` if its page is loaded."""
        page = self._pages.get(index // PAGE_SIZE)
        if page is None or not 0 <= index < self.total:
            return None
        offset = index % PAGE_SIZE
        return page[offset] if offset < len(page) else None

    @property
    def current(self) -> SearchHit | None:
        """The hit under the cursor, when there is one and it is loaded."""
        return self.hit_at(self.cursor)

    def find(self, wanted: Callable[[SearchHit], bool], start: int) -> int | None:
        """The index of the first loaded hit from ``start`` on that is ``wanted``."""
        for page in sorted(p for p in self._pages if (p + 1) * PAGE_SIZE > start):
            for offset, hit in enumerate(self._pages[page]):
                index = page * PAGE_SIZE + offset
                if index >= start and wanted(hit):
                    return index
        return None

    def point_at(self, article_id: str) -> bool:
        """Put the cursor on ``article_id`` if it is loaded (quietly); else show no cursor."""
        index = self.find(lambda hit: hit.id == article_id, 0)
        self.pointing = index is not None
        if index is not None:
            self.cursor = index
            self._scroll_to_cursor()
        self._changed()
        return self.pointing

    def _changed(self) -> None:
        self._line_cache.clear()
        self.refresh()

    def _resized(self, lines: int) -> None:
        """Make the list ``lines`` long, and fit the scrollbar and scroll offset to it."""
        size = Size(self.size.width, lines)
        if size != self.virtual_size:
            self.virtual_size = size
            # What a layout would do for the list alone. The screen is only laid out again
            # when the scrollbar appears or goes (its gutter stays: nothing else moves).
            self._scroll_update(size)

    # -- moving ----------------------------------------------------------------------------

    def move_to(self, index: int) -> None:
        """Put the cursor on ``index`` (clamped) and keep it in view."""
        if not self.total:
            return
        index = max(0, min(self.total - 1, index))
        if index == self.cursor and self.pointing:
            return
        self.cursor = index
        self.pointing = True
        self._changed()
        self._scroll_to_cursor()
        self._announce()

    def _scroll_to_cursor(self, center: bool = False) -> None:
        height = max(1, self.scrollable_content_region.height)
        top = int(self.scroll_offset.y)
        if center:
            top = max(0, self.cursor - height // 2)
        elif self.cursor < top:
            top = self.cursor
        elif self.cursor >= top + height:
            top = self.cursor - height + 1
        if top != int(self.scroll_offset.y):
            self.scroll_to(y=top, animate=False, immediate=True)

    def _announce(self) -> None:
        hit = self.current
        if hit is not None:
            self.post_message(self.Highlighted(hit))

    def action_cursor_down(self) -> None:
        """Next headline."""
        self.move_to(self.cursor + 1)

    def action_cursor_up(self) -> None:
        """Previous headline."""
        self.move_to(self.cursor - 1)

    def action_page_down(self) -> None:
        """A screenful further."""
        self.move_to(self.cursor + max(1, self.scrollable_content_region.height - 1))

    def action_page_up(self) -> None:
        """A screenful back."""
        self.move_to(self.cursor - max(1, self.scrollable_content_region.height - 1))

    def action_first(self) -> None:
        """First headline."""
        self.move_to(0)

    def action_last(self) -> None:
        """Last headline (fetching its page if needed)."""
        self.move_to(self.total - 1)

    def action_select(self) -> None:
        """Open the headline under the cursor."""
        if not self.total:
            self.post_message(self.Selected(None))
        elif self.current is not None:
            self.post_message(self.Selected(self.current))

    def on_click(self, event: events.Click) -> None:
        """Click moves the cursor; a double click opens."""
        index = int(self.scroll_offset.y) + event.y
        if 0 <= index < self.total:
            self.move_to(index)
            if event.chain > 1:
                self.action_select()

    def on_resize(self, event: events.Resize) -> None:
        """Redraw at the new width."""
        self._resized(self.total)
        self._changed()

    # -- drawing ---------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        """One line of the list, from the cache when it has not changed."""
        width = self.scrollable_content_region.width
        index = int(self.scroll_offset.y) + y
        if not self.total:
            return self._message_line(y, width)
        if index >= self.total:
            return Strip.blank(width, self.rich_style)
        selected = index == self.cursor and self.pointing
        key = (index, width, selected)
        strip = self._line_cache.get(key)
        if strip is None:
            hit = self.hit_at(index)
            if hit is None:
                self._want(index // PAGE_SIZE)
                text = Text("   \u2026", style=self.get_component_rich_style("headlines--meta"))
            else:
                text = self._row(hit, width)
            if selected:
                text.stylize(self.get_component_rich_style("headlines--cursor", partial=True))
            strip = self._strip(text, width)
            self._line_cache[key] = strip
        return strip

    def _want(self, page: int) -> None:
        if page not in self._requested:
            self._requested.add(page)
            self.post_message(self.PageWanted(page))

    def _message_line(self, y: int, width: int) -> Strip:
        if y >= len(self._empty):
            return Strip.blank(width, self.rich_style)
        style = self.get_component_rich_style("headlines--empty")
        return self._strip(Text(" " + inert_line(self._empty[y]), style=style), width)

    def _strip(self, text: Text, width: int) -> Strip:
        text.truncate(width, overflow="ellipsis", pad=True)
        segments = list(text.render(self.app.console))
        return Strip(segments).apply_style(self.rich_style).extend_cell_length(width)

    def _row(self, hit: SearchHit, width: int) -> Text:
        read = hit.id in self._read
        meta = self.get_component_rich_style("headlines--meta", partial=True)
        title_style = self.get_component_rich_style(
            "headlines--read" if read else "headlines--unread", partial=True
        )
        right = Text()
        if width >= 75 and hit.source:
            source = Text(inert_line(hit.source), style=meta)
            cells = _SOURCE_CELLS if width >= 100 else _SOURCE_CELLS - 4  # titles come first
            source.truncate(cells, overflow="ellipsis", pad=True)
            right.append_text(source)
        if width >= 34 and self._dated:  # no empty date column when nothing has a date
            right.append(f" {hit.date or '':>{_DATE_CELLS}}", style=meta)
        row = Text(" ")
        row.append(" " if read else UNREAD_MARK, style=title_style)
        star = hit.id in self._bookmarks
        row.append(BOOKMARK_MARK if star else " ", style=self._star_style())
        row.append(" ")
        title = Text(inert_line(hit.title) or "(untitled)", style=title_style)
        room = max(1, width - row.cell_len - right.cell_len - 2)
        title.truncate(room, overflow="ellipsis", pad=True)
        row.append_text(title)
        row.append("  ")
        row.append_text(right)
        return row

    def _star_style(self) -> Style:
        return self.get_component_rich_style("headlines--star", partial=True)
