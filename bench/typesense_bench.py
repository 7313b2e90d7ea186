"""The same archive on the local index, one Typesense node and a 3-node cluster.

    python bench/typesense_bench.py [--size 100000] [--queries 40] [--engines local,node,cluster]

On a deterministic synthetic archive (bench/synth.py, cached), for each engine:

* full build: our pipeline (read and annotate, 2 worker processes) into the engine, wall time;
* server memory: each node's RSS after the build, and per 100k articles;
* cold start: a fresh process importing newsdesk, opening the archive, first result;
* latency median and p95 per query kind (the kinds and queries of bench/search_bench.py,
  drawn once from the local index and run unchanged on every engine), top 20 with snippets.

Every server started here is stopped at the end, whatever happens. Needs the ``cluster``
extra (``pip install -e '.[cluster]'``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from index_bench import synthetic_archive  # noqa: E402
from search_bench import latency, make_queries  # noqa: E402

from index.api.backend import Backend  # noqa: E402
from index.api.errors import QueryError  # noqa: E402
from index.engines import open_archive  # noqa: E402
from index.engines.typesense import server  # noqa: E402
from index.engines.typesense.settings import API_KEY_ENV  # noqa: E402

COLD_SCRIPT = """
import sys, time
started = time.perf_counter()
from pathlib import Path
from index.engines import open_archive
from index.api.records import SearchRequest
url = sys.argv[3] if sys.argv[3] != "local" else None
backend = open_archive(Path(sys.argv[1]), Path(sys.argv[2]), create=False, backend=url)
result = backend.search(SearchRequest(sys.argv[4], limit=20))
print(time.perf_counter() - started, result.total)
"""


def rss_mb(pid: int) -> float:
    """Resident memory of a process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cold_start(archive: Path, index_dir: Path, url: str, word: str, env: dict[str, str]) -> float:
    """Median seconds from a fresh process's first import to its first result (5 runs)."""
    runs = []
    for _ in range(5):
        done = subprocess.run(
            [sys.executable, "-c", COLD_SCRIPT, str(archive), str(index_dir), url, word],
            capture_output=True, text=True, check=True, cwd=BENCH.parent, env=env,
        )  # fmt: skip
        runs.append(float(done.stdout.split()[0]))
    return statistics.median(runs)


def safe_latency(backend: Backend, queries: dict[str, list[str]]) -> None:
    """Print latency per kind; queries an engine refuses are left out and counted."""
    kept: dict[str, list[str]] = {}
    refused: dict[str, int] = {}
    from index.api.records import SearchRequest

    for kind, texts in queries.items():
        for text in texts:
            try:
                backend.search(SearchRequest(text, limit=1, snippets=False))
            except QueryError:
                refused[kind] = refused.get(kind, 0) + 1
                continue
            kept.setdefault(kind, []).append(text)
    print(f"  {'kind':8} {'median ms':>10} {'p95 ms':>8} {'hits':>8}")
    for kind, (median, p95, hits) in latency(backend, kept).items():
        note = f"  ({refused[kind]} refused)" if kind in refused else ""
        print(f"  {kind:8} {median:10.1f} {p95:8.1f} {hits:8}{note}")


def run_engine(
    name: str, url: str, archive: Path, work: Path, queries: dict[str, list[str]] | None,
    env: dict[str, str], pids: list[int],
) -> dict[str, list[str]]:  # fmt: skip
    """Build, measure and search one engine; the queries (drawn from the local index)."""
    index_dir = work / name
    backend = open_archive(
        archive, index_dir, backend=None if url == "local" else url, environ=env, procs=2
    )
    started = time.perf_counter()
    report = backend.update()
    seconds = time.perf_counter() - started
    articles = backend.status().articles
    deadline = time.monotonic() + 30  # followers apply the last writes a moment later
    while articles < report.added and time.monotonic() < deadline:
        time.sleep(0.2)
        articles = backend.status().articles
    print(f"\n== {name}: {articles:,} articles ({report.added:,} files) ==")
    print(f"  full build: {seconds:.1f} s ({articles / seconds:.0f} articles/s)")
    if pids:
        memory = [rss_mb(pid) for pid in pids]
        per = [m * 100_000 / articles for m in memory]
        print(
            "  server RSS after build: "
            + ", ".join(f"{m:.0f} MB" for m in memory)
            + f" per node; {min(per):.0f}-{max(per):.0f} MB per 100k articles"
        )
    if queries is None:
        queries = make_queries(_Sampled(backend), archive, QUERIES, 1)
    cold = cold_start(archive, index_dir, url, queries["term"][0], env)
    print(f"  cold start to first result: {cold * 1000:.0f} ms")
    safe_latency(backend, queries)
    backend.close()
    return queries


QUERIES = 40


class _Sampled:
    """The local backend as search_bench.make_queries reads it (its searcher as ``_searcher``;
    the engine now keeps it in a view per index generation)."""

    def __init__(self, backend: Backend) -> None:
        self._backend = backend
        self._searcher = backend._view.searcher  # type: ignore[attr-defined]

    def __getattr__(self, name: str) -> object:
        return getattr(self._backend, name)


def main() -> None:
    global QUERIES
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100_000, help="articles (default 100000)")
    parser.add_argument("--queries", type=int, default=40, help="queries per kind (default 40)")
    parser.add_argument("--engines", default="local,node,cluster")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "newsdesk-bench"
    )
    args = parser.parse_args()
    QUERIES = args.queries
    archive = synthetic_archive(args.size, args.seed, args.cache)
    engines = args.engines.split(",")
    with tempfile.TemporaryDirectory(prefix="typesense-bench-") as tmp:
        work = Path(tmp)
        started: list[Path] = []
        try:
            # The local index first: it draws the queries every engine runs.
            queries = run_engine("local", "local", archive, work, None, dict(os.environ), [])
            for name in ("node", "cluster"):
                if name not in engines:
                    continue
                folder = work / f"{name}-servers"
                cluster = server.start_cluster(folder, 1 if name == "node" else 3)
                started.append(folder)
                key = server.admin_key(cluster)
                env = {**os.environ, API_KEY_ENV: key.reveal()}
                pids = [pid for n in cluster.nodes if (pid := server.node_pid(cluster, n))]
                url = cluster.backend_url + "?collection=bench"
                run_engine(name, url, archive, work, queries, env, pids)
                server.stop_cluster(folder)
                started.remove(folder)
        finally:
            for folder in started:
                server.stop_cluster(folder)


if __name__ == "__main__":
    main()
