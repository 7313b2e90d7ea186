"""After a quote extractor upgrade: annotating an index's stored articles again vs building anew.

    python bench/requote_bench.py ARCHIVE INDEX_DIR [--repeat 3] [--procs 2] [--build]

INDEX_DIR must hold an up-to-date index of ARCHIVE (``newsdesk index ARCHIVE --index-dir
INDEX_DIR``, or the one ``bench/app_bench.py`` keeps). Each trial copies it to a temporary
folder and runs an update as the next extractor version would (``EXTRACTOR_VERSION`` + 1, the
same rules): every stored article goes through the extractor again, none changes, no file is
read. With ``--build`` it also times building the same archive from nothing in turn, for the
ratio. Prints each trial, medians and articles per second (target: 100k in under 120 s with
2 workers).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def requote(archive: Path, index_dir: Path, procs: int) -> tuple[float, int, int]:
    """Seconds to annotate a copy of ``index_dir`` again; (seconds, articles, changed)."""
    from index.engines.whoosh.build import update_index
    from index.quotes import version

    with tempfile.TemporaryDirectory(dir=index_dir.parent) as tmp:
        copy = Path(tmp) / "ix"
        shutil.copytree(index_dir, copy)
        saved = version.EXTRACTOR_VERSION
        version.EXTRACTOR_VERSION = saved + 1
        try:
            started = time.perf_counter()
            report = update_index(archive, copy, procs=procs)
            seconds = time.perf_counter() - started
        finally:
            version.EXTRACTOR_VERSION = saved
    articles, changed = report.requoted or (0, 0)
    return seconds, articles, changed


def build(archive: Path, procs: int) -> float:
    """Seconds to build the archive's index from nothing."""
    from index.engines.whoosh.build import update_index

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        update_index(archive, Path(tmp) / "ix", procs=procs)
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("archive", type=Path)
    parser.add_argument("index_dir", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--procs", type=int, default=2)
    parser.add_argument("--build", action="store_true", help="also time a build, in turn")
    args = parser.parse_args()
    again: list[float] = []
    built: list[float] = []
    articles = 0
    for trial in range(1, args.repeat + 1):
        seconds, articles, changed = requote(args.archive, args.index_dir, args.procs)
        again.append(seconds)
        line = f"trial {trial}: annotate again {seconds:.1f} s"
        line += f" ({articles:,} articles, {changed} changed)"
        if args.build:
            built.append(build(args.archive, args.procs))
            line += f"; build from nothing {built[-1]:.1f} s"
        print(line, flush=True)
    median = statistics.median(again)
    print(
        f"annotate again: median {median:.1f} s, {articles / median:,.0f} articles/s "
        f"with {args.procs} workers"
    )
    if built:
        print(
            f"build from nothing: median {statistics.median(built):.1f} s "
            f"(ratio {median / statistics.median(built):.2f})"
        )


if __name__ == "__main__":
    main()
