"""The base of the main screen: its panels, and the keys that act on the open article.

Marks (read, bookmark), copying through the terminal, and handing the article to ``$PAGER`` or
``$EDITOR``. :class:`tui.screens.main.MainScreen` adds the panels' layout and searching.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual.screen import Screen
from textual.widgets import Input

from index.corpus.article import Article
from tui.clipboard import (
    article_text,
    editor_command,
    pager_command,
    quote_attribution,
    run_editor,
    run_outside,
    run_pager,
)
from tui.safe import inert_line
from tui.screens.help import HelpScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.headlines import HeadlineList
from tui.widgets.quotes import QuoteList
from tui.widgets.status import StatusLine

if TYPE_CHECKING:
    from tui.app import NewsdeskApp


class ReadingScreen(Screen[None]):
    """Panels and the actions on the open article."""

    @property
    def news(self) -> NewsdeskApp:
        """The app, with its archive session."""
        return cast("NewsdeskApp", self.app)

    @property
    def search_input(self) -> Input:
        """The search bar."""
        return self.query_one("#search", Input)

    @property
    def headlines(self) -> HeadlineList:
        """The result list."""
        return self.query_one(HeadlineList)

    @property
    def article(self) -> ArticleView:
        """The article panel."""
        return self.query_one(ArticleView)

    @property
    def quotes(self) -> QuoteList:
        """The quotes panel."""
        return self.query_one(QuoteList)

    @property
    def status(self) -> StatusLine:
        """The status line."""
        return self.query_one(StatusLine)

    def open_article_or_say(self) -> Article | None:
        """The open article; when there is none, say so."""
        if self.article.article is None:
            self.notify("Open an article first.", timeout=2)
        return self.article.article

    # -- marks -----------------------------------------------------------------------------

    def marked_id(self) -> str | None:
        """The article m and b act on: the headline under the cursor in the headlines, else
        the open article."""
        current = self.headlines.current
        if self.focused is self.headlines and current is not None:
            return current.id
        article = self.open_article_or_say()
        return article.id if article is not None else None

    def action_toggle_read(self) -> None:
        """Mark the article read or unread."""
        if (article_id := self.marked_id()) is not None:
            self.mark_read(article_id, article_id not in self.news.reading.read)

    def mark_read(self, article_id: str, read: bool) -> None:
        """Mark ``article_id`` read or unread (saved at once)."""
        if self.news.set_read(article_id, read):
            self.marks_changed()

    def action_toggle_bookmark(self) -> None:
        """Bookmark the article, or remove its bookmark."""
        if (article_id := self.marked_id()) is not None:
            marked = article_id not in self.news.reading.bookmarks
            if self.news.set_bookmark(article_id, marked):
                self.notify("Bookmarked." if marked else "Bookmark removed.", timeout=1.5)
                self.marks_changed()

    def marks_changed(self) -> None:
        """Redraw the headlines' read markers and bookmark stars."""
        reading = self.news.reading
        self.headlines.set_marks(reading.read, reading.bookmarks)

    # -- getting the article out -----------------------------------------------------------

    def action_copy(self) -> None:
        """Copy the selected quote (in the quotes panel) or the article, via the terminal."""
        if (article := self.open_article_or_say()) is None:
            return
        current = self.quotes.current if self.focused is self.quotes else None
        if current is not None:
            self.app.copy_to_clipboard(quote_attribution(current[1], article))
            self.notify("Copied the quote.", timeout=1.5)
        else:
            text = article_text(article)
            self.app.copy_to_clipboard(text)
            self.notify(f"Copied the article ({len(text):,} characters).", timeout=1.5)

    def action_copy_url(self) -> None:
        """Copy the article's address."""
        if (article := self.open_article_or_say()) is None:
            return
        if article.url:
            self.app.copy_to_clipboard(inert_line(article.url))
            self.notify("Copied the URL.", timeout=1.5)
        else:
            self.notify("This article has no URL.", timeout=2)

    def action_open_pager(self) -> None:
        """Read the article in $PAGER."""
        if (article := self.open_article_or_say()) is not None:
            command = pager_command(os.environ)
            failed = run_outside(self.app, lambda: run_pager(article_text(article), command))
            if failed is not None:
                self.status.set_error(f"cannot run {command[0]}: {failed.strerror or failed}")

    def action_open_editor(self) -> None:
        """Open the article's file in $EDITOR (the archive is watched, edits show up)."""
        if (article := self.open_article_or_say()) is not None:
            command = editor_command(os.environ, Path(article.path), article.line)
            failed = run_outside(self.app, lambda: run_editor(command))
            if failed is not None:
                self.status.set_error(f"cannot run {command[0]}: {failed.strerror or failed}")
            self.news.request_sync()

    # -- the rest --------------------------------------------------------------------------

    def action_help(self) -> None:
        """Keys and query syntax."""
        self.app.push_screen(HelpScreen(self.news.keymap))

    def action_quit(self) -> None:
        """Leave newsdesk."""
        self.app.exit(0)
