"""Pronoun subjects keep their person in view: "He" opening a sentence is a mention of him."""

from __future__ import annotations

import bisect
import re

from index.quotes.lexicon.people import Gender
from index.quotes.registry import SUBJECT_WEIGHT, Registry

PRONOUN_CHAIN = "pronoun-chain"

# "He" or "She" followed by a verb-like word rather than a quote (the caller checks that it
# opens a sentence: found from the capital, the search skips ahead to each H and S).
_SUBJECT_PRONOUN = re.compile(r"(?P<pronoun>He|She)\s+(?=[a-z])")
_BEFORE_SENTENCE = " \u00a0\"\u201d\u2019'"
_GENDER: dict[str, Gender] = {"He": "m", "She": "f"}
# How far the person a pronoun goes to must outscore anyone else for the pronoun to count as
# their mention (in salience weights): a guess would carry its error on to the next "he said".
SURE_MARGIN = 1.0


def note_pronoun_subjects(
    paragraphs: list[str], bases: list[int], skips: list[list[tuple[int, int]]], registry: Registry
) -> None:
    """Record each sentence-opening ``He``/``She`` outside quotes as a mention, as a subject,
    of the person it stands for, in reading order (each sees the ones before it)."""
    for text, base, skip in zip(paragraphs, bases, skips, strict=True):
        opens = [start for start, _ in skip]
        for found in _SUBJECT_PRONOUN.finditer(text):
            start = found.start("pronoun")
            window = text[max(0, start - 4) : start]
            before = window.rstrip(_BEFORE_SENTENCE)
            if before[-1:] not in (".", "!", "?") and (before or start > 4):
                continue  # not the start of a sentence (nor of the paragraph)
            at = bisect.bisect_right(opens, start) - 1
            if at >= 0 and skip[at][0] <= start < skip[at][1]:
                continue  # inside a quote: the speaker's own "he", not the reporter's
            index, margin = registry.pronoun_choice(_GENDER[found.group("pronoun")], base + start)
            if index is not None and margin >= SURE_MARGIN:
                registry.mention(index, base + start, SUBJECT_WEIGHT)
