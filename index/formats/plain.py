"""Plain text articles: the first non-empty line is the title, then paragraphs."""

from __future__ import annotations

from index.formats.draft import Draft, short_title, split_blocks


def parse_plain(text: str) -> Draft | None:
    """Parse a plain text article; None when there is no text at all."""
    stripped = text.strip()
    if not stripped:
        return None
    first, _, rest = stripped.partition("\n")
    title, overflow = short_title(first)
    paragraphs = split_blocks(rest)
    if overflow is not None:
        paragraphs.insert(0, overflow)
    return Draft(title=title, paragraphs=tuple(paragraphs))
