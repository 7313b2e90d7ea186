"""Saved web pages: the article's main text and metadata, by trafilatura, offline.

trafilatura (with lxml) is imported on the first page read, never at start-up: the command
line and the app must not pay for it when no archive holds a page.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from index.formats.dates import parse_date
from index.formats.decode import clean_text
from index.formats.draft import Draft, short_title, tidy
from index.formats.pagemeta import page_metadata
from index.formats.urls import absolute_url

MAX_TAGS = 50
_MIN_ALT_WORDS = 4
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.I)
_SINGLEFILE_URL = re.compile(r"<!--\s*Page saved with SingleFile\s+url:\s*(\S+)", re.I)
# Elements of trafilatura's output whose children are paragraphs of their own.
_BLOCK_TAG = re.compile(r"<(?:p|div|br|li|h[1-6]|blockquote|table|figure|section)\b", re.I)
_NOTHING = "no article text in the page (only navigation or boilerplate)"
_LEAD_BLOCKS = 3
# Class and id words of page furniture that trafilatura can leave inside an article
# (an advert between two paragraphs, share buttons, a newsletter box).
_FURNITURE = frozenset(
    {
        "ad", "ads", "advert", "adverts", "advertisement", "sponsored", "promo", "share",
        "sharing", "social", "newsletter", "related", "relatedposts", "recommended",
        "outbrain", "taboola", "comments", "cookie", "consent", "gdpr", "subscribe", "paywall",
    }
)  # fmt: skip
_WORDS = re.compile(r"[\s_-]+")
_KEEP = frozenset({"html", "body", "main", "article"})
_CONTAINERS = frozenset({"list", "quote", "div"})
_ROW_CELL = " | "


class NoArticle(ValueError):
    """The page holds no article text (only navigation and boilerplate, or nothing at all)."""


@dataclass(frozen=True, slots=True)
class PageContext:
    """What the container of a page knows about it (a WARC record, a feed entry).

    Attributes:
        url: The address the page was captured or linked from.
        date: ISO date of the capture, used when the page has no date of its own.
        title: A title to use when the page has none (a feed entry's).
    """

    url: str | None = None
    date: str | None = None
    title: str | None = None


def parse_html(text: str, context: PageContext | None = None) -> Draft:
    """Extract the article of one decoded HTML page: main text, title, metadata, captions.

    Raises:
        NoArticle: When no article text is found.
    """
    context = context or PageContext()
    tree = _load(text)
    figures = _figure_captions(tree)
    _prune_boilerplate(tree)
    meta = page_metadata(tree)
    title = _clean(meta.title) or (context.title and _clean(context.title))
    categories = [_clean(c) for c in meta.categories]
    paragraphs, captions = _blocks(_extract(tree), {title, *categories}, figures)
    if not title:
        title = short_title(paragraphs[0])[0]
    base = _saved_from(text) or context.url
    url = absolute_url(meta.url, base) or absolute_url(base, None)
    tags = [_clean(t)[:80] for tag in meta.tags for t in tag.split(",")][:MAX_TAGS]
    return Draft(
        title=short_title(title)[0],
        paragraphs=tuple(paragraphs),
        captions=tuple(dict.fromkeys(captions)),
        source=_clean(meta.sitename) or _clean(meta.hostname) or None,
        date=parse_date(meta.date) or context.date,
        section=next((c for c in categories if c), None),
        author=_clean(meta.author)[:200] or None,
        url=url,
        tags=tuple(dict.fromkeys(t for t in tags if t)),
    )


def fragment_text(fragment: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The paragraphs and captions of an HTML fragment (a feed entry), by the page path."""
    if not _BLOCK_TAG.search(fragment):
        fragment = f"<p>{fragment}</p>"  # loose text, which the extractor would pass over
    try:
        tree = _load(f"<html><body><article>{fragment}</article></body></html>")
        figures = _figure_captions(tree)
        _prune_boilerplate(tree)
        paragraphs, captions = _blocks(_extract(tree), set(), figures)
    except NoArticle:
        return (), ()
    return tuple(paragraphs), tuple(dict.fromkeys(captions))


def _load(text: str) -> Any:
    from trafilatura.utils import load_html

    tree = load_html(text)
    if tree is None:
        raise NoArticle("not an HTML page (nothing to parse)")
    return tree


def _extract(tree: Any) -> Any:
    """The article body as trafilatura's XML tree."""
    from trafilatura import bare_extraction

    document: Any = bare_extraction(tree, options=_options())
    if document is None or document.body is None:
        raise NoArticle(_NOTHING)
    return document.body


@cache
def _options() -> Any:
    """One set of extractor options for every page (building them per page costs time)."""
    from trafilatura.settings import Extractor

    # trafilatura logs every discarded page; the reason reaches the user through NoArticle.
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).addHandler(logging.NullHandler())
    # Precision over recall (boilerplate must never reach the index), no comments, and no
    # second-opinion extractors: on news pages they change little and cost half the time.
    return Extractor(
        output_format="python",
        fast=True,
        precision=True,
        comments=False,
        images=True,
        tables=True,
        with_metadata=False,  # see index.formats.pagemeta
    )


def _blocks(
    body: Any, headings: set[str | None], figures: dict[str, str]
) -> tuple[list[str], list[str]]:
    repeats = {h.casefold() for h in headings if h}
    paragraphs: list[str] = []
    captions: list[str] = []
    for element in _walk(body):
        if element.tag == "graphic":
            caption = _caption(element, figures)
            if caption:
                captions.append(caption)
            continue
        if element.tag == "table":
            rows = (_ROW_CELL.join(_text(cell) for cell in row) for row in element.iter("row"))
            paragraphs.extend(row for row in rows if row.strip(" |"))
            continue
        text = _text(element)
        if not text:
            continue
        if len(paragraphs) < _LEAD_BLOCKS and text.casefold() in repeats:
            continue  # the headline or the section name repeated at the top of the body
        paragraphs.append(text)
    if not paragraphs:
        raise NoArticle(_NOTHING)
    return paragraphs, captions


def _walk(body: Any) -> Iterator[Any]:
    for element in body:
        if element.tag in _CONTAINERS and len(element):
            lead = _clean(element.text)
            if lead:
                yield _Text(lead)
            yield from _walk(element)
        else:
            yield element


class _Text:
    """Loose text inside a container, handled like a paragraph element."""

    tag = "p"

    def __init__(self, text: str) -> None:
        self.text = text

    def itertext(self) -> Iterator[str]:
        yield self.text

    def iter(self, _tag: str) -> Iterator[Any]:
        return iter(())


def _text(element: Any) -> str:
    return _clean("".join(element.itertext()))


def _caption(graphic: Any, figures: dict[str, str]) -> str:
    src = graphic.get("src") or ""
    caption = figures.get(src) or _clean(graphic.get("title"))
    if caption:
        return caption
    alt = _clean(graphic.get("alt"))
    return alt if len(alt.split()) >= _MIN_ALT_WORDS else ""


def _prune_boilerplate(tree: Any) -> None:
    """Drop furniture named as such (``class="advert advert-inline"``) before extraction."""
    doomed = []
    for element in tree.iter("div", "aside", "section", "ul", "form", "iframe", "span", "p"):
        names = f"{element.get('class') or ''} {element.get('id') or ''}"
        if names.strip() and not _FURNITURE.isdisjoint(_WORDS.split(names.lower())):
            doomed.append(element)
    for element in doomed:
        parent = element.getparent()
        if parent is not None and element.tag not in _KEEP and element.find(".//article") is None:
            parent.remove(element)


def _figure_captions(tree: Any) -> dict[str, str]:
    """Caption text by image address, from the page's ``<figure>`` elements."""
    captions: dict[str, str] = {}
    for figure in tree.iter("figure"):
        caption = next(figure.iter("figcaption"), None)
        if caption is None:
            continue
        text = _clean("".join(caption.itertext()))
        for image in figure.iter("img"):
            for attribute in ("src", "data-src"):
                src = image.get(attribute)
                if src and text:
                    captions.setdefault(src, text)
    return captions


def _saved_from(text: str) -> str | None:
    head = text[:4096]
    found = _SAVED_FROM.search(head) or _SINGLEFILE_URL.search(head)
    return found.group(1) if found else None


def _clean(value: Any) -> str:
    return tidy(clean_text(value)) if isinstance(value, str) else ""
