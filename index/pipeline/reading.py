"""What a reader did with an archive: articles read and bookmarked, kept apart from the index.

Stored per archive in the data directory and keyed by article id, so it survives restarts and
index rebuilds. Every change is a locked read-modify-write, so the app and the command line
can both change it without losing each other's marks.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import hashlib
import json
import re
import time
from collections.abc import Collection, Iterator
from pathlib import Path

from index.api.records import ReadingState
from index.pipeline.store import atomic_write, data_home


def state_path(archive: Path) -> Path:
    """Where the reading state of ``archive`` is kept."""
    resolved = archive.resolve()
    digest = hashlib.sha1(str(resolved).encode("utf-8", "surrogatepass")).hexdigest()[:10]
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", resolved.name).strip("-.")[:40] or "archive"
    return data_home() / "state" / f"{slug}-{digest}.json"


def load_state(path: Path) -> ReadingState:
    """The saved state, or an empty one when there is none (or it is unreadable)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        read = frozenset(str(i) for i in raw.get("read", []))
        marks = {str(k): float(v) for k, v in dict(raw.get("bookmarks", {})).items()}
        return ReadingState(read, marks)
    except (OSError, ValueError, TypeError, AttributeError):
        return ReadingState()


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock.fileno(), fcntl.LOCK_UN)


def _save(path: Path, state: ReadingState) -> None:
    payload = {"read": sorted(state.read), "bookmarks": state.bookmarks}
    atomic_write(path, json.dumps(payload, indent=1))


def set_read(path: Path, article_id: str, read: bool) -> ReadingState:
    """Mark an article read or unread; returns the new state."""
    return set_read_many(path, (article_id,), read)


def set_read_many(path: Path, article_ids: Collection[str], read: bool) -> ReadingState:
    """Mark many articles read or unread in one locked change; returns the new state."""
    with _locked(path):
        state = load_state(path)
        ids = state.read | set(article_ids) if read else state.read - set(article_ids)
        state = dataclasses.replace(state, read=frozenset(ids))
        _save(path, state)
        return state


def set_bookmark(path: Path, article_id: str, marked: bool) -> ReadingState:
    """Bookmark an article or remove its bookmark; returns the new state."""
    with _locked(path):
        state = load_state(path)
        marks = dict(state.bookmarks)
        if marked:
            marks.setdefault(article_id, time.time())
        else:
            marks.pop(article_id, None)
        state = dataclasses.replace(state, bookmarks=marks)
        _save(path, state)
        return state


class StateFile:
    """The reading state of one archive, kept in a file and re-read only when it changed.

    Implements :class:`index.api.backend.ReadingStore`: the app and the command line both
    change the file, each change a locked read-modify-write, so neither loses the other's.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._seen: tuple[int, int] | None = None
        self._state = ReadingState()

    def load(self) -> ReadingState:
        """The current state (cached until the file changes)."""
        try:
            info = self.path.stat()
            stamp: tuple[int, int] | None = (info.st_mtime_ns, info.st_size)
        except OSError:
            stamp = None
        if stamp is None or stamp != self._seen:
            self._state = load_state(self.path)
            self._seen = stamp
        return self._state

    def set_read(self, article_id: str, read: bool) -> ReadingState:
        """Mark an article read or unread; returns the new state."""
        self._state = set_read(self.path, article_id, read)
        self._seen = None
        return self._state

    def set_bookmark(self, article_id: str, marked: bool) -> ReadingState:
        """Bookmark an article or remove its bookmark; returns the new state."""
        self._state = set_bookmark(self.path, article_id, marked)
        self._seen = None
        return self._state

    def set_read_many(self, article_ids: Collection[str], read: bool) -> ReadingState:
        """Mark many articles read or unread in one change; returns the new state."""
        self._state = set_read_many(self.path, article_ids, read)
        self._seen = None
        return self._state
