"""Apposition: a role set off by commas after a name, and a name set off after its sentence's
subject (in apposition or a list, no subject itself)."""

from __future__ import annotations

import re

from index.quotes.lexicon.grammar import AUXILIARIES, IRREGULAR_VERBS
from index.quotes.registry import Registry
from index.quotes.roles import ACTIVITY, is_role_appositive

_PRONOUN_SUBJECT = re.compile(r"(?:He|She|They|We|I)\s")

_SET_OFF_END = re.compile(r",|\.(?:\s|$)|\s+and\s")


def set_off_after_subject(text: str, start: int, end: int, base: int, registry: Registry) -> bool:
    """Whether a name set off by commas comes after its sentence's subject: it is then in
    apposition or a list (``He met the mayor, Ada Vik, and ...``), no subject itself."""
    if text[start - 2 : start] != ", " or not _SET_OFF_END.match(text, end):
        return False
    sentence = text.rfind(". ", 0, start) + 2 if ". " in text[:start] else 0
    if _PRONOUN_SUBJECT.match(text, sentence):
        return True
    return registry.last_subject(base + sentence, base + start) is not None


# (a word takes in a dot only as an initialism or inside it, "U.S." or "No.10": "the deputy
# minister. Ms Vik said" ends at the full stop)
_APPOSITIVE_ROLE = re.compile(
    r",\s+((?:the\s+|a\s+|an\s+)?(?:[a-z][\w'\u2019\-]*|[A-Z][\w'\u2019\-]*)"
    r"(?:\s+(?:(?:[A-Za-z]\.)+|[\w'\u2019\-]+(?:\.\w[\w'\u2019\-]*)*)){0,12}?)"
    r"(?=,|\.(?:\s|$)|\s+(?:who|which|said|says|told|during)\b"
    # (what the person was doing: "..., Texas attorney general announcing the suit")
    rf"|{ACTIVITY})"
)
# (a list or a relative clause goes on after a name, not a role: ", and Jon Dahl", ", whose
# father ..."; a role does not end on a title cut off at its dot: "adviser to Mr")
_NOT_ROLE_START = frozenset(("and", "or", "but", "whose", "who", "which", "whom", "where"))
_TITLE_ENDS = frozenset(
    ("Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "St", "Prof", "Ft", "Mt", "Lt", "Col")
)
_AND_NAME = re.compile(r"\band\s+[A-Z]")
_ROLE_START = re.compile(
    r"^(?:the|a|an|former|deputy|chief|head|director|president|chairman|chairwoman|"
    r"spokesman|spokeswoman|spokesperson|secretary|minister|senior|executive|founder|"
    r"co-founder|professor|leader|member|governor|mayor|senator|lord|lady|vice|ceo|"
    r"managing|general|[a-z]+(?:'s|\u2019s))\b",
    re.I,
)
# "Lord Ashcroft, Lord Saatchi and others": a peer's name after a name is someone else, not a
# role ("Ken Lee, Lord Mayor of Leeds" is one).
_ANOTHER_PEER = re.compile(r"(?:Lord|Lady)\s+(?![Mm]ayor\b|[Cc]hancellor\b|[Cc]hief\b)[A-Z]")


def _role_after_place(phrase: str) -> bool:
    """Whether an appositive opening on a place or party is a role: ``Texas attorney
    general``, not a clause (``wrote a host of songs``) or a list of people."""
    first, last = phrase.split(maxsplit=1)[0], phrase.rsplit(maxsplit=1)[-1]
    return (
        is_role_appositive(phrase)
        and first not in _NOT_ROLE_START
        and not (
            first.islower()
            and (first.endswith("ed") or first in AUXILIARIES or first in IRREGULAR_VERBS)
        )
        and last not in _TITLE_ENDS
        and _AND_NAME.search(phrase) is None
    )


def appositive_role(text: str, end: int) -> str | None:
    """The role set off by commas after a name ending at ``end`` (``, chief of X,``), if any."""
    if not text.startswith(", ", end):
        return None
    appositive = _APPOSITIVE_ROLE.match(text, end)
    if (
        appositive
        and (
            _ROLE_START.match(appositive.group(1))
            # ("Ada Vik, Texas attorney general, ...": a place or party before the role word)
            or _role_after_place(appositive.group(1))
        )
        and not _ANOTHER_PEER.match(appositive.group(1))
    ):
        return appositive.group(1).strip()
    return None
