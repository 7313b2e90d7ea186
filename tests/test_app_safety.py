"""The app under hostile text, a busy or changing index, and 100,000 results."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.app import App, ComposeResult

from index.api.records import (
    Highlight,
    HitFinder,
    IndexStatus,
    SearchHit,
    SearchRequest,
    SearchResult,
    UpdateReport,
)
from index.corpus.article import Article, Quote
from index.pipeline.reading import StateFile
from index.pipeline.store import write_lock
from tests.conftest_app import (
    COLOUR_TERMINAL,
    Sample,
    isolate,
    iter_lines,
    make_app,
    pilot_test,
    screen_text,
    search,
    settle,
)
from tui.app import NewsdeskApp
from tui.config import Config
from tui.safe import inert
from tui.widgets.article_view import ArticleView

HOSTILE_MD = (
    "---\n"
    'title: "[bold red]Pwned[/] \\x1b[2J headline \\x1b]52;c;aGFja2Vk\\x07"\n'
    'source: "[link=http://evil.example]Evil Wire[/link]"\n'
    "date: 2024-01-02\n"
    "url: http://evil.example/\\x1b]8;;http://x\\x1b\\\\\n"
    "---\n\n"
    "Breaking: [bold red]alarm[/bold red] and [link=http://evil.example]click here[/link] "
    "and [@click=app.quit]quit[/] now.\n\n"
    "Terminal tricks: \x1b]52;c;aGFja2Vk\x07 clipboard, \x1b[2J clear, "
    "\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\ hyperlink, "
    "\u202ereversed\u202c bidi.\n\n"
    '"[bold]Pay up[/bold] now," said Mallory Black, chief of [red]Evil Corp[/red].\n'
)
MARKUP = ("[bold red]alarm[/bold red]", "[link=http://evil.example]click here[/link]")
UNSAFE = ("\x1b", "\x07", "\u202e", "\u202c")
NEW_ARTICLE = "---\ntitle: Skerrywick ferry returns\ndate: 2024-05-01\n---\n\nThe ferry is back.\n"


def widget_strips(app: NewsdeskApp) -> Iterator[Any]:
    """Every segment the headlines and article panels draw."""
    main = app.main
    for y in range(main.headlines.scrollable_content_region.height):
        yield from main.headlines.render_line(y)
    width = main.article.scrollable_content_region.width
    for index in range(len(main.article.document.lines)):
        yield from main.article.line_strip(index, width)


@pilot_test
async def test_hostile_article_is_shown_as_plain_characters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    isolate(tmp_path, monkeypatch)
    archive = tmp_path / "hostile"
    archive.mkdir()
    (archive / "evil.md").write_text(HOSTILE_MD, encoding="utf-8")
    app = NewsdeskApp(
        archive, None, Config(), watch_interval=None, preview_delay=0, environ=COLOUR_TERMINAL
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        main = app.main
        assert main.headlines.total == 1
        on_screen = screen_text(app)
        assert "[bold red]Pwned[/]" in on_screen  # the title, literally
        assert "[link=http://evil.example]Evil" in on_screen
        article_text = "\n".join(iter_lines(app)).replace("\n", " ")
        for markup in MARKUP:
            assert markup in article_text
        assert "[@click=app.quit]quit[/]" in article_text
        assert "reversed" in article_text
        for char in UNSAFE:
            assert char not in on_screen and char not in article_text
        for segment in widget_strips(app):
            assert segment.style is None or (segment.style.link is None and not segment.style.meta)
        quotes = main.quotes
        assert quotes.article is not None
        prompt = str(quotes.get_option_at_index(0).prompt)
        assert "[bold]Pay up[/bold] now" in prompt and "[red]Evil Corp[/red]" in prompt
        # Clicking or keys do not trigger the embedded [@click=app.quit]: the app runs on.
        await pilot.click(ArticleView, offset=(10, 8))
        main.headlines.focus()
        await pilot.press("y")
        assert app.is_running
        assert not any(char in app.clipboard for char in UNSAFE)


class ArticleHarness(App[None]):
    """Just the article panel, to render arbitrary articles quickly."""

    CSS_PATH = Path(__file__).resolve().parent.parent / "tui" / "newsdesk.tcss"

    def compose(self) -> ComposeResult:
        yield ArticleView(id="article")


_TEXT = st.text(
    st.characters(exclude_categories=("Cs",)) | st.sampled_from(["\x1b", "[", "]", "\u202e"]),
    max_size=300,
)


def printable(text: str) -> str:
    """The characters a reader should see: inert ones, whitespace aside."""
    return "".join(inert(text).split())


@pilot_test
async def test_any_text_renders_as_exactly_its_printable_characters() -> None:
    app = ArticleHarness()
    async with app.run_test(size=(50, 30)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        width = view.scrollable_content_region.width

        @settings(
            max_examples=300,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        )
        @given(title=_TEXT, paragraph=_TEXT, caption=_TEXT)
        def rendered_equals_printable(title: str, paragraph: str, caption: str) -> None:
            article = Article(
                id="x", path="/x", title=title, captions=(caption,), paragraphs=(paragraph,)
            )
            view.show(article, Highlight(("a",)))
            lines = [view.line_strip(i, width).text for i in range(len(view.document.lines))]
            drawn = "".join("".join(lines).split())
            expected = printable(title or "(untitled)") + "Photo:" + printable(caption)
            expected += printable(paragraph)
            assert drawn == expected

        rendered_equals_printable()


@pilot_test
async def test_index_busy_is_shown_and_search_keeps_answering(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, "fintech")
        (sample.archive / "skerrywick.md").write_text(
            NEW_ARTICLE,
            encoding="utf-8",
        )
        with write_lock(sample.index_dir):  # as if another newsdesk were updating it
            await pilot.press("ctrl+r")  # look for changed files now
            await settle(pilot)
            assert "index busy" in app.main.status.plain
            await search(pilot, "port strike")
            assert app.main.headlines.total == 3
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert "index busy" not in app.main.status.plain
        await search(pilot, "skerrywick")
        assert app.main.headlines.total == 1


@pilot_test
async def test_files_changed_in_the_archive_show_up(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, "skerrywick")
        assert app.main.headlines.total == 0
        (sample.archive / "skerrywick.md").write_text(
            NEW_ARTICLE,
            encoding="utf-8",
        )
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert app.main.headlines.total == 1  # the open results refreshed by themselves
        assert "56 articles" in app.main.status.plain
        (sample.archive / "skerrywick.md").unlink()
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert app.main.headlines.total == 0


@pilot_test
async def test_the_archive_is_polled_while_the_app_is_open(sample: Sample) -> None:
    app = NewsdeskApp(
        sample.archive, sample.index_dir, Config(), watch_interval=0.1, environ=COLOUR_TERMINAL
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, "skerrywick")
        (sample.archive / "skerrywick.md").write_text(
            NEW_ARTICLE,
            encoding="utf-8",
        )
        deadline = time.monotonic() + 20
        while app.main.headlines.total == 0 and time.monotonic() < deadline:
            await pilot.pause(0.1)
        assert app.main.headlines.total == 1


@pytest.mark.slow
@pilot_test
async def test_app_keeps_answering_while_another_process_rebuilds(sample: Sample) -> None:
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, "fintech")
        writer = subprocess.Popen(
            [
                *(sys.executable, "-c", "from tui.cli import main; raise SystemExit(main())"),
                *("index", str(sample.archive), "--rebuild"),
                *("--index-dir", str(sample.index_dir), "--wait", "30"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        queries = ["port strike", "fintech", "shanghai", "harbour", "speaker:okafor"]
        rounds = 0
        while writer.poll() is None or rounds < len(queries):
            await search(pilot, queries[rounds % len(queries)])
            assert "failed" not in app.main.status.plain
            rounds += 1
            await pilot.press("ctrl+r")
        assert writer.wait(60) == 0
        await pilot.press("ctrl+r")
        await settle(pilot)
        await search(pilot, "fintech")
        assert app.main.headlines.total == 10


class HundredThousand:
    """A backend with 100,000 matching articles, recording which pages were asked for."""

    TOTAL = 100_000

    def __init__(self, archive: Path) -> None:
        self._archive = archive
        self.pages: list[tuple[int, int]] = []
        self._reading = StateFile(archive.parent / "state.json")

    @property
    def archive(self) -> Path:
        return self._archive

    @property
    def reading(self) -> StateFile:
        return self._reading

    def hit_finder(self, highlight: Highlight) -> HitFinder:
        return lambda text: []

    def _hit(self, n: int) -> SearchHit:
        return SearchHit(f"id{n}", f"/a/{n}.txt", f"Article {n:06d}", "Wire", "2024-01-01", 1.0)

    def search(self, request: SearchRequest) -> SearchResult:
        self.pages.append((request.offset, request.limit))
        stop = min(self.TOTAL, request.offset + request.limit)
        hits = tuple(self._hit(n) for n in range(request.offset, stop))
        return SearchResult(request, self.TOTAL, hits, 0.001, Highlight(("article",)))

    def article(self, ref: str) -> Article:
        n = int(ref[2:])
        quote = Quote("Words", "Someone", None, "direct", 0, 1, 6)
        return Article(
            ref, f"/a/{n}.txt", f"Article {n:06d}", paragraphs=('"Words".',), quotes=(quote,)
        )

    def related(self, article_id: str, limit: int = 10) -> tuple[SearchHit, ...]:
        return ()

    def speakers(self, limit: int | None = None) -> tuple[Any, ...]:
        return ()

    def quotes_by(self, speaker: str, limit: int = 200) -> tuple[Any, ...]:
        return ()

    def status(self) -> IndexStatus:
        return IndexStatus(str(self._archive), "/idx", self.TOTAL, False, None)

    def update(self, **_: Any) -> UpdateReport:
        return UpdateReport(0, 0, 0, (), (), 0.0)

    def refresh(self) -> bool:
        return False

    def warm_up(self) -> None:
        pass

    def close(self) -> None:
        pass


@pilot_test
async def test_100k_results_draw_only_what_is_visible(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    isolate(tmp_path, monkeypatch)
    backend = HundredThousand(tmp_path)
    monkeypatch.setattr("index.engines.open_archive", lambda *args, **kwargs: backend)
    app = NewsdeskApp(
        tmp_path, None, Config(), watch_interval=None, preview_delay=0, environ=COLOUR_TERMINAL
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        main = app.main
        assert main.headlines.total == 100_000
        assert "100,000 results" in main.status.plain
        assert len(list(app.query("*"))) < 80  # widgets on screen, not per result
        first = backend.pages[0]
        assert backend.pages == [first] and first[0] == 0 and first[1] < 100  # a screenful
        main.headlines.focus()
        await pilot.press("end")
        await settle(pilot)
        assert main.headlines.cursor == 99_999
        assert "Article 099999" in screen_text(app)
        # Only the last page was fetched to draw the end of the list.
        assert backend.pages == [first, (99_900, 100)]
        await pilot.press("pageup")
        await settle(pilot)
        assert "Article 0999" in screen_text(app)
        assert len(backend.pages) <= 3
