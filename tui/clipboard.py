"""Handing an article to the outside: text for the clipboard, ``$PAGER`` and ``$EDITOR``.

The clipboard itself is the terminal's (OSC 52, through ``App.copy_to_clipboard``), so copying
works over SSH. Everything handed out passes through :func:`tui.safe.inert`: a pasted or paged
article must not carry escape sequences with it.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import textwrap
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from textual.app import App, SuspendNotSupported

from index.corpus.article import Article, Quote
from tui.safe import inert, inert_line
from tui.wording import quoted

DEFAULT_PAGER = "less -R"
DEFAULT_EDITOR = "vi"
_NOT_PAGERS = frozenset({"cat", "tac"})
"""Commands people set as $PAGER that print the text and end at once."""
_ALTERNATE_SCREEN_ON, _ALTERNATE_SCREEN_OFF = "\x1b[?1049h\x1b[H\x1b[2J", "\x1b[?1049l"
_LINE_EDITORS = ("vi", "vim", "nvim", "nano", "emacs", "micro", "kak", "hx", "helix", "joe")
"""Editors known to accept ``+LINE`` before the file name."""


def meta_line(article: Article) -> str:
    """``Source · 2024-03-11 · Section · by Author`` for whatever the article has."""
    parts = [article.source, article.date, article.section]
    if article.author:
        parts.append(f"by {article.author}")
    return " · ".join(inert_line(p) for p in parts if p)


def article_text(article: Article, width: int = 78) -> str:
    """The article as plain, wrapped text: title, metadata, captions, paragraphs."""
    lines = [inert_line(article.title)]
    meta = meta_line(article)
    if meta:
        lines.append(meta)
    if article.url:
        lines.append(inert_line(article.url))
    lines.append("")
    for caption in article.captions:
        lines.extend(textwrap.wrap(inert_line(caption), width, initial_indent="[Photo] "))
        lines.append("")
    for paragraph in article.paragraphs:
        lines.extend(textwrap.wrap(inert_line(paragraph), width) or [""])
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def quote_attribution(quote: Quote, article: Article) -> str:
    """``"text" - Speaker, Role, Source, Date``, leaving out what is unknown."""
    credit = [quote.speaker, quote.role, article.source, article.date]
    attribution = ", ".join(inert_line(part) for part in credit if part)
    text = quoted(inert_line(quote.text))
    return f"{text} - {attribution}" if attribution else text


def pager_command(environ: Mapping[str, str]) -> list[str]:
    """The pager to run: ``$PAGER`` split like a shell would, else ``less -R``."""
    return shlex.split(environ.get("PAGER") or DEFAULT_PAGER)


def editor_command(environ: Mapping[str, str], path: Path, line: int = 0) -> list[str]:
    """The editor command for ``path``: ``$VISUAL``, ``$EDITOR`` or vi, at ``line`` if known."""
    command = shlex.split(environ.get("VISUAL") or environ.get("EDITOR") or DEFAULT_EDITOR)
    if line > 0 and command and Path(command[0]).name in _LINE_EDITORS:
        command.append(f"+{line}")
    return [*command, str(path)]


def pages_itself(command: Sequence[str]) -> bool:
    """Whether ``command`` holds the text on screen until the reader leaves (``cat`` does not)."""
    return bool(command) and Path(command[0]).name not in _NOT_PAGERS


def run_pager(text: str, command: Sequence[str]) -> int:
    """Feed ``text`` to the pager on its standard input; returns its exit status.

    A "pager" that only prints (``PAGER=cat``) runs on the terminal's alternate screen and is
    followed by a prompt, so the text neither flashes by nor stays behind after newsdesk ends.
    """
    holds = pages_itself(command) or not sys.stdin.isatty()
    if not holds:
        sys.stdout.write(_ALTERNATE_SCREEN_ON)
        sys.stdout.flush()
    try:
        completed = subprocess.run(list(command), input=inert(text).encode("utf-8"), check=False)
        if not holds:
            sys.stdout.write("\n-- press Enter to return to newsdesk --")
            sys.stdout.flush()
            sys.stdin.readline()
    finally:
        if not holds:
            sys.stdout.write(_ALTERNATE_SCREEN_OFF)
            sys.stdout.flush()
    return completed.returncode


def run_editor(command: Sequence[str]) -> int:
    """Run the editor in the foreground; returns its exit status."""
    return subprocess.run(list(command), check=False, env=dict(os.environ)).returncode


def run_outside(app: App[Any], run: Callable[[], int]) -> OSError | None:
    """Run another program on the terminal with ``app`` suspended; the error if it failed.

    Headless (tests), where the app cannot be suspended, the program just runs.
    """

    def guarded() -> OSError | None:
        try:
            run()
        except OSError as exc:
            return exc
        return None

    try:
        with app.suspend():  # an exception escaping this block would leave the app suspended
            return guarded()
    except SuspendNotSupported:
        return guarded()
