"""Ranking the first hits as the local index does: BM25F with a mild lift for recency.

Typesense's text match counts which words matched where, not how often: among many articles
with a word in their title it cannot tell the best one. So the first window of hits it
returns is re-ranked here with the local engine's formula (BM25F: title words weigh three
times body words; B 0.75, K1 1.2; the newest article lifted by up to 30 %, fading with a
half-life of two years). Word counts come from the hits' analysed fields, document
frequencies and average lengths from count-only searches. Matching is not changed, only the
order inside the window; hits past it keep Typesense's order.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from index.engines.analysis.lengths import stored_length
from index.engines.typesense.schema import LENGTH_FIELDS

B = 0.75
K1 = 1.2
RECENCY_LIFT = 0.3
HALF_LIFE_DAYS = 730.0
WINDOW = 100
"""Hits re-ranked (the app's first page)."""


@dataclass(frozen=True, slots=True)
class Stats:
    """What ranking needs about the whole collection."""

    documents: int
    average_lengths: Mapping[str, float]
    newest: int
    """The newest article's date as ``YYYYMMDD`` (0: none is dated)."""


def _ordinal(day: int) -> int:
    try:
        return dt.date(day // 10000, day // 100 % 100, day % 100).toordinal()
    except ValueError:
        return 0


def recency(published: int, newest: int) -> float:
    """The lift of an article dated ``published`` (1.0 when undated)."""
    day, last = _ordinal(published), _ordinal(newest)
    if not day or not last:
        return 1.0
    return 1.0 + RECENCY_LIFT * float(0.5 ** ((last - day) / HALF_LIFE_DAYS))


def rerank(
    docs: Sequence[dict[str, Any]],
    scoring: Sequence[tuple[str, str, float]],
    frequencies: Mapping[tuple[str, str], int],
    stats: Stats,
) -> list[tuple[float, dict[str, Any]]]:
    """``docs`` (Typesense documents, best first) as (score, doc), best first.

    Documents scoring alike come in archive order.
    """
    words = {name: [doc.get(name, "").split() for doc in docs] for name, _, _ in scoring}
    averages = dict(stats.average_lengths)
    for name, rows in words.items():
        if name not in averages:  # no kept lengths: the window's own average
            averages[name] = sum(map(len, rows)) / max(1, len(rows))
    scored = []
    for i, doc in enumerate(docs):
        total = 0.0
        for name, term, boost in scoring:
            tokens = words[name][i]
            tf = tokens.count(term)
            if not tf:
                continue
            length = doc.get(LENGTH_FIELDS.get(name, ""), len(tokens))
            length = stored_length(int(length))
            idf = math.log(stats.documents / (frequencies.get((name, term), 0) + 1)) + 1
            norm = (1 - B) + B * length / (averages[name] or 1.0)
            total += boost * idf * tf * (K1 + 1) / (tf + K1 * norm)
        lift = recency(int(doc.get("published", 0)), stats.newest)
        scored.append((total * lift, tuple(str(doc.get("file", "")).split("/")), i, doc))
    # Equal scores: archive order (file path), as the local index ranks ties.
    scored.sort(key=lambda item: (-item[0], item[1], item[2]))
    return [(score, doc) for score, _, _, doc in scored]
