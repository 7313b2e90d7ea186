"""Finding article files in an archive and reading them into :class:`Article` records."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from index.decode import NotText, decode_bytes
from index.errors import UnreadableFile
from index.formats.draft import Draft
from index.formats.jsonl import BadLine, parse_jsonl_line
from index.formats.markdown import FrontMatterError, parse_markdown
from index.formats.plain import parse_plain
from index.formats.scraped import looks_scraped, parse_scraped
from index.formats.web import WebKind, read_web, read_web_record, web_kind
from index.model import Article, ArticleFormat, Quote, Skipped

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
"""Files (and JSON lines) larger than this are skipped; configurable."""

TEXT_SUFFIXES = frozenset({".txt", ".text"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | JSONL_SUFFIXES

_CLEAN_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$")

Warn = Callable[[Skipped], None]


@dataclass(frozen=True, slots=True)
class FileEntry:
    """An article file found in an archive, with what the index keys changes on."""

    location: str
    rel: str
    size: int
    mtime_ns: int

    @property
    def path(self) -> Path:
        """The file's absolute path (built on demand: scans list many files, read few)."""
        return Path(self.location)


@dataclass(frozen=True, slots=True)
class Scan:
    """The article files of an archive, and what could not be looked at."""

    files: tuple[FileEntry, ...]
    skipped: tuple[Skipped, ...]


def is_article_file(name: str) -> bool:
    """True for file names newsdesk reads as articles (by extension; hidden files excluded)."""
    dot = name.rfind(".")
    return dot > 0 and (name[dot:].lower() in ARTICLE_SUFFIXES or web_kind(name) is not None)


def scan_archive(root: Path) -> Scan:
    """List the article files under ``root``, following symbolic links but never in a loop."""
    root = root.resolve()
    files: list[FileEntry] = []
    skipped: list[Skipped] = []
    seen_dirs: set[tuple[int, int]] = set()

    # Plain strings and one stat() per entry: this runs over every file before every update.
    def walk(directory: str, rel_dir: str) -> None:
        try:
            info = os.stat(directory)
        except OSError as exc:
            skipped.append(Skipped(directory, os_reason(exc)))
            return
        key = (info.st_dev, info.st_ino)
        if key in seen_dirs:
            skipped.append(Skipped(directory, "symbolic link loop (folder already visited)"))
            return
        seen_dirs.add(key)
        try:
            with os.scandir(directory) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            skipped.append(Skipped(directory, os_reason(exc)))
            return
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            rel = f"{rel_dir}{name}"
            if not is_article_file(name):
                try:
                    if entry.is_dir():  # from the directory listing, no stat() needed
                        walk(entry.path, rel + "/")
                except OSError as exc:
                    skipped.append(Skipped(entry.path, os_reason(exc)))
                continue
            try:
                st = entry.stat()
            except FileNotFoundError:
                skipped.append(Skipped(entry.path, "broken symbolic link"))
                continue
            except OSError as exc:
                skipped.append(Skipped(entry.path, os_reason(exc)))
                continue
            if stat.S_ISDIR(st.st_mode):
                walk(entry.path, rel + "/")
            elif stat.S_ISREG(st.st_mode):
                files.append(FileEntry(entry.path, rel, st.st_size, st.st_mtime_ns))
            else:
                skipped.append(Skipped(entry.path, "not a regular file"))

    walk(str(root), "")
    return Scan(tuple(files), tuple(skipped))


def article_id(rel: str) -> str:
    """The stable id of the article stored at archive-relative path ``rel``."""
    return hashlib.sha1(rel.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def read_file(
    path: Path,
    *,
    rel: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    quotes: bool = True,
    warn: Warn | None = None,
) -> Iterator[Article]:
    """Read the articles in one file (one, or many for JSON Lines).

    Args:
        path: The file.
        rel: Its path relative to the archive root, which its id derives from (default: the
            absolute path).
        max_bytes: Size limit for a file, or for one line of a JSON Lines file.
        quotes: Whether to extract quotes.
        warn: Called with problems that do not stop the file (a bad JSON line, a fallback
            decoding).

    Raises:
        UnreadableFile: When the file as a whole cannot be read; raised before any article.
    """
    path = Path(path).absolute()
    rel = rel if rel is not None else path.as_posix()
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path, rel, max_bytes, quotes, warn)
        return
    kind = web_kind(path.name)
    if kind is not None:
        yield from _read_web(path, rel, kind, max_bytes, quotes, warn)
        return
    text, st = _read_text(path, max_bytes, warn)
    fmt: ArticleFormat
    try:
        if suffix in MARKDOWN_SUFFIXES:
            draft, fmt = parse_markdown(text), "markdown"
        elif looks_scraped(text):
            draft, fmt = parse_scraped(text), "scraped"
        else:
            draft, fmt = parse_plain(text), "plain"
    except FrontMatterError as exc:
        raise UnreadableFile(str(path), str(exc)) from None
    if draft is None or not (draft.title or draft.paragraphs):
        raise UnreadableFile(str(path), "no article text (empty or whitespace only)")
    yield _finish(draft, path, article_id(rel), fmt, quotes, st.st_mtime)


def read_jsonl_record(
    path: Path, rel: str, line: int, offset: int, max_bytes: int, *, quotes: bool = True
) -> Article:
    """Read the one article on ``line`` (starting at byte ``offset``) of a JSON Lines file.

    Raises:
        UnreadableFile: When the file or that line cannot be read.
    """
    try:
        with path.open("rb") as handle:
            handle.seek(offset)
            raw = handle.readline(max_bytes + 1)
    except OSError as exc:
        raise UnreadableFile(str(path), os_reason(exc)) from None
    try:
        draft = _jsonl_draft(raw, line, max_bytes)
    except BadLine as exc:
        raise UnreadableFile(str(path), str(exc)) from None
    if draft is None:
        raise UnreadableFile(str(path), f"line {line}: blank")
    article = _finish(draft, path, _jsonl_id(draft, rel), "jsonl", quotes, None)
    return replace(article, offset=offset)


def read_record(
    path: Path, rel: str, line: int, offset: int, max_bytes: int, *, quotes: bool = True
) -> Article:
    """Read the one article numbered ``line`` (at byte ``offset``) of a multi-article file.

    Raises:
        UnreadableFile: When the file or that article cannot be read.
    """
    kind = web_kind(path.name)
    if kind is None:
        return read_jsonl_record(path, rel, line, offset, max_bytes, quotes=quotes)
    try:
        draft = read_web_record(path, kind, line, offset, max_bytes)
    except OSError as exc:
        raise UnreadableFile(str(path), os_reason(exc)) from None
    return _web_article(draft, path, rel, kind, quotes)


def _read_web(
    path: Path, rel: str, kind: WebKind, max_bytes: int, quotes: bool, warn: Warn | None
) -> Iterator[Article]:
    try:
        for draft in read_web(path, kind, max_bytes, lambda reason: _report(warn, path, reason)):
            yield _web_article(draft, path, rel, kind, quotes)
    except OSError as exc:
        raise UnreadableFile(str(path), os_reason(exc)) from None


def _web_article(draft: Draft, path: Path, rel: str, kind: WebKind, quotes: bool) -> Article:
    # A page file is one article (id from its path, like every file); feed entries and WARC
    # records are many, each known by its URL (like JSON lines).
    ident = article_id(rel) if kind == "html" else _jsonl_id(draft, rel)
    mtime = path.stat().st_mtime if kind == "html" else None
    article = _finish(draft, path, ident, kind, quotes, mtime)
    return replace(article, offset=draft.offset)


def _read_text(path: Path, max_bytes: int, warn: Warn | None) -> tuple[str, os.stat_result]:
    try:
        with path.open("rb") as handle:
            st = os.fstat(handle.fileno())
            if not stat.S_ISREG(st.st_mode):
                raise UnreadableFile(str(path), "not a regular file")
            if st.st_size > max_bytes:
                raise UnreadableFile(str(path), _too_large(st.st_size, max_bytes))
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise UnreadableFile(str(path), os_reason(exc)) from None
    if len(data) > max_bytes:
        raise UnreadableFile(str(path), _too_large(len(data), max_bytes))
    if not data.strip():
        raise UnreadableFile(str(path), "empty file")
    try:
        decoded = decode_bytes(data)
    except NotText as exc:
        raise UnreadableFile(str(path), str(exc)) from None
    if decoded.warning and warn:
        warn(Skipped(str(path), decoded.warning))
    return decoded.text, st


def _read_jsonl(
    path: Path, rel: str, max_bytes: int, quotes: bool, warn: Warn | None
) -> Iterator[Article]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise UnreadableFile(str(path), os_reason(exc)) from None
    with handle:
        head = handle.read(4)
        if b"\x00" in head:
            raise UnreadableFile(str(path), "binary file (contains NUL bytes)")
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
                article = _finish(draft, path, _jsonl_id(draft, rel), "jsonl", quotes, None)
                yield replace(article, offset=offset)
        if found == 0:
            raise UnreadableFile(str(path), "no readable JSON lines")


def _jsonl_draft(raw: bytes, number: int, max_bytes: int) -> Draft | None:
    if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    return parse_jsonl_line(text, number)


def _jsonl_id(draft: Draft, rel: str) -> str:
    if draft.id_hint and _CLEAN_ID.match(draft.id_hint):
        return draft.id_hint
    if draft.id_hint or draft.url:
        key = draft.id_hint or draft.url or ""
        return "u" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:15]
    return article_id(f"{rel}#L{draft.line}")


def _finish(
    draft: Draft, path: Path, ident: str, fmt: ArticleFormat, quotes: bool, mtime: float | None
) -> Article:
    date, fallback = draft.date, False
    if date is None and mtime is not None:
        date = dt.datetime.fromtimestamp(mtime, dt.UTC).date().isoformat()
        fallback = True
    return Article(
        id=ident,
        path=str(path),
        title=draft.title,
        source=draft.source,
        date=date,
        date_is_fallback=fallback,
        section=draft.section,
        author=draft.author,
        url=draft.url,
        tags=draft.tags,
        captions=draft.captions,
        paragraphs=draft.paragraphs,
        quotes=_quotes(draft.paragraphs) if quotes else (),
        format=fmt,
        line=draft.line,
    )


def _quotes(paragraphs: tuple[str, ...]) -> tuple[Quote, ...]:
    # Imported on first use: listing and snippet paths never need the extractor.
    from index.quotes import extract_quotes

    return extract_quotes(paragraphs)


def _report(warn: Warn | None, path: Path, reason: str) -> None:
    if warn is not None:
        warn(Skipped(str(path), reason))


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
