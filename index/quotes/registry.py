"""The people of one article and where each is mentioned: the memory behind resolving names."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from index.quotes.lexicon.bodies import ORG_DESCRIPTION_HEADS
from index.quotes.lexicon.people import FIRST_NAMES, PEERAGE_TITLES, Gender
from index.quotes.mention_order import by_last_mention

# A pronoun is only resolved to someone mentioned at most this many characters before it.
PRONOUN_REACH = 2500
# "it" only to an organisation named at most this many characters before it.
ORG_REACH = 800


@dataclass(slots=True)
class Entity:
    """A person (or organisation) mentioned in the article; mutable while the article is read."""

    name: str
    gender: Gender = None
    role: str | None = None
    person: bool = True
    tokens: set[str] = field(default_factory=set)
    titled: bool = False
    """Whether ``role`` is only a title before the name; a described role replaces it."""
    roles: list[str] = field(default_factory=list)
    """Every role and title the article gives (``London mayor``, ``the Arsenal boss``)."""
    salient: bool = False
    """Whether the article names them as a subject or speaker at least once."""
    peer: str | None = None
    """The peer's title they are named with (``Lord`` of ``Lord Falconer``), if any."""
    bare: bool = False
    """Whether they are named only by one word the article writes as a name and no first
    name: ``Nordplan said``, perhaps an organisation read as a person."""

    @property
    def shown(self) -> str:
        """The name to show: ``Lord Falconer`` for a peer known by one name, else the name."""
        return f"{self.peer} {self.name}" if self.peer and " " not in self.name else self.name


def org_key(name: str) -> str:
    """How ``Registry.orgs`` files an organisation: "The Times" and "Times" are one."""
    return name.lower().removeprefix("the ")


# A name given as an initial and a surname, as squad lists and bylines do: "R Dahl".
_INITIAL_NAME = re.compile(r"[A-Z]\.?\s+[A-Z][\w'\u2019-]+")


@dataclass(slots=True)
class Registry:
    """The people of one article and where each is mentioned (body offsets, in order), each
    mention with a salience weight: subjects and speakers are likelier antecedents of a later
    pronoun than a name in a prepositional phrase."""

    entities: list[Entity] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)
    mentioned: list[int] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)
    by_token: dict[str, list[int]] = field(default_factory=dict)
    orgs: dict[str, int] = field(default_factory=dict)
    """Organisations named as subjects or speakers, by lower-case name."""
    aliases: dict[str, str] = field(default_factory=dict)
    """Acronyms the article defines, with the names they stand for (``PTC``)."""
    passing: list[tuple[int, str]] = field(default_factory=list)
    """Organisations named only in passing (``fined by the Electoral Commission``), by offset."""
    groups: list[tuple[int, str]] = field(default_factory=list)
    """Groups and organisations that spoke (``The Tories``, ``analysts``), by body offset."""
    in_opener: dict[int, int] = field(default_factory=dict)
    """Mentions inside a participle phrase that opens a sentence, by body offset, with the
    offset of the comma that closes it: no antecedent of a pronoun right after it."""
    full_names: dict[str, list[tuple[str, str | None]]] = field(default_factory=dict)
    """Full names the article gives only in passing (``a stake held by Ada Vik``), with the
    role given beside them, by surname: not mentions of anyone, but how to name someone
    the article calls by surname alone."""

    def add_group(self, name: str, position: int) -> None:
        """Record a group or organisation speaking at ``position``, for a later ``they``."""
        bisect.insort(self.groups, (position, name))

    def note_full_name(self, name: str, role: str | None) -> None:
        """Remember a full name given in passing, and its role (None if none)."""
        known = self.full_names.setdefault(name.rsplit(maxsplit=1)[-1].lower(), [])
        if all(name != other for other, _ in known):
            known.append((name, role))

    def adopt_full_names(self) -> None:
        """Give each person known by surname alone the full name the article gives in passing.

        Only when one full name has that surname and no one else shares it (``Ada Vik`` and
        ``Jon Vik``: ``Vik`` stays as written).
        """
        for index in range(len(self.entities)):
            self._adopt_full_name(index)

    def _adopt_full_name(self, index: int) -> None:
        """``adopt_full_names`` for entity ``index``."""
        entity = self.entities[index]
        if not entity.person or " " in entity.name or not self.full_names:
            return
        token = entity.name.lower()
        found = self.full_names.get(token)
        if not found or len(found) > 1 or len(self.by_token.get(token, ())) > 1:
            return
        name, role = found[0]
        entity.name = name
        entity.tokens |= {t.lower() for t in name.split()}
        self._index_tokens(index, entity.tokens)
        if role and entity.role is None:
            entity.role = role
        if role and role not in entity.roles:
            entity.roles.append(role)

    def find(self, name: str, position: int = -1) -> int | None:
        """Index of the entity a name (full name, surname or first name) refers to (at body
        offset ``position``, if given: of two, the one named last before it)."""
        tokens = name.lower().split()
        if not tokens:
            return None
        candidates = self.by_token.get(tokens[-1])
        if candidates and len(tokens) == 1:
            # ("Microsoft" is not "a Microsoft spokeswoman": a description holds the name)
            candidates = [i for i in candidates if not self._describes(i, tokens[0])]
        if not candidates:
            return None
        if len(tokens) == 1:
            # (a first name written out over an initial in a list: "Rolf Dahl", not "S Dahl")
            named = [i for i in candidates if not _INITIAL_NAME.fullmatch(self.entities[i].name)]
            candidates = named or candidates
            # Every entity listed under a token holds it (tokens only grow), so the latest one
            # contains the whole one-word mention; but a bare surname stands for someone the
            # article has as a subject or speaker ("Cruz said" after "a photo of Heidi Cruz":
            # not Heidi).
            if position >= 0 and len(candidates) > 1:
                candidates = by_last_mention(self.positions, self.mentioned, candidates, position)
            latest = candidates[-1]
            if self.entities[latest].salient or len(candidates) == 1:
                return latest
            salient = [i for i in candidates if self._salient_person(i)]
            return salient[-1] if salient else latest
        # ("Baroness Vik" is "Ada Vik": a peer's title is no part of the name to match)
        wanted = {token for token in tokens if token not in PEERAGE_TITLES} or set(tokens)
        best: int | None = None
        # Prefer the most recently created entity containing every token of the mention.
        initial = tokens[0].rstrip(".") if len(tokens) == 2 else ""
        for index in reversed(candidates):
            entity = self.entities[index]
            if wanted <= entity.tokens:
                return index
            if (
                len(initial) == 1
                and entity.name[:1].lower() == initial
                and tokens[-1] in entity.tokens
            ):
                return index  # "R McCormack" in a squad list is "Ronan McCormack"
            if (
                best is None
                and len(tokens) > 1
                and len(entity.tokens) == 1
                and entity.name.split()[-1].lower() == tokens[-1]
            ):
                best = index
        return best

    def _describes(self, index: int, token: str) -> bool:
        """Whether entity ``index`` is a description (``a Microsoft spokeswoman``) that holds
        ``token`` as a modifier, not as its head."""
        words = self.entities[index].name.lower().split()
        return words[0] in ("a", "an", "the") and words[-1] != token

    def _salient_person(self, index: int) -> bool:
        """Whether entity ``index`` is a subject or speaker somewhere, named with a first name
        (not "Rocker Doherty": a description that ran into the surname)."""
        entity = self.entities[index]
        first = entity.name.split()[0].lower()
        return entity.salient and first in FIRST_NAMES

    def add_org(self, name: str, position: int, weight: float) -> int:
        """Record a mention of an organisation (kept apart from people: no name is shared)."""
        key = org_key(name)
        index = self.orgs.get(key)
        if index is None:
            self.entities.append(Entity(name, "o", None, False))
            index = self.orgs[key] = len(self.entities) - 1
        elif self.entities[index].name.lower() == key != name.lower():
            self.entities[index].name = name  # (as a speaker writes it: "The Times said")
        self.mention(index, position, weight)
        return index

    def bare_word(self, word: str) -> bool:
        """Whether ``word`` names nobody the article gives a first name, title or gender."""
        index = self.find(word)
        return index is None or (
            self.entities[index].name == word and self.entities[index].gender is None
        )

    def org_starting(self, word: str) -> str | None:
        """The fuller name of an organisation the article calls by its first word
        (``Southwest`` for ``Southwest Airlines``), if it names one so."""
        start = word.lower() + " "
        for key, index in self.orgs.items():
            words = self.entities[index].name.split()
            if (
                key.startswith(start)
                and len(words) <= 3
                and all(w[:1].isupper() or w == "&" for w in words)
            ):
                return self.entities[index].name
        return None

    def _index_tokens(self, index: int, tokens: set[str]) -> None:
        for token in tokens:
            known = self.by_token.setdefault(token, [])
            if not known or known[-1] != index:
                bisect.insort(known, index)

    def add(
        self,
        name: str,
        position: int,
        gender: Gender,
        role: str | None,
        person: bool,
        weight: float = 0.0,
        known: int | None = -1,
        titled: bool = False,
        peer: str | None = None,
    ) -> int:
        """Record a mention, merging it into the entity it refers to; return that entity.

        ``known`` is the entity ``find(name)`` already returned, if the caller looked it up;
        ``titled`` says the role is only the title before the name (``Councillor``); ``peer``
        is a peer's title before a single name (``Lord``).
        """
        index = self.find(name, position) if known == -1 else known
        if index is None:
            tokens = {t.lower() for t in name.split()}
            roles = [role] if role else []
            entity = Entity(name, gender, role, person, tokens, titled and bool(role), roles)
            self.entities.append(entity)
            index = len(self.entities) - 1
            self._index_tokens(index, tokens)
            self._adopt_full_name(index)
        else:
            entity = self.entities[index]
            if len(name.split()) > len(entity.name.split()):
                entity.name = name
                entity.tokens |= {t.lower() for t in name.split()}
                self._index_tokens(index, entity.tokens)
            if entity.gender is None:
                entity.gender = gender
            if entity.role is None or (role and entity.titled and not titled):
                entity.role = role
                entity.titled = titled and bool(role)
            entity.person = entity.person or person
            if role and role not in entity.roles:
                entity.roles.append(role)
        if peer and entity.peer is None:
            entity.peer = peer
        self.mention(index, position, weight)
        return index

    def add_unnamed(self, description: str, gender: Gender, position: int, weight: float) -> None:
        """Record an unnamed speaker (``a council spokeswoman``) that a later ``she`` may stand
        for; no name reaches it (its words are not indexed)."""
        self.entities.append(Entity(description, gender, None, True, set()))
        self.mention(len(self.entities) - 1, position, weight)

    def mention(self, index: int, position: int, weight: float = 0.0) -> None:
        """Note that entity ``index`` is mentioned at body offset ``position``."""
        if weight >= SUBJECT_WEIGHT:
            self.entities[index].salient = True
        at = bisect.bisect_right(self.positions, position)
        if at and self.positions[at - 1] == position and self.mentioned[at - 1] == index:
            self.weights[at - 1] = max(self.weights[at - 1], weight)
            return
        self.positions.insert(at, position)
        self.mentioned.insert(at, index)
        self.weights.insert(at, weight)

    def last_subject(self, lo: int, hi: int) -> int | None:
        """The person last named as a subject or speaker in ``[lo, hi)``, if any."""
        at = bisect.bisect_left(self.positions, hi) - 1
        while at >= 0 and self.positions[at] >= lo:
            index = self.mentioned[at]
            if self.weights[at] >= SUBJECT_WEIGHT and self.entities[index].person:
                return index
            at -= 1
        return None

    def last_mention_before(self, index: int, position: int) -> int:
        """Body offset of the last mention of entity ``index`` before ``position``."""
        at = bisect.bisect_left(self.positions, position) - 1
        while at >= 0 and self.mentioned[at] != index:
            at -= 1
        return self.positions[at] if at >= 0 else position

    def resolve_it(self, position: int, bare: bool = True, described: int = 0) -> int | None:
        """The organisation ``it`` likeliest stands for: named shortly before, not obliquely.

        With ``bare``, someone named only by one bare word (``Nordplan said``) may be it. One
        ``described`` ("the company") reaches past people named since, ``described`` times
        as far back."""
        at = bisect.bisect_left(self.positions, position) - 1
        best: int | None = None
        best_score = float("-inf")
        floor, reach = (DESCRIBED_WEIGHT, described * ORG_REACH) if described else (0.0, ORG_REACH)
        while at >= 0 and position - self.positions[at] <= reach:
            index = self.mentioned[at]
            # (a word read both ways, "Nordplan said" and "Nordplan posted", is the organisation)
            index = self.orgs.get(org_key(self.entities[index].name), index)
            if self._org_like(index, bare) and self.weights[at] >= floor:
                score = self.weights[at] - (position - self.positions[at]) / DISTANCE_SCALE
                if score > best_score:
                    best, best_score = index, score
            elif (
                not described and self.entities[index].person and self.weights[at] >= SUBJECT_WEIGHT
            ):
                break  # (someone named since is the topic now)
            at -= 1
        return best

    def org_like(self, index: int) -> bool:
        """Whether entity ``index`` may be an organisation (see ``resolve_it``)."""
        return self._org_like(index, True)

    def _org_like(self, index: int, bare: bool) -> bool:
        """Whether entity ``index`` may be an organisation: one, or (with ``bare``) someone
        named only bare (``Nordplan said``) with no gender, title or role for a person."""
        entity = self.entities[index]
        if not entity.person or entity.gender == "o":  # (taken as one before)
            return True
        return (
            bare
            and entity.bare
            and " " not in entity.name
            and entity.gender is None
            and entity.peer is None
            and all(role.rsplit(maxsplit=1)[-1] in ORG_DESCRIPTION_HEADS for role in entity.roles)
        )

    def make_org(self, index: int) -> None:
        """Take entity ``index`` as the organisation ``it`` or ``the company`` stood for: no
        later ``he`` or ``she`` goes to it."""
        entity = self.entities[index]
        if entity.person:
            entity.person = False
            entity.gender = "o"
            self.orgs.setdefault(org_key(entity.name), index)

    def resolve_pronoun(self, gender: Gender, position: int) -> int | None:
        """The likeliest earlier person for a pronoun: near, a subject or speaker, same gender."""
        return self.pronoun_choice(gender, position)[0]

    def pronoun_choice(self, gender: Gender, position: int) -> tuple[int | None, float]:
        """:meth:`resolve_pronoun`'s choice, and by how much it beats the next person (in
        salience weights; infinite when no one else is in reach)."""
        at = bisect.bisect_left(self.positions, position) - 1
        best: int | None = None
        best_score = second = float("-inf")
        seen = 0
        while at >= 0 and position - self.positions[at] <= PRONOUN_REACH and seen < 12:
            index = self.mentioned[at]
            entity = self.entities[index]
            opener_end = self.in_opener.get(self.positions[at])
            if opener_end is not None and 0 <= position - opener_end <= 3:
                pass  # "Responding to Ola Berg, he said": "he" is not Berg
            elif entity.person and (entity.gender is None or entity.gender == gender):
                seen += 1
                score = self.weights[at] - (position - self.positions[at]) / DISTANCE_SCALE
                if entity.gender == gender and (
                    entity.tokens or position - self.positions[at] <= UNNAMED_REACH
                ):
                    # (an unnamed speaker, "a spokeswoman", is only referred to close by)
                    score += GENDER_BONUS
                if score > best_score:
                    if index != best:
                        second = best_score
                    best, best_score = index, score
                elif index != best and score > second:
                    second = score
            at -= 1
        return best, best_score - second


# Salience weights, tuned on PolNeAR train: how much being a subject or a speaker outweighs
# being closer, in units of DISTANCE_SCALE characters.
DISTANCE_SCALE = 250.0
SUBJECT_WEIGHT = 1.0
SPEAKER_WEIGHT = 1.0
OBLIQUE_WEIGHT = -1.0
DESCRIBED_WEIGHT = -0.5  # "from engineering group Halvard": for "the company", not "it"
GENDER_BONUS = 0.5
UNNAMED_REACH = 300
"""How far (characters) a pronoun reaches back to an unnamed speaker as surely as to a name."""
