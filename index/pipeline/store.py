"""Where an archive's index lives, the write lock, and the manifest of indexed files."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import marshal
import os
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from index.api.errors import IndexLocked

MANIFEST_NAME = "manifest.bin"
FOLDERS_NAME = "folders.bin"
LOCK_NAME = "write.lock"
UNTRUSTED = -1
"""Folder time recorded for a folder changed during its scan: the next quick scan lists it."""
RACY_NS = 2_000_000_000
"""A file modified this close to when it was indexed may change again unseen by its mtime."""


def data_home() -> Path:
    """The user's data directory for newsdesk (``$XDG_DATA_HOME/newsdesk``)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "newsdesk"


def default_index_dir(archive: Path) -> Path:
    """The index folder for ``archive``: one per archive path, under the data directory."""
    resolved = archive.resolve()
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", resolved.name).strip("-.")[:40] or "archive"
    digest = hashlib.sha1(str(resolved).encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return data_home() / "indexes" / f"{slug}-{digest}"


class FileRecord(NamedTuple):
    """What the index knows of one archive file: its fingerprint and how many articles it gave.

    A plain tuple, so a manifest of 100k files loads and saves quickly.
    """

    size: int
    mtime_ns: int
    hash: str
    articles: int
    racy: bool = False
    reason: str | None = None
    """Why the file gave no articles, when it was skipped."""


@dataclass(slots=True)
class Manifest:
    """Archive-relative path -> :class:`FileRecord`, valid for one index generation.

    Also what the scan skipped before reading (rel -> reason), so that a skip is reported
    once, when it is new, and each folder's mtime (rel -> mtime_ns), for quick scans.
    Saved with :mod:`marshal` (several times faster than JSON for 100k entries). It is a
    cache of facts the index itself stores: a manifest that cannot be read, or is of another
    Python version's format, is rebuilt from the index. The folder times are also saved
    apart (:data:`FOLDERS_NAME`, a few KB) so that finding nothing changed never loads the
    file records.
    """

    generation: int
    files: dict[str, FileRecord]
    skips: dict[str, str] = field(default_factory=dict)
    folders: dict[str, int] = field(default_factory=dict)

    @classmethod
    def load(cls, directory: Path) -> Manifest | None:
        """The saved manifest, or None when missing or unreadable."""
        try:
            generation, files, skips, folders = marshal.loads(
                (directory / MANIFEST_NAME).read_bytes()
            )
            make = FileRecord._make
            return cls(
                int(generation),
                {rel: make(record) for rel, record in files.items()},
                dict(skips),
                dict(folders),
            )
        except (OSError, ValueError, EOFError, TypeError):
            return None

    def save(self, directory: Path) -> None:
        """Write the manifest atomically (a crash leaves the old one or the new one)."""
        files = {rel: tuple(record) for rel, record in self.files.items()}
        data = (self.generation, files, self.skips, self.folders)
        atomic_write(directory / MANIFEST_NAME, marshal.dumps(data))
        atomic_write(directory / FOLDERS_NAME, marshal.dumps((self.generation, self.folders)))


def load_folders(directory: Path) -> tuple[int, dict[str, int]] | None:
    """(generation, folder -> mtime_ns) as last saved with the manifest, or None."""
    try:
        generation, folders = marshal.loads((directory / FOLDERS_NAME).read_bytes())
        return int(generation), dict(folders)
    except (OSError, ValueError, EOFError, TypeError):
        return None


def folder_times_unchanged(archive: Path, folders: dict[str, int]) -> bool:
    """Whether every folder in ``folders`` (archive-relative path -> mtime_ns, as a scan
    recorded them) still has that mtime: then no file was added, removed or renamed."""
    if not folders:
        return False
    root = str(archive)
    try:
        for rel, mtime_ns in folders.items():
            if mtime_ns == UNTRUSTED or os.stat(f"{root}/{rel}").st_mtime_ns != mtime_ns:
                return False
    except OSError:
        return False
    return True


def atomic_write(path: Path, data: str | bytes) -> None:
    """Replace ``path`` with ``data`` so that readers see the old or the new file, whole."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with temp.open("wb") as handle:
        handle.write(data.encode("utf-8") if isinstance(data, str) else data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp, path)


class WriteLock:
    """An exclusive, advisory lock on an index folder, released by the kernel if we die.

    A killed writer leaves the lock file behind but not the lock itself, so a stale lock is
    simply acquired again; the previous holder's details are kept for the message.
    """

    def __init__(self, index_dir: Path) -> None:
        self.path = index_dir / LOCK_NAME
        self._fd: int | None = None
        self.stale_holder: str | None = None

    def acquire(self, wait: float = 0.0) -> None:
        """Take the lock, waiting up to ``wait`` seconds.

        Raises:
            IndexLocked: When another live process holds it.
        """
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = _read_holder(fd)
                    os.close(fd)
                    raise IndexLocked(
                        f"the index is being updated by another newsdesk process ({holder}); "
                        "try again when it has finished"
                    ) from None
                time.sleep(0.1)
        previous = _read_holder(fd)
        self.stale_holder = previous if previous != "unknown process" else None
        os.ftruncate(fd, 0)
        os.pwrite(fd, _holder_line().encode(), 0)
        self._fd = fd

    def release(self) -> None:
        """Give the lock up (safe to call twice)."""
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(self._fd, 0)
        fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)
        self._fd = None

    def __enter__(self) -> WriteLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


@contextlib.contextmanager
def write_lock(index_dir: Path, wait: float = 0.0) -> Iterator[WriteLock]:
    """Hold the index's write lock for the duration of a ``with`` block."""
    lock = WriteLock(index_dir)
    lock.acquire(wait)
    try:
        yield lock
    finally:
        lock.release()


def _holder_line() -> str:
    import socket  # only when a lock is taken: a search that takes none never loads it

    return f"pid {os.getpid()} on {socket.gethostname()} since {time.strftime('%H:%M:%S')}"


def _read_holder(fd: int) -> str:
    try:
        text = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
    except OSError:
        text = ""
    return text or "unknown process"
