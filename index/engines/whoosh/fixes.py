"""Small corrections to Whoosh 2.7 internals, applied when the index layer loads Whoosh.

Pinned to whoosh-reloaded 2.7.x (see pyproject.toml); each fix says what it corrects.
"""

from __future__ import annotations

import sys
from array import array
from typing import Any

import whoosh
from whoosh import columns, writing
from whoosh.codec import whoosh3
from whoosh.reading import TermNotFound
from whoosh.util.numeric import byte_to_length

from index.api.errors import NewsdeskError

_MISSING = object()
LENGTH_OF_BYTE = [byte_to_length(b) for b in range(256)]
"""Field length each byte of a length column stands for (Whoosh stores them lossily)."""


def _cached_reader(self: Any, fieldname: str, column: Any) -> Any:
    """Like Whoosh's, but also remembers that a length column does not exist.

    Whoosh asks the file system again for every posting of a field without length column
    (every ID field), which made writing a segment spend a third of its time in ``stat()``.
    """
    reader = self._readers.get(fieldname, _MISSING)
    if reader is _MISSING:
        reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
        self._readers[fieldname] = reader
    return reader


def _length_column(perdoc: Any, fieldname: str) -> bytes | None:
    """A segment's whole length column for ``fieldname`` (one byte per document), cached."""
    lengths = perdoc.__dict__.setdefault("_newsdesk_lengths", {})
    data = lengths.get(fieldname, _MISSING)
    if data is _MISSING:
        reader = perdoc._cached_reader(whoosh3._lenfield(fieldname), whoosh3.LENGTHS_COLUMN)
        data = None if reader is None else reader._dbfile.get(reader._basepos, reader._count)
        lengths[fieldname] = data
    return data  # type: ignore[no-any-return]


def _doc_field_length(self: Any, docnum: int, fieldname: str, default: int = 0) -> Any:
    """Like Whoosh's, but reads a field's whole length column once, as bytes.

    BM25 asks for a document's field length for every document it scores, and block
    statistics ask for every posting written; one file read per call made both slow.
    Returns what Whoosh returns: the decoded length, None for a zero length byte.
    """
    if docnum > self._doccount:
        raise IndexError(f"Asked for docnum {docnum} of {self._doccount}")
    data = _length_column(self, fieldname)
    if data is None:
        return default
    byte = data[docnum] if docnum < len(data) else 0
    return LENGTH_OF_BYTE[byte] if byte else None


def length_bytes(leaf: Any, fieldname: str) -> bytes | None:
    """The encoded field lengths of every document of one segment (None: no lengths kept)."""
    return _length_column(leaf._perdoc, fieldname)


def numeric_column(reader: Any, fieldname: str, typecode: str = "I") -> list[int]:
    """Every document's value of a numeric column, in document order, read in bulk.

    Whoosh's column readers fetch one value per file read; loading a date column of 100k
    documents that way took half a second. Here each segment's column is one read.
    """
    values: list[int] = []
    for leaf, base in reader.leaf_readers():
        count = leaf.doc_count_all()
        values.extend([0] * (base - len(values)))  # (segments are contiguous; defensive)
        raw = leaf.column_reader(fieldname, translate=False) if leaf.has_column(fieldname) else None
        if isinstance(raw, columns.NumericColumn.Reader):
            numbers = array(typecode)
            numbers.frombytes(raw._dbfile.get(raw._basepos, raw._count * raw._fixedlen))
            if sys.byteorder == "little":
                numbers.byteswap()  # Whoosh writes them big-endian
            chunk = numbers.tolist()[:count]
            chunk.extend([raw._default] * (count - len(chunk)))
        else:
            chunk = list(raw) if raw is not None else [0] * count
        values.extend(chunk)
    return values


def value_column(reader: Any, fieldname: str) -> tuple[list[int], list[str]]:
    """Every document's value of a bytes column, as (value number by document, values).

    A ``RefBytesColumn`` keeps one small number per document and each distinct value once:
    both are read in one piece per segment. Other columns are read value by value.
    """
    names: list[str] = [""]
    numbers: dict[str, int] = {"": 0}
    by_doc: list[int] = []
    for leaf, base in reader.leaf_readers():
        count = leaf.doc_count_all()
        by_doc.extend([0] * (base - len(by_doc)))
        raw = leaf.column_reader(fieldname, translate=False) if leaf.has_column(fieldname) else None
        if isinstance(raw, columns.RefBytesColumn.Reader):
            refs = array(raw._typecode)
            refs.frombytes(raw._dbfile.get(raw._basepos, count * raw._itemsize))
            if sys.byteorder == "little" and refs.itemsize > 1:
                refs.byteswap()  # Whoosh writes them big-endian
            local = [numbers.setdefault(v.decode("utf-8"), len(numbers)) for v in raw._uniques]
            by_doc.extend(map(local.__getitem__, refs))
        else:
            values = (
                v.decode("utf-8") if isinstance(v, bytes) else str(v or "") for v in raw or ()
            )
            by_doc.extend(numbers.setdefault(v, len(numbers)) for v in values)
        by_doc.extend([0] * (base + count - len(by_doc)))
    names = sorted(numbers, key=numbers.__getitem__)
    return by_doc, names


_TERM_ROWS = 8192
"""Term rows a segment's terms reader keeps after looking them up (bytes each, or None)."""


def _term_row(self: Any, fieldname: str, tbytes: bytes) -> bytes | None:
    """A term's row in a segment's hash table of terms (None: no such term), remembered.

    A search asks a segment about the same term several times (is it there, its info, its
    frequencies, for matching and again for ranking); each answer cost a hash lookup with
    a few file reads (the index is read without memory mapping).
    """
    rows: dict[tuple[str, bytes], bytes | None] = self.__dict__.setdefault("_newsdesk_rows", {})
    key = (fieldname, tbytes)
    row = rows.get(key, _MISSING)
    if row is _MISSING:
        if len(rows) >= _TERM_ROWS:
            rows.clear()
        row = rows[key] = self._tindex.get(self._keycoder(fieldname, tbytes))
    return row  # type: ignore[return-value]


def _terms_contain(self: Any, term: tuple[str, bytes]) -> bool:
    """Like Whoosh's, from :func:`_term_row`."""
    return _term_row(self, *term) is not None


def _term_info(self: Any, fieldname: str, tbytes: bytes) -> Any:
    """Like Whoosh's, from :func:`_term_row`."""
    row = _term_row(self, fieldname, tbytes)
    if row is None:
        raise TermNotFound(f"No term {fieldname}:{tbytes!r}")
    return whoosh3.W3TermInfo.from_bytes(row)


def _term_frequency(self: Any, fieldname: str, tbytes: bytes) -> float:
    """Like Whoosh's, from :func:`_term_row` (a missing term raises KeyError as there)."""
    row = _term_row(self, fieldname, tbytes)
    if row is None:
        raise KeyError(tbytes)
    return whoosh3.W3TermInfo.from_bytes(row).weight()  # type: ignore[no-any-return]


def _term_doc_frequency(self: Any, fieldname: str, tbytes: bytes) -> int:
    """Like Whoosh's, from :func:`_term_row` (a missing term raises KeyError as there)."""
    row = _term_row(self, fieldname, tbytes)
    if row is None:
        raise KeyError(tbytes)
    return whoosh3.W3TermInfo.from_bytes(row).doc_frequency()  # type: ignore[no-any-return]


_INTERNALS: tuple[tuple[object, str], ...] = (
    (whoosh3, "_lenfield"),
    (whoosh3, "LENGTHS_COLUMN"),
    (whoosh3.W3PerDocReader, "_cached_reader"),
    (whoosh3.W3PerDocReader, "doc_field_length"),
    (whoosh3.W3TermsReader, "_keycoder"),
    (whoosh3.W3TermInfo, "from_bytes"),
    (whoosh3.W3TermsReader, "term_info"),
    (whoosh3.W3LeafMatcher, "_read_ids"),
    (whoosh3.W3LeafMatcher, "_read_weights"),
    (whoosh3.W3LeafMatcher, "_read_values"),
    (whoosh3.W3LeafMatcher, "_next_block"),
    (writing.SegmentWriter, "_merge_segments"),
    (writing.SegmentWriter, "_finalize_segment"),
    (writing.SegmentWriter, "_close_segment"),
    (writing.SegmentWriter, "_commit_toc"),
    (writing.SegmentWriter, "_finish"),
    (writing.SegmentWriter, "_check_state"),
    (writing.SegmentWriter, "_check_fields"),
    (columns.NumericColumn, "Reader"),
    (columns.RefBytesColumn, "Reader"),
)
"""Whoosh internals the engine reads or replaces (posting blocks, columns, segment writing)."""


class WhooshMismatch(NewsdeskError):
    """The installed Whoosh lacks internals the engine relies on."""


def check_internals() -> None:
    """Fail with one clear line when the installed Whoosh lacks an internal the engine uses.

    Raises:
        WhooshMismatch: Naming the installed version and the first missing internal.
    """
    missing = [
        f"{getattr(owner, '__name__', owner)}.{name}"
        for owner, name in _INTERNALS
        if not hasattr(owner, name)
    ]
    if missing:
        raise WhooshMismatch(
            f"newsdesk needs whoosh-reloaded 2.7.x; the installed Whoosh "
            f"{whoosh.versionstring()} lacks {', '.join(missing)}"
        )


def apply() -> None:
    """Install the fixes (idempotent)."""
    whoosh3.W3PerDocReader._cached_reader = _cached_reader
    whoosh3.W3PerDocReader.doc_field_length = _doc_field_length
    whoosh3.W3TermsReader.__contains__ = _terms_contain
    whoosh3.W3TermsReader.term_info = _term_info
    whoosh3.W3TermsReader.frequency = _term_frequency
    whoosh3.W3TermsReader.doc_frequency = _term_doc_frequency
