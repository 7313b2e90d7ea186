"""A description read past its own verb is cut before it: "The club manager refused to"."""

from __future__ import annotations

import pytest

from index.quotes import extract_quotes
from index.quotes.resolve import description_before_verb
from tests.quotecheck import speaker_of

# (phrase read as a speaker, what is kept)
CUTS: list[tuple[str, str]] = [
    ("The club manager refused to", "The club manager"),
    ("An harbour board spokesperson denied Brell made the", "An harbour board spokesperson"),
    ("The institute concluded the threat of new rules", "The institute"),
    ("The ferry company shrugged off", "The ferry company"),
]

# phrases kept whole: participles that describe, clauses, names after a colon
KEPT: list[str] = [
    "the newly appointed harbour master",
    "the retired pilot",
    "the man accused of fraud",
    "a poll of 400 registered voters",
    "a pilot who had represented the union",
    "the port's planned budget figures",
    "the trader turned harbour master",
    "The news that the pier closed on Friday: pilots",
    "the pilot",
]


@pytest.mark.parametrize(("phrase", "kept"), CUTS)
def test_a_description_is_cut_before_its_own_verb(phrase: str, kept: str) -> None:
    assert description_before_verb(phrase) == kept


@pytest.mark.parametrize("phrase", KEPT)
def test_a_description_without_a_verb_of_its_own_is_kept_whole(phrase: str) -> None:
    assert description_before_verb(phrase) == phrase


def test_the_speaker_shown_is_the_description_not_the_sentence() -> None:
    paragraphs = (
        'A harbour board spokesperson denied Brell made the remark, insisting: "He never said it."',
    )
    assert speaker_of(paragraphs, "He never") == "A harbour board spokesperson"


@pytest.mark.parametrize(
    "paragraph",
    [
        "Ada Vik told researchers of the sheer hostility prompted by her move to the board: "
        '"They laughed."',
    ],
)
def test_a_speaker_phrase_read_past_its_verb_of_saying_is_cut_there(paragraph: str) -> None:
    quote = next(q for q in extract_quotes((paragraph,)) if q.text.strip('"') in _SAID)
    assert quote.speaker == "Ada Vik"


_SAID = ("They laughed.", "empty promise")
