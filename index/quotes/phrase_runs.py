"""Which capitalised run of a speaker phrase names the speaker: the last one outside a
prepositional phrase ("a spokesman for the Department of Rivers and Ports" names no one)."""

from __future__ import annotations

import re

from index.quotes.lexicon.grammar import PHRASE_PREPOSITIONS
from index.quotes.lexicon.people import HONORIFICS, ROLE_WORDS
from index.quotes.names import name_runs


def last_name_run(text: str) -> re.Match[str] | None:
    """The last capitalised run in ``text`` that is not inside a prepositional phrase."""
    best: re.Match[str] | None = None
    inside, end = False, -1
    for match in name_runs(text):
        # Only the last two words before the run are read; a word joined by "and" to a run in
        # a prepositional phrase is in it too ("for the Department of Rivers and Ports").
        before = text[: match.start()].rsplit(maxsplit=2)
        joined = (
            inside
            and " " not in match.group()  # ("a friend of Ada Vik and Jon Dahl": two people)
            and _JOINED.fullmatch(text, end, match.start()) is not None
        )
        inside = joined or _in_prepositional_phrase(before)
        if not inside:
            best = match
        end = match.end()
    return best


_JOINED = re.compile(r",?\s+(?:and|&)\s+|,\s+")


def _in_prepositional_phrase(before: list[str]) -> bool:
    """Whether a name preceded by the words ``before`` sits in a prepositional phrase.

    ``before`` comes from ``rsplit(maxsplit=2)``: the last two words, and the text before.
    """
    if not before:
        return False
    last = before[-1].lower()
    if last in PHRASE_PREPOSITIONS:
        # "Secretary of State John Kerry": a title may own an "of" phrase.
        return not (
            last == "of"
            and len(before) >= 2
            and before[-2].rstrip(".").lower() in HONORIFICS
            and before[-2][:1].isupper()
        )
    if len(before) < 2 or before[-2].lower() not in PHRASE_PREPOSITIONS:
        return False
    if before[-1].islower() and last in ROLE_WORDS and before[-2] in ("of", "for"):
        # "The son of actress Doris Day": the son, not the actress ("secretary of state
        # Ada Vik" is a title; "with leader Ada Vik saying" names who says it)
        prior = before[0].rsplit(maxsplit=1)[-1].lower() if len(before) > 2 else ""
        return prior not in ROLE_WORDS
    if last != "the":
        return False
    return not title_owns_the(before)


def title_owns_the(before: list[str]) -> bool:
    """Whether the words before a name end in a title's ``of the``: "Chancellor of the
    Exchequer Ada Vik" (``before`` as from ``rsplit(maxsplit=2)``)."""
    if len(before) < 3 or before[-1].lower() != "the" or before[-2].lower() != "of":
        return False
    prior = before[0].rsplit(maxsplit=1)[-1]
    return prior[:1].isupper() and prior.rstrip(".").lower() in HONORIFICS
