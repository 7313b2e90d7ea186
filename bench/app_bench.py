"""How fast the terminal app feels on a 100,000-article archive, measured with a headless pilot.

Prints:

- cold start: a fresh process (imports included) to the first headlines drawn, several runs;
- keystroke to repainted results: each key of 50 typed queries, from the key press to the end
  of the compositor refresh that drew that query's headlines (or, for a query that does not
  parse, its error on the status line): median and p95, all keys and last keys; how long after
  the search's worker posted its answer that was; and how many answers were drawn for a query
  already typed past (there should be none);
- peak memory (max RSS) of the app process, and what a poll of the archive folder costs.

The synthetic archive (``bench/synth.py``) is generated once into a cache folder and indexed
once there; later runs reuse both (the index is only updated). Targets: cold start under
1.5 s, keystroke p95 under 100 ms, app under 300 MB. Numbers are printed, never asserted::

    python bench/app_bench.py [-n 100000] [--seed 1] [--cache DIR] [--runs 5] [--queries 50]

With ``--first-build ARCHIVE`` it only compares building ARCHIVE's index from nothing in the
app (headless) with ``newsdesk index``, taking turns (target: the app no slower)::

    python bench/app_bench.py --first-build /tmp/bbc --runs 3
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent))

_CHILD = "--child-cold-start"
_BUILD_CHILD = "--child-first-build"


def cache_root(explicit: str | None) -> Path:
    """Where archives and indexes are kept between runs."""
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsdesk-bench"


def generator_digest() -> str:
    """A short hash of the generator's code: a changed generator means a new archive."""
    digest = hashlib.sha1()
    for name in ("synth.py", "synth_words.py"):
        digest.update((BENCH / name).read_bytes())
    return digest.hexdigest()[:8]


def prepare(root: Path, n: int, seed: int) -> tuple[Path, Path]:
    """The archive (generated once) and its index (built once, then only updated)."""
    import synth

    from index.api.records import Progress
    from index.engines import open_archive

    folder = root / f"app-{n}-seed{seed}-{generator_digest()}"
    archive, index_dir = folder / "archive", folder / "index"
    if not (folder / "archive.complete").exists():
        print(f"generating {n:,} articles into {archive} ...", flush=True)
        started = time.perf_counter()
        synth.generate(archive, n, seed)
        (folder / "archive.complete").write_text("ok\n")
        print(f"  done in {time.perf_counter() - started:.0f} s", flush=True)
    backend = open_archive(archive, index_dir)
    last = 0.0

    def progress(step: Progress) -> None:
        nonlocal last
        if time.monotonic() - last > 10:
            last = time.monotonic()
            print(f"  indexing: {step.phase} {step.done:,}/{step.total:,}", flush=True)

    started = time.perf_counter()
    report = backend.update(progress=progress)
    if report.added or report.updated or report.removed:
        print(f"  index updated in {time.perf_counter() - started:.0f} s", flush=True)
    print(f"archive: {backend.status().articles:,} articles indexed in {index_dir}", flush=True)
    backend.close()
    return archive, index_dir


def percentile(values: list[float], share: float) -> float:
    """The ``share`` quantile (nearest rank) of ``values``."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def busy(app: object) -> bool:
    """Whether any of the app's workers is still pending or running."""
    from textual.app import App
    from textual.worker import WorkerState

    assert isinstance(app, App)
    return any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers)


def max_rss_mb() -> float:
    """Peak resident memory of this process, in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- cold start (in a child process, so imports count) ---------------------------------------


def cold_start_child(archive: str, index_dir: str) -> None:
    """Run the app headless until the first headlines are drawn; print the times as JSON."""
    started = time.perf_counter()
    from textual.strip import Strip

    from tui.app import NewsdeskApp
    from tui.config import Config
    from tui.widgets.headlines import HeadlineList

    imported = time.perf_counter()
    painted: list[float] = []
    draw = HeadlineList.render_line

    def timed_render_line(self: HeadlineList, y: int) -> Strip:
        if self.total and not painted:
            painted.append(time.perf_counter())
        return draw(self, y)

    HeadlineList.render_line = timed_render_line  # type: ignore[method-assign]

    async def run() -> dict[str, float]:
        app = NewsdeskApp(
            Path(archive), Path(index_dir), Config(), show_timings=False, settle_memory=True
        )
        async with app.run_test(size=(120, 36)) as pilot:
            while not painted:
                await asyncio.sleep(0.002)
            first = painted[0] - started
            painted_at = time.time() - (time.perf_counter() - painted[0])
            while not app.main.status_bar.watcher.checked or busy(app):  # the check after
                await pilot.pause(0.05)
            synced = time.perf_counter() - started
            return {
                "painted_at": painted_at,
                "import_s": imported - started,
                "first_paint_s": first,
                "background_sync_s": synced,
                "rss_mb": max_rss_mb(),
            }

    print(json.dumps(asyncio.run(run())))


def cold_starts(archive: Path, index_dir: Path, runs: int) -> list[dict[str, float]]:
    """Start the app ``runs`` times in fresh processes; wall time from spawn to first paint."""
    results = []
    for _ in range(runs):
        spawned = time.time()
        out = subprocess.run(
            [sys.executable, __file__, _CHILD, str(archive), str(index_dir)],
            capture_output=True,
            text=True,
            check=True,
        )
        child = json.loads(out.stdout.strip().splitlines()[-1])
        child["process_s"] = child["painted_at"] - spawned
        results.append(child)
    return results


# -- keystrokes ------------------------------------------------------------------------------


QUERY_KINDS = ("word", "two words", "place", "phrase", "word and place")


def typed_queries(count: int, seed: int) -> list[str]:
    """``count`` queries a reader might type, cycling through :data:`QUERY_KINDS`."""
    import synth_words as words

    rng = random.Random(seed)
    nouns = words.NOUNS_TOP[:80]
    places = [p.lower() for p in words.PLACES[:40]]
    queries = []
    for index in range(count):
        kind = index % 5
        if kind == 0:
            queries.append(rng.choice(nouns))
        elif kind == 1:
            queries.append(f"{rng.choice(nouns)} {rng.choice(nouns)}")
        elif kind == 2:
            queries.append(rng.choice(places))
        elif kind == 3:
            queries.append(f'"{rng.choice(words.ADJECTIVES_TOP)} {rng.choice(nouns)}"')
        else:
            queries.append(f"{rng.choice(nouns)} {rng.choice(places)}")
    return queries


class PaintClock:
    """When each query's answer was on screen: the end of the compositor refresh that drew it.

    A query's answer is its headlines or, for a query that does not parse, its error on the
    status line. Drawing them is noted as it happens (``render_line`` of the headlines,
    ``render`` of the status line, each knowing which query it draws), and the clock stops
    only once the whole refresh that drew them is done, as a real terminal would only then be
    written to. A worker finishing, or a message being handled, stops nothing.
    """

    def __init__(self, app: object) -> None:
        from textual.screen import Screen
        from textual.strip import Strip
        from textual.visual import VisualType

        from tui.app import NewsdeskApp
        from tui.widgets.headlines import HeadlineList
        from tui.widgets.status import StatusLine

        assert isinstance(app, NewsdeskApp)
        self.painted: dict[str, float] = {}
        """Query text -> when a refresh that drew its answer ended."""
        self.stale = 0
        """Answers first drawn when the search bar already held another query."""
        self.answer_posted: dict[str, float] = {}
        """Query text -> when the worker posted its answer (the old, dishonest end)."""
        self._drawing: dict[int, str] = {}  # answer (its id) -> its query, in this refresh
        self._answers: dict[int, object] = {}  # every answer drawn so far (kept: ids stay)
        self._error: tuple[str, object] = ("", object())  # the error shown: query, token
        self._first_drawn: set[int] = set()
        self._wanted: tuple[str, asyncio.Event] | None = None
        clock = self
        draw_line, render_status = HeadlineList.render_line, StatusLine.render
        set_error, refresh = StatusLine.set_error, Screen._compositor_refresh

        def render_line(widget: HeadlineList, y: int) -> Strip:
            result = app.main.result
            if result is not None:
                clock._drawing[id(result)] = result.request.query
                clock._answers.setdefault(id(result), result)
            return draw_line(widget, y)

        def render(widget: StatusLine) -> VisualType:
            if widget._error:
                query, token = clock._error
                clock._drawing[id(token)] = query
                clock._answers.setdefault(id(token), token)
            return render_status(widget)

        def noted_error(widget: StatusLine, message: str) -> None:
            # The screen only shows a search's error when it is for the query in the bar.
            clock._error = (app.main.search_bar.query_state.text, object())
            set_error(widget, message)

        def compositor_refresh(screen: Screen[object]) -> None:
            refresh(screen)
            if clock._drawing:
                clock._refreshed(app.main.search_input.value)

        self._originals = [
            (HeadlineList, "render_line", draw_line),
            (StatusLine, "render", render_status),
            (StatusLine, "set_error", set_error),
            (Screen, "_compositor_refresh", refresh),
        ]
        HeadlineList.render_line = render_line  # type: ignore[method-assign,assignment]
        StatusLine.render = render  # type: ignore[method-assign,assignment]
        StatusLine.set_error = noted_error  # type: ignore[method-assign,assignment]
        Screen._compositor_refresh = compositor_refresh  # type: ignore[method-assign,assignment]

    def stop(self) -> None:
        """Stop timing (another app may be measured next)."""
        for owner, name, original in self._originals:
            setattr(owner, name, original)

    def _refreshed(self, typed: str) -> None:
        ended = time.perf_counter()
        for answer, query in self._drawing.items():
            self.painted.setdefault(query, ended)
            if answer not in self._first_drawn:
                self._first_drawn.add(answer)
                self.stale += query != typed
        self._drawing.clear()
        if self._wanted is not None and self._wanted[0] in self.painted:
            self._wanted[1].set()

    def posted(self, message: object) -> None:
        """(The app's message hook) note when a search's answer was posted by its worker."""
        from tui.messages import SearchDone, SearchFailed

        if isinstance(message, SearchDone | SearchFailed):
            self.answer_posted.setdefault(message.query.text, time.perf_counter())

    def forget(self, *shown: object) -> None:
        """Start afresh (before a key); the answers ``shown`` now stay known as drawn."""
        self.painted.clear()
        self.answer_posted.clear()
        self._answers = {id(answer): answer for answer in (*shown, self._error[1])}
        self._first_drawn &= self._answers.keys()

    async def wait_for(self, query: str, timeout: float = 30.0) -> float:
        """When ``query``'s answer was painted (waiting for it if needed)."""
        if query not in self.painted:
            self._wanted = (query, asyncio.Event())
            try:
                await asyncio.wait_for(self._wanted[1].wait(), timeout)
            finally:
                self._wanted = None
        return self.painted[query]


class FullCollections:
    """The pauses of Python's full garbage collections (any thread's) while it runs."""

    def __init__(self) -> None:
        import gc

        self.pauses: list[float] = []
        self._started = 0.0
        gc.callbacks.append(self._note)

    def _note(self, phase: str, info: dict[str, int]) -> None:
        if info["generation"] == 2:
            if phase == "start":
                self._started = time.perf_counter()
            else:
                self.pauses.append(time.perf_counter() - self._started)

    def stop(self) -> None:
        """Stop noting."""
        import gc

        gc.callbacks.remove(self._note)


async def keystrokes(archive: Path, index_dir: Path, queries: list[str]) -> dict[str, object]:
    """Type every query key by key; time each key press to the end of the refresh that drew
    its answer (its headlines, or its error on the status line)."""
    from tui.app import NewsdeskApp
    from tui.config import Config

    app = NewsdeskApp(archive, index_dir, Config(), show_timings=False, settle_memory=True)
    clock = PaintClock(app)
    every: list[float] = []
    last: list[float] = []
    last_searched: list[float] = []
    searched: list[float] = []  # the backend's own time for each key (0 for a parse error)
    after_answer: list[float] = []  # from the worker posting the answer to its paint
    async with app.run_test(size=(120, 36), message_hook=clock.posted) as pilot:
        main = app.main
        while (
            main.headlines.total == 0
            or not main.status_bar.watcher.checked
            or busy(app)
            or not app.settled  # (as the command, once the reader first pauses)
        ):
            await pilot.pause(0.05)
        collections = FullCollections()  # (from the first key on)
        for query in queries:
            if main.search_input.value:  # (an empty bar is searched for anew)
                clock.forget(main.result)
                main.search_input.value = ""
                await clock.wait_for("")
            await pilot.press("slash")
            for position, char in enumerate(query):
                clock.forget(main.result)
                pressed = time.perf_counter()
                await pilot.press("space" if char == " " else char)
                text = main.search_input.value
                answered = await clock.wait_for(text)
                every.append(answered - pressed)
                after_answer.append(answered - clock.answer_posted.get(text, answered))
                result = main.result
                fresh = result is not None and result.request.query == text
                searched.append(result.seconds if fresh and result is not None else 0.0)
                if position == len(query) - 1:
                    last.append(answered - pressed)
                    last_searched.append(searched[-1])
            await pilot.press("escape")
        rss = max_rss_mb()
    collections.stop()
    clock.stop()
    return {
        "every": every,
        "last": last,
        "last_searched": last_searched,
        "full_collections": collections.pauses,
        "searched": searched,
        "after_answer": after_answer,
        "stale": clock.stale,
        "rss_mb": rss,
    }


KEY_NAMES = {" ": "space", '"': "quotation_mark"}
"""Keys whose names are not the character they type."""


async def typed_at_pace(
    archive: Path, index_dir: Path, queries: list[str], pace: float
) -> dict[str, object]:
    """Type each query with a key every ``pace`` seconds, not waiting for any results (as a
    typist does); time its last key to the end of the refresh that drew its answer.

    Also counts the answers drawn for a query already typed past, and the searches run.
    """
    from textual import events

    from tui.app import NewsdeskApp
    from tui.config import Config

    app = NewsdeskApp(archive, index_dir, Config(), show_timings=False, settle_memory=True)
    clock = PaintClock(app)
    last: list[float] = []
    keys = searched = 0
    async with app.run_test(size=(120, 36), message_hook=clock.posted) as pilot:
        main = app.main
        while (
            main.headlines.total == 0
            or not main.status_bar.watcher.checked
            or busy(app)
            or not app.settled
        ):
            await pilot.pause(0.05)
        for query in queries:
            if main.search_input.value:
                clock.forget(main.result)
                main.search_input.value = ""
                await clock.wait_for("")
            await pilot.press("slash")
            clock.forget(main.result)
            started = time.perf_counter()
            for position, char in enumerate(query):
                # Straight to the app, as a terminal's keys come: a pilot's press would wait
                # for the app to be idle, and so for the search running.
                await asyncio.sleep(max(0.0, started + position * pace - time.perf_counter()))
                pressed = time.perf_counter()
                app.post_message(events.Key(KEY_NAMES.get(char, char), char))
            keys += len(query)
            last.append(await clock.wait_for(query) - pressed)
            searched += len(clock.answer_posted)
            await pilot.press("escape")
    clock.stop()
    return {"last": last, "stale": clock.stale, "keys": keys, "searched": searched}


# -- the first build: the app against `newsdesk index` ---------------------------------------


def first_build_app_child(archive: str) -> None:
    """Open the app (headless) on an archive with no index; print when its build was done."""
    started = time.perf_counter()

    async def run() -> float:
        from tui.app import NewsdeskApp
        from tui.config import Config
        from tui.messages import IndexUpdated

        built: list[float] = []
        done = asyncio.Event()  # waited on, not polled: polling would cost CPU of its own

        def hook(message: object) -> None:
            if isinstance(message, IndexUpdated) and message.status.articles:
                built.append(time.perf_counter())
                done.set()

        app = NewsdeskApp(Path(archive), None, Config(), show_timings=False, settle_memory=True)
        async with app.run_test(size=(120, 40), message_hook=hook):
            await done.wait()
        return built[0] - started

    print(json.dumps({"build_s": asyncio.run(run())}))


def children_cpu() -> float:
    """CPU seconds (user and system) of every child process ended so far, theirs included."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def first_builds(archive: Path, runs: int) -> tuple[list[float], list[float], dict[str, float]]:
    """Build ``archive``'s index from nothing ``runs`` times each way, taking turns: the app
    (spawn to the build's end, imports included) and ``newsdesk index`` (wall time). Also the
    CPU seconds each way spent in all (on a busy machine steadier than the wall time)."""
    import tempfile

    app_s: list[float] = []
    cli_s: list[float] = []
    cpu = {"app": 0.0, "cli": 0.0}
    for _ in range(runs):
        for way in ("app", "cli"):
            with tempfile.TemporaryDirectory() as home:
                env = {**os.environ, "XDG_DATA_HOME": home, "XDG_CONFIG_HOME": home}
                cpu_before = children_cpu()
                started = time.perf_counter()
                if way == "cli":
                    command = [sys.executable, "-m", "tui.cli", "index", str(archive)]
                    subprocess.run(command, env=env, check=True, capture_output=True)
                    cli_s.append(time.perf_counter() - started)
                else:
                    command = [sys.executable, __file__, _BUILD_CHILD, str(archive)]
                    out = subprocess.run(command, env=env, check=True, capture_output=True)
                    app_s.append(json.loads(out.stdout.decode().splitlines()[-1])["build_s"])
                cpu[way] += (children_cpu() - cpu_before) / runs
    return app_s, cli_s, cpu


def poll_cost(archive: Path) -> float:
    """Seconds one poll of the archive folder takes (what the app does in the background)."""
    from tui.watcher import archive_fingerprint

    started = time.perf_counter()
    archive_fingerprint(archive, lambda: False)
    return time.perf_counter() - started


def main() -> int:
    """Prepare the archive, measure, print."""
    if len(sys.argv) == 4 and sys.argv[1] == _CHILD:
        cold_start_child(sys.argv[2], sys.argv[3])
        return 0
    if len(sys.argv) == 3 and sys.argv[1] == _BUILD_CHILD:
        first_build_app_child(sys.argv[2])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=100_000, help="articles (100000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cache", help="cache folder (default: $XDG_CACHE_HOME/newsdesk-bench)")
    parser.add_argument("--runs", type=int, default=5, help="cold starts (5; 0: none)")
    parser.add_argument("--queries", type=int, default=50, help="typed queries (50)")
    parser.add_argument(
        "--pace",
        type=float,
        default=0.0,
        metavar="MS",
        help="also type the queries with a key every MS ms, not waiting for results",
    )
    parser.add_argument(
        "--first-build",
        metavar="ARCHIVE",
        help="only compare a first build of ARCHIVE in the app with `newsdesk index`",
    )
    args = parser.parse_args()
    if args.first_build:
        app_s, cli_s, cpu = first_builds(Path(args.first_build).resolve(), args.runs)
        print(f"first build of {args.first_build} ({args.runs} runs each, taking turns)")
        print(f"  app (spawn -> built): median {statistics.median(app_s):.1f} s  "
              f"{' '.join(f'{t:.1f}' for t in app_s)}")  # fmt: skip
        print(f"  newsdesk index:       median {statistics.median(cli_s):.1f} s  "
              f"{' '.join(f'{t:.1f}' for t in cli_s)}")  # fmt: skip
        print(f"  CPU per build, all processes: app {cpu['app']:.1f} s, "
              f"newsdesk index {cpu['cli']:.1f} s")  # fmt: skip
        return 0

    archive, index_dir = prepare(cache_root(args.cache), args.n, args.seed)
    os.environ.setdefault("XDG_DATA_HOME", str(cache_root(args.cache) / "xdg-data"))
    os.environ.setdefault("XDG_CONFIG_HOME", str(cache_root(args.cache) / "xdg-config"))

    if args.runs:  # (--runs 0: keystrokes only)
        starts = cold_starts(archive, index_dir, args.runs)
        walls = [run["process_s"] for run in starts]
        paints = [run["first_paint_s"] for run in starts]
        print(f"\ncold start to first painted headlines ({args.runs} runs, {args.n:,} articles)")
        print(f"  process spawn -> paint: median {statistics.median(walls):.3f} s, "
              f"min {min(walls):.3f} s, max {max(walls):.3f} s  (target < 1.5 s)")  # fmt: skip
        imports = statistics.median(run["import_s"] for run in starts)
        print(f"  of which imports:      median {imports:.3f} s")
        print(f"  interpreter -> paint:  median {statistics.median(paints):.3f} s")
        syncs = [run["background_sync_s"] for run in starts]
        print(f"  background index check done after {statistics.median(syncs):.2f} s (median)")
        print(f"  peak memory after start and check: {max(r['rss_mb'] for r in starts):.0f} MB")

    queries = typed_queries(args.queries, args.seed)
    typed = asyncio.run(keystrokes(archive, index_dir, queries))
    every = [1000 * s for s in typed["every"]]  # type: ignore[attr-defined]
    last = [1000 * s for s in typed["last"]]  # type: ignore[attr-defined]
    print(f"\nkeystroke -> repainted results ({len(queries)} queries, {len(every)} keys)")
    print(f"  every key:  median {statistics.median(every):.1f} ms, "
          f"p95 {percentile(every, 0.95):.1f} ms, max {max(every):.1f} ms  "
          "(target p95 < 100 ms)")  # fmt: skip
    print(f"  last key:   median {statistics.median(last):.1f} ms, "
          f"p95 {percentile(last, 0.95):.1f} ms")  # fmt: skip
    searched = [1000 * s for s in typed["searched"]]  # type: ignore[attr-defined]
    overhead = [total - search for total, search in zip(every, searched, strict=True)]
    print(f"  of which the backend's search: median {statistics.median(searched):.1f} ms, "
          f"p95 {percentile(searched, 0.95):.1f} ms")  # fmt: skip
    print(f"  the app's own part:            median {statistics.median(overhead):.1f} ms, "
          f"p95 {percentile(overhead, 0.95):.1f} ms")  # fmt: skip
    for number, kind in enumerate(QUERY_KINDS):
        kind_last = last[number :: len(QUERY_KINDS)]
        print(f"  last key, {kind:<15} median {statistics.median(kind_last):6.1f} ms, "
              f"max {max(kind_last):6.1f} ms")  # fmt: skip
    last_searched = [1000 * s for s in typed["last_searched"]]  # type: ignore[attr-defined]
    slowest = sorted(zip(last, last_searched, queries, strict=True), reverse=True)[:4]
    described = (
        f"{query} {total:.0f} ms ({search:.0f} searching)" for total, search, query in slowest
    )
    print("  slowest last keys: " + ", ".join(described))
    pauses = [1000 * s for s in typed["full_collections"]]  # type: ignore[attr-defined]
    print(f"  full garbage collections while typing: {len(pauses)}", end="")
    print(f", longest {max(pauses):.0f} ms, {sum(pauses):.0f} ms in all" if pauses else "")
    after = [1000 * s for s in typed["after_answer"]]  # type: ignore[attr-defined]
    print(f"  answer posted -> painted:      median {statistics.median(after):.1f} ms, "
          f"p95 {percentile(after, 0.95):.1f} ms")  # fmt: skip
    print(f"  answers drawn after their query was typed past: {typed['stale']}")
    print(f"  peak memory of the app process: {typed['rss_mb']:.0f} MB  (target < 300 MB)")
    if args.pace:
        paced = asyncio.run(typed_at_pace(archive, index_dir, queries, args.pace / 1000))
        at_pace = [1000 * s for s in paced["last"]]  # type: ignore[attr-defined]
        print(f"\ntyped at a key every {args.pace:.0f} ms, not waiting for results")
        print(f"  last key -> its results: median {statistics.median(at_pace):.1f} ms, "
              f"p95 {percentile(at_pace, 0.95):.1f} ms, max {max(at_pace):.1f} ms")  # fmt: skip
        print(f"  searches run: {paced['searched']} for {paced['keys']} keys; answers drawn "
              f"after their query was typed past: {paced['stale']}")  # fmt: skip
    print(f"\none poll of the archive folder: {poll_cost(archive):.2f} s "
          "(the app waits at least 20x that between polls)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
