"""Reported speech rules: one row per rule, in our own words; each row fails without its rule."""

from __future__ import annotations

import pytest

from index.corpus.article import PARAGRAPH_SEPARATOR, Quote
from index.quotes import extract_quotes
from tests.quotecheck import check_offsets

# (rule, paragraphs, expected quotes as (kind, text, speaker))
ROWS: list[tuple[str, tuple[str, ...], list[tuple[str, str, str | None]]]] = [
    (
        "report-and-said",
        ("The visitors included Ada Vik, who opened her door on Sunday and said she would sail.",),
        [("indirect", "she would sail", "Ada Vik")],
    ),
    (
        "report-and-said",
        ("Ada Vik has backed the plan but has said she will vote against the budget.",),
        [("indirect", "she will vote against the budget", "Ada Vik")],
    ),
    (
        "report-phrase-subject",
        ("People briefed on the harbour plans said that the pier would reopen in May.",),
        [("indirect", "that the pier would reopen in May", "People briefed on the harbour plans")],
    ),
    (
        "report-phrase-subject",
        ("Outside experts also say the pier is far from safe.",),
        [("indirect", "the pier is far from safe", "Outside experts")],
    ),
    (
        "report-call-for",
        ("Ada Vik closed the pier on Monday, calling for a full survey of the timbers.",),
        [("indirect", "a full survey of the timbers", "Ada Vik")],
    ),
    (
        "report-call-for",
        ("Ada Vik used her speech to call on the council to fund the repairs.",),
        [("indirect", "the council to fund the repairs", "Ada Vik")],
    ),
    (
        "report-aside",
        ("Ada Vik runs the yard.", "This winter, she said, was the hardest in years."),
        [("indirect", "This winter was the hardest in years", "Ada Vik")],
    ),
    (
        "report-aside",
        ("Pivoting to smaller ferries too soon, a wide array of skippers say, harmed trade.",),
        [
            (
                "indirect",
                "Pivoting to smaller ferries too soon harmed trade",
                "a wide array of skippers",
            )
        ],
    ),
    (
        "report-aside",
        ("The cause of the delays, crew members and skippers say, is the old timetable.",),
        [("indirect", "The cause of the delays is the old timetable", "crew members and skippers")],
    ),
    (
        "report-aside",
        ("The hard part of the job, said Mr Dahl, was the early start.",),
        [("indirect", "The hard part of the job was the early start", "Dahl")],
    ),
    (
        "report-then-said",
        ("Ada Vik runs the yard.", "Three of the five members voted to shut the pier, Vik said."),
        [("indirect", "Three of the five members voted to shut the pier", "Ada Vik")],
    ),
    (
        "report-then-said-name",
        (
            "Mr Dahl tried twice to break into the network and took the names and phone numbers "
            "of 400 customers, said a company spokesman.",
        ),
        [
            (
                "indirect",
                "Mr Dahl tried twice to break into the network and took the names and phone "
                "numbers of 400 customers",
                "a company spokesman",
            )
        ],
    ),
    (
        "report-who-said",
        ("The council was out-voting Ada Vik, who said the pier would reopen in May.",),
        [("indirect", "the pier would reopen in May", "Ada Vik")],
    ),
    (
        "report-according-to",
        ("Since May, according to the harbour survey, the pier has lost a third of its beams.",),
        [
            (
                "indirect",
                "Since May the pier has lost a third of its beams",
                "the harbour survey",
            )
        ],
    ),
    (
        "report-according-to",
        ("Absent from the report, according to people who read it, was any word on the ferry.",),
        [("indirect", "Absent from the report was any word on the ferry", "people who read it")],
    ),
    (
        "report-saying",
        (
            "Ada Vik runs the yard.",
            "Vik closed the pier, wrongly suggesting that the beams were rotten.",
        ),
        [("indirect", "that the beams were rotten", "Ada Vik")],
    ),
    (
        "report-said-that",
        ("Ada Vik runs the yard.", "She isn't saying which yard will build the hull."),
        [("indirect", "which yard will build the hull", "Ada Vik")],
    ),
]


def _indirect(paragraphs: tuple[str, ...], disabled: frozenset[str]) -> list[tuple[str, ...]]:
    found = extract_quotes(paragraphs, disabled)
    body = PARAGRAPH_SEPARATOR.join(paragraphs)
    for quote in found:
        check_offsets(quote, body)
    return [_row(quote) for quote in found]


def _row(quote: Quote) -> tuple[str, ...]:
    return (quote.kind, quote.text, quote.speaker or "")


@pytest.mark.parametrize(("rule", "paragraphs", "expected"), ROWS)
def test_reported_speech_rule(
    rule: str, paragraphs: tuple[str, ...], expected: list[tuple[str, str, str | None]]
) -> None:
    want = [(kind, text, speaker or "") for kind, text, speaker in expected]
    assert _indirect(paragraphs, frozenset()) == want
    found = extract_quotes(paragraphs)
    assert {quote.rule for quote in found} == {rule}


@pytest.mark.parametrize(("rule", "paragraphs", "expected"), ROWS)
def test_reported_speech_rule_switched_off(
    rule: str, paragraphs: tuple[str, ...], expected: list[tuple[str, str, str | None]]
) -> None:
    want = [(kind, text, speaker or "", rule) for kind, text, speaker in expected]
    found = extract_quotes(paragraphs, frozenset({rule}))
    assert [(*_row(quote), quote.rule) for quote in found] != want


def test_a_quote_closed_at_the_start_of_a_sentence_is_no_statement() -> None:
    paragraphs = (
        "Tom Berg wrote of \u201cthe hulls we build for the fleet and the crews",
        "\u201d \u2026 he gave calm answers and jokes, Ada Vik wrote.",
    )
    assert all(q.kind != "indirect" for q in extract_quotes(paragraphs))


def test_words_opening_a_sentence_before_a_quote_are_no_statement() -> None:
    paragraph = 'Six months ago, Ada Vik said, "we had no ferry at all."'
    assert [q.kind for q in extract_quotes([paragraph])] == ["direct"]


@pytest.mark.parametrize(
    "sentence",
    [
        # a past tense with its own object or infinitive: the words are a clause, and
        # "reports" after "newspaper" is a noun
        "Ada Vik refused to discuss weekend newspaper reports that the pier had been sold.",
        "Mr Brell denied the harbour board reports that the quay would close.",
    ],
)
def test_a_clause_with_a_verb_of_its_own_is_no_speaker_phrase(sentence: str) -> None:
    speakers = {quote.speaker or "" for quote in extract_quotes((sentence,))}
    assert not any(speaker.endswith(("newspaper", "board")) for speaker in speakers)


@pytest.mark.parametrize(
    "sentence",
    [
        # what is being written, not what anyone wrote that something is so
        "The duo are doubted because they do not write their own songs.",
        "The band are writing their fourth album.",
        # a label the verb gives, and when something was said
        "Readers can filter the stories they have noted as important.",
        "The harbour master said as the ferry left the quay.",
        # a relative clause: what the speaker named or wrote is the noun before "which"
        "Ferry fares will rise again in May, which the opposition described as a hidden tax.",
        "Ada Vik won the prize for Harbour Lights, which she wrote, directed and starred in.",
        # a clause that says when it was said, and that something was asked
        "The mayor spoke in May after the ferry company announced it was cutting routes.",
        "The mayor said in May after the ferry company announced it was cutting routes.",
        '"The pier is safe," the mayor said when the harbour master asked him a question.',
        "The harbour master then asked the mayor two more questions.",
        # what "revealed" reports must be a clause, not a thing
        "Ada Vik revealed the full scale of the planned ferry cuts.",
        "Ada Vik announced plans for a second ferry next year.",
        "The ferry club confirmed his place in the race to Bergen.",
        "The ferry firm reported between $5m and $7m in fares for the summer.",
    ],
)
def test_a_thing_written_a_label_or_a_time_is_no_statement(sentence: str) -> None:
    assert [q.text for q in extract_quotes((sentence,)) if q.kind == "indirect"] == []


@pytest.mark.parametrize(
    ("sentence", "start"),
    [
        ("Ada Vik wrote that the ferry was late again.", "that the ferry"),
        ("Ada Vik said as many as 300 jobs could go at the yard.", "as many as"),
        ("Ada Vik said as the pier was shut, the ferry would stop.", "as the pier"),
        (
            "Ada Vik said after the storm the ferry would not sail again this year.",
            "after the storm",
        ),
        ("Ada Vik said once the pier had shut it could not reopen.", "once the pier"),
        ("Ada Vik said while the pier was old, it was safe.", "while the pier"),
        ("Ada Vik revealed the ferry firm is in talks with a buyer.", "the ferry firm is"),
        ("Ada Vik revealed that she had sold the ferry.", "that she had"),
        # the one a paper reports as saying it is the speaker, with their own verb
        (
            "According to the Harbour Times, ferry boss Ada Vik said fares would rise.",
            "fares would",
        ),
        ("Ada Vik announced the ferry would close in May.", "the ferry would close"),
        ("Ada Vik added the ferry had been late for weeks.", "the ferry had been"),
    ],
)
def test_a_statement_after_write_or_as_is_kept(sentence: str, start: str) -> None:
    assert [q.text[: len(start)] for q in extract_quotes((sentence,))] == [start]
