"""A term's posting blocks, read straight from a segment's postings file.

Whoosh's matcher reads a block's header by unpickling from the file object (a few Python
calls per opcode), then the block's data, one file read per block. Here a term's whole posting
list is read with one call, headers are unpickled from memory, and document numbers come out
of their deltas in C. Blocks are decoded only when asked for, so a caller that knows which
documents it wants skips every block whose range holds none of them.
"""

from __future__ import annotations

import io
import pickle
import struct
import zlib
from array import array
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from itertools import accumulate
from typing import Any, NamedTuple

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3LeafMatcher, W3TermsReader
from whoosh.matching.wrappers import FilterMatcher

from index.engines.whoosh.codec import (
    NewsCodec,
    decode_numbers,
    decode_positions_block,
    decode_values,
)

_LENGTH = struct.Struct("!i")
_KEPT = "_newsdesk_postings"
"""The attribute of a segment reader holding the terms last read from it."""
_KEPT_TERMS = 64


class RawBlock(NamedTuple):
    """One posting block, not yet decoded: its last document and where its data lies."""

    last: int
    """The block's highest (segment-local) document number."""
    postings: int
    compressed: bool
    start: int
    end: int
    maxweight: float = 0.0
    """The highest weight of a posting in the block (Whoosh's block quality)."""
    minlength: int = 0
    """The shortest field length of its documents, as a length byte (0: unknown)."""


class Postings:
    """The posting blocks of one term in one segment."""

    def __init__(
        self, data: bytes, blocks: list[RawBlock], fixed_values: int | None, news: bool
    ) -> None:
        self._data = data
        self.blocks = blocks
        self._fixed = fixed_values
        self.news = news
        """Whether the blocks are laid out by the engine's codec."""

    def _load(self, block: RawBlock) -> tuple[Any, Any, Any]:
        data = self._data[block.start : block.end]
        if block.compressed:
            data = zlib.decompress(data)
        loaded: tuple[Any, Any, Any] = pickle.loads(data)  # our own index files
        return loaded

    def decode(self, block: RawBlock) -> tuple[list[int], Sequence[float]]:
        """(document numbers, weights) of one block."""
        if self.news:
            view = memoryview(self._data)[block.start : block.end]
            return decode_numbers(view, block.postings, block.compressed)
        deltas, weights, _ = self._load(block)
        return list(accumulate(deltas)), _weights(weights, block.postings)

    def decode_values(self, block: RawBlock) -> tuple[list[int], Sequence[Any]]:
        """(document numbers, encoded values) of one block."""
        if self.news:
            view = memoryview(self._data)[block.start : block.end]
            ids, _ = decode_numbers(view, block.postings, block.compressed)
            return ids, decode_values(view, block.postings, block.compressed, self._fixed)
        deltas, _, values = self._load(block)
        return list(accumulate(deltas)), values

    def decode_positions(self, block: RawBlock) -> tuple[list[int], array[int], array[int]]:
        """(document numbers, positions per document, all positions in a row) of one block
        of the engine's codec holding ``NewsPositions`` values."""
        view = memoryview(self._data)[block.start : block.end]
        ids, _ = decode_numbers(view, block.postings, block.compressed)
        counts, flat = decode_positions_block(view, block.postings, block.compressed)
        return ids, counts, flat

    def all(self) -> Iterator[tuple[list[int], Sequence[float]]]:
        """(document numbers, weights) of every block."""
        for block in self.blocks:
            yield self.decode(block)


def _weights(weights: Any, count: int) -> Sequence[float]:
    """A block's weights as Whoosh minifies them: None (all 1.0), one float, or a tuple."""
    if weights is None:
        return [1.0] * count
    if isinstance(weights, float):
        return [weights] * count
    return weights  # type: ignore[no-any-return]


def read_postings(leaf: Any, fieldname: str, text: str) -> Postings | None:
    """The posting blocks of a term in one segment reader (None: the term is not there, or
    its postings are not laid out as Whoosh 3 blocks in a postings file).

    The last terms read are kept with the segment reader (a search reads a term's blocks
    to match, then again to rank; typing repeats words), and go with it.
    """
    kept: OrderedDict[tuple[str, str], Postings | None] | None = getattr(leaf, _KEPT, None)
    if kept is None:
        kept = OrderedDict()
        try:
            setattr(leaf, _KEPT, kept)
        except AttributeError:  # (a reader that takes no attributes: nothing kept)
            return _read_postings(leaf, fieldname, text)
    key = (fieldname, text)
    if key in kept:
        kept.move_to_end(key)
        return kept[key]
    found = kept[key] = _read_postings(leaf, fieldname, text)
    while len(kept) > _KEPT_TERMS:
        kept.popitem(last=False)
    return found


def _read_postings(leaf: Any, fieldname: str, text: str) -> Postings | None:
    terms = getattr(leaf, "_terms", None)
    if not isinstance(terms, W3TermsReader) or (fieldname, text) not in leaf:
        return None
    tbytes = leaf._text_to_bytes(fieldname, text)
    info = terms.term_info(fieldname, tbytes)
    if info.is_inlined():
        return None
    offset, length = info.extent()
    if isinstance(length, tuple):  # Whoosh reads it back as struct.unpack's 1-tuple
        (length,) = length
    data = terms._postfile.get(offset, length)
    if data[:4] != WHOOSH3_HEADER_MAGIC:
        return None
    stream = io.BytesIO(data)
    blocks = []
    position = 4
    while position < length:
        (size,) = _LENGTH.unpack_from(data, position)
        stream.seek(position + 4)
        count, last, maxweight, compression, minlength, _ = pickle.load(stream)  # our own files
        end = position + 4 + abs(size)
        blocks.append(
            RawBlock(last, count, bool(compression), stream.tell(), end, maxweight, minlength)
        )
        position = end
        if size < 0:
            break
    fixed = leaf.schema[fieldname].format.fixed_value_size()
    return Postings(data, blocks, fixed, isinstance(terms._codec, NewsCodec))


def postings(
    leaf: Any, fieldname: str, text: str
) -> Iterator[tuple[Sequence[int], Sequence[float]]]:
    """(document numbers, weights) of each posting block of a term in one segment.

    Deleted documents are included; callers intersect with live matches.
    """
    found = read_postings(leaf, fieldname, text)
    if found is not None:
        yield from found.all()
        return
    if (fieldname, text) not in leaf:
        return
    matcher = leaf.postings(fieldname, text)
    if isinstance(matcher, FilterMatcher):
        matcher = matcher.child
    if isinstance(matcher, W3LeafMatcher):
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            yield matcher._ids, matcher._weights
            if matcher._lastblock:
                return
            matcher._next_block()
        return
    ids, weights = [], []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    yield ids, weights
