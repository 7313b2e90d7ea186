"""Finding query terms in article text: hit spans for the app, snippets for result lists."""

from __future__ import annotations

import re
from functools import lru_cache

from index.api.records import Highlight, Snippet
from index.corpus.article import PARAGRAPH_SEPARATOR
from index.engines.analysis.terms import stem_hint
from index.engines.whoosh.analysis import NewsAnalyzer

_ANALYZER = NewsAnalyzer()


def hit_spans(text: str, highlight: Highlight) -> list[tuple[int, int]]:
    """Character spans of ``highlight``'s hits in ``text``: each word alone, and each phrase
    as one span where its words stand together (its words elsewhere are no hits)."""
    if not highlight or not text:
        return []
    terms = set(highlight.terms)
    if not highlight.phrases:
        return _ANALYZER.spans(text, terms)
    starting: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(highlight.phrases, key=len, reverse=True):
        starting.setdefault(phrase[0], []).append(phrase)
    longest = max(len(word) for word in (*terms, *(w for p in highlight.phrases for w in p)))
    tokens = _ANALYZER.tokens(text, longest)
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        term, start, end = tokens[i]
        length = _phrase_at(tokens, i, starting.get(term, []))
        if length:
            found.append((start, tokens[i + length - 1][2]))
            i += length
            continue
        if term in terms:
            found.append((start, end))
        i += 1
    return found


def _phrase_at(tokens: list[tuple[str, int, int]], i: int, phrases: list[tuple[str, ...]]) -> int:
    """The length of the (longest) phrase that starts at token ``i``, else 0."""
    for phrase in phrases:
        end = i + len(phrase)
        if end <= len(tokens) and all(tokens[i + k][0] == word for k, word in enumerate(phrase)):
            return len(phrase)
    return 0


def _may_contain(
    paragraph: str, hints: tuple[str, ...], together: tuple[tuple[str, ...], ...]
) -> bool:
    """Cheap pre-check: could a word of ``paragraph`` stem to one of the terms, or its words
    hold all the words of one of the phrases?

    An ASCII word contains the :func:`stem_hint` of its stem (``cit`` of ``citi`` <- city),
    so an ASCII paragraph without any of ``hints`` (the words') and without every hint of
    some group of ``together`` (a phrase's) has no hit.
    Paragraphs with other characters may hide accented forms and are always checked.
    """
    if not paragraph.isascii():
        return True
    lowered = paragraph.lower()
    if any(hint in lowered for hint in hints):
        return True
    return any(all(hint in lowered for hint in group) for group in together)


def make_snippet(text: str, highlight: Highlight, width: int = 200) -> Snippet:
    """A ``width``-character excerpt of ``text`` around its best paragraph's hits, marked.

    Without any hit, the start of the text.
    """
    hints = tuple(map(stem_hint, highlight.terms))
    # (a phrase's rarest-looking hint first: the longest, so most paragraphs fail at once)
    together = tuple(
        tuple(sorted({stem_hint(word) for word in phrase}, key=len, reverse=True))
        for phrase in highlight.phrases
    )
    terms = frozenset(highlight.terms)
    best: tuple[int, str] | None = None
    if hints or together:
        for paragraph in text.split(PARAGRAPH_SEPARATOR):
            if not _may_contain(paragraph, hints, together):
                continue
            # Words alone: count the hits first, find their places in the best paragraph only.
            found = (
                _ANALYZER.count(paragraph, terms)
                if not highlight.phrases
                else _hit_count(paragraph, highlight, terms)
            )
            if found and (best is None or found > best[0]):
                best = (found, paragraph)
                if found >= 3:
                    break
    if best is None:
        return Snippet(((_clip(text, 0, width), False),)) if text else Snippet()
    paragraph = best[1]
    return _window(paragraph, hit_spans(paragraph, highlight), width)


def _hit_count(paragraph: str, highlight: Highlight, terms: frozenset[str]) -> int:
    """How many hits :func:`hit_spans` finds in ``paragraph``, counted in C: its terms joined
    into one string, searched with one pattern of the phrases (longest first) and words."""
    joined = _GAP + _GAP.join(_ANALYZER.terms(paragraph)) + _GAP
    return len(_hit_pattern(highlight.phrases, terms).findall(joined))


_GAP = "\x1f"
"""Stands between terms in a joined paragraph (no term holds a control character)."""


@lru_cache(maxsize=64)
def _hit_pattern(phrases: tuple[tuple[str, ...], ...], terms: frozenset[str]) -> re.Pattern[str]:
    """Matches what :func:`hit_spans` takes as one hit, at a term's start in a joined text:
    the longest phrase starting there, else a word of ``terms``. A match ends before the gap
    after its last term, so the next match can start right after it."""
    choices = [_GAP.join(map(re.escape, p)) for p in sorted(phrases, key=len, reverse=True)]
    choices += sorted(map(re.escape, terms))
    return re.compile(f"{_GAP}(?:{'|'.join(choices)})(?={_GAP})")


def _window(text: str, spans: list[tuple[int, int]], width: int) -> Snippet:
    best_start, best_count, right = spans[0][0], 0, 0
    for left, (start, _) in enumerate(spans):
        while right < len(spans) and spans[right][1] <= start + width:
            right += 1
        if right - left > best_count:
            best_start, best_count = start, right - left
    window_start = _word_start(text, max(0, best_start - width // 5))
    window_end = _word_end(text, min(len(text), window_start + width))
    parts: list[tuple[str, bool]] = []
    if window_start > 0:
        parts.append(("\u2026", False))
    cursor = window_start
    for start, end in spans:
        if start < window_start or end > window_end:
            continue
        if start > cursor:
            parts.append((text[cursor:start], False))
        parts.append((text[start:end], True))
        cursor = end
    if cursor < window_end:
        parts.append((text[cursor:window_end], False))
    if window_end < len(text):
        parts.append(("\u2026", False))
    return Snippet(tuple((part.replace("\n", " "), hit) for part, hit in parts))


def _clip(text: str, start: int, width: int) -> str:
    end = _word_end(text, min(len(text), start + width))
    clipped = text[start:end].replace(PARAGRAPH_SEPARATOR, " ").replace("\n", " ")
    return clipped + ("\u2026" if end < len(text) else "")


def _word_start(text: str, index: int) -> int:
    if index == 0:
        return 0
    space = text.find(" ", index)
    return space + 1 if 0 <= space < index + 30 else index


def _word_end(text: str, index: int) -> int:
    if index >= len(text):
        return len(text)
    space = text.rfind(" ", max(0, index - 30), index)
    return space if space > 0 else index
