"""The bottom of the screen: the build's progress bar (while indexing) over the status line.

The status bar owns the :class:`~tui.watcher.ArchiveWatcher` of the open archive and shows
what it reports: progress while indexing, the article count after, a busy or failed index.
When the articles changed it tells the screen with :class:`StatusBar.IndexChanged`.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message

from index.api.backend import Backend
from index.api.records import IndexStatus
from tui import messages as m
from tui.safe import inert_line
from tui.watcher import ArchiveWatcher
from tui.widgets.build_progress import BuildProgress
from tui.widgets.status import StatusLine
from tui.wording import plural


def describe(archive: str, status: IndexStatus, skipped: int = 0) -> str:
    """``bbc · 2,209 articles`` (and how many files were skipped, if any)."""
    described = f"{inert_line(archive)} \u00b7 {plural(status.articles, 'article')}"
    return f"{described} \u00b7 {plural(skipped, 'file')} skipped" if skipped else described


class StatusBar(Vertical):
    """Build progress and the status line; watches the open archive."""

    class IndexChanged(Message):
        """The index of the open archive changed (or was just built): search again."""

    def __init__(
        self,
        *,
        show_timings: bool,
        watch_interval: float | None,
        idle: Callable[[], bool],
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._show_timings = show_timings
        self.watcher = ArchiveWatcher(self, interval=watch_interval, idle=idle)
        self._backend: Backend | None = None
        self._first_build = False

    def compose(self) -> ComposeResult:
        """The progress bar (hidden unless indexing), then the status line."""
        yield BuildProgress(id="build")
        yield StatusLine(show_timings=self._show_timings, id="status")

    @property
    def status(self) -> StatusLine:
        """The status line."""
        return self.query_one(StatusLine)

    @property
    def progress(self) -> BuildProgress:
        """The build's progress bar."""
        return self.query_one(BuildProgress)

    def watch_archive(self, backend: Backend, status: IndexStatus) -> None:
        """Show and watch ``backend``'s archive; build its index now if it has none."""
        self._backend = backend
        self.watcher.watch(backend)
        self._first_build = not status.articles
        if status.articles:
            self.status.set_index(describe(backend.archive.name, status))
            return
        self.status.set_index("indexing\u2026", busy=True)
        self.status.set_searching(f"Indexing {backend.archive.name} for the first time\u2026")
        self.watcher.check(force=True)

    def forget(self) -> None:
        """Stop watching (another archive is being opened)."""
        self._backend = None
        self.watcher.stop()
        self.progress.hide()
        self.status.set_index("opening\u2026", busy=True)

    @on(m.IndexProgress)
    def _progress(self, message: m.IndexProgress) -> None:
        message.stop()
        if message.backend is self._backend:
            name = message.backend.archive.name
            self.progress.show(name, message.progress, message.rate, message.seconds_left)
            self.status.set_index("indexing\u2026", busy=True)

    @on(m.IndexUpdated)
    def _updated(self, message: m.IndexUpdated) -> None:
        message.stop()
        if message.backend is not self._backend:
            return
        self.progress.hide()
        self.status.set_index(
            describe(message.backend.archive.name, message.status, message.skipped)
        )
        if message.changed or self._first_build:
            self._first_build = False
            self.post_message(self.IndexChanged())

    @on(m.IndexProblem)
    def _problem(self, message: m.IndexProblem) -> None:
        message.stop()
        if message.backend is self._backend:
            self.progress.hide()
            self.status.set_index(message.reason, busy=True)
