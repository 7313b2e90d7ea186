"""Markdown articles with YAML front matter (title, source, date, section, author, url, tags)."""

from __future__ import annotations

import re
from typing import Any

import yaml

from index.formats.dates import parse_date
from index.formats.decode import clean_text
from index.formats.draft import Draft, short_title, split_blocks, tidy

MAX_FRONT_MATTER_CHARS = 64 * 1024
MAX_TAGS = 50

_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_EMPHASIS = re.compile(r"(\*\*|__|\*|(?<![\w])_)(?=\S)(.+?)(?<=\S)\1(?![\w])")
_CODE = re.compile(r"`([^`]*)`")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]{0,200}>")
_HEADING = re.compile(r"^#{1,6}\s+")
_QUOTE_MARKER = re.compile(r"^(?:>\s?)+", re.MULTILINE)
_RULE = re.compile(r"^(?:[-*_]\s*){3,}$")
_LINK_DEFINITION = re.compile(r"^\[[^\]]+\]:\s+\S+")


class FrontMatterError(ValueError):
    """The YAML front matter cannot be used."""


_FAST_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _NoAliasLoader(yaml.SafeLoader):
    """A safe loader that refuses YAML aliases, so 'billion laughs' documents cannot expand."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            line = event.start_mark.line + 1
            raise FrontMatterError(f"YAML aliases are not allowed (line {line})")
        return super().compose_node(parent, index)


def parse_markdown(text: str) -> Draft | None:
    """Parse a Markdown article; None when there is no text at all.

    Raises:
        FrontMatterError: When the front matter is malformed, hostile or not a mapping.
    """
    meta, body = _split_front_matter(text)
    captions: list[str] = []

    def keep_caption(match: re.Match[str]) -> str:
        if match.group(1).strip():
            captions.append(tidy(match.group(1)))
        return ""

    body = _IMAGE.sub(keep_caption, body)
    blocks = [_plain(block) for block in split_blocks(_QUOTE_MARKER.sub("", body))]
    blocks = [b for b in blocks if b and not _RULE.match(b) and not _LINK_DEFINITION.match(b)]
    title = _text(meta, "title")
    if title:
        title = short_title(title)[0]
        if blocks and blocks[0] == title:
            blocks.pop(0)
    elif blocks:
        title, overflow = short_title(blocks.pop(0))
        if overflow is not None:
            blocks.insert(0, overflow)
    if not title and not blocks:
        return None
    return Draft(
        title=title or "",
        paragraphs=tuple(blocks),
        captions=tuple(captions),
        source=_text(meta, "source"),
        date=parse_date(meta.get("date")),
        section=_text(meta, "section"),
        author=_people(meta.get("author", meta.get("authors"))),
        url=_text(meta, "url"),
        tags=_tags(meta.get("tags")),
    )


def _split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    stripped = text.lstrip("\n")
    if not stripped.startswith("---"):
        return {}, text
    first_break = stripped.find("\n")
    if first_break < 0 or stripped[:first_break].strip() != "---":
        return {}, text
    closing = _FENCE.search(stripped, first_break + 1)
    if closing is None:
        raise FrontMatterError("front matter has no closing '---' line")
    raw = stripped[first_break + 1 : closing.start()]
    if len(raw) > MAX_FRONT_MATTER_CHARS:
        raise FrontMatterError(f"front matter is too long ({len(raw):,} characters)")
    # LibYAML's safe loader is several times faster; anything that might hold an anchor or
    # an alias goes through the pure-Python loader that refuses aliases.
    loader = _NoAliasLoader if ("&" in raw or "*" in raw) else _FAST_SAFE_LOADER
    try:
        meta = yaml.load(raw, Loader=loader)
    except yaml.YAMLError as exc:
        raise FrontMatterError(f"malformed front matter: {_yaml_problem(exc)}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise FrontMatterError(
            f"front matter must be a mapping of keys to values, not {type(meta).__name__}"
        )
    return {str(k).lower(): v for k, v in meta.items()}, stripped[closing.end() :]


def _yaml_problem(exc: yaml.YAMLError) -> str:
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem_mark is not None:
        # Line numbers count from the file's first line, the opening '---'.
        return f"{exc.problem} (line {exc.problem_mark.line + 2})"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _plain(block: str) -> str:
    # Each pattern only runs when its marker character is there: most paragraphs are plain.
    if block.startswith("#"):
        block = _HEADING.sub("", block)
    if "[" in block:
        block = _REF_LINK.sub(r"\1", _LINK.sub(r"\1", block))
    if "`" in block:
        block = _CODE.sub(r"\1", block)
    if "<" in block:
        block = _HTML_TAG.sub("", block)
    if "*" in block or "_" in block:
        for _ in range(2):  # nested emphasis such as ***both***
            block = _EMPHASIS.sub(r"\2", block)
    return tidy(block)


def _clean(value: Any) -> str:
    # YAML escapes ("\e", "\x9b", "\u001b") make control characters the file's bytes did not
    # hold, so front-matter values are cleaned like the body was when it was decoded.
    return tidy(clean_text(str(value)))


def _text(meta: dict[str, Any], key: str) -> str | None:
    value = meta.get(key)
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return _clean(value)[:500] or None
    return None


def _people(value: Any) -> str | None:
    if isinstance(value, list):
        names = [_clean(v) for v in value[:20] if isinstance(v, str | int | float)]
        return ", ".join(n for n in names if n) or None
    if isinstance(value, str):
        return _clean(value)[:300] or None
    return None


def _tags(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        items: list[Any] = value.split(",")
    elif isinstance(value, list):
        items = value
    else:
        return ()
    tags = [_clean(v)[:80] for v in items[:MAX_TAGS] if isinstance(v, str | int | float)]
    return tuple(dict.fromkeys(t for t in tags if t))
