"""The reading pane: the open article and its quotes, side by side or one at a time.

It reads the article the screen asks for (in a worker, dropping it when the reader has moved
on), marks the search hits the engine finds, counts them, and jumps to a chosen quote. It
tells the screen what happened with messages; the screen decides where the focus goes.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.timer import Timer
from textual.widgets import OptionList

from index.api.backend import Backend
from index.api.records import Highlight
from index.corpus.article import Article, Quote
from tui import messages as m
from tui.calls import BackendCalls
from tui.widgets.article_view import ArticleView
from tui.widgets.quotes import QuoteList
from tui.wording import plural


class ReadingPane(Horizontal):
    """The article panel and the quotes panel, and what is open in them."""

    class Opened(Message):
        """An article asked for with ``focus`` is on screen: the reader wants to be there."""

    class QuoteShown(Message):
        """A quote was chosen in the quotes panel and the article scrolled to it."""

    class HitsCounted(Message):
        """The article's hit counter changed (``hit 2/7``, ``7 hits`` or empty)."""

        def __init__(self, counter: str) -> None:
            super().__init__()
            self.counter = counter

    def __init__(
        self, backend: Callable[[], Backend | None], *, preview_delay: float, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self._calls = BackendCalls(self, backend)
        self._preview_delay = preview_delay
        self._timer: Timer | None = None
        self._wanted: str | None = None
        self._terms = Highlight()
        self._focus = False
        self._reload = False
        self.detached = False
        """Whether the open article came from a pop-up rather than the headlines."""

    def compose(self) -> ComposeResult:
        """The article, then its quotes."""
        yield ArticleView(id="article")
        yield QuoteList(id="quotes")

    @property
    def article(self) -> ArticleView:
        """The article panel."""
        return self.query_one(ArticleView)

    @property
    def quotes(self) -> QuoteList:
        """The quotes panel."""
        return self.query_one(QuoteList)

    @property
    def open_article(self) -> Article | None:
        """The article on show, if any."""
        return self.article.article

    @property
    def fetching(self) -> bool:
        """Whether an article has been asked for and is not on show yet."""
        shown = self.article.article
        return self._wanted is not None and (shown is None or shown.id != self._wanted)

    @property
    def selected_quote(self) -> Quote | None:
        """The quote highlighted in the quotes panel, if any."""
        current = self.quotes.current
        return current[1] if current is not None else None

    @property
    def speaker(self) -> str | None:
        """Who said the quote highlighted in the quotes panel, if known."""
        quote = self.selected_quote
        return quote.speaker if quote is not None else None

    # -- what to show ----------------------------------------------------------------------

    def preview(self, article_id: str, terms: Highlight, *, typing: bool) -> None:
        """Show the headline under the cursor (after a pause when the reader is typing)."""
        shown = self.article.article
        self.detached = False
        delay = self._preview_delay if typing else 0.0
        if not self._reload and shown is not None and shown.id == article_id:
            # Typing often keeps the same top article: mark the new words, read nothing. The
            # marking lays the article out again, so while typing it waits for a pause too
            # (the headlines are drawn first, and a key typed meanwhile skips it).
            self._wanted, self._terms = article_id, terms
            self._stop_timer()
            if delay > 0:
                self._timer = self.set_timer(delay, self._mark_terms)
            else:
                self._mark_terms()
            return
        self._reload = False
        self._request(article_id, -1, terms, delay=delay)

    def open(self, article_id: str, quote_start: int = -1) -> None:
        """Open an article from elsewhere (a pop-up), then post :class:`Opened`."""
        self.detached = True
        self._focus = True
        self._request(article_id, quote_start, Highlight(), delay=0.0)

    def reload_next(self) -> None:
        """The index changed: read the next article shown again, even if it is the same."""
        self._reload = True

    def clear(self, message: str) -> None:
        """Show ``message`` instead of an article."""
        self._wanted = None
        self.detached = False
        self.article.clear(message)
        self.quotes.show_quotes(None)

    def _request(self, article_id: str, quote_start: int, terms: Highlight, delay: float) -> None:
        self._wanted = article_id
        self._terms = terms
        self._stop_timer()
        load = partial(self._calls.article, article_id, quote_start)
        if delay > 0:
            self._timer = self.set_timer(delay, load)
        else:
            load()

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _mark_terms(self) -> None:
        """Mark the wanted terms in the article on show, if it is still the wanted one."""
        shown = self.article.article
        if shown is not None and shown.id == self._wanted and self._terms != self.article.terms:
            self.article.show(shown, self._terms)

    @on(m.ArticleLoaded)
    def _loaded(self, message: m.ArticleLoaded) -> None:
        message.stop()
        article = message.article
        if article.id != self._wanted:
            return  # the cursor has moved on
        quotes = article.quotes
        quote = next((i for i, q in enumerate(quotes) if q.start == message.quote_start), -1)
        self.article.show(article, self._terms, quote)
        self.quotes.show_quotes(article)
        if quote >= 0:
            self.quotes.highlighted = quote
        if self._focus:
            self._focus = False
            self.post_message(self.Opened())

    @on(m.ArticleFailed)
    def _failed(self, message: m.ArticleFailed) -> None:
        message.stop()
        if message.article_id == self._wanted:
            self._wanted = None
            self.article.clear(message.reason)
            self.quotes.show_quotes(None)

    # -- inside the article ----------------------------------------------------------------

    def next_hit(self, step: int) -> bool:
        """Go to the next (1) or previous (-1) hit; False when the article has none."""
        return self.article.next_hit(step)

    @on(ArticleView.HitChanged)
    def _hit_changed(self, event: ArticleView.HitChanged) -> None:
        event.stop()
        if not event.total:
            counter = ""
        elif event.current:
            counter = f"hit {event.current}/{event.total}"
        else:
            counter = plural(event.total, "hit")
        self.article.border_subtitle = counter or None
        self.post_message(self.HitsCounted(counter))

    @on(OptionList.OptionSelected, "#quotes")
    def _quote_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.article.select_quote(int(event.option.id))
            self.post_message(self.QuoteShown())
