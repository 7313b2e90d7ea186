"""Bringing an archive's index up to date: add new files, re-read changed ones, drop deleted ones.

Crash safety comes from Whoosh's commit (segments first, then the table of contents renamed
into place) and from the manifest naming the index generation it describes: a manifest that
does not match the index is rebuilt from the index's own stored fields.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from whoosh import writing

from index.api.errors import IndexMissing
from index.api.records import Progress, ProgressFn, Skipped, UpdateReport
from index.engines.whoosh.dedupe import Duplicates
from index.engines.whoosh.freshness import folders_unchanged
from index.engines.whoosh.ingest import Outcome, index_file
from index.engines.whoosh.keys import file_key, rel_of_key
from index.engines.whoosh.opening import open_for_writing
from index.engines.whoosh.reannotate import reannotate
from index.engines.whoosh.schema import vocabulary_of
from index.engines.whoosh.spelling import save_vocabulary
from index.engines.whoosh.storage import remove_stale_versions
from index.engines.whoosh.writer import NewsWriter
from index.pipeline.changes import Changes, changes, new_skips
from index.pipeline.limits import DEFAULT_MAX_BYTES
from index.pipeline.scan import FileEntry, Scan, folders_to_keep, known_from, scan_archive
from index.pipeline.store import RACY_NS, FileRecord, Manifest, write_lock

PARALLEL_THRESHOLD = 400
"""Fewer files than this are indexed in-process: starting workers would cost more."""


def update_index(
    archive: Path,
    index_dir: Path,
    *,
    rebuild: bool = False,
    procs: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: ProgressFn | None = None,
    wait: float = 0.0,
    quick: bool = False,
    outside_links: bool = False,
) -> UpdateReport:
    """Bring the index of ``archive`` in ``index_dir`` up to date (or rebuild it).

    ``quick`` trusts folders whose mtime has not changed (see :mod:`index.pipeline.scan`):
    an unchanged archive then costs a stat per folder. ``outside_links`` indexes files that
    symbolic links reach outside the archive (skipped by default).

    Raises:
        IndexLocked: When another process is writing this index.
        IndexMissing: When ``archive`` is not a folder.
    """
    started = time.perf_counter()
    archive = archive.resolve()
    if not archive.is_dir():
        raise IndexMissing(f"{archive}: no such folder")
    if quick and not rebuild and folders_unchanged(archive, index_dir):
        return UpdateReport(0, 0, 0, (), (), time.perf_counter() - started)
    notify = progress or (lambda _: None)
    # A damaged index is rebuilt beside it (target.rebuild); a failed or stopped build
    # removes what it wrote.
    with write_lock(index_dir, wait), open_for_writing(index_dir, rebuild) as target:
        ix, folder, rebuild = target.ix, target.folder, target.rebuild
        requoted = None
        if target.carried is not None:
            done = reannotate(ix, folder, _worker_count(procs, ix.doc_count_all()), notify)
            requoted = (ix.doc_count(), len(done.replaced))
        manifest = None if rebuild else _current_manifest(ix, folder)
        scan_start = time.time_ns()
        notify(Progress("scan", 0, 0))
        scan = scan_archive(
            archive,
            exclude=(index_dir,),
            outside_links=outside_links,
            known=known_from(manifest) if quick and manifest is not None else None,
            started_ns=scan_start - RACY_NS,
        )
        plan = changes(scan.files, dict(manifest.files) if manifest else {})
        previous = manifest.files if manifest else {}
        duplicates = Duplicates(archive, folder, rebuild, plan.removed)
        again = _reread(plan, scan.files, duplicates)
        skips = dict(scan.skipped)
        if not plan.to_index and not plan.removed and not rebuild:
            kept = _manifest(manifest.generation if manifest else 0, plan.unchanged, scan)
            if manifest is None or kept != manifest:
                kept.save(folder)
            return UpdateReport(
                0,
                0,
                0,
                new_skips(archive, skips, {}, manifest),
                (),
                time.perf_counter() - started,
                duplicates=duplicates.count,
                skipped_total=len(skips) + _file_skips(plan.unchanged),
                requoted=requoted,
            )
        outcome = _write(
            ix, plan, previous, rebuild, procs, max_bytes, notify, scan_start, duplicates
        )
        files = {**plan.unchanged, **outcome.records}
        _manifest(ix.latest_generation(), files, scan).save(folder)
        duplicates.save()
        save_vocabulary(folder, outcome.words, replace=rebuild)
        remove_stale_versions(index_dir)
    indexed = [r for r, record in outcome.records.items() if record.articles and r not in again]
    updated = sum(1 for rel in indexed if rel in previous and previous[rel].articles)
    damage = (Skipped(str(index_dir), f"damaged index rebuilt: {target.damage}"),)
    return UpdateReport(
        added=len(indexed) - updated,
        updated=updated,
        removed=len(plan.removed),
        skipped=new_skips(archive, skips, outcome.records, manifest),
        warnings=(damage if target.damage else ()) + tuple(outcome.warnings),
        seconds=time.perf_counter() - started,
        rebuilt=rebuild,
        duplicates=duplicates.count,
        skipped_total=len(skips) + _file_skips(files),
        requoted=requoted,
    )


def _manifest(generation: int, files: dict[str, FileRecord], scan: Scan) -> Manifest:
    """The manifest after a scan."""
    return Manifest(generation, files, dict(scan.skipped), folders_to_keep(scan, files))


def _file_skips(files: dict[str, FileRecord]) -> int:
    return sum(1 for record in files.values() if record.reason)


def _current_manifest(ix: Any, directory: Path) -> Manifest:
    manifest = Manifest.load(directory)
    generation = ix.latest_generation()
    if manifest is not None and manifest.generation == generation:
        return manifest
    # The last run died between its commit and its manifest: read the index instead.
    files: dict[str, FileRecord] = {}
    with ix.searcher() as searcher:
        for stored in searcher.all_stored_fields():
            info = stored.get("info") or {}
            if stored.get("file") is None:
                continue
            rel = rel_of_key(stored["file"])
            known = files.get(rel)
            count = (known.articles if known else 0) + 1
            files[rel] = FileRecord(
                info.get("size", -1), info.get("mtime", -1), info.get("hash", ""), count, True
            )
    return Manifest(generation, files)


def _reread(plan: Changes, entries: Sequence[FileEntry], duplicates: Duplicates) -> set[str]:
    """Plan to read again the unchanged files holding another copy of an article whose file
    changed or went (so the runner-up can come back); returns their paths."""
    again = duplicates.to_reread({e.rel for e in plan.to_index} | set(plan.removed))
    again &= plan.unchanged.keys()
    for entry in entries if again else ():
        if entry.rel in again:
            del plan.unchanged[entry.rel]
            plan.to_index.append(entry)
    return again


def _write(
    ix: Any,
    plan: Changes,
    previous: dict[str, FileRecord],
    rebuild: bool,
    procs: int | None,
    max_bytes: int,
    notify: ProgressFn,
    scan_start: int,
    duplicates: Duplicates,
) -> Outcome:
    writer = NewsWriter(ix)
    try:
        if not rebuild:
            for rel in plan.removed:
                writer.delete_by_term("file", file_key(rel))
            for entry in plan.to_index:
                if entry.rel in previous:
                    writer.delete_by_term("file", file_key(entry.rel))
        workers = _worker_count(procs, len(plan.to_index))
        total = len(plan.to_index)
        notify(Progress("index", 0, total))
        if workers > 1:
            from index.engines.whoosh.parallel import index_in_workers

            outcome, segments = index_in_workers(
                str(ix.storage.folder),
                plan.to_index,
                workers,
                max_bytes,
                scan_start,
                lambda done: notify(Progress("index", done, total)),
            )
        else:
            outcome, segments = Outcome(), []
            for done, entry in enumerate(plan.to_index, start=1):
                index_file(writer.add_document, entry, max_bytes, scan_start, outcome)
                notify(Progress("index", done, total))
            outcome.words = vocabulary_of(writer.schema)
        notify(Progress("commit", total, total))
        mergetype = writing.CLEAR if rebuild else writing.MERGE_SMALL
        final = writer._merge_segments(mergetype, False, True) + segments
        if writer._added:
            final.append(writer._finalize_segment())
        else:
            writer._close_segment()
        duplicates.settle(writer, final, outcome)
        writer._commit_toc(final)
        writer._finish()
    except BaseException:
        if not writer.is_closed:
            writer.cancel()
        raise
    return outcome


def _worker_count(procs: int | None, files: int) -> int:
    if files < PARALLEL_THRESHOLD:
        return 1
    available = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(procs or available or 1, 8))
