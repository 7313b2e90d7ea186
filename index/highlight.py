"""Finding query terms in article text: hit spans for the app, snippets for result lists."""

from __future__ import annotations

from collections.abc import Collection

from index.analysis import NewsAnalyzer
from index.model import Snippet

_ANALYZER = NewsAnalyzer()


def hit_spans(text: str, terms: Collection[str]) -> list[tuple[int, int]]:
    """Character spans of the words in ``text`` whose indexed form is one of ``terms``."""
    if not terms or not text:
        return []
    return [
        (token.startchar, token.endchar)
        for token in _ANALYZER(text, chars=True)
        if token.text in terms
    ]


def make_snippet(text: str, terms: Collection[str], width: int = 200) -> Snippet:
    """The ``width``-character window of ``text`` with the most hits, hits marked.

    Without any hit, the start of the text.
    """
    spans = hit_spans(text, terms)
    if not spans:
        return Snippet(((_clip(text, 0, width), False),)) if text else Snippet()
    best_start, best_count = spans[0][0], 0
    right = 0
    for left, (start, _) in enumerate(spans):
        while right < len(spans) and spans[right][1] <= start + width:
            right += 1
        if right - left > best_count:
            best_start, best_count = start, right - left
    window_start = _word_start(text, max(0, best_start - width // 5))
    window_end = min(len(text), window_start + width)
    window_end = _word_end(text, window_end)
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
    return Snippet(tuple((p.replace("\n\n", " ").replace("\n", " "), hit) for p, hit in parts))


def _clip(text: str, start: int, width: int) -> str:
    end = _word_end(text, min(len(text), start + width))
    return text[start:end].replace("\n", " ") + ("\u2026" if end < len(text) else "")


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
