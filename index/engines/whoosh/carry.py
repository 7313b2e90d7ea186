"""Finding the index a new quote extractor can start from, and copying it.

Kept apart from :mod:`index.engines.whoosh.reannotate` so that opening an index never loads
the quote extractor.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from whoosh.index import TOC

from index.engines.whoosh.integrity import find_damage
from index.engines.whoosh.schema import SCHEMA_VERSION
from index.engines.whoosh.storage import INDEX_NAME, storage_at, whoosh_dir
from index.pipeline.store import Manifest

_NOT_COPIED = shutil.ignore_patterns(f"{INDEX_NAME}.tmp", f"{INDEX_NAME}_WRITELOCK", "*.lock")


def predecessor(index_dir: Path) -> Path | None:
    """The newest complete, undamaged index of this schema written by another quote extractor
    (None when there is none to start from)."""
    current = whoosh_dir(index_dir)
    prefix = f"v{SCHEMA_VERSION}q"
    found: list[tuple[int, Path]] = []
    for folder in index_dir.glob(f"{prefix}*"):
        version = folder.name[len(prefix) :]
        if folder != current and version.isdigit() and folder.is_dir():
            found.append((int(version), folder))
    for _, folder in sorted(found, reverse=True):
        try:
            generation = int(TOC._latest_generation(storage_at(folder), INDEX_NAME))
        except (OSError, ValueError):
            continue
        if generation >= 0 and Manifest.load(folder) is not None and not find_damage(folder):
            return folder
    return None


def copy_index(source: Path, target: Path) -> None:
    """Copy the index files (and the manifest and caches beside them) into ``target``."""
    shutil.copytree(source, target, ignore=_NOT_COPIED, dirs_exist_ok=True)
