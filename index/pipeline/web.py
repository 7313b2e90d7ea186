"""Web files on disk: saved pages (gzipped too), feeds and WARC files, to drafts.

This is the one door ``index.read`` opens for web formats: it picks the kind from the file
name, applies the size limit (to the decompressed page, to each WARC record), and turns
every failure of the whole file into :class:`UnreadableFile`.
"""

from __future__ import annotations

import gzip
import os
import stat
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, Literal

from index.api.errors import UnreadableFile
from index.formats.charset import decode_markup
from index.formats.decode import NotText
from index.formats.draft import Draft
from index.formats.feed import NotAFeed, check_feed_root, parse_feed
from index.formats.html import NoArticle, parse_html
from index.formats.sizes import too_large
from index.formats.warc import iter_warc

WebKind = Literal["html", "feed", "warc"]

_KINDS: dict[str, WebKind] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".warc": "warc",
}
_GZIPPED_KINDS = frozenset({"html", "warc"})

Warn = Callable[[str], None]


def web_kind(name: str) -> WebKind | None:
    """The web format of a file name (``page.html.gz`` is html), or None for other files."""
    lower = name.lower()
    gzipped = lower.endswith(".gz")
    if gzipped:
        lower = lower[:-3]
    dot = lower.rfind(".")
    kind = _KINDS.get(lower[dot:]) if dot > 0 else None
    if gzipped and kind not in _GZIPPED_KINDS:
        return None
    return kind


def read_web(path: Path, kind: WebKind, max_bytes: int, warn: Warn) -> Iterator[Draft]:
    """The articles of one web file; ``warn`` gets problems that skip a part of it only.

    Raises:
        UnreadableFile: When the file as a whole cannot be read; raised before any article.
        OSError: When the file cannot be opened or read.
    """
    if kind == "html":
        yield _page(path, max_bytes, warn)
    elif kind == "feed":
        yield from _feed(path, max_bytes, warn)
    else:
        yield from _warc(path, max_bytes, warn)


def _page(path: Path, max_bytes: int, warn: Warn) -> Draft:
    data = _gunzipped(path, max_bytes) if path.name.lower().endswith(".gz") else None
    if data is None:
        data = _whole(path, max_bytes)
    if not data.strip():
        raise UnreadableFile(str(path), "empty file")
    try:
        decoded = decode_markup(data)
        draft = parse_html(decoded.text)
    except (NotText, NoArticle) as exc:
        raise UnreadableFile(str(path), str(exc)) from None
    if decoded.warning:
        warn(decoded.warning)
    return draft


def _feed(path: Path, max_bytes: int, warn: Warn) -> Iterator[Draft]:
    data = _whole(path, max_bytes)
    found = 0
    try:
        check_feed_root(data)
        for draft in parse_feed(data, warn):
            found += 1
            yield draft
    except NotAFeed as exc:
        raise UnreadableFile(str(path), str(exc)) from None
    if not found:
        raise UnreadableFile(str(path), "a feed with no entries")


def _warc(path: Path, max_bytes: int, warn: Warn) -> Iterator[Draft]:
    found = records = 0
    with _open(path) as handle:
        for item in iter_warc(handle, max_bytes):
            records += 1
            if item.end and records == 1:
                raise UnreadableFile(str(path), item.note or "not a WARC file")
            if item.problem and item.note:
                warn(item.note)
            if item.draft is not None:
                found += 1
                yield item.draft
    if not found:
        raise UnreadableFile(str(path), f"no HTML pages in the web archive ({records} records)")


def _open(path: Path) -> BinaryIO:
    handle = path.open("rb")
    if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
        handle.close()
        raise UnreadableFile(str(path), "not a regular file")
    return handle


def _whole(path: Path, max_bytes: int) -> bytes:
    with _open(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > max_bytes:
            raise UnreadableFile(str(path), too_large(size, max_bytes))
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise UnreadableFile(str(path), too_large(len(data), max_bytes))
    return data


def _gunzipped(path: Path, max_bytes: int) -> bytes:
    """The decompressed file, refused past ``max_bytes`` however small the compressed one."""
    with _open(path) as raw, gzip.GzipFile(fileobj=raw) as handle:
        try:
            data = handle.read(max_bytes + 1)
        except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
            raise UnreadableFile(str(path), f"damaged gzip file ({exc})") from None
    if len(data) > max_bytes:
        raise UnreadableFile(str(path), f"{too_large(len(data), max_bytes)} once decompressed")
    return data
