"""The main screen: search bar, headlines, article, quotes and status line, and the keys on them.

Every backend call runs in a thread worker; results come back through ``call_from_thread`` and
are dropped when the query they answer is no longer the one in the search bar.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, Label, OptionList, Static
from textual.worker import get_current_worker

from index.api.errors import IndexUnavailable, NewsdeskError, QueryError
from index.api.records import SORT_ORDERS, Filter, Highlight, SearchRequest, SearchResult, SortOrder
from index.corpus.article import Article
from tui.keys import BINDINGS as KEY_SPECS
from tui.safe import inert_line
from tui.screens.help import key_display
from tui.screens.lookups import facet_picker, related_picker, speaker_picker
from tui.screens.reading import ReadingScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.bindings import bindings
from tui.widgets.headlines import PAGE_SIZE, HeadlineList
from tui.widgets.quotes import QuoteList
from tui.widgets.status import StatusLine

if TYPE_CHECKING:
    from index.api.backend import Backend

SEARCH_PLACEHOLDER = 'words, "a phrase", speaker:name, date:2019, is:unread \u2026 (? for help)'


@dataclass(frozen=True, slots=True)
class Query:
    """What the headlines show: the search text, the sort order and the facet filters."""

    text: str = ""
    sort: SortOrder = "relevance"
    filters: tuple[Filter, ...] = ()

    @property
    def effective_sort(self) -> SortOrder:
        """The order results come in (an empty query lists the newest first)."""
        return "newest" if not self.text.strip() and self.sort == "relevance" else self.sort


class SearchInput(Input):
    """The search bar; Enter or Down goes to the headlines.

    Priority bindings: they run before the next key (already sent by a fast typist, or in the
    same packet over SSH) is handed to a widget, so that key lands in the headlines.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "screen.to_headlines", "Headlines", show=False, priority=True),
        Binding("enter", "screen.submit_search", "Headlines", show=False, priority=True),
    ]

    async def _on_key(self, event: events.Key) -> None:
        # (Textual then runs Input's own handler, unless the default is prevented.)
        whole = sorted(self.selection) == [0, len(self.value)]  # empty, or all selected
        if event.character == "/" and whole:
            # People press "/" to start a search; in a fresh bar it only confirms the focus.
            event.stop()
            event.prevent_default()


class MainScreen(ReadingScreen):
    """Search, read and quote."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("screen")
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012

    def __init__(self, *, show_timings: bool = True) -> None:
        super().__init__()
        self.query_state = Query()
        self.generation = 0
        self.request: SearchRequest | None = None
        self.result: SearchResult | None = None
        self._show_timings = show_timings
        self._detached = False
        self._reload = False
        self._preview_timer: Timer | None = None
        self._preview: tuple[str, Highlight] | None = None  # waiting for a pause
        self._first_results = False

    def compose(self) -> ComposeResult:
        """Search bar on top, three panels, status line and key hints below."""
        with Horizontal(id="topbar"):
            yield Label("Search", id="search-label")
            yield SearchInput(placeholder=SEARCH_PLACEHOLDER, id="search", compact=True)
            yield Static(id="search-info", markup=False)  # filter values come from articles
        with Container(id="panels"):
            yield HeadlineList(id="headlines")
            yield ArticleView(id="article")
            yield QuoteList(id="quotes")
        yield StatusLine(show_timings=self._show_timings, id="status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Once every panel is mounted: title them, start in the search bar, open the archive."""
        self.call_after_refresh(self._ready)

    def _ready(self) -> None:
        self.headlines.border_title = "Headlines"
        self.article.border_title = "Article"
        self.quotes.border_title = "Quotes"
        self._show_info()
        self.search_input.focus()
        self.news.main_screen_ready()

    # -- searching -------------------------------------------------------------------------

    def run_search(self, *, keep: bool = False) -> None:
        """Search for the current query (keeping the cursor on its article when ``keep``)."""
        if self.news.backend is None:
            return
        self.generation += 1
        current = self.headlines.current
        self._search(self.query_state, self.generation, current.id if keep and current else None)

    @work(thread=True, exclusive=True, group="search")
    def _search(self, query: Query, generation: int, keep: str | None) -> None:
        backend = self.news.backend
        if backend is None or get_current_worker().is_cancelled:
            return
        request = SearchRequest(
            query.text, query.sort, query.filters, limit=PAGE_SIZE, snippets=False
        )
        try:
            result = backend.search(request)
        except (QueryError, IndexUnavailable) as exc:  # the message is the status line
            self.app.call_from_thread(self._show_error, query, generation, str(exc))
            return
        except (NewsdeskError, OSError) as exc:
            self.app.call_from_thread(self._show_error, query, generation, f"search failed: {exc}")
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_result, query, generation, result, keep)

    def _stale(self, query: Query, generation: int) -> bool:
        return generation != self.generation or query != self.query_state

    def _show_result(
        self, query: Query, generation: int, result: SearchResult, keep: str | None
    ) -> None:
        if self._stale(query, generation):
            return
        self.request, self.result = result.request, result
        if self.news.backend is not None:
            self.article.find_hits = self.news.backend.hit_finder
        empty = self._empty_lines(query, result)
        self.headlines.show_results(generation, result.total, result.hits, keep=keep, empty=empty)
        self.status.set_results(result.total, result.seconds, hint=self._suggestion_hint())
        if not result.total:
            self._detached = False
            self.article.clear("Nothing to show.")
            self.quotes.show_quotes(None)
        if not self._first_results:
            self._first_results = True
            self.news.first_results_shown()

    def _empty_lines(self, query: Query, result: SearchResult) -> tuple[str, ...]:
        if not query.text.strip() and not query.filters:
            return ("The archive has no articles yet.", self.news.index_message)
        lines = [f"No articles match \u201c{query.text.strip()}\u201d."]
        if result.suggestion:
            lines.append(f"Did you mean \u201c{result.suggestion}\u201d? Press Enter to search it.")
        if query.filters:
            lines.append("Filters are on: press f to change them.")
        return tuple(lines)

    def _suggestion_hint(self) -> str:
        if self.result is None or not self.result.suggestion:
            return ""
        spec = next(s for s in KEY_SPECS if s.id == "accept_suggestion")
        keys = key_display(spec, self.news.keymap)
        return f"did you mean: {self.result.suggestion}? ({keys})"

    def _show_error(self, query: Query, generation: int, message: str) -> None:
        if not self._stale(query, generation):
            self.status.set_error(message)
        if not self._first_results:  # a damaged index is rebuilt by the first update
            self._first_results = True
            self.news.first_results_shown()

    def reset(self) -> None:
        """Forget the results of the previous archive (another one is being opened)."""
        self.generation += 1
        self.request = self.result = None
        self._first_results = self._detached = False
        self.headlines.show_message("Opening the archive\u2026")
        self.article.clear("Opening the archive\u2026")
        self.quotes.show_quotes(None)

    def refresh_results(self) -> None:
        """Search again after the index changed, keeping the reader's place."""
        self._reload = True  # the open article's file may have changed too
        self.run_search(keep=True)

    @on(Input.Changed, "#search")
    def _typed(self, event: Input.Changed) -> None:
        self.query_state = dataclasses.replace(self.query_state, text=event.value)
        self._show_info()
        self.run_search()

    def action_submit_search(self) -> None:
        """Enter in the search bar: take the suggestion when nothing matched, else go on."""
        if not self.headlines.total and self.result is not None and self.result.suggestion:
            self.action_accept_suggestion()
        else:
            self.action_to_headlines()

    def set_filters(self, filters: tuple[Filter, ...]) -> None:
        """Filter the results by facet values (several on one field mean any of them)."""
        self.query_state = dataclasses.replace(self.query_state, filters=filters)
        self._show_info()
        self.run_search()

    def search_for(self, text: str) -> None:
        """Put ``text`` in the search bar and search for it."""
        self.search_input.value = text
        self.search_input.cursor_position = len(text)

    def _show_info(self) -> None:
        parts: list[str] = [self.query_state.effective_sort]
        if self.query_state.filters:
            parts.append(", ".join(inert_line(f.value) for f in self.query_state.filters))
        self.query_one("#search-info", Static).update(" \u00b7 ".join(parts))

    # -- pages and articles ----------------------------------------------------------------

    @on(HeadlineList.PageWanted)
    def _page_wanted(self, event: HeadlineList.PageWanted) -> None:
        if self.request is not None:
            self._fetch_page(self.request, event.generation, event.page)

    @work(thread=True, group="pages")
    def _fetch_page(self, request: SearchRequest, generation: int, page: int) -> None:
        backend = self.news.backend
        if backend is None:
            return
        wanted = dataclasses.replace(request, offset=page * PAGE_SIZE, limit=PAGE_SIZE)
        try:
            hits = backend.search(wanted).hits
        except (NewsdeskError, OSError) as exc:
            self.app.call_from_thread(self.status.set_error, f"cannot load more results: {exc}")
            return
        self.app.call_from_thread(self.headlines.add_page, generation, page, hits)

    @on(HeadlineList.Highlighted)
    def _highlighted(self, event: HeadlineList.Highlighted) -> None:
        terms = self.result.highlight if self.result else Highlight()
        shown = self.article.article
        same = not self._detached and not self._reload and shown is not None
        self._detached = self._reload = False
        if same and shown is not None and shown.id == event.hit.id:
            # Typing often keeps the same top article: mark the new words, read nothing.
            if terms != self.article.terms:
                self.article.show(shown, terms)
            return
        if self._preview_timer is not None:
            self._preview_timer.stop()
        self._preview = (event.hit.id, terms)
        delay = self.news.preview_delay
        if self.focused is self.search_input and delay > 0:
            # While the reader types, read the top article only once they pause.
            self._preview_timer = self.set_timer(delay, self._preview_now)
        else:
            self._preview_now()

    def _preview_now(self) -> None:
        if self._preview is not None:
            article_id, terms = self._preview
            self._preview = None
            self._load_article(article_id, terms)

    @on(HeadlineList.Selected)
    def _selected(self, event: HeadlineList.Selected) -> None:
        if event.hit is None:
            self.action_accept_suggestion()
            return
        self.action_to_article()
        if event.hit.id not in self.news.reading.read:
            self.mark_read(event.hit.id, True)

    def open_article(self, article_id: str, quote_start: int = -1) -> None:
        """Show an article that is not (necessarily) in the headlines, and go to it."""
        self._detached = True
        self._load_article(article_id, Highlight(), quote_start, focus=True)

    @work(thread=True, exclusive=True, group="article")
    def _load_article(
        self, article_id: str, terms: Highlight, quote_start: int = -1, focus: bool = False
    ) -> None:
        backend = self.news.backend
        if backend is None or get_current_worker().is_cancelled:
            return
        try:
            article = backend.article(article_id)
        except (NewsdeskError, OSError) as exc:
            self.app.call_from_thread(self.article.clear, f"Cannot open this article: {exc}")
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_article, article, terms, quote_start, focus)

    def _show_article(
        self, article: Article, terms: Highlight, quote_start: int, focus: bool
    ) -> None:
        current = self.headlines.current
        if not self._detached and (current is None or current.id != article.id):
            return
        quote = next((i for i, q in enumerate(article.quotes) if q.start == quote_start), -1)
        self.article.show(article, terms, quote)
        self.quotes.show_quotes(article)
        if quote >= 0:
            self.quotes.highlighted = quote
        if focus:
            self.action_to_article()

    @on(ArticleView.HitChanged)
    def _hit_changed(self, event: ArticleView.HitChanged) -> None:
        if not event.total:
            self.article.border_subtitle = None
        elif event.current:
            self.article.border_subtitle = f"hit {event.current}/{event.total}"
        else:
            self.article.border_subtitle = f"{event.total} hits"
        self.status.set_hint(str(self.article.border_subtitle or "") or self._suggestion_hint())

    @on(OptionList.OptionSelected, "#quotes")
    def _quote_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is None:
            return
        self.article.select_quote(int(event.option.id))
        if self.has_class("-narrow") and self.has_class("-quotes-toggled"):
            self.action_toggle_quotes()

    # -- actions ---------------------------------------------------------------------------

    def action_focus_search(self) -> None:
        """Go to the search bar."""
        self.set_focus(self.search_input)

    def action_to_headlines(self) -> None:
        """Go to the headlines (showing the article under the cursor at once)."""
        self.set_focus(self.headlines)
        if self._preview is not None:
            self._preview_now()
        elif self._detached and self.headlines.current is not None:
            self._highlighted(HeadlineList.Highlighted(self.headlines.current))

    def action_to_article(self) -> None:
        """Go to the article (out from behind the quotes on a narrow screen)."""
        if self.has_class("-narrow") and self.has_class("-quotes-toggled"):
            self.remove_class("-quotes-toggled")
        self.set_focus(self.article)

    def action_back(self) -> None:
        """One step back: quotes to article, article to headlines, headlines to search."""
        focused = self.focused
        if focused is self.quotes:
            self.action_to_article()
        elif focused is self.article:
            self.action_to_headlines()
        elif focused is self.headlines:
            self.action_focus_search()
        else:
            self.action_to_headlines()

    def action_next_hit(self) -> None:
        """Next search hit in the article."""
        if not self.article.next_hit(1):
            self.notify("No search hits in this article.", timeout=2)

    def action_previous_hit(self) -> None:
        """Previous search hit in the article."""
        if not self.article.next_hit(-1):
            self.notify("No search hits in this article.", timeout=2)

    def action_toggle_quotes(self) -> None:
        """Show or hide the quotes (on a narrow screen they take the article's place)."""
        self.toggle_class("-quotes-toggled")
        showing = self.has_class("-narrow") == self.has_class("-quotes-toggled")
        if showing and self.has_class("-narrow"):
            self.set_focus(self.quotes)
        elif not showing and self.focused is self.quotes:
            self.set_focus(self.article)

    def action_cycle_sort(self) -> None:
        """Relevance, newest, oldest."""
        order = SORT_ORDERS[(SORT_ORDERS.index(self.query_state.sort) + 1) % len(SORT_ORDERS)]
        self.query_state = dataclasses.replace(self.query_state, sort=order)
        self._show_info()
        self.run_search()
        self.notify(f"Sorted by {self.query_state.effective_sort}", timeout=1.5)

    def action_accept_suggestion(self) -> None:
        """Search for the "did you mean" suggestion."""
        if self.result is not None and self.result.suggestion:
            self.search_for(self.result.suggestion)
        else:
            self.notify("No suggestion for this query.", timeout=2)

    def action_filter(self) -> None:
        """Pick facet filters for the current query."""
        if (request := self.request) is not None:
            self._pop_up(lambda backend: facet_picker(backend, request, self.set_filters), None)

    def action_related(self) -> None:
        """Articles like the open one."""
        if (article := self.open_article_or_say()) is not None:
            opened = article.id
            self._pop_up(lambda backend: related_picker(backend, opened), self._picked_article)

    def _picked_article(self, article_id: str | None) -> None:
        if article_id is not None:
            self.open_article(article_id)

    def _speaker(self) -> str | None:
        current = self.quotes.current
        if current is None or current[1].speaker is None:
            self.notify("Pick a quote with a speaker in the quotes panel first.", timeout=3)
            return None
        return current[1].speaker

    def action_search_speaker(self) -> None:
        """Search for articles quoting the selected quote's speaker."""
        if (speaker := self._speaker()) is not None:
            self.search_for(f'speaker:"{speaker}"')
            self.action_to_headlines()

    def action_speaker_quotes(self) -> None:
        """Every quote by the selected quote's speaker, across the archive."""
        if (speaker := self._speaker()) is not None:
            self.show_speaker_quotes(speaker)

    def show_speaker_quotes(self, speaker: str) -> None:
        """Open the list of quotes by ``speaker``; picking one opens its article."""
        self._pop_up(lambda backend: speaker_picker(backend, speaker), self._picked_quote)

    def _picked_quote(self, picked: tuple[str, int] | None) -> None:
        if picked is not None:
            self.open_article(*picked)

    def _pop_up(
        self, build: Callable[[Backend], Screen[Any]], then: Callable[[Any], None] | None
    ) -> None:
        """Build a pop-up in a worker thread (it asks the backend), then show it."""
        self.run_worker(
            partial(self._build_pop_up, build, then), thread=True, exclusive=True, group="pop-up"
        )

    def _build_pop_up(
        self, build: Callable[[Backend], Screen[Any]], then: Callable[[Any], None] | None
    ) -> None:
        backend = self.news.backend
        if backend is None:
            return
        try:
            screen = build(backend)
        except (NewsdeskError, OSError) as exc:
            self.app.call_from_thread(self.status.set_error, str(exc))
            return
        self.app.call_from_thread(self.app.push_screen, screen, then)

    def marks_changed(self) -> None:
        """Redraw the marks; results filtered by is:read/unread/bookmarked change with them."""
        super().marks_changed()
        if "is:" in self.query_state.text:
            self.run_search(keep=True)
