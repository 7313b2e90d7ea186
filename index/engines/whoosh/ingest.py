"""Turning one archive file into index documents (read, annotate, store) and a manifest record."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from index.api.errors import UnreadableFile
from index.api.records import Skipped
from index.engines.whoosh.schema import article_document
from index.pipeline.annotate import annotate_all
from index.pipeline.read import os_reason, read_file
from index.pipeline.scan import FileEntry
from index.pipeline.store import RACY_NS, FileRecord


@dataclass(slots=True)
class Outcome:
    """What indexing a set of files produced: a record per file, and warnings."""

    records: dict[str, FileRecord] = field(default_factory=dict)
    warnings: list[Skipped] = field(default_factory=list)
    words: set[str] = field(default_factory=set)
    ids: list[str] = field(default_factory=list)
    """The id of every article written, in order (for finding copies of one article)."""
    replaced: list[int] = field(default_factory=list)
    """Re-annotating: the document numbers whose article was written again."""
    damaged: set[str] = field(default_factory=set)
    """Re-annotating: the files whose stored articles could not be read back."""


def file_hash(path: Path) -> str:
    """A short content hash of a file (for when its mtime cannot be trusted)."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, lambda: hashlib.blake2b(digest_size=8)).hexdigest()


def index_file(
    add: Callable[..., None], entry: FileEntry, max_bytes: int, scan_start: int, outcome: Outcome
) -> None:
    """Read one archive file and pass each of its articles to ``add`` as a Whoosh document."""
    articles = 0
    digest, reason = "", None
    try:
        digest = file_hash(entry.path)
        fingerprint = (entry.size, entry.mtime_ns, digest)
        articles_read = read_file(
            entry.path, rel=entry.rel, max_bytes=max_bytes, warn=outcome.warnings.append
        )
        for article in annotate_all(articles_read):
            add(**article_document(article, entry.rel, fingerprint))
            outcome.ids.append(article.id)
            articles += 1
    except UnreadableFile as exc:
        reason = exc.reason
    except OSError as exc:
        reason = os_reason(exc)
    # Without a hash (unreadable file) the next run must look again whatever the mtime says.
    racy = entry.mtime_ns >= scan_start - RACY_NS or not digest
    outcome.records[entry.rel] = FileRecord(
        entry.size, entry.mtime_ns, digest, articles, racy, reason
    )
