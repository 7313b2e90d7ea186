"""Handing the open article to the outside: the clipboard (OSC 52), ``$PAGER``, ``$EDITOR``."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App

from index.corpus.article import Article, Quote
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

if TYPE_CHECKING:
    from tui.widgets.quotes import QuoteList
    from tui.widgets.reading_pane import ReadingPane
    from tui.widgets.status_bar import StatusBar


class HandOff:
    """Copies, pages and edits the open article (``article`` gives it, or says there is
    none); says how it went through ``say`` and ``fail``."""

    def __init__(
        self,
        app: App[Any],
        article: Callable[[], Article | None],
        say: Callable[[str], None],
        fail: Callable[[str], None],
    ) -> None:
        self._app = app
        self._article = article
        self._say = say
        self._fail = fail

    def copy(self, quote: Quote | None) -> None:
        """Copy ``quote`` with its attribution, or else the whole article."""
        if (article := self._article()) is None:
            return
        if quote is not None:
            self._app.copy_to_clipboard(quote_attribution(quote, article))
            self._say("Copied the quote.")
        else:
            text = article_text(article)
            self._app.copy_to_clipboard(text)
            self._say(f"Copied the article ({len(text):,} characters).")

    def copy_url(self) -> None:
        """Copy the article's address, if it has one."""
        if (article := self._article()) is None:
            return
        if article.url:
            self._app.copy_to_clipboard(inert_line(article.url))
            self._say("Copied the URL.")
        else:
            self._say("This article has no URL.")

    def pager(self) -> None:
        """Show the article in ``$PAGER`` (the app waits, suspended)."""
        if (article := self._article()) is None:
            return
        command = pager_command(os.environ)
        failed = run_outside(self._app, lambda: run_pager(article_text(article), command))
        if failed is not None:
            self._fail(f"cannot run {command[0]}: {failed.strerror or failed}")

    def editor(self) -> bool:
        """Open the article's file in ``$EDITOR``; whether it was run (edits then show up,
        once the archive is checked)."""
        if (article := self._article()) is None:
            return False
        command = editor_command(os.environ, Path(article.path), article.line)
        failed = run_outside(self._app, lambda: run_editor(command))
        if failed is not None:
            self._fail(f"cannot run {command[0]}: {failed.strerror or failed}")
        return failed is None


class HandOffKeys:
    """The keys of a screen that get its open article out (mixed into the screen, whose
    bindings name these actions)."""

    handoff: HandOff
    reading: ReadingPane
    quotes: QuoteList
    status_bar: StatusBar

    def action_copy(self) -> None:
        """Copy the selected quote (in the quotes panel) or the article."""
        self.handoff.copy(self.reading.selected_quote if self.quotes.has_focus else None)

    def action_copy_url(self) -> None:
        """Copy the article's address."""
        self.handoff.copy_url()

    def action_open_pager(self) -> None:
        """Read the article in $PAGER."""
        self.handoff.pager()

    def action_open_editor(self) -> None:
        """Open the article's file in $EDITOR (the archive is watched: edits show up)."""
        if self.handoff.editor():
            self.status_bar.watcher.check(force=True)
