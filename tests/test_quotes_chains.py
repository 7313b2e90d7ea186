"""A sentence opening with "He" keeps its person in view for the next "he said" (our words)."""

from __future__ import annotations

from index.quotes import extract_quotes

RULE = "pronoun-chain"

# Tom Berg is named only in passing ("For Tom Berg, ..."); the sentence about him names two
# other men after its "He", who are nearer to the quote's "he told".
PARAGRAPHS = (
    "For Tom Berg, head of the Halden ferry line, the new timetable is a relief. He has sailed "
    "with Jon Dahl and Ivo Lund on every crossing.",
    '"We can finally plan ahead," he told reporters.',
)


def test_a_pronoun_subject_is_a_mention_of_its_person() -> None:
    (quote,) = extract_quotes(PARAGRAPHS)
    assert (quote.text, quote.speaker) == ("We can finally plan ahead", "Tom Berg")


def test_switched_off_the_nearest_man_gets_the_quote() -> None:
    (quote,) = extract_quotes(PARAGRAPHS, frozenset({RULE}))
    assert quote.speaker == "Ivo Lund"
