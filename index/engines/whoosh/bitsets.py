"""Sets of documents as the bits of an int, made in C: facet counts AND them and count bits."""

from __future__ import annotations

from collections.abc import Iterable

_BIT_CHARS = bytes.maketrans(b"\x00\x01", b"01")


def value_bitsets(by_doc: list[int], values: int) -> list[tuple[int, int]]:
    """(value number, bitset of the documents with it) for each value number above 0 that
    some document has, from the value number of each document."""
    if values <= 256:
        # One byte per document, each value's documents picked out by a byte translation
        # straight to binary digits: a few passes in C per value, none in Python.
        column = bytes(by_doc)
        found = []
        for number in sorted(set(column) - {0}):
            digits = bytearray(b"0" * 256)
            digits[number] = ord("1")
            found.append((number, int(column.translate(digits)[::-1], 2)))
        return found
    groups: list[list[int]] = [[] for _ in range(values)]
    for docnum, number in enumerate(by_doc):
        groups[number].append(docnum)
    size = len(by_doc)
    return [
        (number, bitset(group, size)) for number, group in enumerate(groups) if number and group
    ]


def bitset(docs: Iterable[int], size: int) -> int:
    """``docs`` (numbers below ``size``) as the bits of an int: bit ``d`` set for document d
    (a byte set per document, the bytes read backwards as binary digits, in C)."""
    marks = bytearray(size)
    for docnum in docs:
        marks[docnum] = 1
    return int(marks.translate(_BIT_CHARS)[::-1] or b"0", 2)
