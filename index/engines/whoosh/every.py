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
from bisect import bisect_left
from collections.abc import Collection, Sequence
from itertools import chain, compress, repeat
from operator import add, mul, neg, not_, or_
from typing import Any

from whoosh import query

from index.engines.whoosh.postings import read_postings
from index.engines.whoosh.ranking import KeptPostings, KnownCounts, ScoreCache, formula_of
from index.engines.whoosh.topk import LiftBounds, TermPostings, inlined_postings

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
    best: list[tuple[float, int]] = []
    unheld: list[int] = []
    for (leaf, base), docs in zip(leaves, _sorted_by_leaf(matches, leaves), strict=True):
        if not docs:
            continue
        summed: list[float] | None = None
        held: list[bool] | None = None
        for term in present:
            found = _term(searcher, weighting, term, leaf, base, kept, cache)
            if found is None:
                continue
            if not isinstance(found, TermPostings):  # (not in blocks)
                return None
            scores, there = found.scores_held(docs)
            # Term by term, as bm25f_scores adds them (0.0 for a term a document lacks
            # leaves its sum as it was).
            summed = scores if summed is None else list(map(add, summed, scores))
            held = there if held is None else list(map(or_, held, there))
        docnums = list(map(add, docs, repeat(base))) if base else docs
        if summed is None or held is None:
            unheld.extend(docnums)
            continue
        lifted = map(mul, summed, map(lift.lift.__getitem__, docnums))
        entries = compress(zip(lifted, map(neg, docnums), strict=True), held)
        best = heapq.nlargest(limit, chain(best, entries))
        unheld.extend(compress(docnums, map(not_, held)))
    return [(score, -negative) for score, negative in best], unheld


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
