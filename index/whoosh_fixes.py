"""Small corrections to Whoosh 2.7 internals, applied when the index layer loads Whoosh.

Pinned to whoosh-reloaded 2.7.x (see pyproject.toml); each fix says what it corrects.
"""

from __future__ import annotations

from typing import Any

from whoosh.codec import whoosh3
from whoosh.util.numeric import byte_to_length

_MISSING = object()
_LENGTH_OF_BYTE = [byte_to_length(b) for b in range(256)]


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


def _doc_field_length(self: Any, docnum: int, fieldname: str, default: int = 0) -> Any:
    """Like Whoosh's, but reads a field's whole length column once, as bytes.

    BM25 asks for a document's field length for every document it scores, and block
    statistics ask for every posting written; one file read per call made both slow.
    Returns what Whoosh returns: the decoded length, None for a zero length byte.
    """
    if docnum > self._doccount:
        raise IndexError(f"Asked for docnum {docnum} of {self._doccount}")
    lengths = self.__dict__.setdefault("_newsdesk_lengths", {})
    data = lengths.get(fieldname, _MISSING)
    if data is _MISSING:
        reader = self._cached_reader(whoosh3._lenfield(fieldname), whoosh3.LENGTHS_COLUMN)
        data = None if reader is None else reader._dbfile.get(reader._basepos, reader._count)
        lengths[fieldname] = data
    if data is None:
        return default
    byte = data[docnum] if docnum < len(data) else 0
    return _LENGTH_OF_BYTE[byte] if byte else None


def apply() -> None:
    """Install the fixes (idempotent)."""
    whoosh3.W3PerDocReader._cached_reader = _cached_reader
    whoosh3.W3PerDocReader.doc_field_length = _doc_field_length


apply()
