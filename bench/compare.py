"""newsdesk beside bare Whoosh, tantivy and SQLite FTS5 on the same articles, in one run.

    python bench/compare.py [--sizes 20000,100000] [--corpora synth,bbc] [--procs 2]
                            [--queries 40] [--cold 7] [--markdown FILE]

For each corpus and size, every engine indexes the same files and answers the same queries:

* newsdesk: the full pipeline (``newsdesk index --procs N``: read, quotes, index), searched
  through its Backend with snippets and facets, as the app and the CLI search;
* bare Whoosh: title + body with Whoosh's ``StemmingAnalyzer``, ``N`` processes, top 20;
* tantivy and SQLite FTS5 (the ceilings: compiled engines), title + body, top 20.

Corpora: ``synth`` (bench/synth.py, deterministic) and ``bbc`` (the BBC articles of
``--bbc`` copied round-robin to the size asked, built under the cache folder at bench
time and never kept in the project). Prints build time, CPU per article, index size,
latency median and p95 per query kind, the cold ``newsdesk search WORD --json`` (its quick
update check included), and ratios to newsdesk. ``--markdown`` writes the tables for the
README. tantivy is optional (``pip install tantivy``); without it its column is empty.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from index_bench import DEFAULT_CACHE, synthetic_archive  # noqa: E402
from index_bench import bare_documents as documents  # noqa: E402

ENGINES = ("newsdesk", "whoosh", "tantivy", "fts5")
SHARED_KINDS = ("term", "and", "phrase", "common", "phrase-common")
"""Query kinds every engine answers (the others use newsdesk's own syntax)."""
KINDS = (*SHARED_KINDS, "field", "date", "prefix", "fuzzy", "facets")
NEWSDESK = [sys.executable, "-m", "tui.cli"]


# -- archives ------------------------------------------------------------------------------


def bbc_archive(source: Path, n: int, cache: Path) -> Path:
    """``n`` articles copied round-robin from the BBC files under ``source`` (cached)."""
    target = cache / f"bbc-{n}"
    if (target / ".complete").exists():
        return target
    shutil.rmtree(target, ignore_errors=True)
    files = sorted(p for p in source.rglob("*.txt") if p.is_file())
    for i in range(n):
        original = files[i % len(files)]
        folder = target / original.parent.name / f"{i // 1000:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(original, folder / f"{i:06d}.txt")
    (target / ".complete").write_text("ok")
    return target


# -- builds --------------------------------------------------------------------------------


def timed(run: Callable[[], int]) -> dict[str, float]:
    """Wall and CPU seconds (this process and its children) of ``run``, and its count."""
    before = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    started = time.perf_counter()
    count = run()
    wall = time.perf_counter() - started
    after = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    cpu = sum(
        a.ru_utime + a.ru_stime - b.ru_utime - b.ru_stime
        for a, b in zip(after, before, strict=False)
    )
    return {"seconds": wall, "cpu": cpu, "count": count}


def build_newsdesk(archive: Path, folder: Path, procs: int) -> int:
    subprocess.run(
        [*NEWSDESK, "index", str(archive), "--index-dir", str(folder), "--procs", str(procs)],
        capture_output=True,
        check=True,
        cwd=BENCH.parent,
        env={**os.environ, "NEWSDESK_CONFIG": str(folder.parent / "none.yaml")},
    )
    from index.engines import open_archive

    backend = open_archive(archive, folder, create=False)
    count = backend.status().articles
    backend.close()
    return count


def build_whoosh(archive: Path, folder: Path, procs: int) -> int:
    script = f"""
import sys
sys.path.insert(0, {str(BENCH)!r})
from pathlib import Path
from compare import documents
from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import ID, TEXT, Schema
from whoosh.index import create_in
schema = Schema(id=ID(stored=True, unique=True), title=TEXT(analyzer=StemmingAnalyzer(),
                stored=True), body=TEXT(analyzer=StemmingAnalyzer()))
ix = create_in({str(folder)!r}, schema)
procs = {procs}
writer = ix.writer(procs=procs, multisegment=True) if procs > 1 else ix.writer()
count = 0
for count, (title, body) in enumerate(documents(Path({str(archive)!r})), start=1):
    writer.add_document(id=str(count), title=title, body=body)
writer.commit()
print(count)
"""
    folder.mkdir(parents=True)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(done.stderr[-2000:])
    return int(done.stdout.split()[-1])


def build_tantivy(archive: Path, folder: Path, procs: int) -> int:
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("title", stored=True, tokenizer_name="en_stem")
    builder.add_text_field("body", stored=False, tokenizer_name="en_stem")
    folder.mkdir(parents=True)
    index = tantivy.Index(builder.build(), path=str(folder))
    writer = index.writer(heap_size=256_000_000, num_threads=procs)
    count = 0
    for title, body in documents(archive):
        writer.add_document(tantivy.Document(title=title, body=body))
        count += 1
    writer.commit()
    writer.wait_merging_threads()
    return count


def build_fts5(archive: Path, folder: Path, procs: int) -> int:
    folder.mkdir(parents=True)
    db = sqlite3.connect(folder / "fts.db")
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='porter')")
    count = 0
    with db:
        for title, body in documents(archive):
            db.execute("INSERT INTO docs (title, body) VALUES (?, ?)", (title, body))
            count += 1
    db.close()
    return count


BUILDERS = {
    "newsdesk": build_newsdesk,
    "whoosh": build_whoosh,
    "tantivy": build_tantivy,
    "fts5": build_fts5,
}


# -- queries -------------------------------------------------------------------------------


def make_queries(backend: object, count: int, seed: int) -> dict[str, list[str]]:
    """Queries per kind, drawn from the archive's own words (newsdesk syntax).

    Content words are in 0.1%-10% of the articles; ``common`` ANDs two of the 60 most
    frequent words; ``phrase`` is two neighbouring content words of an article,
    ``phrase-common`` two neighbouring words of which at least one is among the 60.
    """
    from index.api.records import SearchRequest

    rng = random.Random(seed)
    reader = backend._view.searcher.reader()  # type: ignore[attr-defined]
    docs = reader.doc_count()
    frequency = []
    for term, info in reader.iter_field("body"):
        word = term.decode()
        if word.isalpha() and len(word) > 3:
            frequency.append((info.doc_frequency(), word))
    frequency.sort(reverse=True)
    content = [w for df, w in frequency if docs * 0.001 <= df <= docs * 0.10]
    common = [w for _, w in frequency[:60]]
    top = set(common)
    sample = backend.search(SearchRequest("", limit=400, snippets=False)).hits[::4]  # type: ignore[attr-defined]
    articles = [backend.article(hit.id) for hit in sample]  # type: ignore[attr-defined]
    analyzer = reader.schema["body"].analyzer
    pairs: list[tuple[str, str, bool]] = []
    for article in articles:
        words = [w for w in article.body.split()[:200] if w.isalpha() and len(w) > 3]
        for first, second in itertools.pairwise(words):
            stems = (analyzer.term(first), analyzer.term(second))
            if all(stems):
                pairs.append((first, second, bool(top & set(stems))))
    speakers = [s.name for s in backend.speakers(limit=200)]  # type: ignore[attr-defined]
    sources = sorted({a.source.split(".")[0] for a in articles if a.source})

    def phrase(with_common: bool) -> str:
        chosen = [p for p in pairs if p[2] == with_common] or pairs
        first, second, _ = rng.choice(chosen)
        return f'"{first} {second}"'

    queries: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for _ in range(count):
        queries["term"].append(rng.choice(content))
        queries["and"].append(f"{rng.choice(content)} {rng.choice(content)}")
        queries["phrase"].append(phrase(False))
        queries["phrase-common"].append(phrase(True))
        queries["common"].append(f"{rng.choice(common)} {rng.choice(common)}")
        fields = [f"title:{rng.choice(content)}"]
        fields += [f'speaker:"{rng.choice(speakers)}"'] if speakers else []
        fields += [f"source:{rng.choice(sources)}"] if sources else []
        queries["field"].append(rng.choice(fields))
        year = rng.randrange(2011, 2025)
        queries["date"].append(f"{rng.choice(content)} date:[{year}-01 TO {year + 1}-06]")
        queries["prefix"].append(rng.choice(content)[: rng.randrange(3, 6)] + "*")
        word = rng.choice(content)
        cut = rng.randrange(1, len(word) - 1)
        queries["fuzzy"].append(word[:cut] + word[cut + 1 :] + "~")
        queries["facets"].append(rng.choice(content))
    return queries


def percentiles(times: list[float]) -> tuple[float, float]:
    """(median, p95) of ``times``."""
    ordered = sorted(times)
    return statistics.median(ordered), ordered[round(0.95 * (len(ordered) - 1))]


def search_times(
    engine: str, folder: Path, queries: dict[str, list[str]]
) -> dict[str, list[float]]:
    """Milliseconds per query, by kind (bare engines: the kinds they share with newsdesk)."""
    search = _searcher(engine, folder)
    times: dict[str, list[float]] = {}
    for kind, texts in queries.items():
        if engine != "newsdesk" and kind not in SHARED_KINDS:
            continue
        times[kind] = []
        for text in texts:
            started = time.perf_counter()
            search(text, kind)
            times[kind].append((time.perf_counter() - started) * 1000)
    return times


def _searcher(engine: str, folder: Path) -> Callable[[str, str], object]:
    if engine == "newsdesk":
        from index.api.records import SearchRequest
        from index.engines import open_archive

        archive = Path(json.loads((folder.parent / "archive.json").read_text()))
        backend = open_archive(archive, folder, create=False)
        return lambda text, kind: backend.search(
            SearchRequest(text, limit=20, snippets=True, facets=kind in ("facets", "common"))
        )
    if engine == "whoosh":
        from whoosh.index import open_dir
        from whoosh.qparser import MultifieldParser

        ix = open_dir(str(folder))
        searcher = ix.searcher()
        parser = MultifieldParser(["title", "body"], ix.schema)
        return lambda text, kind: [
            h["title"] for h in searcher.search(parser.parse(text), limit=20)
        ]
    if engine == "tantivy":
        import tantivy

        index = tantivy.Index.open(str(folder))
        index.reload()
        tsearcher = index.searcher()

        def run(text: str, kind: str) -> object:
            if not text.startswith('"'):  # tantivy ORs words unless told
                text = " ".join(f"+{word}" for word in text.split())
            q = index.parse_query(text, ["title", "body"])
            return [tsearcher.doc(a)["title"] for _, a in tsearcher.search(q, 20).hits]

        return run
    db = sqlite3.connect(folder / "fts.db")

    def fts(text: str, kind: str) -> object:
        sql = "SELECT title FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 20"
        return db.execute(sql, (text.replace("~", ""),)).fetchall()

    return fts


def cold_search(archive: Path, folder: Path, word: str, runs: int) -> float:
    """Median seconds of ``newsdesk search WORD --json`` in a fresh process (update check on)."""
    command = [*NEWSDESK, "search", word, "--json", "--archive", str(archive)]
    command += ["--index-dir", str(folder)]
    env = {**os.environ, "NEWSDESK_CONFIG": str(folder.parent / "none.yaml")}
    seconds = []
    for _ in range(runs + 1):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, cwd=BENCH.parent, env=env)
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds[1:])  # the first run warms the file cache


def folder_size(path: Path) -> int:
    """Bytes of every file under ``path``."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


# -- one run -------------------------------------------------------------------------------


def bench(corpus: str, n: int, args: argparse.Namespace, work: Path) -> list[str]:
    """Every measurement for one corpus and size; returns the markdown rows."""
    if corpus == "synth":
        archive = synthetic_archive(n, args.seed, args.cache)
    else:
        archive = bbc_archive(args.bbc, n, args.cache)
    engines = [e for e in ENGINES if e != "tantivy" or _has_tantivy()]
    print(f"\n== {corpus}, {n:,} articles ({archive}) ==")
    builds: dict[str, dict[str, float]] = {}
    folders: dict[str, Path] = {}
    for engine in engines:
        folder = work / f"{corpus}-{n}" / engine
        folder.parent.mkdir(parents=True, exist_ok=True)
        (folder.parent / "archive.json").write_text(json.dumps(str(archive)))
        builds[engine] = timed(lambda e=engine, f=folder: BUILDERS[e](archive, f, args.procs))
        folders[engine] = folder
        print(f"  built {engine}: {builds[engine]['seconds']:.1f} s", flush=True)
    from index.engines import open_archive

    backend = open_archive(archive, folders["newsdesk"], create=False)
    queries = make_queries(backend, args.queries, args.seed)
    articles = int(builds["newsdesk"]["count"])
    backend.close()
    latency = {engine: search_times(engine, folders[engine], queries) for engine in engines}
    cold = cold_search(archive, folders["newsdesk"], queries["term"][0], args.cold)
    return report(corpus, n, articles, engines, builds, folders, latency, cold, args.procs)


def _has_tantivy() -> bool:
    try:
        import tantivy  # noqa: F401
    except ImportError:
        return False
    return True


def report(
    corpus: str,
    n: int,
    articles: int,
    engines: list[str],
    builds: dict[str, dict[str, float]],
    folders: dict[str, Path],
    latency: dict[str, dict[str, list[float]]],
    cold: float,
    procs: int,
) -> list[str]:
    """Print one corpus and size; return its markdown table rows."""
    rows = [f"| {corpus} {n // 1000}k | {'|'.join(f' {e} ' for e in engines)}|"]
    rows.append("|---|" + "---|" * len(engines))

    def row(label: str, cells: list[str]) -> None:
        rows.append(f"| {label} | " + " | ".join(cells) + " |")
        print(f"  {label:32} " + "".join(f"{c:>22}" for c in cells))

    print("  " + " " * 32 + "".join(f"{e:>22}" for e in engines))
    base = builds["newsdesk"]
    row(
        f"build, {procs} procs (s)",
        [
            f"{builds[e]['seconds']:.1f} ({base['seconds'] / builds[e]['seconds']:.2f}x)"
            for e in engines
        ],
    )
    row(
        "CPU per article (ms)",
        [f"{1000 * builds[e]['cpu'] / max(1, builds[e]['count']):.2f}" for e in engines],
    )
    sizes = {e: folder_size(folders[e]) for e in engines}
    row("index size (MB)", [f"{sizes[e] / 1e6:.0f}" for e in engines])
    for kind in KINDS:
        cells = []
        ours = percentiles(latency["newsdesk"][kind])
        for engine in engines:
            if kind not in latency[engine]:
                cells.append("")
                continue
            median, p95 = percentiles(latency[engine][kind])
            ratio = "" if engine == "newsdesk" else f" ({ours[1] / p95:.1f}x)"
            cells.append(f"{median:.1f} / {p95:.1f}{ratio}")
        row(f"{kind} median / p95 (ms)", cells)
    row("cold `search --json` (s)", [f"{cold:.2f}"] + [""] * (len(engines) - 1))
    print(f"  ({articles:,} articles indexed by newsdesk; ratios are newsdesk / engine)")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="20000,100000")
    parser.add_argument("--corpora", default="synth,bbc")
    parser.add_argument("--procs", type=int, default=2)
    parser.add_argument("--queries", type=int, default=40, help="queries per kind")
    parser.add_argument("--cold", type=int, default=7, help="cold searches (median)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--bbc", type=Path, default=Path("/work/shared/data/bbc"))
    parser.add_argument("--markdown", type=Path, help="write the tables here too")
    args = parser.parse_args()
    rows: list[str] = []
    with tempfile.TemporaryDirectory(
        dir=args.cache.parent if args.cache.parent.exists() else None
    ) as tmp:
        for corpus in args.corpora.split(","):
            if corpus == "bbc" and not args.bbc.is_dir():
                print(f"\n(no BBC articles at {args.bbc}: skipped)")
                continue
            for n in (int(s) for s in args.sizes.split(",")):
                rows += [*bench(corpus, n, args, Path(tmp)), ""]
                shutil.rmtree(Path(tmp) / f"{corpus}-{n}", ignore_errors=True)
    if args.markdown:
        args.markdown.write_text("\n".join(rows))


if __name__ == "__main__":
    main()
