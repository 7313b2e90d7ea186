"""Link mentions of people across an article: full names, surnames, titles and pronouns."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from index.quotes.lexicon import HONORIFICS, NOT_NAME_WORDS
from index.quotes.names import (
    NAME_RUN,
    Gender,
    Source,
    gender_of_name,
    is_org_name,
    split_title,
    strip_possessive,
)

# A pronoun is only resolved to someone mentioned at most this many characters before it.
PRONOUN_REACH = 2500

_FOLLOWED_BY_SPEECH = re.compile(
    r"\s*(?:,[^,.;]{1,120},\s*)?(?:also\s+|later\s+|has\s+|had\s+)?"
    r"(?:said|says|told|added|noted|wrote|argued|explained|asked|warned|insisted|tweeted)\b"
)
_APPOSITIVE_ROLE = re.compile(
    r",\s+((?:the\s+|a\s+|an\s+)?(?:[a-z][\w'\u2019\-]*|[A-Z][\w'\u2019\-]*)"
    r"(?:\s+[\w'\u2019\-.]+){0,12}?)(?=,|\.(?:\s|$)|\s+(?:who|which|said|says|told|during)\b)"
)
_ROLE_START = re.compile(
    r"^(?:the|a|an|former|deputy|chief|head|director|president|chairman|chairwoman|"
    r"spokesman|spokeswoman|spokesperson|secretary|minister|senior|executive|founder|"
    r"co-founder|professor|leader|member|governor|mayor|senator|lord|lady|vice|ceo|"
    r"managing|general|[a-z]+(?:'s|\u2019s))\b",
    re.I,
)


@dataclass(slots=True)
class Entity:
    """A person (or organisation) mentioned in the article; mutable while the article is read."""

    name: str
    gender: Gender = None
    role: str | None = None
    person: bool = True
    tokens: set[str] = field(default_factory=set)


@dataclass(slots=True)
class Registry:
    """The people of one article and where each is mentioned (body offsets, in order)."""

    entities: list[Entity] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)
    mentioned: list[int] = field(default_factory=list)

    def find(self, name: str) -> int | None:
        """Index of the entity a name (full name, surname or first name) refers to."""
        tokens = [t.lower() for t in name.split()]
        if not tokens:
            return None
        wanted = set(tokens)
        best: int | None = None
        # Prefer the most recently created entity containing every token of the mention.
        for index in range(len(self.entities) - 1, -1, -1):
            entity = self.entities[index]
            if wanted <= entity.tokens:
                return index
            if best is None and len(tokens) > 1 and tokens[-1] in entity.tokens:
                last = entity.name.split()[-1].lower()
                if last == tokens[-1] and len(entity.tokens) == 1:
                    best = index
        return best

    def add(self, name: str, position: int, gender: Gender, role: str | None, person: bool) -> int:
        """Record a mention, merging it into the entity it refers to; return that entity."""
        index = self.find(name)
        if index is None:
            self.entities.append(
                Entity(name, gender, role, person, {t.lower() for t in name.split()})
            )
            index = len(self.entities) - 1
        else:
            entity = self.entities[index]
            if len(name.split()) > len(entity.name.split()):
                entity.name = name
                entity.tokens |= {t.lower() for t in name.split()}
            if entity.gender is None:
                entity.gender = gender
            if entity.role is None:
                entity.role = role
            entity.person = entity.person or person
        self.mention(index, position)
        return index

    def mention(self, index: int, position: int) -> None:
        """Note that entity ``index`` is mentioned at body offset ``position``."""
        at = bisect.bisect_right(self.positions, position)
        self.positions.insert(at, position)
        self.mentioned.insert(at, index)

    def resolve_pronoun(self, gender: Gender, position: int) -> int | None:
        """The closest person mentioned before ``position`` whose gender fits the pronoun."""
        at = bisect.bisect_left(self.positions, position) - 1
        while at >= 0 and position - self.positions[at] <= PRONOUN_REACH:
            entity = self.entities[self.mentioned[at]]
            if entity.person and (entity.gender is None or entity.gender == gender):
                return self.mentioned[at]
            at -= 1
        return None


def scan_people(body: str, skip: list[tuple[int, int]], registry: Registry) -> None:
    """Register the people named in ``body`` outside the ``skip`` ranges (quotes).

    A capitalised run counts as a person when it carries an honorific, starts with a known
    first name, has two or more name-like words, or is followed by a speech verb; single
    words otherwise only count when they repeat someone already known.
    """
    skip_index = 0
    for match in NAME_RUN.finditer(body):
        start = match.start()
        while skip_index < len(skip) and skip[skip_index][1] <= start:
            skip_index += 1
        if skip_index < len(skip) and skip[skip_index][0] <= start < skip[skip_index][1]:
            continue
        run = match.group()
        title, name = split_title(run)
        name = strip_possessive(name.rstrip(",. "))
        tokens = name.split()
        while tokens and tokens[0].lower().rstrip(".") in NOT_NAME_WORDS:
            tokens = tokens[1:]
        if not tokens or tokens[-1].lower().rstrip(".") in NOT_NAME_WORDS:
            continue
        if tokens[0].lower().rstrip(".") in HONORIFICS:
            continue
        name = " ".join(tokens)
        before = body[max(0, start - 5) : start].lower()
        if before.endswith("the ") or is_org_name(name):
            continue
        gender = gender_of_name(name, title)
        speaks = _FOLLOWED_BY_SPEECH.match(body, match.end()) is not None
        known = registry.find(name) is not None
        if not (title or gender or len(tokens) >= 2 or speaks or known):
            continue
        role = None
        appositive = _APPOSITIVE_ROLE.match(body, match.end())
        if appositive and _ROLE_START.match(appositive.group(1)):
            role = appositive.group(1).strip()
        registry.add(name, start, gender, role, True)


def resolve(source: Source, position: int, registry: Registry) -> tuple[str | None, str | None]:
    """Turn a speaker phrase at body offset ``position`` into ``(speaker, role)``.

    People resolve to the fullest name the article gives them and the role of their first
    introduction; pronouns resolve to the nearest earlier person of matching gender.
    """
    if source.kind == "pronoun":
        if source.gender not in ("m", "f"):
            return None, None
        index = registry.resolve_pronoun(source.gender, position)
        if index is None:
            return None, None
        entity = registry.entities[index]
        registry.mention(index, position)
        return entity.name, entity.role
    if source.kind != "person":
        return source.name, source.role
    if not any(ch.isupper() for ch in source.name):
        return source.name, source.role
    index = registry.add(source.name, position, source.gender, source.role, True)
    entity = registry.entities[index]
    return entity.name, entity.role or source.role
