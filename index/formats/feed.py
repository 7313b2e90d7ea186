"""News feeds (RSS 0.9x-2.0, RSS 1.0, Atom): one article per entry, by feedparser.

feedparser is imported on the first feed read, never at start-up. It drops the entity
declarations of a document type (so entity-expansion bombs expand to nothing), never fetches
anything when given bytes, and strips scripts and styles from entry HTML, which then goes
through the same extraction as saved pages.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Iterator
from typing import Any

from index.formats.charset import decode_markup
from index.formats.decode import clean_text
from index.formats.draft import Draft, short_title, split_blocks, tidy
from index.formats.html import fragment_text
from index.formats.urls import normalize_url

MAX_TAGS = 50
_HEAD_BYTES = 65536
_FEED_ROOTS = frozenset({"rss", "feed", "rdf", "channel"})
_SKIP_PROLOG = re.compile(r"\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>", re.S | re.I)
_FIRST_TAG = re.compile(r"<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")


class NotAFeed(ValueError):
    """The file is not an RSS or Atom feed."""


def root_element(head: bytes) -> str | None:
    """The name (without namespace prefix, lower case) of an XML document's first element."""
    try:
        text = decode_markup(head[:_HEAD_BYTES]).text
    except ValueError:
        return None
    position = 0
    while True:
        skipped = _SKIP_PROLOG.match(text, position)
        if skipped is None or skipped.end() == position:
            break
        position = skipped.end()
    found = _FIRST_TAG.match(text, position)
    return found.group(2).lower() if found else None


def check_feed_root(head: bytes) -> None:
    """Refuse, with the reason, a document whose first element cannot start a feed.

    Raises:
        NotAFeed: When the document is HTML or another kind of XML (a sitemap, an SVG...).
    """
    root = root_element(head)
    if root in _FEED_ROOTS:
        return
    if root == "html":
        raise NotAFeed("not a feed: an HTML page (save it as .html to read it as one)")
    kind = f"XML whose root element is <{root}>" if root else "not XML"
    raise NotAFeed(f"not a feed: {kind}")


def parse_feed(data: bytes, warn: Callable[[str], None]) -> Iterator[Draft]:
    """Read every entry of a feed as an article, in feed order.

    ``warn`` receives the problems that do not stop the feed: a document that is not
    well-formed XML (read leniently), an entry with no text, the same link twice.

    Raises:
        NotAFeed: When the document is not a feed.
    """
    import feedparser

    check_feed_root(data)
    parsed = feedparser.parse(data, sanitize_html=True)
    if not parsed.version and not parsed.entries:
        raise NotAFeed("not a feed: no RSS or Atom channel in the document")
    if parsed.bozo:
        problem = getattr(parsed.get("bozo_exception"), "getMessage", lambda: "")()
        warn(f"not well-formed XML ({problem or 'damaged'}); read leniently")
    source = _text(parsed.feed.get("title")) or None
    seen: dict[str, int] = {}
    for number, entry in enumerate(parsed.entries, start=1):
        draft = _entry(entry, source, number)
        if draft is None:
            warn(f"entry {number}: no title and no text")
            continue
        if draft.url is not None:
            first = seen.setdefault(draft.url, number)
            if first != number:
                warn(f"entry {number}: same link as entry {first}; kept the first")
                continue
        yield draft


def _entry(entry: Any, source: str | None, number: int) -> Draft | None:
    paragraphs, captions = _body(entry)
    title = _text(entry.get("title"))
    if not title and paragraphs:
        title = short_title(paragraphs[0])[0]
    if not title:
        return None
    link = entry.get("link") or ""
    guid = entry.get("id") or ""
    url = normalize_url(link) or normalize_url(guid)
    tags = [_text(tag.get("term"))[:80] for tag in (entry.get("tags") or ())[:MAX_TAGS]]
    return Draft(
        title=short_title(title)[0],
        paragraphs=paragraphs,
        captions=captions,
        source=source,
        date=_date(entry),
        author=_text(entry.get("author"))[:200] or None,
        url=url,
        tags=tuple(dict.fromkeys(t for t in tags if t)),
        line=number,
    )


def _body(entry: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    parts = list(entry.get("content") or ())
    summary = entry.get("summary_detail")
    if summary:
        parts.append(summary)
    # The fullest version wins: RSS often has a teaser in <description> and the article in
    # <content:encoded>.
    best = max(parts, key=lambda part: len(part.get("value") or ""), default=None)
    if best is None or not (best.get("value") or "").strip():
        return (), ()
    value = best["value"]
    if "html" not in (best.get("type") or "text/html"):
        blocks = split_blocks(clean_text(value))
        return tuple(blocks), ()
    return fragment_text(value)


def _date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        stamp = entry.get(key)
        if stamp:
            try:
                return dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday).isoformat()
            except ValueError:
                continue
    return None


def _text(value: Any) -> str:
    if not isinstance(value, str):
        return ""
    # Titles are plain text in feedparser's output, but entity-escaped markup slips through.
    return tidy(clean_text(html.unescape(value)))


def feed_links(data: bytes) -> list[str]:
    """The normalized article links of a feed, in feed order (repeats included)."""
    import feedparser

    links = []
    for entry in feedparser.parse(data, sanitize_html=False).entries:
        url = normalize_url(entry.get("link") or "") or normalize_url(entry.get("id") or "")
        if url:
            links.append(url)
    return links
