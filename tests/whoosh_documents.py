"""The bundled sample articles as the Whoosh engine's documents, read and annotated once."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from whoosh.filedb.filestore import FileStorage

from index.engines.whoosh.codec import NewsCodec
from index.engines.whoosh.schema import article_document, build_schema
from index.pipeline.annotate import annotate
from index.pipeline.read import read_file

SAMPLE_DATA = Path(__file__).resolve().parent.parent / "sample_data"


@functools.cache
def sample_documents() -> tuple[dict[str, Any], ...]:
    """One Whoosh document per article of ``sample_data/``, in file order."""
    docs = []
    for path in sorted(p for p in SAMPLE_DATA.rglob("*") if p.suffix in {".txt", ".md", ".jsonl"}):
        rel = path.relative_to(SAMPLE_DATA).as_posix()
        for article in read_file(path, rel=rel):
            docs.append(article_document(annotate(article), rel, (0, 0, "")))
    return tuple(docs)


def write_index(
    folder: Path,
    docs: Sequence[dict[str, Any]],
    batches: Sequence[Sequence[dict[str, Any]]] | None = None,
    deleted: Iterable[tuple[str, str]] = (),
) -> Any:
    """A Whoosh index of ``docs`` in ``folder``, written by the engine's codec: one segment,
    or one per batch followed by a commit deleting the ``(field, value)`` terms given."""
    ix = FileStorage(str(folder)).create_index(build_schema())
    if batches is None:
        with ix.writer(codec=NewsCodec()) as writer:
            for doc in docs:
                writer.add_document(**doc)
        return ix
    for batch in batches:
        writer = ix.writer(codec=NewsCodec())
        for doc in batch:
            writer.add_document(**doc)
        writer.commit(merge=False)
    writer = ix.writer(codec=NewsCodec())
    for field, value in deleted:
        writer.delete_by_term(field, value)
    writer.commit(merge=False)
    return ix
