"""Finding the article files of an archive, with what the index keys changes on."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from index.api.records import Skipped
from index.pipeline.read import is_article_file, os_reason


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
    """The article files of an archive, and what could not be looked at."""

    files: tuple[FileEntry, ...]
    skipped: tuple[Skipped, ...]


def scan_archive(root: Path) -> Scan:
    """List the article files under ``root``, following symbolic links but never in a loop."""
    root = root.resolve()
    files: list[FileEntry] = []
    skipped: list[Skipped] = []
    seen_dirs: set[tuple[int, int]] = set()

    # Plain strings and one stat() per entry: this runs over every file before every update.
    def walk(directory: str, rel_dir: str) -> None:
        try:
            info = os.stat(directory)
        except OSError as exc:
            skipped.append(Skipped(directory, os_reason(exc)))
            return
        key = (info.st_dev, info.st_ino)
        if key in seen_dirs:
            skipped.append(Skipped(directory, "symbolic link loop (folder already visited)"))
            return
        seen_dirs.add(key)
        try:
            with os.scandir(directory) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            skipped.append(Skipped(directory, os_reason(exc)))
            return
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            rel = f"{rel_dir}{name}"
            if not is_article_file(name):
                try:
                    if entry.is_dir():  # from the directory listing, no stat() needed
                        walk(entry.path, rel + "/")
                except OSError as exc:
                    skipped.append(Skipped(entry.path, os_reason(exc)))
                continue
            try:
                st = entry.stat()
            except FileNotFoundError:
                skipped.append(Skipped(entry.path, "broken symbolic link"))
                continue
            except OSError as exc:
                skipped.append(Skipped(entry.path, os_reason(exc)))
                continue
            if stat.S_ISDIR(st.st_mode):
                walk(entry.path, rel + "/")
            elif stat.S_ISREG(st.st_mode):
                files.append(FileEntry(entry.path, rel, st.st_size, st.st_mtime_ns))
            else:
                skipped.append(Skipped(entry.path, "not a regular file"))

    walk(str(root), "")
    return Scan(tuple(files), tuple(skipped))
