"""An organisation described ("the company said") is the one the article named just before."""

from __future__ import annotations

import pytest

from index.quotes import extract_quotes
from index.quotes.orgs import org_phrase, whole_org_name
from tests.quotecheck import speaker_of

RULE = "org-description"

# (paragraphs, first words of the quote, speaker, role)
ROWS: list[tuple[tuple[str, ...], str, str, str | None]] = [
    (
        # a firm taken as "the company" once stays one, though it speaks by name after
        (
            "Nordplan has said it will replace two million ferry seats.",
            "The company said the move was a precaution. Nordplan said it had received 30 "
            "complaints. The firm said fewer than one seat in 10,000 had broken.",
        ),
        "fewer than one seat",
        "Nordplan",
        "the firm",
    ),
    (
        (
            "Nordplan posted a loss of 20m crowns on Monday, and shares in Nordplan fell 5%.",
            "The company said sales would recover in the spring.",
        ),
        "sales would recover",
        "Nordplan",
        "the company",
    ),
    (
        (
            "Kestrel has cut its winter timetable, and fares at Kestrel will rise.",
            '"We expect to fly every route again by May," the Danish airline said.',
        ),
        "We expect to fly",
        "Kestrel",
        "the Danish airline",
    ),
    # a one-word name that only ever opens a sentence, as the subject of "said"
    (
        (
            "Fjordlink has said it will recall 40,000 of its ferry tickets.",
            "The company said the recall was a precaution.",
        ),
        "the recall was",
        "Fjordlink",
        "the company",
    ),
    # a paper named with "the" and then described
    (
        (
            "Halden Ferries will close two routes, according to the Tromvik Herald.",
            "The paper said the routes had lost money for years.",
        ),
        "the routes had",
        "the Tromvik Herald",
        "the paper",
    ),
    # "The Post" is the paper's name, though "Post" alone names nothing
    (
        (
            "The Post said the mayor would resign.",
            "The newspaper said the council had been told on Friday.",
        ),
        "the council had",
        "The Post",
        "the newspaper",
    ),
    # a paper named before the word for what it is
    (
        (
            "The Halden Courier newspaper said it had seen the harbour accounts.",
            "The paper said the accounts showed a loss.",
        ),
        "the accounts showed",
        "The Halden Courier",
        "the paper",
    ),
    # past someone named since: the firm is still the one the article is about
    (
        (
            "Sportswear firm Nordplan has posted a record profit.",
            "Chief executive Ada Vik said the firm would open ten shops.",
            "The firm, reporting its first results since listing, said sales rose by 8%.",
        ),
        "sales rose",
        "Nordplan",
        "the firm",
    ),
    (
        (
            "FJP, the Union of Fjord Pilots, agrees.",
            '"The new rule is a step backwards," the organisation said in a statement.',
        ),
        "The new rule",
        "FJP",
        "the organisation",
    ),
]

# (paragraphs, first words of the quote, speaker): a description that stays one
KEPT: list[tuple[tuple[str, ...], str, str]] = [
    # a description with a name of its own
    (
        (
            "Nordplan posted a loss on Monday, and shares in Nordplan fell 5%.",
            "The Halden news agency said the loss was the first in ten years.",
        ),
        "the loss was",
        "The Halden news agency",
    ),
    # a central bank is not the lender just named
    (
        (
            "Nordbank posted a loss on Monday, and shares in Nordbank fell 5%.",
            "The central bank said rates would stay on hold.",
        ),
        "rates would stay",
        "The central bank",
    ),
    # "the paper" is a publication, not the airline that spoke last
    (
        (
            "Kestrel has said it will cut fares, the Tromvik Herald reported.",
            "Kestrel later said it would also cut jobs. Fares will fall again, the paper said.",
        ),
        "Fares will fall",
        "the paper",
    ),
    # nor a business named in what the paper said
    (
        (
            "The Tromvik Herald said on Monday that fares would rise.",
            "Kestrel will also cut its winter timetable, the newspaper said.",
        ),
        "Kestrel will also",
        "The Tromvik Herald",
    ),
    # a paper is no group, and a country no company
    (
        (
            "The Tromvik Sun-Times said the strike would go on.",
            '"We will march again," the group said.',
        ),
        "We will march",
        "the group",
    ),
    (
        (
            "HaldenTV said the ferry strike would go on.",
            "The airline said its flights were full.",
        ),
        "its flights were",
        "The airline",
    ),
    (
        (
            "China said on Monday that the port would reopen.",
            "The company said the port had been closed for a week.",
        ),
        "the port had",
        "The company",
    ),
    # a speaker noun opening a sentence is no name
    (
        (
            "Analysts said the deal was late.",
            "The company said the deal would close in March.",
        ),
        "the deal would",
        "The company",
    ),
    # a business description never stands for a public body
    (
        (
            "The Harbour Commission fined two ferry firms. The Harbour Commission said more fines "
            "would follow.",
            "The company said it would appeal.",
        ),
        "it would appeal",
        "The company",
    ),
]


@pytest.mark.parametrize(("paragraphs", "start", "speaker", "role"), ROWS)
def test_a_described_organisation_is_named(
    paragraphs: tuple[str, ...], start: str, speaker: str, role: str | None
) -> None:
    quote = next(q for q in extract_quotes(paragraphs) if q.text.startswith(start))
    assert (quote.speaker, quote.role) == (speaker, role)
    assert quote.rule != RULE  # (the rule resolves the speaker; the quote's own rule found it)


@pytest.mark.parametrize(("paragraphs", "start", "speaker", "role"), ROWS)
def test_switched_off_the_description_stays(
    paragraphs: tuple[str, ...], start: str, speaker: str, role: str | None
) -> None:
    found = extract_quotes(paragraphs, frozenset({RULE}))
    quote = next(q for q in found if q.text.startswith(start))
    assert quote.speaker is not None and quote.speaker[:1].lower() + quote.speaker[1:] == role


@pytest.mark.parametrize(("paragraphs", "start", "speaker"), KEPT)
def test_a_description_that_names_no_one_before_stays(
    paragraphs: tuple[str, ...], start: str, speaker: str
) -> None:
    assert speaker_of(paragraphs, start) == speaker


@pytest.mark.parametrize(
    "club", ["Real Tromvik", "Halden Wanderers", "Tromvik United", "Tromvik Forest", "Halden Town"]
)
def test_a_sports_club_is_no_person_a_pronoun_could_mean(club: str) -> None:
    paragraphs = (
        "Halden midfielder Edu has hit out at the club.",
        f"Edu's deal runs out in June and he has been linked with Danish trio {club}, Odense "
        "and Vejle.",
        'He told the radio station: "I have not decided where I will play next season."',
    )
    assert speaker_of(paragraphs, "I have not") != club


# (a speaker phrase, the organisation's whole name or None for a person)
ORG_PHRASES: list[tuple[str, str | None]] = [
    ("The Bank of Tromvik", "The Bank of Tromvik"),
    (
        "the Institute for Harbour and Coastal Studies (IHCS)",
        "the Institute for Harbour and Coastal Studies",
    ),
    ("the Harbour Commissioner's Office", "the Harbour Commissioner's Office"),
    ("the Tromvik Chambers of Commerce", "the Tromvik Chambers of Commerce"),
    ("Ada Vik of the Harbour Board", None),  # a person, then where they work
    ("Harbour Office minister Ada Vik", None),  # a person with a role
    ("Port Office Minister Jon Dahl", None),
    ("Guy Chambers", None),
]


@pytest.mark.parametrize(("phrase", "name"), ORG_PHRASES)
def test_an_organisation_keeps_its_whole_name(phrase: str, name: str | None) -> None:
    assert org_phrase(phrase) == name


def test_a_report_names_the_whole_organisation() -> None:
    paragraphs = (
        "The Institute for Harbour and Coastal Studies (IHCS) said traffic fell by a tenth.",
        "The Bank of Tromvik said lending had slowed.",
    )
    speakers = [quote.speaker for quote in extract_quotes(paragraphs)]
    assert speakers == ["The Institute for Harbour and Coastal Studies", "The Bank of Tromvik"]


def test_it_stands_for_a_body_whose_name_ends_after_and() -> None:
    paragraphs = (
        "In a statement, the Department of Roads and Rivers said the bridge would reopen in "
        "May. And it said the ferry would run until then.",
    )
    speakers = [quote.speaker for quote in extract_quotes(paragraphs)]
    assert speakers == ["the Department of Roads and Rivers"] * 2


def test_a_body_in_a_list_of_names_is_no_subject_it_could_stand_for() -> None:
    paragraphs = (
        "The Harbour Trust said it would fight the plan.",
        "It wants seats for small ports on the Nordic Council, Fjord Assembly or Coast Board. "
        "And it said that fees must fall.",
    )
    speakers = [quote.speaker for quote in extract_quotes(paragraphs)]
    assert speakers == ["The Harbour Trust"] * 2


@pytest.mark.parametrize(
    ("text", "run", "whole"),
    [
        ("the Department of Roads and Rivers said", "Rivers", "the Department of Roads and Rivers"),
        ("The Bank of Tromvik said", "Tromvik", "The Bank of Tromvik"),
        ("carmakers Halden Motors and Skyfare said", "Skyfare", None),  # two firms
        ("the Ferry Trust and Harbour Friends said", "Harbour Friends", None),
        ("Ada Vik of the Harbour Board said", "Harbour Board", None),  # a person's body
    ],
)
def test_the_whole_name_a_run_ends(text: str, run: str, whole: str | None) -> None:
    start = text.index(run)
    found = whole_org_name(text, start, start + len(run))
    assert (found[1] if found is not None else None) == whole


# Paragraphs about one firm, then far more than the reach of "it" on other matters.
_FILLER = (
    "The harbour itself has changed a great deal over the past decade, with new cranes on the "
    "north quay, a wider channel for the container ships and a ferry terminal that opened two "
    "years late and well over its budget, to the dismay of nearly everyone in town."
)
TOPIC = (
    "Nordplan Group will cut 200 jobs at its Tromvik yard, the firm announced on Monday.",
    "Nordplan Group has built ships in Tromvik since 1961. Nordplan Group employs about "
    "900 people in the town.",
    _FILLER,
    _FILLER,
    _FILLER,
    _FILLER,
    "Staff who lose their jobs will receive six months' pay, the company said.",
)


def test_the_company_far_from_any_name_is_the_firm_the_article_is_about() -> None:
    assert speaker_of(TOPIC, "Staff who lose") == "Nordplan Group"
    assert speaker_of(TOPIC, "Staff who lose", frozenset({"topic-org"})) == "the company"


def test_a_firm_named_twice_is_no_topic_but_is_the_firm_named_last() -> None:
    near = (TOPIC[0], _FILLER, _FILLER, _FILLER, _FILLER, TOPIC[-1])
    assert speaker_of(near, "Staff who lose") == "Nordplan Group"  # (the one firm named)
    far = (TOPIC[0], *[_FILLER] * 8, TOPIC[-1])
    assert speaker_of(far, "Staff who lose") == "the company"
