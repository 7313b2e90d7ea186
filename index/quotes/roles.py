"""Reading roles: what describes a person (``deputy head of ...``) and what only opens the
sentence before a name (``Most importantly, Mr Vik says``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from index.quotes.lexicon.grammar import (
    AUXILIARIES,
    DETERMINERS,
    NOT_PHRASE_WORDS,
    NOT_ROLE_ENDS,
    NOT_ROLE_OPENERS,
    NOT_ROLE_VERBS,
    OPENING_ADVERBS,
    OPENING_PARTICIPLE_LINKS,
    OPENING_TIME_WORDS,
    PHRASE_PREPOSITIONS,
)
from index.quotes.lexicon.people import HONORIFICS, PRONOUN_GENDER, ROLE_HEADS
from index.quotes.names import clean_phrase

# What a person was doing, after their role: "attorney general announcing the suit", "chief
# executive speaking at ..." (but "head of marketing at ...": a field is part of the role, as
# is what the role does: "the oceanographer leading the project").
ACTIVITY = (
    r"\s+(?:(?!(?:lead|run|head|manag|oversee|chair|represent|advis|coach|teach|direct)ing\s)"
    r"[a-z]{3,}ing\s+(?:the|a|an|his|her|their|its)|(?:speaking|talking|writing|"
    r"announcing|referring|commenting|responding|reacting|testifying)\s+\w+)\s"
)
# Where a role read after a name ends: a relative clause, a time, a verb of saying, an activity.
ROLE_STOP = re.compile(
    r"\s+(?:who|which|whose|that|during|while|when|after|before|since|because|where|"
    r"in\s+(?:a|an|his|her|their|its)\s+(?:statement|interview|speech|email|e-mail|letter|"
    r"tweet|post|release|memo|call|conversation|appearance|op-ed|essay|column)|"
    r"on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|twitter|facebook)|"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"last\s+(?:week|month|year|night)|this\s+(?:week|month|year)|earlier|told|said|says)\b.*$"
    rf"|{ACTIVITY}.*$",
    re.I | re.S,
)


@lru_cache(maxsize=4096)  # pure; a speaker's roles recur over their quotes
def is_role(text: str) -> bool:
    """Whether an appositive reads like a role (``deputy head of ...``, ``a spokesman``)."""
    words = text.split()
    if not words or len(words) > 25 or not clean_phrase(text):
        return False
    first = words[0].strip(",").lower()
    if first.endswith(("ing", "ed")) and first not in ROLE_HEADS:
        return False
    if first in PRONOUN_GENDER:
        return False
    if any(w.lower() in NOT_PHRASE_WORDS for w in words):
        return False
    if first in DETERMINERS or first in ROLE_HEADS or first.endswith(("'s", "\u2019s")):
        return True
    if words[0][0].islower():
        return True
    # Capitalised titles: "Lord Mayor of the City of London", "Deputy Minister".
    return any(w.lower() in ROLE_HEADS or w.lower() in HONORIFICS for w in words[:3])


@lru_cache(maxsize=4096)  # pure; a speaker's roles recur over their quotes
def plausible_role(role: str) -> bool:
    """Whether a role read with a quote can be one: not a clause (``Cafod will host``,
    ``His assurances came after``), a time or place (``During his speech``, ``In a
    statement``), or a phrase cut off (``DJ duo JK and``). An affiliation may open with
    ``of``, ``from`` or ``at`` (``from the Harbour Trust``)."""
    words = [word for word in (word.strip(",.") for word in role.split()) if word]
    if not words:
        return False
    first = words[0].lower()
    if first in NOT_ROLE_OPENERS or (first in PHRASE_PREPOSITIONS and first not in _AFFILIATION):
        return False
    if words[-1].lower() in NOT_ROLE_ENDS:
        return False  # (a lone "a" or "the" is no role either)
    # (verbs in lower case only: "spokesman for North East Says No" names a campaign)
    return not any(word in AUXILIARIES or word in NOT_ROLE_VERBS for word in words)


_AFFILIATION = frozenset(("of", "from", "at"))


def owner_role(role: str) -> str:
    """A role that only names whom the speaker works for, without its possessive: "Xbox's
    Peter Moore" is at ``Xbox``; any other role as it is."""
    if role[:1].isupper() and len(role.split()) <= 3:
        if role.endswith(("'s", "\u2019s")):
            return role[:-2]
        if role.endswith(("s'", "s\u2019")):
            return role[:-1]  # "Sky Networks' Ada Vik"
    return role


@lru_cache(maxsize=4096)  # pure; a speaker's roles recur over their quotes
def carries(role: str) -> bool:
    """Whether a role read with one quote is sure enough to give the speaker's other quotes:
    a role word among its first words (``chief economist``), or a short description
    (``the singer``, ``a Greek hero``); not a stray word (``shortly``) or a clause."""
    if is_role_appositive(role):
        return True
    words = role.split()
    return (
        is_role(role)
        and 2 <= len(words) <= 6
        and "," not in role
        and words[0].lower() in DETERMINERS
    )


@lru_cache(maxsize=4096)  # pure; a speaker's roles recur over their quotes
def is_role_appositive(text: str) -> bool:
    """Whether a comma-set phrase after a name is surely a role (``chief economist at X``).

    Stricter than what a speaker phrase accepts: a role word (``chief``, ``mayor``) must be
    among its first three words, so ``the economy grew`` after ``According to Smith,`` stays
    part of the statement.
    """
    words = text.split()
    return is_role(text.strip()) and any(
        w.strip(",").lower().removesuffix("'s").removesuffix("\u2019s") in ROLE_HEADS
        for w in words[:3]
    )


def opens_sentence(part: str) -> bool:
    """Whether words set off by a comma before a name open the sentence: an adverb (``Most
    importantly``), a participle phrase (``Speaking to reporters``), a time (``Last month``)."""
    words = part.split()
    first, last = words[0].lower(), words[-1]
    if len(words) == 1:
        return first in OPENING_ADVERBS
    if first in ("most", "more", "perhaps", "quite") and last.endswith("ly") and len(words) <= 3:
        return True  # "Most importantly", "More recently" (not "Scotland's only")
    if first.endswith("ing") and first not in ROLE_HEADS:
        return words[1].lower() in OPENING_PARTICIPLE_LINKS
    return first in OPENING_TIME_WORDS and len(words) <= 4 and words[1].islower()


def clause_parts(parts: list[str]) -> Iterator[int]:
    """The indexes after the first of parts that open on a verb (``called on the town``)."""
    for at, part in enumerate(parts[1:], 1):
        first = part.split()[0]
        if first.islower() and (first.endswith("ed") or first in AUXILIARIES):
            yield at
