"""The role written just before a name: ``London mayor Ken Livingstone``, ``Tory co-chairman``."""

from __future__ import annotations

import re

from index.quotes.cues import by_last_letter, trie_pattern
from index.quotes.lexicon.grammar import CLAUSE_START_WORDS, NOT_NAME_WORDS
from index.quotes.lexicon.people import (
    ANAPHORIC_HEADS,
    DESCRIPTION_HEADS,
    ROLE_HEADS,
    ROLE_NOUNS_BEFORE_NAME,
    ROLE_PARTICIPLES,
    Gender,
)

# A role noun before a name, with the words that qualify it: "Tory co-chairman Liam Fox",
# "Hearts' boss John Robertson", "MTV spokeswoman Jeannie Kedas".
_ROLE_WORDS = ROLE_NOUNS_BEFORE_NAME + tuple(sorted(DESCRIPTION_HEADS | ANAPHORIC_HEADS))
_ROLE_WORD_ENDINGS = by_last_letter(_ROLE_WORDS)
_ROLE_BEFORE_NAME = re.compile(
    rf"(?<![\w'\u2019.])(?:(?:[A-Z][\w'\u2019.\-]*\s+){{0,3}}(?:[a-z][\w'\u2019\-]*\s+){{0,2}})?"
    rf"(?:{trie_pattern(_ROLE_WORDS)})\s+$"
)


def role_before(text: str, start: int) -> str | None:
    """The role written before a name starting at ``start`` (``London mayor``), if any."""
    head = text[max(0, start - 60) : start]
    tail = head.rstrip()
    if not tail.endswith(_ROLE_WORD_ENDINGS.get(tail[-1:], ())):
        return None  # (the common case, told without a search)
    found = _ROLE_BEFORE_NAME.search(head)
    if found is None:
        return None
    words = found.group().split()
    for at in range(len(words) - 1, 1, -1):
        if (
            words[at] in ("and", "or")
            and words[at - 1][:1].isupper()
            and words[at - 2][:1].isupper()
        ):
            words = words[at + 1 :]  # "Ada Vik and singer Jon Dahl": the role is "singer"
            break
    for at in range(len(words) - 1, -1, -1):
        word = words[at]
        if word.endswith(".") and len(word) > 4 and word[:-1].isalpha() and not word.isupper():
            words = words[at + 1 :]  # "... or Jon Dahl. Harbour boss Ada Vik": a new sentence
            break
    for at in range(len(words) - 2, -1, -1):
        if words[at] in _PREPOSITIONS or (
            # "the withdrawal of tycoon Jon Dahl", not "chief of staff Jon Dahl"
            words[at] == "of" and at and words[at - 1].lower() not in _OF_HEADS
        ):
            words = words[at + 1 :]  # "an association with coach Jon Dahl": the role is "coach"
            break
    # The role starts after a verb or a function word it swallowed ("said Tory leader",
    # "reported race director").
    while words and (
        words[0].lower() in NOT_NAME_WORDS
        or words[0].lower() in CLAUSE_START_WORDS
        or (_PAST.fullmatch(words[0]) and words[0] not in ROLE_PARTICIPLES)
    ):
        words = words[1:]
    return " ".join(words) or None


_ROLE_BEFORE = re.compile(r"([a-z]+)\s+$")
_PAST = re.compile(r"[a-z]{2,}ed")
_PREPOSITIONS = frozenset(("with", "for", "to", "from", "by", "at", "in", "on", "against"))
# Role words that own an "of" phrase in a title: "chief of staff", "head of news".
_OF_HEADS = ROLE_HEADS | frozenset(word.lower() for word in _ROLE_WORDS)


def gender_before(text: str, start: int) -> Gender:
    """The gender a role word just before a name implies (``spokeswoman Mira Dahl``)."""
    if not text[max(0, start - 20) : start].rstrip().endswith("man"):
        return None  # cheap test first: only a word ending in "man" implies a gender
    word = _ROLE_BEFORE.search(text, max(0, start - 20), start)
    if word is None:
        return None
    if word.group(1).endswith("woman"):
        return "f"
    return "m" if word.group(1).endswith("man") else None
