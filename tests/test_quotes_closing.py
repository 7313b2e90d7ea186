"""Who closes a sentence ("..., said Ada Vik.") says its quoted words; a name after a quote."""

from __future__ import annotations

import pytest

from index.quotes import extract_quotes
from index.quotes.closing import CLOSING

# (paragraphs, the quoted words, speaker): the attribution ends the sentence
CLOSING_ROWS: list[tuple[tuple[str, ...], str, str]] = [
    (
        (
            'The inquiry searched the harbour sheds and found no "links of any weight" between '
            "the two fires, said the fire service's chief officer, Marta Quill, on Friday.",
        ),
        "links of any weight",
        "Marta Quill",
    ),
    (
        (
            '"Very unlikely" that the yard reopens this year, said Tomas Brell, a union steward '
            "at the yard.",
        ),
        "Very unlikely",
        "Tomas Brell",
    ),
    (
        (
            'The new timetable gives the islands a "fresh start" after the winter, Ingrid '
            "Sole of the passengers' forum said on Monday.",
        ),
        "fresh start",
        "Ingrid Sole",
    ),
]


# (paragraphs, the statement's first words, speaker): quoted words running on into a
# statement that the sentence's closing verb attributes, reported as one mixed quote
STATEMENT_ROWS: list[tuple[tuple[str, ...], str, str]] = [
    (
        ('Harbour dues paid for a "gold-plated" quay that nobody needed, our reporter wrote.',),
        "Harbour dues paid",
        "our reporter",
    ),
    # the subject of a verb inside the statement ("called") is not its speaker
    (
        (
            'The ferry company called the new timetable a "fresh start" for the islands, '
            "Ingrid Sole said on Monday.",
        ),
        "The ferry company called",
        "Ingrid Sole",
    ),
]


@pytest.mark.parametrize(("paragraphs", "start", "speaker"), STATEMENT_ROWS)
def test_quoted_words_inside_a_statement_are_one_mixed_quote(
    paragraphs: tuple[str, ...], start: str, speaker: str
) -> None:
    quote = next(q for q in extract_quotes(paragraphs) if q.kind == "mixed")
    assert quote.text.startswith(start)
    assert (quote.speaker, quote.rule) == (speaker, "mixed-report")


def _quote(paragraphs: tuple[str, ...], words: str, disabled: frozenset[str] = frozenset()):
    return next(
        (q for q in extract_quotes(paragraphs, disabled) if words in q.text),
        None,
    )


@pytest.mark.parametrize(("paragraphs", "words", "speaker"), CLOSING_ROWS)
def test_the_closing_attribution_names_the_speaker(
    paragraphs: tuple[str, ...], words: str, speaker: str
) -> None:
    quote = _quote(paragraphs, words)
    assert quote is not None
    assert (quote.speaker, quote.kind, quote.rule) == (speaker, "mixed", CLOSING)


@pytest.mark.parametrize(("paragraphs", "words", "speaker"), CLOSING_ROWS)
def test_switched_off_the_closing_attribution_is_not_read(
    paragraphs: tuple[str, ...], words: str, speaker: str
) -> None:
    quote = _quote(paragraphs, words, frozenset({CLOSING}))
    assert quote is None or quote.speaker != speaker


def test_a_closing_pronoun_resolves_to_the_person_before() -> None:
    paragraphs = (
        "Ada Vik, the harbour master, spoke to the council on Tuesday.",
        'The night crews were "worn to the bone" by the storms, she added.',
    )
    quote = _quote(paragraphs, "worn to the bone")
    assert quote is not None and quote.speaker == "Ada Vik"


def test_the_closing_attribution_needs_the_sentence_to_end_with_it() -> None:
    # `said` opens a clause here (what the board said next), it does not attribute.
    paragraphs = ('The board called the pier "unsafe", said nothing else and closed it on Monday.',)
    quote = _quote(paragraphs, "unsafe")
    assert quote is None or quote.rule != CLOSING


# (paragraphs, first words of the quote, speaker): read right after the quote
AFTER_ROWS: list[tuple[tuple[str, ...], str, str]] = [
    # a name and the body they belong to, then the verb
    (
        (
            '"Rebuilding the east quay would take at least a decade," Hana Voss of the Coastal '
            "Engineering Institute at Lund wrote in March.",
        ),
        "Rebuilding the east quay",
        "Hana Voss",
    ),
    # quoted words running on into their own sentence: the name after them is its object
    (
        ('The ferry was renamed "in honour of" Petra Lind, Okafor wrote.',),
        "in honour of",
        "Okafor",
    ),
]


@pytest.mark.parametrize(("paragraphs", "words", "speaker"), AFTER_ROWS)
def test_the_speaker_after_a_quote(paragraphs: tuple[str, ...], words: str, speaker: str) -> None:
    quote = _quote(paragraphs, words)
    assert quote is not None and quote.speaker == speaker


# (paragraphs, first words of the quote, a word that is no speaker)
NOT_SPEAKERS: list[tuple[tuple[str, ...], str, str]] = [
    # a new sentence after a quote that ended is no attribution, whatever its first word
    (
        (
            "Ada Vik said the pier had served the town well.",
            '"It was always open." Built in 1890 of oak, the pier survived two storms.',
        ),
        "It was always open",
        "Built",
    ),
    (
        (
            '"We are hopeful," added Ada Vik. "It is too early to say." Tomas Brell of the '
            "Dragons is likely to be drafted in.",
        ),
        "It is too early",
        "Tomas Brell",
    ),
    # a name and any past tense after a quote that ended its sentence start a new one
    (
        (
            "Ada Vik raised a point of order in the chamber.",
            'She said: "A harbour master resigned over a leak once." Tomas Brell resigned in '
            "1947 after the dredging plan was leaked.",
        ),
        "A harbour master resigned",
        "Tomas Brell",
    ),
]


@pytest.mark.parametrize(("paragraphs", "words", "wrong"), NOT_SPEAKERS)
def test_no_speaker_from_the_next_sentence(
    paragraphs: tuple[str, ...], words: str, wrong: str
) -> None:
    quote = _quote(paragraphs, words)
    assert quote is not None and quote.speaker != wrong


def test_a_pronoun_and_its_verb_before_a_colon_name_the_speaker() -> None:
    # not the place named earlier in the clause ("Tromvik")
    paragraphs = (
        "Ada Vik said on Tuesday that the town would win the vote.",
        'Asked which Tromvik ward was her favourite, she demurred: "Whichever one I am in."',
    )
    quote = _quote(paragraphs, "Whichever one")
    assert quote is not None and quote.speaker == "Ada Vik"


def test_a_horizontal_bar_sets_off_an_aside_as_an_em_dash_does() -> None:
    paragraph = (
        "When Vik noted that Brell had not paid the harbour dues \u2015 as was true for the "
        "years his accounts were public \u2015 Brell boasted, \u201cThat makes me clever.\u201d"
    )
    quote = _quote((paragraph,), "That makes me clever")
    assert quote is not None and quote.speaker == "Brell"
    # the quotes are read off the text as written
    for found in extract_quotes((paragraph,)):
        assert paragraph[found.start : found.end] == found.text


def test_a_sentence_with_its_own_verb_before_a_cue_word_attributes_nothing() -> None:
    # "comment" is a cue word, but "refused" is the next sentence's verb
    paragraphs = (
        'Ada Vik told the radio station: "We will sign no one in January." The '
        "club manager refused to comment on the state of the pitch.",
    )
    quote = _quote(paragraphs, "We will sign no one")
    assert quote is not None and quote.speaker == "Ada Vik"


@pytest.mark.parametrize(
    "paragraph",
    [
        'Asked about the goalkeeper, Ada Vik said: "We will sign no one in January."',
        'Said Tromvik coach Ada Vik: "We will sign no one in January."',
    ],
)
def test_a_verb_opening_the_sentence_names_the_speaker_after_it(paragraph: str) -> None:
    # "Asked about ..." opens a clause; "Said Tromvik coach ..." names the speaker
    quote = _quote((paragraph,), "We will sign no one")
    assert quote is not None and quote.speaker == "Ada Vik"
