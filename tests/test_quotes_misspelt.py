"""A surname misspelt by one letter between mentions ("Ada Vikstrom ... Ms Vikstrum said") is
the person named in full, when no one else is that close."""

from __future__ import annotations

import pytest

from index.quotes import explain_quotes
from index.quotes.misspelt import MISSPELT_NAME, one_letter_apart
from tests.quotecheck import speaker_of

# (paragraphs, first words of the quote, speaker)
ROWS: list[tuple[tuple[str, ...], str, str]] = [
    # a letter dropped
    (
        (
            "Ingrid Haldorsen, the harbour's pilot, said the channel had silted up.",
            '"It needs dredging by spring," Ms Haldorsn said.',
        ),
        "It needs dredging",
        "Ingrid Haldorsen",
    ),
    # two letters swapped, in a later paragraph
    (
        (
            "The ferry firm is run by Tomas Brekkevold.",
            "Its fares will rise by a tenth in May.",
            '"We have no choice," said Brekkevlod.',
        ),
        "We have no choice",
        "Tomas Brekkevold",
    ),
]

# (paragraphs, first words of the quote, speaker): the name stays as written
KEPT: list[tuple[tuple[str, ...], str, str]] = [
    # two people one letter away: no telling which
    (
        (
            "Jon Halvorsen and Kari Halvorson run the yard.",
            '"It will close," Halvorsan said.',
        ),
        "It will close",
        "Halvorsan",
    ),
    # a short surname: too many names lie one letter apart
    (
        ("Ada Vik runs the yard.", '"It will close," Mr Vil said.'),
        "It will close",
        "Vil",
    ),
]


@pytest.mark.parametrize(("paragraphs", "start", "speaker"), ROWS)
def test_a_misspelt_surname_is_the_person_named_in_full(
    paragraphs: tuple[str, ...], start: str, speaker: str
) -> None:
    assert speaker_of(paragraphs, start) == speaker
    assert speaker_of(paragraphs, start, frozenset({MISSPELT_NAME})) != speaker


@pytest.mark.parametrize(("paragraphs", "start", "speaker"), KEPT)
def test_a_surname_is_kept_when_no_one_person_is_one_letter_away(
    paragraphs: tuple[str, ...], start: str, speaker: str
) -> None:
    assert speaker_of(paragraphs, start) == speaker


@pytest.mark.parametrize(
    ("a", "b", "apart"),
    [
        ("haldorsen", "haldorsn", True),
        ("haldorsen", "haldorsein", True),
        ("haldorsen", "haldorsan", True),
        ("haldorsen", "ahldorsen", True),
        ("haldorsen", "haldorsen", False),
        ("haldorsen", "hladorsne", False),
        ("haldorsen", "haldor", False),
    ],
)
def test_one_letter_apart(a: str, b: str, apart: bool) -> None:
    assert one_letter_apart(a, b) is apart
    assert one_letter_apart(b, a) is apart


def test_explain_names_the_rule() -> None:
    explained = next(e for e in explain_quotes(ROWS[0][0]) if e.quote.text.startswith("It needs"))
    assert ("resolve", MISSPELT_NAME) in [(step.stage, step.rule) for step in explained.steps]
    assert next(step for step in explained.steps if step.rule == MISSPELT_NAME).detail.endswith(
        "a surname one letter apart"
    )
