"""Where the Whoosh files of an index live inside its index folder.

An index folder holds one Whoosh folder per schema and extractor version (``v9q2``). A rebuild
writes a fresh one beside it (``v9q2.new``), marks it complete by renaming it (``v9q2.ready``)
and only then switches it in, so the old index serves until the new one is good.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC, clean_files

from index.engines.whoosh.schema import EXTRACTOR_VERSION, SCHEMA_VERSION

INDEX_NAME = "MAIN"
"""Whoosh's name for the one index in a folder (its files are ``MAIN_*`` and ``_MAIN_*``)."""
INDEX_MARKER = "CACHEDIR.TAG"
"""Marks an index folder: archive scans and backup tools (the Cache Directory Tagging
Specification) skip a folder holding it."""
_MARKER_TEXT = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# A newsdesk search index: a cache newsdesk rebuilds from its archive.\n"
    "# Archive scans and backup tools skip this folder.\n"
)
_BUILDING, _READY, _OLD = ".new", ".ready", ".old"


def open_storage(index_dir: Path) -> FileStorage:
    """Whoosh storage of the current index in an index folder."""
    return storage_at(whoosh_dir(index_dir))


def storage_at(folder: Path) -> FileStorage:
    """Whoosh storage for a Whoosh folder, without memory maps (small, fast to open)."""
    return FileStorage(str(folder), supports_mmap=False)


def whoosh_dir(index_dir: Path) -> Path:
    """The folder holding the Whoosh files for the current schema and quote extractor.

    An index written by another version of either lives in another folder, so it is never
    read; the next build writes a fresh one and removes the stale ones.
    """
    return index_dir / f"v{SCHEMA_VERSION}q{EXTRACTOR_VERSION}"


def mark_index_folder(index_dir: Path) -> None:
    """Create ``index_dir`` with its :data:`INDEX_MARKER` (so it is never read as articles)."""
    index_dir.mkdir(parents=True, exist_ok=True)
    marker = index_dir / INDEX_MARKER
    if not marker.exists():
        marker.write_text(_MARKER_TEXT, encoding="ascii")


def remove_stale_versions(index_dir: Path) -> None:
    """Delete index folders of other schema or extractor versions (after a good build)."""
    current = whoosh_dir(index_dir)
    for old in index_dir.glob("v[0-9]*"):
        if old.is_dir() and old.name.split(".")[0] != current.name:
            shutil.rmtree(old, ignore_errors=True)


def building_dir(index_dir: Path) -> Path:
    """An empty folder to build a fresh index in, beside the current one."""
    folder = _beside(index_dir, _BUILDING)
    shutil.rmtree(folder, ignore_errors=True)  # a rebuild that died half way
    folder.mkdir(parents=True)
    return folder


def discard_building(index_dir: Path) -> None:
    """Remove a fresh index that was being built (a rebuild that failed or was stopped)."""
    shutil.rmtree(_beside(index_dir, _BUILDING), ignore_errors=True)


def next_generation(index_dir: Path) -> int:
    """A generation number above the current index's, read from file names alone.

    A fresh index starts there, so processes with the old one open see a new generation
    when it is switched in, even when the old table of contents is unreadable.
    """
    try:
        return max(int(TOC._latest_generation(open_storage(index_dir), INDEX_NAME)), 0) + 1
    except OSError:
        return 1


def switch_in(index_dir: Path, built: Path) -> None:
    """Make the complete index in ``built`` the current one (the old one is deleted after)."""
    os.replace(built, _beside(index_dir, _READY))
    finish_switch(index_dir)


def finish_switch(index_dir: Path) -> None:
    """Complete a switch a killed process left half done, and drop a half-built index.

    Call with the write lock held.
    """
    current, ready, old = (
        whoosh_dir(index_dir),
        _beside(index_dir, _READY),
        _beside(index_dir, _OLD),
    )
    if ready.is_dir():
        shutil.rmtree(old, ignore_errors=True)
        if current.exists():
            os.replace(current, old)
        os.replace(ready, current)
    shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(_beside(index_dir, _BUILDING), ignore_errors=True)


def promote_ready(index_dir: Path) -> None:
    """Without the write lock: switch a complete index in when a killed switch left none."""
    current = whoosh_dir(index_dir)
    if not current.exists():
        # Nothing may be ready, or another process may have just done it.
        with contextlib.suppress(OSError):
            os.rename(_beside(index_dir, _READY), current)


def remove_partial_files(folder: Path) -> None:
    """Delete what a failed or stopped build wrote: segment files that no table of contents
    names, and Whoosh's temporary folder. The last committed index stays whole."""
    storage = storage_at(folder)
    try:
        toc = TOC.read(storage, INDEX_NAME)
    except Exception:  # no readable table of contents: nothing is safe to judge by
        toc = None
    if toc is not None:
        clean_files(storage, INDEX_NAME, toc.generation, toc.segments)
    shutil.rmtree(folder / f"{INDEX_NAME}.tmp", ignore_errors=True)
    # Tables of contents and our own atomic writes cut short before their rename.
    for temp in (*folder.glob(f"_{INDEX_NAME}_*.toc.*"), *folder.glob(f".*.{os.getpid()}.tmp")):
        temp.unlink(missing_ok=True)


def _beside(index_dir: Path, suffix: str) -> Path:
    current = whoosh_dir(index_dir)
    return current.with_name(current.name + suffix)
