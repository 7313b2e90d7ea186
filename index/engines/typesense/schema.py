"""The Typesense collection of a newsdesk index and the document each article becomes.

Searchable fields hold analysed text (see :mod:`index.engines.typesense.text`): ``t`` title,
``b`` body (paragraphs, captions and tags, as a bare word searches them), ``cap`` captions,
``qt`` quotes, and name parts in ``spk`` speakers, ``src`` source, ``sec`` section, ``tag``
tags, ``aut`` author. Facets keep the values as written (``source``, ``section``, ``year``,
``speakers``; ``quoted`` repeats a speaker once per quote, so its counts are quote counts).
``published`` (``YYYYMMDD``, 0 when undated) sorts and filters dates; ``oldest`` is the same
with undated articles after every date, for the oldest-first order. The stored record
(:func:`index.corpus.record.article_record`) is kept unindexed in ``record``: panels, snippets,
``show`` and ``export`` read it and nothing reads the files again.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Final

from index.api.query import TextField
from index.corpus.article import Article
from index.corpus.record import article_record
from index.engines.typesense.text import analysed, analysed_names

SCHEMA_VERSION = 2
"""Bump when fields or analysis change: a collection of another version is rebuilt."""

TEXT_FIELDS: Final = ("t", "b")
"""What a bare word searches: title and text."""
FIELD_OF: Final[dict[TextField, str]] = {
    "title": "t",
    "body": "b",
    "captions": "cap",
    "quotes": "qt",
    "speaker": "spk",
    "source": "src",
    "section": "sec",
    "tags": "tag",
    "author": "aut",
}
NAME_FIELDS: Final = frozenset({"spk", "src", "sec", "tag", "aut"})
"""Fields of names: parts of names, neither stemmed nor stop-worded."""
BOOSTS: Final = {"t": 3.0}
"""Weight of a field's words in ranking (title words weigh three times body words)."""
SEARCHED: Final = ("t", "b", "cap", "qt", "spk", "src", "sec", "tag", "aut")
LENGTH_FIELDS: Final = {name: f"n_{name}" for name in SEARCHED}
"""Each searchable field's length in words, for ranking against their average."""
FACETS: Final = ("source", "section", "year")
UNDATED_LAST: Final = 99_999_999
_REQUIRED: Final = frozenset(
    {"id", "aid", "arch", "fkey", "t", "b", "tl", "bl", "title", "file", "published", "oldest"}
)
HIT_FIELDS: Final = ("id", "file", "title", "source", "section", "date", "url")
"""What a result list shows of each hit."""


def _field(name: str, kind: str = "string", **options: Any) -> dict[str, Any]:
    return {"name": name, "type": kind, **options}


def collection_schema(name: str) -> dict[str, Any]:
    """The schema of a collection called ``name``."""
    searchable = [_field(n, optional=True) for n in ("cap", "qt", *sorted(NAME_FIELDS))]
    stored = [
        _field(n, index=False, optional=True)
        for n in ("title", "file", "date", "url", "fp", "record")
    ]
    return {
        "name": name,
        "fields": [
            _field("aid"),
            _field("arch"),
            _field("fkey"),
            _field("t"),
            _field("b"),
            *searchable,
            *(_field(n, facet=True, optional=True) for n in FACETS),
            _field("speakers", "string[]", facet=True, optional=True),
            _field("quoted", "string[]", facet=True, optional=True),
            _field("published", "int32"),
            _field("oldest", "int32"),
            *(_field(n, "int32", facet=True) for n in LENGTH_FIELDS.values()),
            *stored,
        ],
    }


def archive_key(archive: Path) -> str:
    """A short key of an archive folder: a collection may hold several archives, and an
    update of one never removes another's articles."""
    return hashlib.sha1(str(archive.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:12]


def file_key(archive: str, rel: str) -> str:
    """A short key of one archive file (deletes filter on it; paths need no quoting)."""
    return hashlib.sha1(f"{archive}/{rel}".encode("utf-8", "surrogatepass")).hexdigest()[:20]


def fingerprint_text(size: int, mtime_ns: int, digest: str) -> str:
    """A file's fingerprint as stored with its articles (the manifest is rebuilt from it)."""
    return f"{size}:{mtime_ns}:{digest}"


def article_document(article: Article, archive: str, rel: str, fingerprint: str) -> dict[str, Any]:
    """The document to index for ``article``, found in file ``rel`` of archive ``archive``
    (its :func:`archive_key`)."""
    speakers = [q.speaker.replace(",", " ") for q in article.quotes if q.speaker]
    title, body = (
        analysed(article.title),
        analysed("\n".join((*article.paragraphs, *article.captions, *article.tags))),
    )
    doc: dict[str, Any] = {
        "id": article.id,
        "aid": article.id,
        "arch": archive,
        "fkey": file_key(archive, rel),
        "t": title,
        "b": body,
        "cap": analysed("\n".join(article.captions)),
        "qt": analysed("\n".join(q.text for q in article.quotes)),
        "spk": analysed_names(list(dict.fromkeys(speakers))),
        "src": analysed_names([article.source or ""]),
        "sec": analysed_names([article.section or ""]),
        "tag": analysed_names(article.tags),
        "aut": analysed_names([article.author or ""]),
        "source": article.source or "",
        "section": article.section or "",
        "year": article.year or "",
        "speakers": list(dict.fromkeys(speakers)),
        "quoted": speakers,
        "title": article.title,
        "file": rel,
        "date": article.date,
        "url": article.url,
        "fp": fingerprint,
        "record": json.dumps(article_record(article, rel), separators=(",", ":")),
    }
    doc.update({LENGTH_FIELDS[name]: len(doc[name].split()) for name in SEARCHED})
    # Undated articles sort last either way: 0 newest first, UNDATED_LAST oldest first.
    published = int(article.date.replace("-", "")) if article.date else 0
    doc.update(published=published, oldest=published or UNDATED_LAST)
    return {k: v for k, v in doc.items() if k in _REQUIRED or v not in ("", None, [])}
