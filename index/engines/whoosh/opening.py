"""Opening an index to read or to write, and what happens when it is damaged or stopped.

Reading: a damaged index is found on open (Whoosh failing to read it, or a file that no longer
matches its checksum) and reported as one :class:`IndexDamaged` line. Writing: a damaged index
is rebuilt in a fresh folder beside it and switched in only when complete; a build that fails
(a full disk) or is stopped (SIGTERM) removes what it wrote and leaves the last good index.
"""

from __future__ import annotations

import contextlib
import errno
import pickle
import signal
import struct
import threading
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any, ParamSpec, TypeVar

from whoosh.index import TOC, EmptyIndexError, FileIndex

from index.api.errors import IndexDamaged, IndexMissing, IndexReadOnly, QueryError
from index.engines.whoosh.carry import copy_index, predecessor
from index.engines.whoosh.integrity import find_damage, record_checksums
from index.engines.whoosh.schema import build_schema
from index.engines.whoosh.storage import (
    INDEX_NAME,
    building_dir,
    discard_building,
    finish_switch,
    mark_index_folder,
    next_generation,
    open_storage,
    promote_ready,
    remove_partial_files,
    remove_stale_versions,
    storage_at,
    switch_in,
    whoosh_dir,
)

DAMAGE_ERRORS: tuple[type[Exception], ...] = (
    EOFError,
    struct.error,
    pickle.UnpicklingError,
    zlib.error,
)
"""What Whoosh raises when reading files that were cut short, emptied or overwritten."""
_OPEN_ERRORS: tuple[type[Exception], ...] = (
    *DAMAGE_ERRORS,
    OSError,
    ValueError,
    KeyError,
    IndexError,
    TypeError,
    AttributeError,
)
"""Opening unpickles the table of contents: damaged, it can raise nearly anything."""
_ATTEMPTS = 3
_READ_ONLY = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})

T = TypeVar("T")
P = ParamSpec("P")


def open_for_reading(
    index_dir: Path, view: Callable[[Any], T], *, carried: bool = False
) -> tuple[Any, T]:
    """Open the index in ``index_dir`` and ``view(ix)`` over it (a searcher), checked.

    With ``carried``, when there is no index for the current quote extractor yet, the one
    its build will start from is opened instead (it serves until the new one is ready).

    Raises:
        IndexMissing: When there is no index.
        IndexDamaged: When it cannot be read, or a file no longer matches its checksum.
    """
    promote_ready(index_dir)
    folder = whoosh_dir(index_dir)
    if carried and not folder.is_dir():
        folder = predecessor(index_dir) or folder
    storage = storage_at(folder)
    problem = ""
    for _ in range(_ATTEMPTS):
        generation = _latest(storage)
        if generation < 0:
            raise IndexMissing(f"no index in {index_dir}")
        problem = find_damage(folder, generation) or ""
        if not problem:
            try:
                ix = storage.open_index()
                return ix, view(ix)
            except EmptyIndexError:
                raise IndexMissing(f"no index in {index_dir}") from None
            except _OPEN_ERRORS as exc:
                problem = describe(exc)
        if _latest(storage) == generation:  # not a writer committing as we opened: damage
            break
    raise IndexDamaged(str(index_dir), problem)


def describe(exc: BaseException) -> str:
    """A short reason for an error met while reading index files."""
    if isinstance(exc, OSError) and exc.strerror:
        name = Path(exc.filename).name if exc.filename else ""
        return f"{name}: {exc.strerror}" if name else exc.strerror
    kind = type(exc).__name__
    if kind == "error":  # struct.error, zlib.error
        kind = f"{type(exc).__module__}.error"
    detail = " ".join(str(exc).split())[:80]
    return f"{kind}: {detail}" if detail else kind


def reported_as_damage(
    index_dir: Callable[[Any], Path],
) -> Callable[[Callable[P, T]], Callable[P, T]]:
    """Decorate a method that reads the index: damage found while reading is one line.

    Whoosh reading a damaged file may raise nearly anything (even a bare ``Exception``) or
    find nothing, so an error (``ArticleNotFound`` included) is put down to damage when the
    index files no longer match their checksums, and passed on as it is otherwise.
    ``index_dir(self)`` names the index.
    """

    def decorate(method: Callable[P, T]) -> Callable[P, T]:
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
            try:
                return method(*args, **kwargs)
            except (IndexDamaged, QueryError):
                raise
            except Exception as exc:  # an article not found may be one damage has hidden
                folder = index_dir(args[0])
                if isinstance(exc, DAMAGE_ERRORS):
                    problem = describe(exc)
                else:
                    problem = find_damage(whoosh_dir(folder)) or ""
                if not problem:
                    raise
                raise IndexDamaged(str(folder), problem) from None

        wrapper.__name__, wrapper.__doc__ = method.__name__, method.__doc__
        wrapper.__wrapped__ = method  # type: ignore[attr-defined]
        return wrapper

    return decorate


def create_empty(index_dir: Path) -> None:
    """Create an empty index where there is none (the caller holds the write lock)."""
    mark_index_folder(index_dir)
    finish_switch(index_dir)
    storage = open_storage(index_dir).create()
    try:
        storage.open_index()
    except EmptyIndexError:
        storage.create_index(build_schema())


def read_only(exc: OSError) -> bool:
    """True when ``exc`` says the index folder cannot be written."""
    return exc.errno in _READ_ONLY


@dataclass(frozen=True, slots=True)
class Target:
    """The index a build writes to."""

    ix: Any
    folder: Path
    rebuild: bool
    """True when building from nothing: asked for, or the current index is damaged."""
    damage: str | None
    """What was wrong with the current index, when it was."""
    carried: Path | None = None
    """The index of another quote extractor this one was copied from, to annotate again."""


@contextlib.contextmanager
def open_for_writing(index_dir: Path, rebuild: bool) -> Iterator[Target]:
    """The index to update (or a fresh one beside it to rebuild), for a ``with`` block.

    The caller holds the write lock. When the block ends well, checksums are recorded and a
    fresh index is switched in. When it fails or SIGTERM stops it, what it wrote is removed.

    Raises:
        IndexReadOnly: When the index folder cannot be written.
    """
    with _stopped_by_sigterm():
        try:
            target = _target(index_dir, rebuild)
            yield target
            record_checksums(target.folder)
            if target.rebuild or target.carried:
                switch_in(index_dir, target.folder)
            if target.carried:
                remove_stale_versions(index_dir)
        except BaseException:
            discard_building(index_dir)
            if whoosh_dir(index_dir).is_dir():
                remove_partial_files(whoosh_dir(index_dir))
            raise


def _target(index_dir: Path, rebuild: bool) -> Target:
    try:
        mark_index_folder(index_dir)
        finish_switch(index_dir)
    except OSError as exc:
        if read_only(exc):
            message = f"the index in {index_dir} cannot be written ({exc.strerror})"
            raise IndexReadOnly(message) from None
        raise
    damage = None
    if not rebuild:
        try:
            ix, reader = open_for_reading(index_dir, lambda ix: ix.reader())
            reader.close()
            return Target(ix, whoosh_dir(index_dir), False, None)
        except IndexMissing:
            carried = predecessor(index_dir)
            if carried is not None:
                folder = building_dir(index_dir)
                copy_index(carried, folder)
                ix = FileIndex(storage_at(folder), indexname=INDEX_NAME)
                return Target(ix, folder, False, None, carried)
            create_empty(index_dir)
            return Target(open_storage(index_dir).open_index(), whoosh_dir(index_dir), False, None)
        except IndexDamaged as exc:
            damage = exc.reason
    folder = building_dir(index_dir)
    storage = storage_at(folder)
    TOC(build_schema(), [], next_generation(index_dir)).write(storage, INDEX_NAME)
    return Target(FileIndex(storage, indexname=INDEX_NAME), folder, True, damage)


class _Stop(SystemExit):
    """SIGTERM during a build: unwinds it (cleaning up), then exits as the signal would."""


@contextlib.contextmanager
def _stopped_by_sigterm() -> Iterator[None]:
    """Turn SIGTERM into an exception for the duration (main thread only: signal handlers
    cannot be set elsewhere, and the app stops its builds itself)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # once: let the clean-up finish
        raise _Stop(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _latest(storage: Any) -> int:
    try:
        return int(TOC._latest_generation(storage, INDEX_NAME))
    except OSError:
        return -1
