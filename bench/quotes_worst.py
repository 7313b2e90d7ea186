"""Time the quote extractor on pathological paragraphs: its cost must grow linearly.

Usage: ``python bench/quotes_worst.py [--size BYTES] [--only NAME ...]``

Each shape is built at ``size`` and a quarter of it; the ratio of the two CPU times is about 4
when extraction is linear in the paragraph's length and about 16 when it is quadratic. Prints
one line per shape: seconds at both sizes, the ratio, and how many quotes were found.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

# This checkout's code, whichever newsdesk is installed (a bench measures what it ships with).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from index.quotes import clear_caches, extract_quotes


def _repeat(unit: str) -> Callable[[int], str]:
    def build(size: int) -> str:
        return (unit * (size // len(unit) + 1))[:size]

    return build


SHAPES: dict[str, Callable[[int], str]] = {
    "quote marks and spaces": _repeat('" '),
    "quote marks": _repeat('"'),
    "apostrophes": _repeat("'"),
    "single-quoted words": _repeat("'x' "),
    "curly quoted words": _repeat("\u201cword\u201d "),
    "scare quotes in sentences": _repeat('The "plan" is a "good" idea for the "city", he said. '),
    "one endless sentence of cues": _repeat("the mayor said that the council told reporters "),
    "endless sentence with commas": _repeat("Ada Vik, the mayor, said, "),
    "capitalised words": _repeat("Mr Ab Cd Ef "),
    "no spaces": _repeat("a"),
    "dashes and colons": _repeat(" -- he said: "),
    "according to": _repeat("according to the mayor, "),
    "adverbs before a verb": _repeat("also "),
    "weekdays": _repeat("Monday "),
    "distinct names speaking": lambda size: _names(size),
    "ordinary news": _repeat(
        '"We will open the bridge next spring," said Maria Lopez, the mayor. She added that '
        "the council had approved the plan, according to a statement. "
    ),
}


def _names(size: int) -> str:
    """Sentences in which ever new people speak: ``John Baa said so. John Bab said so.``."""
    parts: list[str] = []
    length = number = 0
    while length < size:
        letters = "".join(chr(97 + (number // 26**k) % 26) for k in range(3))
        part = f'"Yes," said John B{letters} Ca{letters}. He agreed. '
        parts.append(part)
        length += len(part)
        number += 1
    return "".join(parts)[:size]


def _seconds(text: str) -> tuple[float, int]:
    clear_caches()
    started = time.process_time()
    found = extract_quotes([text])
    return time.process_time() - started, len(found)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the timings; return the process exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=200_000, help="paragraph size in characters")
    parser.add_argument("--only", nargs="*", default=None, help="shapes to run (default: all)")
    args = parser.parse_args(argv)
    print(f"{'shape':32} {'1/4 size':>9} {'size':>9} {'ratio':>6} {'quotes':>7}")
    for name, build in SHAPES.items():
        if args.only and name not in args.only:
            continue
        small, _ = _seconds(build(args.size // 4))
        large, quotes = _seconds(build(args.size))
        ratio = large / small if small > 0.001 else float("nan")
        print(f"{name:32} {small:8.2f}s {large:8.2f}s {ratio:6.1f} {quotes:7}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
