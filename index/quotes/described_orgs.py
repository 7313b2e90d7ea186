"""Rule ``described-org``: a name that a description of a body introduces is an organisation.

Its name may carry no word such as ``Bank`` that tells it apart from a person, but the words
around it do: ``shares in engineering group Halvard fell`` (the head of the description right
before the name) and ``Tidewell Pay, the fintech company that ..., will cut`` (an appositive
headed by such a word right after it). A later ``the company said`` then finds it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from index.quotes.cues import trie_pattern
from index.quotes.lexicon.bodies import ORG_DESCRIPTION_HEADS
from index.quotes.lexicon.people import COURTESY_TITLES, FIRST_NAMES, HONORIFICS, PLACE_NAMES
from index.quotes.names import strip_possessive
from index.quotes.registry import DESCRIBED_WEIGHT, SUBJECT_WEIGHT, Registry

DESCRIBED_ORG = "described-org"

_HEADS = "(?:" + trie_pattern(tuple(sorted(ORG_DESCRIPTION_HEADS))) + ")"
# ", the London-based fintech company that ...": at most four describing words, then the
# head, then what ends a noun phrase ("a company director" is a person's role); no word
# that makes the appositive a role at a body ("a spokeswoman for the company").
_NOT_DESCRIBING = r"(?!(?:for|of|at|to|with|on|by|from)\s)"
_APPOSITIVE_BODY = re.compile(
    rf",\s+(?:the|a|an|[A-Z][\w-]*['\u2019]s)\s+(?:{_NOT_DESCRIBING}[\w\u2019'&.-]+(?<!'s)(?<!\u2019s)\s+){{0,4}}?"
    rf"{_HEADS}(?=[,.;:]|\s+(?:that|which|based|whose|with|in|of|from|behind|founded|known|"
    r"owned|run|set|listed|and)\b)"
)


def _head_before(text: str, start: int) -> str | None:
    """The lower-case head of a description of a body right before ``start`` ("group
    Halvard", "the airline Skyfare"), if there is one."""
    if start < 2 or text[start - 1] != " ":
        return None
    space = text.rfind(" ", 0, start - 1)
    word = text[space + 1 : start - 1]
    return word if word in ORG_DESCRIPTION_HEADS else None


class Described(NamedTuple):
    """A body a description introduces: its name, the description's head, and whether the
    sentence is about it ("Shares in engineering group Halvard fell")."""

    name: str
    head: str
    topic: bool


# A sentence about a listed body's shares: "Shares in engineering group ...".
_SHARES_IN = re.compile(
    r"(?:^|[.!?]\s+)[-\u2022*\s]*(?:Shares|Stock|The shares)\s+(?:in|of)\s+[^.,;:!?]*$"
)


def described_org(text: str, start: int, end: int, org: str | None) -> Described | None:
    """The body that the capitalised run ``text[start:end]`` names (``org``, if read already),
    as a description right before it or an appositive right after it says; None when there
    is none, or when the run has a first name or a title or names only places ("the company
    Chairman Ada Vik" is a person)."""
    head = _head_before(text, start)
    if head is None:
        after = _APPOSITIVE_BODY.match(text, end) if text.startswith(", ", end) else None
        if after is not None:
            head = after.group().rsplit(maxsplit=1)[-1]
        elif text.endswith(("in ", "of "), 0, start) and _SHARES_IN.search(
            text, max(0, start - 80), start
        ):
            head = ""  # ("Shares in Krispy Kreme fell": whatever has shares is a body)
        else:
            return None
    run = text[start:end]
    # (each part of a hyphenated first name counts: "Jeanne-Marie")
    words = [part for word in run.split() for part in word.rstrip(".,").lower().split("-")]
    if all(word in PLACE_NAMES for word in words) or any(
        word in FIRST_NAMES or word in COURTESY_TITLES or word in HONORIFICS for word in words
    ):
        return None
    topic = _SHARES_IN.search(text, max(0, start - 80), start) is not None
    return Described(org or strip_possessive(run.rstrip(".,")), head, topic)


def note_described_org(registry: Registry, body: Described, position: int, weight: float) -> None:
    """Record a body a description introduces, named at ``position`` with the salience
    ``weight`` of where it stands: what the article is about, in view of a later "the
    company", and of "it" only as a subject or the topic."""
    weight = (
        max(weight, SUBJECT_WEIGHT) if body.topic or weight >= SUBJECT_WEIGHT else DESCRIBED_WEIGHT
    )
    entity = registry.entities[registry.add_org(body.name, position, weight)]
    entity.salient = True
    if body.head and body.head not in entity.roles:
        entity.roles.append(body.head)


def note_head(registry: Registry, index: int, text: str, start: int) -> None:
    """Give organisation ``index``, named at ``text[start:]`` as a subject or speaker, the head
    of a description right before its name as a role ("media group Reuters": a group)."""
    head = _head_before(text, start)
    if head is not None and head not in registry.entities[index].roles:
        registry.entities[index].roles.append(head)
