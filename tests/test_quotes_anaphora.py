"""A description of the one just named ("the Tromvik striker") gives their name."""

from __future__ import annotations

import pytest

from tests.quotecheck import speaker_of

# (paragraphs, first words of the quote, speaker)
ROWS: list[tuple[tuple[str, ...], str, str]] = [
    (
        (
            "Ada Vik has pulled out of the indoor meeting in Halden with a calf injury.",
            'The double Olympic champion said: "I am gutted to miss it."',
        ),
        "I am gutted",
        "Ada Vik",
    ),
    (
        (
            "Jon Dahl scored twice as Tromvik beat the league leaders on Saturday.",
            '"We were the better side for an hour," said the Tromvik striker.',
        ),
        "We were the better side",
        "Jon Dahl",
    ),
    (
        (
            "Ingrid Sole won her third title in a row on Sunday.",
            '"It never gets easier," the Halden-based athlete told reporters.',
        ),
        "It never gets easier",
        "Ingrid Sole",
    ),
]


@pytest.mark.parametrize(("paragraphs", "start", "speaker"), ROWS)
def test_a_description_of_the_one_just_named_gives_the_name(
    paragraphs: tuple[str, ...], start: str, speaker: str
) -> None:
    assert speaker_of(paragraphs, start) == speaker


def test_another_one_is_not_the_one_just_named() -> None:
    paragraphs = (
        "Jon Dahl scored twice as Tromvik beat the league leaders on Saturday.",
        '"We were the better side for an hour," said the other Tromvik striker.',
    )
    assert speaker_of(paragraphs, "We were") != "Jon Dahl"
