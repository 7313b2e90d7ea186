"""The main screen: search bar, panels (headlines, article, quotes), status bar and keys.

The screen owns its widgets and the helpers that work for it: :class:`BackendCalls` asks the
backend in workers, :class:`Marks` keeps the reading state, :class:`PopUps` opens pickers,
:class:`HandOff` gets articles out; the status bar watches the archive. Widgets and workers
post messages up; the screen calls methods down. The query is a reactive of the search bar:
changing it (typing, sorting, filtering) repaints the bar and tells the screen to search.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType

from index.api.records import Filter, Highlight, IndexStatus, ReadingState, SearchResult
from index.corpus.article import Article
from tui import messages as m
from tui.calls import BackendCalls
from tui.host import Host
from tui.query import empty_lines
from tui.safe import inert_line
from tui.screens.handoff import HandOff, HandOffKeys
from tui.screens.help import HelpScreen, binding_commands, suggestion_hint
from tui.screens.lookups import PopUps
from tui.screens.marks import Marks
from tui.screens.palette import PaletteCommand
from tui.screens.prompt import PromptScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.bindings import bindings
from tui.widgets.headlines import PAGE_SIZE, HeadlineList
from tui.widgets.key_bar import KeyBar
from tui.widgets.panels import Panel, Panels
from tui.widgets.quotes import QuoteList
from tui.widgets.reading_pane import ReadingPane
from tui.widgets.search_bar import SearchBar, SearchInput
from tui.widgets.status import StatusLine
from tui.widgets.status_bar import StatusBar

if TYPE_CHECKING:
    from index.api.backend import Backend


class MainScreen(PromptScreen, HandOffKeys):
    """Search, read and quote."""

    AUTO_FOCUS = "#headlines"

    BINDINGS: ClassVar[list[BindingType]] = bindings("screen")
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-medium"), (180, "-wide")]  # noqa: RUF012

    host: Host
    """The app, as much of it as the screen needs (it is never imported here)."""
    # The widgets, found once mounted (they are never replaced).
    search_bar: SearchBar
    search_input: SearchInput
    panels: Panels
    headlines: HeadlineList
    reading: ReadingPane
    article: ArticleView
    quotes: QuoteList
    status_bar: StatusBar
    status: StatusLine

    def __init__(
        self,
        *,
        show_timings: bool = True,
        preview_delay: float = 0.12,
        watch_interval: float | None = 2.0,
    ) -> None:
        super().__init__()
        self.result: SearchResult | None = None
        self.calls = BackendCalls(self, self._backend)
        self.pop_ups = PopUps(self.calls, self.open_article)
        self._show_timings = show_timings
        self._preview_delay = preview_delay
        self._watch_interval = watch_interval
        self._first_results = False

    def _backend(self) -> Backend | None:
        return self.host.backend

    def compose(self) -> ComposeResult:
        """Search bar on top, the panels, then build progress, status line and keys."""
        yield SearchBar(id="topbar")
        yield Panels(self._backend, preview_delay=self._preview_delay, id="panels")
        yield StatusBar(
            show_timings=self._show_timings,
            watch_interval=self._watch_interval,
            idle=lambda: self.host.idle,
            id="status-bar",
        )
        yield KeyBar(compact=True)

    def on_mount(self) -> None:
        """Find the widgets and title the panels; the headlines have the focus, so every
        letter key is live."""
        self.host = cast(Host, self.app)
        self.search_bar = self.query_one(SearchBar)
        self.search_input = self.search_bar.input
        self.panels = self.query_one(Panels)
        self.headlines = self.query_one(HeadlineList)
        self.reading = self.query_one(ReadingPane)
        self.article, self.quotes = self.reading.article, self.reading.quotes
        self.status_bar = self.query_one(StatusBar)
        self.status = self.status_bar.status
        say, fail = self.status.note, self.status.set_error
        self.handoff = HandOff(self.app, self.open_article_or_say, say, fail)
        self.marks = Marks(self.headlines, self.calls, say, fail, self._marks_changed)
        self.panels.panel = "headlines"

    # -- the archive (called by the app) ---------------------------------------------------

    def show_archive(self, backend: Backend, marks: ReadingState, status: IndexStatus) -> None:
        """An archive was opened: list it, or build its index first when it has none."""
        self.marks.use(backend.reading, marks)
        self.article.find_hits = backend.hit_finder
        self.status_bar.watch_archive(backend, status)
        if status.articles:
            self._search()
            return
        name = inert_line(backend.archive.name)
        self.headlines.show_message(f"Building the index of {name}\u2026", "It opens when done.")
        self.reading.clear(f"Building the index of {name} for the first time\u2026")

    def forget_archive(self, message: str) -> None:
        """Another archive is being opened, or this one failed: empty the panels."""
        self.status_bar.forget()
        self.marks.use(None)
        self.result, self._first_results = None, False
        self.headlines.show_message(message)
        self.reading.clear(message)

    @on(StatusBar.IndexChanged)
    def _index_changed(self) -> None:
        self.reading.reload_next()  # the open article's file may have changed too
        self._search(keep=True)

    # -- searching -------------------------------------------------------------------------

    @on(SearchBar.QueryChanged)
    def _query_changed(self, message: SearchBar.QueryChanged) -> None:
        self._search()
        if message.new.sort != message.old.sort and message.new.text == message.old.text:
            self.status.note(f"Sorted by {message.new.effective_sort}")

    def _search(self, *, keep: bool = False) -> None:
        current = self.headlines.current if keep else None
        kept = current.id if current is not None else None
        # A new query asks for a screenful: the fewer hits, the sooner they are drawn (at
        # 100k, a third less search time than a page). The same query asked again keeps
        # the cursor's article when it is on the first page: that takes the whole page.
        first = PAGE_SIZE if keep else self.headlines.screenful
        self.calls.search(self.search_bar.query_state, kept, first)

    def search_for(self, text: str) -> None:
        """Put ``text`` in the search bar, and so search for it."""
        self.search_bar.search_for(text)

    def set_filters(self, filters: tuple[Filter, ...]) -> None:
        """Filter the results by facet values (several on one field mean any of them)."""
        self.search_bar.set_filters(filters)

    @on(m.SearchDone)
    def _search_done(self, message: m.SearchDone) -> None:
        if message.query != self.search_bar.query_state:
            return  # the reader has typed on since
        result = self.result = message.result
        empty = empty_lines(self.search_bar.query_state, result.suggestion, result.notices)
        self.headlines.show_results(result.total, result.hits, keep=message.keep, empty=empty)
        self.status.set_results(
            result.total, result.seconds, hint=self._suggestion_hint(), notices=result.notices
        )
        if not result.total:
            self.reading.clear("Nothing to show.")
        self.paint_soon(self.headlines, self.status)
        self._first_answer()

    @on(m.SearchFailed)
    def _search_failed(self, message: m.SearchFailed) -> None:
        if message.query == self.search_bar.query_state:
            self.status.set_error(message.reason)
            self.paint_soon(self.status)
        self._first_answer()  # a damaged index is rebuilt by the first update

    def _first_answer(self) -> None:
        """The first search answered: now bring the index up to date behind the headlines."""
        if not self._first_results:
            self._first_results = True
            if not self.status_bar.watcher.checked:  # (not just built)
                self.status_bar.watcher.check_when_idle()

    def _suggestion_hint(self) -> str:
        suggestion = self.result.suggestion if self.result is not None else None
        return suggestion_hint(suggestion, self.host.keymap)

    @on(HeadlineList.PageWanted)
    def _page_wanted(self, event: HeadlineList.PageWanted) -> None:
        if self.result is not None:
            self.calls.page(self.result, event.page)

    @on(m.PageLoaded)
    def _page_loaded(self, message: m.PageLoaded) -> None:
        if message.result is self.result:
            self.headlines.add_page(message.page, message.hits)

    @on(m.CallFailed)
    def _call_failed(self, message: m.CallFailed) -> None:
        self.status.set_error(message.reason)

    # -- the open article ------------------------------------------------------------------

    @on(HeadlineList.Highlighted)
    def _highlighted(self, event: HeadlineList.Highlighted) -> None:
        terms = self.result.highlight if self.result is not None else Highlight()
        typing = self.focused is self.search_input
        self.reading.preview(event.hit.id, terms, typing=typing)

    @on(HeadlineList.Selected)
    def _selected(self, event: HeadlineList.Selected) -> None:
        if event.hit is None:
            self.action_accept_suggestion()
            return
        self.panels.panel = "article"
        self.marks.read(event.hit.id)

    def open_article(self, article_id: str, quote_start: int = -1) -> None:
        """Open an article that may not be in the headlines (from a pop-up), and go to it."""
        self.headlines.point_at(article_id)
        self.marks.read(article_id)
        self.reading.open(article_id, quote_start)

    @on(ReadingPane.Opened)
    @on(ReadingPane.QuoteShown)
    def _to_article(self) -> None:
        self.panels.panel = "article"

    @on(ReadingPane.HitsCounted)
    def _hits_counted(self, message: ReadingPane.HitsCounted) -> None:
        self.status.set_hint(message.counter or self._suggestion_hint())

    def open_article_or_say(self) -> Article | None:
        """The open article; when there is none, or the one under the cursor is still on
        its way (the one on show is then not the one the reader means), say so."""
        if self.reading.fetching:
            self.status.note("The article is still loading.")
            return None
        article = self.reading.open_article
        if article is None:
            self.status.note("Open an article first.")
        return article

    # -- panels and the search bar ---------------------------------------------------------

    def action_panel(self, panel: Panel) -> None:
        """Go to a panel (1, 2, 3)."""
        self.panels.panel = panel

    def action_next_panel(self, step: int) -> None:
        """Tab and Shift+Tab: the next or previous panel, round."""
        self.panels.step(step, from_outside=self.focused is self.search_input)

    def action_toggle_quotes(self) -> None:
        """Show or hide the quotes (on a narrow screen they take the article's place)."""
        self.panels.toggle_quotes()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``/`` and ``1``-``3`` are handled before any widget sees them (so that the keys
        typed after them land where they lead, in their order), except in the search bar,
        where they are characters."""
        typed = action in ("focus_search", "panel")
        return not (typed and self.focused is self.search_input)

    def action_focus_search(self) -> None:
        """Go to the search bar."""
        self.set_focus(self.search_input)  # at once: the next key may already be here

    def action_leave_search(self) -> None:
        """Esc in the search bar: back to the panel the reader came from."""
        self.panels.panel = self.panels.panel

    def action_submit_search(self) -> None:
        """Enter in the search bar: take the suggestion when nothing matched, else go on."""
        if not self.headlines.total and self.result is not None and self.result.suggestion:
            self.action_accept_suggestion()
        else:
            self.panels.panel = "headlines"

    # -- what is listed --------------------------------------------------------------------

    def action_cycle_sort(self) -> None:
        """Relevance, newest, oldest (an empty query: newest, oldest)."""
        self.search_bar.next_sort()

    def action_accept_suggestion(self) -> None:
        """Search for the "did you mean" suggestion."""
        if self.result is not None and self.result.suggestion:
            self.search_for(self.result.suggestion)
        else:
            self.status.note("No suggestion for this query.")

    def action_filter(self) -> None:
        """Pick facet filters for the current query."""
        if self.result is not None:
            self.pop_ups.filters(self.result.request, self.set_filters)

    def action_related(self) -> None:
        """Articles like the open one."""
        if (article := self.open_article_or_say()) is not None:
            self.pop_ups.related(article.id)

    def _speaker(self) -> str | None:
        if (speaker := self.reading.speaker) is None:
            self.status.note("Pick a quote with a speaker in the quotes panel first.")
        return speaker

    def action_search_speaker(self) -> None:
        """Search for articles quoting the selected quote's speaker."""
        if (speaker := self._speaker()) is not None:
            self.search_for(f'speaker:"{speaker}"')
            self.panels.panel = "headlines"

    def action_speaker_quotes(self) -> None:
        """Every quote by the selected quote's speaker, across the archive."""
        if (speaker := self._speaker()) is not None:
            self.pop_ups.speaker_quotes(speaker)

    @on(m.PopUpReady)
    def _pop_up_ready(self, message: m.PopUpReady) -> None:
        self.app.push_screen(message.make(), message.then)

    # -- marks -----------------------------------------------------------------------------

    def _marked_id(self) -> str | None:
        """The article m and b act on: the headline under the cursor in the headlines, else
        the open article."""
        current = self.headlines.current
        if self.focused is self.headlines and current is not None and self.headlines.pointing:
            return current.id
        article = self.open_article_or_say()
        return article.id if article is not None else None

    def _marks_changed(self) -> None:
        if "is:" in self.search_bar.query_state.text:  # is:read, is:unread, is:bookmarked
            self._search(keep=True)

    def action_toggle_read(self) -> None:
        """Mark the article read or unread."""
        self.marks.toggle_read(self._marked_id())

    def action_toggle_bookmark(self) -> None:
        """Bookmark the article, or remove its bookmark."""
        self.marks.toggle_bookmark(self._marked_id())

    def action_next_unread(self) -> None:
        """Open the next unread article in the list (round to the top when needed)."""
        self.marks.find_next_unread(self.result)

    @on(m.UnreadFound)
    def _unread_found(self, message: m.UnreadFound) -> None:
        if message.result is self.result and self.marks.go_to_unread(message):
            self.panels.panel = "article"

    def action_mark_all_read(self) -> None:
        """Mark every article in the list read."""
        self.marks.mark_all_read(self.result)

    @on(m.MarksChanged)
    def _marks_taken(self, message: m.MarksChanged) -> None:
        self.marks.took_all(message)

    # -- the rest --------------------------------------------------------------------------

    def action_next_hit(self, step: int = 1) -> None:
        """Next (or with -1 previous) search hit in the article."""
        if self.open_article_or_say() is not None and not self.reading.next_hit(step):
            self.status.note("No search hits in this article.")

    def action_update_index(self) -> None:
        """Look for new, changed and deleted files now."""
        self.status_bar.watcher.check(force=True)
        self.status.note("Looking for changed files\u2026")

    def action_help(self) -> None:
        """Keys and query syntax."""
        self.app.push_screen(HelpScreen(self.host.keymap))

    def palette_commands(self) -> list[PaletteCommand]:
        """The screen's own bindings as palette commands (with the keys they are on)."""
        return binding_commands(self.host.keymap, lambda action: self.app.run_action(action, self))
