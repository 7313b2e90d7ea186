"""Ranking speed and results on an index already built, per query kind.

    python bench/rank_bench.py ARCHIVE INDEX_DIR [--queries 40] [--kinds phrase,...]
                               [--facets] [--dump results.json]

Queries are drawn as ``compare.py`` draws them (term, and, phrase, phrase-common, common),
plus ``word``: one of the archive's most frequent words alone, and ``or``: two of them
ORed, and ``phrase-run``: two words running in an article, as ``search_bench.py`` draws its
phrases. Each search asks for the first 20 hits with snippets (facets for ``common`` and
``word``, or for every kind with ``--facets``), as the comparison does. ``--dump`` writes
every query's first pages as JSON (ids and scores of hits 1-20, of 101-200, and of 1-20
within the largest source, section or year, or without the 200 newest articles when there
are no facets; the total), so two versions of the code can be compared on the same index:
run each, diff the files.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

KINDS = ("term", "and", "phrase", "phrase-common", "phrase-run", "common", "word", "or")


def queries_of(backend: object, count: int, seed: int) -> dict[str, list[str]]:
    """Queries per kind (see the module's docstring)."""
    from compare import make_queries
    from search_bench import make_queries as runs_of

    drawn = make_queries(backend, count, seed)
    drawn["phrase-run"] = runs_of(backend, backend.archive, count, seed)["phrase"]  # type: ignore[attr-defined]
    reader = backend._view.searcher.reader()  # type: ignore[attr-defined]
    frequency = sorted(
        (info.doc_frequency(), term.decode())
        for term, info in reader.iter_field("body")
        if term.decode().isalpha() and len(term) > 3
    )
    common = [w for _, w in frequency[-60:]]
    rng = random.Random(seed + 1)
    drawn["word"] = [rng.choice(common) for _ in range(count)]
    drawn["or"] = [f"{rng.choice(common)} OR {rng.choice(common)}" for _ in range(count)]
    return {kind: drawn[kind] for kind in KINDS}


def _median_p95(times: list[float], width: int = 7) -> str:
    ordered = sorted(times)
    p95 = ordered[round(0.95 * (len(ordered) - 1))]
    return f"{statistics.median(ordered):{width}.1f} {p95:{width}.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("archive", type=Path)
    parser.add_argument("index_dir", type=Path)
    parser.add_argument("--queries", type=int, default=40, help="queries per kind")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--kinds", help="comma-separated kinds to run (default: all)")
    parser.add_argument("--facets", action="store_true", help="facets for every kind")
    parser.add_argument("--dump", type=Path, help="write each query's first pages here")
    args = parser.parse_args()

    from index.api.records import Filter, SearchRequest
    from index.engines import open_archive

    backend = open_archive(args.archive, args.index_dir, create=False)
    queries = queries_of(backend, args.queries, args.seed)
    if args.kinds:
        queries = {kind: queries[kind] for kind in args.kinds.split(",")}
    print("milliseconds per search: wall clock, and this process's CPU time (steadier on a")
    print("busy machine), median and p95")
    columns = f"{'median':>7} {'p95':>7} {'cpu med':>8} {'cpu p95':>8} {'hits':>7}"
    print(f"{'kind':14} {columns}  example")
    for kind, texts in queries.items():
        times, cpu, totals = [], [], []
        for text in texts:
            facets = args.facets or kind in ("common", "word")
            request = SearchRequest(text, limit=20, snippets=True, facets=facets)
            started, used = time.perf_counter(), time.process_time()
            result = backend.search(request)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - used) * 1000)
            totals.append(result.total)
        hits = statistics.median(totals)
        print(f"{kind:14} {_median_p95(times)} {_median_p95(cpu, 8)} {hits:7.0f}  {texts[0]}")
    if args.dump:
        every = backend.search(SearchRequest("", limit=200, snippets=False, facets=True))
        narrower: dict[str, Any] = {"exclude_ids": frozenset(hit.id for hit in every.hits)}
        for field in ("source", "section", "year"):
            if every.facets.get(field):
                narrower = {"filters": (Filter(field, every.facets[field][0].value),)}
                break
        pages: dict[str, object] = {}
        for texts in queries.values():
            for text in texts:
                shown = []
                for offset, limit, narrow in ((0, 20, {}), (100, 100, {}), (0, 20, narrower)):
                    request = SearchRequest(
                        text, offset=offset, limit=limit, snippets=False, **narrow
                    )
                    result = backend.search(request)
                    shown.append([(hit.id, hit.score) for hit in result.hits])
                pages[text] = {"total": result.total, "pages": shown}
        args.dump.write_text(json.dumps(pages, indent=0, sort_keys=True))
        print(f"{len(pages)} queries' pages written to {args.dump}")
    backend.close()


if __name__ == "__main__":
    main()
