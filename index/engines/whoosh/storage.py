"""Where the Whoosh files of an index live inside its index folder, one folder per version."""

from __future__ import annotations

import shutil
from pathlib import Path

from whoosh.filedb.filestore import FileStorage

from index.engines.whoosh.schema import EXTRACTOR_VERSION, SCHEMA_VERSION


def open_storage(index_dir: Path) -> FileStorage:
    """Whoosh storage for an index folder, without memory maps (small, fast to open)."""
    return FileStorage(str(whoosh_dir(index_dir)), supports_mmap=False)


def whoosh_dir(index_dir: Path) -> Path:
    """The folder holding the Whoosh files for the current schema and quote extractor.

    An index written by another version of either lives in another folder, so it is never
    read; the next build writes a fresh one and removes the stale ones.
    """
    return index_dir / f"v{SCHEMA_VERSION}q{EXTRACTOR_VERSION}"


def remove_stale_versions(index_dir: Path) -> None:
    """Delete index folders of other schema or extractor versions (after a good build)."""
    current = whoosh_dir(index_dir)
    for old in index_dir.glob("v[0-9]*"):
        if old != current and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)
