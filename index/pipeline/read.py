"""Reading article files into :class:`Article` records (the first stage: no quotes yet)."""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from index.api.errors import UnreadableFile
from index.api.records import Skipped
from index.corpus.article import Article, ArticleFormat
from index.formats.decode import NotText, decode_bytes
from index.formats.draft import Draft
from index.formats.jsonl import BadLine, parse_jsonl_line
from index.formats.markdown import FrontMatterError, parse_markdown
from index.formats.plain import parse_plain
from index.formats.scraped import looks_scraped, parse_scraped
from index.pipeline.limits import DEFAULT_MAX_BYTES
from index.pipeline.urls import page_key
from index.pipeline.web import WebKind, read_web, web_kind

TEXT_SUFFIXES = frozenset({".txt", ".text"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | JSONL_SUFFIXES

_CLEAN_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$")

Warn = Callable[[Skipped], None]


def is_article_file(name: str) -> bool:
    """True for file names newsdesk reads as articles (by extension; hidden files excluded)."""
    dot = name.rfind(".")
    return dot > 0 and (name[dot:].lower() in ARTICLE_SUFFIXES or web_kind(name) is not None)


def printable_path(path: str) -> str:
    """``path`` as a string any terminal or file can take.

    A file name that is not UTF-8 reaches Python with its odd bytes as lone surrogates
    (``os.fsdecode``), which cannot be encoded for printing; they become ``\\xe9`` escapes.
    For messages only: open files by the path itself.
    """
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    return path


def article_id(rel: str) -> str:
    """The stable id of the article stored at archive-relative path ``rel``."""
    return hashlib.sha1(rel.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def read_file(
    path: Path,
    *,
    rel: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    warn: Warn | None = None,
) -> Iterator[Article]:
    """Read the articles in one file (one, or many for JSON Lines).

    Args:
        path: The file.
        rel: Its path relative to the archive root, which its id derives from (default: the
            absolute path).
        max_bytes: Size limit for a file, or for one line of a JSON Lines file.
        warn: Called with problems that do not stop the file (a bad JSON line, a fallback
            decoding).

    Raises:
        UnreadableFile: When the file as a whole cannot be read; raised before any article.
    """
    path = Path(path).absolute()
    rel = rel if rel is not None else path.as_posix()
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path, rel, max_bytes, warn)
        return
    kind = web_kind(path.name)
    if kind is not None:
        yield from _read_web(path, rel, kind, max_bytes, warn)
        return
    text = _read_text(path, max_bytes, warn)
    fmt: ArticleFormat
    try:
        if suffix in MARKDOWN_SUFFIXES:
            draft, fmt = parse_markdown(text), "markdown"
        elif looks_scraped(text):
            draft, fmt = parse_scraped(text), "scraped"
        else:
            draft, fmt = parse_plain(text), "plain"
    except FrontMatterError as exc:
        raise UnreadableFile(_shown(path), str(exc)) from None
    if draft is None or not (draft.title or draft.paragraphs):
        raise UnreadableFile(_shown(path), "no article text (empty or whitespace only)")
    ident = url_id(draft.url) if draft.url and draft.url.strip() else article_id(rel)
    yield _finish(draft, path, ident, fmt)


def _read_web(
    path: Path, rel: str, kind: WebKind, max_bytes: int, warn: Warn | None
) -> Iterator[Article]:
    try:
        for draft in read_web(path, kind, max_bytes, lambda reason: _report(warn, path, reason)):
            yield _web_article(draft, path, rel, kind)
    except OSError as exc:
        raise UnreadableFile(str(path), os_reason(exc)) from None


def _web_article(draft: Draft, path: Path, rel: str, kind: WebKind) -> Article:
    # A page file is one article (id from its path, like every file); feed entries and WARC
    # records are many, each known by its URL (like JSON lines).
    ident = article_id(rel) if kind == "html" else _jsonl_id(draft, rel)
    return replace(_finish(draft, path, ident, kind), offset=draft.offset)


def _read_text(path: Path, max_bytes: int, warn: Warn | None) -> str:
    try:
        with path.open("rb") as handle:
            st = os.fstat(handle.fileno())
            if not stat.S_ISREG(st.st_mode):
                raise UnreadableFile(_shown(path), "not a regular file")
            if st.st_size > max_bytes:
                raise UnreadableFile(_shown(path), _too_large(st.st_size, max_bytes))
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise UnreadableFile(_shown(path), os_reason(exc)) from None
    if len(data) > max_bytes:
        raise UnreadableFile(_shown(path), _too_large(len(data), max_bytes))
    if not data.strip():
        raise UnreadableFile(_shown(path), "empty file")
    try:
        decoded = decode_bytes(data)
    except NotText as exc:
        raise UnreadableFile(_shown(path), str(exc)) from None
    if decoded.warning and warn:
        warn(Skipped(_shown(path), decoded.warning))
    return decoded.text


def _read_jsonl(path: Path, rel: str, max_bytes: int, warn: Warn | None) -> Iterator[Article]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise UnreadableFile(_shown(path), os_reason(exc)) from None
    with handle:
        head = handle.read(4)
        if b"\x00" in head:
            raise UnreadableFile(_shown(path), "binary file (contains NUL bytes)")
        handle.seek(0)
        found, number = 0, 0
        while True:
            offset = handle.tell()
            raw = handle.readline(max_bytes + 1)
            if not raw:
                break
            number += 1
            if len(raw) > max_bytes:
                _report(warn, path, f"line {number}: {_too_large(len(raw), max_bytes)}")
                handle.readline()  # skip the rest of the over-long line
                continue
            try:
                draft = _jsonl_draft(raw, number, max_bytes)
            except BadLine as exc:
                _report(warn, path, str(exc))
                continue
            if draft is not None:
                found += 1
                article = _finish(draft, path, _jsonl_id(draft, rel), "jsonl")
                yield replace(article, offset=offset)
        if found == 0:
            raise UnreadableFile(_shown(path), "no readable JSON lines")


def _jsonl_draft(raw: bytes, number: int, max_bytes: int) -> Draft | None:
    if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    return parse_jsonl_line(text, number)


def _jsonl_id(draft: Draft, rel: str) -> str:
    # An id the publisher gave is kept (scripts and marks use it); else the page's URL.
    if draft.id_hint and _CLEAN_ID.match(draft.id_hint):
        return draft.id_hint
    if draft.url and draft.url.strip():
        return url_id(draft.url)
    if draft.id_hint:
        return "u" + hashlib.sha1(draft.id_hint.encode("utf-8")).hexdigest()[:15]
    return article_id(f"{rel}#L{draft.line}")


def url_id(url: str) -> str:
    """The id of an article found at ``url``: one id for every copy of that page (another
    spelling of its URL included), in whatever file or format it was saved."""
    return "u" + hashlib.sha1(page_key(url).encode("utf-8")).hexdigest()[:15]


def _finish(draft: Draft, path: Path, ident: str, fmt: ArticleFormat) -> Article:
    # An article without a date of its own stays undated: a file's modification time says
    # when it was copied, not when it was written, and would mislead date: and sorting.
    return Article(
        id=ident,
        path=str(path),
        title=draft.title,
        source=draft.source,
        date=draft.date,
        section=draft.section,
        author=draft.author,
        url=draft.url,
        tags=draft.tags,
        captions=draft.captions,
        paragraphs=draft.paragraphs,
        format=fmt,
        line=draft.line,
    )


def _report(warn: Warn | None, path: Path, reason: str) -> None:
    if warn is not None:
        warn(Skipped(_shown(path), reason))


def _shown(path: Path) -> str:
    return printable_path(str(path))


def _too_large(size: int, limit: int) -> str:
    return f"too large ({size / 1e6:.1f} MB; the limit is {limit / 1e6:.1f} MB)"


def os_reason(exc: OSError) -> str:
    """A short, human reason for a failed file operation."""
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, FileNotFoundError):
        return "file disappeared before it could be read"
    if exc.errno == 40:  # ELOOP
        return "symbolic link loop"
    return exc.strerror or type(exc).__name__
