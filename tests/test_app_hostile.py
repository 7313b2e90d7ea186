"""The app with hostile names and files: brackets, a huge word, a damaged reading state."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

from index.api.records import Filter
from index.pipeline.reading import load_state, state_path
from tests.conftest_app import pilot_test, settle
from tui.app import NewsdeskApp
from tui.config import Config

ODD_NAME = "[b]x[/x]"


def small_archive(folder: Path) -> Path:
    """Two short articles in ``folder`` (created)."""
    folder.mkdir(parents=True)
    (folder / "one.txt").write_text("Harbour one\n\nThe harbour opens on Monday.\n")
    (folder / "two.txt").write_text("Harbour two\n\nThe ferry runs again.\n")
    for name in ("one.txt", "two.txt"):
        os.utime(folder / name, (1_600_000_000, 1_600_000_000))
    return folder


def new_app(archive: Path, config: Config | None = None) -> NewsdeskApp:
    return NewsdeskApp(
        archive,
        archive.parent / "index",
        config or Config(),
        watch_interval=None,
        show_timings=False,
        preview_delay=0,
    )


def palette_entries(app: NewsdeskApp) -> list[str]:
    """The palette's entries as shown: each command's name and help line."""
    assert isinstance(app.screen, CommandPalette)
    commands = app.screen.query_one(CommandList)
    return [
        str(commands.get_option_at_index(index).prompt) for index in range(commands.option_count)
    ]


async def until_indexed(pilot: Pilot[int], app: NewsdeskApp) -> None:
    """Settle until the status line shows the open archive's article count."""
    for _ in range(50):
        await settle(pilot)
        if app.main.status.plain.rstrip().endswith("articles"):
            return
    raise AssertionError(app.main.status.plain)


def odd_archive_app(tmp_path: Path) -> tuple[NewsdeskApp, Path]:
    """The app, with an archive named ``[b]x[/x]`` configured in ``tmp_path/news/[old]``."""
    old = small_archive(tmp_path / "news" / "[old]")
    app = new_app(small_archive(tmp_path / "archive"), Config(archives={ODD_NAME: str(old)}))
    return app, old


async def open_palette(pilot: Pilot[int]) -> None:
    """Open the command palette once the app has settled, and let it list its commands."""
    await settle(pilot)
    pilot.app.action_command_palette()
    await settle(pilot)


@pilot_test
async def test_palette_lists_archive_names_and_paths_with_brackets(tmp_path: Path) -> None:
    app, _ = odd_archive_app(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_palette(pilot)
        assert f"Archive: {ODD_NAME}\n{tmp_path}/news/[old]" in palette_entries(app)
        await pilot.press(*"rchive")  # fuzzy search: the name is highlighted, not parsed
        await settle(pilot)
        assert f"Archive: {ODD_NAME}\n{tmp_path}/news/[old]" in palette_entries(app)


@pilot_test
async def test_switching_to_an_archive_with_brackets_in_its_path(tmp_path: Path) -> None:
    app, old = odd_archive_app(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_palette(pilot)
        await pilot.press(*ODD_NAME)
        await settle(pilot)
        assert palette_entries(app)[0].startswith(f"Archive: {ODD_NAME}")
        await pilot.press("enter")
        await until_indexed(pilot, app)
        assert app.archive == old.resolve()
        assert "[old] \u00b7 2 articles" in app.main.status.plain


@pilot_test
async def test_a_filter_value_with_brackets_is_shown_as_it_is(tmp_path: Path) -> None:
    app = new_app(small_archive(tmp_path / "archive"))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        app.main.set_filters((Filter("source", ODD_NAME),))
        await settle(pilot)
        assert ODD_NAME in str(app.main.query_one("#search-info").render())


@pilot_test
async def test_the_app_opens_a_huge_one_word_article(tmp_path: Path) -> None:
    archive = small_archive(tmp_path / "archive")
    word = ("QUJDREVGR0hJ" * 400_000)[:4_500_000]
    (archive / "huge.md").write_text(f"---\ntitle: A huge word\ndate: 2024-05-01\n---\n{word}\n")
    app = new_app(archive, Config(max_file_mb=10))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        headline = app.main.headlines.hit_at(0)
        assert headline is not None and headline.title == "A huge word"  # the newest
        view = app.main.article
        await pilot.press("enter")
        await settle(pilot)
        assert view.article is not None and view.article.title == "A huge word"
        width = view.scrollable_content_region.width
        lines = [line.plain for line in view.document.lines]
        body = lines[lines.index(word[:width]) :]
        assert len(body) == -(-len(word) // width)
        assert all(len(line) <= width for line in body) and "".join(body) == word
        await pilot.press("end")
        await pilot.pause()
        await app.action_quit()
    assert app.return_code in (0, None)


@pilot_test
async def test_a_bad_reading_state_entry_keeps_the_other_bookmarks(tmp_path: Path) -> None:
    archive = small_archive(tmp_path / "archive")
    path = state_path(archive)
    path.parent.mkdir(parents=True, exist_ok=True)
    bad = {"time": 1_700_000_000, "note": "call back"}
    marks = {"b1": 1.0, "b2": 2.0, "b3": bad}
    path.write_text(json.dumps({"read": [], "bookmarks": marks}), encoding="utf-8")
    app = new_app(archive)
    notes: list[str] = []
    notify = app.notify

    def noted(message: str, **options: Any) -> None:
        notes.append(message)
        notify(message, **options)

    app.notify = noted  # type: ignore[method-assign]
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert any("bookmarks: b3" in note for note in notes)
        assert app.main.headlines.hit_at(0) is not None
        app.main.headlines.focus()
        await pilot.press("m")  # read an article
        await settle(pilot)
    state = load_state(path)
    assert state.bookmarks == {"b1": 1.0, "b2": 2.0} and len(state.read) == 1
    rejected = path.with_name(path.name + ".rejected").read_text(encoding="utf-8")
    assert json.loads(rejected)["rejected"] == {"bookmarks": {"b3": bad}}
