"""An article laid out as wrapped, styled lines, knowing where every hit and quote landed.

Pure functions (no widget), so the layout is testable and the article panel only draws
lines. Every step is linear in the article's length, and a line becomes a Rich ``Text`` only
when it is drawn, so a 5 MB paragraph is laid out in a fraction of a second. Article text is
untrusted: it becomes :class:`rich.text.Text` (never markup) with the
characters a terminal would act on removed, while search hits and quotes, whose offsets count
in the raw text, are mapped onto what is left.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, pairwise
from typing import TypeVar

from rich.cells import cell_len, get_character_cell_size
from rich.style import Style
from rich.text import Text

from index.api.records import HitFinder
from index.corpus.article import PARAGRAPH_SEPARATOR, Article
from tui.clipboard import meta_line
from tui.safe import inert, inert_line, unsafe_offsets

Span = tuple[int, int, int]
"""(index, start, end): hit or quote number ``index`` covers ``start:end`` of a line."""

_WORD = re.compile(r"\S+\s*")
_NOT_SPACE = re.compile(r"[^ ]")
CAPTION_LABEL = "Photo: "
_Tag = TypeVar("_Tag")


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
    """One screen line: its characters and styles, and the hits and quotes that fall on it."""

    plain: str = ""
    style: Style | str = ""
    styled: tuple[tuple[Style | str, int, int], ...] = ()
    """(style, start, end) of the parts styled apart from the line (hits, a caption label)."""
    hits: tuple[Span, ...] = ()
    quotes: tuple[Span, ...] = ()

    @property
    def text(self) -> Text:
        """The line as Rich text (a new one each time: built only for what is drawn)."""
        text = Text(self.plain, style=self.style)
        for style, start, end in self.styled:
            text.stylize(style, start, end)
        return text


@dataclass(frozen=True, slots=True)
class Document:
    """An article as lines; ``hit_lines[i]`` and ``quote_lines[q]`` say where they start."""

    lines: tuple[Line, ...]
    hit_lines: tuple[int, ...]
    quote_lines: tuple[int, ...]

    @property
    def plain(self) -> str:
        """Every line's text, for tests and debugging."""
        return "\n".join(line.plain for line in self.lines)


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
    Linear in the length of ``text``, however long its words.
    """
    width = max(1, width)
    if _single_cell(text):
        return _wrap_single_cell(text, width)
    lines: list[tuple[int, int]] = []
    start = end = -1
    used = 0
    for match in _WORD.finditer(text):
        word_start = match.start()
        word = match.group().rstrip()
        word_end = word_start + len(word)
        # A character takes two cells at most: only a word that may not fit is cut up (and
        # measured once, there; cell_len would walk a 5 MB word again).
        cuts = _cuts(word, width) if 2 * len(word) > width else [0]
        cells = cell_len(word) if len(cuts) == 1 else width + 1
        if start >= 0 and used + cells > width:
            lines.append((start, end))
            start = -1
        if start < 0:
            start, used = word_start, 0
        if len(cuts) > 1:  # a word longer than a line: whole lines of it, then the rest
            lines.extend((word_start + a, word_start + b) for a, b in pairwise(cuts))
            start = word_start + cuts[-1]
            cells = cell_len(text[start:word_end])
        end = word_end
        used += cells + cell_len(text[word_end : match.end()])
    if start >= 0:
        lines.append((start, end))
    return lines or [(0, 0)]


def _single_cell(text: str) -> bool:
    """Whether every character of ``text`` takes one cell and the only space is ' '."""
    if text.isascii():
        return text.isprintable()
    return all(
        char == " " or (not char.isspace() and get_character_cell_size(char) == 1)
        for char in set(text)
    )


def _wrap_single_cell(text: str, width: int) -> list[tuple[int, int]]:
    """:func:`wrap_ranges` where a cell is a character: each line found by searching text.

    A line runs from its first word to the last word that ends within ``width`` characters
    of it, as the general loop lays it out word by word; a longer word is cut in ``width``
    pieces, and its last piece starts the next line.
    """
    lines: list[tuple[int, int]] = []
    found = _NOT_SPACE.search(text)
    start = found.start() if found else len(text)
    while start < len(text):
        limit = start + width
        if limit >= len(text):
            lines.append((start, len(text.rstrip(" "))))
            break
        space = text.rfind(" ", start, limit + 1)
        if space < 0:  # a word longer than the line: all its whole lines at once
            word_end = text.find(" ", limit)
            word_end = len(text) if word_end < 0 else word_end
            rest = start + (word_end - start - 1) // width * width
            lines.extend((cut, cut + width) for cut in range(start, rest, width))
            start = rest
            continue
        lines.append((start, start + len(text[start:space].rstrip(" "))))
        found = _NOT_SPACE.search(text, space)
        start = found.start() if found else len(text)
    return lines or [(0, 0)]


def _cuts(word: str, width: int) -> list[int]:
    """Offsets in ``word`` where its full lines start, and the start of what is left after them.

    Each line is the longest run of characters whose cells add up to ``width`` at most (one
    character at least).
    """
    if word.isascii() and word.isprintable():  # one cell per character
        return [*range(0, len(word) - width, width), (len(word) - 1) // width * width]
    # Cells before each character, summed once, so every cut is a binary search.
    before = [0, *accumulate(map(get_character_cell_size, word))]
    total = before[-1]
    cuts = [0]
    while total - before[cuts[-1]] > width:
        cut = bisect_right(before, before[cuts[-1]] + width) - 1
        cuts.append(max(cut, cuts[-1] + 1))
    return cuts


def build_document(
    article: Article, find_hits: HitFinder | None, styles: DocumentStyles, width: int
) -> Document:
    """Lay ``article`` out for a panel ``width`` cells wide, marking what ``find_hits`` finds."""
    blocks = list(_blocks(article, styles))
    quote_spans = _quote_spans(article, blocks)
    lines: list[Line] = []
    hit_lines: list[int] = []
    quote_lines = [-1] * len(article.quotes)
    for number, block in enumerate(blocks):
        if number and (block.group is None or block.group != blocks[number - 1].group):
            lines.append(Line())
        finder = find_hits if block.highlight else None
        styled = _styled(block, quote_spans.get(number, []), finder, styles)
        plain, style, hits = styled.plain, styled.style, styled.hits
        first_hit = len(hit_lines)
        hit_lines.extend([-1] * len(hits))
        ranges = wrap_ranges(plain, width)
        line_hits = _place([(first_hit + i, s, e) for i, (s, e) in enumerate(hits)], ranges)
        line_quotes = _place(styled.quotes, ranges)
        line_styles = _place(styled.parts, ranges)
        for row, (start, end) in enumerate(ranges):
            if row not in line_hits and row not in line_quotes and row not in line_styles:
                lines.append(Line(plain[start:end], style))  # most lines of a long paragraph
                continue
            here_hits, here_quotes = tuple(line_hits.get(row, ())), tuple(line_quotes.get(row, ()))
            for index, _, _ in here_hits:
                if hit_lines[index] < 0:
                    hit_lines[index] = len(lines)
            for index, _, _ in here_quotes:
                if quote_lines[index] < 0:
                    quote_lines[index] = len(lines)
            parts = (*line_styles.get(row, ()), *((styles.hit, s, e) for _, s, e in here_hits))
            lines.append(Line(plain[start:end], style, parts, here_hits, here_quotes))
    return Document(tuple(lines), tuple(hit_lines), tuple(quote_lines))


def _place(
    spans: Sequence[tuple[_Tag, int, int]], ranges: Sequence[tuple[int, int]]
) -> dict[int, list[tuple[_Tag, int, int]]]:
    """Line number -> the parts of ``spans`` on that line, relative to the line's start.

    A span is found by binary search and visits only the lines it covers.
    """
    starts = [start for start, _ in ranges]
    placed: dict[int, list[tuple[_Tag, int, int]]] = {}
    for tag, low, high in spans:
        row = max(0, bisect_right(starts, low) - 1)
        while row < len(ranges) and ranges[row][0] < high:
            start, end = ranges[row]
            first, last = max(low, start), min(high, end)
            if first < last:
                placed.setdefault(row, []).append((tag, first - start, last - start))
            row += 1
    return placed


def _quote_spans(article: Article, blocks: Sequence[_Block]) -> dict[int, list[Span]]:
    """Block number -> (quote, start, end) of the quoted words in it, in block offsets."""
    numbers = [n for n, block in enumerate(blocks) if block.body_offset is not None]
    offsets = [blocks[n].body_offset or 0 for n in numbers]
    found: dict[int, list[Span]] = {}
    for index, quote in enumerate(article.quotes):
        # Only the quoted words are marked, not an attribution that splits them.
        for first, last in quote.spans:
            at = max(0, bisect_right(offsets, first) - 1)
            while at < len(numbers) and offsets[at] < last:
                low = offsets[at]
                start, end = max(first, low), min(last, low + len(blocks[numbers[at]].raw))
                if start < end:
                    found.setdefault(numbers[at], []).append((index, start - low, end - low))
                at += 1
    return found


def _blocks(article: Article, styles: DocumentStyles) -> Iterator[_Block]:
    yield _Block(article.title or "(untitled)", styles.title)
    meta = meta_line(article)
    if article.url:
        meta = f"{meta}\n{article.url}" if meta else article.url
    if meta:
        for part in meta.split("\n"):
            yield _Block(part, styles.meta, highlight=False, group="meta")
    if article.tags:  # tags are searched as text: a hit in them is marked and counted
        yield _Block(f"tags: {', '.join(article.tags)}", styles.meta, group="meta")
    for caption in article.captions:
        yield _Block(
            caption, styles.caption, label=CAPTION_LABEL, label_style=styles.label, group="caption"
        )
    offset = 0
    for paragraph in article.paragraphs:
        yield _Block(paragraph, Style(), body_offset=offset)
        offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)


@dataclass(frozen=True, slots=True)
class _Styled:
    """A block's inert characters, its style, the parts styled apart, its hits and quotes."""

    plain: str
    style: Style | str
    parts: list[tuple[Style | str, int, int]]
    hits: list[tuple[int, int]]
    quotes: list[Span]


def _styled(
    block: _Block, quote_spans: list[Span], find_hits: HitFinder | None, styles: DocumentStyles
) -> _Styled:
    """The block as inert characters, with its hit spans and quote spans (in them).

    No Rich ``Text`` is made here: a line becomes one when it is drawn.
    """
    display = block.raw.replace("\n", " ").replace("\t", " ")
    # Offsets (hits, quotes) count in the raw text; the unsafe characters go before Rich sees
    # the text (it would drop some control codes itself and shift everything after them).
    removed = unsafe_offsets(display)
    if removed:
        display = inert(display)
    found = find_hits(block.raw) if find_hits is not None else []
    hits = [(_map(s, removed), _map(e, removed)) for s, e in found]
    quotes = [(i, _map(s, removed), _map(e, removed)) for i, s, e in quote_spans]
    if not block.label:
        return _Styled(display, block.style, [], hits, quotes)
    shift = len(block.label)
    return _Styled(
        block.label + display,
        "",
        [(block.label_style, 0, shift), (block.style, shift, shift + len(display))],
        [(s + shift, e + shift) for s, e in hits],
        [(i, s + shift, e + shift) for i, s, e in quotes],
    )


def _map(offset: int, removed: list[int]) -> int:
    """Where raw ``offset`` lands once the characters at ``removed`` are gone."""
    return offset - bisect_left(removed, offset) if removed else offset


def placeholder(message: str, style: Style) -> Document:
    """A document of one dim line (nothing to show yet)."""
    return Document((Line(inert_line(message), style),), (), ())
