"""Where the focus goes and what the keys do there; the footer; the layouts by width."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events

from tests.conftest_app import (
    Sample,
    footer_text,
    isolate,
    make_app,
    pilot_test,
    screen_text,
    search,
    settle,
    type_query,
)
from tests.samples import write_archive
from tui.app import NewsdeskApp
from tui.config import Config
from tui.screens.help import HelpScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.headlines import HeadlineList
from tui.widgets.quotes import QuoteList
from tui.widgets.search_bar import PLACEHOLDER_AWAY, PLACEHOLDER_TYPING


@pilot_test
async def test_the_app_opens_in_the_headlines_with_every_letter_live(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.focused, HeadlineList)
        await pilot.press("j", "j", "k")
        assert app.main.headlines.cursor == 1
        assert app.main.search_input.value == ""


@pilot_test
async def test_slash_enter_down_and_escape_around_the_search_bar(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.main.search_input.placeholder == PLACEHOLDER_AWAY
        assert "press / to search" in screen_text(app)
        await type_query(pilot, "port strike")
        assert app.focused is app.main.search_input
        # In the bar, the placeholder names no key that types a character there.
        assert app.main.search_input.placeholder == PLACEHOLDER_TYPING
        assert "?" not in PLACEHOLDER_TYPING and "/" not in PLACEHOLDER_TYPING
        await pilot.press("down")
        assert isinstance(app.focused, HeadlineList)
        assert app.main.search_input.value == "port strike"
        await pilot.press("slash")
        # A second "/" from habit, in the freshly focused bar (its query selected), is not
        # typed into it; inside a query it is a character like any other.
        await pilot.press("slash", "ctrl+u", *"a/b")
        assert app.main.search_input.value == "a/b"
        await pilot.press("escape")
        assert isinstance(app.focused, HeadlineList)
        assert app.main.search_input.value == "a/b"
        await pilot.press("escape")  # Esc in the headlines does not go into the search bar
        assert isinstance(app.focused, HeadlineList)


@pilot_test
async def test_tab_cycles_the_panels_only(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, "fintech")
        seen = []
        for _ in range(4):
            await pilot.press("tab")
            seen.append(type(app.focused))
        assert seen == [ArticleView, QuoteList, HeadlineList, ArticleView]
        await pilot.press("shift+tab", "shift+tab")
        assert isinstance(app.focused, QuoteList)
        await pilot.press("slash", "tab")  # from the search bar to the first panel
        assert isinstance(app.focused, HeadlineList)


@pilot_test
async def test_number_keys_jump_to_panels_and_q_esc_go_back(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, "fintech")
        await pilot.press("2")
        assert isinstance(app.focused, ArticleView)
        await pilot.press("q")
        assert isinstance(app.focused, HeadlineList)
        await pilot.press("3")
        assert isinstance(app.focused, QuoteList)
        await pilot.press("escape")
        assert isinstance(app.focused, HeadlineList)
        await pilot.press("3", "q")
        assert isinstance(app.focused, HeadlineList)
        assert app.is_running
        await pilot.press("1", "q")  # q in the headlines quits
        await pilot.pause()
    assert app.return_code == 0


def send_at_once(app: NewsdeskApp, *keys: tuple[str, str]) -> None:
    """Hand the app several keys in one go, as one packet over SSH (or a fast typist) does."""
    for key, character in keys:
        app.post_message(events.Key(key, character))


@pilot_test
async def test_a_number_key_just_before_slash_is_not_overtaken(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, "fintech")
        await pilot.press("2")
        assert isinstance(app.focused, ArticleView)
        send_at_once(app, ("1", "1"), ("slash", "/"), ("2", "2"))
        await settle(pilot)
        assert app.focused is app.main.search_input
        assert app.main.search_input.value == "2"  # typed after / (which selects the query)
        await pilot.press("escape")  # back where 1 went: the headlines
        assert isinstance(app.focused, HeadlineList)


@pilot_test
async def test_ctrl_c_quits_even_from_the_search_bar(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_query(pilot, "port")
        await pilot.press("ctrl+c")
        await pilot.pause()
    assert app.return_code == 0


@pilot_test
async def test_the_footer_shows_the_keys_that_work_where_the_focus_is(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, "fintech")
        footer = footer_text(app)
        for shown in ("q Quit", "Open", "/ Search", "s Sort", "f Filter", "u Next unread"):
            assert shown in footer
        await pilot.press("2")
        footer = footer_text(app)
        for shown in ("q Back", "n Next hit", "Q Quotes", "? Help"):
            assert shown in footer
        assert "Quit" not in footer and "Sort" not in footer
        await pilot.press("3")
        footer = footer_text(app)
        for shown in ("q Back", "a All by speaker", "S Search speaker"):
            assert shown in footer
        await pilot.press("slash")
        footer = footer_text(app)
        assert "Results" in footer and "esc Back" in footer
        for hidden in ("Quit", "Sort", "Help", "/ Search", "Next hit"):
            assert hidden not in footer
        await pilot.press("escape")
        keys = list(app.screen.query("FooterKey"))
        assert "a All by speaker" in footer_text(app)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        # Back from the help, the key bar shows the same keys: the same widgets, not rebuilt.
        assert list(app.screen.query("FooterKey")) == keys
        assert "a All by speaker" in footer_text(app)


@pilot_test
async def test_keys_rebound_in_config_take_effect_and_show(sample: Sample) -> None:
    config = Config(keys={"sort": "z", "next_hit": "ctrl+n", "down": "down,ctrl+j"})
    app = make_app(sample, config)
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, "fintech")
        main = app.main
        await pilot.press("s")
        await settle(pilot)
        assert main.search_bar.query_state.sort == "relevance"  # s is no longer sort
        await pilot.press("z")
        await settle(pilot)
        assert main.search_bar.query_state.sort == "newest"
        assert "z Sort" in footer_text(app)
        await pilot.press("ctrl+j")
        assert main.headlines.cursor == 1
        await settle(pilot)
        await pilot.press("2", "ctrl+n")
        assert main.article.current_hit == 0
        assert "^n Next hit" in footer_text(app)


@pilot_test
async def test_wide_layout_shows_three_panels_side_by_side(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(180, 40)) as pilot:
        await search(pilot, "fintech")
        main = app.main
        regions = [main.headlines.region, main.article.region, main.quotes.region]
        assert all(region.width > 30 and region.height > 30 for region in regions)
        assert regions[0].right <= regions[1].x and regions[1].right <= regions[2].x
        await pilot.press("Q")
        await pilot.pause()
        assert main.quotes.region.area == 0
        await pilot.press("3")  # going to the quotes shows them again
        await pilot.pause()
        assert main.quotes.region.width > 30 and isinstance(app.focused, QuoteList)


@pilot_test
async def test_120_columns_give_the_headlines_the_width(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await search(pilot, "fintech")
        main = app.main
        head, body, quotes = main.headlines.region, main.article.region, main.quotes.region
        assert head.width == 120 and head.bottom <= body.y
        assert body.right <= quotes.x and body.y == quotes.y
        row = main.headlines.render_line(0).text
        title = main.headlines.current
        assert title is not None
        shown = row[4:].split("  ")[0]  # after the unread and bookmark marks
        assert len(shown) >= 60 or shown == title.title


@pilot_test
async def test_narrow_layout_stacks_panels_and_toggles_quotes(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(80, 24)) as pilot:
        await search(pilot, "fintech")
        main = app.main
        head, body = main.headlines.region, main.article.region
        assert head.width == body.width == 80
        assert head.bottom <= body.y and body.bottom <= main.status.region.y
        assert main.quotes.region.area == 0
        await pilot.press("Q")
        await pilot.pause()
        assert main.quotes.region.height > 5 and main.article.region.area == 0
        assert isinstance(app.focused, QuoteList)
        await pilot.press("enter")  # a quote: back to the article, scrolled to it
        await settle(pilot)
        assert main.article.region.height > 5 and main.quotes.region.area == 0
        assert main.article.active_quote == 0


@pilot_test
async def test_no_empty_date_column_when_no_article_has_a_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    isolate(tmp_path, monkeypatch)
    title = "Harbour pilots vote to return to work after a fortnight of talks on pay and hours"
    archive = write_archive(
        tmp_path / "plain",
        {"a.txt": f"{title}\n\nThe pilots voted on Monday.\n", "b.txt": "Ferry\n\nIt runs.\n"},
    )
    app = NewsdeskApp(archive, None, Config(), watch_interval=None, preview_delay=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.main.headlines.total == 2
        rows = [app.main.headlines.render_line(y).text for y in range(2)]
        row = next(r for r in rows if "Harbour" in r)
        assert title in row  # 80 characters, whole, at 120 columns
        assert not any(char.isdigit() for char in row)
