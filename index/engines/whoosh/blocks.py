"""Writing one term's whole posting list at once: its blocks and its term info.

Whoosh's writer takes postings one at a time and builds a term info object, a block object
and a header per block as they come. With every posting of a term already in arrays
(:class:`~index.engines.whoosh.writer.PostingBuffers`) the list is cut into blocks, each
block encoded as :class:`~index.engines.whoosh.codec.NewsPostingsWriter` encodes it, and the
term info packed as Whoosh 3 packs it: the same bytes, without the per-posting calls.
"""

from __future__ import annotations

import struct
from array import array
from operator import itemgetter
from typing import Any

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC
from whoosh.system import emptybytes
from whoosh.util.numeric import byte_to_length, length_to_byte

from index.engines.whoosh.codec import block_header, encode_parts, raw_numbers

LENGTH_OF_BYTE = [byte_to_length(b) for b in range(256)]
"""Field length each length byte stands for (Whoosh keeps a field's length as one byte)."""
_TERM_INFO = struct.Struct("!BfIBBfII")  # Whoosh 3's W3TermInfo, not inlined
_POINTER = struct.Struct("!qi")  # where the posting list starts, and its size
_BLOCK_SIZE = struct.Struct("!i")
_ROW = struct.Struct("!ii")  # a hash file row's key and value lengths


def posting_list(
    docs: array[int],
    weights: array[float],
    sizes: array[int],
    values: bytes | bytearray,
    lengths: bytes | None,
    fixed: int | None,
    blocklimit: int,
    level: int,
) -> tuple[bytes, tuple[float, int, int | None, int, float, int, int]]:
    """A term's posting list as the postings file holds it, and its statistics.

    ``sizes`` are the byte lengths of the postings' values, joined in ``values``;
    ``lengths`` the segment's field length bytes by document (None: lengths not kept);
    ``fixed`` the format's fixed value size. The statistics are (total weight, document
    count, shortest and longest field length, highest weight, first and last document),
    for :func:`term_info`.
    """
    parts = [WHOOSH3_HEADER_MAGIC]
    total, count, offset = 0.0, len(docs), 0
    shortest: int | None = None
    longest, heaviest = 0, 0.0
    variable = fixed is None or fixed < 0
    for start in range(0, count, blocklimit):
        end = min(start + blocklimit, count)
        ids = docs[start:end]
        block_weights = weights[start:end]
        if fixed == 0:
            stored = emptybytes
        else:
            block_sizes = sizes[start:end]
            size = sum(block_sizes)
            stored = bytes(values[offset : offset + size])
            offset += size
            if variable and stored:
                stored = raw_numbers(block_sizes) + stored
        top = max(block_weights)
        low, high = _length_range(ids, lengths)
        used, data = encode_parts(ids, block_weights, stored, level)
        header = block_header(end - start, ids[-1], top, used, low, high)
        size = len(header) + len(data)
        parts += (_BLOCK_SIZE.pack(-size if end == count else size), header, data)
        total += sum(block_weights)
        shortest = low if shortest is None else min(shortest, low)  # type: ignore[type-var]
        longest, heaviest = max(longest, high), max(heaviest, top)
    return emptybytes.join(parts), (total, count, shortest, longest, heaviest, docs[0], docs[-1])


def term_info(
    stats: tuple[float, int, int | None, int, float, int, int], offset: int, length: int
) -> bytes:
    """The term info Whoosh 3 keeps for a posting list written at ``offset``."""
    total, count, shortest, longest, heaviest, first, last = stats
    low = 0 if shortest is None else length_to_byte(shortest)
    head = _TERM_INFO.pack(0, total, count, low, length_to_byte(longest), heaviest, first, last)
    return head + _POINTER.pack(offset, length)


def add_rows(table: Any, rows: list[tuple[bytes, bytes]]) -> None:
    """Add (term key, term info) rows to Whoosh's ordered hash file of terms in one write,
    as its ``add`` would one at a time (same bytes, same hash buckets, same key index)."""
    dbfile = table.dbfile
    where = dbfile.tell()
    last, index, buckets, hashed = table.lastkey, table.index, table.buckets, table.hashfn
    data = bytearray()
    for key, value in rows:
        if key <= last:
            raise ValueError(f"terms must increase: {last!r}..{key!r}")
        index.append(where)
        h = hashed(key)
        buckets[h & 255].append((h, where))
        data += _ROW.pack(len(key), len(value))
        data += key
        data += value
        where += _ROW.size + len(key) + len(value)
        last = key
    dbfile.write(bytes(data))
    table.lastkey = last


def _length_range(ids: array[int], lengths: bytes | None) -> tuple[int | None, int]:
    """(shortest, longest) field length of the documents ``ids``, as Whoosh reads them back
    from their length bytes (documents of length 0 left out; (None, 0) for none)."""
    if lengths is None:
        return None, 0
    if ids[-1] < len(lengths):
        found = bytes(itemgetter(*ids)(lengths)) if len(ids) > 1 else bytes((lengths[ids[0]],))
    else:
        found = bytes(lengths[i] if i < len(lengths) else 0 for i in ids)
    longest = max(found)
    if not longest:
        return None, 0
    shortest = min(found.replace(b"\0", b"")) if 0 in found else min(found)
    return LENGTH_OF_BYTE[shortest], LENGTH_OF_BYTE[longest]
