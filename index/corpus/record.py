"""The stored record: an annotated article as engines keep it, and back.

After indexing, everything the app and the commands show comes from this record (title,
metadata, paragraphs, captions and every quote with its offsets, speaker, role, cue and rule);
nothing reads the article's file or runs the extractor again. The record is plain JSON types,
so any engine can keep it (Whoosh as JSON bytes, a search server as a JSON field).
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path
from typing import Any, get_args

from index.corpus.article import Article, ArticleFormat, Quote, QuoteKind

RECORD_VERSION = 1
"""Bump when the record's shape changes; engines rebuild indexes that hold another version."""

_FORMATS: frozenset[str] = frozenset(get_args(ArticleFormat))
_KINDS: frozenset[str] = frozenset(get_args(QuoteKind))


class BadRecord(ValueError):
    """A stored record that cannot be turned back into an article (damaged or foreign)."""


def quote_record(quote: Quote) -> dict[str, Any]:
    """One quote as JSON types."""
    record: dict[str, Any] = {
        "text": quote.text,
        "speaker": quote.speaker,
        "role": quote.role,
        "kind": quote.kind,
        "paragraph": quote.paragraph,
        "start": quote.start,
        "end": quote.end,
        "cue": quote.cue,
        "rule": quote.rule,
    }
    if quote.parts:
        record["parts"] = [list(part) for part in quote.parts]
    return record


def article_record(article: Article, rel: str) -> dict[str, Any]:
    """``article`` (found at archive-relative path ``rel``) as a JSON-ready record."""
    return {
        "v": RECORD_VERSION,
        "id": article.id,
        "file": rel,
        "title": article.title,
        "source": article.source,
        "date": article.date,
        "section": article.section,
        "author": article.author,
        "url": article.url,
        "tags": list(article.tags),
        "captions": list(article.captions),
        "paragraphs": list(article.paragraphs),
        "quotes": [quote_record(q) for q in article.quotes],
        "format": article.format,
        "line": article.line,
        "offset": article.offset,
    }


def article_from_record(record: dict[str, Any], archive: Path) -> Article:
    """The article a record stands for, its path made absolute under ``archive``.

    Raises:
        BadRecord: When the record is of another version or lacks what an article needs.
    """
    if record.get("v") != RECORD_VERSION:
        raise BadRecord(f"stored record version {record.get('v')!r}, expected {RECORD_VERSION}")
    try:
        fmt = record["format"]
        return Article(
            id=str(record["id"]),
            path=str(archive / record["file"]),
            title=str(record["title"]),
            source=record["source"],
            date=record["date"],
            section=record["section"],
            author=record["author"],
            url=record["url"],
            tags=tuple(record["tags"]),
            captions=tuple(record["captions"]),
            paragraphs=tuple(record["paragraphs"]),
            quotes=tuple(_quote(q) for q in record["quotes"]),
            format=fmt if fmt in _FORMATS else "plain",
            line=int(record["line"]),
            offset=int(record["offset"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise BadRecord(f"damaged stored record ({type(exc).__name__}: {exc})") from None


def _quote(record: dict[str, Any]) -> Quote:
    kind: QuoteKind = record["kind"] if record["kind"] in _KINDS else "direct"
    return Quote(
        text=record["text"],
        speaker=record["speaker"],
        role=record["role"],
        kind=kind,
        paragraph=int(record["paragraph"]),
        start=int(record["start"]),
        end=int(record["end"]),
        parts=tuple((int(s), int(e)) for s, e in record.get("parts", ())),
        cue=record.get("cue"),
        rule=record.get("rule", ""),
    )


def pack(record: dict[str, Any]) -> bytes:
    """A record as compact JSON bytes (for engines that store bytes).

    Not compressed here: Whoosh compresses each document's stored fields as a whole, and
    compressing the record first made that second pass slower and the result larger.
    """
    return json.dumps(record, separators=(",", ":")).encode("ascii")


def unpack(data: bytes) -> dict[str, Any]:
    """The record :func:`pack` made (or the zlib-compressed JSON older indexes hold).

    Raises:
        BadRecord: When the bytes are damaged.
    """
    try:
        record = json.loads(data if data[:1] == b"{" else zlib.decompress(data))
    except (zlib.error, ValueError, TypeError) as exc:
        raise BadRecord(f"damaged stored record ({exc})") from None
    if not isinstance(record, dict):
        raise BadRecord("damaged stored record (not an object)")
    return record
