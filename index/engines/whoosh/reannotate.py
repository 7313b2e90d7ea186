"""A new quote extractor over an existing index: re-annotate the stored articles, re-index none.

The text an index holds does not depend on the quote extractor; only the quote fields do. So
when ``EXTRACTOR_VERSION`` changes and the index of the same schema from another extractor is
complete, that index is copied beside it (the old one serves until the new one is switched in),
every stored article goes through the new extractor again from its stored record (no file is
read), and only the articles whose quotes came out differently are written again. An article
whose record cannot be read back has its file read again by the update that follows.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from whoosh import writing

from index.api.records import Progress, ProgressFn
from index.corpus.record import BadRecord, article_from_record, quote_record, unpack
from index.engines.whoosh.ingest import Outcome
from index.engines.whoosh.keys import file_key, rel_of_key
from index.engines.whoosh.schema import article_document, vocabulary_of
from index.engines.whoosh.writer import NewsWriter
from index.pipeline.annotate import annotate
from index.pipeline.store import Manifest

BATCH_DOCS = 250
"""Stored articles a worker takes from the queue at a time."""


def reannotate(ix: Any, folder: Path, workers: int, progress: ProgressFn | None = None) -> Outcome:
    """Run the quote extractor again over every article stored in ``ix`` (in ``folder``) and
    write again those whose quotes changed; commit, and keep the manifest in step.

    Files whose stored articles cannot be read back are dropped from the index and from the
    manifest, so the update that follows reads them again. Returns what was done
    (``replaced``: document numbers written again; ``damaged``: files to read again).
    """
    notify = progress or (lambda _: None)
    writer = NewsWriter(ix)
    try:
        total = ix.doc_count_all()
        batches = [
            list(range(start, min(start + BATCH_DOCS, total)))
            for start in range(0, total, BATCH_DOCS)
        ]
        notify(Progress("quotes", 0, total))
        task = functools.partial(reannotate_batch, folder=str(folder))
        if workers > 1:
            from index.engines.whoosh.parallel import run_in_workers

            outcome, segments = run_in_workers(
                str(folder),
                batches,
                workers,
                task,
                lambda done: notify(Progress("quotes", done, total)),
            )
        else:
            outcome, segments = Outcome(), []
            for batch in batches:
                task(writer, batch, outcome)
                notify(Progress("quotes", batch[-1] + 1, total))
            outcome.words = vocabulary_of(writer.schema)
        for docnum in outcome.replaced:
            writer.delete_document(docnum)
        for rel in outcome.damaged:
            writer.delete_by_term("file", file_key(rel))
        final = writer._merge_segments(writing.MERGE_SMALL, False, True) + segments
        if writer._added:
            final.append(writer._finalize_segment())
        else:
            writer._close_segment()
        writer._commit_toc(final)
        writer._finish()
    except BaseException:
        if not writer.is_closed:
            writer.cancel()
        raise
    finally:
        _close_readers()
    _follow(folder, ix.latest_generation(), outcome.damaged)
    return outcome


def reannotate_batch(writer: Any, batch: list[int], outcome: Outcome, *, folder: str) -> None:
    """Re-annotate the stored articles numbered ``batch``; write again those that changed.

    Their numbers go to ``outcome.replaced`` (the caller deletes the old documents), the
    files of records that cannot be read back to ``outcome.damaged``.
    """
    reader = _reader(writer, folder)
    for docnum in batch:
        if reader.is_deleted(docnum):
            continue
        stored = reader.stored_fields(docnum)
        fresh = fresh_document(stored)
        if fresh is None:
            continue
        if isinstance(fresh, str):
            outcome.damaged.add(fresh)
            continue
        writer.add_document(**fresh)
        outcome.replaced.append(docnum)


def fresh_document(stored: dict[str, Any]) -> dict[str, Any] | str | None:
    """The document to write for a stored article whose quotes the extractor now finds
    differently; None when they are the same; the article's file when its record is damaged."""
    rel = rel_of_key(stored["file"]) if stored.get("file") else ""
    try:
        record = unpack(stored["record"])
        article = article_from_record(record, Path("."))
        info = stored["info"]
        fingerprint = (int(info["size"]), int(info["mtime"]), str(info["hash"]))
    except (BadRecord, KeyError, TypeError, ValueError):
        return rel or None
    annotated = annotate(article)
    if [quote_record(q) for q in annotated.quotes] == record["quotes"]:
        return None
    return article_document(annotated, record["file"], fingerprint)


_READERS: dict[tuple[str, int], Any] = {}
"""A worker's reader of the index it re-annotates (one per folder and generation)."""


def _reader(writer: Any, folder: str) -> Any:
    key = (folder, writer.generation)
    reader = _READERS.get(key)
    if reader is None:
        _close_readers()
        reader = _READERS[key] = writer.reader()
    return reader


def _follow(folder: Path, generation: int, damaged: set[str]) -> None:
    """Point the copied manifest at the new generation, less the files to read again."""
    manifest = Manifest.load(folder)
    if manifest is None:
        return  # the update rebuilds it from the index
    for rel in damaged:
        manifest.files.pop(rel, None)
    manifest.generation = generation
    manifest.save(folder)


def _close_readers() -> None:
    for reader in _READERS.values():
        reader.close()
    _READERS.clear()
