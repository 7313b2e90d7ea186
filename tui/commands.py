"""The headless commands behind ``newsdesk COMMAND``: each takes parsed arguments, returns a code.

No Textual here: these run in scripts and must start fast.
"""

from __future__ import annotations

import argparse
import dataclasses
import shlex
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from index.api.backend import Backend
from index.api.errors import (
    IndexLocked,
    IndexReadOnly,
    NewsdeskError,
    SearchOnlyKey,
    UnreadableFile,
)
from index.api.records import Filter, Progress, ReadingState, SearchRequest, UpdateReport
from index.corpus.article import Article
from index.engines import open_archive
from tui import export, output
from tui.config import (
    Config,
    bundled_sample_data,
    config_path,
    engine_options,
    load_config,
    resolve_archive,
    resolve_index_dir,
    write_default_config,
)
from tui.progress import ProgressBar
from tui.safe import inert_line


class CommandError(NewsdeskError):
    """A command cannot do what was asked (exit code 1)."""


def open_backend(args: argparse.Namespace, config: Config, *, update: bool) -> Backend:
    """Open the archive named on the command line, updating its index first if asked."""
    archive = resolve_archive(getattr(args, "archive", None), config)
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
    """``newsdesk search QUERY``: print the best hits."""
    if args.limit < 0 or args.offset < 0:
        raise CommandError("--limit and --offset must not be negative")
    backend = open_backend(args, config, update=not args.no_update)
    request = SearchRequest(
        query=args.query,
        sort=args.sort,
        filters=tuple(_parse_filter(f) for f in args.filter),
        offset=args.offset,
        limit=args.limit,
        facets=args.json,
    )
    reading_state(backend)  # (is: filters read it; its problems are said once, here)
    result = backend.search(request)
    if args.json:
        output.print_json(output.result_json(result, args.query))
    else:
        output.print_result(result)
    return 0


def _parse_filter(text: str) -> Filter:
    name, sep, value = text.partition("=")
    if not sep or name not in ("source", "section", "year") or not value:
        raise CommandError(f"--filter {text!r}: use source=VALUE, section=VALUE or year=YYYY")
    return Filter(name, value)  # type: ignore[arg-type]


def cmd_show(args: argparse.Namespace, config: Config) -> int:
    """``newsdesk show ID_OR_PATH``: one article with its quotes."""
    path = Path(args.ref).expanduser()
    if path.is_file() and args.archive is None:
        article = _read_one(path)
    else:
        article = open_backend(args, config, update=not args.no_update).article(args.ref)
    if args.json:
        output.print_json(article_json(article))
    else:
        output.print_article(article)
    return 0


def _read_one(path: Path) -> Article:
    from index.pipeline.annotate import annotate_all  # the extractor loads only when used
    from index.pipeline.read import read_file

    try:
        return next(annotate_all(read_file(path)))
    except StopIteration:
        raise CommandError(f"{path}: no article in this file") from None


def article_json(article: Article) -> dict[str, Any]:
    """The article record of PRODUCT.md section 1, with its quotes."""
    record = dataclasses.asdict(article)
    record["body"] = article.body
    return record


def cmd_quotes(args: argparse.Namespace, config: Config) -> int:
    """``newsdesk quotes PATH...``: quotes straight from files, no index needed."""
    from index.pipeline.annotate import annotate_all  # the extractor loads only when used
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
            if args.json:
                record = {
                    "id": article.id,
                    "path": article.path,
                    "title": article.title,
                    "quotes": [dataclasses.asdict(q) for q in quotes],
                }
                output.print_json(record, compact=True)
            else:
                output.print_quotes(article, quotes)
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
    """``newsdesk related ID``: more like this."""
    backend = open_backend(args, config, update=False)
    hits = backend.related(args.ref, limit=args.limit)
    if args.json:
        output.print_json({"id": args.ref, "related": [output.hit_json(h) for h in hits]})
    else:
        output.print_hits(hits)
    return 0


def cmd_speakers(args: argparse.Namespace, config: Config) -> int:
    """``newsdesk speakers``: who is quoted most, or one speaker's quotes."""
    backend = open_backend(args, config, update=False)
    if args.quotes:
        quotes = backend.quotes_by(args.quotes, limit=args.limit)
        if args.json:
            output.print_json([output.speaker_quote_json(q) for q in quotes])
        else:
            output.print_speaker_quotes(quotes)
        return 0
    speakers = backend.speakers(limit=args.limit)
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


def cmd_fetch(args: argparse.Namespace, config: Config) -> int:
    """``newsdesk fetch [URL...]``: feeds (default: ``feeds:``) and their pages into the archive."""
    from index.fetch.http import Limits
    from index.fetch.run import fetch

    urls = list(args.urls) or list(config.feeds)
    if not urls:
        raise CommandError("no URL given and no feeds: in config.yaml")
    archive = resolve_archive(args.archive, config)
    if archive == bundled_sample_data().resolve():
        raise CommandError("name the archive to fetch into with --archive PATH")
    if args.timeout <= 0 or args.delay < 0:
        raise CommandError("--timeout must be above 0 and --delay not negative")
    archive.mkdir(parents=True, exist_ok=True)
    limits = Limits(timeout=args.timeout, delay=args.delay, max_bytes=config.max_bytes)
    bar = ProgressBar(f"fetching into {archive.name}")
    try:
        report = fetch(
            urls,
            archive,
            limits=limits,
            progress=lambda done, total: bar(Progress("index", done, total)),
        )
    finally:
        bar.close()
    if args.json:
        output.print_json(dataclasses.asdict(report) | {"archive": str(archive)})
    else:
        for failure in report.failed:
            output.warn(f"failed {failure.url}: {failure.reason}")
        print(
            f"{archive}: {len(report.new)} new, {len(report.updated)} updated, "
            f"{report.unchanged} unchanged, {len(report.failed)} failed, "
            f"{report.duplicates} duplicate{'' if report.duplicates == 1 else 's'}"
            f" ({report.seconds:.1f} s)"
        )
    saved = report.new or report.updated or report.unchanged
    return 1 if report.failed and not saved else 0


def cmd_config(args: argparse.Namespace, config: Config) -> int:
    """``newsdesk config --init|--check``: create or validate config.yaml."""
    if args.init:
        path = write_default_config(force=args.force)
        print(f"wrote {path}")
        return 0
    path = config_path()
    _, problems = load_config(path)
    if not path.exists():
        print(f"{path}: no configuration file (defaults apply; `newsdesk config --init`)")
        return 0
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1
    print(f"{path}: OK")
    return 0


def cmd_cluster(args: argparse.Namespace, config: Config) -> int:
    """``newsdesk cluster start|status|stop --dir DIR``: a local Typesense cluster."""
    # Imported here: only this command needs the cluster code (and its urllib imports).
    from index.engines.typesense import layout, server

    directory = Path(args.dir).expanduser().resolve()
    if args.action == "stop":
        stopped = server.stop_cluster(directory)
        print(inert_line(f"stopped {stopped} node(s) in {directory}"))  # 0: none was running
        return 0
    if args.action == "start":
        cluster = server.start_cluster(
            directory,
            args.nodes,
            first_port=args.port,
            timeout=args.timeout,
            announce=lambda c: output.warn(f"starting {len(c.nodes)} Typesense node(s) ..."),
        )
    else:
        cluster = layout.load_layout(directory)
    nodes = [
        {
            "node": s.node.number,
            "address": s.node.address,
            "pid": s.pid,
            "healthy": s.healthy,
            "role": s.role,
        }
        for s in server.cluster_status(cluster)
    ]
    if args.json:
        record = {"dir": str(directory), "backend": cluster.backend_url, "nodes": nodes}
        output.print_json(record | {"key_file": str(cluster.key_file)})
        return 0
    print(inert_line(f"Typesense cluster in {directory}"))
    for row in nodes:
        state = f"pid {row['pid']}, {row['role'] or 'no role'}" if row["pid"] else "stopped"
        print(f"  node {row['node']}  {row['address']}  {state}")
    print(f"  --backend {cluster.backend_url}")
    key_file = shlex.quote(str(cluster.key_file))
    print(inert_line(f'  admin key: export NEWSDESK_TYPESENSE_API_KEY="$(cat {key_file})"'))
    verb = "stop" if any(row["pid"] for row in nodes) else "start"
    print(inert_line(f"  {verb} it: newsdesk cluster {verb} --dir {shlex.quote(str(directory))}"))
    return 0
