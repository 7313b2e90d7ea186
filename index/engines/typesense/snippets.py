"""Result snippets: a short window of an article's text around its hits, marked."""

from __future__ import annotations

from collections.abc import Sequence

from index.api.records import Highlight, Snippet
from index.corpus.article import PARAGRAPH_SEPARATOR
from index.engines.typesense.text import hit_spans

ELLIPSIS = "\u2026"
_LEAD_SHARE = 5
"""The window starts this fraction of its width before its first hit."""


def make_snippet(paragraphs: Sequence[str], highlight: Highlight, width: int) -> Snippet:
    """About ``width`` characters of the paragraph with the most hits (the first one when
    there is no hit), the hits marked."""
    best: tuple[str, list[tuple[int, int]]] | None = None
    if highlight:
        for paragraph in paragraphs:
            spans = hit_spans(paragraph, highlight)
            if spans and (best is None or len(spans) > len(best[1])):
                best = (paragraph, spans)
    if best is None:
        text = PARAGRAPH_SEPARATOR.join(paragraphs)
        return _window(text, [], 0, width) if text else Snippet()
    paragraph, spans = best
    first = _densest(spans, width)
    return _window(paragraph, spans, max(0, first - width // _LEAD_SHARE), width)


def _densest(spans: list[tuple[int, int]], width: int) -> int:
    """Where the window of ``width`` characters holding the most hits starts its first hit."""
    best_start, best_count = spans[0][0], 0
    for i, (start, _) in enumerate(spans):
        count = sum(1 for other, end in spans[i:] if end <= start + width)
        if count > best_count:
            best_start, best_count = start, count
    return best_start


def _window(text: str, spans: list[tuple[int, int]], start: int, width: int) -> Snippet:
    # Start and end at spaces when one is near, so no word is cut.
    if start:
        space = text.find(" ", start, start + 30)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", max(start, end - 30), end)
        end = space if space > start else end
    parts: list[tuple[str, bool]] = [(ELLIPSIS, False)] if start else []
    cursor = start
    for hit_start, hit_end in spans:
        if hit_start < start or hit_end > end:
            continue
        if hit_start > cursor:
            parts.append((text[cursor:hit_start], False))
        parts.append((text[hit_start:hit_end], True))
        cursor = hit_end
    if cursor < end:
        parts.append((text[cursor:end], False))
    if end < len(text):
        parts.append((ELLIPSIS, False))
    return Snippet(tuple((part.replace("\n", " "), hit) for part, hit in parts))
