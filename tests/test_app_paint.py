"""Results are painted as soon as they arrive, with the list's length and scrollbar right, and
without laying out the whole screen again for a new result count."""

from __future__ import annotations

import asyncio
from typing import Any

from rich.text import Text
from textual.strip import Strip

from index.api.records import SearchRequest, SearchResult
from tests.conftest_app import Sample, make_app, pilot_test, screen_text, search, settle
from tui.app import NewsdeskApp
from tui.widgets.status_bar import StatusBar


@pilot_test
async def test_the_list_and_its_scrollbar_follow_results_that_shrink_and_grow(
    sample: Sample,
) -> None:
    app = make_app(sample)
    async with app.run_test(size=(80, 24)) as pilot:  # narrow: 7 headlines in view
        await settle(pilot)
        headlines, backend = app.main.headlines, app.backend
        assert backend is not None
        height = headlines.scrollable_content_region.height
        everything = backend.search(SearchRequest("")).total
        few = backend.search(SearchRequest("port strike")).total
        assert everything > height >= few > 0
        for query, total in (
            ("", everything),
            ("port strike", few),
            ("zzzzqx", 0),
            ("", everything),
        ):
            await search(pilot, query)
            assert headlines.total == total
            assert headlines.virtual_size.height == total
            assert headlines.show_vertical_scrollbar == (total > height)
            if total > height:
                bar = headlines.vertical_scrollbar
                assert (bar.window_virtual_size, bar.window_size) == (total, height)
            assert headlines.scroll_offset.y <= max(0, total - height)
            drawn = [headlines.render_line(y).text for y in range(height)]
            rows = [row for row in drawn if row.strip()]
            if total:
                assert len(rows) == min(total, height)
            else:
                assert "No articles match" in rows[0]


@pilot_test
async def test_a_new_result_count_does_not_lay_out_the_screen(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen, headlines = app.main, app.main.headlines
        hits = tuple(hit for n in range(10) for hit in headlines._pages[0])[:100]
        headlines.show_results(5000, hits)  # (the scrollbar appears: a layout)
        await settle(pilot)
        layouts: list[bool] = []
        lay_out = screen._refresh_layout

        def counted(*args: object, **kwargs: object) -> None:
            layouts.append(True)
            lay_out(*args, **kwargs)  # type: ignore[arg-type]

        screen._refresh_layout = counted  # type: ignore[method-assign]
        headlines.show_results(400, hits)
        await settle(pilot)
        assert layouts == []
        assert headlines.virtual_size.height == 400
        assert headlines.vertical_scrollbar.window_virtual_size == 400
        headlines.show_results(3, hits[:3])  # the scrollbar goes: that is laid out
        await settle(pilot)
        assert not headlines.show_vertical_scrollbar
        assert headlines.virtual_size.height == 3


async def drawn_without_frames(app: NewsdeskApp, query: str) -> list[str]:
    """Search for ``query`` with Textual's frames stopped; what the list and status line drew
    meanwhile, as ``results:QUERY`` and ``status:TEXT`` (no pilot pause: it draws a frame)."""
    screen = app.main
    screen._update_timer.resume = lambda: None  # type: ignore[method-assign]
    drawn: list[str] = []
    draw_line, render_status = screen.headlines.render_line, screen.status.render

    def noted_line(y: int) -> Strip:
        if screen.result is not None:
            drawn.append(f"results:{screen.result.request.query}")
        return draw_line(y)

    def noted_status() -> Text:
        text = render_status()
        drawn.append(f"status:{text.plain}")
        return text

    screen.headlines.render_line = noted_line  # type: ignore[method-assign]
    screen.status.render = noted_status  # type: ignore[method-assign]
    screen.search_input.value = query
    for _ in range(1000):  # (a second at most: the search itself takes milliseconds)
        await asyncio.sleep(0.001)
        if not any(w.is_running for w in app.workers) and drawn:
            await asyncio.sleep(0.01)
            break
    return drawn


@pilot_test
async def test_results_are_drawn_without_waiting_for_the_next_frame(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        drawn = await drawn_without_frames(app, "port strike")
        assert "results:port strike" in drawn
        assert any(line.startswith("status:") and "3 results" in line for line in drawn)


@pilot_test
async def test_a_bad_query_is_reported_without_waiting_for_the_next_frame(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        drawn = await drawn_without_frames(app, "is:nonsense")
        assert any("unknown filter 'is:nonsense'" in line for line in drawn)


@pilot_test
async def test_typing_on_while_nothing_matches_leaves_the_reading_pane_alone(
    sample: Sample,
) -> None:
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.main
        assert screen.article.article is not None and screen.quotes.option_count
        await search(pilot, "zzzzqx")
        assert screen.article.article is None and not screen.quotes.option_count
        assert "Nothing to show." in screen_text(app)
        repainted: list[str] = []
        for widget in (screen.article, screen.quotes):
            refresh = widget.refresh

            def counted(*args: Any, _refresh: Any = refresh, **kwargs: Any) -> Any:
                repainted.append(type(_refresh.__self__).__name__)
                return _refresh(*args, **kwargs)

            widget.refresh = counted  # type: ignore[method-assign]
        await search(pilot, "zzzzqxy")
        assert repainted == []
        assert "zzzzqxy" in screen_text(app) and "Nothing to show." in screen_text(app)
        await search(pilot, "port strike")
        assert screen.article.article is not None


@pilot_test
async def test_a_new_query_asks_for_a_screenful_and_the_rest_when_the_list_needs_it(
    sample: Sample,
) -> None:
    app = make_app(sample)
    async with app.run_test(size=(80, 24)) as pilot:  # narrow: 7 headlines in view
        await settle(pilot)
        main, backend = app.main, app.backend
        assert backend is not None
        real_search = backend.search
        asked: list[tuple[str, int, int]] = []

        def recording_search(request: SearchRequest) -> SearchResult:
            asked.append((request.query, request.offset, request.limit))
            return real_search(request)

        backend.search = recording_search  # type: ignore[method-assign]
        await search(pilot, "port strike")
        await search(pilot, "")
        screenful = main.headlines.screenful
        total = main.headlines.total
        assert asked == [("port strike", 0, screenful), ("", 0, screenful)]
        assert total > screenful and main.headlines.hit_at(screenful) is None
        main.headlines.focus()
        await pilot.press("end")  # the list needs the rest of the first page (and only it)
        await settle(pilot)
        assert asked[2:] == [("", 0, 100)]
        assert main.headlines.current is not None and main.headlines.cursor == total - 1
        assert all(main.headlines.hit_at(i) is not None for i in range(total))
        # The index changed: the same query again keeps the cursor's article, which may be
        # anywhere on the first page, so it asks for the whole page.
        current = main.headlines.current
        main.post_message(StatusBar.IndexChanged())
        await settle(pilot)
        assert asked[3:] == [("", 0, 100)]
        assert main.headlines.current == current
