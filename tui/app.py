"""The newsdesk terminal app: one archive session, kept fresh in the background, and its screens.

The app owns the backend and the reading state; :class:`tui.screens.main.MainScreen` owns the
panels. The index is brought up to date in a thread worker after the first results are on
screen, then the archive folder is polled (in a worker, at a pace set by how long a scan
takes) and the results refresh when files change or another process updates the index.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from collections.abc import Callable, Collection, Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events, work
from textual.app import App
from textual.theme import BUILTIN_THEMES, Theme
from textual.timer import Timer

from index.api.errors import IndexLocked, IndexReadOnly, IndexUnavailable, NewsdeskError
from index.api.records import IndexStatus, ReadingState, SpeakerCount
from tui.config import (
    Config,
    bundled_sample_data,
    engine_options,
    resolve_index_dir,
    save_setting,
)
from tui.screens.main import MainScreen
from tui.screens.palette import NewsdeskCommands, PaletteCommand

if TYPE_CHECKING:
    from index.api.backend import Backend
    from index.api.records import Progress

ANSI_THEME = "ansi-dark"
DEFAULT_THEME = "textual-dark"
_PROGRESS_SECONDS = 0.1
IDLE_SECONDS = 1.5
"""Background checks of the archive wait until no key has been pressed for this long."""
_SCAN_SHARE = 20
"""Wait at least this many times as long as a scan of the archive took before the next one."""


class Closing(Exception):
    """Raised inside a background update when the app is quitting, to stop it early."""


def limited_colours(environ: Mapping[str, str]) -> bool:
    """True when the terminal likely shows only 16 colours (or colour is turned off)."""
    if "NO_COLOR" in environ:
        return True
    if environ.get("COLORTERM", "").lower() in ("truecolor", "24bit"):
        return False
    term = environ.get("TERM", "")
    return not any(mark in term for mark in ("256color", "truecolor", "direct", "kitty"))


def choose_theme(configured: str | None, environ: Mapping[str, str], known: Collection[str]) -> str:
    """The configured theme if it exists, else an ANSI theme on limited terminals."""
    if configured and configured in known:
        return configured
    return ANSI_THEME if limited_colours(environ) else DEFAULT_THEME


def archive_fingerprint(root: Path, stop: Callable[[], bool]) -> tuple[int, int]:
    """(file count, order-free hash of every file's path, size and mtime) under ``root``."""
    count = digest = 0
    pending = [root]
    while pending:
        if stop():
            raise Closing
        folder = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    pending.append(Path(entry.path))
                    continue
                stat = entry.stat()
            except OSError:
                continue
            count += 1
            digest ^= hash((entry.path, stat.st_size, stat.st_mtime_ns))
    return count, digest


class NewsdeskApp(App[int]):
    """Browse, search and quote one archive of news articles."""

    CSS_PATH = Path(__file__).with_name("newsdesk.tcss")
    TITLE = "newsdesk"
    COMMANDS = App.COMMANDS | {NewsdeskCommands}

    def __init__(
        self,
        archive: Path,
        index_dir: Path | None,
        config: Config,
        *,
        watch_interval: float | None = 2.0,
        show_timings: bool = True,
        preview_delay: float = 0.12,
        environ: Mapping[str, str] | None = None,
        backend: str | None = None,
    ) -> None:
        env = os.environ if environ is None else environ
        theme = choose_theme(config.theme, env, BUILTIN_THEMES)
        # Decided before App.__init__, which picks the NO_COLOR filter from it: an ANSI theme
        # needs the filter that keeps the terminal's own colours, not the greyscale one.
        super().__init__(ansi_color=True if BUILTIN_THEMES[theme].ansi else None)
        self.theme = theme
        self._unknown_theme = config.theme if config.theme not in (None, theme) else None
        self.archive = archive
        self.index_dir = index_dir
        self.config = config
        self.backend_url = backend
        self.keymap: dict[str, str] = dict(config.keys)
        self.backend: Backend | None = None
        self.reading = ReadingState()
        self.index_message = "opening the index\u2026"
        self.closing = False
        self._watch_interval = watch_interval
        self._show_timings = show_timings
        self.preview_delay = preview_delay
        self._fingerprint: tuple[int, int] | None = None
        self._next_scan = 0.0
        self._syncing = False
        self._speakers: tuple[SpeakerCount, ...] | None = None
        self._save_timer: Timer | None = None
        self._last_key = 0.0

    @property
    def main(self) -> MainScreen:
        """The main screen (always at the bottom of the stack)."""
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    def get_default_screen(self) -> MainScreen:
        """The main screen is the app's base screen."""
        return MainScreen(show_timings=self._show_timings)

    def on_mount(self) -> None:
        """Apply key overrides and the theme; start watching the archive."""
        self.set_keymap(self.keymap)
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self._unknown_theme:
            self.notify(f"Unknown theme {self._unknown_theme!r}; using {self.theme}.", markup=False)
        if self._watch_interval:
            self.set_interval(self._watch_interval, self._poll)

    def main_screen_ready(self) -> None:
        """The panels exist: open the archive (in a worker) to fill them."""
        self._open(self.archive, self.index_dir, None)

    def exit(self, result: int | None = None, return_code: int = 0, message: Any = None) -> None:
        """Quit: stop background work early and save a pending theme change."""
        self.closing = True
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_theme()
        super().exit(result, return_code, message)

    def _post(self, callback: Callable[..., object], *args: object) -> None:
        """Call ``callback`` on the app's thread, unless the app has already stopped."""
        if self.closing:
            return
        with contextlib.suppress(RuntimeError):  # the app stopped meanwhile
            self.call_from_thread(callback, *args)

    # -- opening an archive ----------------------------------------------------------------

    @work(thread=True, exclusive=True, group="archive")
    def _open(self, archive: Path, index_dir: Path | None, previous: Backend | None) -> None:
        if previous is not None:
            previous.close()
        # Imported here, in the worker thread: Whoosh loads while the screen first paints.
        from index.engines import open_archive

        try:
            backend = open_archive(
                archive,
                index_dir,
                max_bytes=self.config.max_bytes,
                snippet_chars=self.config.snippet_chars,
                **engine_options(self.config, self.backend_url),
                outside_links=self.config.follow_outside_links,
            )
            reading = backend.reading.load()
            status = backend.status()
        except (NewsdeskError, OSError) as exc:
            self._post(self._set_index, f"cannot open the index: {exc}", True)
            return
        self._post(self._opened, backend, reading, status)

    def _opened(self, backend: Backend, reading: ReadingState, status: IndexStatus) -> None:
        self.backend = backend
        self.reading = reading
        self.main.headlines.set_marks(reading.read, reading.bookmarks)
        for problem in reading.problems:
            self.notify(problem, title="Reading state", severity="warning", markup=False)
        if status.articles:
            self._set_index(self._describe(status), False)
        else:
            self._set_index("building the index\u2026", True)
            first_time = f"Building the index of {self.archive.name} for the first time\u2026"
            self.main.article.clear(first_time)
        self.main.run_search()

    def _describe(self, status: IndexStatus, skipped: int = 0) -> str:
        message = f"{self.archive.name} \u00b7 {status.articles:,} articles"
        return f"{message} \u00b7 {skipped:,} files skipped" if skipped else message

    def _set_index(self, message: str, busy: bool) -> None:
        self.index_message = message
        main = self.main
        main.status.set_index(message, busy=busy)
        if busy and not main.query_state.text.strip() and not main.headlines.total:
            main.headlines.set_empty(f"Building the index of {self.archive.name}\u2026", message)

    def switch_archive(self, archive: Path) -> None:
        """Close this archive and open ``archive`` (its index is built if it has none)."""
        if not archive.is_dir():
            self.notify(f"{archive}: no such archive folder", severity="error", markup=False)
            return
        previous, self.backend = self.backend, None
        self.archive = archive
        self.index_dir = resolve_index_dir(archive, None, self.config)
        self._fingerprint, self._speakers = None, None
        self.main.reset()
        self._set_index("opening the index\u2026", True)
        self._open(archive, self.index_dir, previous)

    def first_results_shown(self) -> None:
        """The first headlines are up: now bring the index up to date behind them."""
        self._sync_when_idle()

    async def on_event(self, event: events.Event) -> None:
        """Note when the reader last pressed a key: background checks wait for a pause."""
        if isinstance(event, events.Key):
            self._last_key = time.monotonic()
        await super().on_event(event)

    def _typing(self) -> bool:
        return time.monotonic() - self._last_key < IDLE_SECONDS

    def _sync_when_idle(self) -> None:
        if self._typing():
            self.set_timer(IDLE_SECONDS, self._sync_when_idle)
        else:
            self.request_sync(force=True)

    def _poll(self) -> None:
        if not self._typing():
            self.request_sync()

    # -- keeping the index fresh -----------------------------------------------------------

    def request_sync(self, force: bool = False) -> None:
        """Check the archive for changes (now if ``force``, else when the pace allows)."""
        if self.backend is None or self._syncing or self.closing:
            return
        if not force and time.monotonic() < self._next_scan:
            return
        self._syncing = True
        self._sync(self.backend, force)

    @work(thread=True, group="sync")
    def _sync(self, backend: Backend, force: bool) -> None:
        changed = False
        cost = 0.0
        try:
            started = time.monotonic()
            fingerprint = archive_fingerprint(self.archive, lambda: self.closing)
            cost = time.monotonic() - started
            if force or fingerprint != self._fingerprint:
                updated = self._update(backend)
                if updated is not None:
                    self._fingerprint = fingerprint
                    changed = updated
            changed = backend.refresh() or changed
        except Closing:
            return  # quitting: the half-built index is safe, the next start completes it
        except IndexUnavailable as exc:  # a shared index between leaders: said, and retried
            if backend is self.backend:
                self._post(self._set_index, str(exc), True)
        except Exception as exc:  # upkeep in the background must not take the app down
            if backend is self.backend:
                self._post(self._set_index, f"index update failed: {exc}", True)
            self.log.error(f"index update failed: {exc!r}")
        finally:
            self._post(self._synced, backend, changed, cost)

    def _update(self, backend: Backend) -> bool | None:
        """Update the index; whether anything changed, or None when it could not."""
        report_progress = self._progress_reporter()
        try:
            report = backend.update(progress=report_progress)
        except IndexLocked:
            self._post(self._set_index, "index busy: another newsdesk is updating it", True)
            return None
        except IndexReadOnly:  # a shared index this key may only search
            self._post(self._set_index, self._describe(backend.status()), False)
            return None
        status = backend.status()
        self._post(self._set_index, self._describe(status, report.skipped_total), False)
        return bool(report.added or report.updated or report.removed)

    def _progress_reporter(self) -> Callable[[Progress], None]:
        last = 0.0

        def report(progress: Progress) -> None:
            nonlocal last
            if self.closing:
                raise Closing
            now = time.monotonic()
            if now - last < _PROGRESS_SECONDS and progress.phase == "index":
                return
            last = now
            if progress.phase == "scan":
                message = "indexing: looking for article files\u2026"
            elif progress.phase == "commit":
                message = "indexing: saving\u2026"
            else:
                message = f"indexing {progress.done:,}/{progress.total:,} files"
            self._post(self._set_index, message, True)

        return report

    def _synced(self, backend: Backend, changed: bool, cost: float) -> None:
        self._syncing = False
        interval = self._watch_interval or 0.0
        self._next_scan = time.monotonic() + max(interval, cost * _SCAN_SHARE)
        if changed and backend is self.backend:
            self._speakers = None
            self.main.refresh_results()

    # -- reading state ---------------------------------------------------------------------

    def set_read(self, article_id: str, read: bool) -> bool:
        """Mark an article read or unread (saved at once); False if it could not be saved."""
        return self._save_state(lambda backend: backend.reading.set_read(article_id, read))

    def set_bookmark(self, article_id: str, marked: bool) -> bool:
        """Bookmark an article or remove its bookmark (saved at once)."""
        return self._save_state(lambda backend: backend.reading.set_bookmark(article_id, marked))

    def _save_state(self, change: Callable[[Backend], ReadingState]) -> bool:
        if self.backend is None:
            return False
        try:
            self.reading = change(self.backend)
        except OSError as exc:
            self.main.status.set_error(f"cannot save the reading state: {exc}")
            return False
        return True

    # -- themes ----------------------------------------------------------------------------

    def _theme_changed(self, theme: Theme) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(1.0, self._save_theme)

    def _save_theme(self) -> None:
        self._save_timer = None
        try:
            save_setting("theme", self.theme, self.config.path)
        except OSError as exc:
            self.notify(f"cannot save the theme: {exc}", severity="warning", markup=False)

    # -- command palette -------------------------------------------------------------------

    async def palette_commands(self) -> list[PaletteCommand]:
        """Main actions, then themes, archives and the most quoted speakers."""
        main = self.main
        actions: list[tuple[str, str, Callable[[], object]]] = [
            ("Search", "Go to the search bar", main.action_focus_search),
            ("Sort: next order", "Relevance, newest, oldest", main.action_cycle_sort),
            ("Filter by source, section, year", "Facet filters", main.action_filter),
            ("Show unread articles", "is:unread", partial(main.search_for, "is:unread")),
            ("Show bookmarks", "is:bookmarked", partial(main.search_for, "is:bookmarked")),
            ("Related articles", "More like the open article", main.action_related),
            ("Toggle quotes panel", "Show or hide quotes", main.action_toggle_quotes),
            ("Toggle read", "Mark the open article read or unread", main.action_toggle_read),
            ("Toggle bookmark", "Bookmark the open article", main.action_toggle_bookmark),
            ("Copy article", "To the clipboard (OSC 52)", main.action_copy),
            ("Copy URL", "The open article's address", main.action_copy_url),
            ("Open in pager", "$PAGER (less -R)", main.action_open_pager),
            ("Open in editor", "$EDITOR on the source file", main.action_open_editor),
            ("Update index now", "Look for changed files", partial(self.request_sync, True)),
            ("Help", "Keys and query syntax", main.action_help),
        ]
        commands = [PaletteCommand(name, about, run) for name, about, run in actions]
        archives = {"sample data": str(bundled_sample_data()), **self.config.archives}
        for name, folder in archives.items():
            path = Path(folder).expanduser().resolve()
            switch = partial(self.switch_archive, path)
            commands.append(PaletteCommand(f"Archive: {name}", str(path), switch))
        for theme in sorted(self.available_themes):
            use = partial(setattr, self, "theme", theme)
            commands.append(PaletteCommand(f"Theme: {theme}", "Switch colours (saved)", use, False))
        for speaker in await self._speaker_list():
            about = f"{speaker.quotes} quotes in {speaker.articles} articles"
            show = partial(main.show_speaker_quotes, speaker.name)
            commands.append(PaletteCommand(f"Quotes by {speaker.name}", about, show, False))
        return commands

    async def _speaker_list(self) -> tuple[SpeakerCount, ...]:
        backend = self.backend
        if backend is None:
            return ()
        if self._speakers is None:
            try:
                self._speakers = await asyncio.to_thread(backend.speakers, 100)
            except (NewsdeskError, OSError):
                return ()
        return self._speakers
