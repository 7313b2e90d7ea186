"""JSON Lines crawls: one article per line (``title``, ``body`` or ``text``, metadata fields)."""

from __future__ import annotations

import json
from typing import Any

from index.formats.dates import parse_date
from index.formats.decode import clean_text
from index.formats.draft import Draft, short_title, split_blocks, tidy

MAX_TAGS = 50


class BadLine(ValueError):
    """One line of a JSON Lines file cannot be used; the other lines still can."""


def parse_jsonl_line(line: str, number: int) -> Draft | None:
    """Parse one JSON Lines record; None for a blank line.

    Raises:
        BadLine: When the line is not a JSON object with a title or a body.
    """
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadLine(f"line {number}: invalid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise BadLine(f"line {number}: invalid JSON (nested too deeply)") from None
    if not isinstance(record, dict):
        raise BadLine(f"line {number}: expected a JSON object, got {type(record).__name__}")
    body = _string(record.get("body"))
    if body is None:
        body = _string(record.get("text"))
    paragraphs = split_blocks(clean_text(body)) if body else []
    title = _field(record, "title")
    if title:
        title = short_title(title)[0]
    elif paragraphs:
        title = short_title(paragraphs[0])[0]
    else:
        raise BadLine(f"line {number}: no title and no body")
    tags = record.get("tags")
    if isinstance(tags, str):
        tags = tags.split(",")
    tag_list = (
        [tidy(clean_text(str(t)))[:80] for t in tags[:MAX_TAGS]] if isinstance(tags, list) else []
    )
    return Draft(
        title=title,
        paragraphs=tuple(paragraphs),
        source=_field(record, "source"),
        date=parse_date(record.get("date")),
        section=_field(record, "section"),
        author=_field(record, "author"),
        url=_field(record, "url"),
        tags=tuple(dict.fromkeys(t for t in tag_list if t)),
        id_hint=_field(record, "id"),
        line=number,
    )


def _string(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _field(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value[:20] if isinstance(v, str | int | float))
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return tidy(clean_text(str(value)))[:500] or None
    return None
