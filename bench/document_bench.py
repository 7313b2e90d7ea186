"""How long the article panel takes to lay out, and the app to open, a huge article.

Prints, for 5 MB paragraphs of several shapes (one word with no space, one word of wide
characters, ordinary words with a search hit in every line, a word with a bidi control every
100 characters), the median time of ``build_document`` at 80 columns; then the time from
starting the app headless on an archive whose newest article is one word of 4.5 MB to that
article drawn in the article panel (and the same with a word of 20 bytes, for comparison).
Wall and CPU times: on a busy machine the CPU time is the steadier. Target: well under 1 s
for the one-word article. Printed, never asserted::

    python bench/document_bench.py [--mb 5] [--runs 3]
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rich.style import Style

from index.api.records import Highlight
from index.corpus.article import Article
from index.engines.whoosh.highlight import hit_spans
from tui.widgets.document import DocumentStyles, build_document

STYLES = DocumentStyles(hit=Style(bold=True))


def shapes(size: int) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Paragraphs of ``size`` characters, each with the search terms it is shown with."""
    unit = "The harbour opens on Monday. "
    bidi = ("QUJDREVGR0hJSktM" * 7)[:99] + "\u202e"
    return {
        "one ASCII word (base64)": (("QUJDREVG" * (size // 8 + 1))[:size], ("qujdrevg",)),
        "one word of wide characters": (("\u5317\u4eac" * (size // 2 + 1))[:size], ("x",)),
        "words, a hit on every line": ((unit * (size // len(unit) + 1))[:size], ("harbour",)),
        "one word, bidi every 100": ((bidi * (size // 100 + 1))[:size], ("x",)),
    }


def median_seconds(run: Callable[[], object], runs: int) -> tuple[float, float]:
    """The median wall and CPU times of ``runs`` calls of ``run`` (CPU: on a busy machine)."""
    wall, cpu = [], []
    for _ in range(runs):
        started, used = time.perf_counter(), time.process_time()
        run()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - used)
    return statistics.median(wall), statistics.median(cpu)


def layout(size: int, runs: int) -> None:
    """Print the layout time of each shape."""
    print(f"build_document, {size / 1e6:.1f} M characters, 80 columns, median of {runs}:")
    for name, (paragraph, terms) in shapes(size).items():
        article = Article(id="big", path="/big.txt", title="Big", paragraphs=(paragraph,))
        find = functools.partial(hit_spans, highlight=Highlight(tuple(terms)))
        lines = len(build_document(article, find, STYLES, 80).lines)
        wall, cpu = median_seconds(lambda a=article, f=find: build_document(a, f, STYLES, 80), runs)
        print(
            f"  {name:<30} {wall * 1000:6.0f} ms wall {cpu * 1000:6.0f} ms CPU  ({lines:,} lines)"
        )


def app_open(size: int) -> None:
    """Print the time from app start to a one-word article of ``size`` bytes drawn."""
    for label, length in (("of 20 bytes (baseline)", 20), (f"of {size / 1e6:.1f} MB", size)):
        wall, cpu = _app_once(length)
        print(
            f"  start to the article drawn, one word {label}: {wall * 1000:.0f} ms wall, "
            f"{cpu * 1000:.0f} ms CPU"
        )


def _app_once(size: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as root:
        os.environ["XDG_DATA_HOME"] = str(Path(root) / "data")
        os.environ["XDG_CONFIG_HOME"] = str(Path(root) / "config")
        archive = Path(root) / "archive"
        archive.mkdir()
        older = archive / "older.txt"
        older.write_text("An older story\n\nThe harbour was quiet.\n")
        os.utime(older, (1_600_000_000, 1_600_000_000))
        word = ("QUJDREVG" * (size // 8 + 1))[:size]
        (archive / "huge.txt").write_text(f"A huge word\n\n{word}\n")
        from index.engines import open_archive

        backend = open_archive(archive, Path(root) / "index", max_bytes=2 * size + 1024)
        backend.update()
        backend.close()
        return asyncio.run(_time_app(archive, Path(root) / "index", size))


async def _time_app(archive: Path, index_dir: Path, size: int) -> tuple[float, float]:
    from tui.app import NewsdeskApp
    from tui.config import Config

    config = Config(max_file_mb=max(1.0, 2 * size / 1024 / 1024))
    app = NewsdeskApp(archive, index_dir, config, show_timings=False, watch_interval=None)
    started, used = time.perf_counter(), time.process_time()
    async with app.run_test(size=(120, 36)) as pilot:
        view = app.main.article
        while view.article is None or view.article.title != "A huge word":
            await pilot.pause(0.005)
        width = view.scrollable_content_region.width
        view.line_strip(len(view.document.lines) - 1, width)  # the last line, drawn
        await pilot.pause()
        return time.perf_counter() - started, time.process_time() - used


def main() -> None:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="paragraph size in millions")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    layout(int(args.mb * 1_000_000), args.runs)
    print("the app on two articles, the newest one word (headless, 120x36):")
    app_open(int(4.5 * 1_000_000))


if __name__ == "__main__":
    main()
