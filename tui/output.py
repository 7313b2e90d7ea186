"""How headless commands print: JSON exactly, human text inert and readable.

Human output passes every article-derived string through :func:`tui.safe.inert`, so escape
sequences hidden in articles cannot reach the terminal; every line on stderr goes through
:func:`warn` or :func:`error`, which do the same for file names and error texts. JSON written
to a terminal is ASCII-escaped for the same reason; piped JSON keeps its Unicode but escapes
control and bidi characters.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import sys
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from index.api.records import SearchHit, SearchResult, SpeakerCount, SpeakerQuote, UpdateReport
from index.corpus.article import Article, Quote
from tui.safe import inert_line, json_text, printable
from tui.wording import quoted

if TYPE_CHECKING:
    from index.corpus.article import Step


def _styled() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _bold(text: str) -> str:
    return f"\x1b[1m{text}\x1b[22m" if _styled() else text


def _dim(text: str) -> str:
    return f"\x1b[2m{text}\x1b[22m" if _styled() else text


def warn(message: str) -> None:
    """One line on stderr, made inert (it may quote article paths, file names or text)."""
    print(f"newsdesk: {printable(message)}", file=sys.stderr)


def error(message: str) -> None:
    """One ``error:`` line on stderr, made inert like :func:`warn`."""
    warn(f"error: {message}")


def print_json(value: Any, *, compact: bool = False) -> None:
    """Print ``value`` as JSON (one line when ``compact``)."""
    options: dict[str, Any] = {"separators": (",", ":")} if compact else {"indent": 2}
    if sys.stdout.isatty():
        print(json.dumps(value, ensure_ascii=True, **options))
    else:
        print(json_text(value, **options))


def report_json(report: UpdateReport, archive: Path) -> dict[str, Any]:
    """An update report in the JSON shape of PRODUCT.md section 5."""
    return {
        "archive": str(archive),
        "added": report.added,
        "updated": report.updated,
        "removed": report.removed,
        "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped],
        "warnings": [{"path": s.path, "reason": s.reason} for s in report.warnings],
        "seconds": round(report.seconds, 3),
        "rebuilt": report.rebuilt,
        "duplicates": report.duplicates,
        "requoted": (
            {"articles": report.requoted[0], "changed": report.requoted[1]}
            if report.requoted
            else None
        ),
    }


def hit_json(hit: SearchHit) -> dict[str, Any]:
    """One hit in the JSON shape of PRODUCT.md section 5 (snippet hits marked ``**``)."""
    return {
        "id": hit.id,
        "path": hit.path,
        "title": hit.title,
        "source": hit.source,
        "date": hit.date,
        "section": hit.section,
        "url": hit.url,
        "score": round(hit.score, 4),
        "snippet": hit.snippet.marked(),
    }


def result_json(result: SearchResult, query: str) -> dict[str, Any]:
    """A search result in the JSON shape of PRODUCT.md section 5, with facets."""
    return {
        "query": query,
        "total": result.total,
        "seconds": round(result.seconds, 4),
        "hits": [hit_json(h) for h in result.hits],
        "suggestion": result.suggestion,
        "facets": {
            name: [{"value": c.value, "count": c.count} for c in counts]
            for name, counts in result.facets.items()
        },
    }


def speaker_quote_json(item: SpeakerQuote) -> dict[str, Any]:
    """One quote of a speaker, with its article."""
    record = dataclasses.asdict(item.quote)
    record.update(article_id=item.article_id, title=item.title, source=item.source, date=item.date)
    return record


def print_report(report: UpdateReport, archive: Path) -> None:
    """Summarise an index update for a person."""
    verb = "rebuilt" if report.rebuilt else "updated"
    print(
        f"{inert_line(str(archive))}: {verb} in {report.seconds:.1f} s: "
        f"{report.added} added, {report.updated} changed, {report.removed} removed, "
        f"{len(report.skipped)} skipped"
    )
    if report.requoted:
        articles, changed = report.requoted
        print(
            f"  new quote extractor: {articles:,} stored articles annotated again, "
            f"{changed:,} with changed quotes (no file read again)"
        )
    for skipped in report.skipped:
        print(f"  skipped {inert_line(skipped.path)}: {inert_line(skipped.reason)}")
    for warning in report.warnings:
        print(f"  warning {inert_line(warning.path)}: {inert_line(warning.reason)}")


def _meta(*parts: str | None) -> str:
    return " \u00b7 ".join(inert_line(p) for p in parts if p)


def print_hits(hits: Sequence[SearchHit], start: int = 1) -> None:
    """Numbered hits with their source, date, id and snippet."""
    width = min(shutil.get_terminal_size().columns, 100)
    for number, hit in enumerate(hits, start=start):
        print(f"{number:>3}. {_bold(inert_line(hit.title))}")
        print(f"     {_dim(_meta(hit.source, hit.date, 'id ' + hit.id))}")
        if not hit.snippet.parts:
            continue
        if _styled():  # escapes would confuse textwrap: let the terminal wrap this one
            print(
                "     "
                + "".join(
                    _bold(inert_line(text)) if is_hit else inert_line(text)
                    for text, is_hit in hit.snippet.parts
                )
            )
        else:
            indent = " " * 5
            plain = inert_line(hit.snippet.plain)
            print(textwrap.fill(plain, width, initial_indent=indent, subsequent_indent=indent))


def print_result(result: SearchResult) -> None:
    """A result list followed by its count, timing and any suggestion."""
    print_hits(result.hits, start=result.request.offset + 1)
    shown = len(result.hits)
    summary = f"{result.total:,} result{'s' if result.total != 1 else ''}"
    if shown < result.total:
        summary += f" (showing {result.request.offset + 1}-{result.request.offset + shown})"
    summary += f" in {result.seconds * 1000:.0f} ms"
    print(_dim(summary))
    if result.suggestion:
        print(f"Did you mean: {_bold(inert_line(result.suggestion))}?")


def print_article(article: Article) -> None:
    """An article for reading in a terminal: header, captions, wrapped paragraphs, quotes."""
    width = min(shutil.get_terminal_size().columns, 100)
    print(_bold(inert_line(article.title)))
    print(_dim(_meta(article.source, article.date, article.section, article.author)))
    if article.url:
        print(_dim(inert_line(article.url)))
    print(_dim(f"id {article.id} \u00b7 {inert_line(article.path)}"))
    for caption in article.captions:  # set apart as the app does; captions may end in ']'
        print(
            textwrap.fill(
                inert_line(caption), width, initial_indent="Photo: ", subsequent_indent="       "
            )
        )
    for paragraph in article.paragraphs:
        print()
        print(textwrap.fill(inert_line(paragraph), width))
    if article.quotes:
        print()
        print(_bold(f"Quotes ({len(article.quotes)})"))
        print_quote_lines(article.quotes, width)


def print_quote_lines(
    quotes: Sequence[Quote], width: int, why: Mapping[Quote, Sequence[Step]] | None = None
) -> None:
    """Each quote as '"text" - Speaker, role [kind]', then the steps behind it if ``why``."""
    for quote in quotes:
        who = inert_line(quote.speaker or "unattributed")
        if quote.role:
            who += f", {inert_line(quote.role)}"
        line = f"{quoted(inert_line(quote.text))} \u2014 {who} [{quote.kind}]"
        print(textwrap.fill(line, width, initial_indent="  ", subsequent_indent="    "))
        if why is None:
            continue
        cue = f"cue {inert_line(quote.cue)!r}" if quote.cue else "no cue"
        print(_dim(f"      rule {quote.rule}, {cue}"))
        for step in why.get(quote, ()):
            detail = f"{step.stage:<8} {step.rule:<24} {inert_line(step.detail)}"
            print(
                _dim(
                    textwrap.fill(
                        detail, width, initial_indent="      ", subsequent_indent=" " * 40
                    )
                )
            )


def quote_json(quote: Quote, why: Mapping[Quote, Sequence[Step]] | None = None) -> dict[str, Any]:
    """A quote as JSON, with the steps behind it if ``why``."""
    record = dataclasses.asdict(quote)
    if why is not None:
        record["explain"] = [dataclasses.asdict(step) for step in why.get(quote, ())]
    return record


def print_quotes(
    article: Article, quotes: Sequence[Quote], why: Mapping[Quote, Sequence[Step]] | None = None
) -> None:
    """An article's title and path, then its quotes (and the steps behind each, if ``why``)."""
    width = min(shutil.get_terminal_size().columns, 100)
    print(_bold(inert_line(article.title)) + _dim(f"  ({inert_line(article.path)})"))
    if quotes:
        print_quote_lines(quotes, width, why)
    else:
        print(_dim("  no quotes"))
    print()


def print_speakers(speakers: Sequence[SpeakerCount]) -> None:
    """A table of speakers by number of quotes."""
    for item in speakers:
        print(f"{item.quotes:>5} quotes {item.articles:>4} articles  {inert_line(item.name)}")


def print_speaker_quotes(quotes: Sequence[SpeakerQuote]) -> None:
    """A speaker's quotes, each with its article."""
    width = min(shutil.get_terminal_size().columns, 100)
    for item in quotes:
        print(_dim(_meta(item.title, item.source, item.date, "id " + item.article_id)))
        print_quote_lines([item.quote], width)


def print_bookmarks(rows: Sequence[dict[str, Any]]) -> None:
    """Bookmarked articles."""
    if not rows:
        print("no bookmarks")
    for row in rows:
        print(f"\u2605 {_bold(inert_line(row['title']))}")
        print(f"  {_dim(_meta(row['source'], row['date'], 'id ' + row['id']))}")
