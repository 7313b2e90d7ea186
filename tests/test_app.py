"""The app driven with Textual's pilot: searching, reading, quotes, keys, errors, layout."""

from __future__ import annotations

from tests.conftest_app import (
    Sample,
    iter_lines,
    make_app,
    pilot_test,
    screen_text,
    search,
    settle,
)
from tui.screens.help import HelpScreen
from tui.screens.main import Query
from tui.widgets.article_view import ArticleView
from tui.widgets.headlines import HeadlineList
from tui.widgets.quotes import QuoteList

SAMPLE_ARTICLES = 55


def titles(headlines: HeadlineList) -> list[str]:
    """Titles of the loaded headlines, in order."""
    hits = (headlines.hit_at(i) for i in range(headlines.total))
    return [hit.title for hit in hits if hit is not None]


@pilot_test
async def test_empty_query_lists_the_newest_articles(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        headlines = app.main.headlines
        assert headlines.total == SAMPLE_ARTICLES
        dates = [headlines.hit_at(i).date for i in range(10)]  # type: ignore[union-attr]
        assert dates == sorted(dates, reverse=True)
        assert "newest" in str(app.main.query_one("#search-info").render())
        assert f"{SAMPLE_ARTICLES} results" in app.main.status.plain


@pilot_test
async def test_typing_a_query_fills_the_headlines(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press(*"fintech")
        await settle(pilot)
        headlines = app.main.headlines
        assert app.main.search_input.value == "fintech"
        assert headlines.total == 10
        assert all("fintech" in t.lower() or t for t in titles(headlines))
        assert "Tidewell Pay to cut 180 jobs as fintech funding dries up" in titles(headlines)
        assert "10 results" in app.main.status.plain
        assert "Tidewell Pay to cut" in screen_text(app)


@pilot_test
async def test_results_for_an_old_query_are_dropped(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        await search(pilot, "fintech")
        main = app.main
        backend = app.backend
        assert backend is not None
        from index.api.records import SearchRequest

        stale = backend.search(SearchRequest("shanghai"))
        main.search_input.value = "port strike"
        # The answer to "shanghai" arrives after the user has typed something else.
        main._show_result(Query("shanghai"), main.generation, stale, None)
        assert main.headlines.total != stale.total or main.result is None
        await settle(pilot)
        assert main.query_state.text == "port strike"
        assert main.result is not None and main.result.request.query == "port strike"
        assert all("shanghai" not in t.lower() for t in titles(main.headlines))


@pilot_test
async def test_selecting_a_headline_opens_the_article(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        await search(pilot, "fintech")
        await pilot.press("enter")  # search bar -> headlines
        await pilot.press("down")
        await settle(pilot)
        hit = app.main.headlines.current
        assert hit is not None and app.main.headlines.cursor == 1
        await pilot.press("enter")
        await settle(pilot)
        view = app.main.article
        assert isinstance(app.focused, ArticleView)
        assert view.article is not None and view.article.id == hit.id
        text = "\n".join(iter_lines(app))
        assert hit.title.split()[0] in text
        first_words = " ".join(view.article.paragraphs[0].split()[:4])
        assert first_words in text.replace("\n", " ")
        # Captions are set apart with a label, before the paragraphs.
        if view.article.captions:
            assert "Photo: " in text


@pilot_test
async def test_article_shows_metadata_and_captions(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        await search(pilot, 'title:"joint incubator"')
        view = app.main.article
        assert view.article is not None
        lines = list(iter_lines(app))
        assert lines[0].startswith("Shanghai and London launch joint incubator")
        assert any("chinadaily.com.cn" in line and "2019-06-12" in line for line in lines[:5])
        caption = next(i for i, line in enumerate(lines) if line.startswith("Photo: "))
        first_paragraph = next(i for i, line in enumerate(lines) if "A joint incubator" in line)
        assert caption < first_paragraph


@pilot_test
async def test_quotes_panel_lists_the_quotes(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(160, 48)) as pilot:
        await search(pilot, "tidewell job cuts")
        article = app.main.article.article
        assert article is not None and article.quotes
        quotes = app.main.quotes
        assert quotes.option_count == len(article.quotes)
        prompts = [str(quotes.get_option_at_index(i).prompt) for i in range(quotes.option_count)]
        okafor = next(i for i, q in enumerate(article.quotes) if q.speaker == "Amara Okafor")
        assert prompts[okafor].startswith("Amara Okafor\n")
        assert str(article.quotes[okafor].role) in prompts[okafor]
        for prompt, quote in zip(prompts, article.quotes, strict=True):
            assert quote.kind in prompt
            assert " ".join(quote.text.split()[:5]) in " ".join(prompt.split())
        assert "Amara Okafor" in screen_text(app)


@pilot_test
async def test_enter_on_a_quote_scrolls_the_body_to_it(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        await search(pilot, "tidewell job cuts")
        article = app.main.article.article
        assert article is not None
        last = len(article.quotes) - 1
        app.main.quotes.focus()
        await pilot.press("end", "enter")
        await settle(pilot)
        view = app.main.article
        assert view.active_quote == last
        line = view.document.quote_lines[last]
        top = int(view.scroll_offset.y)
        assert top > 0
        assert top <= line < top + view.scrollable_content_region.height
        # The quote's words are marked on that line.
        spans = [span for span in view.document.lines[line].quotes if span[0] == last]
        assert spans


@pilot_test
async def test_n_and_N_move_between_hits_with_a_counter(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        await search(pilot, "fintech")
        view = app.main.article
        total = view.hit_count
        assert total >= 3
        app.main.headlines.focus()
        await pilot.press("n")
        assert view.current_hit == 0
        assert view.border_subtitle == f"hit 1/{total}"
        await pilot.press("n", "n")
        assert view.border_subtitle == f"hit 3/{total}"
        assert f"hit 3/{total}" in app.main.status.plain
        await pilot.press("N", "N", "N")
        assert view.border_subtitle == f"hit {total}/{total}"  # wrapped round
        line = view.document.hit_lines[view.current_hit]
        top = int(view.scroll_offset.y)
        assert top <= line < top + view.scrollable_content_region.height


@pilot_test
async def test_s_cycles_the_sort_order(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        await search(pilot, "harbour")
        main = app.main
        main.headlines.focus()
        relevance = titles(main.headlines)
        await pilot.press("s")
        await settle(pilot)
        assert main.query_state.sort == "newest"
        newest = [main.headlines.hit_at(i) for i in range(main.headlines.total)]
        dates = [hit.date for hit in newest if hit is not None and hit.date]
        assert dates == sorted(dates, reverse=True)
        await pilot.press("s")
        await settle(pilot)
        assert main.query_state.sort == "oldest"
        oldest = [main.headlines.hit_at(i) for i in range(main.headlines.total)]
        dates = [hit.date for hit in oldest if hit is not None and hit.date]
        assert dates == sorted(dates)
        await pilot.press("s")
        await settle(pilot)
        assert main.query_state.sort == "relevance"
        assert titles(main.headlines) == relevance


@pilot_test
async def test_help_lists_bindings_and_query_syntax(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        app.main.headlines.focus()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        on_screen = screen_text(app)
        for expected in ("Next hit", "next_hit", "Quotes", "toggle_quotes", "Bookmark"):
            assert expected in on_screen
        await pilot.press("end")  # the query syntax is below the keys
        await pilot.pause()
        text = screen_text(app)
        assert "date:[2019-01 TO 2019-06]" in text
        assert 'speaker:"Amara Okafor"' in text
        assert "is:bookmarked" in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


@pilot_test
async def test_a_bad_query_shows_a_message_not_a_crash(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        await search(pilot, "fintech")
        before = app.main.headlines.total
        await search(pilot, "is:nonsense")
        status = app.main.status.plain
        assert "unknown filter 'is:nonsense'" in status
        assert app.main.headlines.total == before  # the last good results stay
        await search(pilot, 'title:"unclosed AND (')
        assert app.is_running
        await search(pilot, "port strike")
        assert "results" in app.main.status.plain
        assert "unknown filter" not in app.main.status.plain


@pilot_test
async def test_did_you_mean_is_offered_and_taken(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        await search(pilot, "fintek")
        assert "did you mean: fintech?" in app.main.status.plain
        app.main.headlines.focus()
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert app.main.search_input.value == "fintech"
        assert app.main.headlines.total == 10


@pilot_test
async def test_enter_on_no_results_takes_the_suggestion(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        await search(pilot, "shanghia")
        assert app.main.headlines.total == 0
        assert "Did you mean \u201cshanghai\u201d" in screen_text(app)
        app.main.search_input.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.search_input.value == "shanghai"
        assert app.main.headlines.total > 0


@pilot_test
async def test_keyboard_round_trip_between_panels(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(160, 48)) as pilot:
        await search(pilot, "fintech")
        assert app.focused is app.main.search_input
        await pilot.press("down")
        assert isinstance(app.focused, HeadlineList)
        await pilot.press("j", "j", "k")
        assert app.main.headlines.cursor == 1
        await pilot.press("tab")
        assert isinstance(app.focused, ArticleView)
        await pilot.press("tab")
        assert isinstance(app.focused, QuoteList)
        await pilot.press("escape")
        assert isinstance(app.focused, ArticleView)
        await pilot.press("escape")
        assert isinstance(app.focused, HeadlineList)
        await pilot.press("escape")
        assert app.focused is app.main.search_input
        await pilot.press("escape")
        assert isinstance(app.focused, HeadlineList)
        await pilot.press("slash")
        assert app.focused is app.main.search_input
        # A second "/" from habit, in the freshly focused bar (its query selected), is not
        # typed into it; inside a query it is a character like any other.
        await pilot.press("slash", *"a/b")
        assert app.main.search_input.value == "a/b"


@pilot_test
async def test_quit_key_exits(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.main.headlines.focus()
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


@pilot_test
async def test_wide_layout_shows_three_panels_side_by_side(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        await search(pilot, "fintech")
        main = app.main
        panels = [main.headlines, main.article, main.quotes]
        regions = [panel.region for panel in panels]
        assert all(region.width > 20 and region.height > 20 for region in regions)
        assert regions[0].right <= regions[1].x and regions[1].right <= regions[2].x
        main.headlines.focus()
        await pilot.press("Q")
        await pilot.pause()
        assert not main.quotes.display or main.quotes.region.width == 0


@pilot_test
async def test_narrow_layout_stacks_panels_and_toggles_quotes(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(80, 24)) as pilot:
        await search(pilot, "fintech")
        main = app.main
        assert main.has_class("-narrow")
        head, body = main.headlines.region, main.article.region
        assert head.width == body.width == 80
        assert head.bottom <= body.y
        assert body.bottom <= main.status.region.y
        assert main.quotes.region.area == 0
        main.headlines.focus()
        await pilot.press("Q")
        await pilot.pause()
        assert main.quotes.region.height > 5 and main.article.region.area == 0
        assert isinstance(app.focused, QuoteList)
        await pilot.press("enter")  # a quote: back to the article, scrolled to it
        await settle(pilot)
        assert main.article.region.height > 5 and main.quotes.region.area == 0
        assert main.article.active_quote == 0
