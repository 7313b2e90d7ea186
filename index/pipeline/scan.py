"""Finding the article files of an archive, with what the index keys changes on.

Two ways to look: a full scan stats every file; a quick scan trusts folders whose
modification time is what it was at the last scan (a folder's mtime changes whenever a file
in it is added, removed or renamed, which is how editors and sync tools save) and takes their
files from the manifest without a stat each, so an unchanged archive of 100k files costs one
stat per folder. What the quick scan cannot see is a file rewritten in place (same name,
same folder): ``newsdesk index`` and the app's background update always scan in full.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from index.api.records import Skipped
from index.pipeline.read import is_article_file, os_reason, printable_path
from index.pipeline.store import UNTRUSTED, FileRecord, Manifest

INDEX_MARKER = "CACHEDIR.TAG"
"""A folder holding this file is an index (or another cache), never articles."""
OUTSIDE_LINK = "symbolic link to outside the archive"


@dataclass(frozen=True, slots=True)
class FileEntry:
    """An article file found in an archive, with what the index keys changes on."""

    location: str
    rel: str
    size: int
    mtime_ns: int

    @property
    def path(self) -> Path:
        """The file's absolute path (built on demand: scans list many files, read few)."""
        return Path(self.location)


@dataclass(frozen=True, slots=True)
class Scan:
    """The article files of an archive, what could not be looked at, and the folders seen.

    ``skipped`` holds (archive-relative path, reason) pairs; ``folders`` maps each folder
    walked (``""`` is the archive, others end in ``/``) to its mtime.
    """

    files: tuple[FileEntry, ...]
    skipped: tuple[tuple[str, str], ...]
    folders: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Known:
    """What the last scan saw, for a quick scan to trust, grouped by folder: each folder's
    mtime, its subfolders, its files as (rel, size, mtime_ns) and what was skipped in it."""

    folders: Mapping[str, int]
    children: Mapping[str, Collection[str]]
    files: Mapping[str, Collection[tuple[str, int, int]]]
    skipped: Mapping[str, Collection[tuple[str, str]]]

    @classmethod
    def of(
        cls,
        folders: Mapping[str, int],
        files: Iterable[tuple[str, int, int]],
        skipped: Iterable[tuple[str, str]],
    ) -> Known:
        """Group a last scan's folders, files and skips by folder."""
        children: dict[str, list[str]] = {}
        for rel in folders:
            if rel:
                children.setdefault(parent_of(rel), []).append(rel)
        by_folder: dict[str, list[tuple[str, int, int]]] = {}
        for item in files:
            by_folder.setdefault(parent_of(item[0]), []).append(item)
        skips: dict[str, list[tuple[str, str]]] = {}
        for rel, reason in skipped:
            skips.setdefault(parent_of(rel), []).append((rel, reason))
        return cls(folders, children, by_folder, skips)


def known_from(manifest: Manifest) -> Known | None:
    """What the scan behind ``manifest`` saw, for a quick scan (None when it kept no folder
    times)."""
    if not manifest.folders:
        return None
    files = ((rel, r.size, r.mtime_ns) for rel, r in manifest.files.items())
    return Known.of(manifest.folders, files, manifest.skips.items())


def folders_to_keep(scan: Scan, files: Mapping[str, FileRecord]) -> dict[str, int]:
    """The folder times to save with the manifest after ``scan``: a folder holding a racy
    file (one that may change again unseen by its time) is listed again next time."""
    folders = dict(scan.folders)
    for rel, record in files.items():
        if record.racy:
            folders[parent_of(rel)] = UNTRUSTED
    return folders


def parent_of(rel: str) -> str:
    """The archive-relative folder (``""`` or ending in ``/``) holding ``rel``."""
    cut = rel.rstrip("/").rfind("/")
    return rel[: cut + 1] if cut >= 0 else ""


def scan_archive(
    root: Path,
    *,
    exclude: Collection[Path] = (),
    outside_links: bool = False,
    known: Known | None = None,
    started_ns: int = 0,
) -> Scan:
    """List the article files under ``root``, following symbolic links but never in a loop.

    Links that lead outside ``root`` are skipped unless ``outside_links``; folders in
    ``exclude`` and folders holding an :data:`INDEX_MARKER` are never entered. With ``known``,
    folders whose mtime is unchanged are not listed again (see the module docstring).
    ``started_ns`` is when the caller's scan began: folders changed since then are recorded
    as :data:`UNTRUSTED`. Iterative, so any depth of folders is fine.
    """
    root = root.resolve()
    prefix = str(root).rstrip(os.sep) + os.sep
    excluded = {str(p.resolve()) for p in exclude}
    files: list[FileEntry] = []
    skipped: list[tuple[str, str]] = []
    folders: dict[str, int] = {}
    seen: set[tuple[int, int]] = set()
    # (absolute path, archive-relative folder), popped last first: names in sorted order.
    pending: list[tuple[str, str]] = [(str(root), "")]
    while pending:
        directory, rel_dir = pending.pop()
        try:
            info = os.stat(directory)
        except OSError as exc:
            skipped.append((rel_dir, os_reason(exc)))
            continue
        key = (info.st_dev, info.st_ino)
        if key in seen:
            skipped.append((rel_dir, "symbolic link loop (folder already visited)"))
            continue
        seen.add(key)
        mtime = info.st_mtime_ns
        folders[rel_dir] = UNTRUSTED if started_ns and mtime >= started_ns else mtime
        if known is not None and known.folders.get(rel_dir, UNTRUSTED) == mtime != UNTRUSTED:
            base = directory + os.sep
            files.extend(
                FileEntry(base + rel[len(rel_dir) :], rel, size, mtime_ns)
                for rel, size, mtime_ns in known.files.get(rel_dir, ())
            )
            skipped.extend(known.skipped.get(rel_dir, ()))
            children = sorted(known.children.get(rel_dir, ()), reverse=True)
            pending.extend((base + rel[len(rel_dir) : -1], rel) for rel in children)
            continue
        _list_folder(directory, rel_dir, prefix, excluded, outside_links, files, skipped, pending)
    return Scan(tuple(files), tuple(skipped), folders)


def _list_folder(
    directory: str,
    rel_dir: str,
    prefix: str,
    excluded: set[str],
    outside_links: bool,
    files: list[FileEntry],
    skipped: list[tuple[str, str]],
    pending: list[tuple[str, str]],
) -> None:
    """Add one folder's article files to ``files`` and its subfolders to ``pending``."""
    if directory in excluded:
        return
    try:
        with os.scandir(directory) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as exc:
        skipped.append((rel_dir, os_reason(exc)))
        return
    if any(entry.name == INDEX_MARKER for entry in entries):
        return
    subfolders: list[tuple[str, str]] = []
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        rel = f"{rel_dir}{name}"
        article = is_article_file(name)
        try:
            if entry.is_symlink():
                target = os.path.realpath(entry.path)
                if not outside_links and not (target + os.sep).startswith(prefix):
                    if article or os.path.isdir(target):
                        skipped.append((rel, OUTSIDE_LINK))
                    continue
            if not article:
                # is_dir() comes from the directory listing, no stat() needed
                if entry.is_dir() and entry.path not in excluded:
                    subfolders.append((entry.path, rel + "/"))
                continue
            st = entry.stat()
        except FileNotFoundError:
            if article:
                skipped.append((rel, "broken symbolic link"))
            continue
        except OSError as exc:
            skipped.append((rel, os_reason(exc)))
            continue
        if stat.S_ISDIR(st.st_mode):
            subfolders.append((entry.path, rel + "/"))
        elif stat.S_ISREG(st.st_mode):
            files.append(FileEntry(entry.path, rel, st.st_size, st.st_mtime_ns))
        else:
            skipped.append((rel, "not a regular file"))
    pending.extend(reversed(subfolders))


def absolute(root: Path, skipped: tuple[tuple[str, str], ...]) -> tuple[Skipped, ...]:
    """Scan skips as :class:`Skipped` records with absolute, printable paths."""
    return tuple(
        Skipped(printable_path(str(root / rel) if rel else str(root)), reason)
        for rel, reason in skipped
    )
