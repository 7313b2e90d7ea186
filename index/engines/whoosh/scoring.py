"""Relevance for news: BM25F with title boosts (set in the parser) and a mild lift for recency.

The lift multiplies each match's BM25F score (see ``index.ranking``) rather than living in a
Whoosh final-score hook: that hook switches off Whoosh's block skipping and, combined with
its matcher pruning, miscounts results.
"""

from __future__ import annotations

import datetime as dt
import threading
from array import array
from typing import Any

from whoosh.scoring import BM25F

from index.engines.whoosh.fixes import numeric_column

RECENCY_LIFT = 0.3
"""The newest article's score is multiplied by up to 1 + this."""
HALF_LIFE_DAYS = 730.0
"""How fast the lift fades with age, counted back from the archive's newest article."""


class NewsWeighting(BM25F):  # type: ignore[misc]
    """BM25F, plus per-document recency factors relative to the archive's newest article."""

    def __init__(self) -> None:
        super().__init__()
        self._factors: tuple[int, array[float]] | None = None
        self._lock = threading.Lock()

    def factors(self, searcher: Any) -> array[float]:
        """Recency multiplier of every document of ``searcher`` (1.0 for undated ones)."""
        reader = searcher.reader()
        cached = self._factors
        if cached is not None and cached[0] == id(reader):
            return cached[1]
        with self._lock:
            # One factor per distinct date (an archive has far fewer dates than articles).
            values = numeric_column(reader, "date")
            days = {value: _day_number(value) for value in set(values)}
            newest = max(days.values(), default=0)
            factor_of = {
                value: 1.0 + RECENCY_LIFT * 0.5 ** ((newest - day) / HALF_LIFE_DAYS) if day else 1.0
                for value, day in days.items()
            }
            factors = array("d", map(factor_of.__getitem__, values))
            self._factors = (id(reader), factors)
            return factors


def _day_number(value: int) -> int:
    """Day ordinal of a date stored as YYYYMMDD (0 when there is none or it is no date)."""
    if not value:
        return 0
    try:
        return dt.date(value // 10000, value // 100 % 100, value % 100).toordinal()
    except ValueError:
        return 0
