"""Reading and annotating archive files in worker processes, turned into Typesense documents.

Each worker takes a batch of files, reads and annotates them (the CPU-heavy part: quote
attribution) and returns, per file, its documents and manifest record. At most two batches
per worker wait in flight, so memory stays flat however large the archive is; the caller
ships documents while the workers go on reading.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import threading
import time
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from index.api.errors import UnreadableFile
from index.api.records import Skipped
from index.engines.typesense.errors import TypesenseError
from index.engines.typesense.schema import article_document, fingerprint_text
from index.pipeline.annotate import annotate_all
from index.pipeline.changes import file_hash, indexed_record
from index.pipeline.processes import ensure_resource_tracker
from index.pipeline.read import os_reason, read_file
from index.pipeline.scan import FileEntry
from index.pipeline.store import FileRecord

IN_PROCESS_BELOW = 200
"""Fewer files than this are read in-process: starting workers would cost more."""
BATCH_FILES = 25
_WATCH_SECONDS = 0.5


@dataclass(frozen=True, slots=True)
class ReadFile:
    """One archive file read: its documents, manifest record and warnings."""

    rel: str
    record: FileRecord
    documents: tuple[dict[str, Any], ...]
    warnings: tuple[Skipped, ...]


def read_one(entry: FileEntry, archive: str, max_bytes: int, scan_start: int) -> ReadFile:
    """Read, annotate and convert one file (an unreadable one gives no documents, a reason)."""
    documents: list[dict[str, Any]] = []
    warnings: list[Skipped] = []
    digest, reason = "", None
    try:
        digest = file_hash(entry.path)
        fingerprint = fingerprint_text(entry.size, entry.mtime_ns, digest)
        read = read_file(entry.path, rel=entry.rel, max_bytes=max_bytes, warn=warnings.append)
        documents = [
            article_document(a, archive, entry.rel, fingerprint) for a in annotate_all(read)
        ]
    except UnreadableFile as exc:
        reason = exc.reason
    except OSError as exc:
        reason = os_reason(exc)
    record = indexed_record(entry, digest, len(documents), scan_start, reason)
    return ReadFile(entry.rel, record, tuple(documents), tuple(warnings))


def _read_batch(
    entries: list[FileEntry], archive: str, max_bytes: int, scan_start: int
) -> list[ReadFile]:
    return [read_one(entry, archive, max_bytes, scan_start) for entry in entries]


def read_files(
    entries: Sequence[FileEntry], archive: str, procs: int, max_bytes: int, scan_start: int
) -> Iterator[ReadFile]:
    """Every file of ``entries`` (of archive ``archive``, its key) read, in order, by ``procs``
    worker processes."""
    if procs <= 1 or len(entries) < IN_PROCESS_BELOW:
        for entry in entries:
            yield read_one(entry, archive, max_bytes, scan_start)
        return
    # spawn, not fork: the app updates from a thread, and forking a threaded process is unsafe.
    ensure_resource_tracker()
    pool = ProcessPoolExecutor(
        procs,
        mp_context=mp.get_context("spawn"),
        initializer=_follow_parent,
        initargs=(os.getpid(),),
    )
    pending: deque[Future[list[ReadFile]]] = deque()
    batches = (list(entries[i : i + BATCH_FILES]) for i in range(0, len(entries), BATCH_FILES))
    try:
        for batch in batches:
            pending.append(pool.submit(_read_batch, batch, archive, max_bytes, scan_start))
            if len(pending) >= 2 * procs:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    except BrokenProcessPool:
        raise TypesenseError("an indexing worker process died; run the update again") from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _follow_parent(parent: int) -> None:
    """In a worker: exit as soon as the parent is gone (killed, say), never linger on."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_WATCH_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()
