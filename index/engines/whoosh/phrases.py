"""Which candidate documents hold a phrase's words at consecutive positions.

On blocks the engine's codec wrote (:class:`~index.engines.whoosh.codec.NewsPositions`), a
block's positions decode in one call, and every position becomes one number, the document in
the high bits and the position in the low ones: the phrase's starts are then the intersection
of its words' numbers, each shifted back by the word's place in the phrase, all set algebra in
C. Older blocks are decoded document by document.
"""

from __future__ import annotations

import pickle
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Iterator, Sequence
from itertools import accumulate, chain, repeat
from operator import add, lshift, or_, rshift
from typing import Any

from whoosh import formats
from whoosh.system import _INT_SIZE

from index.engines.whoosh.codec import NewsPositions
from index.engines.whoosh.postings import Postings, read_postings

_SHIFT = 32
"""Bits a document number is shifted by in a position key (positions stay below 2**32)."""

_SPARSE = 4
"""A block holding this many times more postings than wanted documents is read per document."""

Counts = dict[int, int]
"""Document number -> how often a word occurs there."""
Decoded = list[tuple[list[int], "array[int]", "array[int]"]]
"""A word's blocks in one segment: (document numbers, positions per document, positions)."""


class WordCounts:
    """How often a word occurs in each document of some posting blocks, made into a
    :data:`Counts` dict only when ranking asks (most first pages never do)."""

    def __init__(self) -> None:
        self._blocks: list[tuple[int, Decoded]] = []
        self._made: Counts | None = None

    def add(self, base: int, blocks: Decoded) -> None:
        """Count the documents of a segment's decoded blocks (numbers from ``base``)."""
        self._blocks.append((base, blocks))
        self._made = None

    def made(self) -> Counts:
        """Document number -> count."""
        if self._made is None:
            made: Counts = {}
            for base, blocks in self._blocks:
                for ids, per_doc, _ in blocks:
                    docnums = map(add, ids, repeat(base)) if base else ids
                    made.update(zip(docnums, per_doc, strict=True))
            self._made = made
        return self._made


def dense_phrase(
    reader: Any, fieldname: str, words: Sequence[str], skip: Collection[int] = ()
) -> tuple[set[int], dict[str, WordCounts]] | None:
    """Documents with ``words`` at consecutive positions, and each word's counts, from every
    posting of every word (None unless every block holds :class:`NewsPositions`), but in the
    segments starting at a document number in ``skip``.

    For words of about the same frequency nearly every block holds a candidate, so no
    candidate set is made first: each block is decoded once, and the position keys of the
    words (segment by segment, shifted no further than the segment's positions need, so
    most keys stay small ints) intersected in C.
    """
    if not isinstance(reader.schema[fieldname].format, NewsPositions):
        return None
    distinct = list(dict.fromkeys(words))
    counts = {word: WordCounts() for word in distinct}
    found: set[int] = set()
    for leaf, base in reader.leaf_readers():
        if base in skip:
            continue
        decoded: dict[str, Decoded] = {}
        for word in distinct:
            if (fieldname, word) not in leaf:
                break
            read = read_postings(leaf, fieldname, word)
            if read is None or not read.news:
                return None
            decoded[word] = [read.decode_positions(block) for block in read.blocks]
        else:
            docs = _consecutive_in_segment(words, decoded)
            if leaf.has_deletions():
                docs -= leaf.deleted_docs_set
            found.update(map(add, docs, repeat(base)) if base else docs)
        for word, blocks in decoded.items():
            counts[word].add(base, blocks)
    return found, counts


def _consecutive_in_segment(words: Sequence[str], decoded: dict[str, Decoded]) -> set[int]:
    """Segment documents where ``words`` follow each other, from their decoded blocks."""
    span = len(words)
    top = max(
        (max(flat) for blocks in decoded.values() for _, _, flat in blocks if flat), default=0
    )
    shift = (top + span).bit_length()
    # Key of a phrase start s in document d: d << shift, plus span + s; a word at place i
    # is at s + i, so its key is its position's plus span - i.
    order = sorted(range(span), key=lambda i: sum(len(ids) for ids, _, _ in decoded[words[i]]))
    starts: set[int] | None = None
    for place in order:
        keys = _keys(decoded[words[place]], shift, span - place)
        if starts is None:
            starts = set(keys)
        else:
            starts.intersection_update(keys)
        if not starts:
            return set()
    return set(map(rshift, starts or (), repeat(shift)))


def _keys(blocks: Decoded, shift: int, offset: int) -> Iterator[int]:
    """``(document << shift) + offset + position`` of every position in ``blocks``."""
    return chain.from_iterable(
        map(
            add,
            chain.from_iterable(
                map(repeat, map(add, map(lshift, ids, repeat(shift)), repeat(offset)), per_doc)
            ),
            flat,
        )
        for ids, per_doc, flat in blocks
    )


def _blocks_holding(
    reader: Any, fieldname: str, word: str, docs: Collection[int]
) -> Iterable[tuple[int, Postings, Any, list[int]]] | None:
    """(segment base, postings, block, wanted local documents in its range) of each block
    of ``word`` whose range holds one of ``docs`` (None if a posting list is not in
    blocks)."""
    found = []
    for leaf, base in reader.leaf_readers():
        if (fieldname, word) not in leaf:
            continue
        read = read_postings(leaf, fieldname, word)
        if read is None:
            return None
        # This segment's wanted documents, sorted, to skip blocks holding none of them:
        # a block's header gives its last document without decoding the block.
        end = base + leaf.doc_count_all()
        local = sorted(d - base for d in docs if base <= d < end)
        done = 0
        for block in read.blocks:
            if done == len(local):
                break
            upto = bisect_right(local, block.last, done)
            if upto > done:
                found.append((base, read, block, local[done:upto]))
                done = upto
    return found


def position_keys(
    reader: Any, fieldname: str, word: str, docs: Collection[int]
) -> tuple[Counts, list[int]] | None:
    """(count per document, position keys) of ``word`` in the blocks holding ``docs``.

    None unless every block holds :class:`NewsPositions` from the engine's codec.
    """
    if not isinstance(reader.schema[fieldname].format, NewsPositions):
        return None
    blocks = _blocks_holding(reader, fieldname, word, docs)
    if blocks is None or not all(read.news for _, read, _, _ in blocks):
        return None
    counts: Counts = {}
    keys: list[int] = []
    for base, read, block, wanted in blocks:
        ids, per_doc, flat = read.decode_positions(block)
        if len(wanted) * _SPARSE < len(ids):
            # A few wanted among many: only their positions (ids are sorted).
            ends = list(accumulate(per_doc))
            for docnum in wanted:
                i = bisect_left(ids, docnum)
                if i < len(ids) and ids[i] == docnum:
                    count = per_doc[i]
                    counts[base + docnum] = count
                    shifted = (base + docnum) << _SHIFT
                    keys.extend(map(or_, repeat(shifted, count), flat[ends[i] - count : ends[i]]))
            continue
        docnums = list(map(add, ids, repeat(base))) if base else ids
        counts.update(zip(docnums, per_doc, strict=True))
        shifted_all = map(lshift, docnums, repeat(_SHIFT))
        keys.extend(map(or_, chain.from_iterable(map(repeat, shifted_all, per_doc)), flat))
    return counts, keys


def phrase_starts(words: list[str], keys: dict[str, list[int]]) -> set[int]:
    """Documents where ``words`` follow each other, from each word's position keys."""
    starts: set[int] | None = None
    span = len(words)
    # Key of a phrase start: the word's key moved back by its place (plus the phrase's
    # length, so the first positions stay positive).
    for place, word in sorted(enumerate(words), key=lambda pw: len(keys[pw[1]])):
        moved = map(add, keys[word], repeat(span - place))
        if starts is None:
            starts = set(moved)
        else:
            starts.intersection_update(moved)
        if not starts:
            return set()
    return {key >> _SHIFT for key in starts or ()}


def positions_by_doc(
    reader: Any, fieldname: str, word: str, docs: Collection[int]
) -> dict[int, list[int]] | None:
    """Positions of ``word`` in each of ``docs`` that holds it, decoded one by one (None
    if a posting list is unusual)."""
    field_format = reader.schema[fieldname].format
    if not isinstance(field_format, formats.Positions):
        return None
    decode = _decode_positions if type(field_format) is formats.Positions else None
    decode = decode or field_format.decode_positions
    blocks = _blocks_holding(reader, fieldname, word, docs)
    if blocks is None:
        return None
    found: dict[int, list[int]] = {}
    for base, read, block, _ in blocks:
        ids, values = read.decode_values(block)
        for docnum, value in zip(ids, values, strict=True):
            if base + docnum in docs:
                found[base + docnum] = decode(value)
    return found


def consecutive(candidates: Iterable[int], positions: list[dict[int, list[int]]]) -> set[int]:
    """The candidates where the words, whose positions are given in phrase order, follow
    each other (a candidate missing a word is left out)."""
    matched = set()
    first, rest = positions[0], list(enumerate(positions))[1:]
    for docnum in candidates:
        start = first.get(docnum)
        if start is None:
            continue
        # Phrase starts: positions of the first word that every later word follows.
        starts = set(start)
        for i, later in rest:
            found = later.get(docnum)
            if found is None:
                break
            starts.intersection_update([p - i for p in found])
            if not starts:
                break
        else:
            matched.add(docnum)
    return matched


def _decode_positions(value: bytes) -> list[int]:
    """A ``Positions`` posting value (a count, then pickled position deltas) as positions.

    What ``whoosh.formats.Positions.decode_positions`` returns, summed in C.
    """
    if not value.endswith(b"."):
        value += b"."
    return list(accumulate(pickle.loads(value[_INT_SIZE:])))  # our own index files
