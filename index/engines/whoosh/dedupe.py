"""One article per id: copies of an article (the same id, or the same page's URL) in several
files or lines are indexed once, the fullest text kept, the others set aside with a warning.

Only ids written by the current update are looked at, and on a build from nothing only ids
written twice: an archive without copies pays a counter. The copies set aside are remembered
(``duplicates.bin``: id -> the files holding a copy), so that when the kept copy's file
changes or goes, the other files are read again and the runner-up comes back.
"""

from __future__ import annotations

import marshal
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from whoosh.reading import SegmentReader

from index.api.records import Skipped
from index.corpus.record import BadRecord, unpack
from index.engines.whoosh.ingest import Outcome
from index.engines.whoosh.keys import rel_of_key
from index.pipeline.read import printable_path
from index.pipeline.store import atomic_write

DUPLICATES_NAME = "duplicates.bin"

Copies = dict[str, tuple[str, ...]]
"""id -> the archive-relative path of each copy (a path twice for two lines of one file)."""


class _Copy(NamedTuple):
    """One indexed copy of an article, ranked: the smallest sort key is kept."""

    key: tuple[int, int, str, int]
    rel: str
    line: int
    segment: Any
    docnum: int


def load_copies(folder: Path) -> Copies:
    """The remembered copies (empty when none or unreadable: they only save re-reads)."""
    try:
        saved = marshal.loads((folder / DUPLICATES_NAME).read_bytes())
        return {str(ident): tuple(files) for ident, files in saved.items()}
    except (OSError, ValueError, EOFError, TypeError, AttributeError):
        return {}


def count_set_aside(folder: Path) -> int:
    """How many copies the index in ``folder`` sets aside."""
    return _set_aside(load_copies(folder))


class Duplicates:
    """Finds and settles copies during one update of the index in ``folder``."""

    def __init__(self, archive: Path, folder: Path, rebuild: bool, removed: Iterable[str]):
        self._archive = archive
        self._folder = folder
        self._known = {} if rebuild else load_copies(folder)
        self._removed = set(removed)
        self._copies: Copies | None = None

    def to_reread(self, touched: set[str]) -> set[str]:
        """Files holding another copy of an article whose file is re-read or gone."""
        again: set[str] = set()
        for files in self._known.values():
            if touched.intersection(files):
                again.update(files)
        return again - touched

    def settle(self, writer: Any, segments: Sequence[Any], outcome: Outcome) -> None:
        """Keep one copy per id among ``segments`` (the index about to be committed):
        the others are deleted and reported in ``outcome.warnings``.

        ``writer`` is the update's writer: its own segments are the index as it was, less
        the deletions of this update.
        """
        written = Counter(outcome.ids)
        had_documents = any(segment.doc_count() for segment in writer.segments)
        check = set(written) if had_documents else {i for i, n in written.items() if n > 1}
        found: Copies = {}
        if check:
            readers = [SegmentReader(writer.storage, writer.schema, s) for s in segments]
            try:
                for ident in sorted(check):
                    copies = _copies_of(ident, segments, readers)
                    if len(copies) > 1:
                        found[ident] = self._keep_one(ident, copies, outcome.warnings)
            finally:
                for reader in readers:
                    reader.close()
        kept = {
            ident: tuple(rel for rel in files if rel not in self._removed)
            for ident, files in self._known.items()
            if ident not in written
        }
        self._copies = {i: f for i, f in kept.items() if len(f) > 1} | found
        # Saved before the commit with every file that might hold a copy, so a crash between
        # the commit and the exact save below can only cost a re-read, never a lost copy.
        widest = {i: tuple(sorted({*self._known.get(i, ()), *f})) for i, f in found.items()}
        _save(self._folder, self._known | widest)

    def save(self) -> None:
        """Remember the copies as committed (call after the commit)."""
        if self._copies is not None:
            _save(self._folder, self._copies)

    @property
    def count(self) -> int:
        """Copies set aside in the index as committed."""
        return _set_aside(self._copies if self._copies is not None else self._known)

    def _keep_one(
        self, ident: str, copies: list[_Copy], warnings: list[Skipped]
    ) -> tuple[str, ...]:
        copies.sort()
        best = copies[0]
        for copy in copies[1:]:
            copy.segment.delete_document(copy.docnum)
            warnings.append(
                Skipped(
                    printable_path(str(self._archive / copy.rel)),
                    f"{_where(copy)} is another copy of {_where(best)} (id {ident}); "
                    "the fuller text is kept",
                )
            )
        return tuple(sorted(copy.rel for copy in copies))


def _copies_of(ident: str, segments: Sequence[Any], readers: Sequence[Any]) -> list[_Copy]:
    copies = []
    for segment, reader in zip(segments, readers, strict=True):
        if ("id", ident) not in reader:
            continue
        for docnum in reader.postings("id", ident).all_ids():
            if segment.is_deleted(docnum):
                continue
            stored = reader.stored_fields(docnum)
            rel = rel_of_key(stored.get("file", ""))
            try:
                record = unpack(stored["record"])
                chars = sum(len(p) for p in record.get("paragraphs", ()))
                title, line = len(record.get("title") or ""), int(record.get("line") or 0)
            except (BadRecord, KeyError, TypeError, ValueError):
                chars, title, line = -1, 0, 0  # unreadable: any readable copy wins
            copies.append(_Copy((-chars, -title, rel, line), rel, line, segment, docnum))
    return copies


def _where(copy: _Copy) -> str:
    shown = printable_path(copy.rel)
    return f"{shown} line {copy.line}" if copy.line else shown


def _set_aside(copies: Copies) -> int:
    return sum(len(files) - 1 for files in copies.values())


def _save(folder: Path, copies: Copies) -> None:
    if copies or (folder / DUPLICATES_NAME).exists():
        atomic_write(folder / DUPLICATES_NAME, marshal.dumps(copies))
