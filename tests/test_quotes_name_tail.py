"""A body named in full and then by the last words of its name in lower case ("the Harbour
Commission ... the commission said") is one speaker, under its full name."""

from __future__ import annotations

import pytest

from index.quotes import explain_quotes, extract_quotes
from index.quotes.name_tail import NAME_TAIL
from tests.quotecheck import speaker_of

# (paragraphs, first words of the quote, speaker, role)
ROWS: list[tuple[tuple[str, ...], str, str, str]] = [
    # named in passing, then by its last word
    (
        (
            "The ferry line was fined by the Harbour Commission on Monday.",
            "The commission said the line had ignored two warnings.",
        ),
        "the line had",
        "Harbour Commission",
        "the commission",
    ),
    # by its last two words, after it spoke under its full name
    (
        (
            "The Nordland Assembly Government said the plan was unfair.",
            '"We will fund the ferries ourselves," said the assembly government.',
        ),
        "We will fund",
        "The Nordland Assembly Government",
        "the assembly government",
    ),
    # a name that goes on after "of": the head before it is what the report calls it
    (
        (
            "The appeal went to the Vestland Board of Elections.",
            '"The candidate may stand," the board said.',
        ),
        "The candidate may",
        "the Vestland Board of Elections",
        "the board",
    ),
    # the latest of two bodies whose names end so
    (
        (
            "The Green Party and the Coast Party both backed the tunnel.",
            "Later the Coast Party changed course.",
            "The party said the costs had doubled.",
        ),
        "the costs had",
        "Coast Party",
        "the party",
    ),
]

# (paragraphs, first words of the quote, speaker): the description stays as written
KEPT: list[tuple[tuple[str, ...], str, str]] = [
    # a word that ends no body's name ("report"), though a programme's name ends so
    (
        (
            "She spoke on the programme Harbour Business Report on Monday.",
            "The report said that fares would rise.",
        ),
        "that fares would",
        "The report",
    ),
    # a body named only after the description
    (
        (
            "The commission said the line had ignored two warnings.",
            "The line was fined by the Harbour Commission.",
        ),
        "the line had",
        "The commission",
    ),
    # a headline in title case is no body's name
    (
        (
            "Mayor Disputes Account Of Ferry Council Vote",
            "The council said the vote was fair.",
        ),
        "the vote was",
        "The council",
    ),
]


@pytest.mark.parametrize(("paragraphs", "start", "speaker", "role"), ROWS)
def test_a_body_called_by_the_end_of_its_name_is_named(
    paragraphs: tuple[str, ...], start: str, speaker: str, role: str
) -> None:
    quote = next(q for q in extract_quotes(paragraphs) if q.text.startswith(start))
    assert (quote.speaker, quote.role) == (speaker, role)


@pytest.mark.parametrize(("paragraphs", "start", "speaker", "role"), ROWS)
def test_switched_off_the_description_stays(
    paragraphs: tuple[str, ...], start: str, speaker: str, role: str
) -> None:
    assert speaker_of(paragraphs, start, frozenset({NAME_TAIL})) != speaker


@pytest.mark.parametrize(("paragraphs", "start", "speaker"), KEPT)
def test_no_body_where_the_name_does_not_end_so(
    paragraphs: tuple[str, ...], start: str, speaker: str
) -> None:
    assert speaker_of(paragraphs, start) == speaker


def test_explain_names_the_rule_and_the_body() -> None:
    paragraphs = ROWS[0][0]
    explained = next(e for e in explain_quotes(paragraphs) if e.quote.text.startswith("the line"))
    steps = [(step.stage, step.rule) for step in explained.steps]
    assert ("resolve", NAME_TAIL) in steps
    assert any("Harbour Commission" in step.detail for step in explained.steps)
