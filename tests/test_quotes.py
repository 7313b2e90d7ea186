"""Quote extraction: one test per shape of PRODUCT.md section 2, in the team's own sentences."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path

import pytest

from index.corpus.article import PARAGRAPH_SEPARATOR, Quote
from index.quotes import extract_quotes
from index.quotes.speakers import parse_source
from tests.conftest import without_shared
from tests.quotecheck import check_offsets

SEED_DIR = Path(__file__).resolve().parents[2] / "shared" / "seed"


def quotes_of(*paragraphs: str) -> tuple[Quote, ...]:
    """Extract quotes and check the offsets against the joined body on the way."""
    found = extract_quotes(paragraphs)
    body = PARAGRAPH_SEPARATOR.join(paragraphs)
    for quote in found:
        check_offsets(quote, body)
    return found


def only(found: Sequence[Quote]) -> Quote:
    assert len(found) == 1, found
    return found[0]


def test_direct_quote_with_speaker_after() -> None:
    quote = only(quotes_of('"We will open the bridge next spring," said Maria Lopez.'))
    assert quote.kind == "direct"
    assert quote.text == "We will open the bridge next spring"
    assert quote.speaker == "Maria Lopez"
    assert (quote.paragraph, quote.start) == (0, 1)


def test_direct_quote_with_speaker_before() -> None:
    quote = only(quotes_of('Maria Lopez said: "We will open the bridge next spring."'))
    assert quote.kind == "direct"
    assert quote.speaker == "Maria Lopez"
    assert quote.text == "We will open the bridge next spring."


def test_speaker_name_then_verb_after_quote() -> None:
    quote = only(quotes_of('"The harvest came early this year," Nand said.'))
    assert quote.speaker == "Nand"


@pytest.mark.parametrize("between", [" she said. ", " she said, "])
def test_quote_split_by_its_attribution_is_one_quote_in_two_pieces(between: str) -> None:
    first = "Anna Berg chairs the council."
    second = f'"The budget is tight,"{between}"But the library stays open."'
    quote = only(quotes_of(first, second))
    assert quote.text == "The budget is tight. But the library stays open."
    assert quote.speaker == "Anna Berg"
    assert quote.paragraph == 1
    base = len(first) + len(PARAGRAPH_SEPARATOR)
    body = PARAGRAPH_SEPARATOR.join((first, second))
    assert [body[s:e] for s, e in quote.parts] == [
        "The budget is tight",
        "But the library stays open.",
    ]
    assert quote.start == base + 1


def test_quotes_each_with_its_own_attribution_stay_apart() -> None:
    found = quotes_of(
        "Anna Berg chairs the council.",
        '"The budget is tight," she said. "The library stays open," she added.',
    )
    assert [q.text for q in found] == ["The budget is tight", "The library stays open"]
    assert [q.parts for q in found] == [(), ()]


def test_quote_running_over_paragraphs() -> None:
    paragraphs = (
        "Tom Reyes spoke for an hour.",
        '"We have waited too long for this road. Every winter it floods.',
        '"This year we will fix it," he said.',
    )
    quote = only(quotes_of(*paragraphs))
    assert quote.paragraph == 1
    assert quote.text == (
        "We have waited too long for this road. Every winter it floods. This year we will fix it"
    )
    assert quote.speaker == "Tom Reyes"
    body = PARAGRAPH_SEPARATOR.join(paragraphs)
    assert [body[s:e].split()[0] for s, e in quote.parts] == ["We", "This"]


def test_nickname_in_quote_marks_is_part_of_the_name() -> None:
    quote = only(
        quotes_of(
            '"This is our year!" his aunt, state Del. Marcia "Cia" Okoro, told the crowd. '
            '"The whole county is watching."'
        )
    )
    assert quote.speaker == "Marcia Okoro"
    assert quote.text == "This is our year! The whole county is watching."


def test_split_quote_keeps_its_comma_when_the_sentence_goes_on() -> None:
    quote = only(quotes_of('"This year," said Ada Quint, "the river has never been so low."'))
    assert quote.text == "This year, the river has never been so low."
    assert quote.speaker == "Ada Quint"


def test_split_quote_drops_the_comma_between_a_subject_and_its_verb() -> None:
    quote = only(quotes_of('"The river," said Ada Quint, "has never been this low."'))
    assert quote.text == "The river has never been this low."


def test_nested_single_quotes_stay_inside_the_quote() -> None:
    quote = only(
        quotes_of(
            "\u201cMy grandmother used to say \u2018waste not, want not\u2019 and she was "
            "right,\u201d said Ines Okafor."
        )
    )
    assert quote.text.startswith("My grandmother")
    assert "\u2018waste not, want not\u2019" in quote.text
    assert quote.speaker == "Ines Okafor"


@pytest.mark.parametrize(
    ("paragraph", "text"),
    [
        ('"It works," said Lee Chang.', "It works"),
        ("\u201cIt works,\u201d said Lee Chang.", "It works"),
        ("\u00abIt works\u00bb, said Lee Chang.", "It works"),
        ("\u201eIt works\u201c, said Lee Chang.", "It works"),
        ("Lee Chang said: \u2039It works.\u203a", "It works."),
        ("'It works,' said Lee Chang.", "It works"),
        ("''It works,'' said Lee Chang.", "It works"),
    ],
)
def test_straight_curly_angle_and_low_marks(paragraph: str, text: str) -> None:
    quote = only(quotes_of(paragraph))
    assert quote.kind == "direct"
    assert quote.text == text
    assert quote.speaker == "Lee Chang"


def test_role_from_appositive_after_name() -> None:
    quote = only(
        quotes_of(
            '"Traffic will ease," said Maria Lopez, deputy director of the harbour authority.'
        )
    )
    assert quote.speaker == "Maria Lopez"
    assert quote.role == "deputy director of the harbour authority"


def test_role_before_name_in_appositive() -> None:
    quote = only(quotes_of('"Prices will fall," the company\'s chief, Jane Roe, told reporters.'))
    assert quote.speaker == "Jane Roe"
    assert quote.role == "the company's chief"


def test_role_is_carried_from_first_mention_to_later_quotes() -> None:
    found = quotes_of(
        '"We need more buses," said Karl Olsen, head of the transit union.',
        '"And more drivers," Olsen said.',
    )
    assert [q.speaker for q in found] == ["Karl Olsen", "Karl Olsen"]
    assert [q.role for q in found] == ["head of the transit union"] * 2


def test_surname_and_title_mentions_resolve_to_full_name() -> None:
    found = quotes_of(
        "Judge Peter Okafor opened the hearing on Monday.",
        '"The court will not be rushed," Mr Okafor said.',
        "Okafor added that a ruling would come in May.",
    )
    assert [q.speaker for q in found] == ["Peter Okafor", "Peter Okafor"]
    assert [q.kind for q in found] == ["direct", "indirect"]
    assert found[1].text == "that a ruling would come in May"


def test_pronouns_resolve_by_gender() -> None:
    found = quotes_of(
        "Eva Varga met Paul Brandt on Monday to discuss the merger.",
        '"It was a good meeting," she said.',
        '"We agreed on most things," he said.',
    )
    assert [q.speaker for q in found] == ["Eva Varga", "Paul Brandt"]


def test_pronoun_prefers_the_nearer_person() -> None:
    found = quotes_of(
        "John Hale led the first round of talks last spring.",
        "Omar Haddad, a veteran negotiator, leads the second round.",
        '"The gap is narrowing," he said.',
    )
    assert only(found).speaker == "Omar Haddad"


def test_pronoun_too_far_from_any_name_has_no_speaker() -> None:
    filler = "The river rose for a week and the roads were closed to traffic. " * 45
    found = quotes_of("Clara Wu visited the town in March.", filler, '"It was awful," she said.')
    assert only(found).speaker is None


def test_organisation_as_speaker() -> None:
    quote = only(quotes_of("The ministry said in a statement that the border would reopen."))
    assert quote.kind == "indirect"
    assert quote.speaker == "The ministry"
    assert quote.text == "that the border would reopen"


def test_according_to_after_the_statement() -> None:
    quote = only(
        quotes_of(
            "Exports rose by a fifth last year, according to Alderman John Marsh, "
            "Lord Mayor of Harbourtown, during the visit."
        )
    )
    assert quote.kind == "indirect"
    assert quote.text == "Exports rose by a fifth last year"
    assert quote.speaker == "John Marsh"
    assert quote.role == "Lord Mayor of Harbourtown"


def test_according_to_before_the_statement() -> None:
    quote = only(quotes_of("According to the weather service, the storm will pass by noon."))
    assert quote.kind == "indirect"
    assert quote.speaker == "the weather service"
    assert quote.text == "the storm will pass by noon"


@pytest.mark.parametrize(
    ("cited", "source"),
    [
        ("a new report that the council published on Friday", "a new report"),
        ("his profile on the club's website", "his profile on the club's website"),
        (
            "early results of a survey of ferry passengers",
            "early results of a survey of ferry passengers",
        ),
    ],
)
def test_according_to_a_document_or_poll(cited: str, source: str) -> None:
    quote = only(quotes_of(f"The pier will be rebuilt by 2027, according to {cited}."))
    assert (quote.kind, quote.speaker) == ("indirect", source)
    assert quote.text == "The pier will be rebuilt by 2027"


def test_according_to_stops_at_the_comma_after_its_source() -> None:
    found = quotes_of(
        "The crew watched the footage on Thursday, according to their union, and then left."
    )
    assert [(q.speaker, q.text) for q in found] == [
        ("their union", "The crew watched the footage on Thursday")
    ]


@pytest.mark.parametrize(
    ("phrase", "name", "role", "gender"),
    [
        ("Bodø Mr Berg", "Berg", None, "m"),  # a dateline before the name
        ("Harbour Street Ms Vik", "Vik", None, "f"),
        ("Chancellor Mr Berg", "Berg", "Chancellor", "m"),
        ("Mr Berg", "Berg", None, "m"),
    ],
)
def test_a_place_before_a_courtesy_title_is_no_part_of_the_name(
    phrase: str, name: str, role: str | None, gender: str
) -> None:
    source = parse_source(phrase)
    assert source is not None
    assert (source.name, source.role, source.gender) == (name, role, gender)


def test_a_dateline_before_a_named_speaker_gives_the_fullest_name() -> None:
    found = quotes_of(
        "Ola Berg chairs the harbour board.", "Bodø Mr Berg said the ferry would stay."
    )
    assert [(q.speaker, q.role, q.text) for q in found] == [
        ("Ola Berg", None, "the ferry would stay")
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The ferry sent warning messages to passengers on Monday.", []),
        ("The port kept saying boards up all winter.", []),
        (
            "Ada Vik confirmed her son had left the ship.",
            [("Ada Vik", "her son had left the ship")],
        ),
        ("Ada Vik said her plan works.", [("Ada Vik", "her plan works")]),
        ("Ada Vik is warning that the pier will close.", [("Ada Vik", "that the pier will close")]),
        (
            "Ada Vik left the meeting, saying she would run again.",
            [("Ada Vik", "she would run again")],
        ),
    ],
)
def test_a_word_of_saying_used_as_a_noun_is_no_cue(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert [(q.speaker, q.text) for q in quotes_of(sentence)] == expected


@pytest.mark.parametrize("phrase", ["including his wife", "Holm's relatives, including his wife"])
def test_an_aside_after_a_subject_is_never_the_speaker(phrase: str) -> None:
    source = parse_source(phrase)
    assert source is None or source.name != "including his wife"


def test_according_to_a_person_with_a_role_before_the_statement() -> None:
    quote = only(
        quotes_of(
            "According to Dr Tomas Reyes, head of surgery at the Westgate hospital, "
            "waiting lists will be shorter by spring."
        )
    )
    assert quote.speaker == "Tomas Reyes"
    assert quote.role == "head of surgery at the Westgate hospital"
    assert quote.text == "waiting lists will be shorter by spring"


def test_according_to_keeps_a_clause_that_is_no_role() -> None:
    quote = only(quotes_of("According to Reyes, the ward reopened, and the queue fell."))
    assert quote.speaker == "Reyes"
    assert quote.text == "the ward reopened, and the queue fell"


def test_a_title_at_first_mention_is_the_role_unless_a_fuller_one_follows() -> None:
    found = quotes_of(
        "Transport Secretary Olga Brandt opened the new tram line on Friday.",
        '"It took eleven years," Ms Brandt said.',
        "Judge Ivo Sand, president of the harbour tribunal, spoke next.",
        '"We will rule by May," Sand said.',
    )
    assert [(q.speaker, q.role) for q in found] == [
        ("Olga Brandt", "Transport Secretary"),
        ("Ivo Sand", "president of the harbour tribunal"),
    ]


def test_sentence_adverbs_and_times_are_no_speakers() -> None:
    found = quotes_of(
        "Currently, the harbour board said it would publish the tender in March.",
        "The week also told a different story about the ferry timetable.",
    )
    assert [q.speaker for q in found] == ["the harbour board"]


def test_a_name_and_its_verb_are_no_speaker() -> None:
    found = quotes_of(
        "At the launch, Ms Duarte quoted her first editor, a stern Lisbon typesetter, "
        'who she said once told her: "Check the names twice."'
    )
    assert only(found).speaker != "Ms Duarte quoted her first editor"
    assert "quoted" not in (only(found).speaker or "")


@pytest.mark.parametrize(
    "verb",
    [
        "said that",
        "noted that",
        "added that",
        "warned that",
        "told reporters that",
        "told the planning board that",
    ],
)
def test_reported_speech_verbs(verb: str) -> None:
    found = quotes_of("Sara Kim runs the plant.", f"Kim {verb} the plant would close in June.")
    quote = only(found)
    assert quote.kind == "indirect"
    assert quote.speaker == "Sara Kim"
    assert quote.text == "that the plant would close in June"
    assert quote.paragraph == 1


def test_statement_then_attribution() -> None:
    quote = only(quotes_of("The plant will close in June, a spokeswoman said."))
    assert quote.kind == "indirect"
    assert quote.text == "The plant will close in June"
    assert quote.speaker == "a spokeswoman"


def test_mixed_quote_keeps_its_quoted_fragment() -> None:
    quote = only(quotes_of('Lena Holm said the plan was "a step backwards" for the town.'))
    assert quote.kind == "mixed"
    assert quote.speaker == "Lena Holm"
    assert '"a step backwards"' in quote.text


def test_scare_quotes_and_titles_are_not_quotes() -> None:
    found = quotes_of(
        'The city launched the "Green Streets For Everyone" programme last year.',
        'The so-called "experts" were wrong again.',
        'She reads "The Long Winter" to her class every year.',
    )
    assert found == ()


def test_a_title_the_sentence_ends_in_is_not_a_quote() -> None:
    # American style puts the full stop inside the marks: after `on`, `titled`, a possessive
    # or a year the quoted capitals are a show or a book, not the speaker's words.
    found = quotes_of(
        '"The ferry will run all winter," Mary Smith said on NRK\'s "Morning Harbour Hour."',
        '"The pier is safe," John Brown said on "Coast and Country."',
        'The plan revives the council\'s 1994 "Harbour for Everyone."',
    )
    assert [(q.text, q.speaker) for q in found] == [
        ("The ferry will run all winter", "Mary Smith"),
        ("The pier is safe", "John Brown"),
    ]
    # Even with a speaker after it, a show named after "on" is no quote.
    show = quotes_of(
        'In an interview on NRK\'s "Harbour Hour," Ada Vik said the pier is safe.',
        '"Not Today," Ada Vik said.',
    )
    assert [(q.kind, q.text) for q in show] == [
        ("indirect", "the pier is safe"),
        ("direct", "Not Today"),
    ]
    # Words standing alone, or after a verb, are still words someone said.
    alone = only(quotes_of('"Big Daddy." That was all John Brown said about it.'))
    assert alone.text == "Big Daddy."
    shouted = only(quotes_of('Mary Smith shouted "Not Today." and left. It\'s "Over Now."'))
    assert shouted.text == "Not Today."


def test_a_statement_never_starts_or_stops_inside_a_title() -> None:
    ends = only(
        quotes_of('Mary Smith said the harbour reminded her of the novel titled "The Salt Road,"')
    )
    assert ends.kind == "indirect" and ends.text.endswith('"The Salt Road,"')
    # A comma inside the title's marks does not end an `according to` source.
    found = quotes_of(
        'According to "The Long Quay: A History," by Ada Vik, the pier was built in 1911.'
    )
    assert not any(q.text.startswith('"') or q.text.startswith("by") for q in found)


def test_one_unbalanced_mark_does_not_lose_other_quotes() -> None:
    found = quotes_of(
        'Ana Ruiz and Ben Ole argued about the "plan all week.',
        '"Nothing is settled," said Ana Ruiz.',
        '"We start on Monday," said Ben Ole.',
    )
    assert [(q.text, q.speaker) for q in found][-2:] == [
        ("Nothing is settled", "Ana Ruiz"),
        ("We start on Monday", "Ben Ole"),
    ]


@pytest.mark.parametrize("after", ["", " The council meets again in May."])
def test_an_unclosed_quote_ending_in_its_attribution_is_closed_before_it(after: str) -> None:
    found = quotes_of(
        "Ana Ruiz and Ben Ole spoke at the pier.",
        f'"Nothing is settled," Ana Ruiz said. "We start on Monday, Ben Ole said.{after}',
        "The council meets again in June.",
    )
    assert [(q.text, q.speaker) for q in found] == [
        ("Nothing is settled", "Ana Ruiz"),
        ("We start on Monday", "Ben Ole"),
    ]


def test_a_closing_mark_used_as_opener_is_tolerated() -> None:
    quote = only(quotes_of("\u201dWe are ready,\u201d said Omar Haddad."))
    assert (quote.text, quote.speaker) == ("We are ready", "Omar Haddad")


def test_quotes_are_in_reading_order() -> None:
    found = quotes_of(
        'Maria Lopez said the plan was "bold". "It is also cheap," she added.',
        "Lopez said that work would start in May.",
    )
    starts = [q.start for q in found]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in pairwise(found))


def test_empty_input() -> None:
    assert extract_quotes([]) == ()
    assert extract_quotes(["", "   "]) == ()


OWN_SEED = (
    "Harbour and rail firms meet to plan a freight corridor",
    "A two-day meeting of port and rail operators opened in Rotterdam on Tuesday to plan a "
    "freight corridor linking the North Sea ports with inland hubs.",
    '"The ports of Rotterdam and Antwerp play a central role in European trade and have built '
    'close ties in logistics, customs and training," said Li Wen, deputy head of the Port '
    "Development Office.",
    "The corridor will cut lorry traffic and help the region meet its climate targets, "
    "according to Councillor Hanna de Vries, Chair of the Rotterdam Freight Board during the "
    "meeting.",
    "She added that the board is keen to work with rail operators to speed up customs checks "
    "at the border.",
    '"The Rotterdam board, which leads on rail freight in Europe, has always been a model for '
    'us, and I look forward to more joint projects," said Li.',
    'De Vries noted that the board has launched a grant scheme, called the "Rail Ready '
    'Ports" scheme, to help smaller firms move freight onto trains.',
)


def _assert_seed_shape(
    found: Sequence[Quote],
    direct_by: str,
    direct_role: str,
    indirect_by: str,
    indirect_role: str,
    cue_texts: Sequence[str],
) -> None:
    direct = [q for q in found if q.kind == "direct"]
    indirect = [q for q in found if q.kind == "indirect"]
    assert len(direct) == 2
    assert all(q.speaker == direct_by and q.role == direct_role for q in direct)
    assert len(indirect) == 3
    assert all(q.speaker == indirect_by and q.role == indirect_role for q in indirect)
    for quote, start in zip(indirect, cue_texts, strict=True):
        assert quote.text.startswith(start)


def test_own_seed_like_article() -> None:
    found = quotes_of(*OWN_SEED)
    _assert_seed_shape(
        found,
        "Li Wen",
        "deputy head of the Port Development Office",
        "Hanna de Vries",
        "Chair of the Rotterdam Freight Board",
        ["The corridor will cut", "that the board is keen", "that the board has launched"],
    )
    assert not any("Rail Ready" in q.text and q.kind == "direct" for q in found)


def _seed_paragraphs() -> list[str]:
    files = sorted(SEED_DIR.glob("*.txt")) if SEED_DIR.is_dir() else []
    if not files:
        without_shared("../shared/seed")
    text = files[0].read_text(encoding="utf-8")
    return [part.strip() for part in text.split("\n\n") if part.strip()]


def test_seed_article() -> None:
    found = quotes_of(*_seed_paragraphs())
    _assert_seed_shape(
        found,
        "Wang Hua",
        "deputy head of Pudong New Area",
        "Peter Estlin",
        "Lord Mayor of the City of London",
        ["The City of London is eager", "that the British delegation", "that as the UK takes"],
    )


def test_speaker_with_relative_clause_and_role_before_name() -> None:
    quote = only(
        quotes_of(
            '"The numbers are moving," said veteran pollster Rita Moss, who has run surveys for '
            "three governors."
        )
    )
    assert (quote.speaker, quote.role) == ("Rita Moss", "veteran pollster")


def test_colon_introduces_next_paragraph_quote() -> None:
    found = quotes_of("Mayor Ivo Petrov told the council:", '"We will not raise fares this year."')
    assert only(found).speaker == "Ivo Petrov"


def test_signature_after_quote() -> None:
    found = quotes_of('"The park saved our street." \u2015 Dana Whitfield')
    assert only(found).speaker == "Dana Whitfield"


def test_headline_reporting_verb() -> None:
    quote = only(quotes_of("Mayor Says New Bridge Will Open In Spring"))
    assert quote.kind == "indirect"
    assert quote.text == "New Bridge Will Open In Spring"


def test_owned_claim() -> None:
    quote = only(quotes_of("Critics rejected Tom Berg's claim that the bridge was safe."))
    assert quote.speaker == "Tom Berg"
    assert quote.text == "that the bridge was safe"


def test_title_after_a_place_is_the_role() -> None:
    quote = only(quotes_of('"We will balance the budget," said Ohio Gov. Mara Lind.'))
    assert (quote.speaker, quote.role) == ("Mara Lind", "Ohio Gov.")


def test_group_of_people_reports_speech() -> None:
    quote = only(
        quotes_of(
            "Harbour safety advocates said the new breakwater would protect the fishing fleet "
            "through the winter."
        )
    )
    assert quote.kind == "indirect"
    assert quote.speaker == "Harbour safety advocates"
    assert quote.text == "the new breakwater would protect the fishing fleet through the winter"


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        (
            "Parents who have waited at the school gate said the new crossing had made "
            "mornings calmer.",
            "Parents who have waited at the school gate",
        ),
        (
            "Those who fish from the pier say the new crossing had made mornings calmer.",
            "Those who fish from the pier",
        ),
        (
            "The skipper who has run the early boat said the new crossing had made "
            "mornings calmer.",
            "The skipper who has run the early boat",
        ),
    ],
)
def test_a_speaker_narrowed_by_a_relative_clause_reports_speech(
    paragraph: str, speaker: str
) -> None:
    quote = only(quotes_of(paragraph))
    assert quote.speaker == speaker
    assert quote.text == "the new crossing had made mornings calmer"


def test_a_name_before_who_without_a_comma_is_not_read_as_a_group() -> None:
    assert all(
        q.speaker != "Mr Lind who ran the depot"
        for q in quotes_of("Mr Lind who ran the depot said the trains were late.")
    )


@pytest.mark.parametrize("noun", ["statement", "short note", "letter"])
def test_a_statement_saying_is_its_issuers_speech(noun: str) -> None:
    quote = only(
        quotes_of(f"The harbour board issued a {noun} saying that the quay would reopen in March.")
    )
    assert quote.kind == "indirect"
    assert quote.speaker == "The harbour board"
    assert quote.text == "that the quay would reopen in March"


@pytest.mark.parametrize(
    "speaker",
    [
        "Holm's associates",
        "Harbour and ferry spokesmen",
        "people close to the harbour master",
        "a source close to him",
        "Her campaign workers here",
        "those surveyed",
        "Her deputy",
    ],
)
def test_more_ways_to_name_a_group_or_an_unnamed_source(speaker: str) -> None:
    quote = only(quotes_of(f"{speaker} said the night ferry would return in May."))
    assert (quote.speaker, quote.text) == (speaker, "the night ferry would return in May")


def test_a_possessive_before_an_abstract_noun_is_no_speaker() -> None:
    assert quotes_of("Holm's scepticism said more about the budget than the ferry.") == ()


def test_a_subject_after_a_relative_clause_is_the_speaker() -> None:
    quote = only(
        quotes_of(
            "Holm's relatives, who met the police, watched the footage on Thursday, their "
            "lawyers said."
        )
    )
    assert quote.speaker == "their lawyers"
    assert quote.text == "Holm's relatives, who met the police, watched the footage on Thursday"


def test_asking_someone_to_act_is_reported_with_whom_it_asks() -> None:
    quote = only(
        quotes_of("The mayor asked the harbour board to reopen the pier, a request it refused.")
    )
    assert (quote.text, quote.speaker) == ("the harbour board to reopen the pier", "The mayor")


def test_pronoun_after_a_subordinator_reports_speech() -> None:
    quote = only(
        quotes_of(
            "Lena Ortiz chaired the meeting.",
            "The debate turned sour when she said the budget had been cut twice without warning.",
        )
    )
    assert quote.speaker == "Lena Ortiz"
    assert quote.text == "the budget had been cut twice without warning"


@pytest.mark.parametrize(
    "addressee", ["The Halden Courier", "a crowd of supporters", "a Senate panel on Friday"]
)
def test_statement_before_an_attribution_with_its_addressee(addressee: str) -> None:
    quote = only(
        quotes_of(f"The ferry will run until midnight all summer, an official told {addressee}.")
    )
    assert quote.speaker == "an official"
    assert quote.text == "The ferry will run until midnight all summer"


def test_a_statement_before_told_and_where_it_was_said() -> None:
    quote = only(
        quotes_of(
            "Nadia Holm runs the ferry company.",
            "The ferry will run until midnight all summer, she told the council at its meeting.",
        )
    )
    assert (quote.speaker, quote.text) == (
        "Nadia Holm",
        "The ferry will run until midnight all summer",
    )


def test_a_long_addressee_before_that_is_not_the_statement() -> None:
    quote = only(
        quotes_of(
            "Nadia Holm told a packed meeting of ferry workers in the harbour canteen that "
            "the night crossings would return."
        )
    )
    assert (quote.speaker, quote.text) == ("Nadia Holm", "that the night crossings would return")


def test_said_then_a_name_and_role_after_a_long_gap_names_the_speaker() -> None:
    found = quotes_of(
        '"The ferry is a lifeline" for the islands if the road stays closed all winter, said '
        "Ada Vik, an analyst at the harbour trust."
    )
    assert all(not q.text.startswith("Ada Vik") for q in found)
    quote = only(found)
    assert (quote.speaker, quote.role) == ("Ada Vik", "an analyst at the harbour trust")


@pytest.mark.parametrize("noun", ["note", "claims", "report"])
def test_a_cue_word_after_a_possessive_is_a_noun(noun: str) -> None:
    assert (
        quotes_of(f"The editor's {noun}: the ferry timetable printed here was out of date.") == ()
    )


def test_whoever_is_asked_is_not_part_of_the_question() -> None:
    quote = only(
        quotes_of("Ada Vik asked the harbour board whether the ferry would run in winter.")
    )
    assert (quote.speaker, quote.text) == ("Ada Vik", "whether the ferry would run in winter")


@pytest.mark.parametrize(
    "attribution",
    [
        "the captain said as he left the quay",
        "the captain told his crew as they cast off",
        "the captain told her",
    ],
)
def test_a_statement_before_its_attribution_and_when_it_was_said(attribution: str) -> None:
    quote = only(
        quotes_of(f"Her son, Fahed Nasser, was safe and would be home by Monday, {attribution}.")
    )
    assert quote.speaker == "the captain"
    assert quote.text == "Her son, Fahed Nasser, was safe and would be home by Monday"


@pytest.mark.parametrize(
    ("introduction", "role"),
    [
        ("Ola Berg, the ferry captain, brought the boat in at dawn.", "the ferry captain"),
        ("Captain Ola Berg brought the boat in at dawn.", "Captain"),
        ("Ola Berg brought the boat in at dawn.", "the captain"),
    ],
)
def test_a_description_stands_for_the_person_named_before_not_the_one_in_the_statement(
    introduction: str, role: str
) -> None:
    quote = only(
        quotes_of(
            introduction,
            "Her son, Fahed Nasser, was safe and would be home by Monday, the captain said.",
        )
    )
    assert (quote.speaker, quote.role) == ("Ola Berg", role)


def test_an_addressee_of_a_place_then_the_statement() -> None:
    quote = only(
        quotes_of("Ada Vik told The Courier of Tromso last week she would stand for mayor again.")
    )
    assert (quote.speaker, quote.text) == ("Ada Vik", "she would stand for mayor again")


def test_saying_after_a_dash_is_the_subjects_speech() -> None:
    quote = only(
        quotes_of(
            "Ada Vik dismissed the complaint \u2014 saying the ferry had never been late in May."
        )
    )
    assert (quote.speaker, quote.text) == ("Ada Vik", "the ferry had never been late in May")


def test_whom_a_speaker_tells_after_a_quote_is_not_the_speaker() -> None:
    found = quotes_of(
        'Ada Vik has called the new timetable "a gift," telling reporters on the quay that it '
        'was "long overdue."'
    )
    assert [q.speaker for q in found] == ["Ada Vik", "Ada Vik"]
    assert found[1].text == 'that it was "long overdue."'


def test_a_name_and_its_verb_before_another_name_is_no_role() -> None:
    quote = only(
        quotes_of(
            "Early in the race, Ada Vik attacked Tor Lund, calling him, among other things, "
            '"a tired candidate."'
        )
    )
    assert (quote.speaker, quote.role) == ("Ada Vik", None)


@pytest.mark.parametrize("opening", ["As for the night ferries", "During the storm last week"])
def test_an_opening_phrase_before_the_speaker_is_not_a_statement(opening: str) -> None:
    quote = only(quotes_of(f'{opening}, the harbour master said, "The quay stays shut."'))
    assert (quote.kind, quote.speaker) == ("direct", "the harbour master")


def test_an_opening_phrase_in_a_statement_split_by_its_speaker_stays() -> None:
    quote = only(
        quotes_of("In recent days, aides to the mayor say, she has grown tired of the ferry row.")
    )
    assert quote.text == "In recent days she has grown tired of the ferry row"


def test_a_statement_first_starts_after_its_conjunction() -> None:
    quote = only(quotes_of("But the ferry is late again, the union said."))
    assert (quote.speaker, quote.text) == ("the union", "the ferry is late again")


@pytest.mark.parametrize(
    "paragraph",
    [
        "Ada Vik called in to a radio show when she was home with a cold.",
        "(Reporting by Ana Lund; additional reporting by Tor Berg)",
    ],
)
def test_calling_in_and_reporting_credits_are_no_speech(paragraph: str) -> None:
    assert quotes_of(paragraph) == ()


def test_a_clause_after_a_role_is_not_part_of_the_speaker_phrase() -> None:
    quote = only(
        quotes_of(
            "Tom Reyes, the pilot, had flown for twenty years and had no complaints against "
            "him, the airline said on Thursday."
        )
    )
    assert quote.speaker == "the airline"


def test_pronoun_prefers_the_name_a_role_word_introduces() -> None:
    found = quotes_of(
        "Anna Berg opened the session on Monday.",
        'Council spokeswoman Mira Dahl criticised the plan. "It is simply not true," she said.',
    )
    assert only(found).speaker == "Mira Dahl"


def test_a_name_joined_by_and_to_an_object_is_not_a_subject() -> None:
    found = quotes_of(
        "Thomas Mensah attacked Lena Ortiz and Peter Vance during the rally.",
        'He said that Ortiz was "out of touch with the harbour."',
    )
    assert only(found).speaker == "Thomas Mensah"


def test_a_year_before_the_name_is_neither_speaker_nor_role() -> None:
    quote = only(
        quotes_of(
            "On July 6, 2015, Lena Ortiz made the following remark:",
            '"We will never sell the harbour to a private owner."',
        )
    )
    assert (quote.speaker, quote.role) == ("Lena Ortiz", None)


def test_subject_of_a_subordinate_clause_after_a_fragment_is_not_its_speaker() -> None:
    quote = only(
        quotes_of('The board promised to take "further measures" if the ministry refused to pay.')
    )
    assert quote.speaker == "The board"


def test_a_statement_ends_before_the_speakers_next_verb() -> None:
    found = quotes_of(
        "The mayor said she would order a review of the harbour defences and warned against "
        "cutting the budget."
    )
    assert found[0].text == "she would order a review of the harbour defences"
    assert {q.speaker for q in found} == {"The mayor"}


def test_a_second_verb_of_the_statements_own_subject_stays_in_the_statement() -> None:
    quote = only(
        quotes_of(
            "The coastguard said the skipper ignored the storm warning and sailed past the "
            "breakwater."
        )
    )
    assert quote.text == "the skipper ignored the storm warning and sailed past the breakwater"


def test_a_programme_in_quote_marks_can_be_the_addressee_before_that() -> None:
    quote = only(quotes_of('Ada Vik told Radio North\u2019s "Morning Tide" that the ferry sails.'))
    assert quote.text == "that the ferry sails"
    assert quote.speaker == "Ada Vik"


def test_a_quoted_word_then_and_said_leaves_the_statement_its_own() -> None:
    found = quotes_of(
        'Ada Vik called the timetable "a mess" and said the ferries would run late all winter.'
    )
    assert [(q.kind, q.text) for q in found] == [
        ("mixed", 'the timetable "a mess"'),
        ("indirect", "the ferries would run late all winter"),
    ]
    assert {q.speaker for q in found} == {"Ada Vik"}


@pytest.mark.parametrize(
    ("opening", "subject"),
    [("In September", "she"), ("At the harbour this week", "she"), ("Last week", "Ada Vik")],
)
def test_an_opening_adverbial_without_a_comma_is_not_the_speaker(
    opening: str, subject: str
) -> None:
    found = quotes_of(
        "Ada Vik runs the ferry office.",
        f"{opening} {subject} said the winter timetable was a mistake.",
    )
    quote = only(found)
    assert quote.text == "the winter timetable was a mistake"
    assert (quote.speaker, quote.role) == ("Ada Vik", None)


@pytest.mark.parametrize("dash", ["--", "\u2014"])
def test_an_aside_between_dashes_after_the_speaker(dash: str) -> None:
    found = quotes_of(
        f"Ada Vik {dash} the harbour master {dash} said the ferries were late.",
        f"The crew {dash} who have run the boat for years {dash} said the engine failed.",
    )
    assert [(q.text, q.speaker, q.role) for q in found] == [
        ("the ferries were late", "Ada Vik", "the harbour master"),
        ("the engine failed", "The crew", None),
    ]


@pytest.mark.parametrize(
    "group", ["Thirty percent", "At least a dozen members of the council", "Hundreds of sailors"]
)
def test_a_counted_group_can_speak(group: str) -> None:
    quote = only(quotes_of(f"{group} said the winter timetable was a mistake."))
    assert (quote.text, quote.speaker) == ("the winter timetable was a mistake", group)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Nine in 10 Labour registered voters say the ferry should run all winter.",
            "Nine in 10 Labour registered voters",
        ),
        (
            "Fishing organizations that have backed the plan say the ferry should run all winter.",
            "Fishing organizations that have backed the plan",
        ),
        (
            "Most islanders like the port, but majorities in all five villages say the ferry "
            "should run all winter.",
            "majorities in all five villages",
        ),
        (
            "The vote came in a year in which a majority of islanders say the ferry should run "
            "all winter.",
            "a majority of islanders",
        ),
        (
            "Reached by phone on Tuesday, Ada Vik said the ferry should run all winter.",
            "Ada Vik",
        ),
    ],
)
def test_groups_and_subjects_inside_longer_sentences(sentence: str, speaker: str) -> None:
    quote = only(quotes_of(sentence))
    assert quote.text == "the ferry should run all winter"
    assert quote.speaker == speaker


def test_a_statement_inside_a_relative_clause() -> None:
    found = quotes_of(
        "The ferry list, which the harbour office says holds 2,000 names, is the longest yet.",
        "Bookings rose in the spring, which islanders say helped the cafes stay open.",
    )
    assert [(q.text, q.speaker) for q in found] == [
        ("holds 2,000 names", "the harbour office"),
        ("helped the cafes stay open", "islanders"),
    ]


@pytest.mark.parametrize(
    ("sentence", "text", "speaker"),
    [
        (
            "As first reported by The Courier, the ferry will stop at Skarsvik.",
            "the ferry will stop at Skarsvik",
            "The Courier",
        ),
        (
            "Asked by Tom Reyes whether the ferry would stop at Skarsvik, she smiled.",
            "whether the ferry would stop at Skarsvik",
            "Tom Reyes",
        ),
        (
            "Local media reported that the ferry will stop at Skarsvik.",
            "that the ferry will stop at Skarsvik",
            "Local media",
        ),
    ],
)
def test_passive_openers_and_media_report_speech(sentence: str, text: str, speaker: str) -> None:
    quote = only(quotes_of(sentence))
    assert (quote.text, quote.speaker) == (text, speaker)


def test_a_capitalised_modal_or_auxiliary_is_no_part_of_a_name() -> None:
    found = quotes_of(
        "Should Mr. Holm win the contract, the yard will reopen.",
        "On the first day of hearings, Mr. Holm said the yard had new orders.",
    )
    assert [(q.text, q.speaker) for q in found] == [("the yard had new orders", "Holm")]


def test_a_group_narrowed_by_who_without_a_comma_speaks() -> None:
    quote = only(
        quotes_of(
            "Having said that, there are some skippers who argue that the harbour fee is too low."
        )
    )
    assert (quote.text, quote.speaker) == ("that the harbour fee is too low", "some skippers")


@pytest.mark.parametrize(
    ("sentence", "speaker", "role"),
    [
        ("Tromso\u2019s harbour commissioner says", "Tromso\u2019s harbour commissioner", None),
        (
            "The ferry was moved to Skarsvik, where harbour engineers say",
            "harbour engineers",
            None,
        ),
        (
            "The Norwegian Coastal Administration, the agency that runs the lights, said",
            "The Norwegian Coastal Administration",
            None,
        ),
        (
            "But Ada Vik, harbour master at the port of Skarsvik, said",
            "Ada Vik",
            "harbour master at the port of Skarsvik",
        ),
    ],
)
def test_speakers_after_a_clause_opener_or_with_a_description(
    sentence: str, speaker: str, role: str | None
) -> None:
    quote = only(quotes_of(f"{sentence} the breakwater needs repair."))
    assert (quote.text, quote.speaker, quote.role) == (
        "the breakwater needs repair",
        speaker,
        role,
    )


def test_a_statement_opening_with_a_relative_clause_comes_before_its_speaker() -> None:
    quote = only(
        quotes_of("The officer who stopped Ada Vik was not wearing a camera, police said.")
    )
    assert (quote.text, quote.speaker) == (
        "The officer who stopped Ada Vik was not wearing a camera",
        "police",
    )


def test_a_name_given_after_called_is_no_speech() -> None:
    found = quotes_of(
        "The scheme, called HL-2, lets islanders book the ferry a month ahead.",
        "The mayor called for more winter sailings.",
    )
    assert [(q.text, q.speaker) for q in found] == [("more winter sailings", "The mayor")]


def test_the_mark_that_closed_a_quote_is_no_part_of_the_next_speaker() -> None:
    source = parse_source("\u201d a harbour pilot")
    assert source is not None
    assert (source.name, source.role) == ("a harbour pilot", None)


def test_a_statement_in_an_opening_clause_ends_at_its_comma() -> None:
    found = quotes_of(
        "When Ada Vik noted that the ferry had not sailed in a week, the council agreed to "
        "pay for repairs."
    )
    quote = only(found)
    assert (quote.text, quote.speaker) == ("that the ferry had not sailed in a week", "Ada Vik")


def test_a_statement_with_its_own_verb_before_an_unnamed_speaker() -> None:
    quote = only(quotes_of("The council plans to buy a second ferry, a spokesman said."))
    assert (quote.text, quote.speaker, quote.role) == (
        "The council plans to buy a second ferry",
        "a spokesman",
        None,
    )


@pytest.mark.parametrize("dateline", ["TROMSO \u2015 ", "OSLO (NTB) -- "])
def test_a_dateline_is_no_part_of_a_statement(dateline: str) -> None:
    quote = only(quotes_of(f"{dateline}The ferry will run all winter, officials said."))
    assert (quote.text, quote.speaker) == ("The ferry will run all winter", "officials")


def test_a_statement_ends_where_the_reporter_goes_on_with_and_when() -> None:
    quote = only(
        quotes_of(
            "Ada Vik said the ferry would not run in January, and when pressed on why, she "
            "pointed at the ice."
        )
    )
    assert quote.text == "the ferry would not run in January"


@pytest.mark.parametrize(
    "rest",
    [
        ", although he again refused to publish the accounts.",
        " and Labour accused the council of stalling.",
        " and then cancelled the winter sailings.",
        " \u2015 a claim the company denies.",
    ],
)
def test_a_statement_ends_before_the_reporter_goes_on(rest: str) -> None:
    found = quotes_of(f"Tom Reyes said that the ferry company was losing money{rest}")
    assert found[0].text == "that the ferry company was losing money"
    assert found[0].speaker == "Tom Reyes"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Last year, engineers surveyed the pier, and a former harbour official said",
            "a former harbour official",
        ),
        ("On fares the islanders split: 42% say", "42%"),
        ("The harbour office, when contacted by The Courier, said", "The harbour office"),
    ],
)
def test_speakers_after_a_clause_a_percentage_or_an_aside(sentence: str, speaker: str) -> None:
    quote = only(quotes_of(f"{sentence} the breakwater needs repair."))
    assert (quote.text, quote.speaker) == ("the breakwater needs repair", speaker)


@pytest.mark.parametrize(
    ("sentence", "speaker", "role"),
    [
        ("Harbour master Ada Vik, for example, said", "Ada Vik", "Harbour master"),
        (
            "The pilots who ran the night ferry, for instance, said",
            "The pilots who ran the night ferry",
            None,
        ),
        ("Prime Minister Theresa May said", "Theresa May", "Prime Minister"),
        ("Council leader Will Rogers said", "Will Rogers", "Council leader"),
        ("Some 56 percent of islanders polled said", "Some 56 percent of islanders polled", None),
        ("Nearly a third say", "Nearly a third", None),
        (
            "Many fishermen trying to keep the winter ferry say",
            "Many fishermen trying to keep the winter ferry",
            None,
        ),
        ("Ada Vik in Tromso said", "Ada Vik", None),
        ("Ada Vik in an interview with NRK said", "Ada Vik", None),
        ("That person said", "That person", None),
        ("Then someone said", "someone", None),
        ("Thirty-one percent of those surveyed said", "Thirty-one percent of those surveyed", None),
        (
            "Only 27 percent of those who named a skipper said",
            "Only 27 percent of those who named a skipper",
            None,
        ),
        (
            "Opponents of more sailings in winter here say",
            "Opponents of more sailings in winter here",
            None,
        ),
    ],
)
def test_sentence_adverbs_and_names_that_are_also_words(
    sentence: str, speaker: str, role: str | None
) -> None:
    quote = only(quotes_of(f"{sentence} the breakwater needs repair."))
    assert (quote.text, quote.speaker, quote.role) == ("the breakwater needs repair", speaker, role)


def test_a_place_or_a_possessive_before_a_participle_is_nobody() -> None:
    # "Back" is a capitalised word, not a name with a place after it; "the office's handling"
    # is a noun phrase, not a group doing something.
    assert parse_source("Back in Tromso") is None
    assert parse_source("the harbour office's handling of the repairs") is None
    assert parse_source("Ada Vik in Tromso") is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "She refuses to name the bidders, saying the ferry contract is not signed.",
        "She would not name the bidders, aside from saying the ferry contract is not signed.",
        "She left the hearing after saying the ferry contract is not signed.",
    ],
)
def test_saying_after_a_comma_or_a_preposition_is_the_subjects(sentence: str) -> None:
    found = quotes_of("Ada Vik runs the harbour board.", sentence)
    assert [(q.text, q.speaker) for q in found] == [("the ferry contract is not signed", "Ada Vik")]


def test_it_first_in_a_sentence_speaks_for_nobody() -> None:
    found = quotes_of(
        'Ada Vik chairs the board. The report came out on Monday. It "amounts to a gift for the '
        'ferry company."'
    )
    assert [(q.text, q.speaker) for q in found] == [
        ("amounts to a gift for the ferry company.", None)
    ]


def test_a_rank_after_a_service_is_a_title_and_a_name_after_under_is_no_antecedent() -> None:
    # "Retired Navy Capt. Ola Berg" is Ola Berg; "under Admiral John Brown" is an oblique
    # mention, so "he" goes back to the subject, Berg.
    quote = only(
        quotes_of(
            "Retired Navy Capt. Ola Berg is speaking out about the harbour plan before the "
            "council votes on it next week.",
            "In a long interview with the island paper last month, Berg made it plain that he "
            "had doubts about the fleet, its ships, its budget, its training, its harbour "
            "works, its spare parts, its pay, its recruiting and its plans for the northern "
            "bases in the years before the base on the island was closed and sold, and "
            "about much of what happened under Admiral John Brown.",
            '"It was demoralizing to serve there," he said.',
        )[-1:]
    )
    assert (quote.speaker, quote.role) == ("Ola Berg", "Retired Navy Capt.")


@pytest.mark.parametrize("aside", ["despite the cost", "while late"])
def test_a_concession_set_off_by_commas_stays_in_the_statement(aside: str) -> None:
    quote = only(quotes_of(f"Ada Vik said the ferry, {aside}, is the better choice."))
    assert quote.text == f"the ferry, {aside}, is the better choice"
    trailing = only(quotes_of(f"Ada Vik said the ferry failed, {aside}."))
    assert trailing.text == "the ferry failed"


def test_a_role_capitalised_at_the_start_of_a_sentence_is_the_role() -> None:
    quote = only(quotes_of("Pollster Ada Vik said the ferry is the better choice."))
    assert (quote.speaker, quote.role) == ("Ada Vik", "Pollster")


def test_where_a_reporter_filed_from_is_no_statement() -> None:
    assert quotes_of("Ada Vik reported from Tromso, and Ola Berg from Bodo.") == ()


@pytest.mark.parametrize(
    ("after", "speaker"),
    [
        ("if nothing changes, said Ada Vik, the harbour master.", "Ada Vik"),
        ("unless the council pays, she said.", "Ada Vik"),
    ],
)
def test_a_clause_between_a_quote_and_its_attribution(after: str, speaker: str) -> None:
    found = quotes_of("Ada Vik runs the harbour.", f'"The ferry fares will rise," {after}')
    assert [(q.text, q.speaker) for q in found] == [("The ferry fares will rise", speaker)]
    # A clause that is the quote's own context is no attribution.
    assert (
        only(
            quotes_of('The board promised "further measures" if the ferry stopped, Ada Vik said.')
        ).speaker
        == "The board"
    )


def test_a_cue_inside_a_dash_aside_does_not_cut_the_statement_around_it() -> None:
    found = quotes_of(
        "Ada Vik said that the ferry company -- even as it says its fleet is the best on the "
        "coast -- has bought no ship in ten years."
    )
    assert found[0].text == (
        "that the ferry company -- even as it says its fleet is the best on the coast -- has "
        "bought no ship in ten years"
    )
    assert found[0].speaker == "Ada Vik"


@pytest.mark.parametrize("adverb", ["Conversely", "Regardless", "Admittedly"])
def test_a_sentence_adverb_before_a_subject_is_no_name(adverb: str) -> None:
    quote = only(quotes_of(f"{adverb}, the harbour office said the pier is safe."))
    assert quote.speaker == "the harbour office"


@pytest.mark.parametrize("speaker", ["Mr. Berg", "Ola Berg", "the skipper"])
def test_a_quote_split_by_a_named_attribution_is_one_quote(speaker: str) -> None:
    quote = only(
        quotes_of(
            "Ola Berg, the skipper, spoke on Monday.",
            f'"The winter ferry is safe," {speaker} said, "and it will keep sailing."',
        )
    )
    assert quote.text == "The winter ferry is safe, and it will keep sailing."
    assert len(quote.parts) == 2


@pytest.mark.parametrize(
    "after",
    [
        "on Monday at the harbour meeting in Tromso, where the mayor also spoke.",
        "to the crowd of angry fishermen who had waited since dawn.",
    ],
)
def test_where_a_titled_speaker_spoke_is_no_statement(after: str) -> None:
    # The period of "Mr." ends no sentence, so "said" attributes the quote before it.
    found = quotes_of(
        "Ola Berg chairs the board.", f'"The ferry stays," Mr. Berg said {after} "It has to."'
    )
    assert [(q.kind, q.text) for q in found] == [("direct", "The ferry stays. It has to.")]


def test_a_name_in_the_attribution_of_a_split_quote_does_not_speak_its_second_piece() -> None:
    found = quotes_of(
        "Harbourline Ferries will cut 40 jobs, the company said on Monday.",
        '"This is the hardest call we have made," said Ada Vik, Harbourline\'s founder and chief '
        'executive, in a letter to staff seen by the Courier. "Every one of them helped to build '
        'this firm."',
    )
    assert [(q.speaker, q.text) for q in found[1:]] == [
        (
            "Ada Vik",
            "This is the hardest call we have made. Every one of them helped to build this firm.",
        )
    ]


def test_a_demonstrative_before_a_thing_or_a_participle_and_its_object_is_nobody() -> None:
    assert parse_source("That record") is None
    assert parse_source("holding a press call shortly after her campaign") is None
    # "called upon X to ..." is a request, not a statement placed before its speaker.
    quote = only(
        quotes_of(
            "Following the release of a long report on the storm damage along the northern "
            "coast, Ada Vik called upon the council to repair the pier."
        )
    )
    assert quote.text == "the council to repair the pier"


def test_a_title_before_the_subject_and_a_bare_adjunct_after_the_verb() -> None:
    # 'on NRK's "Harbour Hour," Ada Vik said': the subject starts after the title's comma;
    # '," Ada Vik, harbour master at the port of Tromso since 2009, said in an interview
    # after the vote.': where and when she said it is no statement.
    found = quotes_of(
        "Ada Vik runs the port.",
        'In an interview on NRK\'s "Harbour Hour," Ada Vik said the pier needs repair.',
        '"The ferry stays," Ada Vik, harbour master at the port of Tromso since 2009 and a '
        "former skipper, said in an interview after the vote.",
    )
    assert [(q.kind, q.text, q.speaker) for q in found] == [
        ("indirect", "the pier needs repair", "Ada Vik"),
        ("direct", "The ferry stays", "Ada Vik"),
    ]


def test_a_group_after_that_speaks() -> None:
    quote = only(
        quotes_of(
            "Anyone expecting a quick fix should remember that harbour engineers say the "
            "breakwater needs ten years of repair."
        )
    )
    assert (quote.text, quote.speaker) == (
        "the breakwater needs ten years of repair",
        "harbour engineers",
    )


@pytest.mark.parametrize("medium", ["in a statement", "in an interview with The Courier"])
def test_the_medium_of_a_statement_is_not_part_of_it(medium: str) -> None:
    quote = only(quotes_of(f"The ferry union called for more winter sailings {medium}."))
    assert quote.text == "more winter sailings"
    assert quote.speaker == "The ferry union"


def test_a_stop_word_inside_an_aside_between_dashes_does_not_end_the_statement() -> None:
    quote = only(
        quotes_of(
            "Ada Vik said that the council -- even as its budget shrank -- kept every ferry "
            "running."
        )
    )
    assert quote.text == (
        "that the council -- even as its budget shrank -- kept every ferry running"
    )


@pytest.mark.parametrize(
    "rest",
    [
        ", but cautioned against reading too much into one season.",
        ", and she praised the crews who kept the boats running.",
        " even as the council argued over the cost.",
        " - a promise she has made before.",
    ],
)
def test_a_statement_ends_where_the_speakers_next_clause_begins(rest: str) -> None:
    found = quotes_of(f"The mayor said the harbour had its busiest summer in a decade{rest}")
    assert found[0].text == "the harbour had its busiest summer in a decade"
    assert found[0].speaker == "The mayor"


@pytest.mark.parametrize("dash", ["--", "\u2014", "-"])
def test_an_aside_between_two_dashes_stays_in_the_statement(dash: str) -> None:
    quote = only(
        quotes_of(
            f"Ada Vik said that the three ferries {dash} Tern, Skua and Puffin {dash} would all "
            "be repainted."
        )
    )
    assert quote.text == (
        f"that the three ferries {dash} Tern, Skua and Puffin {dash} would all be repainted"
    )


def test_a_statement_ends_before_a_closing_which_clause_with_its_own_verb() -> None:
    quote = only(
        quotes_of(
            "Ada Vik said she would close the old pier, which was built in 1911 and needs a new "
            "deck."
        )
    )
    assert quote.text == "she would close the old pier"


def test_a_statement_ends_before_a_remark_on_it_with_its_own_subject() -> None:
    quote = only(
        quotes_of(
            "The union argued that the port overstepped its authority, which the court has put "
            "on hold while the case is heard."
        )
    )
    assert quote.text == "that the port overstepped its authority"


@pytest.mark.parametrize(
    "paragraph",
    [
        '"Perpetual motion!" Rep. Lena Ortiz said of the swirl of harbour festivities.',
        "Sen. Tom Reyes called out his rival for ignoring the fishing fleet.",
    ],
)
def test_what_follows_said_of_or_called_out_is_no_statement(paragraph: str) -> None:
    assert all(q.kind != "indirect" for q in quotes_of(paragraph))


def test_a_which_clause_set_off_by_commas_stays_in_the_statement() -> None:
    quote = only(
        quotes_of(
            "The company said it would close its savings product, which it launched in 2023, "
            "and focus on payments."
        )
    )
    assert quote.text.endswith("and focus on payments")


@pytest.mark.parametrize(
    ("lead", "paragraph", "speaker"),
    [
        (
            "Hugo Lamb spoke to the farmers for an hour.",
            'He said the frost had hurt Carl Dent badly and added: "We will pay for the seed."',
            "Hugo Lamb",
        ),
        (
            "Mira Holt opened the new library on Friday.",
            'She shook hands with Jon Sand but warned: "The roof still leaks."',
            "Mira Holt",
        ),
        (
            "Coach Ida Roos watched the match from the stand.",
            'She named Lars Eng captain for the final and said: "He has earned it."',
            "Ida Roos",
        ),
    ],
)
def test_a_second_verb_before_a_quote_is_the_clause_subjects(
    lead: str, paragraph: str, speaker: str
) -> None:
    # 'She named X captain and said: "..."': whoever else the clause names, the subject of
    # its first verb speaks (here a pronoun, resolved across the sentence before).
    quote = quotes_of(lead, paragraph)[-1]
    assert quote.speaker == speaker
    assert quote.rule == "before-quote-and-verb"


@pytest.mark.parametrize(
    ("lead", "object_sentence", "quote", "speaker"),
    [
        (
            "Premier Hugo Lamb used his speech to defend his record.",
            "He praised finance minister Carl Dent for steering the economy.",
            '"We will not go back," he said.',
            "Hugo Lamb",
        ),
        (
            "Judge Rosa Kim heard the case on Monday.",
            "She questioned defence lawyer Anna Berg about the delay.",
            '"This court will not wait," she said.',
            "Rosa Kim",
        ),
    ],
)
def test_a_titled_name_after_a_pronoun_and_its_verb_is_no_subject_for_a_later_pronoun(
    lead: str, object_sentence: str, quote: str, speaker: str
) -> None:
    # 'He praised finance minister X': X is the object, so the pronoun in the next paragraph
    # still refers to the subject named before.
    assert only(quotes_of(lead, object_sentence, quote)).speaker == speaker
