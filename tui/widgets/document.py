"""An article laid out as wrapped, styled lines, knowing where every hit and quote landed.

Pure functions (no widget), so the layout is testable and the article panel only draws
lines. Article text is untrusted: it becomes :class:`rich.text.Text` (never markup) with the
characters a terminal would act on removed, while search hits and quotes, whose offsets count
in the raw text, are mapped onto what is left.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from index.api.records import HitFinder
from index.corpus.article import PARAGRAPH_SEPARATOR, Article
from tui.clipboard import meta_line
from tui.safe import inert, inert_line

Span = tuple[int, int, int]
"""(index, start, end): hit or quote number ``index`` covers ``start:end`` of a line."""

_WORD = re.compile(r"\S+\s*")
CAPTION_LABEL = "Photo: "


@dataclass(frozen=True, slots=True)
class DocumentStyles:
    """Rich styles for the parts of an article (from the panel's component classes)."""

    title: Style = field(default_factory=Style)
    meta: Style = field(default_factory=Style)
    caption: Style = field(default_factory=Style)
    label: Style = field(default_factory=Style)
    hit: Style = field(default_factory=Style)


@dataclass(frozen=True, slots=True)
class Line:
    """One screen line: its text, and the hits and quotes that fall on it."""

    text: Text
    hits: tuple[Span, ...] = ()
    quotes: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Document:
    """An article as lines; ``hit_lines[i]`` and ``quote_lines[q]`` say where they start."""

    lines: tuple[Line, ...]
    hit_lines: tuple[int, ...]
    quote_lines: tuple[int, ...]

    @property
    def plain(self) -> str:
        """Every line's text, for tests and debugging."""
        return "\n".join(line.text.plain for line in self.lines)


@dataclass(slots=True)
class _Block:
    raw: str
    style: Style
    body_offset: int | None = None  # where a paragraph starts in Article.body
    label: str = ""
    label_style: Style = field(default_factory=Style)
    highlight: bool = True
    group: str | None = None  # consecutive blocks of one group have no blank line between


def wrap_ranges(text: str, width: int) -> list[tuple[int, int]]:
    """``(start, end)`` of each line when ``text`` is word-wrapped to ``width`` cells.

    Words longer than a line are cut; spaces at a line break are left out of both lines.
    """
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    start = end = -1
    used = 0
    for match in _WORD.finditer(text):
        word_start = match.start()
        word_end = word_start + len(match.group().rstrip())
        cells = cell_len(text[word_start:word_end])
        if start >= 0 and used + cells > width:
            lines.append((start, end))
            start = -1
        if start < 0:
            start, used = word_start, 0
        while used == 0 and cells > width:  # a word longer than a line: cut it up
            cut = _cut(text, word_start, word_end, width)
            lines.append((word_start, cut))
            word_start = start = cut
            cells = cell_len(text[word_start:word_end])
        end = word_end
        used += cells + cell_len(text[word_end : match.end()])
    if start >= 0:
        lines.append((start, end))
    return lines or [(0, 0)]


def _cut(text: str, start: int, end: int, width: int) -> int:
    """The end of the longest piece of ``text[start:end]`` that fits ``width`` cells."""
    used = 0
    for index in range(start, end):
        used += cell_len(text[index])
        if used > width:
            return max(index, start + 1)
    return end


def build_document(
    article: Article, find_hits: HitFinder | None, styles: DocumentStyles, width: int
) -> Document:
    """Lay ``article`` out for a panel ``width`` cells wide, marking what ``find_hits`` finds."""
    blocks = list(_blocks(article, styles))
    lines: list[Line] = []
    hit_lines: list[int] = []
    quote_lines = [-1] * len(article.quotes)
    for number, block in enumerate(blocks):
        if number and (block.group is None or block.group != blocks[number - 1].group):
            lines.append(Line(Text()))
        finder = find_hits if block.highlight else None
        text, hits, quotes = _styled(block, article, finder, styles)
        first_hit = len(hit_lines)
        hit_lines.extend([-1] * len(hits))
        for start, end in wrap_ranges(text.plain, width):
            line_hits = tuple(_clip(hits, start, end, first_hit))
            line_quotes = tuple(_clip(quotes, start, end, 0))
            for index, _, _ in line_hits:
                if hit_lines[index] < 0:
                    hit_lines[index] = len(lines)
            for index, _, _ in line_quotes:
                if quote_lines[index] < 0:
                    quote_lines[index] = len(lines)
            lines.append(Line(text[start:end], line_hits, line_quotes))
    return Document(tuple(lines), tuple(hit_lines), tuple(quote_lines))


def _blocks(article: Article, styles: DocumentStyles) -> Iterator[_Block]:
    yield _Block(article.title or "(untitled)", styles.title)
    meta = meta_line(article)
    if article.url:
        meta = f"{meta}\n{article.url}" if meta else article.url
    if article.tags:
        meta = f"{meta}\ntags: {', '.join(article.tags)}"
    if meta:
        for part in meta.split("\n"):
            yield _Block(part, styles.meta, highlight=False, group="meta")
    for caption in article.captions:
        yield _Block(
            caption, styles.caption, label=CAPTION_LABEL, label_style=styles.label, group="caption"
        )
    offset = 0
    for paragraph in article.paragraphs:
        yield _Block(paragraph, Style(), body_offset=offset)
        offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)


def _styled(
    block: _Block, article: Article, find_hits: HitFinder | None, styles: DocumentStyles
) -> tuple[Text, list[Span], list[Span]]:
    """The block as inert styled text, with its hit spans and quote spans (in that text)."""
    raw = block.raw
    display = raw.replace("\n", " ").replace("\t", " ")
    # Offsets (hits, quotes) count in the raw text; the unsafe characters go before Rich sees
    # the text (it would drop some control codes itself and shift everything after them).
    removed = _unsafe_positions(display)
    if removed:
        gone = set(removed)
        display = "".join(char for index, char in enumerate(display) if index not in gone)
    text = Text(display, style=block.style)
    found = find_hits(raw) if find_hits is not None else []
    hits = [(_map(s, removed), _map(e, removed)) for s, e in found]
    for start, end in hits:
        text.stylize(styles.hit, start, end)
    quotes: list[Span] = []
    if block.body_offset is not None:
        low, high = block.body_offset, block.body_offset + len(raw)
        for index, quote in enumerate(article.quotes):
            # Only the quoted words are marked, not an attribution that splits them.
            for first, last in quote.spans:
                start, end = max(first, low), min(last, high)
                if start < end:
                    quotes.append((index, _map(start - low, removed), _map(end - low, removed)))
    if block.label:
        shift = len(block.label)
        labelled = Text()
        labelled.append(block.label, style=block.label_style)
        labelled.append_text(text)
        text = labelled
        hits = [(s + shift, e + shift) for s, e in hits]
        quotes = [(i, s + shift, e + shift) for i, s, e in quotes]
    numbered = [(i, s, e) for i, (s, e) in enumerate(hits)]
    return text, numbered, quotes


def _clip(spans: list[Span], start: int, end: int, base: int) -> Iterator[Span]:
    """The parts of ``spans`` inside ``start:end``, relative to ``start``, index + ``base``."""
    for index, low, high in spans:
        low, high = max(low, start), min(high, end)
        if low < high:
            yield (base + index, low - start, high - start)


def _unsafe_positions(text: str) -> list[int]:
    if inert(text) == text:
        return []
    return [index for index, char in enumerate(text) if not inert(char)]


def _map(offset: int, removed: list[int]) -> int:
    """Where raw ``offset`` lands once the characters at ``removed`` are gone."""
    return offset - bisect_left(removed, offset) if removed else offset


def placeholder(message: str, style: Style) -> Document:
    """A document of one dim line (nothing to show yet)."""
    return Document((Line(Text(inert_line(message), style=style)),), (), ())
