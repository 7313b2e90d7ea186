"""The article panel: the open article as wrapped lines, with search hits and one quote marked.

The layout (:mod:`tui.widgets.document`) is redone only when the article, the search terms,
the width or the theme change; moving between hits or quotes only restyles the lines they
touch.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from index.api.records import Highlight, HitFinder
from index.corpus.article import Article
from tui.widgets.bindings import place_bindings
from tui.widgets.document import Document, DocumentStyles, build_document, placeholder

_CONTEXT_LINES = 2
_NO_HITS = Highlight()
"""Lines shown above a hit or quote the panel jumps to."""


class ArticleView(ScrollView, can_focus=True):
    """The open article: title, metadata, captions set apart, paragraphs, hits highlighted."""

    BINDINGS: ClassVar[list[BindingType]] = place_bindings("article")
    BORDER_TITLE = "Article"

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False, repaint=True)
    """The article's wrapped length. The panel's size never depends on it, so another article
    (or none, when a search finds nothing) repaints the panel and its scrollbar alone rather
    than laying out the whole screen again, which would delay the headlines drawn with it."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article--title",
        "article--meta",
        "article--caption",
        "article--label",
        "article--hit",
        "article--current-hit",
        "article--quote",
        "article--placeholder",
    }

    class HitChanged(Message):
        """The current hit moved (``current`` is 1-based; 0 when none)."""

        def __init__(self, current: int, total: int) -> None:
            super().__init__()
            self.current = current
            self.total = total

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.terms = _NO_HITS
        self.find_hits: Callable[[Highlight], HitFinder] | None = None
        """Set by the screen to the backend's hit finder: hits are found as the engine matches."""
        self.current_hit = -1
        self.active_quote = -1
        self._message = "Enter opens the headline under the cursor."
        self._document: Document | None = None
        self._layout_key: tuple[object, ...] | None = None
        self._strips: LRUCache[int, Strip] = LRUCache(512)

    def on_mount(self) -> None:
        """Relayout when the theme (and so every style) changes."""
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._invalidate())

    # -- content ---------------------------------------------------------------------------

    def show(self, article: Article, terms: Highlight = _NO_HITS, quote: int = -1) -> None:
        """Show ``article`` from the top, hits of ``terms`` marked, quote ``quote`` selected."""
        self.article = article
        self.terms = terms
        self.current_hit = -1
        self.active_quote = -1
        self._invalidate()
        self.scroll_to(y=0, animate=False, immediate=True)
        if quote >= 0:
            self.select_quote(quote)
        self.post_message(self.HitChanged(0, self.hit_count))

    def clear(self, message: str) -> None:
        """Show ``message`` instead of an article."""
        if self.article is None and message == self._message and self.is_mounted:
            return  # (typing on while nothing matches: nothing to redraw)
        self.article = None
        self.terms = _NO_HITS
        self.current_hit = self.active_quote = -1
        self._message = message
        self._invalidate()
        self.scroll_to(y=0, animate=False, immediate=True)
        self.post_message(self.HitChanged(0, 0))

    @property
    def document(self) -> Document:
        """The current layout (built on first use at the current width)."""
        width = max(10, self.scrollable_content_region.width)
        key = (id(self.article), self.terms, width, self._message)
        if self._document is None or key != self._layout_key:
            if self.article is None:
                style = self.get_component_rich_style("article--placeholder")
                self._document = placeholder(self._message, style)
            else:
                finder = self.find_hits(self.terms) if self.find_hits and self.terms else None
                self._document = build_document(self.article, finder, self._styles(), width)
            self._layout_key = key
            self._strips.clear()
            size = Size(width, len(self._document.lines))
            if size != self.virtual_size:
                self.virtual_size = size
                self._scroll_update(size)  # (what a layout would do for the panel alone)
        return self._document

    @property
    def hit_count(self) -> int:
        """How many search hits the article has."""
        return len(self.document.hit_lines) if self.article is not None else 0

    def _styles(self) -> DocumentStyles:
        style = self.get_component_rich_style
        return DocumentStyles(
            title=style("article--title", partial=True),
            meta=style("article--meta", partial=True),
            caption=style("article--caption", partial=True),
            label=style("article--label", partial=True),
            hit=style("article--hit", partial=True),
        )

    def _invalidate(self) -> None:
        self._document = None
        self._strips.clear()
        self.refresh()
        if self.is_mounted:
            _ = self.document  # sets the virtual size, so scrolling works at once

    # -- hits and quotes -------------------------------------------------------------------

    def next_hit(self, step: int = 1) -> bool:
        """Move to the next (``step`` 1) or previous (-1) hit, wrapping; False if none."""
        total = self.hit_count
        if not total:
            return False
        if self.current_hit < 0:
            self.current_hit = 0 if step > 0 else total - 1
        else:
            self.current_hit = (self.current_hit + step) % total
        self._strips.clear()
        self.refresh()
        self._jump(self.document.hit_lines[self.current_hit])
        self.post_message(self.HitChanged(self.current_hit + 1, total))
        return True

    def select_quote(self, index: int) -> None:
        """Highlight quote ``index`` of the article and scroll it into view."""
        if self.article is None or not 0 <= index < len(self.article.quotes):
            return
        self.active_quote = index
        self._strips.clear()
        self.refresh()
        self._jump(self.document.quote_lines[index])

    def _jump(self, line: int) -> None:
        if line >= 0:
            self.scroll_to(y=max(0, line - _CONTEXT_LINES), animate=False, immediate=True)

    # -- scrolling keys --------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        """Scroll one line down."""
        self.scroll_down(animate=False)

    def action_cursor_up(self) -> None:
        """Scroll one line up."""
        self.scroll_up(animate=False)

    def action_first(self) -> None:
        """Scroll to the top."""
        self.scroll_home(animate=False)

    def action_last(self) -> None:
        """Scroll to the end."""
        self.scroll_end(animate=False)

    def on_resize(self, event: events.Resize) -> None:
        """Rewrap at the new width."""
        self._invalidate()

    # -- drawing ---------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        """One wrapped line, with the current hit and the selected quote marked."""
        width = self.scrollable_content_region.width
        document = self.document
        index = int(self.scroll_offset.y) + y
        if index >= len(document.lines):
            return Strip.blank(width, self.rich_style)
        strip = self._strips.get(index)
        if strip is None:
            strip = self.line_strip(index, width)
            self._strips[index] = strip
        return strip

    def line_strip(self, index: int, width: int) -> Strip:
        """Line ``index`` of the document as drawn ``width`` cells wide (no cache)."""
        line = self.document.lines[index]
        text = line.text
        quote = [(s, e) for i, s, e in line.quotes if i == self.active_quote]
        hit = [(s, e) for i, s, e in line.hits if i == self.current_hit]
        if quote or hit:
            text = text.copy()
            style = self.get_component_rich_style("article--quote", partial=True)
            for start, end in quote:
                text.stylize(style, start, end)
            style = self.get_component_rich_style("article--current-hit", partial=True)
            for start, end in hit:
                text.stylize(style, start, end)
        segments = list(Text.render(text, self.app.console))
        strip = Strip(segments).apply_style(self.rich_style)
        return strip.crop_extend(0, width, self.rich_style)
