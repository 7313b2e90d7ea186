"""Split a paragraph into sentences, never inside a quoted span."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from index.quotes.lexicon.grammar import SENTENCE_ABBREVIATIONS, SENTENCE_OPENERS
from index.quotes.marks import QuotedSpan

# (``[.!?\u2026][.!?\u2026]*`` for ``[.!?\u2026]+``: a leading character class lets the scan skip
# ahead to the next candidate instead of trying every offset.)
_BOUNDARY = re.compile(
    r"[.!?\u2026][.!?\u2026]*[\"'\u201d\u2019\u00bb)\]]*(?=\s+[\"'\u201c\u2018\u00ab(\[\u2014-]*"
    r"[A-Z0-9\u00c0-\u00de])"
)
# After these the next capitalised word may still start a sentence; only common sentence
# openers are trusted to do so.
_AMBIGUOUS = re.compile(r"(?:[A-Za-z]\.){2,}$")


def _ends_with_initials(head: str) -> bool:
    """``_AMBIGUOUS.search(head)``: whether ``head`` ends with initials such as ``U.S.``.

    Settled without the search when ``head`` ends with its period (as it does when read up to
    one): the match must then end there, two characters after another period.
    """
    if head.endswith(".") and head[-3:-2] != ".":
        return False
    return _AMBIGUOUS.search(head) is not None


def _ends_with_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at ``text[dot]`` ends an abbreviation or an initial."""
    start = text.rfind(" ", 0, dot)
    token = text[start + 1 : dot]
    # A line break or no-break space after the last space starts the word instead (looked
    # for in the word only: most paragraphs hold neither).
    if "\n" in token or "\u00a0" in token:
        start = max(start, text.rfind("\n", start + 1, dot), text.rfind("\u00a0", start + 1, dot))
        token = text[start + 1 : dot]
    if "(" in token or '"' in token or "\u201c" in token:
        token = token[max(token.rfind("("), token.rfind('"'), token.rfind("\u201c")) + 1 :]
    if not token:
        return False
    if token.lower() in SENTENCE_ABBREVIATIONS:
        return True
    # A single capital is an initial ("J. Smith"), except the pronoun "I".
    return len(token) == 1 and token.isupper() and token != "I"


_NEXT_WORD = re.compile(r"\s*[\"'\u201c\u2018\u00ab(\[]*([\w']+)")


def _next_word(text: str, pos: int) -> str:
    match = _NEXT_WORD.match(text, pos)
    return match.group(1).lower() if match else ""


def split_sentences(
    text: str, spans: Sequence[QuotedSpan], lo: int = 0, hi: int | None = None
) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of the sentences of ``text[lo:hi]``.

    Boundaries inside quoted spans are ignored, so a quote and its attribution stay in one
    sentence (``"It works. It is cheap," she said.``).
    """
    stop = len(text) if hi is None else hi
    sentences: list[tuple[int, int]] = []
    start = lo
    inner = [(span.start, span.end) for span in spans if span.end > lo and span.start < stop]
    index = 0
    for match in _BOUNDARY.finditer(text, lo, stop):
        end = match.end()
        dot = match.start()
        while index < len(inner) and inner[index][1] < end:
            index += 1
        if index < len(inner) and inner[index][0] < end < inner[index][1]:
            continue
        if (
            text[dot] == "."
            and match.group()[0] == "."
            and len(match.group().rstrip("\"'\u201d\u2019\u00bb)]")) == 1
        ):
            if _ends_with_abbreviation(text, dot):
                continue
            head = text[max(lo, dot - 12) : dot + 1]
            if _ends_with_initials(head) and _next_word(text, end) not in SENTENCE_OPENERS:
                continue
        sentences.append((start, end))
        start = end
        while start < stop and text[start].isspace():
            start += 1
    # (``start`` sits on a non-space after a boundary: only test the whole tail otherwise.)
    if start < stop and (not text[start].isspace() or text[start:stop].strip()):
        sentences.append((start, stop))
    return sentences


def is_sentence_end(text: str, dot: int) -> bool:
    """Whether the period at ``text[dot]`` ends a sentence (not ``Mr.``, ``J.`` or ``U.S.``)."""
    if _ends_with_abbreviation(text, dot):
        return False
    head = text[max(0, dot - 12) : dot + 1]
    return not (_ends_with_initials(head) and _next_word(text, dot + 1) not in SENTENCE_OPENERS)


# Lower-case function words that title case never leaves lower case.
_SENTENCE_CASE_WORDS = (" the ", " of ", " and ", " to ", " a ", " is ", " was ", " that ")
_CAPITALISED = re.compile(r"(?<![\w'\u2019])[A-Z]")
_LOWER_CASE = re.compile(r"(?<![\w'\u2019])[a-z]")


@lru_cache(maxsize=1024)  # pure; asked twice of every paragraph
def is_headline(text: str) -> bool:
    """Whether a paragraph is set in title case (a headline: ``Trump Says He Will Win``)."""
    if len(text) > 300 or any(map(text.__contains__, _SENTENCE_CASE_WORDS)):
        return False
    capitalised = len(_CAPITALISED.findall(text))
    lower = len(_LOWER_CASE.findall(text))
    return capitalised + lower >= 4 and capitalised >= 4 * lower
