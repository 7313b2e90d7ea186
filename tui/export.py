"""``newsdesk export``: matching articles or their quotes as Markdown, JSON or CSV."""

from __future__ import annotations

import csv
import dataclasses
import json
from collections.abc import Iterator
from typing import Any, TextIO

from index.api.backend import Backend
from index.api.errors import NewsdeskError
from index.api.records import SearchHit, SearchRequest

ARTICLE_COLUMNS = ("id", "title", "source", "date", "section", "path", "url")
QUOTE_COLUMNS = ("text", "speaker", "role", "kind", "title", "source", "date", "article_id")
_PAGE = 500


def iter_hits(backend: Backend, request: SearchRequest, limit: int | None) -> Iterator[SearchHit]:
    """Every hit of ``request`` (up to ``limit``), fetched page by page."""
    offset = 0
    while limit is None or offset < limit:
        size = _PAGE if limit is None else min(_PAGE, limit - offset)
        page = dataclasses.replace(request, offset=offset, limit=size, snippets=False)
        result = backend.search(page)
        yield from result.hits
        offset += len(result.hits)
        if not result.hits or offset >= result.total:
            return


def article_rows(
    backend: Backend, request: SearchRequest, limit: int | None
) -> Iterator[dict[str, Any]]:
    """One row per matching article."""
    for hit in iter_hits(backend, request, limit):
        yield {
            "id": hit.id,
            "title": hit.title,
            "source": hit.source,
            "date": hit.date,
            "section": hit.section,
            "path": hit.path,
            "url": hit.url,
        }


def quote_rows(
    backend: Backend, request: SearchRequest, limit: int | None
) -> Iterator[dict[str, Any]]:
    """One row per quote in the matching articles."""
    for hit in iter_hits(backend, request, limit):
        try:
            article = backend.article(hit.id)
        except NewsdeskError:
            continue
        for quote in article.quotes:
            yield {
                "text": quote.text,
                "speaker": quote.speaker,
                "role": quote.role,
                "kind": quote.kind,
                "title": article.title,
                "source": article.source,
                "date": article.date,
                "article_id": article.id,
            }


def write(
    backend: Backend,
    request: SearchRequest,
    fmt: str,
    quotes: bool,
    limit: int | None,
    target: TextIO,
) -> int:
    """Write the export to ``target``; returns the number of rows."""
    rows = quote_rows(backend, request, limit) if quotes else article_rows(backend, request, limit)
    columns = QUOTE_COLUMNS if quotes else ARTICLE_COLUMNS
    count = 0
    if fmt == "csv":
        writer = csv.DictWriter(target, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "" if v is None else v for k, v in row.items()})
            count += 1
    elif fmt == "json":
        target.write("[")
        for row in rows:
            target.write(("," if count else "") + "\n  " + json.dumps(row, ensure_ascii=False))
            count += 1
        target.write("\n]\n" if count else "]\n")
    else:
        title = "Quotes" if quotes else "Articles"
        target.write(f"# {title} for: {request.query or 'all articles'}\n\n")
        for row in rows:
            target.write(_markdown_quote(row) if quotes else _markdown_article(row))
            count += 1
    return count


def _md(text: Any) -> str:
    return str(text or "").replace("\n", " ").replace("|", "\\|")


def _markdown_article(row: dict[str, Any]) -> str:
    meta = " · ".join(_md(row[k]) for k in ("source", "date", "section") if row.get(k))
    link = f" <{row['url']}>" if row.get("url") else ""
    return f"- **{_md(row['title'])}** ({meta}){link}  \n  `{row['id']}` {_md(row['path'])}\n"


def _markdown_quote(row: dict[str, Any]) -> str:
    who = ", ".join(_md(row[k]) for k in ("speaker", "role") if row.get(k)) or "unattributed"
    origin = " · ".join(_md(row[k]) for k in ("title", "source", "date") if row.get(k))
    return f"> {_md(row['text'])}\n>\n> — {who} ({origin})\n\n"
