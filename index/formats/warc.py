"""Web archives (WARC, plain or gzipped per record): one article per HTML response, streamed.

warcio is imported on the first archive read, never at start-up. Records are read one at a
time and no more than ``max_bytes`` of any record body is held, so a file of any size reads
in constant memory. The caller sees every record (an article or the reason it is none), which
is also its progress through the file.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any, BinaryIO

from index.formats.charset import charset_of, decode_markup
from index.formats.dates import parse_date
from index.formats.decode import NotText
from index.formats.draft import Draft
from index.formats.html import NoArticle, PageContext, parse_html
from index.formats.sizes import too_large
from index.formats.urls import normalize_url

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_READ_CHUNK = 1 << 16


@dataclass(frozen=True, slots=True)
class WarcItem:
    """One record of a WARC file, read.

    Attributes:
        number: The record's number in the file, from 1.
        offset: Byte offset of the record (of its gzip member in a ``.warc.gz``).
        draft: The article, for an HTML response record that holds one.
        note: Why the record is no article, or a problem met while reading the article.
        problem: Whether ``note`` is worth telling the user (a page that could not be read,
            the file cut off) rather than an ordinary non-article record (a request, an image).
        end: Whether this is the last item because the file is cut off or damaged here.
    """

    number: int
    offset: int
    draft: Draft | None = None
    note: str | None = None
    problem: bool = False
    end: bool = False


def iter_warc(stream: BinaryIO, max_bytes: int, *, first_number: int = 1) -> Iterator[WarcItem]:
    """Read the records of a WARC stream from its current position, one item per record.

    A file cut off (or damaged) in the middle of a record ends with an item marked ``end``
    that says where; the records before it are read as usual.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    records = ArchiveIterator(stream)
    number = first_number - 1
    seen: dict[str, int] = {}
    while True:
        number += 1
        try:
            record = next(records)
        except StopIteration:
            return
        except (ArchiveLoadFailed, EOFError, OSError, zlib.error, ValueError) as exc:
            yield _cut(number, records, f"not a readable WARC record ({_reason(exc)})")
            return
        try:
            item = _read_record(record, number, max_bytes)
            records.read_to_end()
        except (EOFError, OSError, zlib.error, ValueError) as exc:
            yield _cut(number, records, f"damaged ({_reason(exc)})")
            return
        offset = records.get_record_offset()
        if record.raw_stream.limit > 0:
            yield WarcItem(number, offset, note=_cut_note(number, offset), problem=True, end=True)
            return
        item = replace(item, offset=offset)
        if item.draft is not None and item.draft.url is not None:
            first = seen.setdefault(item.draft.url, number)
            if first != number:
                note = f"record {number}: same URL as record {first}; kept the first"
                item = WarcItem(number, offset, note=note, problem=True)
        if item.draft is not None:
            item = replace(item, draft=replace(item.draft, line=number, offset=offset))
        yield item


def _read_record(record: Any, number: int, max_bytes: int) -> WarcItem:
    kind = record.rec_type
    if kind != "response":
        return WarcItem(number, 0, note=f"{kind} record")
    headers = record.http_headers
    if headers is None:
        return WarcItem(number, 0, note="response without HTTP headers")
    status = headers.get_statuscode() or ""
    if not status.startswith("2"):
        return WarcItem(number, 0, note=f"HTTP status {status or 'missing'}")
    content_type = headers.get_header("content-type") or ""
    if not content_type.lower().lstrip().startswith(_HTML_TYPES):
        return WarcItem(number, 0, note=f"not a page ({content_type.split(';')[0] or 'no type'})")
    target = (record.rec_headers.get_header("WARC-Target-URI") or "").strip("<> ")
    where = f"record {number} ({target})" if target else f"record {number}"
    if record.length and record.length > max_bytes:
        return WarcItem(
            number, 0, note=f"{where}: {too_large(record.length, max_bytes)}", problem=True
        )
    data = _read_capped(record.content_stream(), max_bytes)
    if len(data) > max_bytes:
        note = f"{where}: {too_large(len(data), max_bytes)} once decompressed"
        return WarcItem(number, 0, note=note, problem=True)
    try:
        decoded = decode_markup(data, charset_of(content_type))
    except NotText as exc:
        return WarcItem(number, 0, note=f"{where}: {exc}", problem=True)
    captured = parse_date(record.rec_headers.get_header("WARC-Date"))
    context = PageContext(url=normalize_url(target), date=captured)
    try:
        draft = parse_html(decoded.text, context)
    except NoArticle as exc:
        return WarcItem(number, 0, note=f"{where}: {exc}", problem=True)
    warning = f"{where}: {decoded.warning}" if decoded.warning else None
    return WarcItem(number, 0, draft=draft, note=warning, problem=warning is not None)


def _read_capped(stream: Any, max_bytes: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size <= max_bytes:
        chunk = stream.read(min(_READ_CHUNK, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _cut(number: int, records: Any, why: str) -> WarcItem:
    offset = getattr(records, "offset", 0)
    return WarcItem(
        number, offset, note=f"record {number} at byte {offset}: {why}", problem=True, end=True
    )


def _cut_note(number: int, offset: int) -> str:
    return f"cut off in record {number} (at byte {offset}); the records before it were read"


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__
