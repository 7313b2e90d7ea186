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
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from index.api.errors import QueryError
from index.api.records import SearchRequest
from index.pipeline.store import atomic_write, data_home

_STATE_FILTER = re.compile(r"(?<!\S)is:(\S*)")
STATE_FILTERS = ("read", "unread", "bookmarked")


@dataclass(frozen=True, slots=True)
class ReadingState:
    """Ids of articles read, and bookmarked ids with the time they were bookmarked."""

    read: frozenset[str] = frozenset()
    bookmarks: dict[str, float] = field(default_factory=dict)


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
    with _locked(path):
        state = load_state(path)
        ids = state.read | {article_id} if read else state.read - {article_id}
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


def apply_state_filters(request: SearchRequest, state: ReadingState) -> SearchRequest:
    """Turn ``is:read``, ``is:unread`` and ``is:bookmarked`` in the query into id filters.

    Raises:
        QueryError: For an unknown ``is:`` filter.
    """
    wanted = [m.group(1).lower() for m in _STATE_FILTER.finditer(request.query)]
    if not wanted:
        return request
    for name in wanted:
        if name not in STATE_FILTERS:
            raise QueryError(f"unknown filter 'is:{name}'; use is:read, is:unread or is:bookmarked")
    include = request.include_ids
    exclude = set(request.exclude_ids)
    if "bookmarked" in wanted:
        include = (
            frozenset(state.bookmarks) & include
            if include is not None
            else frozenset(state.bookmarks)
        )
    if "read" in wanted:
        include = state.read & include if include is not None else state.read
    if "unread" in wanted:
        exclude |= state.read
    query = " ".join(_STATE_FILTER.sub(" ", request.query).split())
    return dataclasses.replace(
        request, query=query, include_ids=include, exclude_ids=frozenset(exclude)
    )
