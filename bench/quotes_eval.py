"""Score the quote extractor on PolNeAR with the shared scorer, and time it.

Usage: ``python bench/quotes_eval.py [--split dev|train] [--shared DIR] [--out DIR]``

Runs ``index.quotes.extract_quotes`` over ``<shared>/data/polnear/polnear_<split>.jsonl``,
writes predictions as JSON Lines and scores them twice with ``<shared>/tools/quote_score.py``:
direct+mixed highlights, and indirect speech with speech cues (``--kinds indirect
--speech-only``). Prints both results and the extraction throughput on one core. Exits 0 with a
"skipped" line when the shared folder is absent.
"""

from __future__ import annotations

import argparse
import bisect
import importlib.util
import json
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from index.model import PARAGRAPH_SEPARATOR, Quote
from index.quotes import extract_quotes

_LINE = re.compile(r"[^\n]+")


def default_shared() -> Path:
    """``../shared`` next to the repository, or ``$NEWSDESK_SHARED``."""
    env = os.environ.get("NEWSDESK_SHARED")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "shared"


def split_text(text: str) -> tuple[list[str], list[int]]:
    """Split a PolNeAR text (title line, then paragraphs) into paragraphs.

    Returns the paragraphs and, for each, its offset in ``text``; any run of newlines
    separates paragraphs, so single and double line breaks both work.
    """
    paragraphs: list[str] = []
    offsets: list[int] = []
    for match in _LINE.finditer(text):
        if match.group().strip():
            paragraphs.append(match.group())
            offsets.append(match.start())
    return paragraphs, offsets


def to_text_offsets(
    paragraphs: Sequence[str], offsets: Sequence[int], body_offset: int
) -> int:
    """Map an offset in the joined body back to an offset in the original text."""
    starts = []
    position = 0
    for paragraph in paragraphs:
        starts.append(position)
        position += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    index = max(0, bisect.bisect_right(starts, body_offset) - 1)
    return offsets[index] + min(body_offset - starts[index], len(paragraphs[index]))


def read_articles(path: Path) -> Iterator[dict[str, Any]]:
    """Yield the articles of a JSON Lines file."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def load_scorer(shared: Path) -> Callable[..., dict[str, Any]]:
    """Import ``score`` from the shared scorer script."""
    spec = importlib.util.spec_from_file_location("quote_score", shared / "tools" / "quote_score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load scorer from {shared}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    score: Callable[..., dict[str, Any]] = module.score
    return score


def predict(articles: Sequence[dict[str, Any]]) -> tuple[list[dict[str, Any]], float]:
    """Run the extractor over every article; return predictions and extraction seconds."""
    split = [split_text(article["text"]) for article in articles]
    started = time.perf_counter()
    results: list[tuple[Quote, ...]] = [extract_quotes(paragraphs) for paragraphs, _ in split]
    seconds = time.perf_counter() - started
    predictions = []
    for article, (paragraphs, offsets), quotes in zip(articles, split, results, strict=True):
        predictions.append(
            {
                "id": article["id"],
                "quotes": [
                    {
                        "text": quote.text,
                        "speaker": quote.speaker,
                        "role": quote.role,
                        "kind": quote.kind,
                        "start": to_text_offsets(paragraphs, offsets, quote.start),
                        "end": to_text_offsets(paragraphs, offsets, quote.end),
                    }
                    for quote in quotes
                ],
            }
        )
    return predictions, seconds


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; return the process exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    parser.add_argument("--shared", type=Path, default=None, help="the shared folder")
    parser.add_argument("--out", type=Path, default=None, help="keep predictions here")
    parser.add_argument("--repeat", type=int, default=3, help="timing runs (best is kept)")
    args = parser.parse_args(argv)
    shared: Path = args.shared or default_shared()
    gold = shared / "data" / "polnear" / f"polnear_{args.split}.jsonl"
    if not gold.is_file() or not (shared / "tools" / "quote_score.py").is_file():
        print(f"skipped: {shared} not found (no PolNeAR data or scorer)")
        return 0
    score = load_scorer(shared)
    articles = list(read_articles(gold))
    predictions, seconds = predict(articles)
    for _ in range(max(0, args.repeat - 1)):
        seconds = min(seconds, predict(articles)[1])
    out_dir = args.out or Path(tempfile.mkdtemp(prefix="newsdesk-quotes-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    pred_path = out_dir / f"pred_{args.split}.jsonl"
    with pred_path.open("w", encoding="utf-8") as handle:
        for prediction in predictions:
            handle.write(json.dumps(prediction, ensure_ascii=False) + "\n")
    highlights = score(str(gold), str(pred_path))
    indirect = score(str(gold), str(pred_path), kinds=("indirect",), speech_only=True)
    print(f"split: {args.split} ({len(articles)} articles), predictions: {pred_path}")
    print("highlights (direct+mixed):", json.dumps(highlights))
    print("indirect (--kinds indirect --speech-only):", json.dumps(indirect))
    rate = len(articles) / seconds if seconds else float("inf")
    print(f"throughput: {rate:.0f} articles/s ({seconds * 1000 / len(articles):.2f} ms/article)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
