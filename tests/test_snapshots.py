"""SVG snapshots of the app (pytest-textual-snapshot): 80x24, 120x40, 200x50, NO_COLOR, 16 colours.

Nothing on screen depends on the clock: query times are hidden (``show_timings=False``), file
times are fixed, the search bar's cursor does not blink, and every worker has finished before
the picture is taken. Regenerate with ``pytest tests/test_snapshots.py --snapshot-update`` and
look at the SVGs before committing them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.conftest_app import COLOUR_TERMINAL, Sample, make_app, search, settle
from tui.app import NewsdeskApp

Compare = Callable[..., bool]


def steps(*actions: Callable[[NewsdeskApp, Pilot[Any]], Awaitable[None]]) -> Any:
    """A ``run_before`` that settles the app, runs ``actions`` and settles again."""

    async def run_before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, NewsdeskApp)
        await settle(pilot)
        app.main.search_input.cursor_blink = False
        for action in actions:
            await action(app, pilot)
            await settle(pilot)
        app.clear_notifications()  # toasts come and go with the clock
        await pilot.pause()

    return run_before


def query(text: str) -> Callable[[NewsdeskApp, Pilot[Any]], Awaitable[None]]:
    """Search for ``text``."""

    async def run(app: NewsdeskApp, pilot: Pilot[Any]) -> None:
        await search(pilot, text)

    return run


def keys(*pressed: str) -> Callable[[NewsdeskApp, Pilot[Any]], Awaitable[None]]:
    """Press ``pressed`` (the app starts in the headlines)."""

    async def run(app: NewsdeskApp, pilot: Pilot[Any]) -> None:
        await pilot.press(*pressed)

    return run


def quote(index: int) -> Callable[[NewsdeskApp, Pilot[Any]], Awaitable[None]]:
    """Enter on quote ``index`` in the quotes panel."""

    async def run(app: NewsdeskApp, pilot: Pilot[Any]) -> None:
        await pilot.press("3")
        app.main.quotes.highlighted = index
        await pilot.press("enter")

    return run


def app_for(sample: Sample, environ: Mapping[str, str] = COLOUR_TERMINAL) -> NewsdeskApp:
    return make_app(sample, environ=environ)


def test_80x24_search_results_and_article(snap_compare: Compare, sample: Sample) -> None:
    run_before = steps(query("port strike"), keys("down", "enter", "n"))
    assert snap_compare(app_for(sample), terminal_size=(80, 24), run_before=run_before)


def test_80x24_at_start(snap_compare: Compare, sample: Sample) -> None:
    assert snap_compare(app_for(sample), terminal_size=(80, 24), run_before=steps())


def test_80x24_typing_in_the_search_bar(snap_compare: Compare, sample: Sample) -> None:
    run_before = steps(keys("slash", *"fintech"))
    assert snap_compare(app_for(sample), terminal_size=(80, 24), run_before=run_before)


def test_80x24_filter_picker(snap_compare: Compare, sample: Sample) -> None:
    run_before = steps(query("fintech"), keys("f"), keys("space", "j"))
    assert snap_compare(app_for(sample), terminal_size=(80, 24), run_before=run_before)


def test_120x40_headlines_across_the_top(snap_compare: Compare, sample: Sample) -> None:
    run_before = steps(query("fintech"), keys("j", "enter", "n"))
    assert snap_compare(app_for(sample), terminal_size=(120, 40), run_before=run_before)


def test_200x50_three_columns(snap_compare: Compare, sample: Sample) -> None:
    run_before = steps(query("tidewell job cuts"), quote(2))
    assert snap_compare(app_for(sample), terminal_size=(200, 50), run_before=run_before)


def test_80x24_quotes_toggled(snap_compare: Compare, sample: Sample) -> None:
    run_before = steps(query("tidewell job cuts"), keys("Q"))
    assert snap_compare(app_for(sample), terminal_size=(80, 24), run_before=run_before)


def test_160x48_three_panels_with_a_quote(snap_compare: Compare, sample: Sample) -> None:
    run_before = steps(query("tidewell job cuts"), quote(5))
    assert snap_compare(app_for(sample), terminal_size=(160, 48), run_before=run_before)


def test_120x36_no_color(
    snap_compare: Compare, sample: Sample, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = app_for(sample, {"TERM": "xterm-256color", "NO_COLOR": "1"})
    run_before = steps(query("fintech"), keys("j", "m", "b", "enter", "n"))
    assert snap_compare(app, terminal_size=(120, 36), run_before=run_before)


def test_80x24_sixteen_colours(snap_compare: Compare, sample: Sample) -> None:
    app = app_for(sample, {"TERM": "xterm"})
    run_before = steps(query("shanghai"), keys("n"))
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_80x24_help(snap_compare: Compare, sample: Sample) -> None:
    run_before = steps(keys("question_mark"))
    assert snap_compare(app_for(sample), terminal_size=(80, 24), run_before=run_before)


def test_80x24_help_scrolled(snap_compare: Compare, sample: Sample) -> None:
    run_before = steps(keys("question_mark", "space"))
    assert snap_compare(app_for(sample), terminal_size=(80, 24), run_before=run_before)
