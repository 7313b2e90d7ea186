"""The Whoosh schema of a newsdesk index and the document each article becomes."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

from whoosh import columns, query
from whoosh.fields import COLUMN, ID, KEYWORD, STORED, Schema
from whoosh.qparser.common import QueryParserError

from index.corpus.article import Article
from index.corpus.record import article_record, pack
from index.engines.whoosh.analysis import NameAnalyzer, NewsAnalyzer, NewsText

SCHEMA_VERSION = 8
"""Bump when the schema or the analysis changes; an index of another version is rebuilt."""
EXTRACTOR_VERSION = 2
"""Bump when what ``index.quotes.extract_quotes`` finds changes: the index holds speakers and
quote text, so an index built with another extractor is rebuilt. (Kept here, not in the
quotes package, so that opening an index never imports the extractor.)"""

TEXT_FIELDS = ("title", "body")
"""Fields a bare word searches. ``body`` also holds the captions and tags, so two posting lists
answer a word; the other fields are reached with ``field:word``."""

FIELD_BOOSTS = {"title": 3.0}

_EARLIEST = dt.date(1800, 1, 1)
_LATEST = dt.date(2199, 12, 31)
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


class DayField(COLUMN):  # type: ignore[misc]
    """A date kept as a ``YYYYMMDD`` number column (for sorting); queries accept partial dates.

    The field itself is not indexed: ``date:`` queries become terms on the ``year``, ``month``
    and ``day`` fields, whole years and months first, so any span costs a few dozen terms.
    (Whoosh 2.7's tiered ``NumericRange`` returns wrong hits for some wide ranges.)
    ``date:2019-03`` is every day of March 2019; ``date:[2019-01 TO 2019-06]`` runs from
    1 January to 30 June.
    """

    def __init__(self) -> None:
        super().__init__(columns.NumericColumn("I", default=0))

    def self_parsing(self) -> bool:
        return True

    def parse_query(self, fieldname: str, qstring: str, boost: float = 1.0) -> query.Query:
        if qstring == "*":
            return query.Every("year", boost=boost)
        first, last = _day_span(qstring)
        return day_span_query(first, last, boost)

    def parse_range(
        self,
        fieldname: str,
        start: str | None,
        end: str | None,
        startexcl: bool,
        endexcl: bool,
        boost: float = 1.0,
    ) -> query.Query:
        low = _EARLIEST
        high = _LATEST
        if start is not None:
            first, last = _day_span(start)
            low = last + dt.timedelta(days=1) if startexcl else first  # after 2020 = from 2021
        if end is not None:
            first, last = _day_span(end)
            high = first - dt.timedelta(days=1) if endexcl else last  # before 2020 = to 2019
        return day_span_query(max(low, _EARLIEST), min(high, _LATEST), boost)


def day_span_query(first: dt.date, last: dt.date, boost: float = 1.0) -> query.Query:
    """Articles dated from ``first`` to ``last`` inclusive, as year, month and day terms."""
    terms: list[query.Query] = []
    day = first
    while day <= last:
        year_end = dt.date(day.year, 12, 31)
        month_end = dt.date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
        if day.month == 1 and day.day == 1 and year_end <= last:
            terms.append(query.Term("year", f"{day.year:04d}"))
            day = year_end + dt.timedelta(days=1)
        elif day.day == 1 and month_end <= last:
            terms.append(query.Term("month", f"{day.year:04d}{day.month:02d}"))
            day = month_end + dt.timedelta(days=1)
        else:
            terms.append(query.Term("day", f"{day:%Y%m%d}"))
            day += dt.timedelta(days=1)
    if not terms:
        return query.NullQuery
    return query.ConstantScoreQuery(query.Or(terms), boost) if len(terms) > 1 else terms[0]


def _day_span(text: str) -> tuple[dt.date, dt.date]:
    """First and last day of a full or partial ISO date."""
    match = _PARTIAL_DATE.match(text.strip())
    if not match:
        raise QueryParserError(
            f"{text!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD (e.g. date:2019-03)"
        )
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if not _EARLIEST.year <= year <= _LATEST.year:
        raise QueryParserError(f"{text!r}: years run from {_EARLIEST.year} to {_LATEST.year}")
    if month is not None and not 1 <= month <= 12:
        raise QueryParserError(f"{text!r} has no month {month}")
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    last_day = calendar.monthrange(year, month)[1]
    if day is None:
        return dt.date(year, month, 1), dt.date(year, month, last_day)
    if not 1 <= day <= last_day:
        raise QueryParserError(f"{text!r} is not a day of that month")
    return dt.date(year, month, day), dt.date(year, month, day)


def vocabulary_of(schema: Schema) -> set[str]:
    """The words the schema's text analyzer has seen since the schema was loaded."""
    analyzer = schema["body"].analyzer
    return set(analyzer.vocabulary) if isinstance(analyzer, NewsAnalyzer) else set()


def build_schema() -> Schema:
    """The schema every newsdesk index uses."""
    news = NewsAnalyzer()
    names = NameAnalyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        file=ID(stored=True),
        title=NewsText(analyzer=news, stored=True),
        body=NewsText(analyzer=news),
        captions=NewsText(analyzer=news),
        quotes=NewsText(analyzer=news),
        speaker=NewsText(analyzer=names),
        speaker_name=KEYWORD(commas=True, lowercase=False, scorable=True),
        source=NewsText(analyzer=names),
        section=NewsText(analyzer=names),
        tags=NewsText(analyzer=names),
        author=NewsText(analyzer=names, stored=True),
        date=DayField(),
        source_facet=ID(stored=True, sortable=True),
        section_facet=ID(stored=True, sortable=True),
        year=ID(sortable=True),
        month=ID(),
        day=ID(),
        info=STORED(),
        record=STORED(),
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
        "body": "\n".join((*article.paragraphs, *article.captions, *article.tags)),
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
            "lead": article.paragraphs[0][:400] if article.paragraphs else "",
            "size": fingerprint[0],
            "mtime": fingerprint[1],
            "hash": fingerprint[2],
        },
    }
    doc["record"] = pack(article_record(article, rel))
    doc = {k: v for k, v in doc.items() if v != ""}
    # A date guessed from the file's mtime is shown (marked) but never searched or sorted on.
    # Undated articles still get a 0 so every segment has a date column to sort on.
    doc["date"] = 0
    if article.date and not article.date_is_fallback:
        compact = article.date.replace("-", "")
        doc.update(date=int(compact), year=compact[:4], month=compact[:6], day=compact)
    return doc
