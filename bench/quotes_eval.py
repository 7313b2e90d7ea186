"""Score the quote extractor on PolNeAR with the shared scorer, and time it.

Usage: ``python bench/quotes_eval.py [--split dev|train] [--shared DIR] [--out DIR]``

Runs ``index.quotes.extract_quotes`` over ``<shared>/data/polnear/polnear_<split>.jsonl``,
writes predictions as JSON Lines and scores them twice with ``<shared>/tools/quote_score.py``:
direct+mixed highlights, and indirect speech with speech cues (``--kinds indirect
--speech-only``). The extractor's quotes are scored exactly as returned. Prints both results
and the extraction throughput on one core. Exits 0 with a "skipped" line when the shared folder
is absent.
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
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

# This checkout's code, whichever newsdesk is installed (a bench measures what it ships with).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from index.corpus.article import PARAGRAPH_SEPARATOR, Quote
from index.quotes import clear_caches, extract_quotes

_LINE = re.compile(r"[^\n]+")
# The double quote marks the scorer recognises (a doubled apostrophe counts as one too).
_GOLD_MARKS = frozenset('"\u201c\u201d\u201e\u201f\u00ab\u00bb')


def default_shared() -> Path:
    """``$NEWSDESK_SHARED``, else the nearest ``shared`` folder beside the repository or above."""
    env = os.environ.get("NEWSDESK_SHARED")
    if env:
        return Path(env)
    for folder in Path(__file__).resolve().parents[2:]:
        if (folder / "shared").is_dir():
            return folder / "shared"
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


def to_text_offsets(paragraphs: Sequence[str], offsets: Sequence[int], body_offset: int) -> int:
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


def load_scorer_module(shared: Path) -> Any:
    """Import the shared scorer script as a module."""
    spec = importlib.util.spec_from_file_location(
        "quote_score", shared / "tools" / "quote_score.py"
    )
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load scorer from {shared}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_scorer(shared: Path) -> Callable[..., dict[str, Any]]:
    """Import ``score`` from the shared scorer script."""
    score: Callable[..., dict[str, Any]] = load_scorer_module(shared).score
    return score


def _titled(text: str) -> bool:
    """Whether a short text is in title case (``Face the Nation``)."""
    words = [w for w in re.findall(r"[A-Za-z']+", text) if len(w) > 3]
    return 0 < len(text.split()) <= 8 and all(w[0].isupper() for w in words)


def error_kinds(
    scorer: Any,
    articles: Sequence[dict[str, Any]],
    predictions: Sequence[dict[str, Any]],
    kinds: tuple[str, ...],
    speech_only: bool = False,
) -> Counter[str]:
    """Count what is still wrong, by kind, matching as the scorer does (one to one).

    Misses, false finds and wrong speakers are each split by what tells them apart: the
    quote marks around a missed quote, whether a false find overlaps a gold quote (a
    boundary error) or lies next to a matched one (a piece of a split quote), and whether a
    wrong speaker was a pronoun, missing, or someone else.
    """
    errors: Counter[str] = Counter()
    by_id = {p["id"]: p["quotes"] for p in predictions}
    for article in articles:
        gold = [
            q
            for q in article["quotes"]
            if q.get("kind") in kinds
            and q.get("has_source", True) is not False
            and (not speech_only or "cue" not in q or scorer.SPEECH.search(q.get("cue") or ""))
        ]
        pred = [q for q in by_id.get(article["id"], []) if q.get("kind") in kinds]
        gt = [scorer.norm(scorer.inside_quotes(q.get("quote") or "")) for q in gold]
        pt = [scorer.norm(scorer.inside_quotes(q.get("text", ""))) for q in pred]
        scored = sorted(
            ((scorer.similar(a, b, 0.8), i, j) for i, a in enumerate(gt) for j, b in enumerate(pt)),
            reverse=True,
        )
        used_g: dict[int, int] = {}
        used_p: set[int] = set()
        for similarity, i, j in scored:
            if similarity >= 0.8 and i not in used_g and j not in used_p:
                used_g[i] = j
                used_p.add(j)
        for i, a in enumerate(gt):
            # As the scorer does: pieces inside one gold quote that cover most of it match it.
            pieces = [
                j for j, b in enumerate(pt) if j not in used_p and len(b.split()) >= 2 and b in a
            ]
            if i not in used_g and a and pieces and sum(len(pt[j]) for j in pieces) >= 0.8 * len(a):
                used_g[i] = pieces[0]
                used_p.update(pieces)
        for i, quote in enumerate(gold):
            if i in used_g:
                j = used_g[i]
                want = scorer.name_tokens(quote.get("speaker")) | scorer.name_tokens(
                    quote.get("speaker_resolved")
                )
                got = pred[j].get("speaker")
                if want and not (want & scorer.name_tokens(got)):
                    gold_speaker = (quote.get("speaker") or "").lower()
                    if not got:
                        errors["speaker: none found"] += 1
                    elif gold_speaker in scorer.PRONOUNS:
                        errors["speaker: pronoun resolved to the wrong person"] += 1
                    elif got[:1].islower():
                        errors["speaker: a description instead of the named person"] += 1
                    else:
                        errors["speaker: another name"] += 1
                continue
            best = max((scorer.similar(gt[i], b, 0.0) for b in pt), default=0.0)
            raw = quote.get("quote") or ""
            if best >= 0.5:
                errors["missed: found with wrong boundaries"] += 1
            elif raw[:1] in "'`" and "''" not in raw:
                errors["missed: quote in single marks"] += 1
            elif not any(mark in raw for mark in _GOLD_MARKS) and "''" not in raw:
                errors["missed: no quote marks (reported speech)"] += 1
            else:
                errors["missed: in quote marks, not found"] += 1
        for j, quote in enumerate(pred):
            if j in used_p or len(pt[j].split()) < 3:
                continue
            overlap = max((scorer.similar(a, pt[j], 0.0) for a in gt), default=0.0)
            if overlap >= 0.5:
                errors["false: overlaps a gold quote (boundaries)"] += 1
            elif any(pt[j] and pt[j] in a for a in gt):
                errors["false: piece of a gold quote split by its attribution"] += 1
            elif _titled(quote["text"]):
                errors["false: a title in quote marks (show, book, slogan)"] += 1
            else:
                errors["false: nothing in the gold"] += 1
    return errors


def predict(articles: Sequence[dict[str, Any]]) -> tuple[list[dict[str, Any]], float]:
    """Run the extractor over every article; return predictions and extraction seconds."""
    split = [split_text(article["text"]) for article in articles]
    # CPU time of this process: "articles per second on one core", whatever else the machine
    # is running. Each timing run starts with empty caches, as a fresh process would.
    clear_caches()
    started = time.process_time()
    results: list[tuple[Quote, ...]] = [extract_quotes(paragraphs) for paragraphs, _ in split]
    seconds = time.process_time() - started
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
                        "rule": quote.rule,
                        "cue": quote.cue,
                        "start": to_text_offsets(paragraphs, offsets, quote.start),
                        "end": to_text_offsets(paragraphs, offsets, quote.end),
                    }
                    for quote in quotes
                ],
            }
        )
    return predictions, seconds


def write_jsonl(path: Path, rows: Sequence[dict[str, Any]]) -> None:
    """Write one JSON object per line."""
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; return the process exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    parser.add_argument("--shared", type=Path, default=None, help="the shared folder")
    parser.add_argument("--out", type=Path, default=None, help="keep predictions here")
    parser.add_argument("--repeat", type=int, default=3, help="timing runs (best is kept)")
    parser.add_argument("--errors", action="store_true", help="count the errors left, by kind")
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
    write_jsonl(pred_path, predictions)
    print(f"split: {args.split} ({len(articles)} articles), predictions: {pred_path}")
    highlights = score(str(gold), str(pred_path))
    indirect = score(str(gold), str(pred_path), kinds=("indirect",), speech_only=True)
    print("highlights (direct+mixed):", json.dumps(highlights))
    print("indirect (--kinds indirect --speech-only):", json.dumps(indirect))
    if args.errors:
        scorer = load_scorer_module(shared)
        for label, kinds, speech in (
            ("highlights (direct+mixed)", ("direct", "mixed"), False),
            ("indirect, speech only", ("indirect",), True),
        ):
            counted = error_kinds(scorer, articles, predictions, kinds, speech)
            print(f"most common errors, {label}:")
            for kind, count in counted.most_common(10):
                print(f"  {count:5}  {kind}")
    rate = len(articles) / seconds if seconds else float("inf")
    print(
        f"throughput: {rate:.0f} articles/s on one core "
        f"({seconds * 1000 / len(articles):.2f} ms CPU per article, best of {args.repeat})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
