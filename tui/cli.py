"""The ``newsdesk`` command line.

Headless commands (index, search, show, quotes, ...) never import Textual, so scripts start
fast; ``newsdesk [PATH]`` with no command opens the terminal app.

Exit codes: 0 success, 1 runtime failure, 2 usage error; errors go to stderr on one line.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from index.api.errors import NewsdeskError, QueryError
from tui import commands, output, setup_commands
from tui.config import Config, load_config

COMMANDS: dict[str, Callable[[argparse.Namespace, Config], int]] = {
    "index": commands.cmd_index,
    "search": commands.cmd_search,
    "show": commands.cmd_show,
    "quotes": commands.cmd_quotes,
    "related": commands.cmd_related,
    "speakers": commands.cmd_speakers,
    "bookmarks": commands.cmd_bookmarks,
    "export": commands.cmd_export,
    "fetch": setup_commands.cmd_fetch,
    "config": setup_commands.cmd_config,
    "cluster": setup_commands.cmd_cluster,
}


class UsageError(Exception):
    """The command line itself is wrong (exit code 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def _count(least: int) -> Callable[[str], int]:
    """An argparse type: a whole number of at least ``least``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < least:
            raise argparse.ArgumentTypeError(f"{value} is too small (at least {least})")
        return value

    return parse


class _Version(argparse.Action):
    """``--version``: the installed package's version, looked up only when asked for (reading
    package metadata costs every other command a noticeable part of its start-up)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        from importlib import metadata

        try:
            version = metadata.version("newsdesk")
        except metadata.PackageNotFoundError:
            version = "unknown"
        print(f"newsdesk {version}")
        parser.exit()


def _common(parser: argparse.ArgumentParser, *, json: bool = True) -> None:
    parser.add_argument("--archive", metavar="PATH", help="archive folder or configured name")
    parser.add_argument("--index-dir", metavar="DIR", help="where the index is kept")
    _backend(parser)
    if json:
        parser.add_argument("--json", action="store_true", help="print JSON")


def _backend(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--backend",
        metavar="URL",
        help="typesense://HOST:PORT[,HOST:PORT...] for a Typesense cluster, local for the "
        "embedded index (default: backend: in config.yaml, else local)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every command."""
    parser = _Parser(
        prog="newsdesk",
        description="A terminal newsroom: read, search and quote a local archive of articles.",
        epilog="Run `newsdesk [PATH]` to open the terminal app on an archive.",
    )
    parser.add_argument("--version", action=_Version)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("index", help="build or update the index of archives")
    p.add_argument("paths", nargs="*", metavar="PATH", help="archive folders (default: --archive)")
    p.add_argument("--rebuild", action="store_true", help="rebuild from scratch")
    p.add_argument("--wait", type=float, default=0.0, metavar="S", help="wait for a busy index")
    p.add_argument(
        "--procs", type=int, default=None, help="worker processes (default: cores; Typesense: 2)"
    )
    _common(p)

    p = sub.add_parser("search", help="search an archive")
    p.add_argument("query", help="query (see README: words, phrases, fields, dates...)")
    p.add_argument("--limit", type=_count(1), default=10, help="hits to print (default 10)")
    p.add_argument("--offset", type=_count(0), default=0, help="hits to skip")
    p.add_argument("--sort", choices=["relevance", "newest", "oldest"], default="relevance")
    p.add_argument(
        "--filter",
        action="append",
        default=[],
        type=commands.parse_filter,
        metavar="FIELD=VALUE",
        help="facet filter: source=..., section=..., year=... (repeatable)",
    )
    p.add_argument("--no-update", action="store_true", help="do not update the index first")
    _common(p)

    p = sub.add_parser("show", help="print one article with its quotes")
    p.add_argument("ref", metavar="ID_OR_PATH", help="an id from search, or the article's file")
    p.add_argument("--no-update", action="store_true", help="do not update the index first")
    _common(p)

    p = sub.add_parser("quotes", help="extract quotes from files (no index needed)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    p.add_argument("--speaker", metavar="NAME", help="only quotes by this speaker")
    p.add_argument(
        "--explain",
        action="store_true",
        help="print the stages and rules behind each quote and why its speaker was chosen",
    )
    _common(p)

    p = sub.add_parser("related", help="articles like the given one")
    p.add_argument("ref", metavar="ID_OR_PATH", help="an id from search, or the article's file")
    p.add_argument("--limit", type=_count(1), default=10)
    _common(p)

    p = sub.add_parser("speakers", help="speakers by number of quotes")
    p.add_argument(
        "--limit", type=_count(1), help="at most this many (default: 50 speakers, every quote)"
    )
    p.add_argument("--quotes", metavar="NAME", help="list the quotes of this speaker instead")
    _common(p)

    p = sub.add_parser("bookmarks", help="list bookmarked articles")
    _common(p)

    p = sub.add_parser("export", help="write matching articles or their quotes")
    p.add_argument("query", help="query ('' for every article)")
    p.add_argument("--format", choices=["md", "json", "csv"], default="md")
    p.add_argument("--quotes", action="store_true", help="export quotes instead of articles")
    p.add_argument("--sort", choices=["relevance", "newest", "oldest"], default="newest")
    p.add_argument("--limit", type=_count(1), default=None, help="at most this many articles")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    _common(p, json=False)

    p = sub.add_parser("fetch", help="download feeds and the pages they link into an archive")
    p.add_argument("urls", nargs="*", metavar="URL", help="feeds or pages (default: feeds:)")
    p.add_argument("--timeout", type=float, default=20.0, metavar="S", help="network timeout")
    p.add_argument(
        "--delay", type=float, default=1.0, metavar="S", help="seconds between requests to a host"
    )
    _common(p)

    p = sub.add_parser("config", help="check or create the configuration file")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--init", action="store_true", help="write a commented default file")
    group.add_argument("--check", action="store_true", help="validate the file")
    p.add_argument("--force", action="store_true", help="with --init: overwrite")

    _cluster_parser(
        sub.add_parser("cluster", help="start, check or stop a local Typesense cluster")
    )
    return parser


def _cluster_parser(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=_Parser
    )
    start = actions.add_parser("start", help="start the nodes on 127.0.0.1 and wait for a leader")
    start.add_argument("--nodes", type=int, default=None, help="how many nodes (default 3)")
    start.add_argument("--port", type=int, default=None, help="first API port (default: free)")
    start.add_argument("--timeout", type=float, default=60.0, metavar="S", help="wait for a leader")
    status = actions.add_parser("status", help="show each node's pid, health and role")
    stop = actions.add_parser("stop", help="stop every node (SIGTERM, then SIGKILL)")
    for action in (start, status, stop):
        action.add_argument("--dir", required=True, metavar="DIR", help="the cluster's folder")
    for action in (start, status):
        action.add_argument("--json", action="store_true", help="print JSON")


def build_app_parser() -> argparse.ArgumentParser:
    """The parser for ``newsdesk [PATH]``, which opens the terminal app."""
    parser = _Parser(
        prog="newsdesk",
        description="Open the terminal app on an archive (default: the bundled samples). "
        f"Commands: {', '.join(COMMANDS)} (newsdesk COMMAND --help).",
    )
    parser.add_argument("path", nargs="?", metavar="PATH", help="archive folder or name")
    parser.add_argument("--archive", metavar="PATH", help="archive folder or configured name")
    parser.add_argument("--index-dir", metavar="DIR", help="where the index is kept")
    _backend(parser)
    parser.add_argument("--version", action=_Version)
    return parser


def _misspelt_command(args: Sequence[str], config: Config) -> str | None:
    """The command the first argument was probably meant to be (``serach``), if it is no
    archive folder or name."""
    if not args or args[0].startswith("-") or args[0] in config.archives:
        return None
    if Path(args[0]).expanduser().exists():
        return None
    import difflib  # only for a command that is not one

    close = difflib.get_close_matches(args[0], COMMANDS, n=1, cutoff=0.6)
    return close[0] if close else None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    config, problems = load_config()
    if args_list[:1] != ["config"]:  # `config --check` reports problems itself
        for problem in problems:
            output.warn(f"config: {problem}")
    try:
        if (args_list and args_list[0] in COMMANDS) or args_list[:1] in (["-h"], ["--help"]):
            args = build_parser().parse_args(args_list)
            return COMMANDS[args.command](args, config)
        if (meant := _misspelt_command(args_list, config)) is not None:
            raise UsageError(f'no command "{args_list[0]}"; did you mean "{meant}"?')
        args = build_app_parser().parse_args(args_list)
        from tui.launch import run_app  # Textual is imported only inside, after its checks

        return run_app(args.path or args.archive, args.index_dir, config, args.backend)
    except UsageError as exc:
        output.warn(f"usage error: {exc} (see newsdesk --help)")
        return 2
    except QueryError as exc:  # the query is part of the command line
        output.warn(f"usage error: {_one_line(str(exc))}")
        return 2
    except NewsdeskError as exc:
        output.error(_one_line(str(exc)))
        return 1
    except KeyboardInterrupt:
        output.warn("interrupted")
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (e.g. `| head`); not an error
        return 0
    except OSError as exc:
        names = [_file_name(name) for name in (exc.filename, exc.filename2) if name is not None]
        where = f" ({' -> '.join(names)})" if names else ""
        output.error(f"{exc.strerror or exc}{where}")
        return 1


def _file_name(name: object) -> str:
    return os.fsdecode(name) if isinstance(name, str | bytes) else str(name)


def _one_line(text: str) -> str:
    return " ".join(text.split())


if __name__ == "__main__":
    sys.exit(main())
