"""Indexing throughput: newsdesk's full pipeline beside bare Whoosh, one core and two.

    python bench/index_bench.py [-n 20000] [--repeat 3] [--seed 1]

Generates (once, cached) a deterministic synthetic archive with bench/synth.py, then times in
fresh processes:

* pipeline, 1 process: read + parse + quotes + index (``newsdesk index --procs 1``);
* pipeline, 2 processes;
* bare Whoosh, 1 process: the same files read as title + body into a default
  ``StemmingAnalyzer`` schema;
* bare Whoosh, 2 processes (``writer(procs=2, multisegment=True)``).

Prints each trial, then medians in articles/second, the ratios the targets are stated in, and
the peak memory (resident memory of the parent and its workers together).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
DEFAULT_CACHE = Path(tempfile.gettempdir()) / "newsdesk-bench"
sys.path.insert(0, str(BENCH.parent))


def synthetic_archive(n: int, seed: int, cache: Path) -> Path:
    """The synthetic archive of ``n`` articles, generated once into ``cache``."""
    sys.path.insert(0, str(BENCH))
    import synth

    target = cache / f"synth-v{synth.VERSION}-{n}-{seed}"
    marker = target / ".complete"
    if not marker.exists():
        if target.exists():
            shutil.rmtree(target)

        started = time.perf_counter()
        synth.generate(target, n=n, seed=seed)
        marker.write_text("ok")
        print(f"generated {n:,} articles in {time.perf_counter() - started:.1f} s -> {target}")
    return target


def count_articles(archive: Path) -> int:
    """Articles in the archive (JSON Lines files hold many)."""
    total = 0
    for path in archive.rglob("*"):
        if path.suffix == ".jsonl":
            with path.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
        elif path.suffix in {".txt", ".md"}:
            total += 1
    return total


def peak_rss_mb() -> float:
    """Largest resident set of this process or any finished child, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


class TreeMemory:
    """Samples the summed resident memory of this process and its children (Linux /proc).

    Workers run at the same time, so the honest peak of a parallel build is the peak of the
    sum, not the largest single process.
    """

    def __init__(self, interval: float = 0.1) -> None:
        self.interval = interval
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_mb = max(self.peak_mb, _tree_rss_mb(os.getpid()))
            self._stop.wait(self.interval)


def _tree_rss_mb(pid: int) -> float:
    total = 0
    pids = [pid]
    while pids:
        current = pids.pop()
        try:
            with open(f"/proc/{current}/statm") as handle:
                total += int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            with open(f"/proc/{current}/task/{current}/children") as handle:
                pids.extend(int(child) for child in handle.read().split())
        except (OSError, ValueError):
            continue
    return total / 1e6


def trial_pipeline(archive: Path, procs: int) -> dict[str, float]:
    """One full build by the command users run, ``newsdesk index --procs N``, into a fresh
    index folder."""
    from index.engines import open_archive

    with tempfile.TemporaryDirectory() as tmp, TreeMemory() as memory:
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "tui.cli",
                "index",
                str(archive),
                "--index-dir",
                tmp,
                "--procs",
                str(procs),
            ],
            capture_output=True,
            check=True,
            cwd=BENCH.parent,
            env={**os.environ, "NEWSDESK_CONFIG": str(Path(tmp) / "none.yaml")},
        )
        seconds = time.perf_counter() - started
        backend = open_archive(archive, Path(tmp), create=False)
        articles = backend.status().articles
        backend.close()
    return {"seconds": seconds, "articles": articles, "peak_mb": memory.peak_mb}


def bare_documents(archive: Path):  # type: ignore[no-untyped-def]
    """(title, body) of each article, read plainly (what the bare engines index)."""
    for path in sorted(archive.rglob("*")):
        if path.suffix == ".jsonl":
            with path.open(encoding="utf-8") as handle:
                for line in handle:
                    if line.strip():
                        record = json.loads(line)
                        yield record.get("title", ""), record.get("body") or record.get("text", "")
        elif path.suffix in {".txt", ".md"}:
            text = path.read_text(encoding="utf-8", errors="replace").strip()
            title, _, body = text.partition("\n")
            yield title, body


def trial_bare(archive: Path, procs: int) -> dict[str, float]:
    """Bare Whoosh: title + body, default StemmingAnalyzer, nothing else."""
    from whoosh.analysis import StemmingAnalyzer
    from whoosh.fields import ID, TEXT, Schema
    from whoosh.index import create_in

    schema = Schema(
        id=ID(stored=True, unique=True),
        title=TEXT(analyzer=StemmingAnalyzer(), stored=True),
        body=TEXT(analyzer=StemmingAnalyzer()),
    )
    with tempfile.TemporaryDirectory() as tmp, TreeMemory() as memory:
        started = time.perf_counter()
        ix = create_in(tmp, schema)
        writer = ix.writer(procs=procs, multisegment=True) if procs > 1 else ix.writer()
        count = 0
        for count, (title, body) in enumerate(bare_documents(archive), start=1):
            writer.add_document(id=str(count), title=title, body=body)
        writer.commit()
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "articles": count, "peak_mb": memory.peak_mb}


def run_trial(kind: str, archive: Path, procs: int) -> dict[str, float]:
    """Run one trial in a fresh interpreter, so caches and memory start cold."""
    command = [sys.executable, __file__, "--trial", kind, "--procs", str(procs)]
    done = subprocess.run(
        [*command, "--archive", str(archive)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=20_000, help="articles (default 20,000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="trials per variant (default 3)")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--only", choices=["pipeline", "bare"], help="run one side only")
    parser.add_argument("--trial", choices=["pipeline", "bare"], help=argparse.SUPPRESS)
    parser.add_argument("--procs", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--archive", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.trial:
        trial = trial_pipeline if args.trial == "pipeline" else trial_bare
        print(json.dumps(trial(args.archive, args.procs)))
        return

    archive = synthetic_archive(args.n, args.seed, args.cache)
    articles = count_articles(archive)
    print(f"archive: {articles:,} articles in {archive} ({os.cpu_count()} cores)")
    variants = [("pipeline", 1), ("pipeline", 2), ("bare", 1), ("bare", 2)]
    if args.only:
        variants = [v for v in variants if v[0] == args.only]
    medians: dict[tuple[str, int], float] = {}
    for kind, procs in variants:
        rates, peaks = [], []
        for attempt in range(1, args.repeat + 1):
            result = run_trial(kind, archive, procs)
            rate = result["articles"] / result["seconds"]
            rates.append(rate)
            peaks.append(result["peak_mb"])
            print(
                f"  {kind:8} procs={procs} trial {attempt}: {result['seconds']:7.1f} s "
                f"{rate:7.0f} articles/s  peak {result['peak_mb']:.0f} MB"
            )
        medians[(kind, procs)] = statistics.median(rates)
        print(
            f"{kind:8} procs={procs}: median {medians[(kind, procs)]:.0f} articles/s, "
            f"peak memory {max(peaks):.0f} MB"
        )
    if len(medians) == 4:
        bare = medians[("bare", 1)]
        print()
        one, two = medians[("pipeline", 1)] / bare, medians[("pipeline", 2)] / bare
        print(f"pipeline 1 proc / bare 1 proc:  {one:.2f}x (target >= 1.0)")
        print(f"pipeline 2 procs / bare 1 proc: {two:.2f}x (target >= 1.6)")
        print(f"bare 2 procs / bare 1 proc:     {medians[('bare', 2)] / bare:.2f}x")


if __name__ == "__main__":
    main()
