"""What a format parser produces, before ids, paths and quotes are attached."""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_TITLE_CHARS = 300

_BLANK_LINES = re.compile(r"\n[ \t]*\n")
_SPACES = re.compile(r"[ \t\u00a0]+")


@dataclass(frozen=True, slots=True)
class Draft:
    """Article fields a parser found in one file (or one JSON line, feed entry, WARC record).

    ``line`` numbers a JSON line, feed entry or WARC record from 1 (0 for a whole file);
    ``offset`` is the byte offset of that line or WARC record, to read it again alone.
    """

    title: str
    paragraphs: tuple[str, ...]
    captions: tuple[str, ...] = ()
    source: str | None = None
    date: str | None = None
    section: str | None = None
    author: str | None = None
    url: str | None = None
    tags: tuple[str, ...] = ()
    id_hint: str | None = None
    line: int = 0
    offset: int = 0


def split_blocks(text: str) -> list[str]:
    """Split text into blocks at blank lines; lines inside a block are joined with spaces.

    A text with no blank line at all is taken to have one paragraph per line, as scraped
    pages and crawls often do.
    """
    text = text.strip("\n")
    if not text.strip():
        return []
    if not _BLANK_LINES.search(text):
        return [line for line in (tidy(part) for part in text.split("\n")) if line]
    return [block for block in (tidy(part) for part in _BLANK_LINES.split(text)) if block]


def tidy(text: str) -> str:
    """Collapse runs of spaces and line breaks inside a paragraph into single spaces."""
    text = text.replace("\n", " ")
    if "  " in text or "\t" in text or "\u00a0" in text:  # the common case needs no regex
        text = _SPACES.sub(" ", text)
    return text.strip()


def short_title(line: str) -> tuple[str, str | None]:
    """Cut an over-long first line to a title; return (title, rest to keep as body or None)."""
    line = tidy(line)
    if len(line) <= MAX_TITLE_CHARS:
        return line, None
    cut = line.rfind(" ", 0, MAX_TITLE_CHARS)
    cut = cut if cut > MAX_TITLE_CHARS // 2 else MAX_TITLE_CHARS
    return line[:cut].rstrip() + "\u2026", line
