"""Bringing a collection up to date with an archive: new, changed and deleted files.

The pipeline runs here (read and annotate in worker processes); documents go to the cluster
in batches imported with upsert. Every write is safe to repeat: ids are stable, a write that
failed at the client may have been stored anyway, and a retried one may run twice. A file
counts as indexed once every one of its documents is acknowledged (``success`` on each line
of the import's answer) and its stale documents are deleted; only then does the local
manifest record it. The manifest is saved as batches are acknowledged, so an update killed
at any point carries on where it stopped.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from index.api.records import Progress, ProgressFn, Skipped, UpdateReport
from index.engines.typesense import calls
from index.engines.typesense import filters as fx
from index.engines.typesense.collection import Target, choose_target, publish
from index.engines.typesense.schema import archive_key, file_key
from index.engines.typesense.workers import ReadFile, read_files
from index.pipeline.changes import changes, new_skips
from index.pipeline.scan import folders_to_keep, known_from, scan_archive
from index.pipeline.store import (
    RACY_NS,
    FileRecord,
    Manifest,
    folder_times_unchanged,
    write_lock,
)

BATCH_DOCUMENTS = 500
BATCH_BYTES = 8 * 1024 * 1024
SAVE_SECONDS = 1.0
"""The manifest is saved at most this often while batches are acknowledged."""
_REMOVE_CHUNK = 200


@dataclass(slots=True)
class _Shipper:
    """Batches documents to the cluster and records files once they are fully written."""

    collection: Any
    write: calls.Writes
    folder: Path
    files: dict[str, FileRecord]
    previous: dict[str, FileRecord]
    warnings: list[Skipped] = field(default_factory=list)
    indexed: list[str] = field(default_factory=list)
    _batch: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    _size: int = 0
    _waiting: dict[str, tuple[ReadFile, int, set[str]]] = field(default_factory=dict)
    _saved: float = field(default_factory=time.monotonic)
    archive: Path = Path()
    key: str = ""
    skips: dict[str, str] = field(default_factory=dict)
    """What the scan skipped (rel -> reason), kept in the manifest to report each once."""
    folders: dict[str, int] = field(default_factory=dict)
    """The scan's folder times, set once the whole update is written (for quick checks)."""

    def add(self, read: ReadFile) -> None:
        """Queue one read file's documents (a file without any is recorded at once)."""
        self.warnings.extend(read.warnings)
        if not read.documents:
            self._finish([read])
            return
        self._waiting[read.rel] = (read, len(read.documents), set())
        for doc in read.documents:
            self._batch.append((read.rel, doc))
            self._size += len(doc.get("record", "")) + len(doc.get("b", ""))
        if len(self._batch) >= BATCH_DOCUMENTS or self._size >= BATCH_BYTES:
            self.flush()

    def flush(self) -> None:
        """Ship the queued documents; record every file they complete."""
        if not self._batch:
            return
        batch, self._batch, self._size = self._batch, [], 0
        docs = [doc for _, doc in batch]
        answers = self.write(lambda: self.collection.documents.import_(docs, {"action": "upsert"}))
        done: list[ReadFile] = []
        for (rel, _doc), answer in zip(batch, answers, strict=True):
            read, left, refused = self._waiting[rel]
            if not answer.get("success"):
                refused.add(str(answer.get("error", "refused"))[:200])
            self._waiting[rel] = (read, left - 1, refused)
            if left == 1:
                del self._waiting[rel]
                if refused:
                    # Not recorded: the next update tries the file again.
                    reason = f"Typesense refused its articles ({sorted(refused)[0]})"
                    self.warnings.append(Skipped(str(self.archive / rel), reason))
                else:
                    done.append(read)
        self._finish(done)

    def _finish(self, done: list[ReadFile]) -> None:
        stale = []
        for read in done:
            known = self.previous.get(read.rel)
            if known is not None and known.articles:
                ids = [str(doc["id"]) for doc in read.documents]
                stale.append(
                    fx.all_of(
                        [fx.one_of("fkey", [file_key(self.key, read.rel)]), fx.none_of("aid", ids)]
                    )
                )
        if stale:
            condition = fx.render(fx.any_of(stale))
            self.write(lambda: self.collection.documents.delete({"filter_by": condition}))
        for read in done:
            self.files[read.rel] = read.record
            if read.record.articles:
                self.indexed.append(read.rel)
        if time.monotonic() - self._saved >= SAVE_SECONDS:
            self.save()

    def save(self) -> None:
        """Write the manifest of every file recorded so far."""
        Manifest(0, self.files, self.skips, self.folders).save(self.folder)
        self._saved = time.monotonic()


def update_collection(
    client: Any,
    write: calls.Writes,
    alias: str,
    archive: Path,
    state_dir: Path,
    *,
    rebuild: bool,
    procs: int,
    max_bytes: int,
    progress: ProgressFn | None,
    wait: float,
    on_change: Callable[[], None] = lambda: None,
    outside_links: bool = False,
    quick: bool = False,
) -> UpdateReport:
    """Bring the collection behind ``alias`` up to date with ``archive`` (or rebuild it).

    ``outside_links`` indexes files that symbolic links reach outside the archive. ``quick``
    trusts folders whose mtime has not changed since the last complete update from this
    machine (see :mod:`index.pipeline.scan`): an unchanged archive costs a stat per folder.

    Raises:
        IndexLocked: When another process on this machine is updating it.
        IndexReadOnly: When the key may only search.
        IndexUnavailable: When the cluster cannot take writes (no leader).
    """
    started = time.perf_counter()
    notify = progress or (lambda _: None)
    state_dir.mkdir(parents=True, exist_ok=True)
    with write_lock(state_dir, wait):
        target = choose_target(write, client, alias, state_dir, rebuild)
        folder = state_dir / target.name
        folder.mkdir(exist_ok=True)
        known = Manifest.load(folder)
        trusted = known if quick and not target.fresh else None
        if trusted is not None and folder_times_unchanged(archive, trusted.folders):
            skipped = len(trusted.skips) + sum(1 for r in trusted.files.values() if r.reason)
            seconds = time.perf_counter() - started
            return UpdateReport(0, 0, 0, (), (), seconds, skipped_total=skipped)
        files = (
            known.files if known is not None else _from_collection(write, client, target, archive)
        )
        notify(Progress("scan", 0, 0))
        scan_start = time.time_ns()
        scan = scan_archive(
            archive,
            exclude=(state_dir,),
            outside_links=outside_links,
            known=known_from(trusted) if trusted is not None else None,
            started_ns=scan_start - RACY_NS,
        )
        plan = changes(scan.files, files)
        collection = client.collections[target.name]
        # A changed file keeps its old record until its new documents are in: an update
        # killed meanwhile sees it changed again, and still deletes its stale documents.
        kept = {e.rel: files[e.rel] for e in plan.to_index if e.rel in files}
        shipper = _Shipper(collection, write, folder, {**plan.unchanged, **kept}, files)
        shipper.archive, shipper.key = archive, archive_key(archive)
        shipper.skips = dict(scan.skipped)
        try:
            _remove(write, collection, shipper.key, plan.removed)
            shipper.save()
            total = len(plan.to_index)
            notify(Progress("index", 0, total))
            for done, read in enumerate(
                read_files(plan.to_index, shipper.key, procs, max_bytes, scan_start), 1
            ):
                shipper.add(read)
                notify(Progress("index", done, total))
            shipper.flush()
            notify(Progress("commit", total, total))
            if target.fresh:
                publish(write, client, alias, target, state_dir)
            shipper.folders = folders_to_keep(scan, shipper.files)
        finally:
            shipper.save()
        if plan.to_index or plan.removed or target.fresh:
            on_change()
    updated = sum(1 for rel in shipper.indexed if files.get(rel, _NONE).articles)
    fresh = {e.rel: shipper.files[e.rel] for e in plan.to_index if e.rel in shipper.files}
    skipped_files = sum(1 for record in shipper.files.values() if record.reason)
    return UpdateReport(
        added=len(shipper.indexed) - updated,
        updated=updated,
        removed=len(plan.removed),
        skipped=new_skips(archive, shipper.skips, fresh, None if target.fresh else known),
        warnings=tuple(shipper.warnings),
        seconds=time.perf_counter() - started,
        rebuilt=rebuild,
        skipped_total=len(shipper.skips) + skipped_files,
    )


_NONE = FileRecord(0, 0, "", 0)


def _remove(write: calls.Writes, collection: Any, archive: str, removed: list[str]) -> None:
    def delete(condition: str) -> Any:
        return write(lambda: collection.documents.delete({"filter_by": condition}))

    for start in range(0, len(removed), _REMOVE_CHUNK):
        keys = [file_key(archive, rel) for rel in removed[start : start + _REMOVE_CHUNK]]
        delete(fx.render(fx.one_of("fkey", keys)))


def _from_collection(
    write: calls.Writes, client: Any, target: Target, archive: Path
) -> dict[str, FileRecord]:
    """The manifest rebuilt from the archive's documents themselves (no local one)."""
    if target.fresh and target.previous is None:
        return {}
    files: dict[str, FileRecord] = {}
    documents = client.collections[target.name].documents
    mine = fx.render(fx.one_of("arch", [archive_key(archive)]))
    lines = write(lambda: documents.export({"include_fields": "file,fp", "filter_by": mine}))
    for line in lines.splitlines():
        try:
            doc = json.loads(line)
            size, mtime, digest = str(doc["fp"]).split(":")
            rel = str(doc["file"])
        except (ValueError, KeyError):
            continue
        count = files[rel].articles + 1 if rel in files else 1
        # Racy: the next update compares contents before trusting the times.
        files[rel] = FileRecord(int(size), int(mtime), digest, count, True)
    return files
