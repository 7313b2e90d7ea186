"""What a reader did with an archive: articles read and bookmarked, kept apart from the index.

Stored per archive in the data directory and keyed by article id, so it survives restarts and
index rebuilds. Every change is a locked read-modify-write, so the app and the command line
can both change it without losing each other's marks.

The file is never trusted to be whole: what can be read is used, each entry that cannot is
reported and, before the next save rewrites the file, appended to ``*.rejected``; a file that
cannot be parsed at all (or is larger than :data:`MAX_STATE_BYTES`) is reported and moved to
``*.corrupt`` before anything is written in its place.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import hashlib
import json
import math
import os
import re
import time
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from index.api.records import ReadingState
from index.pipeline.store import atomic_write, data_home

MAX_STATE_BYTES = 32 * 1024 * 1024
"""About a million read marks; a larger file is not one we wrote."""
_EXAMPLES = 3


@dataclass(frozen=True, slots=True)
class _Loaded:
    """A state file as read: the usable state, entries set aside, and whether it is corrupt."""

    state: ReadingState
    rejected: dict[str, Any] = field(default_factory=dict)
    corrupt: bool = False


def state_path(archive: Path) -> Path:
    """Where the reading state of ``archive`` is kept."""
    resolved = archive.resolve()
    digest = hashlib.sha1(str(resolved).encode("utf-8", "surrogatepass")).hexdigest()[:10]
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", resolved.name).strip("-.")[:40] or "archive"
    return data_home() / "state" / f"{slug}-{digest}.json"


def load_state(path: Path) -> ReadingState:
    """The saved state (empty when there is none); problems with the file are in ``problems``."""
    return _load(path).state


def _load(path: Path) -> _Loaded:
    try:
        with path.open("rb") as file:
            data = file.read(MAX_STATE_BYTES + 1)
    except FileNotFoundError:
        return _Loaded(ReadingState())
    except OSError as exc:
        return _corrupt(path, exc.strerror or type(exc).__name__)
    if len(data) > MAX_STATE_BYTES:
        return _corrupt(path, f"larger than {MAX_STATE_BYTES // (1024 * 1024)} MB")
    try:
        raw = json.loads(data.decode("utf-8"))
    except ValueError as exc:  # not UTF-8, not JSON, or a number too long to convert
        return _corrupt(path, f"not JSON ({exc})")
    except RecursionError:  # the decoder recurses once per level of nesting
        return _corrupt(path, "nested too deeply")
    if not isinstance(raw, dict):
        return _corrupt(path, f"expected a JSON object, got {type(raw).__name__}")
    return _entries(path, raw)


def _corrupt(path: Path, reason: str) -> _Loaded:
    problem = (
        f"{path}: cannot be read ({reason}); no article is marked read or bookmarked, "
        f"and the file is moved to {_aside(path, 'corrupt').name} before the state is saved"
    )
    return _Loaded(ReadingState(problems=(problem,)), corrupt=True)


def _entries(path: Path, raw: dict[str, Any]) -> _Loaded:
    """The usable entries of a parsed state file; every other one is set aside verbatim."""
    rejected: dict[str, Any] = {k: v for k, v in raw.items() if k not in ("read", "bookmarks")}
    bad = list(rejected)
    read_raw = raw.get("read", [])
    read: set[str] = set()
    if isinstance(read_raw, list):
        kept_out = [item for item in read_raw if not isinstance(item, str)]
        read.update(item for item in read_raw if isinstance(item, str))
        if kept_out:
            rejected["read"] = kept_out
            bad.extend(f"read[{i}]" for i, item in enumerate(read_raw) if not isinstance(item, str))
    else:
        rejected["read"] = read_raw
        bad.append("read")
    marks_raw = raw.get("bookmarks", {})
    marks: dict[str, float] = {}
    if isinstance(marks_raw, dict):
        kept_aside: dict[str, Any] = {}
        for key, value in marks_raw.items():
            if _is_time(value):
                marks[key] = float(value)
            else:
                kept_aside[key] = value
                bad.append(f"bookmarks: {key[:40]}")
        if kept_aside:
            rejected["bookmarks"] = kept_aside
    else:
        rejected["bookmarks"] = marks_raw
        bad.append("bookmarks")
    problems: tuple[str, ...] = ()
    if bad:
        shown = ", ".join(bad[:_EXAMPLES]) + (
            f" and {len(bad) - _EXAMPLES} more" if len(bad) > _EXAMPLES else ""
        )
        problems = (
            f"{path}: {len(bad)} entr{'y' if len(bad) == 1 else 'ies'} cannot be used ({shown}); "
            f"the rest is read, and they are kept in {_aside(path, 'rejected').name} "
            "when the state is saved",
        )
    return _Loaded(ReadingState(frozenset(read), marks, problems), rejected)


def _is_time(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _aside(path: Path, kind: str) -> Path:
    return path.with_name(f"{path.name}.{kind}")


def _set_aside(path: Path, loaded: _Loaded) -> None:
    """Keep what the next save would lose: the whole corrupt file, or its rejected entries."""
    if not loaded.corrupt and not loaded.rejected:
        return
    line = None if loaded.corrupt else _rejected_line(loaded.rejected)
    if line is None:
        target = _aside(path, "corrupt")
        number = 1
        while target.exists():  # an earlier corrupt file is kept too
            target = _aside(path, f"{number}.corrupt")
            number += 1
        with contextlib.suppress(FileNotFoundError):
            os.replace(path, target)
        return
    with _aside(path, "rejected").open("a", encoding="utf-8") as file:
        file.write(line + "\n")
        file.flush()
        os.fsync(file.fileno())


def _rejected_line(rejected: dict[str, Any]) -> str | None:
    """One JSON line recording ``rejected``; None if it is nested too deeply to write back."""
    try:
        return json.dumps({"time": time.time(), "rejected": rejected})
    except RecursionError:
        return None


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock.fileno(), fcntl.LOCK_UN)


def _save(path: Path, loaded: _Loaded, state: ReadingState) -> ReadingState:
    _set_aside(path, loaded)
    payload = {"read": sorted(state.read), "bookmarks": state.bookmarks}
    atomic_write(path, json.dumps(payload, indent=1))
    return dataclasses.replace(state, problems=())


def set_read(path: Path, article_id: str, read: bool) -> ReadingState:
    """Mark an article read or unread; returns the new state."""
    return set_read_many(path, (article_id,), read)


def set_read_many(path: Path, article_ids: Collection[str], read: bool) -> ReadingState:
    """Mark many articles read or unread in one locked change; returns the new state."""
    with _locked(path):
        loaded = _load(path)
        wanted = set(article_ids)
        ids = loaded.state.read | wanted if read else loaded.state.read - wanted
        return _save(path, loaded, dataclasses.replace(loaded.state, read=frozenset(ids)))


def set_bookmark(path: Path, article_id: str, marked: bool) -> ReadingState:
    """Bookmark an article or remove its bookmark; returns the new state."""
    with _locked(path):
        loaded = _load(path)
        marks = dict(loaded.state.bookmarks)
        if marked:
            marks.setdefault(article_id, time.time())
        else:
            marks.pop(article_id, None)
        return _save(path, loaded, dataclasses.replace(loaded.state, bookmarks=marks))


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
