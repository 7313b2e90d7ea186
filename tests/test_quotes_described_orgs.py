"""A body that a description introduces ("engineering group Halvard") is what "the company"
later stands for; a name joined by "&" is one organisation."""

from __future__ import annotations

import pytest

from index.quotes import extract_quotes
from index.quotes.described_orgs import DESCRIBED_ORG
from tests.quotecheck import speaker_of

# (paragraphs, first words of the quote, speaker, role)
ROWS: list[tuple[tuple[str, ...], str, str, str | None]] = [
    # the head of a description right before the name
    (
        (
            "The sale lifted shares in engineering group Halvard by 9% on Monday.",
            "The company said it would sell its rail arm.",
        ),
        "it would sell",
        "Halvard",
        "the company",
    ),
    # ... after a preposition, in passing
    (
        (
            "The warning came from e-mail filtering firm Postbox Systems.",
            "The firm said that attacks had doubled since June.",
        ),
        "that attacks had",
        "Postbox Systems",
        "the firm",
    ),
    # an appositive headed by a body's noun after the name
    (
        (
            "Tidewell Pay, the Bergen-based payments company that moved north last year, will "
            "cut 180 jobs.",
            "The company said in a statement that it would close its savings arm.",
        ),
        "that it would close",
        "Tidewell Pay",
        "the company",
    ),
    # the sentence is about the body's shares: "it" is the body
    (
        (
            "Shares in drugs firm Fenmoor slid by a fifth on Monday after it said a partner had "
            "pulled out.",
        ),
        "a partner had",
        "Fenmoor",
        None,
    ),
    # a maker named by what it makes ("drugmaker", "chipmaker") is a business too
    (
        (
            "A court in Oslo fined Danish drugmaker Saltvik 2m crowns on Monday.",
            '"We will appeal against the ruling," the firm said in a statement.',
        ),
        "We will appeal",
        "Saltvik",
        "the firm",
    ),
    # no description at all: whatever has shares traded is a body, which "it" stands for
    (
        (
            "Shares in Brimstad Kiosk fell by a third after the chain revealed a loss.",
            "It also warned that it might close 40 shops.",
        ),
        "that it might close",
        "Brimstad Kiosk",
        None,
    ),
    # an appositive opened by a place's possessive
    (
        (
            "Fjordliv, Norway's oldest mutual insurer, has cut its bonuses.",
            "The insurer argued that shares would recover in the long run.",
        ),
        "that shares would",
        "Fjordliv",
        "the insurer",
    ),
]

# (paragraphs, first words of the quote, speaker): no body a description introduced
KEPT: list[tuple[tuple[str, ...], str, str | None]] = [
    # an appositive that gives a person's role at a body
    (
        (
            "Sales fell, said Quist Tamm, a spokeswoman for the parent company.",
            "The company said that it would cut jobs.",
        ),
        "that it would cut",
        "The company",
    ),
    # a watchdog is not the bank it looks into
    (
        (
            "Shares in lender Fjordbank fell after the inquiry was announced.",
            "The watchdog said it had found evidence of mis-selling.",
        ),
        "it had found",
        "The watchdog",
    ),
    # nor a union the shipping giant, though the giant is later called by its first word
    (
        (
            "The line was sold by shipping giant Halvard Lines. Halvard said it was proud of the "
            "deal.",
            "The ferries were losing money, according to the union.",
        ),
        "The ferries were",
        "the union",
    ),
    # an agency is not the campaign group named before it
    (
        (
            "The campaign group Rivers Trust wants limits on farm water.",
            "The regional environment agency said it had cut permitted abstraction by a tenth.",
        ),
        "it had cut",
        "The regional environment agency",
    ),
    # a body named in passing is in view of "the company", not of "it"
    (
        (
            "The harbour fund has sold its stake in engineering group Halvard.",
            "It said the sale would raise 40m crowns.",
        ),
        "the sale would",
        None,
    ),
    # a hyphenated first name after a body's noun is a person's
    (
        (
            "The founder of the company Anne-Lise Brekke said demand was soft.",
            "The firm said it would hire 20 analysts.",
        ),
        "it would hire",
        "The firm",
    ),
]


def _speaker_and_role(paragraphs: tuple[str, ...], start: str) -> tuple[str | None, str | None]:
    quote = next(q for q in extract_quotes(paragraphs) if q.text.startswith(start))
    return quote.speaker, quote.role


@pytest.mark.parametrize(("paragraphs", "start", "speaker", "role"), ROWS)
def test_a_body_a_description_introduces_is_named(
    paragraphs: tuple[str, ...], start: str, speaker: str, role: str | None
) -> None:
    assert _speaker_and_role(paragraphs, start) == (speaker, role)


@pytest.mark.parametrize(("paragraphs", "start", "speaker", "role"), ROWS)
def test_switched_off_the_body_is_not_found(
    paragraphs: tuple[str, ...], start: str, speaker: str, role: str | None
) -> None:
    found = extract_quotes(paragraphs, frozenset({DESCRIBED_ORG}))
    assert next(q for q in found if q.text.startswith(start)).speaker != speaker


@pytest.mark.parametrize(("paragraphs", "start", "speaker"), KEPT)
def test_no_body_where_the_words_do_not_say_so(
    paragraphs: tuple[str, ...], start: str, speaker: str | None
) -> None:
    assert speaker_of(paragraphs, start) == speaker


# (paragraphs, first words of the quote, speaker, role): names joined by "&"
AMPERSAND: list[tuple[tuple[str, ...], str, str, str | None]] = [
    (
        ("Accountancy firm Berg & Lund said that tax takings would fall.",),
        "that tax takings",
        "Berg & Lund",
        "Accountancy firm",
    ),
    # a person at such a firm is the speaker, not the firm
    (
        ('"Things are worse than they look," said Ada Vik of Berg & Lund in Oslo.',),
        "Things are worse",
        "Ada Vik",
        None,
    ),
    # the firm later called by its first word, then described, keeps its whole name
    (
        (
            "An adviser at insurance firm Strand & Moe has admitted fraud.",
            '"We are shocked," Strand said in a statement. The company added that it would '
            "help the police.",
        ),
        "that it would help",
        "Strand & Moe",
        "the company",
    ),
]


@pytest.mark.parametrize(("paragraphs", "start", "speaker", "role"), AMPERSAND)
def test_a_name_joined_by_an_ampersand_is_one_body(
    paragraphs: tuple[str, ...], start: str, speaker: str, role: str | None
) -> None:
    assert _speaker_and_role(paragraphs, start) == (speaker, role)


def test_a_start_up_is_a_body_the_company_stands_for() -> None:
    paragraphs = (
        "Fennick, a Tromvik payments start-up that lets market traders take cards, has raised "
        "4m crowns from investors led by the venture firm Greyholm Partners.",
        "The company, founded two years ago by two engineers, says 6,000 traders use its app.",
    )
    assert speaker_of(paragraphs, "6,000 traders") == "Fennick"


def test_a_subject_the_article_calls_a_media_group_is_what_the_company_stands_for() -> None:
    # (a name read as an organisation anyway, "Post", keeps the description's head as a role)
    paragraphs = (
        "Revenues at media group Tromvik Post rose 4% in 2004.",
        "The company said it would print a Sunday edition.",
    )
    assert _speaker_and_role(paragraphs, "it would print") == ("Tromvik Post", "the company")
