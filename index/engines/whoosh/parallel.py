"""Indexing with several processes: each reads files, extracts quotes and writes its own segment.

Whoosh's own multiprocessing writer reads every document in the parent and only farms out the
analysis; here the whole per-file pipeline runs in the workers, which pull batches of files
from a shared queue so that uneven file sizes balance out. The parent commits the workers'
segments together with its own deletions in one table-of-contents write.
"""

from __future__ import annotations

import functools
import multiprocessing as mp
import queue
import traceback
from collections.abc import Callable, Sequence
from typing import Any

from index.api.errors import NewsdeskError
from index.engines.whoosh.ingest import Outcome, index_file
from index.engines.whoosh.schema import vocabulary_of
from index.pipeline.processes import ensure_resource_tracker
from index.pipeline.scan import FileEntry

_POLL_SECONDS = 0.5
BATCH_FILES = 100
"""Files a worker takes from the queue at a time."""
SEGMENT_DOCS = 25_000
"""Articles a worker writes into one segment before it starts another. The segment being
written is held in memory (on the synthetic archive, a worker peaked at 173 MB with 10,000
articles a segment, 123 MB with 4,000), so this bounds a worker's memory whatever the size
of the archive; more segments cost searches a little."""


class WorkerFailed(NewsdeskError):
    """An indexing worker process crashed."""


Task = Callable[[Any, list[Any], Outcome], None]
"""What a worker does with one batch of jobs: write documents with the writer it is given and
note what happened in the outcome. A module-level function (or a partial of one), so that
spawned workers can import it."""


def index_files(
    writer: Any, batch: list[Any], outcome: Outcome, *, max_bytes: int, scan_start: int
) -> None:
    """The indexing task: read, annotate and write each file of ``batch``."""
    for entry in batch:
        index_file(writer.add_document, entry, max_bytes, scan_start, outcome)


def index_in_workers(
    whoosh_folder: str,
    entries: Sequence[FileEntry],
    workers: int,
    max_bytes: int,
    scan_start: int,
    on_progress: Callable[[int], None],
) -> tuple[Outcome, list[Any]]:
    """Index ``entries`` in ``workers`` processes; return the merged outcome and new segments."""
    batches = [
        list(entries[start : start + BATCH_FILES]) for start in range(0, len(entries), BATCH_FILES)
    ]
    task = functools.partial(index_files, max_bytes=max_bytes, scan_start=scan_start)
    return run_in_workers(whoosh_folder, batches, workers, task, on_progress)


def run_in_workers(
    whoosh_folder: str,
    batches: Sequence[list[Any]],
    workers: int,
    task: Task,
    on_progress: Callable[[int], None],
) -> tuple[Outcome, list[Any]]:
    """Run ``task`` over ``batches`` in ``workers`` processes, each writing its own segments;
    return the merged outcome and the new segments (for the caller to commit)."""
    # spawn, not fork: the app calls this from a thread, and forking a threaded process is unsafe.
    context = mp.get_context("spawn")
    ensure_resource_tracker()  # before the queues: their locks register with the tracker
    jobs: Any = context.Queue()
    results: Any = context.Queue()
    for batch in batches:
        jobs.put(batch)
    for _ in range(workers):
        jobs.put(None)
    processes = [
        context.Process(
            target=_work,
            args=(whoosh_folder, jobs, results, task, SEGMENT_DOCS),
            daemon=True,
        )
        for _ in range(workers)
    ]
    for process in processes:
        process.start()
    outcome, segments, done, finished = Outcome(), [], 0, 0
    try:
        while finished < workers:
            try:
                message = results.get(timeout=_POLL_SECONDS)
            except queue.Empty:
                if any(p.exitcode not in (None, 0) for p in processes):
                    raise WorkerFailed("an indexing worker died unexpectedly") from None
                continue
            kind = message[0]
            if kind == "progress":
                done += message[1]
                on_progress(done)
            elif kind == "error":
                raise WorkerFailed(f"an indexing worker failed:\n{message[1]}")
            else:
                _, written, part = message
                finished += 1
                segments.extend(written)
                outcome.records.update(part.records)
                outcome.warnings.extend(part.warnings)
                outcome.words |= part.words
                outcome.ids.extend(part.ids)
                outcome.replaced.extend(part.replaced)
                outcome.damaged.update(part.damaged)
    finally:
        if finished < workers:
            # Stopped early (an error, or the caller gave up): the queues' feeder threads
            # would otherwise wait for ever to flush to workers that are gone.
            jobs.cancel_join_thread()
            results.cancel_join_thread()
        for process in processes:
            if process.is_alive() and finished < workers:
                process.terminate()
            process.join(timeout=5)
    return outcome, segments


def _work(
    whoosh_folder: str,
    jobs: Any,
    results: Any,
    task: Task,
    segment_docs: int,
) -> None:
    from whoosh.filedb.filestore import FileStorage

    from index.engines.whoosh.writer import NewsWriter

    try:
        ix = FileStorage(whoosh_folder, supports_mmap=False).open_index()
        # The parent holds the index lock; this writer only produces a segment.
        writer = NewsWriter(ix, _lk=False)
        outcome = Outcome()
        segments = []
        while (batch := jobs.get()) is not None:
            task(writer, batch, outcome)
            results.put(("progress", len(batch)))
            if writer.docnum >= segment_docs:
                outcome.words |= vocabulary_of(writer.schema)
                segments.append(writer._finalize_segment())
                writer = NewsWriter(ix, _lk=False)
        outcome.words |= vocabulary_of(writer.schema)
        if writer._added:
            segments.append(writer._finalize_segment())
        else:
            writer._close_segment()
        # No writer._finish(): it would delete the temporary folder all writers share; the
        # parent's writer removes it after its commit.
        results.put(("done", segments, outcome))
    except BaseException:
        results.put(("error", traceback.format_exc()))
