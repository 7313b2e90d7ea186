"""Scraped news pages saved as text: breadcrumb, title, source/date line, images, captions, body.

The shape, as in the seed article::

    Home>Latest
    Seminar held to boost Shanghai-London fintech sector links
    chinadaily.com.cn Updated:2019-03-25
    1.jpg
    A panoramic view of Lujiazui Financial City ... [Photo/VCG]
    A roundtable seminar ...
"""

from __future__ import annotations

import re

from index.formats.dates import parse_date
from index.formats.draft import Draft, short_title, split_blocks

_HEAD_LINES = 6
_BREADCRUMB = re.compile(r"^[^\s>][^>.!?]{0,40}(?:\s*(?:>|»|›)\s*[^>.!?]{1,40}){1,5}$")
_BREADCRUMB_SPLIT = re.compile(r"\s*(?:>|»|›)\s*")
_IMAGE = re.compile(r"^\S{0,200}\.(?:jpe?g|png|gif|webp|bmp|svg)(?:\?\S*)?$", re.IGNORECASE)
_CAPTION = re.compile(
    r"(?:\[(?:Photo|Image|Picture|Video)\b[^\]]{0,80}\]|\((?:Photo|Image):[^)]{0,80}\))\s*$"
)
_DATE_PART = re.compile(
    r"(?:(?:Updated|Published|Posted|Date)\s*:?\s*)?"
    r"(\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?)",
    re.IGNORECASE,
)
_DOMAIN = re.compile(r"^(?:www\.)?[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
_BYLINE = re.compile(r"^By\s+(.{2,80})$", re.IGNORECASE)
_HOME = {"home", "homepage", "index", "front page"}


def looks_scraped(text: str) -> bool:
    """True when the first lines of ``text`` carry a scraped page's marks."""
    head = [line.strip() for line in text.strip().split("\n", 40)[:40] if line.strip()]
    head = head[:_HEAD_LINES]
    return (
        any(
            _BREADCRUMB.match(line)
            or _source_line(line)
            or _IMAGE.match(line)
            or _CAPTION.search(line)
            for line in head
        )
        and len(head) >= 2
    )


def parse_scraped(text: str) -> Draft | None:
    """Parse a scraped page; None when there is no text at all."""
    blocks = split_blocks(text)
    if not blocks:
        return None
    section = None
    if len(blocks) > 1 and _BREADCRUMB.match(blocks[0]):
        crumbs = [c for c in _BREADCRUMB_SPLIT.split(blocks.pop(0)) if c]
        named = [c for c in crumbs if c.lower() not in _HOME]
        section = named[-1] if named else None
    title, overflow = short_title(blocks.pop(0))
    source = date = author = None
    # The source/date line sits right under the title, sometimes after an image line.
    for i, block in enumerate(blocks[:3]):
        found = _source_line(block)
        if found:
            source, date, author = found
            del blocks[i]
            break
    paragraphs: list[str] = [] if overflow is None else [overflow]
    captions: list[str] = []
    for block in blocks:
        if _IMAGE.match(block):
            continue
        (captions if _CAPTION.search(block) else paragraphs).append(block)
    return Draft(
        title=title,
        paragraphs=tuple(paragraphs),
        captions=tuple(captions),
        source=source,
        date=date,
        section=section,
        author=author,
    )


def _source_line(line: str) -> tuple[str | None, str | None, str | None] | None:
    """Split ``chinadaily.com.cn Updated:2019-03-25`` (or ``By X | site | date``) into parts."""
    if len(line) > 160:
        return None
    date_match = _DATE_PART.search(line)
    if not date_match:
        return None
    date = parse_date(date_match.group(1))
    rest = (line[: date_match.start()] + " " + line[date_match.end() :]).strip(" |\u00b7-\u2013,")
    source = author = None
    for part in (p.strip(" \u00b7-\u2013,") for p in rest.split("|")):
        if not part:
            continue
        if byline := _BYLINE.match(part):
            author = byline.group(1).strip()
        elif _DOMAIN.match(part) or (source is None and len(part.split()) <= 4):
            source = part
        else:
            return None
    if date is None and source is None:
        return None
    return source, date, author
