"""Small pieces of wording shared by the app and the command line (no Textual here)."""

from __future__ import annotations

_OPENING = '"\u201c\u201e\u00ab'
_CLOSING = '"\u201d\u201c\u00bb'
_DOUBLE = '"\u201c\u201d\u201e\u00ab\u00bb'


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``1 article``, ``2 articles``, ``1,234 hits``: the count with its noun."""
    word = noun if count == 1 else (nouns or noun + "s")
    return f"{count:,} {word}"


def quoted(text: str) -> str:
    """``text`` in curly quote marks, unless it is already one quotation in double marks."""
    stripped = text.strip()
    wrapped = len(stripped) >= 2 and stripped[0] in _OPENING and stripped[-1] in _CLOSING
    # '"A" and "B"' starts and ends with marks but is not one quotation: it gets its own.
    if wrapped and not any(mark in stripped[1:-1] for mark in _DOUBLE):
        return stripped
    return f"\u201c{stripped}\u201d"
