"""Whoosh 3's codec with posting blocks that decode in C.

Whoosh pickles each block of 128 postings as one tuple of document-number deltas, weights
and values (a positions string per posting), so finding which documents hold a word unpickles
every position string too, and the deltas are summed in Python. Here a block keeps its
document numbers and weights in one small compressed run of fixed-size numbers, and its
values in another: the documents of a word in half the archive come out of ``array`` and
``zlib`` without touching a position, and values are decoded only for the blocks that need
them. Everything else (terms, block headers with their skip data, columns, stored fields) is
Whoosh 3's own, and Whoosh's matchers read these blocks through :class:`NewsLeafMatcher`.
"""

from __future__ import annotations

import pickle
import struct
import sys
import zlib
from array import array
from collections.abc import Sequence
from itertools import accumulate, chain, pairwise, repeat
from operator import rshift, sub
from typing import Any

from whoosh import formats
from whoosh.codec.whoosh3 import (
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3LeafMatcher,
    W3PostingsWriter,
)
from whoosh.system import emptybytes
from whoosh.util.numeric import length_to_byte

_PARTS = struct.Struct("<BII")
"""A block's data: whether weights follow the deltas, then the two parts' byte lengths."""
_BIG_ENDIAN = sys.byteorder == "big"  # numbers are stored little-endian
SMALL_BLOCK = 128
"""Blocks of fewer bytes than this are stored uncompressed."""


def raw_numbers(numbers: array[Any]) -> bytes:
    if _BIG_ENDIAN:
        numbers = array(numbers.typecode, numbers)
        numbers.byteswap()
    return numbers.tobytes()


def _numbers(typecode: str, data: bytes | memoryview) -> array[Any]:
    numbers = array(typecode)
    numbers.frombytes(data)
    if _BIG_ENDIAN:
        numbers.byteswap()
    return numbers


def encode_block(
    ids: Sequence[int], weights: array[float], values: list[bytes], fixed: int | None, level: int
) -> tuple[int, bytes]:
    """(compression level used, the block's data): document-number deltas and weights, then
    the values."""
    if fixed is None or fixed < 0:
        stored = (
            raw_numbers(array("I", map(len, values))) + emptybytes.join(values) if values else b""
        )
    else:
        stored = emptybytes.join(values)
    return encode_parts(ids, weights, stored, level)


def encode_parts(
    ids: Sequence[int], weights: array[float], stored: bytes, level: int
) -> tuple[int, bytes]:
    """(compression level used, a block's data) from its postings' numbers and its values
    already laid out.

    Blocks under :data:`SMALL_BLOCK` bytes are kept as they are: most terms have a posting or
    two, and compressing a few bytes takes zlib longer than the rest of writing them (and
    rarely makes them shorter). Each block's header says whether it is compressed.
    """
    deltas = array("I", map(sub, ids, chain((0,), ids)))
    weighted = any(w != 1.0 for w in weights)
    numbers = raw_numbers(deltas) + (raw_numbers(weights) if weighted else emptybytes)
    if level and len(numbers) + len(stored) >= SMALL_BLOCK:
        numbers = zlib.compress(numbers, level)
        stored = zlib.compress(stored, level) if stored else stored
    else:
        level = 0
    return level, _PARTS.pack(weighted, len(numbers), len(stored)) + numbers + stored


def decode_numbers(
    data: bytes | memoryview, count: int, compressed: bool
) -> tuple[list[int], Sequence[float]]:
    """(document numbers, weights) of a block's data."""
    weighted, size, _ = _PARTS.unpack_from(data)
    numbers = data[_PARTS.size : _PARTS.size + size]
    if compressed:
        numbers = zlib.decompress(numbers)
    ids = list(accumulate(_numbers("I", numbers[: 4 * count])))
    weights: Sequence[float] = _numbers("f", numbers[4 * count :]) if weighted else [1.0] * count
    return ids, weights


def decode_values(
    data: bytes | memoryview, count: int, compressed: bool, fixed: int | None
) -> Sequence[Any]:
    """The values of a block's data, one per posting (None each for a format without)."""
    _, size, stored_size = _PARTS.unpack_from(data)
    start = _PARTS.size + size
    stored = bytes(data[start : start + stored_size])
    if compressed and stored:
        stored = zlib.decompress(stored)
    if fixed == 0:
        return (None,) * count
    if fixed is not None and fixed > 0:
        return tuple(stored[i : i + fixed] for i in range(0, len(stored), fixed))
    if not stored:
        return (emptybytes,) * count
    lengths = _numbers("I", stored[: 4 * count])
    ends = list(accumulate(lengths, initial=4 * count))
    return tuple(stored[a:b] for a, b in pairwise(ends))


def decode_positions_block(
    data: bytes | memoryview, count: int, compressed: bool
) -> tuple[array[int], array[int]]:
    """(positions per posting, every position one after another) of a block of
    :class:`NewsPositions` values."""
    _, size, stored_size = _PARTS.unpack_from(data)
    start = _PARTS.size + size
    stored = bytes(data[start : start + stored_size])
    if compressed and stored:
        stored = zlib.decompress(stored)
    lengths = _numbers("I", stored[: 4 * count])
    counts = array("I", map(rshift, lengths, repeat(2)))
    return counts, _numbers("I", stored[4 * count :])


class NewsPositions(formats.Positions):  # type: ignore[misc]
    """Word positions as 32-bit numbers, one after another (Whoosh pickles their deltas).

    A block's positions then decode in one call, for every posting at once.
    """

    def encode(self, poslist: Sequence[int]) -> bytes:
        return raw_numbers(array("I", poslist))

    def decode_positions(self, valuestring: bytes) -> list[int]:
        return list(_numbers("I", valuestring))

    def decode_frequency(self, valuestring: bytes) -> int:
        return len(valuestring) >> 2

    def decode_weight(self, valuestring: bytes) -> float:
        return (len(valuestring) >> 2) * self.field_boost  # type: ignore[no-any-return]

    def decode_position_boosts(self, valuestring: bytes) -> list[tuple[int, int]]:
        return [(pos, 1) for pos in self.decode_positions(valuestring)]

    def combine(self, vs: Sequence[bytes]) -> bytes:
        return self.encode(sorted({p for v in vs for p in self.decode_positions(v)}))


class NewsCodec(W3Codec):  # type: ignore[misc]
    """Whoosh 3's codec, with :class:`NewsPostingsWriter` blocks for document postings."""

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> Any:
        if byteids:  # term vectors keep Whoosh's own blocks
            return super().postings_writer(dbfile, byteids)
        return NewsPostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )

    def postings_reader(
        self, dbfile: Any, terminfo: Any, format_: Any, term: Any = None, scorer: Any = None
    ) -> Any:
        if terminfo.is_inlined():
            return super().postings_reader(dbfile, terminfo, format_, term, scorer)
        offset, length = terminfo.extent()
        return NewsLeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)


class NewsPostingsWriter(W3PostingsWriter):  # type: ignore[misc]
    """Writes blocks as :func:`encode_block` lays them out (headers as Whoosh 3's)."""

    def _write_block(self, last: bool = False) -> None:
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        ids = self._ids
        fixed = self._format.fixed_value_size()
        level, databytes = encode_block(ids, self._weights, self._values, fixed, self._compression)
        infobytes = block_header(
            len(ids), ids[-1], self._maxweight, level, self._minlength, self._maxlength
        )
        size = len(infobytes) + len(databytes)
        self._postfile.write_int(-size if last else size)
        self._postfile.write(infobytes)
        self._postfile.write(databytes)
        self._blockcount += 1
        self._new_block()


def block_header(
    count: int, last: int, maxweight: float, level: int, minlength: int | None, maxlength: int
) -> bytes:
    """A block's header, the pickled tuple Whoosh 3 writes and skips blocks by."""
    return pickle.dumps(
        (count, last, maxweight, level, length_to_byte(minlength), length_to_byte(maxlength)),
        2,
    )


class NewsLeafMatcher(W3LeafMatcher):  # type: ignore[misc]
    """Reads :class:`NewsPostingsWriter` blocks for Whoosh's own matching."""

    def _read_data(self) -> None:
        self._data = self._postfile.get(self._dataoffset, self._nextoffset - self._dataoffset)

    def _read_ids(self) -> None:
        if self._data is None:
            self._read_data()
        compressed = bool(self._compression)
        self._ids, self._weights = decode_numbers(self._data, self._blocklength, compressed)

    def _read_weights(self) -> None:
        self._read_ids()

    def _read_values(self) -> None:
        if self._data is None:
            self._read_data()
        self._values = decode_values(
            self._data, self._blocklength, bool(self._compression), self._fixedsize
        )
