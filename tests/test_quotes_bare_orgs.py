"""A word named only bare ("Nordplan said") may be the organisation a later "it said" means."""

from __future__ import annotations

import pytest

from index.quotes import extract_quotes
from tests.quotecheck import speaker_of

RULE = "bare-org"

# (paragraphs, first words of the quote, speaker)
ROWS: list[tuple[tuple[str, ...], str, str]] = [
    (
        (
            "Trading was brisk on Tuesday. Velmora said its new ferries were on time.",
            "It said the first would sail from Tromvik in June.",
        ),
        "the first would sail",
        "Velmora",
    ),
    (
        (
            "Brackwell said on Friday that it would shut two mills, and 300 jobs at Brackwell "
            "would go.",
            '"We have not taken this step lightly," the firm said.',
        ),
        "We have not taken",
        "Brackwell",
    ),
]

# (paragraphs, first words of the quote, speaker): someone stays a person
KEPT: list[tuple[tuple[str, ...], str, str | None]] = [
    # a first name makes someone a person
    (
        (
            "Shares in the harbour firm rose. Marta said the new ferries were on time.",
            "It said the first would sail in June.",
        ),
        "the first would sail",
        None,
    ),
    # a word the article also writes in lower case is no name
    (
        (
            "Pilots said the new ferries were late. Some pilots were angry.",
            "It said the first would sail in June.",
        ),
        "the first would sail",
        None,
    ),
]


@pytest.mark.parametrize(("paragraphs", "start", "speaker"), ROWS)
def test_it_finds_a_bare_name(paragraphs: tuple[str, ...], start: str, speaker: str) -> None:
    assert speaker_of(paragraphs, start) == speaker


@pytest.mark.parametrize(("paragraphs", "start", "speaker"), ROWS)
def test_switched_off_a_bare_name_stays_a_person(
    paragraphs: tuple[str, ...], start: str, speaker: str
) -> None:
    found = extract_quotes(paragraphs, frozenset({RULE}))
    quote = next(q for q in found if q.text.startswith(start))
    assert quote.speaker != speaker


@pytest.mark.parametrize(("paragraphs", "start", "speaker"), KEPT)
def test_a_person_is_no_organisation(
    paragraphs: tuple[str, ...], start: str, speaker: str | None
) -> None:
    assert speaker_of(paragraphs, start) == speaker


def test_no_he_goes_to_an_organisation_it_stood_for() -> None:
    paragraphs = (
        "Velmora said on Monday that fares on Velmora boats would rise. It said fuel cost more.",
        '"We will keep the night boat," he said.',
    )
    assert speaker_of(paragraphs, "We will") != "Velmora"
    assert speaker_of(paragraphs, "We will", frozenset({RULE})) == "Velmora"
