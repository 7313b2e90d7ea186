"""The best few matches by BM25F times the recency lift, without scoring every match.

Whoosh writes, with every posting block, the block's highest weight and its documents'
shortest field length (see ``codec._header``). BM25F grows with the weight and shrinks with
the length, so no posting of a block can score more than those two give together: the
block's bound. Times the highest recency lift among a run of documents, that bounds what any
document of the run can reach (block-max).

A common word scores far more in a title (boosted) than in a body, and few articles have it
in their title. So the terms are split (MaxScore): the leading terms, held by far fewer
documents than the most held one (a word in titles beside the same word in bodies), and the
rest. Every match holding a leading term is scored exactly, as
``ranking.bm25f_scores`` scores it (term by term in the same order); the k-th best of those,
lifted, is a score the first page must reach. A match holding none of them scores from the
rest alone: the documents are cut into runs at the rest's block boundaries, and when no run's
summed bounds, lifted, reach that score (strictly: a tie would be ordered by document
number), no such match can enter, and the k best found are the k best of all. Otherwise the
caller scores every match, as before.
"""

from __future__ import annotations

import functools
import heapq
import math
from array import array
from bisect import bisect_left
from collections.abc import Collection, Iterable, Sequence
from itertools import compress, repeat
from operator import add, eq, ge, mul, neg, sub
from typing import Any

from whoosh import query

from index.engines.whoosh.postings import Postings, RawBlock, postings, read_postings
from index.engines.whoosh.ranking import (
    Formula,
    KeptPostings,
    ScoreCache,
    formula_of,
)

MARGIN = 1 + 1e-6
"""Bounds are raised by this factor: a stored weight is a 32-bit float of the weight the
block's header holds, and sums and products round."""
SPARSE = 0.25
"""Terms with at most this share of the postings of the term with the most lead: a title
word beside the same word in bodies (its bound, boosted, is the higher)."""
DENSE = 4
"""Documents at least a term's postings over this are scored by scoring every posting."""
HELD = 2
"""When more than one match in this many holds a leading term (a prefix's many rare
expansions), every match is scored instead: the bounds would leave little out."""
_RUN = 64
"""Documents per run of the table of highest recency lifts."""
_PAST = 0xFFFFFFFF
"""Past every document number: ends a term's numbers so a bisection always finds one."""


class LiftBounds:
    """The recency lift of every document, and its highest value per run of documents."""

    def __init__(self, lift: Sequence[float]) -> None:
        self.lift = lift
        self._most = [max(lift[i : i + _RUN]) for i in range(0, len(lift), _RUN)]

    def most(self, first: int, last: int) -> float:
        """The highest lift of documents ``first`` to ``last`` (inclusive)."""
        return max(self._most[first // _RUN : last // _RUN + 1], default=1.0)


class TermPostings:
    """One scoring term in one segment: its blocks with their bounds, and its postings."""

    def __init__(
        self,
        formula: Formula,
        lengths: bytes | None,
        read: Postings,
        kept: Sequence[Sequence[Any]] | None,
        remembered: tuple[Sequence[int], Sequence[float]] | None,
    ) -> None:
        self.formula = formula
        self.lengths = lengths
        self.read = read
        self.blocks: list[RawBlock] = read.blocks
        self.bounds = [formula.bound(b.maxweight, b.minlength, lengths) for b in self.blocks]
        self.count = sum(b.postings for b in self.blocks)
        self.kept = kept if kept is not None and len(kept[0]) == self.count else None
        self.remembered = remembered if remembered and len(remembered[0]) == self.count else None

    def ids(self) -> Sequence[int]:
        """Every posting's document number (deleted documents included)."""
        if self.remembered is not None:
            return self.remembered[0]
        if self.kept is not None:
            return self.kept[0]
        return self._decoded()[0]

    def scores_of(self, docs: list[int]) -> list[float]:
        """The scores of ``docs`` (segment document numbers, each the number
        ``Formula.values`` gives for its posting), 0.0 for those without the term."""
        return self.scores_held(docs)[0]

    def scores_held(self, docs: list[int]) -> tuple[list[float], list[bool]]:
        """:meth:`scores_of` ``docs``, and whether each document holds the term."""
        if len(docs) * DENSE >= self.count:  # every posting scored, then looked up
            ids, values = self.remembered or self.kept or self._decoded()
            if self.remembered is None:
                values = self.formula.values(ids, values, self.lengths)
            found = dict(zip(ids, values, strict=True))
            return list(map(found.get, docs, repeat(0.0))), list(map(found.__contains__, docs))
        ids, weights = self._padded()
        at = list(map(bisect_left, repeat(ids), docs))
        there = list(map(eq, map(ids.__getitem__, at), docs))
        scores = list(map(mul, map(weights.__getitem__, at), there))  # weight x True or False
        if self.remembered is None:  # (a weight of 0.0 scores 0.0)
            scores = self.formula.values(docs, scores, self.lengths)
        return scores, there

    def _padded(self) -> tuple[array[int], array[float]]:
        """(document numbers, weights or remembered scores), each ended by one past all."""
        ids, values = self.remembered or self.kept or self._decoded()
        padded_ids = array("I", ids)
        padded_ids.append(_PAST)
        # (a copy of an array of the same kind is one copy of memory; 32-bit weights read
        # back as the same numbers Whoosh scores)
        kind = values.typecode if isinstance(values, array) else "d"
        padded = array(kind, values)
        padded.append(0.0)
        return padded_ids, padded

    def _decoded(self) -> tuple[array[int], array[float]]:
        ids: array[int] = array("I")
        weights: array[float] = array("d")
        for block in self.blocks:
            block_ids, block_weights = self.read.decode(block)
            ids.extend(block_ids)
            weights.extend(iter(block_weights))  # (32-bit floats, or a list of 1.0)
        self.kept = (ids, weights)
        return ids, weights


def top_k(
    searcher: Any,
    weighting: Any,
    terms: Sequence[query.Term],
    matches: Collection[int],
    lift: LiftBounds,
    limit: int,
    kept: KeptPostings | None = None,
    cache: ScoreCache | None = None,
) -> list[tuple[float, int]] | None:
    """The best ``limit`` (score x lift, docnum) pairs of the matches holding a scoring term,
    best first (ties: lower docnum first): the first ``limit`` of ``ranking.top`` over
    ``ranking.bm25f_scores``, the same numbers.

    None when the bounds cannot tell (the first page may hold matches without a leading
    term; a negative boost; postings not in blocks): the caller scores every match.

    A phrase's matches rank here too: a word's count known from a phrase check is its
    posting's weight, so the postings give the same scores as the counts.
    """
    reader = searcher.reader()
    leaves = list(reader.leaf_readers())
    by_leaf: list[list[tuple[int, TermPostings]]] = [[] for _ in leaves]
    # The leading terms, by their postings (deleted documents included), known before any
    # is read: when they cannot hold a page, rank every match at once.
    counts = {
        n: reader.doc_frequency(term.fieldname, term.text)
        for n, term in enumerate(terms)
        if term.fieldname in reader.schema and (term.fieldname, term.text) in reader
    }
    if not counts:
        return []
    most = max(counts.values())
    leading = {n for n, count in counts.items() if count <= SPARSE * most}
    if sum(counts[n] for n in leading) < limit:
        return None
    for n, term in enumerate(terms):
        fieldname, text = term.fieldname, term.text
        if n not in counts:
            continue
        formula = formula_of(searcher, weighting, term, cache)
        if formula.boost < 0 or formula.numerator < 0:
            return None
        for (leaf, base), found in zip(leaves, by_leaf, strict=True):
            if (fieldname, text) not in leaf:
                continue
            read = read_postings(leaf, fieldname, text) or inlined_postings(leaf, fieldname, text)
            if read is None:
                return None
            remembered = None
            if cache is not None:
                remembered = cache.get((fieldname, text, formula.boost, base))
            held = kept(fieldname, text, base) if kept is not None else None
            lengths = formula.lengths(leaf)
            scored = TermPostings(formula, lengths, read, held and held[0], remembered)
            found.append((n, scored))
    return _ranked(leaves, by_leaf, leading, matches, lift, limit)


def _ranked(
    leaves: list[tuple[Any, int]],
    by_leaf: list[list[tuple[int, TermPostings]]],
    leading: set[int],
    matches: Collection[int],
    lift: LiftBounds,
    limit: int,
) -> list[tuple[float, int]] | None:
    """The best ``limit`` matches when no match without a leading term can be among them,
    else None."""
    holding = []
    for (_, base), found in zip(leaves, by_leaf, strict=True):
        lead = [(n, t) for n, t in found if n in leading]
        holding.append(_holding([t for _, t in lead], base, matches))
    held = sum(map(len, holding))
    if held < limit:
        return None  # (the first page holds matches without a leading term)
    if held * HELD > len(matches):
        return None  # (most matches hold a leading term: scoring every match is cheaper)
    rest = 0.0  # the most a match without a leading term can score, lifted
    pending: list[_Leading] = []
    for (_, base), found, docs in zip(leaves, by_leaf, holding, strict=True):
        others = [t for n, t in found if n not in leading]
        rest = max(rest, _most(others, base, lift))
        if docs:
            lead = [(n, t) for n, t in found if n in leading]
            pending.append(_Leading(base, found, docs, lead, others, lift.lift))
    # The k-th best lifted score in the leading terms alone: no more than the k-th best
    # score; a document whose leading scores plus the others' bounds stay below it is out.
    partial = [score for part in pending for score in part.lifted_partial()]
    floor = heapq.nlargest(limit, partial)[-1] / MARGIN
    best: list[tuple[float, int]] = []
    for part in pending:
        best = heapq.nlargest(limit, [*best, *part.entries(floor)])
    if best and rest >= best[-1][0]:
        return None
    return [(score, -negative) for score, negative in best]


class _Leading:
    """The matches of one segment holding a leading term, and their scores there."""

    def __init__(
        self,
        base: int,
        found: list[tuple[int, TermPostings]],
        docs: list[int],
        lead: list[tuple[int, TermPostings]],
        others: list[TermPostings],
        lift: Sequence[float],
    ) -> None:
        self.base = base
        self.found = found
        self.docs = docs
        self.lift = lift
        self.docnums = list(map(add, docs, repeat(base))) if base else docs
        self.scores = {n: term.scores_of(docs) for n, term in lead}
        self.partial: list[float] = functools.reduce(
            lambda a, b: list(map(add, a, b)), self.scores.values()
        )
        self.others = sum(max(term.bounds) for term in others)
        """The most the other terms can add to a document's score, together."""

    def lifted_partial(self) -> list[float]:
        """The documents' scores in the leading terms, lifted."""
        return list(map(mul, self.partial, map(self.lift.__getitem__, self.docnums)))

    def entries(self, floor: float) -> Iterable[tuple[float, int]]:
        """(score x lift, -docnum) of the documents that may reach ``floor``: scores summed
        term by term in the terms' order (adding 0.0 for a term a document lacks leaves
        its sum as it was)."""
        keep: list[bool] | None = None
        docs, docnums = self.docs, self.docnums
        if floor > -math.inf and self.others:
            most = map(mul, map(add, self.partial, repeat(self.others)), self.lifts())
            keep = list(map(ge, most, repeat(floor)))
            docs, docnums = list(compress(docs, keep)), list(compress(docnums, keep))
        summed: Iterable[float] = repeat(0.0)
        for n, term in self.found:
            known = self.scores.get(n)
            if known is None:
                scores = term.scores_of(docs)
            else:
                scores = known if keep is None else list(compress(known, keep))
            summed = list(map(add, summed, scores))
        lifted = map(mul, summed, map(self.lift.__getitem__, docnums))
        return zip(lifted, map(neg, docnums), strict=True)

    def lifts(self) -> Iterable[float]:
        return map(self.lift.__getitem__, self.docnums)


def _holding(found: list[TermPostings], base: int, matches: Collection[int]) -> list[int]:
    """The matches holding any of the terms, as segment document numbers."""
    docs: set[int] = set()
    for term in found:
        ids = term.ids()
        docs.update(ids if not base else map(add, ids, repeat(base)))
    held = docs.intersection(matches)
    return sorted(map(sub, held, repeat(base)) if base else held)


def _most(found: list[TermPostings], base: int, lift: LiftBounds) -> float:
    """The most a document of the segment can score from these terms alone, lifted: the
    segment cut into runs at every block boundary, each run's block bounds summed."""
    if not found:
        return 0.0
    cuts = sorted({block.last for term in found for block in term.blocks})
    lasts = [[block.last for block in term.blocks] for term in found]
    most = 0.0
    after = -1
    for last in cuts:
        total = 0.0
        for term, ends in zip(found, lasts, strict=True):
            i = bisect_left(ends, last)
            if i < len(ends):
                total += term.bounds[i]
        most = max(most, total * lift.most(base + after + 1, base + last))
        after = last
    return most * MARGIN


def inlined_postings(leaf: Any, fieldname: str, text: str) -> Postings | None:
    """A term whose few postings Whoosh keeps in its terms file, as one block (None: more
    than a few postings, not in blocks)."""
    ids: list[int] = []
    weights: list[float] = []
    for block_ids, block_weights in postings(leaf, fieldname, text):
        ids.extend(block_ids)
        weights.extend(block_weights)
        if len(ids) > 128:
            return None
    if not ids:
        return None
    return _OneBlock(ids, weights)


class _OneBlock(Postings):
    """Postings already decoded, as one block."""

    def __init__(self, ids: list[int], weights: list[float]) -> None:
        block = RawBlock(ids[-1], len(ids), False, 0, 0, max(weights), 0)
        super().__init__(b"", [block], None, True)
        self._decoded = ids, weights

    def decode(self, block: RawBlock) -> tuple[list[int], Sequence[float]]:
        return self._decoded
