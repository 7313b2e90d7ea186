"""Rank a known set of matching documents by BM25F, reading posting blocks whole.

Which documents match is already known (``index.docsets``); ranking only needs their scores.
Whoosh would find them by stepping a matcher over every posting of every scoring word, a few
Python calls per posting, restricted to the matches by a filter it checks one posting at a
time. Here each word's posting blocks are decoded whole (document numbers and weights come
out as arrays) and only the matching documents' scores are computed, with the same BM25F
formula and statistics Whoosh uses. Every match is scored, so the recency lift (see
``index.scoring``) can reorder all of them, not only a first page. (The first pages of a
search with many matches usually need far fewer: see ``topk``.)
"""

from __future__ import annotations

import heapq
from array import array
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable, Sequence
from itertools import compress, repeat
from operator import add, ge, mul, neg, sub, truediv
from typing import Any

from whoosh import query
from whoosh.scoring import BM25FScorer

from index.engines.whoosh.fixes import LENGTH_OF_BYTE, length_bytes
from index.engines.whoosh.postings import postings, read_postings

_SPARSE = 16
"""Wanted documents this many times fewer than a term's postings are looked up, not walked."""
_BLOCK = 128
"""Postings in a full block (Whoosh's default block size)."""
_FEW_WANTED = 8
"""Pairs wanted under this share of the scores: only those near the top are ordered."""
_FORMULAS = 4096
"""Terms whose formulas a score cache keeps."""

KnownCounts = Callable[[str, str, Collection[int]], "dict[int, int] | None"]
"""(field, word, documents) -> the word's count in documents where it is already known (a
phrase check counted it; maybe not in all of them)."""
KeptPostings = Callable[[str, str, int], "list[tuple[Sequence[int], Sequence[float]]] | None"]
"""(field, word, segment base) -> the term's posting blocks there, when already read."""


def bm25f_scores(
    searcher: Any,
    weighting: Any,
    terms: Sequence[query.Term],
    matches: Collection[int],
    known: KnownCounts | None = None,
    kept: KeptPostings | None = None,
    cache: ScoreCache | None = None,
) -> dict[int, float]:
    """Each matching document's summed BM25F score for ``terms`` (with their boosts).

    Documents in ``matches`` holding none of the terms are left out. ``known`` supplies word
    counts already at hand (a phrase check counts its words), saving a walk of the postings;
    ``kept`` supplies posting blocks already read (finding the matches read them); ``cache``
    keeps each term's scores for the next search (typing repeats words).
    """
    scores: dict[int, float] = {}
    reader = searcher.reader()
    leaves = list(reader.leaf_readers())
    local_matches = _split_by_leaf(matches, leaves)
    for term in terms:
        fieldname, text = term.fieldname, term.text
        if fieldname not in reader.schema or (fieldname, text) not in reader:
            continue
        formula = formula_of(searcher, weighting, term, cache)
        boost = formula.boost
        counts = known(fieldname, text, matches) if known is not None else None
        field_boost = reader.schema[fieldname].format.field_boost
        for (leaf, base), wanted in zip(leaves, local_matches, strict=True):
            if not wanted or (fieldname, text) not in leaf:
                continue
            lengths = formula.lengths(leaf)
            parts: Iterable[tuple[Sequence[int], Sequence[float], set[int] | frozenset[int]]]
            complete = False
            if counts is not None:
                # Counted documents score from their counts; the others (matched in another
                # field, say) from the postings holding them.
                counted = [d for d in wanted if base + d in counts]
                tfs = [counts[base + d] * field_boost for d in counted]
                parts = [(counted, tfs, wanted)]
                rest = wanted.difference(counted)
                if rest:
                    read = kept(fieldname, text, base) if kept is not None else None
                    more, _ = _wanted_postings(leaf, fieldname, text, rest, read)
                    parts.extend((ids, weights, rest) for ids, weights in more)
            else:
                key = (fieldname, text, boost, base)
                remembered = cache.get(key) if cache is not None else None
                if remembered is not None:
                    _add_remembered(scores, base, wanted, *remembered)
                    continue
                read = kept(fieldname, text, base) if kept is not None else None
                blocks, complete = _wanted_postings(leaf, fieldname, text, wanted, read)
                parts = ((ids, weights, wanted) for ids, weights in blocks)
            every_id: array[int] = array("I")
            every_value: array[float] = array("d")
            for ids, weights, allowed in parts:
                values = formula.values(ids, weights, lengths)
                if complete and cache is not None:
                    every_id.extend(ids)
                    every_value.extend(values)
                if allowed.issuperset(ids):  # (every posting a match: an OR's words)
                    _add_all(scores, base, ids, values)
                    continue
                found = dict(zip(ids, values, strict=True))
                _accumulate(scores, base, allowed & found.keys(), found)
            if complete and cache is not None:
                cache.put((fieldname, text, boost, base), every_id, every_value)
    return scores


def formula_of(
    searcher: Any, weighting: Any, term: query.Term, cache: ScoreCache | None = None
) -> Formula:
    """The term's :class:`Formula`, kept in ``cache`` (its statistics are the generation's)."""
    if cache is None:
        return Formula(searcher, weighting, term)
    return cache.formula(searcher, weighting, term)


class Formula:
    """How one term's posting weights become its BM25F scores: the same operations, in the
    same order, as ``whoosh.scoring`` (a field without lengths scores weight x boost)."""

    def __init__(self, searcher: Any, weighting: Any, term: query.Term) -> None:
        self.fieldname = term.fieldname
        self.boost = boost = float(term.boost)
        scorer = weighting.scorer(searcher, term.fieldname, term.text)
        self.bm25 = isinstance(scorer, BM25FScorer)
        self.numerator = self.constant = 0.0
        self.scaled: list[float] = []
        if self.bm25:
            # bm25(idf, tf, fl, avgfl, B, K1), as whoosh.scoring computes it, rearranged:
            # idf * tf * (K1 + 1) / (tf + K1 * (1 - B) + K1 * B / avgfl * fl)
            self.numerator = boost * scorer.idf * (scorer.K1 + 1)
            self.constant = scorer.K1 * (1 - scorer.B)
            per_length = scorer.K1 * scorer.B / scorer.avgfl
            # per_length * length for each length byte (a length of 0 counts as 1)
            self.scaled = [per_length * (length or 1) for length in LENGTH_OF_BYTE]

    def lengths(self, leaf: Any) -> bytes | None:
        """The field's length bytes in one segment, when scores depend on them."""
        return length_bytes(leaf, self.fieldname) if self.bm25 else None

    def values(
        self, ids: Sequence[int], weights: Sequence[float], lengths: bytes | None
    ) -> list[float]:
        """The scores of postings (document numbers and weights) in one segment."""
        if lengths is None:
            return list(map(mul, repeat(self.boost), weights))
        # Every posting's score computed in C, the same operations in the same order as
        # numerator * tf / (tf + constant + scaled[length]).
        below = map(
            add,
            map(add, weights, repeat(self.constant)),
            map(self.scaled.__getitem__, map(lengths.__getitem__, ids)),
        )
        return list(map(truediv, map(mul, repeat(self.numerator), weights), below))

    def bound(self, maxweight: float, minlength: int, lengths: bytes | None) -> float:
        """The most a posting of a block can score, from the block's highest weight and its
        shortest length (as a length byte): the score grows with the weight and shrinks
        with the length. (Exact up to rounding; callers add a margin.)"""
        if lengths is None:
            return self.boost * maxweight
        below = maxweight + self.constant + self.scaled[minlength]
        return self.numerator * maxweight / below


def top(
    scores: dict[int, float], lift: Sequence[float], limit: int | None
) -> list[tuple[float, int]]:
    """(score x recency lift, docnum) pairs, best first (ties: lower docnum first)."""
    docnums = list(scores)
    values = list(map(mul, scores.values(), map(lift.__getitem__, docnums)))
    if limit is not None and 0 < limit < len(values) // _FEW_WANTED:
        # Only the pairs reaching the limit-th best value (found by a sort of the values,
        # in C) are made and ordered: the same first pairs.
        cutoff = sorted(values, reverse=True)[limit - 1]
        kept = list(map(ge, values, repeat(cutoff)))
        values, docnums = list(compress(values, kept)), list(compress(docnums, kept))
    lifted = list(zip(values, map(neg, docnums), strict=True))
    best = sorted(lifted, reverse=True) if limit is None else heapq.nlargest(limit, lifted)
    return [(score, -negative) for score, negative in best]


def _wanted_postings(
    leaf: Any,
    fieldname: str,
    text: str,
    wanted: Collection[int],
    kept: list[tuple[Sequence[int], Sequence[float]]] | None,
) -> tuple[Iterable[tuple[Sequence[int], Sequence[float]]], bool]:
    """Blocks of (document numbers, weights) of a term in one segment holding every wanted
    document it has (all its postings when the wanted are many, else only theirs), and
    whether they are all its postings."""
    if kept is not None:
        ids, weights = kept[0]
        if len(wanted) * _SPARSE >= len(ids):
            return kept, True
        found = [(d, bisect_left(ids, d)) for d in sorted(wanted)]
        hits = [(d, i) for d, i in found if i < len(ids) and ids[i] == d]
        return [([d for d, _ in hits], [weights[i] for _, i in hits])], False
    read = read_postings(leaf, fieldname, text)
    if read is None or len(wanted) * _SPARSE >= len(read.blocks) * _BLOCK:
        return postings(leaf, fieldname, text), True
    # A few wanted among many postings: only theirs are scored (a block's scoring costs
    # more than looking each wanted document up in its numbers).
    local = sorted(wanted)
    found_ids: list[int] = []
    found_weights: list[float] = []
    done = 0
    for block in read.blocks:
        upto = bisect_right(local, block.last, done)
        if upto > done:
            ids, weights = read.decode(block)
            for docnum in local[done:upto]:
                i = bisect_left(ids, docnum)
                if i < len(ids) and ids[i] == docnum:
                    found_ids.append(docnum)
                    found_weights.append(weights[i])
            done = upto
            if done == len(local):
                break
    return [(found_ids, found_weights)], False


def _add_remembered(
    scores: dict[int, float],
    base: int,
    wanted: Collection[int],
    ids: array[int],
    values: array[float],
) -> None:
    """Add a term's remembered scores in one segment to the wanted documents' sums."""
    get = scores.get
    if len(wanted) * _SPARSE < len(ids):
        for docnum in wanted:
            i = bisect_left(ids, docnum)
            if i < len(ids) and ids[i] == docnum:
                scores[base + docnum] = get(base + docnum, 0.0) + values[i]
        return
    found = dict(zip(ids, values, strict=True))
    _accumulate(scores, base, wanted & found.keys(), found)


def _add_all(
    scores: dict[int, float], base: int, ids: Sequence[int], values: Sequence[float]
) -> None:
    """Add each posting's score to its document's sum in ``scores`` (keys offset by
    ``base``), in C."""
    keys = list(map(add, ids, repeat(base))) if base else ids
    summed = map(add, map(scores.get, keys, repeat(0.0)), values)
    scores.update(zip(keys, summed, strict=True))


def _accumulate(
    scores: dict[int, float], base: int, docs: Iterable[int], found: dict[int, float]
) -> None:
    """Add each document's ``found`` score to its sum in ``scores`` (keys offset by
    ``base``), in C: the same additions as one at a time."""
    docs = list(docs)
    keys = list(map(add, docs, repeat(base))) if base else docs
    summed = map(add, map(scores.get, keys, repeat(0.0)), map(found.__getitem__, docs))
    scores.update(zip(keys, summed, strict=True))


class ScoreCache:
    """Terms' scores in every document of a segment, kept within a budget of postings.

    Only valid for one index generation (the scores depend on its statistics).
    """

    def __init__(self, budget: int = 1_000_000) -> None:
        self._budget = budget
        self._kept: OrderedDict[tuple[str, str, float, int], tuple[array[int], array[float]]]
        self._kept = OrderedDict()
        self._size = 0
        self._formulas: OrderedDict[tuple[str, str, float], Formula] = OrderedDict()

    def formula(self, searcher: Any, weighting: Any, term: query.Term) -> Formula:
        """The term's :class:`Formula` (made once: its statistics take several lookups)."""
        key = (term.fieldname, term.text, float(term.boost))
        found = self._formulas.get(key)
        if found is None:
            found = self._formulas[key] = Formula(searcher, weighting, term)
            while len(self._formulas) > _FORMULAS:
                self._formulas.popitem(last=False)
        return found

    def get(self, key: tuple[str, str, float, int]) -> tuple[array[int], array[float]] | None:
        """(document numbers, scores) of a term (field, text, boost, segment base)."""
        found = self._kept.get(key)
        if found is not None:
            self._kept.move_to_end(key)
        return found

    def put(self, key: tuple[str, str, float, int], ids: array[int], values: array[float]) -> None:
        """Keep a term's scores, dropping the least recently used over the budget."""
        if key in self._kept:
            return
        self._kept[key] = (ids, values)
        self._size += len(ids)
        while self._size > self._budget and len(self._kept) > 1:
            _, (old, _) = self._kept.popitem(last=False)
            self._size -= len(old)


def _split_by_leaf(matches: Collection[int], leaves: Sequence[tuple[Any, int]]) -> list[set[int]]:
    """The matches of each segment, as segment-local document numbers."""
    if len(leaves) == 1:
        return [matches if isinstance(matches, set | frozenset) else set(matches)]  # type: ignore[list-item]
    # The matches sorted (in C: a set of numbers comes out nearly in order), each
    # segment's share cut out by bisection and moved to its numbers in C.
    ordered = sorted(matches)
    local = []
    for leaf, base in leaves:
        first = bisect_left(ordered, base)
        last = bisect_left(ordered, base + leaf.doc_count_all(), first)
        part = ordered[first:last]
        local.append(set(map(sub, part, repeat(base))) if base else set(part))
    return local


def unscored(matches: Iterable[int], scores: dict[int, float]) -> list[int]:
    """The matches that hold none of the scoring words (matched by a prefix or OR branch)."""
    return [docnum for docnum in matches if docnum not in scores]
