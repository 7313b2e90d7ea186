"""The Whoosh schema of a newsdesk index and the document each article becomes."""

from __future__ import annotations

import calendar
import re
from typing import Any

from whoosh import query
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.qparser.common import QueryParserError

from index.analysis import NameAnalyzer, NewsAnalyzer
from index.model import Article

SCHEMA_VERSION = 1
"""Bump when the schema or the analysis changes; an index of another version is rebuilt."""

TEXT_FIELDS = (
    "title",
    "body",
    "captions",
    "quotes",
    "speaker",
    "source",
    "section",
    "tags",
    "author",
)
"""Fields a bare word searches, in the order of the field boosts below."""

FIELD_BOOSTS = {"title": 3.0, "quotes": 1.2, "speaker": 1.5, "tags": 1.5, "captions": 0.8}

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


class DayField(NUMERIC):  # type: ignore[misc]
    """A date stored as the number ``YYYYMMDD``; queries accept ``2019``, ``2019-03``, ...

    A partial date means its whole span: ``date:2019-03`` is every day of March 2019, and
    ``date:[2019-01 TO 2019-06]`` runs from 1 January to 30 June.
    """

    def __init__(self) -> None:
        super().__init__(int, bits=32, signed=False, stored=True, sortable=True)

    def parse_query(self, fieldname: str, qstring: str, boost: float = 1.0) -> query.Query:
        if qstring == "*":
            return query.Every(fieldname, boost=boost)
        first, last = _day_span(qstring)
        return query.NumericRange(fieldname, first, last, boost=boost)

    def parse_range(
        self,
        fieldname: str,
        start: str | None,
        end: str | None,
        startexcl: bool,
        endexcl: bool,
        boost: float = 1.0,
    ) -> query.Query:
        low = high = None
        if start is not None:
            first, last = _day_span(start)
            low = last + 1 if startexcl else first  # after 2020 = from 2021-01-01
        if end is not None:
            first, last = _day_span(end)
            high = first - 1 if endexcl else last  # before 2020 = to 2019-12-31
        if low is None and high is None:
            return query.Every(fieldname, boost=boost)
        return query.NumericRange(fieldname, low, high, boost=boost)


def _day_span(text: str) -> tuple[int, int]:
    """First and last day (as ``YYYYMMDD``) of a full or partial ISO date."""
    match = _PARTIAL_DATE.match(text.strip())
    if not match:
        raise QueryParserError(
            f"{text!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD (e.g. date:2019-03)"
        )
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if month is not None and not 1 <= month <= 12:
        raise QueryParserError(f"{text!r} has no month {month}")
    if month is None:
        return year * 10000 + 101, year * 10000 + 1231
    last_day = calendar.monthrange(year, month)[1]
    if day is None:
        return year * 10000 + month * 100 + 1, year * 10000 + month * 100 + last_day
    if not 1 <= day <= last_day:
        raise QueryParserError(f"{text!r} is not a day of that month")
    number = year * 10000 + month * 100 + day
    return number, number


def build_schema() -> Schema:
    """The schema every newsdesk index uses."""
    news = NewsAnalyzer()
    names = NameAnalyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        file=ID(stored=True),
        title=TEXT(analyzer=news, stored=True, spelling=True),
        body=TEXT(analyzer=news, spelling=True),
        captions=TEXT(analyzer=news),
        quotes=TEXT(analyzer=news),
        speaker=TEXT(analyzer=names),
        speaker_name=KEYWORD(commas=True, lowercase=False, scorable=True),
        source=TEXT(analyzer=names),
        section=TEXT(analyzer=names),
        tags=TEXT(analyzer=names),
        author=TEXT(analyzer=names, stored=True),
        date=DayField(),
        source_facet=ID(stored=True, sortable=True),
        section_facet=ID(stored=True, sortable=True),
        year=ID(sortable=True),
        info=STORED(),
    )


def article_document(
    article: Article, rel: str, fingerprint: tuple[int, int, str]
) -> dict[str, Any]:
    """The fields to index for ``article``, found in archive file ``rel``.

    ``fingerprint`` is the file's (size, mtime_ns, content hash), kept so the manifest of
    indexed files can be rebuilt from the index itself.
    """
    speakers = [q.speaker for q in article.quotes if q.speaker]
    doc: dict[str, Any] = {
        "id": article.id,
        "file": rel,
        "title": article.title,
        "body": article.body,
        "captions": "\n".join(article.captions),
        "quotes": "\n".join(q.text for q in article.quotes),
        "speaker": "\n".join(dict.fromkeys(speakers)),
        "speaker_name": ",".join(s.replace(",", " ") for s in speakers),
        "source": article.source or "",
        "section": article.section or "",
        "tags": "\n".join(article.tags),
        "author": article.author or "",
        "source_facet": article.source or "",
        "section_facet": article.section or "",
        "info": {
            "date": article.date,
            "fallback": article.date_is_fallback,
            "url": article.url,
            "line": article.line,
            "offset": article.offset,
            "lead": article.paragraphs[0][:400] if article.paragraphs else "",
            "size": fingerprint[0],
            "mtime": fingerprint[1],
            "hash": fingerprint[2],
        },
    }
    doc = {k: v for k, v in doc.items() if v != ""}
    if article.date:
        doc["date"] = int(article.date.replace("-", ""))
        doc["year"] = article.date[:4]
    return doc
