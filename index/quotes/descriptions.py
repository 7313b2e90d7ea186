"""Descriptions that stand for a person the article names: ``the mayor``, ``the American``.

News names a person once (``London mayor Ken Livingstone``, ``Arsene Wenger, the Arsenal
boss``) and then describes them (``the mayor said``). A definite description resolves to the
person whose role holds its head noun; failing that, a role with no holder in the article
stands for the likeliest person without a role of their own (``the prime minister`` for Tony
Blair), and a description such as ``the American`` or ``the striker`` for the person just
spoken of, as a pronoun would.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from index.quotes.cues import trie_pattern
from index.quotes.groups import PERSON_BY_AGE_OR_FAMILY
from index.quotes.lexicon.people import (
    ANAPHORIC_HEADS,
    DEMONYMS,
    DESCRIPTION_HEADS,
    DESCRIPTION_MODIFIERS,
    FIRST_NAMES,
    ORG_WORDS,
    OTHER_ONE_WORDS,
    PLACE_NAMES,
    ROLE_HEADS,
    ROLE_QUALIFIERS,
    UNNAMED_HEADS,
)
from index.quotes.registry import DISTANCE_SCALE, PRONOUN_REACH, SUBJECT_WEIGHT, Registry

DESCRIPTION_NAME = "description-name"

_HEADS = "(?:" + trie_pattern(DESCRIPTION_HEADS | ANAPHORIC_HEADS) + ")"
_DEMONYM = r"[A-Z][a-z]+(?:an|ian|ese|ish)|[A-Z][a-z]+"
# "the Arsenal boss", "the shadow chancellor", "the Lib Dem chief executive", "the 20-year-old".
# (``+`` after a repeat: what must follow is not in its class, so giving back never helps)
_AFTER_THE = (
    rf"\s+(?P<mods>(?:[\w'\u2019-]++\s++){{0,3}}?)"
    rf"(?P<head>{_HEADS}|{PERSON_BY_AGE_OR_FAMILY.pattern}|{_DEMONYM})(?:'s|\u2019s)?"
)
_PHRASE = re.compile(rf"[Tt]he{_AFTER_THE}")
# _PHRASE without its first letter, for scanning: starting with the literal "he" lets ``re``
# skip ahead to the next "he" rather than try the pattern at every "t" of the text; the
# lookbehind puts the "T" or "t" back in front of it.
_PHRASE_SCAN = re.compile(rf"he(?<=[Tt]he){_AFTER_THE}")
# (a lead sentence describes someone the next one names: "..., the shadow chancellor said.
# Oliver Letwin said ...")
_CATAPHORA_REACH = 700


# (a named tuple rather than a frozen dataclass: as immutable, and cheaper to build, which
# the extractor does many times per paragraph)
class Description(NamedTuple):
    """A definite description: its head noun, the words before it, and how it refers."""

    head: str
    modifiers: tuple[str, ...]
    anaphoric: bool  # like a pronoun (the striker, the American), not a role (the mayor)
    owned: bool = False  # a possessive before the head: "the minister's spokesman"
    general: bool = True  # nothing but words like "former" or "shadow" before the head
    proper: bool = False  # a capitalised word before the head: "the Tory leader"
    placed: bool = False  # a place owns the role: "Scotland's first minister"


# A country or party owning a role: "Scotland's first minister", "Labour's deputy leader".
_PLACE_OWNER = re.compile(r"([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)['\u2019]s\s+(?=[a-z])")

_ARTICLES = frozenset(("a", "an", "the"))
_OWNING_PLACES = PLACE_NAMES | frozenset(("labour", "tory", "tories", "party", "government"))

# A word that describes the one just named: lower case, or a place or team they belong to
# ("the Tottenham striker", "the double Olympic champion", "the Newport-based athlete").
_DESCRIBING = re.compile(r"[a-z]+|[A-Z][a-z]+(?:-[a-z]+)?")


# A description followed by the works that made the one named known: "the star of Rain Man".
_WORK_OF = re.compile(r"([Tt]he\s+[\w\s'\u2019-]+?)\s+of\s+(?:the\s+)?[A-Z].*")


# The paper's own journalist: "our correspondent", "our political editor".
_OUR_OWN = re.compile(r"(?:[\w-]+\s+){0,2}(?:correspondent|reporter|editor)")


def is_demonym(lowered: str) -> bool:
    """Whether a lower-cased word may name a nationality (``american``, ``scot``)."""
    return lowered in DEMONYMS or lowered.endswith(("an", "ese", "ish"))


@lru_cache(maxsize=4096)  # pure; the same descriptions recur ("the president")
def read_description(phrase: str) -> Description | None:
    """Read ``the <modifiers> <head>`` (the whole phrase), or None."""
    if phrase[:4] in ("our ", "Our ") and _OUR_OWN.fullmatch(phrase, 4):
        phrase = "the " + phrase[4:]  # "our correspondent": the paper's own, named before
    place = _PLACE_OWNER.match(phrase.strip())
    placed = place is not None and place.group(1).split()[-1].lower() in _OWNING_PLACES
    if place is not None and placed:
        # "Scotland's first minister" is "the Scotland first minister", no one's possession
        phrase = f"the {place.group(1)} {phrase.strip()[place.end() :]}"
    found = _PHRASE.fullmatch(phrase.strip())
    of = _WORK_OF.fullmatch(phrase.strip()) if " of " in phrase else None
    star = _PHRASE.fullmatch(of.group(1)) if of is not None else None
    if star is not None and star.group("head").lower() in ANAPHORIC_HEADS:
        found = star  # ("the star of Rain Man and Tootsie": the star)
    if found is None:
        return None
    head = found.group("head")
    lowered = head.lower()
    modifiers = tuple(word.lower().replace("\u2019", "'") for word in found.group("mods").split())
    owned = any(modifier.endswith("'s") for modifier in modifiers)
    if lowered == "executive" and modifiers[-1:] == ("chief",):
        head, lowered, modifiers = "chief executive", "chief executive", modifiers[:-1]
    elif lowered == "minister" and modifiers[-1:] == ("prime",):
        head, lowered, modifiers = "prime minister", "prime minister", modifiers[:-1]
    if lowered in DESCRIPTION_HEADS or lowered in ("chief executive", "prime minister"):
        if head[:1].isupper() and not head.isupper():
            return None  # "The New Hampshire Union Leader": a name, not a description
        general = all(
            word in DESCRIPTION_MODIFIERS or word in ROLE_QUALIFIERS for word in modifiers
        )
        proper = any(word[:1].isupper() for word in found.group("mods").split())
        return Description(lowered, modifiers, False, owned, general, proper, placed)
    if lowered in ANAPHORIC_HEADS or PERSON_BY_AGE_OR_FAMILY.fullmatch(lowered):
        # "the comic and actor", "the central defender" (lower-case words that describe the
        # one just named), not "the Lincoln actor" or "the other striker" (someone else)
        if not all(
            word in DESCRIPTION_MODIFIERS
            or (_DESCRIBING.fullmatch(word) and word.lower() not in OTHER_ONE_WORDS)
            or PERSON_BY_AGE_OR_FAMILY.fullmatch(word)  # "the 60-year-old actor"
            for word in found.group("mods").split()
        ):
            return None
        return Description(lowered, modifiers, anaphoric=True, owned=owned)
    if head[:1].isupper() and not modifiers and lowered not in ORG_WORDS and is_demonym(lowered):
        return Description(lowered, (), anaphoric=True)  # "the American", "the Scot"
    return None


@lru_cache(maxsize=4096)  # pure; every description is held against every role
def role_words(role: str) -> tuple[str, ...]:
    """The words of a role, lower case, without possessive endings and edge commas or dots."""
    return tuple(
        word.removesuffix("'s").strip(",.") for word in role.lower().replace("\u2019", "'").split()
    )


def _role_holds(description: Description, role: str) -> bool:
    """Whether a role given in the article (``London mayor``) fits the description.

    The role holds the head noun and every modifier of the description; a qualifier before
    the head in the role (``vice``, ``deputy``) must be in the description too, so ``the
    president`` is not the ``Vice President``.
    """
    words = role_words(role)
    head = tuple(description.head.split())
    if head[0] not in words:
        return False  # (most roles, told without a scan)
    at = next((i for i in range(len(words)) if words[i : i + len(head)] == head), -1)
    if at < 0:
        return False
    if at and words[at - 1] in ROLE_QUALIFIERS and words[at - 1] not in description.modifiers:
        return False
    return all(
        modifier in DESCRIPTION_MODIFIERS or modifier.removesuffix("'s") in words
        for modifier in description.modifiers
    )


def _title_holds(description: Description, role: str) -> bool:
    """Whether a bare title (``Founder`` in ``Founder Ada Vik``) is the description's head
    noun: it may hold ``the ferry firm's founder``, but not another role (``the deputy
    founder``)."""
    return role_words(role) == tuple(description.head.split()) and not any(
        word in ROLE_QUALIFIERS for word in description.modifiers
    )


def _has_role(registry: Registry, index: int) -> bool:
    """Whether the article gives the person a role (``Tory co-chairman``, not just ``Mr``)."""
    # (a description set off after the name is a role too: "Jon Dahl, a student at Oslo")
    return any(
        is_role(role) or role.startswith(("a ", "an ", "the "))
        for role in registry.entities[index].roles
    )


@lru_cache(maxsize=4096)  # pure; every description asks it of every person's roles
def is_role(role: str) -> bool:
    """Whether a role or title names a role (``Tory co-chairman``), not only a courtesy."""
    return any(
        part in ROLE_HEADS or part in DESCRIPTION_HEADS
        for part in role.lower().replace("-", " ").split()
    )


def resolve_description(
    description: Description,
    position: int,
    registry: Registry,
    statement: tuple[int, int] = (0, 0),
) -> int | None:
    """The person a description at body offset ``position`` stands for, if the article names one.

    Nobody named only inside ``statement`` (the body span of what the description is said to
    have said) stands for it: "Her son, Fahed Nasser, was safe, the captain said" names the
    son, not the captain.
    """
    holders = [
        index
        for index, entity in enumerate(registry.entities)
        if entity.person and any(_role_holds(description, role) for role in entity.roles)
    ]
    if not holders:
        # (a bare title holds it only when no role says more: "the French president" is
        # "French President Ada Vik", not "President Jon Dahl")
        holders = [
            index
            for index, entity in enumerate(registry.entities)
            if entity.person and any(_title_holds(description, role) for role in entity.roles)
        ]
    if holders:
        found = _likeliest(registry, position, set(holders), statement)
        return holders[0] if found is None else found
    if description.owned:
        return None  # "the prime minister's spokesman" is not the prime minister
    if description.anaphoric:
        # "Rock star Ada Vik ... the heavy metal star said": someone given that noun as a
        # role first, else the one just spoken of.
        given = {
            index
            for index, entity in enumerate(registry.entities)
            if entity.person and any(description.head in role_words(role) for role in entity.roles)
        }
        found = _likeliest(registry, position, given, statement) if given else None
        return _likeliest(registry, position, None, statement) if found is None else found
    proper = not description.general and description.proper
    if not description.general and not (proper and description.head not in UNNAMED_HEADS):
        return None  # "the band leader": a role of its own, which nobody here is given
    if description.head in UNNAMED_HEADS:
        # "the spokesman" speaks for someone named, who is not that someone; but it may be the
        # unnamed speaker before ("A Delta spokesman said ... the spokesman added")
        unnamed = {
            index
            for index, entity in enumerate(registry.entities)
            if entity.person
            and (not entity.tokens or entity.name.split(maxsplit=1)[0].lower() in _ARTICLES)
            and description.head in entity.name.lower().split()
        }
        return _likeliest(registry, position, unnamed, statement) if unnamed else None
    # A role nobody in the article is given: someone named without a role of their own; for
    # a role in a party, team or place ("the Tory leader"), someone surely a person, named
    # in full ("Ada Vik", not "Harbour Hour").
    unroled = {
        index
        for index, entity in enumerate(registry.entities)
        if entity.person
        and not _has_role(registry, index)
        and not (
            proper
            and (entity.gender is None or " " not in entity.name or not entity.name[:1].isupper())
        )
    }
    if not unroled:
        return None
    if description.placed:
        # ("Ohio's tax commissioner said ...": only the one named next as a subject, not
        # anyone before, nor anyone the statement names)
        named = {
            registry.mentioned[at]
            for at in range(
                bisect.bisect_left(registry.positions, statement[0]),
                bisect.bisect_left(registry.positions, statement[1]),
            )
        }
        return _next_named(registry, position, unroled - named, statement, SUBJECT_WEIGHT)
    found = _likeliest(registry, position, unroled, statement)
    return _next_named(registry, position, unroled, statement) if found is None else found


def _likeliest(
    registry: Registry, position: int, allowed: set[int] | None, skip: tuple[int, int]
) -> int | None:
    """The most salient allowed person mentioned before ``position`` (any gender), outside
    ``skip``."""
    at = bisect.bisect_left(registry.positions, position) - 1
    best: int | None = None
    best_score = float("-inf")
    seen = 0
    while at >= 0 and position - registry.positions[at] <= 2 * PRONOUN_REACH and seen < 12:
        index = registry.mentioned[at]
        inside = skip[0] <= registry.positions[at] < skip[1]
        if not inside and registry.entities[index].person and (allowed is None or index in allowed):
            seen += 1
            distance = (position - registry.positions[at]) / DISTANCE_SCALE
            score = registry.weights[at] - distance
            if score > best_score:
                best, best_score = index, score
        at -= 1
    return best


def named_next(
    phrase: str, position: int, registry: Registry, statement: tuple[int, int]
) -> int | None:
    """The person an indefinite role in the opening sentence describes when the next sentence
    names them as its subject: "..., a harbour minister has said. Ada Vik said ..." (not "a
    spokesman", who speaks for another, nor "a reporter", who asks)."""
    found = _INDEFINITE.fullmatch(phrase.strip()) if position <= _LEAD_REACH else None
    if found is None:
        return None
    head = found.group("head").lower()
    if head in UNNAMED_HEADS or head in _ASKERS or head not in ROLE_HEADS | DESCRIPTION_HEADS:
        return None
    words = set(phrase.lower().split())
    named = {
        index
        for index, entity in enumerate(registry.entities)
        # (someone surely a person, not one the description names: "a Vik lawyer")
        if entity.person
        and entity.name.split(maxsplit=1)[0].lower() in FIRST_NAMES
        and " " in entity.name
        and entity.name.rsplit(maxsplit=1)[-1].lower() not in words
    }
    return _next_named(registry, position, named, statement, SUBJECT_WEIGHT, _NEXT_SENTENCE_REACH)


_INDEFINITE = re.compile(r"[Aa]n?\s+(?:[\w'\u2019-]+\s+){0,4}(?P<head>[a-z][\w-]*)")
_NEXT_SENTENCE_REACH = 300
_LEAD_REACH = 400  # (characters: the headline and the opening sentence)
# Who asks the person named next: "..., a reporter asked. Ada Vik said ..."
_ASKERS = frozenset(
    ("reporter", "journalist", "host", "interviewer", "presenter", "correspondent", "moderator")
)


def _next_named(
    registry: Registry,
    position: int,
    allowed: set[int],
    skip: tuple[int, int],
    weight: float = float("-inf"),
    reach: int = _CATAPHORA_REACH,
) -> int | None:
    """The first allowed person mentioned shortly after ``position``, outside ``skip``, in a
    place of at least ``weight`` (a subject: ``SUBJECT_WEIGHT``)."""
    at = bisect.bisect_right(registry.positions, position)
    while at < len(registry.positions) and registry.positions[at] - position <= reach:
        inside = skip[0] <= registry.positions[at] < skip[1]
        if registry.mentioned[at] in allowed and not inside and registry.weights[at] >= weight:
            return registry.mentioned[at]
        at += 1
    return None


def description_mentions(
    text: str, skip: list[tuple[int, int]]
) -> list[tuple[int, int, Description]]:
    """Role descriptions in running text outside ``skip`` (quotes, in order), with offsets."""
    found = []
    ends = [end for _, end in skip]
    for start, end in _phrases(text):
        at = bisect.bisect_right(ends, start)
        if at < len(skip) and skip[at][0] <= start:
            continue  # inside a quote
        description = read_description(text[start:end])
        if description is not None and not description.anaphoric:
            found.append((start, end, description))
    return found


def _phrases(text: str) -> Iterator[tuple[int, int]]:
    """The spans of ``_PHRASE.finditer(text)``, found with ``_PHRASE_SCAN``.

    Each search starts one character past where ``finditer`` would resume, so that the
    match's first letter (before the "he") is where ``finditer`` would look from.
    """
    pos = 0
    while pos < len(text):
        match = _PHRASE_SCAN.search(text, pos + 1)
        if match is None:
            return
        yield match.start() - 1, match.end()
        pos = match.end()
