"""Helpers for the app's tests: a prebuilt sample index, an app factory, waiting for workers.

Not a conftest (pytest does not load it by itself): test modules import what they use. The
sample archive is indexed once per session with fixed file times; each test gets its own copy
of the archive and of the index, so tests may change both.
"""

from __future__ import annotations

import asyncio
import functools
import os
import shutil
from collections.abc import Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.worker import WorkerState

from index.engines import open_archive
from tui.app import NewsdeskApp
from tui.config import Config

REPO = Path(__file__).resolve().parent.parent
SAMPLE_DATA = REPO / "sample_data"
FIXED_MTIME = 1_700_000_000
"""Every sample file gets this mtime, so dates taken from mtimes do not depend on the clone."""
COLOUR_TERMINAL = {"TERM": "xterm-256color", "COLORTERM": "truecolor"}


@dataclass(frozen=True)
class Sample:
    """An archive and its index folder."""

    archive: Path
    index_dir: Path


def copy_archive(source: Path, target: Path) -> Path:
    """Copy an archive folder, giving every file the same fixed mtime."""
    shutil.copytree(source, target)
    for folder, _, files in os.walk(target):
        for name in files:
            os.utime(Path(folder) / name, (FIXED_MTIME, FIXED_MTIME))
    return target


_built: dict[str, Sample] = {}


def built_sample(factory: pytest.TempPathFactory) -> Sample:
    """The sample archive indexed once per test process (never change it)."""
    if "sample" not in _built:
        root = factory.mktemp("built-sample")
        archive = copy_archive(SAMPLE_DATA, root / "archive")
        index_dir = root / "index"
        backend = open_archive(archive, index_dir)
        try:
            backend.update()
        finally:
            backend.close()
        _built["sample"] = Sample(archive, index_dir)
    return _built["sample"]


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
        await app.workers.wait_for_complete()
    raise AssertionError("the app's workers never settled")


async def search(pilot: Pilot[int], text: str) -> None:
    """Put ``text`` in the search bar (as pasting would) and wait for the results."""
    app = pilot.app
    assert isinstance(app, NewsdeskApp)
    app.main.search_input.value = text
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


def write_archive(folder: Path, articles: dict[str, str]) -> Path:
    """An archive of our own: ``{file name: text}`` written into ``folder``, fixed mtimes."""
    folder.mkdir(parents=True)
    for name, text in articles.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        os.utime(path, (FIXED_MTIME, FIXED_MTIME))
    return folder


def iter_lines(app: NewsdeskApp) -> Iterator[str]:
    """Every line of the open article as drawn (all of it, not only what is visible)."""
    view = app.main.article
    width = view.scrollable_content_region.width
    for index in range(len(view.document.lines)):
        yield view.line_strip(index, width).text
