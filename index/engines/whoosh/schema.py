"""The Whoosh schema of a newsdesk index and the document each article becomes."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from whoosh import columns, query
from whoosh.fields import COLUMN, ID, KEYWORD, STORED, Schema

from index.corpus.article import Article
from index.corpus.record import article_record, pack
from index.engines.whoosh.analysis import NameAnalyzer, NewsAnalyzer, NewsText
from index.engines.whoosh.keys import file_key
from index.engines.whoosh.pairs import PAIR_FIELDS, PairsField

SCHEMA_VERSION = 12
"""Bump when the schema or the analysis changes; an index of another version is rebuilt."""

TEXT_FIELDS = ("title", "body")
"""Fields a bare word searches. ``body`` also holds the captions and tags, so two posting lists
answer a word; the other fields are reached with ``field:word``."""

FIELD_BOOSTS = {"title": 3.0}


class DayField(COLUMN):  # type: ignore[misc]
    """A date kept as a ``YYYYMMDD`` number column, for sorting.

    The field itself is not indexed: date spans become terms on the ``year``, ``month`` and
    ``day`` fields, whole years and months first, so any span costs a few dozen terms.
    (Whoosh 2.7's tiered ``NumericRange`` returns wrong hits for some wide ranges.)
    """

    def __init__(self) -> None:
        super().__init__(columns.NumericColumn("I", default=0))


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
        title_pairs=PairsField(news),
        body=NewsText(analyzer=news),
        body_pairs=PairsField(news),
        captions=NewsText(analyzer=news),
        quotes=NewsText(analyzer=news),
        speaker=NewsText(analyzer=names),
        speaker_name=KEYWORD(commas=True, lowercase=False, scorable=True),
        source=NewsText(analyzer=names),
        section=NewsText(analyzer=names),
        tags=NewsText(analyzer=names),
        author=NewsText(analyzer=names, stored=True),
        date=DayField(),
        # Facets count from columns of one small number per article (RefBytesColumn).
        source_facet=ID(stored=True, sortable=columns.RefBytesColumn()),
        section_facet=ID(stored=True, sortable=columns.RefBytesColumn()),
        year=ID(sortable=columns.RefBytesColumn()),
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
        "file": file_key(rel),
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
            "url": article.url,
            "lead": article.paragraphs[0][:400] if article.paragraphs else "",
            "size": fingerprint[0],
            "mtime": fingerprint[1],
            "hash": fingerprint[2],
        },
    }
    doc["record"] = pack(article_record(article, rel))
    for field, pairs in PAIR_FIELDS.items():
        if field in doc:
            doc[pairs] = doc[field]
    doc = {k: v for k, v in doc.items() if v != ""}
    # Undated articles get a 0 so every segment has a date column to sort on.
    doc["date"] = 0
    if article.date:
        compact = article.date.replace("-", "")
        doc.update(date=int(compact), year=compact[:4], month=compact[:6], day=compact)
    return doc
