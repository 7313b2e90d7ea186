"""Finding query terms in article text: hit spans for the app, snippets for result lists."""

from __future__ import annotations

from collections.abc import Collection

from index.api.records import Snippet
from index.corpus.article import PARAGRAPH_SEPARATOR
from index.engines.whoosh.analysis import NewsAnalyzer

_ANALYZER = NewsAnalyzer()


def hit_spans(text: str, terms: Collection[str]) -> list[tuple[int, int]]:
    """Character spans of the words in ``text`` whose indexed form is one of ``terms``."""
    if not terms or not text:
        return []
    return _ANALYZER.spans(text, terms if isinstance(terms, set | frozenset) else set(terms))


def _may_contain(paragraph: str, hints: tuple[str, ...]) -> bool:
    """Cheap pre-check: could a word of ``paragraph`` stem to one of the terms?

    A Porter stem minus its last letter starts the word it came from (``citi`` <- city,
    ``hope`` <- hoping), so an ASCII paragraph without any such prefix has no hit.
    Paragraphs with other characters may hide accented forms and are always checked.
    """
    if not paragraph.isascii():
        return True
    lowered = paragraph.lower()
    return any(hint in lowered for hint in hints)


def make_snippet(text: str, terms: Collection[str], width: int = 200) -> Snippet:
    """A ``width``-character excerpt of ``text`` around its best paragraph's hits, marked.

    Without any hit, the start of the text.
    """
    wanted = set(terms)
    hints = tuple(term[:-1] if len(term) > 3 else term for term in wanted)
    best: tuple[int, str, list[tuple[int, int]]] | None = None
    if wanted:
        for paragraph in text.split(PARAGRAPH_SEPARATOR):
            if not _may_contain(paragraph, hints):
                continue
            spans = hit_spans(paragraph, wanted)
            if spans and (best is None or len(spans) > best[0]):
                best = (len(spans), paragraph, spans)
                if len(spans) >= 3:
                    break
    if best is None:
        return Snippet(((_clip(text, 0, width), False),)) if text else Snippet()
    _, paragraph, spans = best
    return _window(paragraph, spans, width)


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
