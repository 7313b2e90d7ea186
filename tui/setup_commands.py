"""The commands that set things up: ``fetch`` (articles into an archive), ``config`` (the
configuration file) and ``cluster`` (a local Typesense cluster).

No Textual here, as in :mod:`tui.commands`.
"""

from __future__ import annotations

import argparse
import dataclasses
import shlex
import sys
from pathlib import Path

from index.api.records import Progress
from tui import output
from tui.commands import CommandError
from tui.config import (
    Config,
    bundled_sample_data,
    config_path,
    load_config,
    resolve_archive,
    write_default_config,
)
from tui.progress import ProgressBar
from tui.safe import inert_line


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
