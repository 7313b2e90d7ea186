"""Checksums of an index's files, so that damage is found when the index is opened.

Whoosh never rewrites a file once written (a commit writes new segment files and a new table
of contents), so each file's size, modification time and CRC are recorded once, after the
commit that wrote it. Opening compares sizes and times (a stat per file); only a file whose
time has changed is read again and its CRC compared. A truncated, emptied or overwritten file
is found before Whoosh trips over it.
"""

from __future__ import annotations

import marshal
import os
import zlib
from pathlib import Path
from typing import NamedTuple

from whoosh.index import TOC

from index.engines.whoosh.storage import INDEX_NAME, storage_at
from index.pipeline.store import atomic_write

CHECKSUMS_NAME = "checksums.bin"
_CHUNK = 1 << 20


class FileSum(NamedTuple):
    """One index file as written."""

    size: int
    mtime_ns: int
    crc: int


class Checksums(NamedTuple):
    """The files of one index generation, with their :class:`FileSum`."""

    generation: int
    files: dict[str, FileSum]


def load_checksums(folder: Path) -> Checksums | None:
    """The saved checksums, or None when missing or unreadable."""
    try:
        generation, files = marshal.loads((folder / CHECKSUMS_NAME).read_bytes())
        return Checksums(int(generation), {name: FileSum(*s) for name, s in files.items()})
    except (OSError, ValueError, EOFError, TypeError):
        return None


def record_checksums(folder: Path) -> None:
    """Record the files of the folder's latest generation (reading only files not seen yet)."""
    storage = storage_at(folder)
    previous = load_checksums(folder)
    if previous is not None and previous.generation == TOC._latest_generation(storage, INDEX_NAME):
        return  # nothing committed since: files once written never change
    toc = TOC.read(storage, INDEX_NAME)
    known = previous.files if previous else {}
    files: dict[str, FileSum] = {}
    for name in _files_of(folder, toc):
        st = os.stat(folder / name)
        seen = known.get(name)
        if seen is not None and (seen.size, seen.mtime_ns) == (st.st_size, st.st_mtime_ns):
            files[name] = seen
        else:
            files[name] = FileSum(st.st_size, st.st_mtime_ns, file_crc(folder / name))
    if previous != (toc.generation, files):
        data = {name: tuple(s) for name, s in files.items()}
        atomic_write(folder / CHECKSUMS_NAME, marshal.dumps((toc.generation, data)))


def find_damage(folder: Path, generation: int | None = None) -> str | None:
    """What is wrong with the files of ``generation`` (default: the one last recorded), or
    None when nothing is known wrong.

    Checksums of another generation (a writer committed since they were saved) say nothing.
    """
    saved = load_checksums(folder)
    if saved is None or generation not in (None, saved.generation):
        return None
    for name, expected in sorted(saved.files.items()):
        try:
            st = os.stat(folder / name)
        except FileNotFoundError:
            return f"{name} is missing"
        except OSError as exc:
            return f"{name}: {exc.strerror or type(exc).__name__}"
        if st.st_size != expected.size:
            return f"{name} is {st.st_size:,} bytes, {expected.size:,} when written"
        if st.st_mtime_ns != expected.mtime_ns and file_crc(folder / name) != expected.crc:
            return f"{name} has changed since it was written"
    return None


def file_crc(path: Path) -> int:
    """The CRC-32 of a file's bytes."""
    crc = 0
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            crc = zlib.crc32(chunk, crc)
    return crc


def _files_of(folder: Path, toc: TOC) -> list[str]:
    prefixes = tuple(f"{segment.segment_id()}." for segment in toc.segments)
    names = [name for name in os.listdir(folder) if name.startswith(prefixes)]
    return [TOC._filename(INDEX_NAME, toc.generation), *sorted(names)]
