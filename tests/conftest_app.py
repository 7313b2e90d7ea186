"""Helpers for the app's tests: an app factory, waiting for workers, reading the screen.

Not a conftest (pytest does not load it by itself): test modules import what they use. Each
test gets its own copy of the indexed sample archive (:mod:`tests.samples`), so tests may
change both the archive and its index.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import shutil
from collections.abc import Awaitable, Callable, Iterator, Mapping
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.worker import WorkerCancelled, WorkerState

from tests.samples import (
    Sample,
    built_sample,
)
from tui.app import NewsdeskApp
from tui.config import Config

COLOUR_TERMINAL = {"TERM": "xterm-256color", "COLORTERM": "truecolor"}


def isolate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Private XDG data and config folders, no NO_COLOR from the caller's terminal."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("NEWSDESK_CONFIG", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)


def sample_copy(
    factory: pytest.TempPathFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Sample:
    """A test's own copy of the indexed sample archive and its index, XDG folders isolated.

    Test modules wrap this in their ``sample`` fixture.
    """
    isolate(tmp_path, monkeypatch)
    built = built_sample(factory)
    archive = tmp_path / "archive"
    shutil.copytree(built.archive, archive)  # copy2 keeps the fixed mtimes
    index_dir = tmp_path / "index"
    shutil.copytree(built.index_dir, index_dir)
    return Sample(archive, index_dir)


def make_app(
    sample: Sample,
    config: Config | None = None,
    *,
    environ: Mapping[str, str] = COLOUR_TERMINAL,
    index_dir: Path | bool | None = True,
) -> NewsdeskApp:
    """The app on ``sample``: no polling, no timings on screen, a known terminal."""
    folder = sample.index_dir if index_dir is True else (index_dir or None)
    return NewsdeskApp(
        sample.archive,
        folder if isinstance(folder, Path) else None,
        config or Config(),
        watch_interval=None,
        show_timings=False,
        preview_delay=0,
        environ=environ,
    )


def pilot_test(test: Callable[..., Awaitable[None]]) -> Callable[..., None]:
    """Run an async test function in its own event loop (no async pytest plugin needed)."""

    @functools.wraps(test)
    def run(*args: object, **kwargs: object) -> None:
        asyncio.run(test(*args, **kwargs))  # type: ignore[arg-type]

    return run


async def settle(pilot: Pilot[int]) -> None:
    """Wait until no worker runs and what they found is on screen (no sleeping)."""
    app = pilot.app
    for _ in range(200):
        await pilot.pause()
        busy = [w for w in app.workers if w.state in (WorkerState.PENDING, WorkerState.RUNNING)]
        if not busy:
            await pilot.pause()
            if not any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers):
                return
        with contextlib.suppress(WorkerCancelled):  # (an answer nobody wants any more)
            await app.workers.wait_for_complete()
    raise AssertionError("the app's workers never settled")


async def search(pilot: Pilot[int], text: str) -> None:
    """Put ``text`` in the search bar (as pasting would) and wait for the results."""
    app = pilot.app
    assert isinstance(app, NewsdeskApp)
    app.main.search_input.value = text
    await settle(pilot)


async def load_first_page(pilot: Pilot[int]) -> None:
    """Fetch the rest of the results' first page (a new query asks for a screenful)."""
    app = pilot.app
    assert isinstance(app, NewsdeskApp)
    if app.main.result is not None:
        app.main.calls.page(app.main.result, 0)
        await settle(pilot)


async def type_query(pilot: Pilot[int], text: str) -> None:
    """Press / and type ``text`` key by key, then wait for the results."""
    keys = ["space" if char == " " else char for char in text]
    await pilot.press("slash", *keys)
    await settle(pilot)


def screen_text(app: NewsdeskApp) -> str:
    """Everything on screen, as plain text lines."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def footer_text(app: NewsdeskApp) -> str:
    """The key bar at the bottom of the screen."""
    return screen_text(app).splitlines()[-1]


def iter_lines(app: NewsdeskApp) -> Iterator[str]:
    """Every line of the open article as drawn (all of it, not only what is visible)."""
    view = app.main.article
    width = view.scrollable_content_region.width
    for index in range(len(view.document.lines)):
        yield view.line_strip(index, width).text
