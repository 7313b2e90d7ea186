"""The bundled sample articles as the Whoosh engine's documents, read and annotated once."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from index.engines.whoosh.schema import article_document
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
