"""Typing ahead of the searches: stale queries are never run nor drawn, and the open article is
marked again only once the reader pauses."""

from __future__ import annotations

import threading

from index.api.records import Highlight, SearchHit, SearchRequest, SearchResult
from tests.conftest_app import Sample, make_app, pilot_test, settle
from tui.app import NewsdeskApp
from tui.config import Config


@pilot_test
async def test_keys_typed_during_a_search_run_only_the_newest_query(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        backend, main = app.backend, app.main
        assert backend is not None
        real_search = backend.search
        gate = threading.Event()
        searched: list[str] = []

        def slow_search(request: SearchRequest) -> SearchResult:
            searched.append(request.query)
            if request.query == "p":
                assert gate.wait(30)  # the reader types on while this one runs
            return real_search(request)

        drawn: list[tuple[str, int]] = []
        show = main.headlines.show_results

        def recording_show(total: int, hits: tuple[SearchHit, ...], **options: object) -> None:
            assert main.result is not None
            drawn.append((main.result.request.query, total))
            show(total, hits, **options)  # type: ignore[arg-type]

        backend.search = slow_search  # type: ignore[method-assign]
        main.headlines.show_results = recording_show  # type: ignore[method-assign]
        await pilot.press("slash", "p", "o", "r", "t")
        assert searched == ["p"]  # "po" and "por" wait behind "p", then are typed past
        gate.set()
        await settle(pilot)
        assert searched == ["p", "port"]
        expected = real_search(SearchRequest("port", limit=100))
        assert drawn == [("port", expected.total)]  # the answer to "p" was never drawn
        assert main.headlines.current is not None
        assert main.headlines.current.id == expected.hits[0].id
        # Searching goes on as usual afterwards.
        await pilot.press("space", "s")
        await settle(pilot)
        assert searched[-1] == "port s" and drawn[-1][0] == "port s"


@pilot_test
async def test_a_failing_search_does_not_stop_later_ones(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        backend, main = app.backend, app.main
        assert backend is not None
        real_search = backend.search

        def broken_search(request: SearchRequest) -> SearchResult:
            if request.query == "x":
                raise RuntimeError("a bug in the engine")
            return real_search(request)

        backend.search = broken_search  # type: ignore[method-assign]
        main.search_input.value = "x"
        await settle(pilot)
        main.search_input.value = "port"
        await settle(pilot)
        assert main.result is not None and main.result.request.query == "port"
        assert main.headlines.total == real_search(SearchRequest("port")).total


def slow_preview_app(sample: Sample, delay: float) -> NewsdeskApp:
    """The app on ``sample`` with a preview pause of ``delay`` seconds while typing."""
    return NewsdeskApp(
        sample.archive,
        sample.index_dir,
        Config(),
        watch_interval=None,
        show_timings=False,
        preview_delay=delay,
    )


@pilot_test
async def test_the_open_article_is_marked_again_only_when_typing_pauses(sample: Sample) -> None:
    app = slow_preview_app(sample, 60.0)  # a pause that never comes during the test
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        reading, view = app.main.reading, app.main.article
        shown = view.article
        assert shown is not None  # the newest article, opened at once (nobody was typing)
        words = Highlight(terms=("port",))
        reading.preview(shown.id, words, typing=True)
        await pilot.pause()
        assert view.article is shown and view.terms == Highlight()  # not yet laid out again
        reading.preview(shown.id, words, typing=False)
        await pilot.pause()
        assert view.article is shown and view.terms == words


@pilot_test
async def test_returning_to_the_open_article_forgets_the_preview_on_its_way(
    sample: Sample,
) -> None:
    app = slow_preview_app(sample, 0.2)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        reading, view, headlines = app.main.reading, app.main.article, app.main.headlines
        shown, other = headlines.hit_at(0), headlines.hit_at(1)
        assert shown is not None and other is not None
        assert view.article is not None and view.article.id == shown.id
        words = Highlight(terms=("port",))
        reading.preview(other.id, words, typing=True)  # the top article changed for a key...
        reading.preview(shown.id, words, typing=True)  # ...and came back with the next
        await pilot.pause(0.6)
        await settle(pilot)
        assert view.article is not None and view.article.id == shown.id
        assert view.terms == words


@pilot_test
async def test_a_query_longer_than_the_bar_keeps_its_end_and_cursor_in_view(
    sample: Sample,
) -> None:
    app = make_app(sample)
    async with app.run_test(size=(60, 24)) as pilot:
        await settle(pilot)
        words = "port strike shanghai fintech harbour union wages dockers"
        await pilot.press("slash", *("space" if c == " " else c for c in words))
        await settle(pilot)
        bar = app.main.search_input
        assert bar.value == words
        assert bar.virtual_size.width > bar.content_region.width  # the text is wider
        assert bar.scroll_offset.x > 0  # scrolled to the cursor at the end
        drawn = app.screen._compositor.render_strips()[0].text
        assert "wages dockers" in drawn and "port strike" not in drawn
