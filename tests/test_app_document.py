"""The article layout (no app needed): wrapping, hits and quotes landing on the right lines."""

from __future__ import annotations

import dataclasses
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.style import Style

from index.api.records import HitFinder
from index.corpus.article import Article, Quote
from index.quotes import extract_quotes
from tui.widgets.document import CAPTION_LABEL, DocumentStyles, build_document, wrap_ranges

STYLES = DocumentStyles(hit=Style(bold=True))


def find(*words: str) -> HitFinder:
    """A stand-in for an engine's hit finder: whole words, any case."""
    return lambda text: [m.span() for m in re.finditer(r"\w+", text) if m.group().lower() in words]


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(st.characters(exclude_categories=("Cs", "Cc")) | st.just(" "), max_size=400),
    width=st.integers(1, 60),
)
def test_wrapping_fits_the_width_and_keeps_every_visible_character(text: str, width: int) -> None:
    ranges = wrap_ranges(text, width)
    for start, end in ranges:
        line = text[start:end]
        assert cell_len(line) <= width or len(line) == 1  # a lone wide character may overflow
    assert "".join("".join(text[s:e] for s, e in ranges).split()) == "".join(text.split())
    starts = [start for start, _ in ranges]
    assert starts == sorted(starts)


def test_words_are_not_split_unless_longer_than_a_line() -> None:
    text = "the quick brown fox jumps over the lazy dog"
    lines = [text[s:e] for s, e in wrap_ranges(text, 10)]
    assert lines == ["the quick", "brown fox", "jumps over", "the lazy", "dog"]
    long = "abcdefghijkl xy"
    assert [long[s:e] for s, e in wrap_ranges(long, 5)] == ["abcde", "fghij", "kl xy"]
    wide = "\u5317\u4eac\u5e02\u6d77"  # two cells each
    assert [wide[s:e] for s, e in wrap_ranges(wide, 4)] == [wide[:2], wide[2:]]


def article() -> Article:
    body = (
        "The port strike ended on Tuesday.",
        '"We are back at work," said Joe Brannigan, general secretary of the union.',
    )
    start = len(body[0]) + 2 + 1
    quote = Quote("We are back at work,", "Joe Brannigan", "general secretary", "direct", 1, start,
                  start + 20)  # fmt: skip
    return Article(
        id="a",
        path="/a.md",
        title="Strike over at the port",
        source="Harbour Gazette",
        date="2021-09-29",
        captions=("Dockers leave the port gates",),
        paragraphs=body,
        quotes=(quote,),
    )


def test_hits_are_found_in_title_captions_and_paragraphs_in_order() -> None:
    doc = build_document(article(), find("port", "strike"), STYLES, 30)
    texts = [line.text.plain for line in doc.lines]
    found = []
    for number, line in enumerate(doc.lines):
        for index, start, end in line.hits:
            found.append((index, number, texts[number][start:end].lower()))
    found.sort()
    # Title "Strike over at the port", the caption, then "The port strike ended...".
    assert [word for _, _, word in found] == ["strike", "port", "port", "port", "strike"]
    assert [number for _, number, _ in found] == sorted(number for _, number, _ in found)
    assert list(doc.hit_lines) == sorted(doc.hit_lines)
    caption = next(n for n, text in enumerate(texts) if text.startswith(CAPTION_LABEL))
    assert caption in doc.hit_lines


def test_hits_in_the_tags_are_marked_and_the_source_and_url_are_not() -> None:
    tagged = dataclasses.replace(
        article(), source="Port News", url="https://port.example/", tags=("port strike", "union")
    )
    doc = build_document(tagged, find("port"), STYLES, 80)
    texts = [line.text.plain for line in doc.lines]
    tags = texts.index("tags: port strike, union")
    marked = {number for number in doc.hit_lines}
    assert tags in marked  # tags are searched as text, so a hit there is shown and counted
    assert not {n for n, text in enumerate(texts) if "Port News" in text or "://" in text} & marked


def test_a_quote_maps_onto_the_lines_it_covers() -> None:
    doc = build_document(article(), None, STYLES, 24)
    first = doc.quote_lines[0]
    covered = "".join(
        doc.lines[n].text.plain[s:e]
        for n in range(first, len(doc.lines))
        for index, s, e in doc.lines[n].quotes
        if index == 0
    )
    assert covered.replace(" ", "") == "We are back at work,".replace(" ", "")


def test_unsafe_characters_go_and_offsets_follow() -> None:
    body = ("Alpha \x1b[2J\u202e beta \x07gamma delta",)
    text = build_document(
        Article(id="x", path="/x", title="T", paragraphs=body), find("gamma"), STYLES, 80
    )
    line = text.lines[-1]
    assert line.text.plain == "Alpha [2J beta gamma delta"
    ((_, start, end),) = line.hits
    assert line.text.plain[start:end] == "gamma"


def test_a_split_quote_marks_its_pieces_and_not_the_attribution_between() -> None:
    paragraph = '"The budget is tight," she said. "But the library stays open."'
    (quote,) = extract_quotes(("Anna Berg chairs the council.", paragraph))
    assert len(quote.parts) == 2
    doc = build_document(
        Article(
            id="b",
            path="/b.md",
            title="Budget",
            paragraphs=("Anna Berg chairs the council.", paragraph),
            quotes=(quote,),
        ),
        None,
        STYLES,
        200,
    )
    marked = [
        line.text.plain[s:e] for line in doc.lines for index, s, e in line.quotes if index == 0
    ]
    assert marked == ["The budget is tight", "But the library stays open."]
