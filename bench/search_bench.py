"""Search at scale: build time, incremental update, index size, cold open, latency per query kind.

    python bench/search_bench.py [--sizes 20000,100000] [--queries 40]

For each size, on a deterministic synthetic archive (bench/synth.py, cached):

* full build (both cores) and its peak memory;
* incremental update after 100 files changed;
* index size on disk;
* cold open to first result, in a fresh process;
* latency median and p95 per query kind, each with snippets for the top 20 hits: term,
  AND, phrase, field, date range (with a term), prefix, fuzzy, and term with facets; then
  "common": two of the archive's most frequent words ANDed, with facets (the worst case);
* opening an article as the app does (the article with its quotes), median and p95.

Targets at 100k (issue 5): full build < 180 s, 100-file update < 2 s, cold open < 0.5 s,
every kind p95 < 100 ms. Timings are medians of what this noisy 2-core machine gives.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from index_bench import peak_rss_mb, synthetic_archive  # noqa: E402

KINDS = ("term", "and", "phrase", "field", "date", "prefix", "fuzzy", "facets", "common")


def folder_size(path: Path) -> int:
    """Bytes of every file under ``path``."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def make_queries(backend: object, archive: Path, count: int, seed: int) -> dict[str, list[str]]:
    """Realistic queries per kind, drawn from the archive's own words and articles.

    People search for content words, so most kinds draw words found in 0.1%-10% of the
    articles; the ``common`` kind ANDs two of the most frequent words (in a third or more of
    all articles) to show the worst case.
    """
    from index.api.records import SearchRequest

    rng = random.Random(seed)
    reader = backend._view.searcher.reader()  # type: ignore[attr-defined]
    docs = reader.doc_count()
    terms = []
    for term, info in reader.iter_field("body"):
        word = term.decode() if isinstance(term, bytes) else term
        if word.isalpha() and len(word) > 3:
            terms.append((info.doc_frequency(), word))
    terms.sort(reverse=True)
    content = [w for df, w in terms if docs * 0.001 <= df <= docs * 0.10]
    common = [w for df, w in terms[:60]]
    articles = [
        backend.article(hit.id)  # type: ignore[attr-defined]
        for hit in backend.search(  # type: ignore[attr-defined]
            SearchRequest("", limit=400, snippets=False)
        ).hits[::8]
    ]
    bodies = [a.body.split() for a in articles if len(a.body.split()) > 20]
    speakers = [s.name for s in backend.speakers(limit=200)]  # type: ignore[attr-defined]
    sources = sorted({a.source for a in articles if a.source})

    def phrase() -> str:
        for _ in range(200):
            text = rng.choice(bodies)
            start = rng.randrange(len(text) - 3)
            pair = [w.strip(".,;:\"'()") for w in text[start : start + 2]]
            if all(len(w) > 3 and w.isalpha() for w in pair):
                return '"' + " ".join(pair) + '"'
        return '"' + rng.choice(content) + '"'

    def typo(word: str) -> str:
        i = rng.randrange(1, len(word) - 1)
        return word[:i] + word[i + 1 :] + "~"

    queries: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for _ in range(count):
        queries["term"].append(rng.choice(content))
        queries["and"].append(f"{rng.choice(content)} {rng.choice(content)}")
        queries["phrase"].append(phrase())
        queries["field"].append(
            rng.choice(
                [
                    f"title:{rng.choice(content)}",
                    f'speaker:"{rng.choice(speakers)}"' if speakers else "title:news",
                    f"source:{rng.choice(sources).split('.')[0]}" if sources else "source:x",
                ]
            )
        )
        year = rng.randrange(2011, 2025)
        queries["date"].append(f"{rng.choice(content)} date:[{year}-01 TO {year + 1}-06]")
        queries["prefix"].append(rng.choice(content)[: rng.randrange(3, 6)] + "*")
        queries["fuzzy"].append(typo(rng.choice(content)))
        queries["facets"].append(rng.choice(content))
        queries["common"].append(f"{rng.choice(common)} {rng.choice(common)}")
    return queries


def latency(backend: object, queries: dict[str, list[str]]) -> dict[str, tuple[float, float, int]]:
    """(median ms, p95 ms, median total hits) per query kind."""
    from index.api.records import SearchRequest

    results = {}
    for kind, texts in queries.items():
        times, totals = [], []
        for text in texts:
            request = SearchRequest(
                text, limit=20, snippets=True, facets=kind in ("facets", "common")
            )
            started = time.perf_counter()
            result = backend.search(request)  # type: ignore[attr-defined]
            times.append((time.perf_counter() - started) * 1000)
            totals.append(result.total)
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        results[kind] = (statistics.median(times), p95, int(statistics.median(totals)))
    return results


def opening(backend: object, ids: list[str]) -> tuple[float, float]:
    """(median ms, p95 ms) of opening each article of ``ids``: text, metadata and quotes."""
    times = []
    for ref in ids:
        started = time.perf_counter()
        backend.article(ref)  # type: ignore[attr-defined]
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]


COLD_SCRIPT = """
import sys, time
started = time.perf_counter()
from pathlib import Path
from index.engines import open_archive
from index.api.records import SearchRequest
backend = open_archive(Path(sys.argv[1]), Path(sys.argv[2]), create=False)
opened = time.perf_counter()
result = backend.search(SearchRequest(sys.argv[3], limit=20))
done = time.perf_counter()
print(opened - started, done - started, result.total)
"""


def cold_open(archive: Path, index_dir: Path, word: str, runs: int = 5) -> tuple[float, float]:
    """Median seconds from a fresh process's first import to the open index and first result."""
    opens, firsts = [], []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", COLD_SCRIPT, str(archive), str(index_dir), word],
            capture_output=True,
            text=True,
            check=True,
            cwd=BENCH.parent,
        )
        opened, first, _ = done.stdout.split()
        opens.append(float(opened))
        firsts.append(float(first))
    return statistics.median(opens), statistics.median(firsts)


BUILD_SCRIPT = """
import json, sys, time
sys.path.insert(0, sys.argv[3])
from pathlib import Path
from index.engines.whoosh.build import update_index
from index_bench import TreeMemory
with TreeMemory() as memory:
    started = time.perf_counter()
    report = update_index(Path(sys.argv[1]), Path(sys.argv[2]))
    seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "added": report.added,
                  "updated": report.updated, "peak_mb": memory.peak_mb}))
"""


def build(archive: Path, index_dir: Path) -> dict[str, float]:
    """Run an index update in a fresh process; its seconds, counts and peak memory."""
    done = subprocess.run(
        [sys.executable, "-c", BUILD_SCRIPT, str(archive), str(index_dir), str(BENCH)],
        capture_output=True,
        text=True,
        check=True,
        cwd=BENCH.parent,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def bench_size(n: int, args: argparse.Namespace) -> None:
    """Every measurement for one archive size."""
    import synth

    from index.engines import open_archive

    archive = synthetic_archive(n, args.seed, args.cache)
    with tempfile.TemporaryDirectory() as tmp:
        index_dir = Path(tmp) / "ix"
        full = build(archive, index_dir)
        print(f"\n== {n:,} articles ==")
        rate = full["added"] / full["seconds"]
        print(
            f"full build: {full['seconds']:.1f} s ({rate:.0f} articles/s),"
            f" peak memory {full['peak_mb']:.0f} MB"
        )
        size = folder_size(index_dir)
        ratio = size / max(1, folder_size(archive))
        print(f"index size: {size / 1e6:.0f} MB ({ratio:.2f}x the archive)")
        changed = synth.touch_changed(archive, 100, seed=args.seed + 7)
        incremental = build(archive, index_dir)
        print(f"incremental update, {len(changed)} files changed: {incremental['seconds']:.2f} s")
        backend = open_archive(archive, index_dir, create=False)
        queries = make_queries(backend, archive, args.queries, args.seed)
        opened, first = cold_open(archive, index_dir, queries["term"][0])
        print(f"cold open: {opened * 1000:.0f} ms to an open index,", end=" ")
        print(f"{first * 1000:.0f} ms to first result")
        print(f"{'kind':8} {'median ms':>10} {'p95 ms':>8} {'hits':>8}  example")
        for kind, (median, p95, hits) in latency(backend, queries).items():
            print(f"{kind:8} {median:10.1f} {p95:8.1f} {hits:8}  {queries[kind][0]}")
        from index.api.records import SearchRequest

        newest = SearchRequest("", limit=400, snippets=False)
        hits = backend.search(newest).hits  # type: ignore[attr-defined]
        median, p95 = opening(backend, [hit.id for hit in hits[3::7]])
        print(f"open article (with its quotes): median {median:.1f} ms, p95 {p95:.1f} ms")
        print(f"search process peak memory: {peak_rss_mb():.0f} MB")
        backend.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="20000,100000", help="comma-separated archive sizes")
    parser.add_argument("--queries", type=int, default=40, help="queries per kind (default 40)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "newsdesk-bench"
    )
    args = parser.parse_args()
    for size in (int(s) for s in args.sizes.split(",")):
        bench_size(size, args)


if __name__ == "__main__":
    main()
