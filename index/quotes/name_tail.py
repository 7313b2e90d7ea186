"""Rule ``name-tail``: "the commission said" stands for the body whose name ends so.

A report names a body in full once ("the Electoral Commission", "the Illinois Board of
Elections") and then by its last words in lower case ("the commission", "the board"). When
an organisation named before ends with exactly those words (before any "of ..."), the latest
one is meant. Only words that end the names of bodies count ("the report" is no body); those
that describe any business or body ("the company", "the agency") are left to
``org-description``.
"""

from __future__ import annotations

import bisect
import re

from index.quotes.lexicon.bodies import BODY_NAME_ENDS
from index.quotes.registry import Registry

NAME_TAIL = "name-tail"

# "the commission", "the assembly government": one to three lower-case words after "the".
_TAIL = re.compile(r"[Tt]he((?:\s+[a-z][a-z-]+){1,3})")
# What may follow the head of a body's name: "Board of Elections", "Court of Appeals".
_OF_TAIL = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w'\u2019-]*(?:\s+(?:and\s+)?[A-Z][\w'\u2019-]*)*")


# Small words in capitals: a headline in title case, not a body's name.
_HEADLINE_WORDS = frozenset(("Of", "And", "For", "In", "On", "To", "A", "With", "At", "By"))


def _ends_with(name: str, words: list[str]) -> bool:
    """Whether ``name`` (before any "of") has more words than ``words`` and ends with them,
    in capitals."""
    last = name.split(" of ", 1)[0].split()[-len(words) - 1 :]
    return (
        not _HEADLINE_WORDS.intersection(name.split())  # ("Disputes Characterization Of ...")
        and len(last) > len(words)
        and [word.lower() for word in last[1:]] == words
        and all(word[:1].isupper() for word in last[1:])
    )


def of_tail(text: str, end: int) -> str:
    """The "of ..." that goes on a body's name ending at ``end`` ("Board of Elections")."""
    found = _OF_TAIL.match(text, end) if text.startswith(" of ", end) else None
    return found.group() if found else ""


def _shown(name: str) -> str:
    """A body's name without a description run into it ("San Francisco-based US Court")."""
    return name.rpartition("-based ")[2]


def name_tail(registry: Registry, description: str, position: int) -> int | str | None:
    """What ``description`` ("the commission") stands for at ``position``: the index of the
    latest organisation that spoke or was a subject with a name ending in its words, else
    the latest such name given in passing since; None when there is none."""
    found = _TAIL.fullmatch(description)
    if found is None:
        return None
    words = found.group(1).split()
    if words[-1] not in BODY_NAME_ENDS:
        return None
    at = bisect.bisect_left(registry.positions, position) - 1
    spoke_at, best = -1, None
    while at >= 0:
        entity = registry.entities[registry.mentioned[at]]
        if not entity.person and _ends_with(entity.name, words):
            spoke_at, best = registry.positions[at], registry.mentioned[at]
            break
        at -= 1
    for offset, name in reversed(registry.passing):
        if spoke_at < offset < position and _ends_with(name, words):
            return _shown(name)
    return best
