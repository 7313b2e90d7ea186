"""Small corrections to Whoosh 2.7 internals, applied when the index layer loads Whoosh.

Pinned to whoosh-reloaded 2.7.x (see pyproject.toml); each fix says what it corrects.
"""

from __future__ import annotations

from typing import Any

from whoosh.codec import whoosh3

_MISSING = object()


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


def apply() -> None:
    """Install the fixes (idempotent)."""
    whoosh3.W3PerDocReader._cached_reader = _cached_reader


apply()
