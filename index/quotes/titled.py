"""A long title before a name: ``Shadow leader of the Commons Oliver Heald``.

A title that holds ``of`` or ``for`` (``head of the Federal Reserve``, ``Secretary of State
for Health``) reads whole as a description; the first name at its end starts the person's
name, and the words before it are the role.
"""

from __future__ import annotations

import re

from index.quotes.lexicon.grammar import DETERMINERS
from index.quotes.lexicon.people import FIRST_NAMES, HONORIFICS, ROLE_HEADS
from index.quotes.names import Source, bare_token, gender_of_name

_MAX_NAME_WORDS = 3
_RELATIVES = frozenset(("who", "which", "that", "whose"))


def titled_name(text: str) -> Source | None:
    """The person a title with ``of``/``for`` names at its end, the title as the role."""
    tokens = text.split()
    if len(tokens) < 4 or not any(token in ("of", "for") for token in tokens[1:-2]):
        return None
    for at in range(len(tokens) - 2, max(1, len(tokens) - 1 - _MAX_NAME_WORDS), -1):
        first = bare_token(tokens[at])
        if first in FIRST_NAMES and tokens[at][:1].isupper():
            name, role = tokens[at:], tokens[:at]
            if not all(token[:1].isupper() for token in name) or not role[-1][:1].isupper():
                return None  # (the title ends on the name of what it heads: "the Commons")
            if not any(token.lower() in ROLE_HEADS for token in role):
                return None
            if role[0].lower() in DETERMINERS or any(token in _RELATIVES for token in role):
                return None  # "a spokesman for Jon Dahl" speaks, not Jon Dahl
            last = role[-1].rstrip(".").lower()
            if role[0].islower() and (last in ROLE_HEADS or last in HONORIFICS):
                return None  # "spokesman for House Speaker Jon Dahl": the name has its title
            title = " ".join(role)
            return Source(
                name=" ".join(name),
                kind="person",
                role=title,
                gender=gender_of_name(" ".join(name), title),
            )
    return None


# Capitalised words and "of"/"for" (with "the") right before a title run: "Secretary of ".
_OF_TITLE = re.compile(r"(?:^|(?<=[\s(]))(?:[A-Z][\w'\u2019-]*\s+)+(?:(?:of|for)\s+(?:the\s+)?)$")


def title_through_of(text: str, start: int, run: str) -> str | None:
    """The whole title of the person named by ``run`` at ``start`` when it runs back over "of"
    ("Secretary of State Colin Powell": "Secretary of State", not "State"), else None."""
    before = _OF_TITLE.search(text, max(0, start - 60), start)
    if before is None or bare_token(before.group().split()[-2]) not in ROLE_HEADS:
        return None  # (not "on Wednesday for Justice Ada Vik")
    titled = titled_name(before.group() + run)
    return titled.role if titled is not None else None
