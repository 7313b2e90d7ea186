"""A speaker phrase no name reading accepts, taken as written: ``People close to the talks``."""

from __future__ import annotations

import re
from collections.abc import Sequence

from index.quotes.cues import ATTRIBUTION_VERB_SET
from index.quotes.lexicon.grammar import (
    AUXILIARIES,
    IRREGULAR_VERBS,
    NOT_PHRASE_WORDS,
    OBLIQUE_PREPOSITIONS,
    TIME_NOUNS,
)
from index.quotes.marks import QuotedSpan, spans_between
from index.quotes.names import Source
from index.quotes.subjects import INTRO

PHRASE_SUBJECT = "report-phrase-subject"

_MAX_WORDS = 14
_WORD = re.compile(r"[\w'\u2019.\-]+")
_LEAD = re.compile(r"\s*(?:(?:But|And|Yet|So|Still|Now|Then|Also)\s+)?")
# A relative clause may hold verbs of its own ("Voters who watched the debate said").
_RELATIVE = frozenset({"who", "whose", "whom", "which"})
# "That's", "Let's": a clause, not a subject.
_CONTRACTED = re.compile(r"\b(?:that|let|what|there|here|who|it|he|she)['\u2019]s\b", re.I)
# Pronouns and determiners that cannot end a subject ("what they", "the"): the words
# before a verb stop at a noun.
_NOT_LAST = frozenset(
    {"the", "a", "an", "of", "to", "and", "or", "but", "his", "her", "their", "its", "our",
     "my", "your", "in", "on", "at", "for", "with", "by", "from", "as", "than", "what", "who",
     "whom", "which", "that", "it", "there", "this", "these", "those", "not", "no"}
)  # fmt: skip


# "say" is a verb wherever it stands; another cue word may be a noun ("remarks", "reports")
# or a participle before a noun ("reported net worth"), read as a verb only before "that".
_SAY = frozenset({"say", "says", "said"})
_THAT_NEXT = re.compile(r"\s+(?:\w+\s+){0,2}?that\b")
# What opens the statement after "said" ("said they would", "said the pier is safe"), not
# "said more about the budget".
_CLAUSE_NEXT = re.compile(
    r"\s+(?:(?:that|he|she|they|we|i|it|you|there|the|a|an|his|her|their|its|this|these|"
    r"those)\b|[A-Z0-9])",
)


# A past tense before an infinitive or an object ("refused to", "closed the") is a verb of
# the phrase's own; a participle before a preposition ("briefed on", "close to") is not.
_VERB_OBJECT_START = frozenset({"to", "the", "a", "an", "his", "her", "their", "its", "our"})


def _verb_with_object(words: list[str], number: int) -> bool:
    """Whether ``words[number]`` is a past tense followed by an infinitive or an object."""
    word = words[number]
    return (
        len(word) > 4
        and word.endswith("ed")
        and number + 1 < len(words)
        and words[number + 1] in _VERB_OBJECT_START
    )


# A subordinate clause opening after the main one, whose subject speaks ("... as analysts").
_OPENED = re.compile(r"\s(?:as|while|whilst|because|when)\s")


def phrase_subject(
    text: str, lo: int, hi: int, spans: Sequence[QuotedSpan], verb: str, verb_end: int
) -> tuple[Source, int] | None:
    """The words opening a sentence before its reporting verb, as a group that speaks.

    ``People briefed on the plan said ...``, ``Most of the workers said ...``: a subject no
    name or group reading accepts, read as written. Only a short phrase that opens the
    sentence (after adverbials), with no verb of its own outside a relative clause, holds
    no quote and ends in a noun.
    """
    statement = _CLAUSE_NEXT if verb in _SAY else _THAT_NEXT
    if statement.match(text, verb_end) is None:
        return None
    if spans_between(spans, lo, hi):
        return None
    intro = INTRO.match(text, lo, hi)
    start = intro.end() if intro else lo
    start = _LEAD.match(text, start, hi).end()  # type: ignore[union-attr]
    opened = None
    for opened in _OPENED.finditer(text, start, hi):  # noqa: B007 - the last one is wanted
        pass
    if opened is not None:
        start = opened.end()  # "Currencies weakened as analysts (said)": the clause's own
    phrase = text[start:hi].strip()
    opening = phrase[:1].isupper() or phrase[:1].isdigit() or opened is not None
    if not phrase or not opening or phrase[-1] == ",":
        return None
    if any(mark in phrase for mark in ';:()"\u201c\u201d[]'):
        return None
    if _CONTRACTED.search(phrase):
        return None
    words = [word.group().lower() for word in _WORD.finditer(phrase)]
    if not words or len(words) > _MAX_WORDS or words[-1] in _NOT_LAST:
        return None
    if words[0] in OBLIQUE_PREPOSITIONS or words[0].endswith("ing") or words[-1].endswith("ly"):
        return None  # "In a brief remark ...", "Having announced ...", "deeply reported"
    if words[-1] in TIME_NOUNS:
        return None  # "The week also told a different story"
    relative = False
    for number, word in enumerate(words):
        if number and word in _RELATIVE:
            if words[number - 1][:1] != word[:1] and _capitalised_before(phrase, word):
                return None  # "Mr Lind who ran the depot": a name takes a comma before "who"
            relative = True
        elif not relative and (
            word in AUXILIARIES
            or word in ATTRIBUTION_VERB_SET
            or word in NOT_PHRASE_WORDS
            or word in IRREGULAR_VERBS  # ("A meeting saw members (say)": a clause)
        ):
            return None
        elif not relative and _verb_with_object(words, number):
            return None  # "Ada Vik refused to discuss newspaper reports that ...": a verb
    return Source(name=phrase.rstrip(","), kind="group"), start


def _capitalised_before(phrase: str, relative: str) -> bool:
    """Whether the word before the first ``relative`` pronoun in ``phrase`` is capitalised."""
    at = re.search(rf"(\S+)\s+{relative}\b", phrase, re.I)
    return at is not None and at.group(1)[:1].isupper()
