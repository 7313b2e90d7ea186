"""Pair quotation marks inside one paragraph into quoted spans.

Marks are paired per paragraph so that one stray mark can only disturb its own paragraph. A
paragraph that ends inside a quote is left open; the caller decides whether the next paragraph
continues it (it does when the next paragraph opens with a quote mark).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import NamedTuple

# Double marks first: a doubled apostrophe is the double quote of some archives (NYT), and a
# tripled one is a nested single quote touching a double one.
_DOUBLE_GLYPHS = '"\u201c\u201d\u201e\u201f\u00ab\u00bb'
# Every branch starts with a literal, so ``re`` skips straight to the next candidate mark.
_DOUBLE_MARK = re.compile("'''|''|``|" + "|".join(_DOUBLE_GLYPHS))
_SINGLE_OPEN = re.compile(r"(?<![\w\u2019'])[\u2018\u2039\u201a'](?=[^\W_])")
_SINGLE_CLOSE = re.compile(r"(?<=[^\s\u2018\u2039\u201a'])[\u2019\u203a'](?![^\W_])")

_OPEN_CONTEXT = frozenset(" \t\n\u00a0([{\u2014\u2013-/:;,>")
_CLOSE_CONTEXT = frozenset(" \t\n\u00a0)]}.,;:!?\u2014\u2013-/<")
_LETTERS_AFTER_CLOSE = frozenset("s")  # `"foo"s` is rare; keep the set tiny on purpose

SENTENCE_END = frozenset(".!?")
MAX_MARKS = 5000
"""Quote marks read per paragraph: a real one holds far fewer, a pathological one costs no more."""


# (a named tuple rather than a frozen dataclass: as immutable, and cheaper to build, which
# the extractor does many times per paragraph)
class QuotedSpan(NamedTuple):
    """A quoted stretch of one paragraph.

    Attributes:
        open: Offset of the opening mark (equals ``start`` when there was none).
        start: Offset of the first character inside the marks.
        end: Offset just past the last character inside the marks.
        close: Offset just past the closing mark (equals ``end`` when unclosed).
        closed: Whether a closing mark was found.
        double: Whether double marks (rather than single ones) enclose the span.
    """

    open: int
    start: int
    end: int
    close: int
    closed: bool
    double: bool = True

    @property
    def text_len(self) -> int:
        """Number of characters inside the marks."""
        return self.end - self.start


def _kind(mark: str) -> str:
    """Classify a mark as ``open``, ``close`` or ``either`` by its glyph alone."""
    if mark in ("\u201c", "\u201e", "\u201f", "\u00ab", "``"):
        return "open"
    if mark in ("\u201d", "\u00bb"):
        return "close"
    return "either"


def _context(text: str, start: int, end: int) -> tuple[bool, bool]:
    """Say whether the mark at ``text[start:end]`` sits where an opener / a closer would."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    can_open = not after.isspace() and (before in _OPEN_CONTEXT or before in "\"\u201c\u201e'")
    can_close = not before.isspace() and (
        after in _CLOSE_CONTEXT or after in "\"\u201d'\u2019" or after in _LETTERS_AFTER_CLOSE
    )
    return can_open, can_close


def _angle_reversed(text: str) -> bool:
    """German typesetting uses >>text<< (reversed guillemets); detect it by the first one."""
    first_close = text.find("\u00bb")
    first_open = text.find("\u00ab")
    return (
        first_close != -1
        and (first_open == -1 or first_close < first_open)
        and (first_close + 1 < len(text) and not text[first_close + 1].isspace())
    )


def _has_double_mark(text: str) -> bool:
    """Whether ``text`` holds anything ``_DOUBLE_MARK`` could match (a cheap pre-check).

    A chain of substring tests (``''`` also finds ``'''``): each is a fast scan for one
    character, faster than a search with ``_DOUBLE_MARK``, which stops at every apostrophe.
    """
    return (
        '"' in text
        or "\u201c" in text
        or "\u201d" in text
        or "''" in text
        or "``" in text
        or "\u201e" in text
        or "\u201f" in text
        or "\u00ab" in text
        or "\u00bb" in text
    )


def find_double_spans(text: str) -> list[QuotedSpan]:
    """Pair the double quotation marks of one paragraph.

    Args:
        text: One paragraph.

    Returns:
        Quoted spans in order; the last one may be unclosed (running to the paragraph end).
    """
    if not _has_double_mark(text):
        return []  # most paragraphs quote nobody
    spans: list[QuotedSpan] = []
    reversed_angles = "\u00bb" in text and _angle_reversed(text)
    open_at = -1  # offset of the pending opening mark
    inner_start = -1
    opener = ""
    count = start = 0
    for count, match in enumerate(_DOUBLE_MARK.finditer(text)):
        mark = match.group()
        start, end = match.span()
        if count == MAX_MARKS:
            break  # (no prose holds that many: the rest of the paragraph is read unquoted)
        if mark == "'''":
            # Either a nested single closing next to a double closing, or the reverse.
            if open_at >= 0:
                start += 1
            else:
                end -= 1
            mark = "''"
        kind = _kind(mark)
        if reversed_angles and mark in "\u00ab\u00bb":
            kind = "open" if mark == "\u00bb" else "close"
        can_open, can_close = _context(text, start, end)
        if open_at < 0:
            if kind == "open" or (kind == "either" and (can_open or not can_close)):
                open_at, inner_start, opener = start, end, mark
            elif kind == "close" and can_open and not can_close:
                # A closing glyph used as an opener (Swedish style or a typo).
                open_at, inner_start, opener = start, end, mark
            continue
        closes = (
            kind == "close"
            or (kind == "either" and (can_close or not can_open))
            or (opener == "\u201e" and mark == "\u201c")
            or (kind == "open" and can_close and not can_open)
        )
        if closes:
            spans.append(QuotedSpan(open_at, inner_start, start, end, True))
            open_at = -1
            continue
        # An opener while a quote is open: the previous quote lost its closing mark.
        spans.append(QuotedSpan(open_at, inner_start, _trim_end(text, start), start, False))
        open_at, inner_start, opener = start, end, mark
    if open_at >= 0:
        stop = start if count == MAX_MARKS else len(text)
        spans.append(QuotedSpan(open_at, inner_start, _trim_end(text, stop), stop, False))
    return [span for span in spans if span.end > span.start]


def find_single_spans(text: str, lo: int = 0, hi: int | None = None) -> list[QuotedSpan]:
    """Pair single quotation marks in ``text[lo:hi]`` (used when a text has no double marks).

    Apostrophes look like closing single marks, so a closer only counts when it ends a run that
    started with an opener at a word boundary; unmatched marks are ignored.
    """
    stop = len(text) if hi is None else hi
    spans: list[QuotedSpan] = []
    pos = lo
    while pos < stop and len(spans) < MAX_MARKS // 2:
        opened = _SINGLE_OPEN.search(text, pos, stop)
        if opened is None:
            break
        closed = _SINGLE_CLOSE.search(text, opened.end(), stop)
        if closed is None:
            break
        inner = text[opened.end() : closed.start()]
        if "\n" not in inner and len(inner.strip()) > 1:  # (not "R 'n' B": a letter)
            spans.append(
                QuotedSpan(opened.start(), opened.end(), closed.start(), closed.end(), True, False)
            )
        pos = closed.end()
    return spans


def _trim_end(text: str, end: int) -> int:
    """Move ``end`` left past trailing whitespace."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def opens_with_quote(text: str) -> bool:
    """Whether a paragraph starts with an opening double mark (continuing a quote)."""
    stripped = text.lstrip()
    if not stripped:
        return False
    head = stripped[:2]
    return head == "''" or head == "``" or stripped[0] in '"\u201c\u201e\u00ab\u201f'


# An opening single mark: a curly or low one, or an apostrophe that opens a word. Every branch
# starts with a literal mark so that ``re`` skips ahead to the next mark instead of trying the
# pattern at every offset; the lookbehind, written after the apostrophe, checks the character
# before it.
_SINGLE_MARKS = re.compile("\u2018|\u2039|\u201a|'(?<![\\w'\u2019]')(?=[^\\W\\d_])")
_NICKNAME_WORDS = re.compile(r"[A-Z][\w'\u2019.-]*(?: [A-Z][\w'\u2019.-]*)?")


def _may_hold_single_marks(text: str) -> bool:
    """Whether ``text`` holds a character that ``_SINGLE_MARKS`` starts with.

    Substring tests, faster than the search: most paragraphs hold none (their apostrophes are
    curly ones, which open no quote).
    """
    return "'" in text or "\u2018" in text or "\u2039" in text or "\u201a" in text


def is_nickname(text: str, span: QuotedSpan) -> bool:
    """Whether the quoted words are a nickname inside a name (``Marcia "Cia" Price``)."""
    if not _NICKNAME_WORDS.fullmatch(text, span.start, span.end):
        return False
    before = text[max(0, span.open - 40) : span.open].split()
    after = text[span.close : span.close + 40].split()
    return bool(before and after and before[-1][:1].isupper() and after[0][:1].isupper())


def paragraph_spans(text: str, single: bool = True, nicknames: bool = True) -> list[QuotedSpan]:
    """The quoted spans of a paragraph: double marks, else single ones (British style).

    ``single`` allows single marks; ``nicknames`` drops nicknames inside names.
    """
    spans = find_double_spans(text)
    if not spans and single and _may_hold_single_marks(text) and _SINGLE_MARKS.search(text):
        spans = find_single_spans(text)
    if spans:
        # Marks around nothing but spaces quote nothing (and cost every later stage).
        spans = [span for span in spans if not text[span.start : span.end].isspace()]
    if spans and nicknames:
        return [span for span in spans if not is_nickname(text, span)]
    return spans


# The attribution that ends the first sentence of a quote whose closing mark is missing:
# '"The pier is safe, Ada Vik said.' (and no quote runs on into the next paragraph).
_STRANDED_ATTRIBUTION = re.compile(
    r",\s+(?:(?:said|says|added|adds)\s+[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}"
    r"|(?:[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}|he|she|they)\s+"
    r"(?:said|says|added|adds))(?:\.?\s*$|\.\s)"
)


def close_stranded(text: str, span: QuotedSpan) -> QuotedSpan:
    """Close an unclosed quote before an attribution stranded inside it, if there is one."""
    found = _STRANDED_ATTRIBUTION.search(text, span.start, span.end)
    if found is None or found.start() - span.start < 10:
        return span
    return span._replace(end=found.start(), close=found.start(), closed=True)


# A sentence that introduces a quote with a colon, at the end of an unclosed quote whose
# closing mark is missing: '"It will pass. Our coach Ada Vik said: "We go on."'.
_COLON_INTRODUCTION = re.compile(
    r"(?<=[.!?])\s+[A-Z][^.!?\"\u201c\u201d]{0,100}\s(?:said|says|added|adds|told\s[^.!?:]{1,40}):\s*$"
)


def cut_before_colon(text: str, span: QuotedSpan) -> QuotedSpan:
    """End an unclosed quote before a sentence at its end that introduces the next quote."""
    found = _COLON_INTRODUCTION.search(text, span.start, span.end)
    if found is None or found.start() - span.start < 10:
        return span
    end = _trim_end(text, found.start())
    return span._replace(end=end, close=end, closed=True)


def _open_of(span: QuotedSpan) -> int:
    return span.open


def _close_of(span: QuotedSpan) -> int:
    return span.close


def span_at(spans: Sequence[QuotedSpan], pos: int) -> QuotedSpan | None:
    """The span whose marks enclose ``pos`` (``open <= pos < close``), found by bisection.

    A paragraph's spans are in order and do not overlap, so their opens and closes are sorted.
    """
    at = bisect.bisect_right(spans, pos, key=_open_of) - 1
    return spans[at] if at >= 0 and pos < spans[at].close else None


def spans_between(spans: Sequence[QuotedSpan], start: int, end: int) -> range:
    """The indexes of the spans that close at or after ``start`` and open before ``end``."""
    return range(
        bisect.bisect_left(spans, start, key=_close_of),
        bisect.bisect_left(spans, end, key=_open_of),
    )
