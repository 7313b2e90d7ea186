"""What an index update must do: compare an archive's files with the manifest of indexed ones.

A file whose size and modification time are as recorded is unchanged; one modified too close
to when it was indexed (racy) is compared by content hash; the rest is read again. Files in
the manifest but no longer in the archive are removed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from index.api.records import Skipped
from index.pipeline.scan import FileEntry, absolute
from index.pipeline.store import RACY_NS, FileRecord, Manifest


@dataclass(slots=True)
class Changes:
    """Files to (re)index, paths to remove, and records of the files left as they are."""

    to_index: list[FileEntry] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: dict[str, FileRecord] = field(default_factory=dict)


def file_hash(path: Path) -> str:
    """A short content hash of a file (for when its mtime cannot be trusted)."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, lambda: hashlib.blake2b(digest_size=8)).hexdigest()


def changes(entries: Iterable[FileEntry], known: dict[str, FileRecord]) -> Changes:
    """Compare the archive's ``entries`` with the ``known`` records of indexed files."""
    plan = Changes()
    left = dict(known)
    for entry in entries:
        record = left.pop(entry.rel, None)
        if record is None:
            plan.to_index.append(entry)
        elif (record.size, record.mtime_ns) == (entry.size, entry.mtime_ns) and not record.racy:
            plan.unchanged[entry.rel] = record
        elif record.size == entry.size and _same_content(entry, record):
            plan.unchanged[entry.rel] = FileRecord(
                entry.size, entry.mtime_ns, record.hash, record.articles, reason=record.reason
            )
        else:
            plan.to_index.append(entry)
    plan.removed = sorted(left)
    return plan


def _same_content(entry: FileEntry, record: FileRecord) -> bool:
    try:
        return bool(record.hash) and file_hash(entry.path) == record.hash
    except OSError:
        return False


def indexed_record(
    entry: FileEntry, digest: str, articles: int, scan_start: int, reason: str | None
) -> FileRecord:
    """The manifest record of a file just read (racy when modified near ``scan_start``)."""
    racy = entry.mtime_ns >= scan_start - RACY_NS or not digest
    return FileRecord(entry.size, entry.mtime_ns, digest, articles, racy, reason)


def new_skips(
    archive: Path,
    skips: dict[str, str],
    records: dict[str, FileRecord],
    before: Manifest | None,
) -> tuple[Skipped, ...]:
    """Skips to report: the scan's ``skips`` and the newly read ``records`` skipped, less
    those the manifest ``before`` already had (a file skipped for the same reason on every
    run is reported once; the manifest remembers it)."""
    before_skips = before.skips if before is not None else {}
    before_files = before.files if before is not None else {}
    new = [(rel, reason) for rel, reason in skips.items() if before_skips.get(rel) != reason]
    for rel, record in records.items():
        previous = before_files.get(rel)
        if record.reason and (previous is None or previous.reason != record.reason):
            new.append((rel, record.reason))
    return absolute(archive, tuple(sorted(new)))
