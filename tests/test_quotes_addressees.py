"""Whoever is told is not what was said: outlets, their programmes and pages (our own words)."""

from __future__ import annotations

import pytest

from index.quotes import extract_quotes

# (sentence, the statement, its speaker)
ROWS: list[tuple[str, str, str]] = [
    # a station with a number, then its programme
    (
        "Lord Vane told Harbour Radio 4's Morning programme the pier could not reopen.",
        "the pier could not reopen",
        "Lord Vane",
    ),
    ("Ada Vik told Harbour FM 96 Live she would stand again.", "she would stand again", "Ada Vik"),
    # a programme whose name has small words in it
    (
        "Mr Holm told Coast Radio's World at Noon he thought the fares were fair.",
        "he thought the fares were fair",
        "Holm",
    ),
    # a page of a site
    (
        "A party spokesman told the Harbour News website the leaflets were printed locally.",
        "the leaflets were printed locally",
        "A party spokesman",
    ),
    # a programme's own name after the word
    (
        "Ana Rui told the Coast Service programme Net Week she hoped pupils would use it.",
        "she hoped pupils would use it",
        "Ana Rui",
    ),
    ("Ana Rui told the newspaper El Faro the tolls would go.", "the tolls would go", "Ana Rui"),
    # a person after the programme starts the statement
    (
        "Mr Holm told Coast Radio's Morning programme Mr Berg had refused the change.",
        "Mr Berg had refused the change",
        "Holm",
    ),
    # the statement first, the outlet last
    (
        "The tolls would go by May, Ana Rui told Coast Radio 2's Evening programme.",
        "The tolls would go by May",
        "Ana Rui",
    ),
]


@pytest.mark.parametrize(("sentence", "text", "speaker"), ROWS)
def test_the_outlet_told_is_left_out_of_the_statement(
    sentence: str, text: str, speaker: str
) -> None:
    (quote,) = extract_quotes([sentence])
    assert (quote.kind, quote.text, quote.speaker) == ("indirect", text, speaker)
