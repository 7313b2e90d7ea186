"""The first pages of every match of a few scoring words, scoring only the matches.

When bounds cannot tell the first page (two words common in bodies and rare in titles: every
run of documents could hold a page's worth), every match is scored. ``ranking.bm25f_scores``
scores each word's postings and keeps the matches' scores: for a word in most articles, far
more postings than there are matches. Here the matches, sorted, are looked up in each word's
postings (a bisection in C each) and only theirs are scored, with the same formula and the
sums taken in the same order, so the scores are the same numbers.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left
from collections.abc import Collection, Iterable, Sequence
from itertools import chain, compress, repeat
from operator import add, ge, mul, neg, not_, or_
from typing import Any

from whoosh import query

from index.engines.whoosh.postings import read_postings
from index.engines.whoosh.ranking import KeptPostings, KnownCounts, ScoreCache, formula_of
from index.engines.whoosh.topk import MARGIN, LiftBounds, TermPostings, inlined_postings

_TRIED = 2
"""Matches scored in full first, per first-page place, for a floor."""
Ranked = tuple[list[tuple[float, int]], list[int]]
"""The best (score x lift, docnum) pairs, and the matches holding no scoring word."""


def rank_every(
    searcher: Any,
    weighting: Any,
    terms: Sequence[query.Term],
    matches: Collection[int],
    lift: LiftBounds,
    limit: int,
    known: KnownCounts | None = None,
    kept: KeptPostings | None = None,
    cache: ScoreCache | None = None,
) -> Ranked | None:
    """The best ``limit`` (score x lift, docnum) pairs of the matches holding a scoring term,
    best first (ties: lower docnum first), as ``ranking.top`` ranks ``ranking.bm25f_scores``;
    and the matches holding none (``ranking.unscored``), in document order.

    None when word counts are known from a phrase check or postings are not in blocks: the
    caller scores those its own way.
    """
    reader = searcher.reader()
    present = [
        term
        for term in terms
        if term.fieldname in reader.schema and (term.fieldname, term.text) in reader
    ]
    if known is not None and any(known(t.fieldname, t.text, matches) is not None for t in present):
        return None
    leaves = list(reader.leaf_readers())
    segments: list[_Segment] = []
    late = _late(present, reader)
    for (leaf, base), docs in zip(leaves, _sorted_by_leaf(matches, leaves), strict=True):
        if not docs:
            continue
        found: list[tuple[int, TermPostings]] = []
        for n, term in enumerate(present):
            read = _term(searcher, weighting, term, leaf, base, kept, cache)
            if read is None:
                continue
            if not isinstance(read, TermPostings):  # (not in blocks)
                return None
            found.append((n, read))
        segments.append(_Segment(docs, base, found, lift.lift, late))
    # Every match scored in all words but the one of most postings: that score, lifted,
    # is no more than the full score, so the limit-th best of them is a floor. Only the
    # matches whose partial score plus the last word's bound reach it are scored in full.
    lower = [score for segment in segments for score in segment.lower]
    floor = -math.inf
    if len(lower) >= limit:
        ordered = sorted(lower, reverse=True)
        floor = ordered[limit - 1] / MARGIN
        # The full scores of the best few by their partial scores: the limit-th best of
        # them is a higher floor (it is some match's full score).
        cut = ordered[min(len(ordered), _TRIED * limit) - 1]
        tried = [score for segment in segments for score in segment.full_above(cut)]
        if len(tried) >= limit:
            floor = max(floor, heapq.nlargest(limit, tried)[-1] / MARGIN)
    best: list[tuple[float, int]] = []
    unheld: list[int] = []
    for segment in segments:
        entries, none = segment.finish(floor)
        best = heapq.nlargest(limit, chain(best, entries))
        unheld.extend(none)
    unheld.sort()
    return [(score, -negative) for score, negative in best], unheld


def _late(terms: Sequence[query.Term], reader: Any) -> int | None:
    """Which of two or more terms is scored last, for the fewest matches: the one in the
    most documents."""
    if len(terms) < 2:
        return None
    counts = [reader.doc_frequency(t.fieldname, t.text) for t in terms]
    return max(range(len(terms)), key=lambda n: (counts[n], n))


class _Segment:
    """The matches of one segment: their scores in every term but the late one first."""

    def __init__(
        self,
        docs: list[int],
        base: int,
        found: list[tuple[int, TermPostings]],
        lift: Sequence[float],
        late: int | None,
    ) -> None:
        self.docs = docs
        self.found = found
        self.docnums = list(map(add, docs, repeat(base))) if base else docs
        self.lifts = list(map(lift.__getitem__, self.docnums))
        self.late = next((term for n, term in found if n == late), None)
        self.scores: dict[int, list[float]] = {}
        self.partial: list[float] = [0.0] * len(docs)
        self.held: list[bool] = [False] * len(docs)
        for n, term in found:
            if term is not self.late:
                scores, there = term.scores_held(docs)
                self.scores[n] = scores
                self.partial = list(map(add, self.partial, scores))
                self.held = list(map(or_, self.held, there))
        self.lower = list(map(mul, self.partial, self.lifts))
        """Each match's score in the early terms, lifted: no more than its full score."""

    def full_above(self, cut: float) -> list[float]:
        """The full scores, lifted, of the matches whose partial ones reach ``cut``."""
        entries, _ = self.finish(-math.inf, list(map(ge, self.lower, repeat(cut))), False)
        return [score for score, _ in entries]

    def finish(
        self, floor: float, keep: list[bool] | None = None, unheld: bool = True
    ) -> tuple[Iterable[tuple[float, int]], list[int]]:
        """(score x lift, -docnum) of the matches that may reach ``floor`` (or those
        ``keep`` picks) and hold a term, and (with ``unheld``) the matches holding none."""
        late = self.late
        most = max(late.bounds, default=0.0) if late is not None else 0.0
        if floor > -math.inf:
            upper = map(mul, map(add, self.partial, repeat(most)), self.lifts)
            keep = list(map(ge, map(mul, upper, repeat(MARGIN)), repeat(floor)))
        picked = _Picked(self, keep)
        none: list[int] = []
        if keep is not None and unheld:  # left out: those holding no early term may hold none
            left = list(map(not_, keep))
            alone = list(map(not_, compress(self.held, left)))
            maybe = list(compress(compress(self.docs, left), alone))
            maybe_docnums = list(compress(compress(self.docnums, left), alone))
            there = late.scores_held(maybe)[1] if late is not None and maybe else []
            none = list(compress(maybe_docnums, map(not_, there))) if late else maybe_docnums
        summed: list[float] = [0.0] * len(picked.docs)
        held = picked.held
        for n, term in self.found:
            if term is late:
                scores, there = term.scores_held(picked.docs)
                held = list(map(or_, held, there))
            else:
                scores = picked.of(self.scores[n])
            # Term by term, as bm25f_scores adds them (0.0 for a term a document lacks
            # leaves its sum as it was).
            summed = list(map(add, summed, scores))
        lifted = map(mul, summed, picked.lifts)
        none.extend(compress(picked.docnums, map(not_, held)))
        return compress(zip(lifted, map(neg, picked.docnums), strict=True), held), none


class _Picked:
    """The matches of a segment kept for full scores (all when ``keep`` is None)."""

    def __init__(self, segment: _Segment, keep: list[bool] | None) -> None:
        self._keep = keep
        self.docs = self.of(segment.docs)
        self.docnums = self.of(segment.docnums)
        self.lifts = self.of(segment.lifts)
        self.held = self.of(segment.held)

    def of(self, values: list[Any]) -> list[Any]:
        return values if self._keep is None else list(compress(values, self._keep))


def _term(
    searcher: Any,
    weighting: Any,
    term: query.Term,
    leaf: Any,
    base: int,
    kept: KeptPostings | None,
    cache: ScoreCache | None,
) -> TermPostings | bool | None:
    """The term's postings in one segment (None: not there; False: not in blocks)."""
    fieldname, text = term.fieldname, term.text
    if (fieldname, text) not in leaf:
        return None
    read = read_postings(leaf, fieldname, text) or inlined_postings(leaf, fieldname, text)
    if read is None:
        return False
    formula = formula_of(searcher, weighting, term, cache)
    remembered = cache.get((fieldname, text, formula.boost, base)) if cache else None
    held = kept(fieldname, text, base) if kept is not None else None
    return TermPostings(formula, formula.lengths(leaf), read, held and held[0], remembered)


def _sorted_by_leaf(matches: Collection[int], leaves: Sequence[tuple[Any, int]]) -> list[list[int]]:
    """The matches of each segment, as sorted segment-local document numbers."""
    ordered = sorted(matches)
    if len(leaves) == 1:
        return [ordered]
    local = []
    for leaf, base in leaves:
        first = bisect_left(ordered, base)
        last = bisect_left(ordered, base + leaf.doc_count_all())
        part = ordered[first:last]
        local.append(list(map(add, part, repeat(-base))) if base else part)
    return local
