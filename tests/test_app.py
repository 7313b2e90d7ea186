"""The app driven with Textual's pilot: searching, reading, quotes, hits, errors, help."""

from __future__ import annotations

import gc
import time
from pathlib import Path

import pytest

import tui.app
from index.api.records import SearchRequest
from tests.conftest_app import (
    Sample,
    isolate,
    iter_lines,
    load_first_page,
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
from tui.messages import SearchDone
from tui.query import Query
from tui.screens.help import HelpScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.headlines import HeadlineList

SAMPLE_ARTICLES = 55


def titles(headlines: HeadlineList) -> list[str]:
    """Titles of the loaded headlines, in order."""
    hits = (headlines.hit_at(i) for i in range(headlines.total))
    return [hit.title for hit in hits if hit is not None]


@pilot_test
async def test_empty_query_lists_the_newest_articles(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await load_first_page(pilot)  # (a new query asks for a screenful)
        headlines = app.main.headlines
        assert headlines.total == SAMPLE_ARTICLES
        dates = [headlines.hit_at(i).date for i in range(10)]  # type: ignore[union-attr]
        assert dates == sorted(dates, reverse=True)
        assert "newest" in str(app.main.query_one("#search-info").render())
        assert f"{SAMPLE_ARTICLES} results" in app.main.status.plain


@pilot_test
async def test_typing_a_query_fills_the_headlines(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await type_query(pilot, "fintech")
        headlines = app.main.headlines
        assert app.main.search_input.value == "fintech"
        assert app.backend is not None
        expected = app.backend.search(SearchRequest("fintech", limit=100)).hits
        shown = [hit.title for hit in expected][: headlines.screenful]
        assert titles(headlines) == shown  # a screenful first, the rest when wanted
        assert len(expected) == 10
        assert "10 results" in app.main.status.plain
        assert "Tidewell Pay to cut" in screen_text(app)
        headlines.focus()
        await pilot.press("end")
        await settle(pilot)
        assert titles(headlines) == [hit.title for hit in expected]


@pilot_test
async def test_results_for_an_old_query_are_dropped(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, "port strike")
        main = app.main
        assert app.backend is not None
        late = app.backend.search(SearchRequest("shanghai", limit=100))
        # The answer to "shanghai" arrives after the reader has typed "port strike".
        main.post_message(SearchDone(Query("shanghai"), late))
        await settle(pilot)
        assert main.result is not None and main.result.request.query == "port strike"
        assert main.headlines.total == 3
        assert not any("shanghai" in title.lower() for title in titles(main.headlines))
        # The same answer for the query on screen is shown.
        main.search_input.value = "shanghai"
        main.post_message(SearchDone(Query("shanghai"), late))
        await pilot.pause()
        assert main.headlines.total == late.total


@pilot_test
async def test_selecting_a_headline_opens_the_article(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await type_query(pilot, "fintech")
        await pilot.press("enter")  # search bar -> headlines, the query kept
        assert isinstance(app.focused, HeadlineList)
        assert app.main.search_input.value == "fintech"
        await pilot.press("j")
        await settle(pilot)
        hit = app.main.headlines.current
        assert hit is not None and app.main.headlines.cursor == 1
        await pilot.press("enter")
        await settle(pilot)
        view = app.main.article
        assert isinstance(app.focused, ArticleView)
        assert view.article is not None and view.article.id == hit.id
        text = " ".join(iter_lines(app))
        assert text.startswith(hit.title[:30])
        assert " ".join(view.article.paragraphs[0].split()[:4]) in text


@pilot_test
async def test_article_shows_metadata_and_captions(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, 'title:"joint incubator"')
        lines = list(iter_lines(app))
        assert lines[0].startswith("Shanghai and London launch joint incubator")
        assert any("chinadaily.com.cn" in line and "2019-06-12" in line for line in lines[:5])
        caption = next(i for i, line in enumerate(lines) if line.startswith("Photo: "))
        first_paragraph = next(i for i, line in enumerate(lines) if "A joint incubator" in line)
        assert caption < first_paragraph


@pilot_test
async def test_quotes_panel_lists_the_quotes(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, "tidewell job cuts")
        article = app.main.article.article
        assert article is not None and article.quotes
        quotes = app.main.quotes
        assert quotes.option_count == len(article.quotes)
        prompts = [str(option.prompt) for option in quotes.options if option.id is not None]
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
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, "tidewell job cuts")
        article = app.main.article.article
        assert article is not None
        last = len(article.quotes) - 1
        await pilot.press("escape", "3", "end", "enter")  # to the quotes, the last, open it
        await settle(pilot)
        view = app.main.article
        assert app.focused is view
        assert view.active_quote == last
        line = view.document.quote_lines[last]
        top = int(view.scroll_offset.y)
        assert top > 0
        assert top <= line < top + view.scrollable_content_region.height
        spans = [span for span in view.document.lines[line].quotes if span[0] == last]
        assert spans


@pilot_test
async def test_n_and_N_move_between_hits_with_a_counter(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, "fintech")
        view = app.main.article
        total = view.hit_count
        assert total >= 3
        assert view.border_subtitle == f"{total} hits"
        await pilot.press("escape", "n")
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
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, "harbour")
        await load_first_page(pilot)
        main = app.main
        await pilot.press("escape")
        relevance = titles(main.headlines)

        def dates() -> list[str]:
            hits = [main.headlines.hit_at(i) for i in range(main.headlines.total)]
            return [hit.date for hit in hits if hit is not None and hit.date]

        await pilot.press("s")
        await settle(pilot)
        await load_first_page(pilot)
        assert main.search_bar.query_state.sort == "newest"
        assert dates() == sorted(dates(), reverse=True)
        assert "Sorted by newest" in main.status.plain
        await pilot.press("s")
        await settle(pilot)
        await load_first_page(pilot)
        assert main.search_bar.query_state.sort == "oldest"
        assert dates() == sorted(dates())
        await pilot.press("s")
        await settle(pilot)
        await load_first_page(pilot)
        assert titles(main.headlines) == relevance


@pilot_test
async def test_the_first_s_on_an_empty_query_changes_the_order(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await load_first_page(pilot)
        newest = titles(app.main.headlines)
        await pilot.press("s")
        await settle(pilot)
        await load_first_page(pilot)
        assert "Sorted by oldest" in app.main.status.plain
        headlines = app.main.headlines
        hits = [headlines.hit_at(i) for i in range(headlines.total)]
        dates = [hit.date for hit in hits if hit is not None and hit.date]
        assert len(dates) == 48 and dates == sorted(dates)
        assert titles(headlines)[0] != newest[0]
        await pilot.press("s")
        await settle(pilot)
        await load_first_page(pilot)
        assert titles(app.main.headlines) == newest


@pilot_test
async def test_help_right_after_start_lists_keys_marks_and_syntax(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert app.main.search_input.value == ""
        on_screen = screen_text(app)
        assert "\u25cf        unread" in on_screen and "\u2605        bookmarked" in on_screen
        for expected in ("next search hit in the article", "[next_hit]", "[toggle_quotes]"):
            assert expected in on_screen
        await pilot.press("space")  # a page down
        await pilot.pause()
        assert "Marks" not in screen_text(app) and app.main.search_input.value == ""
        await pilot.press("G")  # the query syntax is at the end
        await pilot.pause()
        text = screen_text(app)
        assert "date:[2019-01 TO 2019-06]" in text and "is:bookmarked" in text
        await pilot.press("g")
        await pilot.pause()
        assert "Marks" in screen_text(app)
        await pilot.press("q")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        assert app.is_running


@pilot_test
async def test_a_bad_query_shows_a_message_not_a_crash(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, "fintech")
        before = app.main.headlines.total
        await search(pilot, "is:nonsense")
        status = app.main.status.plain
        assert "unknown filter 'is:nonsense'" in status
        assert app.main.headlines.total == before  # the last good results stay
        await search(pilot, "internationalisation~9")
        assert "the fuzzy distance is 1 (word~) or 2 (word~2)" in app.main.status.plain
        await search(pilot, "port strike")
        assert "3 results" in app.main.status.plain
        assert "unknown filter" not in app.main.status.plain


@pilot_test
async def test_did_you_mean_is_offered_and_taken(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, "fintek")
        assert "did you mean: fintech? (ctrl+g)" in app.main.status.plain
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert app.main.search_input.value == "fintech"
        assert app.main.headlines.total == 10
        # With no results, Enter in the search bar takes the suggestion.
        await pilot.press("slash", "ctrl+u", *"shanghia")
        await settle(pilot)
        assert app.main.headlines.total == 0
        assert "Did you mean \u201cshanghai\u201d" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.search_input.value == "shanghai"
        assert app.main.headlines.total == 4


PHONES = {
    "phones.txt": (
        "Phone makers meet\n\n"
        "Every mobile phone sold this year has a camera. Mobiles are cheaper, and phones "
        "are smaller.\n\n"
        "The mobile phone trade fair opens on Monday; mobile networks and phone shops take "
        "part.\n"
    ),
    "other.txt": "Ferry timetable\n\nThe ferry runs every hour from the quay.\n",
}
"""Two plain-text articles of our own: no dates, "mobile phone" twice among other phones."""


def phones_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *, settle_memory: bool = False
) -> NewsdeskApp:
    """The app on :data:`PHONES` (its index built when it opens)."""
    isolate(tmp_path, monkeypatch)
    archive = write_archive(tmp_path / "phones", PHONES)
    return NewsdeskApp(
        archive, None, Config(), watch_interval=None, preview_delay=0, settle_memory=settle_memory
    )


@pilot_test
async def test_a_phrase_is_counted_marked_and_stepped_through_as_a_phrase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = phones_app(tmp_path, monkeypatch)
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, '"mobile phone"')
        view = app.main.article
        assert app.main.headlines.total == 1
        assert view.hit_count == 2 and view.border_subtitle == "2 hits"
        await pilot.press("2", "n")
        line = view.document.lines[view.document.hit_lines[0]]
        ((_, start, end),) = [span for span in line.hits if span[0] == 0]
        assert line.text.plain[start:end] == "mobile phone"
        await pilot.press("n")
        assert view.border_subtitle == "hit 2/2"
        await pilot.press("n")
        assert view.border_subtitle == "hit 1/2"
        await search(pilot, "ferry")
        assert app.main.article.border_subtitle == "2 hits"
        await search(pilot, "timetable")
        assert app.main.article.border_subtitle == "1 hit"
        assert app.main.status.plain.startswith(" 1 result ")
        await search(pilot, "nosuchwordanywhere")
        await pilot.press("n")  # nothing is open: said so, not "no hits in this article"
        assert "Open an article first." in app.main.status.plain


@pilot_test
async def test_a_date_query_on_undated_articles_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = phones_app(tmp_path, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        await search(pilot, "date:2005")
        status = app.main.status.plain
        assert "0 results" in status
        assert "no article in this archive has a date of its own, so date: finds none" in status
        assert "No article in this archive has a date of its own" in screen_text(app)
        await search(pilot, "ferry")
        assert "date of its own" not in app.main.status.plain


@pilot_test
async def test_a_key_for_an_article_still_loading_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = phones_app(tmp_path, monkeypatch)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)  # both articles listed, the first on show
        reading = app.main.reading
        assert app.main.headlines.total == 2
        assert reading.open_article is not None and not reading.fetching
        monkeypatch.setattr(reading._calls, "article", lambda *args: None)  # never arrives
        await pilot.press("j", "o")
        assert reading.fetching
        assert "The article is still loading." in app.main.status.plain


@pilot_test
async def test_the_command_freezes_what_lives_on_once_the_archive_is_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tui.app, "SETTLE_SECONDS", 0.05)
    app = phones_app(tmp_path, monkeypatch, settle_memory=True)
    gc.unfreeze()
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            app._last_key = time.monotonic() + 3600  # the reader keeps typing: it waits
            await settle(pilot)
            await pilot.pause(0.3)
            assert gc.get_freeze_count() == 0 and not app.settled
            app._last_key = 0.0  # a pause
            await pilot.pause(0.3)
            assert gc.get_freeze_count() > 0 and app.settled  # the app, Textual, the index
    finally:
        gc.unfreeze()


@pilot_test
async def test_an_app_in_a_test_freezes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gc.unfreeze()
    app = phones_app(tmp_path, monkeypatch)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.pause(1.2)
        assert gc.get_freeze_count() == 0
