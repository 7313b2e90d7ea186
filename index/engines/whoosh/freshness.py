"""Whether an index may be stale: the quick check that search and show run before each use.

Kept apart from the build code so that finding nothing changed never loads it (nor the quote
extractor it imports).
"""

from __future__ import annotations

from pathlib import Path

from whoosh.index import TOC

from index.engines.whoosh.storage import INDEX_NAME, open_storage, whoosh_dir
from index.pipeline.store import folder_times_unchanged, load_folders


def folders_unchanged(archive: Path, index_dir: Path) -> bool:
    """Whether every folder the last scan walked has the mtime it had then (so no file was
    added, removed or renamed), and the index is still the one that scan described."""
    saved = load_folders(whoosh_dir(index_dir))
    if saved is None or not saved[1]:
        return False
    generation, folders = saved
    try:
        if generation != TOC._latest_generation(open_storage(index_dir), INDEX_NAME):
            return False
    except OSError:
        return False
    return folder_times_unchanged(archive, folders)
