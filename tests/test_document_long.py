"""Huge paragraphs and endless words are laid out right (and in linear time: bench/)."""

from __future__ import annotations

import functools

from hypothesis import example, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.style import Style

from index.api.records import Highlight, HitFinder
from index.corpus.article import Article
from index.engines.whoosh.highlight import hit_spans
from tui.widgets.document import DocumentStyles, build_document, wrap_ranges


def finder(*terms: str) -> HitFinder:
    """The engine's hit finder for these indexed terms."""
    return functools.partial(hit_spans, highlight=Highlight(terms))


STYLES = DocumentStyles(hit=Style(bold=True))
WORD = "QUJDREVGR0hJ"  # base64, as an inline image in a scraped page


def reference_wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap, one word and one character at a time: slow, and plainly right."""
    lines: list[tuple[int, int]] = []
    start = end = -1
    used = 0
    position = 0
    while position < len(text):
        if text[position].isspace():
            position += 1
            continue
        word_end = position
        while word_end < len(text) and not text[word_end].isspace():
            word_end += 1
        spaces_end = word_end
        while spaces_end < len(text) and text[spaces_end].isspace():
            spaces_end += 1
        cells = cell_len(text[position:word_end])
        if start >= 0 and used + cells > width:
            lines.append((start, end))
            start = -1
        if start < 0:
            start, used = position, 0
        while used == 0 and cells > width:
            filled, cut = 0, position
            while cut < word_end and filled + cell_len(text[cut]) <= width:
                filled += cell_len(text[cut])
                cut += 1
            cut = max(cut, position + 1)
            lines.append((position, cut))
            position = start = cut
            cells = cell_len(text[position:word_end])
        end = word_end
        used += cells + cell_len(text[word_end:spaces_end])
        position = spaces_end
    if start >= 0:
        lines.append((start, end))
    return lines or [(0, 0)]


@settings(max_examples=400, deadline=None)
@given(
    text=st.text(st.sampled_from("ab c\u00e9\u0161 "), max_size=300)
    | st.text(st.sampled_from("ab \u5317\u4eac\u00e9"), max_size=300),
    width=st.integers(1, 30),
)
@example(text="\u5317 " + "ab" * 10 + " c", width=5)  # a long ASCII word beside a wide one
@example(text="\u5317 " + "ab" * 10 + " c", width=6)
def test_wrapping_matches_the_word_by_word_reference(text: str, width: int) -> None:
    assert wrap_ranges(text, width) == reference_wrap(text, width)


def test_a_5mb_word_is_cut_into_full_lines() -> None:
    word = (WORD * 420_000)[:5_000_000]
    ranges = wrap_ranges(word, 80)
    assert len(ranges) == 62_500
    assert all(end - start == 80 for start, end in ranges)
    assert "".join(word[start:end] for start, end in ranges) == word


def test_a_long_word_between_words_starts_and_ends_lines() -> None:
    long = WORD * 1000 + "xyz"  # 240 lines of 50, and 3 letters
    text = "A short start " + long + " and a short end."
    lines = [text[start:end] for start, end in wrap_ranges(text, 50)]
    assert lines[0] == "A short start"
    assert len(lines) == 242 and all(len(line) == 50 for line in lines[1:-1])
    assert lines[-1] == "xyz and a short end."
    assert "".join(lines[1:-1]) + "xyz" == long


def test_a_long_word_of_wide_characters_fits_the_width() -> None:
    word = "\u5317\u4eac" * 100_000
    ranges = wrap_ranges(word, 81)
    assert len(ranges) == 5_000
    assert all(cell_len(word[start:end]) == 80 for start, end in ranges)


def test_a_5mb_one_word_article_is_laid_out_whole() -> None:
    word = (WORD * 420_000)[:5_000_000]
    article = Article(id="big", path="/big.txt", title="Big", paragraphs=(word,))
    doc = build_document(article, finder("qujdrevgr0hj"), STYLES, 80)
    body = [line.plain for line in doc.lines[2:]]  # title, blank line, then the paragraph
    assert len(body) == 62_500 and all(len(line) == 80 for line in body)
    assert "".join(body) == word
    assert doc.hit_lines == ()  # a word this long matches no search term


def test_hits_in_a_long_paragraph_land_on_their_lines() -> None:
    paragraph = "The harbour opens on Monday, " * 20_000
    article = Article(id="a", path="/a.txt", title="Port", paragraphs=(paragraph,))
    doc = build_document(article, finder("harbour"), STYLES, 60)
    assert len(doc.hit_lines) == 20_000
    assert doc.hit_lines == tuple(sorted(doc.hit_lines))
    for number, row in enumerate(doc.hit_lines):
        line = doc.lines[row]
        (span,) = [(s, e) for index, s, e in line.hits if index == number]
        assert line.plain[span[0] : span[1]] == "harbour"
        assert line.text.spans  # the hit is styled when the line is drawn
    assert all(len(line.plain) <= 60 for line in doc.lines)


def test_a_word_far_longer_than_every_term_is_not_a_hit() -> None:
    text = "harbour " + "harbours" * 10_000 + " harbours"
    assert hit_spans(text, Highlight(("harbour",))) == [(0, 7), (len(text) - 8, len(text))]
