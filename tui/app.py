"""The newsdesk terminal app: the config, the open archive's backend and the theme.

The app opens the archive (in a worker) and hands it to :class:`tui.screens.main.MainScreen`,
which owns the panels and everything done with them.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import time
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.theme import BUILTIN_THEMES
from textual.timer import Timer

from index.api.errors import NewsdeskError
from index.api.records import SpeakerCount
from tui.config import (
    Config,
    bundled_sample_data,
    engine_options,
    resolve_index_dir,
    save_setting,
)
from tui.messages import ArchiveFailed, ArchiveOpened
from tui.screens.main import MainScreen
from tui.screens.palette import NewsdeskCommands, PaletteCommand
from tui.theme import choose_theme
from tui.wording import plural

if TYPE_CHECKING:
    from index.api.backend import Backend

IDLE_SECONDS = 1.5
"""Background checks of the archive wait until no key has been pressed for this long."""
SETTLE_SECONDS = 1.0
"""How long after the archive opens the long-lived objects are frozen (once the first
results are drawn), unless the reader is typing."""


class NewsdeskApp(App[int]):
    """Browse, search and quote one archive of news articles."""

    CSS_PATH = Path(__file__).with_name("newsdesk.tcss")
    TITLE = "newsdesk"
    COMMANDS = App.COMMANDS | {NewsdeskCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q,ctrl+c", "quit", "Quit", show=False, priority=True, id="app.quit")
    ]

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
        settle_memory: bool = False,
    ) -> None:
        theme = choose_theme(
            config.theme, os.environ if environ is None else environ, BUILTIN_THEMES
        )
        # Decided before App.__init__, which picks the NO_COLOR filter from it: an ANSI theme
        # needs the filter that keeps the terminal's own colours, not the greyscale one.
        super().__init__(ansi_color=True if BUILTIN_THEMES[theme].ansi else None)
        self.theme = theme
        self._unknown_theme = config.theme if config.theme not in (None, theme) else None
        self.archive, self.index_dir, self.config = archive, index_dir, config
        self.backend_url = backend
        """``--backend``: where the index is (None: ``backend:`` in config.yaml, else local)."""
        self.keymap: dict[str, str] = dict(config.keys)
        self.backend: Backend | None = None
        self._make_screen = partial(
            MainScreen,
            show_timings=show_timings,
            preview_delay=preview_delay,
            watch_interval=watch_interval,
        )
        self._save_timer: Timer | None = None
        self._last_key = 0.0
        self._settle_memory = settle_memory
        """Whether to take what is alive once the archive is up out of later full garbage
        collections (the command does; tests, many apps in one process, do not)."""
        self.settled = not settle_memory
        """Whether that is done (or not asked for)."""

    @property
    def main(self) -> MainScreen:
        """The main screen (always at the bottom of the stack)."""
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    def get_default_screen(self) -> MainScreen:
        """The main screen is the app's base screen."""
        return self._make_screen()

    def on_mount(self) -> None:
        """Apply key overrides, follow theme changes."""
        self.set_keymap(self.keymap)
        self.theme_changed_signal.subscribe(self, lambda _theme: self._theme_changed())
        if self._unknown_theme:
            self.notify(f"Unknown theme {self._unknown_theme!r}; using {self.theme}.", markup=False)

    def on_ready(self) -> None:
        """The screen is up: open the archive behind it."""
        self._open(self.archive, self.index_dir)

    @property
    def idle(self) -> bool:
        """Whether the reader has paused (background work waits for that)."""
        return time.monotonic() - self._last_key >= IDLE_SECONDS

    async def on_event(self, event: events.Event) -> None:
        """Note when the reader last pressed a key."""
        if isinstance(event, events.Key):
            self._last_key = time.monotonic()
        await super().on_event(event)

    # -- the archive -----------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="archive", exit_on_error=False)
    def _open(self, archive: Path, index_dir: Path | None) -> None:
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
            self.post_message(ArchiveOpened(backend, backend.reading.load(), backend.status()))
        except (NewsdeskError, OSError) as exc:
            self.post_message(ArchiveFailed(str(archive), f"cannot open the index: {exc}"))
            return
        # While the first headlines are drawn, before the first key (a problem found here
        # the first search meets too, and says).
        with contextlib.suppress(NewsdeskError, OSError):
            backend.warm_up()

    @on(ArchiveOpened)
    def _opened(self, message: ArchiveOpened) -> None:
        if message.backend.archive != self.archive.resolve():
            message.backend.close()  # another archive was asked for meanwhile
            return
        self.backend = message.backend
        for problem in message.reading.problems:
            self.notify(problem, title="Reading state", severity="warning", markup=False)
        self.main.show_archive(message.backend, message.reading, message.status)
        if self._settle_memory:
            self._settle_memory = False
            self.set_timer(SETTLE_SECONDS, self._freeze_long_lived)

    def _freeze_long_lived(self) -> None:
        """Collect once, then freeze what is left: the app, Textual and the open index live as
        long as the process, and every later full collection would walk them again (about
        100k objects, 60 ms, landing on a keystroke now and then). Waits for a pause."""
        if not self.idle:
            self.set_timer(SETTLE_SECONDS, self._freeze_long_lived)
            return
        gc.collect()
        gc.freeze()
        self.settled = True

    @on(ArchiveFailed)
    def _failed(self, message: ArchiveFailed) -> None:
        self.main.forget_archive(message.reason)
        self.main.status.set_index(message.reason, busy=True)

    def switch_archive(self, archive: Path) -> None:
        """Close this archive and open ``archive`` (its index is built if it has none)."""
        if not archive.is_dir():
            self.main.status.set_error(f"{archive}: no such archive folder")
            return
        previous, self.backend = self.backend, None
        self.main.forget_archive("Opening the archive\u2026")
        if previous is not None:
            previous.close()
        self.archive = archive
        self.index_dir = resolve_index_dir(archive, None, self.config)
        self._open(archive, self.index_dir)

    def exit(self, result: int | None = None, return_code: int = 0, message: Any = None) -> None:
        """Quit: stop background work early and save a pending theme change."""
        if self.screen_stack:
            self.main.status_bar.forget()
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_theme()
        super().exit(result, return_code, message)

    # -- themes ----------------------------------------------------------------------------

    def _theme_changed(self) -> None:
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
        """The screen's bindings, then archives, themes and the most quoted speakers."""
        commands = self.main.palette_commands()
        archives = {"sample data": str(bundled_sample_data()), **self.config.archives}
        for name, folder in archives.items():
            path = Path(folder).expanduser().resolve()
            switch = partial(self.switch_archive, path)
            commands.append(PaletteCommand(f"Archive: {name}", str(path), switch))
        for theme in sorted(self.available_themes):
            use = partial(setattr, self, "theme", theme)
            commands.append(PaletteCommand(f"Theme: {theme}", "Switch colours (saved)", use, False))
        for speaker in await self._speaker_list():
            about = f"{plural(speaker.quotes, 'quote')} in {plural(speaker.articles, 'article')}"
            show = partial(self.main.pop_ups.speaker_quotes, speaker.name)
            commands.append(PaletteCommand(f"Quotes by {speaker.name}", about, show, False))
        return commands

    async def _speaker_list(self) -> tuple[SpeakerCount, ...]:
        if (backend := self.backend) is None:
            return ()
        try:
            return await asyncio.to_thread(backend.speakers, 100)
        except (NewsdeskError, OSError):
            return ()
