"""The reading workflow in the app: marks, bookmarks, keys, hand-offs, filters, palette, themes."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from textual.command import CommandPalette

from index.api.records import Filter, Progress
from index.pipeline.reading import load_state, state_path
from tests.conftest_app import (
    COLOUR_TERMINAL,
    Sample,
    isolate,
    make_app,
    pilot_test,
    screen_text,
    search,
    settle,
)
from tests.samples import SAMPLE_DATA, copy_archive
from tui.app import NewsdeskApp
from tui.config import Config, load_config
from tui.messages import IndexProgress
from tui.screens.facets import FacetScreen
from tui.screens.picker import PickerScreen
from tui.theme import choose_theme, limited_colours
from tui.watcher import BuildPace
from tui.widgets.build_progress import progress_words, seconds_text
from tui.widgets.headlines import BOOKMARK_MARK, UNREAD_MARK


def recorder(tmp_path: Path, name: str, body: str) -> Path:
    """A fake external program (shell script) that records what it was given."""
    script = tmp_path / name
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def headline_line(app: NewsdeskApp, index: int) -> str:
    """Line ``index`` of the headlines as drawn."""
    headlines = app.main.headlines
    return headlines.render_line(index - int(headlines.scroll_offset.y)).text


@pilot_test
async def test_read_and_bookmark_marks_survive_a_restart(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, "fintech")
        first = app.main.headlines.current
        assert first is not None
        assert UNREAD_MARK in headline_line(app, 0)
        await pilot.press("m", "b")
        await settle(pilot)
        line = headline_line(app, 0)
        assert UNREAD_MARK not in line and BOOKMARK_MARK in line
    state = load_state(state_path(sample.archive))
    assert first.id in state.read and first.id in state.bookmarks

    again = make_app(sample)
    async with again.run_test(size=(100, 30)) as pilot:
        await search(pilot, "fintech")
        line = headline_line(again, 0)
        assert again.main.headlines.current is not None
        assert again.main.headlines.current.id == first.id
        assert UNREAD_MARK not in line and BOOKMARK_MARK in line
        await pilot.press("m", "b")  # both toggle back
        await settle(pilot)
        assert UNREAD_MARK in headline_line(again, 0)
        assert BOOKMARK_MARK not in headline_line(again, 0)
    assert load_state(state_path(sample.archive)).bookmarks == {}


@pilot_test
async def test_enter_marks_read_and_state_filters_follow(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, "fintech")
        opened = app.main.headlines.current
        assert opened is not None
        await pilot.press("enter")
        await settle(pilot)
        assert UNREAD_MARK not in headline_line(app, 0)
        await pilot.press("b")  # in the article: bookmarks the open article
        await search(pilot, "fintech is:unread")
        assert app.main.headlines.total == 9
        await search(pilot, "is:bookmarked")
        assert app.main.headlines.total == 1
        assert app.main.headlines.current is not None
        assert app.main.headlines.current.id == opened.id


@pilot_test
async def test_copy_article_quote_and_url(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, "tidewell job cuts")
        article = app.main.article.article
        assert article is not None
        await pilot.press("y")
        assert app.clipboard.startswith(article.title)
        assert article.paragraphs[0][:40] in app.clipboard.replace("\n", " ")
        assert "Copied the article" in app.main.status.plain
        await pilot.press("Y")
        assert app.clipboard == article.url
        okafor = next(i for i, q in enumerate(article.quotes) if q.speaker == "Amara Okafor")
        await pilot.press("3", *["down"] * okafor)
        await pilot.press("y")
        quote = article.quotes[okafor]
        expected = (
            f"\u201c{quote.text}\u201d - Amara Okafor, {quote.role}, The Meridian Post, 2025-11-12"
        )
        assert app.clipboard == expected


@pilot_test
async def test_pager_receives_the_article_text(
    sample: Sample, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    received = tmp_path / "paged.txt"
    pager = recorder(tmp_path, "fakepager", f'cat > "{received}"')
    monkeypatch.setenv("PAGER", f"{pager}")
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, "port strike")
        article = app.main.article.article
        assert article is not None
        await pilot.press("o")
        await settle(pilot)
    text = received.read_text(encoding="utf-8")
    assert text.startswith(article.title + "\n")
    assert "Eastbridge Wire" in text.splitlines()[1]
    assert " ".join(article.paragraphs[0].split()[:8]) in " ".join(text.split())
    assert "\x1b" not in text


@pilot_test
async def test_missing_pager_is_reported(sample: Sample, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAGER", "/nonexistent/pager-program")
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, "port strike")
        await pilot.press("o")
        await settle(pilot)
        assert "cannot run /nonexistent/pager-program" in app.main.status.plain


@pilot_test
async def test_editor_opens_the_source_file(
    sample: Sample, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    received = tmp_path / "edited.txt"
    editor = recorder(tmp_path, "fakeeditor", f'echo "$@" > "{received}"')
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(editor))
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, "port strike")
        article = app.main.article.article
        assert article is not None
        await pilot.press("e")
        await settle(pilot)
    assert received.read_text(encoding="utf-8").strip() == article.path


ROW = re.compile(r"[> ] \[[x ]\] (source|section|year).*")


def facet_rows(app: NewsdeskApp) -> list[str]:
    """The filter picker's rows as drawn (from the cursor mark on)."""
    found = (ROW.search(line) for line in screen_text(app).splitlines())
    return [row.group() for row in found if row is not None]


@pilot_test
async def test_facet_filters_combine_and_read_without_colour(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, "fintech")
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FacetScreen)
        rows = facet_rows(app)
        assert rows[0].startswith("> [ ] source") and "The Meridian Post" in rows[0]
        assert all(row.startswith("  [ ]") for row in rows[1:])
        await pilot.press("space")  # the first value: the biggest source
        await settle(pilot)
        assert facet_rows(app)[0].startswith("> [x] source")
        query = app.main.search_bar.query_state
        assert query.filters == (Filter("source", "The Meridian Post"),)
        assert app.main.headlines.total == 4
        await pilot.press("j")
        rows = facet_rows(app)
        assert rows[0].startswith("  [x]") and rows[1].startswith("> [ ]")
        await pilot.press("k", "escape")
        await settle(pilot)
        assert not isinstance(app.screen, FacetScreen)
        assert "The Meridian Post" in screen_text(app).splitlines()[0]
        main = app.main
        main.set_filters((Filter("source", "The Meridian Post"), Filter("section", "Business")))
        await settle(pilot)
        assert 0 < main.headlines.total < 4
        await pilot.press("f")
        await settle(pilot)
        assert sum(row[2:5] == "[x]" for row in facet_rows(app)) == 2
        await pilot.press("c")  # clear them all
        await settle(pilot)
        assert main.search_bar.query_state.filters == ()
        assert main.headlines.total == 10


@pilot_test
async def test_related_articles_open_from_the_picker(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, "port strike")
        first = app.main.article.article
        assert first is not None
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, PickerScreen)
        assert "Related articles" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        opened = app.main.article.article
        assert opened is not None and opened.id != first.id
        assert app.focused is app.main.article
        assert UNREAD_MARK not in headline_line(app, app.main.headlines.cursor)


@pilot_test
async def test_speaker_search_and_all_their_quotes(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, "tidewell job cuts")
        article = app.main.article.article
        assert article is not None
        okafor = next(i for i, q in enumerate(article.quotes) if q.speaker == "Amara Okafor")
        await pilot.press("3", *["down"] * okafor, "S")
        await settle(pilot)
        assert app.main.search_input.value == 'speaker:"Amara Okafor"'
        assert app.main.headlines.total >= 3
        assert app.backend is not None
        (counted,) = [s for s in app.backend.speakers() if s.name == "Amara Okafor"]
        quotes = app.main.quotes
        assert quotes.article is not None
        speakers = [quote.speaker for quote in quotes.article.quotes]
        await pilot.press("3")
        quotes.highlighted = speakers.index("Amara Okafor")
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, PickerScreen)
        assert f"Quotes by Amara Okafor ({counted.quotes} quotes)" in screen_text(app)
        await pilot.press("end", "enter")  # the oldest: an article further down the list
        await settle(pilot)
        view = app.main.article
        assert view.article is not None and view.active_quote >= 0
        assert view.article.quotes[view.active_quote].speaker == "Amara Okafor"
        headlines = app.main.headlines
        current = headlines.current
        assert headlines.pointing and current is not None and current.id == view.article.id
        assert UNREAD_MARK not in headline_line(app, headlines.cursor)


@pilot_test
async def test_next_unread_and_mark_all_read(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, "fintech")
        headlines = app.main.headlines
        await pilot.press("j", "m", "k")  # the second is read already
        await pilot.press("u")  # the next unread after the cursor: the third
        await settle(pilot)
        assert headlines.cursor == 2 and app.focused is app.main.article
        assert app.main.article.article is not None
        assert app.main.article.article.id == headlines.current.id  # type: ignore[union-attr]
        assert UNREAD_MARK in headline_line(app, 0)
        assert UNREAD_MARK not in headline_line(app, 2)
        await pilot.press("u")  # from the article too
        await settle(pilot)
        assert headlines.cursor == 3
        await pilot.press("1", "A")
        await settle(pilot)
        assert "Marked 10 articles read." in app.main.status.plain
        assert all(UNREAD_MARK not in headline_line(app, i) for i in range(10))
        await pilot.press("u")
        await settle(pilot)
        assert "No unread articles in this list." in app.main.status.plain
        await search(pilot, "is:unread")
        assert headlines.total == 55 - 10
    state = load_state(state_path(sample.archive))
    assert len(state.read) == 10


@pilot_test
async def test_palette_offers_the_screens_bindings_and_runs_them(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, "fintech")
        commands = {command.name: command for command in await app.palette_commands()}
        for expected in ("Sort", "Next unread", "Copy", "Theme: nord", "Archive: sample data"):
            assert expected in commands
        assert "(s)" in commands["Sort"].help
        assert "Quotes by Ingrid Lindqvist" in commands
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"sort")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.search_bar.query_state.sort == "newest"


@pilot_test
async def test_theme_change_is_saved_and_restored(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"
        app.theme = "nord"
        await pilot.pause()
        app.exit()
    config, problems = load_config()
    assert problems == [] and config.theme == "nord"
    again = make_app(sample, config)
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert again.theme == "nord"


def test_limited_terminals_get_the_ansi_theme() -> None:
    known = {"textual-dark", "nord", "ansi-dark"}
    assert choose_theme(None, {"TERM": "xterm"}, known) == "ansi-dark"
    assert choose_theme(None, {"TERM": "xterm-256color", "NO_COLOR": "1"}, known) == "ansi-dark"
    assert choose_theme(None, {"TERM": "screen-256color"}, known) == "textual-dark"
    assert choose_theme(None, {"TERM": "xterm", "COLORTERM": "truecolor"}, known) == "textual-dark"
    assert choose_theme("nord", {"TERM": "xterm"}, known) == "nord"
    assert choose_theme("no-such-theme", {"TERM": "xterm-256color"}, known) == "textual-dark"
    assert limited_colours({"TERM": "linux"}) and not limited_colours(COLOUR_TERMINAL)


@pilot_test
async def test_archive_switching_from_the_palette(
    sample: Sample, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "only.md").write_text(
        "---\ntitle: Lighthouse keepers return to Skerry Point\nsource: Test Wire\n"
        "date: 2024-05-01\n---\n\nThe lighthouse on Skerry Point has keepers again.\n",
        encoding="utf-8",
    )
    app = make_app(sample, Config(archives={"other": str(other)}))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        commands = {command.name: command for command in await app.palette_commands()}
        commands["Archive: other"].run()
        await settle(pilot)
        assert app.archive == other.resolve()
        assert app.main.headlines.total == 1
        assert "Lighthouse keepers" in screen_text(app)
        assert "other \u00b7 1 article" in app.main.status.plain
        assert "1 articles" not in app.main.status.plain


@pilot_test
async def test_first_run_builds_the_index_with_progress(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    isolate(tmp_path, monkeypatch)
    archive = copy_archive(SAMPLE_DATA, tmp_path / "fresh")
    reports: list[IndexProgress] = []
    shown: list[tuple[str, str, str]] = []

    def watch(message: object) -> None:
        if isinstance(message, IndexProgress):
            reports.append(message)
            app.call_after_refresh(look)  # at what the report put on screen

    def look() -> None:
        main = app.main
        shown.append((main.status.plain, main.status_bar.progress.plain, screen_text(app)))

    app = NewsdeskApp(archive, None, Config(), watch_interval=None, preview_delay=0)
    async with app.run_test(size=(100, 30), message_hook=watch) as pilot:
        await settle(pilot)
        assert app.main.headlines.total == 55
        assert "fresh \u00b7 55 articles" in app.main.status.plain
        assert not app.main.status_bar.progress.display
    phases = [r.progress.phase for r in reports]  # (a report still queued gives way to the next)
    assert "index" in phases and phases[-1] == "commit" and len(shown) == len(phases)
    status, bar, screen = shown[phases.index("index")]
    assert "Indexing fresh for the first time" in status and status.rstrip().endswith(
        "indexing\u2026"
    )
    assert "0 results" not in status
    assert "Building the index of fresh" in screen
    assert re.match(r" Indexing fresh [\u2588\u2591]{10,} \d+/44 files", bar)
    # The index lives in the XDG data folder: a second start opens it at once.
    assert any(Path(os.environ["XDG_DATA_HOME"], "newsdesk", "indexes").iterdir())
    reports.clear()
    again = NewsdeskApp(archive, None, Config(), watch_interval=None, preview_delay=0)
    async with again.run_test(size=(100, 30), message_hook=watch) as pilot:
        await settle(pilot)
        assert again.main.headlines.total == 55
    assert all(r.progress.phase == "scan" for r in reports)


def test_a_build_reports_rate_and_time_left() -> None:
    clock = iter([0.0, 10.0, 20.0])
    pace = BuildPace(lambda: next(clock))
    assert pace.measure(Progress("index", 0, 300)) == (0.0, None)
    assert pace.measure(Progress("index", 100, 300)) == (10.0, 20.0)
    rate, left = pace.measure(Progress("index", 200, 300))
    words = progress_words(Progress("index", 200, 300), rate, left)
    assert words == "200/300 files \u00b7 10 files/s \u00b7 about 10 s left"
    assert seconds_text(125) == "2 min 5 s" and seconds_text(3700) == "1 h 1 min"
    almost = progress_words(Progress("index", 299, 300), 100.0, 0.01)
    assert almost == "299/300 files \u00b7 100 files/s \u00b7 almost done"  # not "about 0 s"


def test_config_keys_are_known_binding_ids(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump({"keys": {"sort": "z", "bogus": "x"}}), encoding="utf-8")
    config, problems = load_config(path)
    assert config.keys == {"sort": "z"}
    assert any("keys.bogus" in problem for problem in problems)


def test_missing_archive_is_one_line_on_stderr(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "d"), "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "tui.cli", str(tmp_path / "nowhere")],
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 1
    assert done.stderr.strip() == f"newsdesk: error: {tmp_path / 'nowhere'}: no such archive folder"


def test_missing_archive_is_reported_before_textual_loads(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from tui.config import Config\n"
        "from tui.launch import run_app\n"
        f"code = run_app({str(tmp_path / 'nowhere')!r}, None, Config())\n"
        "print(code, 'textual' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.stdout.split() == ["1", "False"]
    assert "no such archive folder" in done.stderr
