"""Which documents a query matches, as Python sets built from posting blocks.

Counting, facets, filters and date ordering only need the set of matching documents, not
scores. Whoosh would find it by stepping a matcher through every posting in Python; here each
term's posting blocks are decoded whole and poured into a set, and the query's logic (OR, AND,
NOT, date spans, expanded prefixes) becomes set algebra that runs at C speed. Queries with
positional logic (phrases) fall back to Whoosh's own matching.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import pairwise, repeat
from operator import add
from typing import Any

from whoosh import query

from index.api.records import FacetCount, FacetField
from index.engines.whoosh.column_sets import DateOrder, FacetCounts
from index.engines.whoosh.pairs import (
    PAIR_FIELDS,
    SEGMENT_PAIRS,
    indexed_pairs,
    is_pair,
    pair_term,
)
from index.engines.whoosh.phrases import (
    WordCounts,
    consecutive,
    dense_phrase,
    phrase_starts,
    position_keys,
    positions_by_doc,
)
from index.engines.whoosh.postings import postings

_TERM_CACHE = 256
_COUNT_CACHE = 8
_KEPT_POSTINGS = 2_000_000
"""Decoded postings kept for ranking, summed over terms (about 12 bytes each)."""
_DENSE = 4
"""A phrase whose words' frequencies are all within this factor of each other is matched
from every posting of its words (see ``phrases.dense_phrase``)."""


class Docnums(query.Query):  # type: ignore[misc]
    """A query that matches exactly these document numbers (what ``is:`` filters become)."""

    def __init__(self, docnums: frozenset[int]) -> None:
        self.docnums = docnums

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Docnums) and other.docnums == self.docnums

    def __hash__(self) -> int:
        return hash(self.docnums)

    def __repr__(self) -> str:
        return f"Docnums({len(self.docnums)} documents)"

    def is_leaf(self) -> bool:
        return True

    def docs(self, searcher: Any) -> Iterator[int]:
        return iter(sorted(self.docnums))

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        from whoosh.matching import ListMatcher

        return ListMatcher(sorted(self.docnums))


class DocSets:
    """Document-number sets for one searcher: per query, per facet value, in date order."""

    def __init__(self, searcher: Any, facet_columns: Mapping[FacetField, str]) -> None:
        self._searcher = searcher
        self._reader = searcher.reader()
        self._terms: OrderedDict[tuple[str, str], frozenset[int]] = OrderedDict()
        self._live: frozenset[int] | None = None
        self._facet_counts = FacetCounts(self._reader, facet_columns)
        self._date_order = DateOrder(self._reader, self.live)
        self._counts: dict[tuple[str, str], dict[int, int] | WordCounts] = {}
        self._kept: OrderedDict[tuple[str, str, int], tuple[array[int], array[float]]]
        self._kept = OrderedDict()
        self._kept_size = 0
        self._segment_pairs: list[tuple[int, int, frozenset[str] | None]] | None = None

    # -- query documents --------------------------------------------------------------------

    def live(self) -> frozenset[int]:
        """Every document that is not deleted."""
        if self._live is None:
            reader = self._reader
            total = reader.doc_count_all()
            if reader.has_deletions():
                self._live = frozenset(d for d in range(total) if not reader.is_deleted(d))
            else:
                self._live = frozenset(range(total))
        return self._live

    def of(self, q: query.Query) -> frozenset[int] | set[int]:
        """The documents matching ``q``."""
        if isinstance(q, query.Term):
            return self.term(q.fieldname, q.text, keep=True)
        if isinstance(q, Docnums):
            return q.docnums
        if isinstance(q, query.Every):
            return self.live()
        if isinstance(q, query.NullQuery.__class__) or q is query.NullQuery:
            return frozenset()
        if isinstance(q, query.Or):
            found: set[int] = set()
            for child in q.subqueries:
                found |= self.of(child)
            return found
        if isinstance(q, query.And):
            parts = sorted((self.of(child) for child in q.subqueries), key=len)
            if not parts:
                return frozenset()
            result = parts[0]
            for part in parts[1:]:
                result = result & part  # (a new set, built from the smaller one)
                if not result:
                    break
            return result
        if isinstance(q, query.AndNot):
            return set(self.of(q.a)) - self.of(q.b)
        if isinstance(q, query.AndMaybe):
            return self.of(q.a)
        if isinstance(q, query.Not):
            return set(self.live()) - self.of(q.query)
        if isinstance(q, query.ConstantScoreQuery | query.WrappingQuery):
            return self.of(q.child)
        if isinstance(q, query.Phrase) and q.slop == 1:
            in_phrase = self.phrase(q.fieldname, q.words)
            if in_phrase is not None:
                return in_phrase
        return set(self._searcher.docs_for_query(q))

    def phrase(self, fieldname: str, words: list[str]) -> set[int] | None:
        """Documents with ``words`` at consecutive positions (None: cannot tell, ask Whoosh).

        Adjacent common words are looked up as one pair term (see ``pairs``): a phrase of
        two of them needs nothing more, in every segment for the fixed lists' words, in the
        segments that pair them for words common in a segment. Other candidates come from
        the rarer words' document sets; a word in far more documents than the candidates is
        not read whole: its positions, read only from the posting blocks that hold
        candidates, tell which candidates have it at all.
        """
        schema = self._reader.schema
        if fieldname not in schema or not words:
            return set()
        frequency = {w: self._reader.doc_frequency(fieldname, w) for w in set(words)}
        if not all(frequency.values()):
            return set()
        pair_field = PAIR_FIELDS.get(fieldname, "")
        if pair_field not in schema:
            return self._phrase(fieldname, words, frequency, "")
        paired = self._paired_segments(words)
        if not paired:
            return self._phrase(fieldname, words, frequency, pair_field)
        # Segments pairing every word of the phrase: their candidates hold every pair.
        inside: set[int] | None = None
        for first, second in pairwise(words):
            docs = self.term(pair_field, pair_term(first, second))
            inside = set(docs) if inside is None else inside & docs
            if not inside:
                break
        inside = inside or set()
        if len(paired) < len(self._segments()):
            inside = {d for d in inside if any(start <= d < end for start, end in paired)}
        if len(words) > 2 and inside:
            found = self._phrase(fieldname, words, frequency, pair_field, seed=inside)
            if found is None:
                return None
            inside = found
        if len(paired) == len(self._segments()):
            return inside
        rest = self._phrase(fieldname, words, frequency, pair_field, skip=paired)
        return None if rest is None else inside | rest

    def _segments(self) -> list[tuple[int, int, frozenset[str]]]:
        """(first document, end, words it pairs) of each segment."""
        if self._segment_pairs is None:
            self._segment_pairs = [
                (base, base + leaf.doc_count_all(), getattr(leaf.segment(), SEGMENT_PAIRS, None))
                if hasattr(leaf, "segment")
                else (base, base + leaf.doc_count_all(), None)
                for leaf, base in self._reader.leaf_readers()
            ]
        return [(start, end, words or frozenset()) for start, end, words in self._segment_pairs]

    def _paired_segments(self, words: list[str]) -> list[tuple[int, int]]:
        """The document spans of the segments where every adjacent pair of ``words`` is a
        pair term, when not every segment holds them all by the fixed lists (else none)."""
        adjacent = list(pairwise(words))
        if not adjacent or all(is_pair(a, b) for a, b in adjacent):
            return []
        return [
            (start, end)
            for start, end, paired in self._segments()
            if paired and all(is_pair(a, b, paired) for a, b in adjacent)
        ]

    def _phrase(
        self,
        fieldname: str,
        words: list[str],
        frequency: dict[str, int],
        pair_field: str,
        skip: Sequence[tuple[int, int]] = (),
        seed: set[int] | None = None,
    ) -> set[int] | None:
        """:meth:`phrase` from the fixed lists' pairs and positions, among ``seed`` if given,
        leaving out the documents of the spans in ``skip``."""
        pairs = indexed_pairs(words) if pair_field else []
        candidates: set[int] | None = seed
        for _, term in pairs:
            docs = self.term(pair_field, term)
            candidates = set(docs) if candidates is None else candidates & docs
            if not candidates:
                return set()
        if len(words) == 2 and candidates is not None:
            return _outside(candidates, skip)
        spread = max(frequency.values()) / min(frequency.values())
        if candidates is None and len(words) > 1 and spread <= _DENSE:
            dense = dense_phrase(self._reader, fieldname, words, {start for start, _ in skip})
            if dense is not None:
                for word, counts in dense[1].items():
                    self._remember_counts(fieldname, word, counts)
                return dense[0]
        paired = {w for i, _ in pairs for w in words[i : i + 2]}
        for word in sorted(frequency, key=lambda w: (frequency[w], w)):
            cached = (fieldname, word) in self._terms
            if (
                candidates is not None
                and not cached
                and (word in paired or frequency[word] > 4 * len(candidates))
            ):
                continue  # its positions will tell
            docs = self.term(fieldname, word)
            candidates = set(docs) if candidates is None else candidates & docs
            if not candidates:
                return set()
        assert candidates is not None
        candidates = _outside(candidates, skip)
        if len(words) == 1 or not candidates:
            return candidates
        keys: dict[str, list[int]] = {}
        for word in frequency:
            found = position_keys(self._reader, fieldname, word, candidates)
            if found is None:
                return self._phrase_by_doc(fieldname, words, candidates)
            self._remember_counts(fieldname, word, found[0])
            keys[word] = found[1]
        return phrase_starts(words, keys) & candidates

    def _phrase_by_doc(
        self, fieldname: str, words: list[str], candidates: set[int]
    ) -> set[int] | None:
        """:meth:`phrase` on blocks that decode their positions one document at a time."""
        positions = {}
        for word in set(words):
            found = positions_by_doc(self._reader, fieldname, word, candidates)
            if found is None:
                return None
            positions[word] = found
            self._remember_counts(fieldname, word, {d: len(p) for d, p in found.items()})
        return consecutive(candidates, [positions[w] for w in words])

    def _remember_counts(
        self, fieldname: str, word: str, counts: dict[int, int] | WordCounts
    ) -> None:
        """Ranking needs each word's count in the matches: the positions just read tell."""
        self._counts[(fieldname, word)] = counts
        while len(self._counts) > _COUNT_CACHE:
            del self._counts[next(iter(self._counts))]

    def kept_postings(
        self, fieldname: str, text: str, base: int
    ) -> list[tuple[Sequence[int], Sequence[float]]] | None:
        """The (document numbers, weights) of a term in the segment starting at ``base``,
        if a recent search decoded them (see :meth:`term`)."""
        kept = self._kept.get((fieldname, text, base))
        return None if kept is None else [kept]

    def known_counts(self, fieldname: str, word: str, docs: Iterable[int]) -> dict[int, int] | None:
        """How often ``word`` occurs in the documents a recent phrase check counted it in
        (maybe not all of ``docs``), or None."""
        found = self._counts.get((fieldname, word))
        return found.made() if isinstance(found, WordCounts) else found

    def term(self, fieldname: str, text: str | bytes, keep: bool = False) -> frozenset[int]:
        """The documents containing one term (cached: typing repeats terms).

        With ``keep``, the postings decoded are kept (up to a budget) for ranking to score
        without decoding them again (see :meth:`kept_postings`).
        """
        key = (fieldname, text if isinstance(text, str) else text.decode("utf-8"))
        cached = self._terms.get(key)
        if cached is not None:
            self._terms.move_to_end(key)
            return cached
        found: set[int] = set()
        if fieldname in self._reader.schema:
            for leaf, base in self._reader.leaf_readers():
                if (fieldname, key[1]) not in leaf:
                    continue
                blocks = list(postings(leaf, fieldname, key[1]))
                if keep:
                    self._keep((fieldname, key[1], base), blocks)
                for ids, _ in blocks:
                    found.update(ids if not base else map(add, ids, repeat(base)))
                if leaf.has_deletions():
                    found -= {base + d for d in leaf.deleted_docs_set}
        result = frozenset(found)
        self._terms[key] = result
        while len(self._terms) > _TERM_CACHE:
            self._terms.popitem(last=False)
        return result

    def _keep(
        self, key: tuple[str, str, int], blocks: list[tuple[Sequence[int], Sequence[float]]]
    ) -> None:
        """Keep a term's decoded postings in one segment, dropping the oldest over budget."""
        ids = array("I")
        weights = array("f")  # (Whoosh keeps weights as 32-bit floats: nothing is lost)
        for block_ids, block_weights in blocks:
            ids.extend(block_ids)
            weights.extend(
                block_weights if isinstance(block_weights, array) else array("f", block_weights)
            )
        self._kept[key] = (ids, weights)
        self._kept_size += len(ids)
        while self._kept_size > _KEPT_POSTINGS and len(self._kept) > 1:
            _, (old, _) = self._kept.popitem(last=False)
            self._kept_size -= len(old)

    # -- facets and date order (see ``column_sets``) ----------------------------------------

    def count_facets(self, matches: Iterable[int]) -> dict[FacetField, tuple[FacetCount, ...]]:
        """How many of ``matches`` have each facet value (see :class:`FacetCounts`)."""
        return self._facet_counts.count(matches)

    def dates(self) -> list[int]:
        """Every document's date as ``YYYYMMDD`` (0 when undated), by document number."""
        return self._date_order.dates()

    def undated(self) -> frozenset[int]:
        """Live documents without a date of their own."""
        return self._date_order.undated()

    def in_date_order(self, docs: Iterable[int], newest: bool, limit: int | None) -> list[int]:
        """``docs`` sorted by date (undated last either way), the first ``limit`` of them."""
        return self._date_order.in_order(docs, newest, limit)


def _outside(docs: set[int], spans: Sequence[tuple[int, int]]) -> set[int]:
    """``docs`` without those in any of ``spans`` (start, end)."""
    for start, end in spans:
        if len(docs) < end - start:
            docs = {d for d in docs if not start <= d < end}
        else:
            docs = docs.difference(range(start, end))
    return docs
