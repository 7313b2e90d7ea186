"""Stage resolve: turn a speaker phrase into the fullest name the article gives its speaker."""

from __future__ import annotations

import re

from index.corpus.article import Step
from index.quotes.capital_titles import in_capitals, title_holder
from index.quotes.coref import ORG_IT
from index.quotes.descriptions import (
    DESCRIPTION_NAME,
    named_next,
    read_description,
    resolve_description,
)
from index.quotes.documents import DOCUMENT_OWNER, owner_source
from index.quotes.initials import spelled_out
from index.quotes.lexicon.bodies import (
    INSTITUTION_HEADS,
    INSTITUTION_WORDS,
    MEDIA_HEADS,
    MEDIA_NAME_WORDS,
    NOT_BUSINESS_HEADS,
    ORG_DESCRIPTION_HEADS,
)
from index.quotes.lexicon.grammar import NOT_NAME_WORDS
from index.quotes.lexicon.people import DEMONYMS, FIRST_NAMES, ORG_WORDS, PLACE_NAMES
from index.quotes.misspelt import MISSPELT_NAME, misspelt_surname
from index.quotes.name_tail import NAME_TAIL, name_tail
from index.quotes.names import Source
from index.quotes.registry import SPEAKER_WEIGHT, Entity, Registry
from index.quotes.rules import ALL_ON, Switches
from index.quotes.speaker_goes_on import SPEAKER_GOES_ON, Spoken, speaker_goes_on
from index.quotes.speakers import parse_source
from index.quotes.statement_subject import names_subject
from index.quotes.they import plural_name, resolve_they
from index.quotes.topic import TOPIC_ORG, fuller_org, topic_org
from index.quotes.topic_description import TOPIC_DESCRIPTION, is_described, just_spoken_of


def _lower_first(phrase: str) -> str:
    """``The mayor`` as ``the mayor`` (a description's case is the sentence's, not its own)."""
    if phrase.split(maxsplit=1)[0] not in ("The", "A", "An", "This", "That"):
        return phrase  # ("Scotland's first minister": a name keeps its capital)
    return phrase[:1].lower() + phrase[1:]


FULL_NAME = "full-name"
THEY_GROUP = "they-group"
# An unnamed speaker a pronoun may stand for: "a council spokeswoman", "the woman" (not "his
# late father": someone's relative, whom the one named speaks of).
_UNNAMED = re.compile(r"(?:[Aa]n?|[Tt]he|[Oo]ne)(?:\s+(?!who\b|that\b|which\b)[\w'\u2019-]+){1,5}")

PRONOUN = "pronoun"
ORG_DESCRIPTION = "org-description"
BARE_ORG = "bare-org"

# "the company", "the US firm", "the Japanese electronics giant": up to three words before the
# head (a source phrase is already only a subject).
_ORG_DESCRIPTION = re.compile(r"[Tt]he(?P<mods>(?:\s+[\w&\u2019'-]+){0,3}?)\s+(?P<head>[a-z]+)")
# A capitalised word a description may hold and still not name its organisation: "the German
# firm", "the Florida-based chain" ("the Reuters news agency" names one; so does "NBC").
_PLACE_WORD = re.compile(r"[A-Z][a-z]+(?:an|ese|ish|ch|i)|[A-Z][\w.-]*-based")
# A name an organisation goes by: capitalised words, joined by a few small ones.
_ORG_NAME = re.compile(
    r"[A-Z0-9][\w&.'\u2019-]*(?:\s+(?:(?:of|and|for|de|&)\s+)?[A-Z0-9][\w&.-]*)*"
)


def is_org_description(phrase: str) -> bool:
    """Whether ``phrase`` describes an organisation instead of naming it (``the firm``)."""
    found = _ORG_DESCRIPTION.fullmatch(phrase.strip())
    if found is None or found.group("head") not in ORG_DESCRIPTION_HEADS:
        return False
    mods = found.group("mods").split()
    return "central" not in mods and all(
        word[:1].islower()
        or word.lower() in PLACE_NAMES
        or word.lower() in DEMONYMS
        or _PLACE_WORD.fullmatch(word) is not None
        for word in mods
    )


# Kinds of publication a name may be written before: "the Mirror newspaper" ("The Sunday
# daily" is no name).
_NAMED_MEDIA = MEDIA_HEADS - {"daily", "weekly"}


def named_and_described(name: str) -> tuple[str, str | None]:
    """An organisation's name and the description written after it: "The Mirror newspaper"
    -> ("The Mirror", "newspaper"); the name and None when it has none."""
    head = name.rpartition(" ")[2]
    rest = name[: -len(head)].rstrip()
    if (
        head not in _NAMED_MEDIA
        or not rest.removeprefix("The").removeprefix("the")
        or not all(word[:1].isupper() and word[-1:].isalnum() for word in rest.split())
        or "-based" in rest
        or is_org_description(name)  # ("The US newspaper")
    ):
        return name, None
    return rest, head


# Heads of a description that stand only for a business.
_BUSINESS_HEADS = ORG_DESCRIPTION_HEADS - INSTITUTION_HEADS - MEDIA_HEADS
# What a publication may be described as besides a publication.
_MEDIA_AS_BUSINESS = frozenset(("network", "broadcaster", "publisher", "channel", "station"))


def _surname(registry: Registry, source: Source) -> bool:
    """Whether the one-word ``source`` is the surname of someone the article names in full."""
    index = registry.find(source.name)
    entity = registry.entities[index] if index is not None else None
    return (
        entity is not None
        and entity.person
        and entity.name.endswith(" " + source.name)
        and (entity.gender in ("m", "f") or entity.name.split()[0].lower() in FIRST_NAMES)
    )


def _may_be_described(org: Entity, description: str, roles: list[str]) -> bool:
    """Whether the organisation ``org``, described so far by ``roles``, may be what
    ``description`` stands for."""
    name = org.name
    if _ORG_NAME.fullmatch(name.removeprefix("the ")) is None or (
        name.endswith("s") and name[:-1].isupper()
    ):
        return False  # "The message", "MPs"
    kinds = {role.rpartition(" ")[2] for role in roles}
    head = description.split()[-1]
    if head in kinds or (head in _BUSINESS_HEADS and not kinds.isdisjoint(_BUSINESS_HEADS)):
        return True  # described so by the article itself ("media group Reuters": the group)
    if " " not in name and len(name) > 5 and name.isupper():
        return False  # a heading word ("ABSTRACT"), not an acronym
    words = [word.lower() for word in name.split()]
    if len(words) == 1 and (words[0] in ORG_WORDS or words[0] in NOT_NAME_WORDS):
        return False  # "News", "Group"
    if all(word in PLACE_NAMES for word in words if word != "the"):
        return False  # "China"
    if head in NOT_BUSINESS_HEADS and not kinds.isdisjoint(_BUSINESS_HEADS):
        return False  # ("the watchdog" is not the bank it oversees, nor "the union" a firm)
    if head in _BUSINESS_HEADS and not kinds.isdisjoint(NOT_BUSINESS_HEADS):
        return False  # (nor "the firm" a regulator)
    media = any(
        word in MEDIA_NAME_WORDS or word.endswith("tv")  # ("BFMTV")
        for word in name.lower().replace("-", " ").split()
    ) or not kinds.isdisjoint(MEDIA_HEADS)
    if head in MEDIA_HEADS or media:
        # ("the paper" is no airline, whatever spoke last; nor "the Sun-Times" a group)
        return media and (head in MEDIA_HEADS or head in _MEDIA_AS_BUSINESS)
    return head in INSTITUTION_HEADS or not any(word in INSTITUTION_WORDS for word in words)


_DETERMINERS = frozenset(("the", "a", "an"))
# After a past participle, these make it a description ("the man accused of fraud").
_AFTER_PARTICIPLE = frozenset(("of", "in", "by", "with", "for", "at", "on", "from", "as"))
_PAST = re.compile(r"[a-z]{3,}ed")
# Words after which a past participle is no verb of the description's own ("the retired
# general", "48% of chartered surveyors") or is inside a clause ("who had represented").
_BEFORE_NO_VERB = _DETERMINERS | frozenset(
    ("of", "who", "which", "that", "had", "has", "have", "was", "were", "is", "are", "been",
     "be", "also", "and", "or", "not", "to", "with", "for", "in", "on", "by", "at", "from",
     "own", "wasn't", "isn't", "weren't", "hasn't", "hadn't")
)  # fmt: skip


# A verb of saying inside a speaker phrase, and adverbs that may stand before it.
_SPEECH_VERB = re.compile(
    r"(?:\s+(?:meanwhile|also|later|then|again|earlier))*\s+(?:said|says|told|added)\b"
)


def _before_speech_verb(source: Source) -> Source:
    """A speaker phrase read past its own verb of saying, cut before it: "Ada Vik told
    researchers of the hostility" -> "Ada Vik" (unchanged when the head is no speaker)."""
    verb = _SPEECH_VERB.search(source.name)
    if verb is None or verb.start() == 0:
        return source
    return parse_source(source.name[: verb.start()]) or source


def description_before_verb(phrase: str) -> str:
    """A description cut before a verb of its own: "The club manager refused to" -> "The club
    manager" (a subject read past its verb); the phrase itself when it has none."""
    words = phrase.split()
    if len(words) < 4 or words[0].lower() not in _DETERMINERS or ":" in phrase:
        return phrase  # ("...: Republicans": the speaker may follow a colon)
    for at in range(2, len(words) - 1):
        before, word = words[at - 1], words[at]
        if (
            _PAST.fullmatch(word)
            and not word.endswith("eed")  # (exceed, proceed: no past tense)
            and word != "turned"  # ("the businessman turned politician")
            and not before[:1].isdigit()  # ("a poll of 400 registered voters")
            and before.lower() not in _BEFORE_NO_VERB
            and not before.endswith(("ly", "'s", "\u2019s"))  # ("the state's planned budget")
            and words[at + 1].lower() not in _AFTER_PARTICIPLE
        ):
            return " ".join(words[:at])
    return phrase


def resolve(
    source: Source,
    position: int,
    registry: Registry,
    switches: Switches = ALL_ON,
    statement: tuple[int, int] = (0, 0),
    last: Spoken | None = None,
) -> tuple[str | None, str | None, Step | None]:
    """Turn a speaker phrase at body offset ``position`` into ``(speaker, role, why)``.

    ``statement`` is the body span of what the speaker said; a description never stands for
    someone named only in it.

    People resolve to the fullest name the article gives them and the role of their first
    introduction; pronouns resolve to the nearest earlier person of matching gender. ``why``
    says how, when ``switches.explain`` (else None).
    """
    explain = switches.explain
    if source.kind != "pronoun":
        source = _before_speech_verb(source)
        if switches.on(DOCUMENT_OWNER):  # ("Ms Vik's statement said": Ms Vik)
            source = owner_source(source)
        source = source._replace(name=description_before_verb(source.name))
    if source.kind == "pronoun" and source.pronoun == "it" and switches.on(ORG_IT):
        index = registry.resolve_it(position, switches.on(BARE_ORG))
        if index is not None:
            entity = registry.entities[index]
            if switches.on(BARE_ORG):
                registry.make_org(index)
            registry.mention(index, position, SPEAKER_WEIGHT)
            detail = f"'it' -> {entity.shown!r}, the organisation named just before"
            return entity.name, entity.role, Step("resolve", ORG_IT, detail) if explain else None
    if source.kind == "org" and switches.on(ORG_DESCRIPTION) and is_org_description(source.name):
        index = registry.resolve_it(position, switches.on(BARE_ORG), described=1)
        rule, found = ORG_DESCRIPTION, "the organisation named just before"
        if index is None and switches.on(TOPIC_ORG):
            index = topic_org(registry, position)
            rule, found = TOPIC_ORG, "the organisation the article names most"
        if index is None and switches.on(TOPIC_ORG):  # ("Kraft plans ... the firm said")
            index = registry.resolve_it(position, switches.on(BARE_ORG), described=2)
            rule, found = TOPIC_ORG, "the organisation named further back"
        if index is not None:
            org = registry.entities[index]
            # (named as a subject or speaker somewhere, not only in a list: "... or the Senate")
            fuller = registry.entities[fuller_org(registry, index)]
            if org.salient and _may_be_described(org, source.name, org.roles + fuller.roles):
                if switches.on(BARE_ORG):
                    registry.make_org(index)
                if (role := _lower_first(source.name)) not in org.roles:
                    org.roles.append(role)
                registry.mention(index, position, SPEAKER_WEIGHT)
                detail = f"{source.name!r} -> {fuller.name!r}, {found}"
                why = Step("resolve", rule, detail) if explain else None
                return fuller.name, _lower_first(source.name), why
    if source.kind == "pronoun" and source.gender == "p" and switches.on(THEY_GROUP):
        group = resolve_they(registry, position)
        if group is not None:
            detail = f"{source.pronoun!r} -> {group!r}, the group that spoke just before"
            return group, None, Step("resolve", THEY_GROUP, detail) if explain else None
    if source.kind == "pronoun":
        if source.gender not in ("m", "f") or not switches.on(PRONOUN):
            why = Step("resolve", PRONOUN, f"{source.pronoun!r}: no one") if explain else None
            return None, None, why
        index = registry.resolve_pronoun(source.gender, position)
        if index is not None and names_subject(registry, index, statement, position):
            # ("Mr Vik has failed, he claimed": not Vik, the statement's own subject, but the
            # one who spoke before it)
            index = registry.resolve_pronoun(source.gender, statement[0])
        goes_on = index
        if index is not None and switches.on(SPEAKER_GOES_ON):
            index = speaker_goes_on(registry, index, last, position)
        if index is None:
            why = Step("resolve", PRONOUN, f"{source.pronoun!r}: no one near") if explain else None
            return None, None, why
        entity = registry.entities[index]
        registry.mention(index, position, SPEAKER_WEIGHT)
        why = None
        if explain:
            where = registry.last_mention_before(index, position)
            why = Step(
                "resolve",
                PRONOUN,
                f"{source.pronoun!r} -> {entity.shown!r}, the likeliest person of that gender "
                f"before it (last named {position - where} characters earlier)",
            )
            if goes_on != index:
                detail = f"{source.pronoun!r} -> {entity.shown!r}, who was speaking"
                why = Step("resolve", SPEAKER_GOES_ON, detail)
        return entity.shown, entity.role, why
    on_description = switches.on(DESCRIPTION_NAME)
    description = read_description(source.name) if on_description else None
    titled = on_description and source.kind == "person" and in_capitals(source.name)
    if description is None and titled:
        description = read_description(source.name.lower())  # ("The Foreign Secretary")
    index = None
    if description is not None:
        index = resolve_description(description, position, registry, statement)
    elif titled:
        index = title_holder(source.name, position, registry)  # ("the Secretary of State")
    if index is None and source.kind == "person" and switches.on(TOPIC_DESCRIPTION):
        index = just_spoken_of(source.name, description, titled, position, registry, statement)
    if index is not None:
        entity = registry.entities[index]
        registry.mention(index, position, SPEAKER_WEIGHT)
        why = None
        if explain:
            detail = f"{source.name!r} -> {entity.shown!r}, " + (
                "the person just spoken of"
                if description is not None and description.anaphoric
                else f"whose role is {entity.role!r}"
                if entity.role
                else "the likeliest person named without a role"
            )
            why = Step("resolve", DESCRIPTION_NAME, detail)
        role = entity.role or _lower_first(source.name)
        return entity.shown, role, why
    on_person = source.kind == "person" and switches.on(DESCRIPTION_NAME)
    named = named_next(source.name, position, registry, statement) if on_person else None
    if named is not None:
        entity = registry.entities[named]
        detail = f"{source.name!r} -> {entity.shown!r}, whom the next sentence names"
        why = Step("resolve", DESCRIPTION_NAME, detail) if explain else None
        return entity.shown, entity.role or source.name, why
    acronym = source.name.removeprefix("the ").removeprefix("The ")
    full = registry.aliases.get(acronym) or spelled_out(registry, acronym)  # ("GM")
    if full is not None and switches.on(FULL_NAME):
        why = Step("resolve", FULL_NAME, f"{source.name!r} -> {full!r}, as the article defines it")
        return full, source.role, why if explain else None
    capitalised = source.name[:1].isupper() or acronym[:1].isupper()  # ("the Financial Times")
    if source.kind == "org" and source.name.lower() in PLACE_NAMES and _surname(registry, source):
        source = source._replace(kind="person")  # ("John Dallas ... Dallas said": no city)
    if source.kind == "org" and capitalised:
        name, head = named_and_described(source.name)
        if head is not None:  # ("The Mirror newspaper said": the Mirror, a newspaper)
            source = source._replace(name=name, role=source.role or head)
    if source.kind == "org" and capitalised and switches.on(ORG_IT):
        # (so that "it" finds the organisation that spoke: '"...," the BCC said. ... it said')
        org = registry.entities[registry.add_org(source.name, position, SPEAKER_WEIGHT)]
        if source.role and source.role not in org.roles:
            org.roles.append(source.role)  # ("the Mirror newspaper")
    if switches.on(THEY_GROUP) and (
        source.kind == "group" or (source.kind == "org" and plural_name(source.name))
    ):
        registry.add_group(source.name, position)  # ("The Tories say ... They say ...")
    if (
        source.kind != "person"
        or not any(ch.isupper() for ch in source.name)
        or is_described(source.name)  # ("the ex-Reds assistant boss": no one's name)
    ):
        if (
            source.kind == "person"
            and source.gender in ("m", "f")
            and _UNNAMED.fullmatch(source.name)
            and switches.on(PRONOUN)
        ):
            # ("A council spokeswoman said ... "...," she said": she is the spokeswoman)
            registry.add_unnamed(source.name, source.gender, position, SPEAKER_WEIGHT)
        tail = name_tail(registry, source.name, position) if switches.on(NAME_TAIL) else None
        if tail is not None:  # ("the commission" after "the Electoral Commission")
            if isinstance(tail, int):
                registry.mention(tail, position, SPEAKER_WEIGHT)
                tail = registry.entities[tail].name
            detail = f"{source.name!r} -> {tail!r}, whose name ends so"
            why = Step("resolve", NAME_TAIL, detail) if explain else None
            return tail, _lower_first(source.name), why
        why = (
            Step("resolve", FULL_NAME, f"{source.kind} {source.name!r} as written")
            if explain
            else None
        )
        return source.name, source.role, why
    if not switches.on(FULL_NAME):
        return source.name, source.role, None
    if (
        " " not in source.name
        and registry.bare_word(source.name)  # (not "Trump" of "Trump University")
        and (whole := registry.org_starting(source.name)) is not None
    ):
        detail = f"{source.name!r} -> {whole!r}, an organisation named so"
        return whole, source.role, Step("resolve", FULL_NAME, detail) if explain else None
    typo = misspelt_surname(registry, source.name) if switches.on(MISSPELT_NAME) else None
    if typo is not None:  # ("Ms Chada said" after "Monica Chadha")
        entity = registry.entities[typo]
        registry.mention(typo, position, SPEAKER_WEIGHT)
        detail = f"{source.name!r} -> {entity.shown!r}, a surname one letter apart"
        why = Step("resolve", MISSPELT_NAME, detail) if explain else None
        return entity.shown, entity.role, why
    index = registry.add(source.name, position, source.gender, source.role, True, SPEAKER_WEIGHT)
    entity = registry.entities[index]
    why = None
    if explain:
        detail = f"{source.name!r} -> {entity.shown!r}, the fullest name the article gives"
        why = Step("resolve", FULL_NAME, detail)
    return entity.shown, entity.role or source.role, why
