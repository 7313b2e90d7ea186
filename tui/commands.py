"""The headless commands behind ``newsdesk COMMAND``: each takes parsed arguments, returns a code.

No Textual here: these run in scripts and must start fast.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from index.api.backend import Backend
from index.api.errors import (
    IndexLocked,
    IndexReadOnly,
    NewsdeskError,
    SearchOnlyKey,
    UnreadableFile,
)
from index.api.parse import parse_query
from index.api.records import (
    FACET_FIELDS,
    Filter,
    ReadingState,
    SearchRequest,
    UpdateReport,
)
from index.corpus.article import Article
from index.engines import open_archive
from tui import export, output
from tui.config import (
    Config,
    engine_options,
    resolve_archive,
    resolve_index_dir,
)
from tui.progress import ProgressBar

SPEAKERS_SHOWN = 50
EVERY_QUOTE = 1_000_000
"""``speakers --quotes NAME`` lists every quote, as ``quotes --speaker NAME`` does."""

if TYPE_CHECKING:
    pass


class CommandError(NewsdeskError):
    """A command cannot do what was asked (exit code 1)."""


def open_backend(
    args: argparse.Namespace, config: Config, *, update: bool, archive: Path | None = None
) -> Backend:
    """Open ``archive`` (default: the one named on the command line), updating its index
    first if asked."""
    archive = archive or resolve_archive(getattr(args, "archive", None), config)
    if not archive.is_dir():
        raise CommandError(f"{archive}: no such archive folder")
    backend = open_archive(
        archive,
        resolve_index_dir(archive, getattr(args, "index_dir", None), config),
        max_bytes=config.max_bytes,
        snippet_chars=config.snippet_chars,
        **engine_options(config, getattr(args, "backend", None)),
        outside_links=config.follow_outside_links,
    )
    if update:
        bar = ProgressBar(f"indexing {archive.name}")
        try:
            # Quick: folders whose mtime changed (newsdesk index and the app check every file).
            report = backend.update(progress=bar, quick=True)
        except SearchOnlyKey:
            pass  # a shared index this key may only search: searched as it is
        except (IndexLocked, IndexReadOnly) as exc:
            output.warn(f"{exc}; searching the index as it is")
        else:
            _report_skipped(report)
        finally:
            bar.close()
    return backend


def reading_state(backend: Backend) -> ReadingState:
    """The archive's reading state; a problem with its file is one line on stderr."""
    state = backend.reading.load()
    for problem in state.problems:
        output.warn(f"reading state: {problem}")
    return state


def _report_skipped(report: UpdateReport) -> None:
    for skipped in report.skipped:  # only skips not reported before
        output.warn(f"skipped {skipped.path}: {skipped.reason}")


def cmd_index(args: argparse.Namespace, config: Config) -> int:
    """``newsdesk index PATH...``: build or update indexes, with progress."""
    archives = [Path(p).expanduser().resolve() for p in args.paths] or [
        resolve_archive(args.archive, config)
    ]
    if args.index_dir and len(archives) > 1:
        raise CommandError("--index-dir needs a single archive")
    for archive in archives:
        if not archive.is_dir():
            raise CommandError(f"{archive}: no such archive folder")
        backend = open_archive(
            archive,
            resolve_index_dir(archive, args.index_dir, config),
            max_bytes=config.max_bytes,
            procs=args.procs,
            **engine_options(config, args.backend),
            outside_links=config.follow_outside_links,
        )
        bar = ProgressBar(f"indexing {archive.name}")
        try:
            report = backend.update(
                rebuild=args.rebuild, progress=bar, wait=args.wait, procs=args.procs
            )
        finally:
            bar.close()
            backend.close()
        if args.json:
            output.print_json(output.report_json(report, archive))
        else:
            output.print_report(report, archive)
    return 0


def cmd_search(args: argparse.Namespace, config: Config) -> int:
    """``newsdesk search QUERY``: print the best hits (and any notice on stderr)."""
    parse_query(args.query)  # a query that cannot be read is refused before any index work
    backend = open_backend(args, config, update=not args.no_update)
    request = SearchRequest(
        query=args.query,
        sort=args.sort,
        filters=tuple(args.filter),
        offset=args.offset,
        limit=args.limit,
        facets=args.json,
    )
    reading_state(backend)  # (is: filters read it; its problems are said once, here)
    result = backend.search(request)
    for notice in result.notices:
        output.warn(notice)
    if args.json:
        output.print_json(output.result_json(result, args.query))
    else:
        output.print_result(result)
    return 0


def parse_filter(text: str) -> Filter:
    """``source=VALUE``, ``section=VALUE`` or ``year=YYYY`` as a filter (an argparse type)."""
    name, sep, value = text.partition("=")
    if not sep or name not in FACET_FIELDS or not value:
        raise argparse.ArgumentTypeError(f"{text!r}: use source=VALUE, section=VALUE or year=YYYY")
    return Filter(name, value)


def archive_of_file(path: Path, named: str | None, config: Config) -> Path:
    """The archive ``path`` belongs to: the one named (``--archive``), else the innermost
    configured or default archive holding it.

    Raises:
        CommandError: When no such archive holds the file.
    """
    path = path.expanduser().resolve()
    if named is not None:
        candidates = [resolve_archive(named, config)]
    else:
        candidates = [resolve_archive(name, config) for name in config.archives]
        candidates.append(resolve_archive(None, config))
    holding = [archive for archive in candidates if path.is_relative_to(archive)]
    if holding:
        return max(holding, key=lambda archive: len(archive.parts))
    if named is not None:
        raise CommandError(f"{path} is not in the archive {candidates[0]}")
    raise CommandError(
        f"{path} is not in an indexed archive (name its archive with --archive, "
        "or add it to archives: in config.yaml)"
    )


def _open_ref(args: argparse.Namespace, config: Config, *, update: bool) -> tuple[Backend, str]:
    """The backend for ``args.ref`` and the ref to ask it for: an id as given, or a file
    (found from any folder) with the archive it belongs to."""
    path = Path(args.ref).expanduser()
    if not path.is_file():
        return open_backend(args, config, update=update), args.ref
    archive = archive_of_file(path, args.archive, config)
    return open_backend(args, config, update=update, archive=archive), str(path.resolve())


def cmd_show(args: argparse.Namespace, config: Config) -> int:
    """``newsdesk show ID_OR_PATH``: one article with its quotes, as indexed (so with the
    id ``search`` gives it)."""
    backend, ref = _open_ref(args, config, update=not args.no_update)
    article = backend.article(ref)
    if args.json:
        output.print_json(article_json(article))
    else:
        output.print_article(article)
    return 0


def article_json(article: Article) -> dict[str, Any]:
    """The article record of PRODUCT.md section 1, with its quotes."""
    record = dataclasses.asdict(article)
    record["body"] = article.body
    return record


def cmd_quotes(args: argparse.Namespace, config: Config) -> int:
    """``newsdesk quotes PATH...``: quotes straight from files, no index needed."""
    from index.pipeline.annotate import annotate_all, explain  # the extractor loads when used
    from index.pipeline.read import read_file

    failures = found = 0
    wanted = args.speaker.casefold() if args.speaker else None
    for path in _article_files(args.paths):
        try:
            read = read_file(path, max_bytes=config.max_bytes, warn=_warn_skipped)
            articles = list(annotate_all(read))
        except UnreadableFile as exc:
            output.warn(f"skipped {exc.path}: {exc.reason}")
            failures += 1
            continue
        for article in articles:
            quotes = [q for q in article.quotes if _speaker_matches(q.speaker, wanted)]
            if wanted and not quotes:
                continue
            found += 1
            why = explain(article) if args.explain else None
            if args.json:
                record = {
                    "id": article.id,
                    "path": article.path,
                    "title": article.title,
                    "quotes": [output.quote_json(q, why) for q in quotes],
                }
                output.print_json(record, compact=True)
            else:
                output.print_quotes(article, quotes, why)
    return 1 if failures and not found else 0


def _speaker_matches(speaker: str | None, wanted: str | None) -> bool:
    if wanted is None:
        return True
    if speaker is None:
        return False
    name = speaker.casefold()
    return wanted == name or set(wanted.split()) <= set(name.split())


def _warn_skipped(skipped: Any) -> None:
    output.warn(f"{skipped.path}: {skipped.reason}")


def _article_files(paths: list[str]) -> Iterator[Path]:
    from index.pipeline.read import is_article_file

    for name in paths:
        path = Path(name).expanduser()
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and is_article_file(p.name))
        elif path.exists():
            yield path
        else:
            raise CommandError(f"{path}: no such file or folder")


def cmd_related(args: argparse.Namespace, config: Config) -> int:
    """``newsdesk related ID_OR_PATH``: more like this."""
    backend, ref = _open_ref(args, config, update=False)
    article_id = backend.article(ref).id
    hits = tuple(hit for hit in backend.related(ref, limit=args.limit + 1) if hit.id != article_id)
    hits = hits[: args.limit]
    if args.json:
        output.print_json({"id": article_id, "related": [output.hit_json(h) for h in hits]})
    else:
        output.print_hits(hits)
    return 0


def cmd_speakers(args: argparse.Namespace, config: Config) -> int:
    """``newsdesk speakers``: who is quoted most, or one speaker's quotes."""
    backend = open_backend(args, config, update=False)
    if args.quotes:
        quotes = backend.quotes_by(args.quotes, limit=args.limit or EVERY_QUOTE)
        if not quotes:
            raise CommandError(f"no quotes by {args.quotes!r} in {backend.archive}")
        if args.json:
            output.print_json([output.speaker_quote_json(q) for q in quotes])
        else:
            output.print_speaker_quotes(quotes)
        return 0
    speakers = backend.speakers(limit=args.limit or SPEAKERS_SHOWN)
    if args.json:
        output.print_json([dataclasses.asdict(s) for s in speakers])
    else:
        output.print_speakers(speakers)
    return 0


def cmd_bookmarks(args: argparse.Namespace, config: Config) -> int:
    """``newsdesk bookmarks``: bookmarked articles, newest bookmark first."""
    backend = open_backend(args, config, update=False)
    marks = reading_state(backend).bookmarks
    found = backend.search(
        SearchRequest(include_ids=frozenset(marks), limit=max(1, len(marks)), snippets=False)
    )
    # Bookmarks of articles no longer in the archive are simply not listed.
    hits = sorted(found.hits, key=lambda hit: -marks[hit.id])
    rows = [
        {
            "id": hit.id,
            "title": hit.title,
            "source": hit.source,
            "date": hit.date,
            "path": hit.path,
            "bookmarked": marks[hit.id],
        }
        for hit in hits
    ]
    if args.json:
        output.print_json(rows)
    else:
        output.print_bookmarks(rows)
    return 0


def cmd_export(args: argparse.Namespace, config: Config) -> int:
    """``newsdesk export QUERY``: matching articles (or their quotes) as md, json or csv."""
    parse_query(args.query)  # refused before any index work
    backend = open_backend(args, config, update=True)
    reading_state(backend)
    base = SearchRequest(args.query, sort=args.sort)
    if args.output is None:
        export.write(backend, base, args.format, args.quotes, args.limit, sys.stdout)
        return 0
    with open(args.output, "w", encoding="utf-8", newline="") as target:
        count = export.write(backend, base, args.format, args.quotes, args.limit, target)
    print(f"wrote {count} {'quotes' if args.quotes else 'articles'} to {args.output}")
    return 0
