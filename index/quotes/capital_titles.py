"""``The Foreign Secretary said``: a person described by a title, not an organisation.

British news capitalises a title used without a name (``The Prime Minister``, ``the Secretary
of State``, ``the Chancellor of the Exchequer``). Read as a name, such a phrase gave an
organisation (``State``, ``Exchequer``); read in lower case it is the description it is, which
the article's ``Foreign Secretary Jack Straw`` then resolves. Newspapers named like people
(``The Guardian``, ``The Economist``) stay names.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from index.quotes.lexicon.bodies import MEDIA_NAME_WORDS
from index.quotes.names import Source
from index.quotes.registry import Registry

# "the" and capitalised words, joined by "of", "for", "the", "and" only; a word for when the
# title was or will be held may come first ("the outgoing European Commissioner").
_CAPITALISED = re.compile(
    r"[Tt]he\s+(?:(?:former|outgoing|incoming|new|current|retiring|acting|interim|then)\s+)?"
    r"[A-Z][\w'\u2019-]*(?:\s+(?:(?:of|for|the|and)\s+)*[A-Z][\w'\u2019-]*)*"
)


def capital_title(
    text: str, words: list[str], read: Callable[[str], Source | None]
) -> Source | None:
    """The person a capitalised title after "the" describes (``The Prime Minister``), as
    written, when ``read`` takes its lower-case form for a person's description; else None.
    ``words`` are the lower-case words of ``text``."""
    phrase = text.strip()
    if words[0] != "the" or len(words) < 2 or _CAPITALISED.fullmatch(phrase) is None:
        return None
    if not MEDIA_NAME_WORDS.isdisjoint(words):
        return None  # ("The Guardian", "The Economist": papers)
    lowered = read(phrase.lower())
    if lowered is None or lowered.kind != "person" or lowered.name != phrase.lower():
        return None
    return Source(name=phrase, kind="person", gender=lowered.gender)


def in_capitals(name: str) -> bool:
    """Whether a speaker's name is written as a capitalised title after "the" ("The Secretary
    of State"), which ``capital_title`` read as a person's description."""
    return _CAPITALISED.fullmatch(name) is not None


def title_holder(name: str, position: int, registry: Registry) -> int | None:
    """The person the article gives the title ``name`` names ("the Secretary of State" for
    "Secretary of State Ada Vik"), else the title before its "of" ("the Chancellor of the
    Exchequer" for "Chancellor Ada Vik"); the one last mentioned before ``position`` if
    several."""
    wanted = name.lower().removeprefix("the ")
    for title in (wanted, wanted.split(" of ", 1)[0]):
        holders = [
            index
            for index, entity in enumerate(registry.entities)
            if entity.person
            and any(role.lower().removeprefix("the ") == title for role in entity.roles)
        ]
        if holders:
            return max(holders, key=lambda index: registry.last_mention_before(index, position))
    return None
