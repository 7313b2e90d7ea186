"""``newsdesk export``: matching articles or their quotes as Markdown, JSON or CSV.

Exports often go straight to a terminal or a spreadsheet, and every value in them comes from
an article or a file name: Markdown and CSV keep the text but drop the characters a terminal
would act on, CSV cells that a spreadsheet would run as a formula are quoted, and JSON escapes
control and bidi characters (it still parses back to the exact values).
"""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Iterator
from typing import Any, TextIO

from index.api.backend import Backend
from index.api.errors import NewsdeskError
from index.api.records import SearchHit, SearchRequest
from tui.safe import inert, json_text, printable, show_bytes

ARTICLE_COLUMNS = ("id", "title", "source", "date", "section", "path", "url")
QUOTE_COLUMNS = ("text", "speaker", "role", "kind", "title", "source", "date", "article_id")
_PAGE = 500
# OWASP's list of characters that make a spreadsheet read a cell as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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
            writer.writerow({k: _csv_cell(v) for k, v in row.items()})
            count += 1
    elif fmt == "json":
        target.write("[")
        for row in rows:
            target.write(("," if count else "") + "\n  " + json_text(row))
            count += 1
        target.write("\n]\n" if count else "]\n")
    else:
        title = "Quotes" if quotes else "Articles"
        target.write(f"# {title} for: {_md(request.query) or 'all articles'}\n\n")
        for row in rows:
            target.write(_markdown_quote(row) if quotes else _markdown_article(row))
            count += 1
    return count


def _csv_cell(value: Any) -> str:
    """A CSV cell: controls dropped, and a leading ``'`` where a spreadsheet would see a formula."""
    text = "" if value is None else show_bytes(inert(str(value)))
    return "'" + text if text.startswith(_FORMULA_START) else text


def _md(text: Any) -> str:
    return printable(str(text or "")).replace("|", "\\|")


def _markdown_article(row: dict[str, Any]) -> str:
    meta = " · ".join(_md(row[k]) for k in ("source", "date", "section") if row.get(k))
    link = f" <{_md(row['url'])}>" if row.get("url") else ""
    return f"- **{_md(row['title'])}** ({meta}){link}  \n  `{_md(row['id'])}` {_md(row['path'])}\n"


def _markdown_quote(row: dict[str, Any]) -> str:
    who = ", ".join(_md(row[k]) for k in ("speaker", "role") if row.get(k)) or "unattributed"
    origin = " · ".join(_md(row[k]) for k in ("title", "source", "date") if row.get(k))
    return f"> {_md(row['text'])}\n>\n> — {who} ({origin})\n\n"
