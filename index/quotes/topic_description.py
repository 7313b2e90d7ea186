"""Rule ``topic-description``: a description nobody else fits is the person just named.

News names someone, then describes them in words the article never ties to the name:
"Ada Vik has attacked the ferry plan. The MEP said ...". When no role in the article holds
the description, it stands for the person named in full just before, as a pronoun would.
"""

from __future__ import annotations

import bisect
import re

from index.quotes.descriptions import Description
from index.quotes.lexicon import word_set
from index.quotes.lexicon.people import (
    ANAPHORIC_HEADS,
    DESCRIPTION_HEADS,
    FIRST_NAMES,
    LEADING_ROLES,
    OTHER_ONE_WORDS,
    ROLE_HEADS,
    UNNAMED_HEADS,
)
from index.quotes.registry import SUBJECT_WEIGHT, Entity, Registry

TOPIC_DESCRIPTION = "topic-description"


def is_described(phrase: str) -> bool:
    """Whether a speaker phrase is a definite description, no name: ``the Salford MP``."""
    words = phrase.split()
    return len(words) > 1 and words[0] in ("the", "The") and words[-1].islower()


def just_spoken_of(
    phrase: str,
    description: Description | None,
    titled: bool,
    position: int,
    registry: Registry,
    statement: tuple[int, int],
) -> int | None:
    """The person named in full just before, for a description nobody else fits:
    "Ada Vik has attacked the plan. The MEP said ..." is Ada Vik.

    ``description`` is the phrase as :func:`read_description` reads it, if it does;
    ``titled`` tells a phrase in capitals (``The Foreign Secretary``).
    """
    if " and " in phrase:
        return None  # ("the prime minister and chancellor": two people)
    if description is None:
        phrase = _WHERE.sub("", phrase)  # ("the new health minister for Wales")
        if not is_described(phrase):
            return None
        words = tuple(phrase.lower().split())
        if not _person_noun(words[-1]):
            return None  # ("the state", "the report": no one)
        description = Description(words[-1], words[1:-1], anaphoric=False)
    elif titled and description.head in _NAME_HEADS:
        return None  # ("The Scottish Executive", "The Union Leader": a body, a paper)
    if description.owned or description.head in UNNAMED_HEADS:
        return None  # ("the minister's spokesman", "the spokesman": someone else)
    if not OTHER_ONE_WORDS.isdisjoint(description.modifiers):
        return None  # ("the other coach")
    if description.head in _BARE_PEOPLE and not description.modifiers:
        return None  # ("the man", "the woman": anyone in the story)
    # Only when the story is about one person just then: one person named in full as a
    # subject (or speaker) in the last paragraph or so; with two in view the description
    # picks out one of them, which words alone cannot tell. A party names one side ("the
    # GOP nominee"): then anyone else named near at all may be the one meant.
    partisan = not _PARTIES.isdisjoint(description.modifiers)
    found: int | None = None
    at = bisect.bisect_left(registry.positions, position) - 1
    while at >= 0 and position - registry.positions[at] <= _REACH:
        index = registry.mentioned[at]
        entity = registry.entities[index]
        if (
            (registry.weights[at] >= SUBJECT_WEIGHT or partisan)
            and not statement[0] <= registry.positions[at] < statement[1]
            and entity.person
            and " " in entity.name
            and entity.name.split(maxsplit=1)[0].lower() not in _ARTICLES
        ):
            if found is not None and index != found:
                return None
            found = index
        at -= 1
    if found is None or not _named_person(registry.entities[found]):
        return None
    return found


def _person_noun(word: str) -> bool:
    """Whether a noun names a person by what they do or are (``MEP``, ``skipper``, ``man``)."""
    return (
        word in DESCRIPTION_HEADS
        or word in ANAPHORIC_HEADS
        or word in LEADING_ROLES
        or (word in ROLE_HEADS and word not in _ROLE_MODIFIERS)
        or word.endswith(_PERSON_ENDINGS)
    )


def _named_person(entity: Entity) -> bool:
    """Whether an entity is surely a person named in full: a known first name or gender
    (not "Metal Slug" or "Education Consortium", read as people)."""
    return entity.name[:1].isupper() and (
        entity.gender is not None or entity.name.split(maxsplit=1)[0].lower() in FIRST_NAMES
    )


_ARTICLES = frozenset(("the", "a", "an"))
# What or where a role is over, after its head: "for Wales", "of the Harbour Board".
_WHERE = re.compile(r"\s+(?:for|of|in|at)\s+(?:the\s+)?[A-Z][\w\s'\u2019&-]*$")
_PARTIES = frozenset(
    ("gop", "republican", "democratic", "democrat", "tory", "labour", "conservative", "liberal")
)
# Words of ROLE_HEADS that only qualify a role ("state" of "state senator"): no one.
_ROLE_MODIFIERS = word_set(
    """vice former then longtime acting interim senior top assistant associate managing
    general national regional state head member"""
)
_BARE_PEOPLE = frozenset(("man", "woman", "boy", "girl", "person"))
_PERSON_ENDINGS = ("er", "or", "ist", "ian", "man", "woman", "mp", "mep", "msp")
# Heads that end a name when capitalised: "The Scottish Executive", "The Union Leader".
_NAME_HEADS = frozenset(("executive", "leader", "chief executive"))
# (characters: about one paragraph of a news story)
_REACH = 600
