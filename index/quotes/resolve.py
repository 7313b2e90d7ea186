"""Stage resolve: turn a speaker phrase into the fullest name the article gives its speaker."""

from __future__ import annotations

from index.corpus.article import Step
from index.quotes.coref import ORG_IT
from index.quotes.descriptions import DESCRIPTION_NAME, read_description, resolve_description
from index.quotes.names import Source
from index.quotes.registry import SPEAKER_WEIGHT, Registry
from index.quotes.rules import ALL_ON, Switches


def _lower_first(phrase: str) -> str:
    """``The mayor`` as ``the mayor`` (a description's case is the sentence's, not its own)."""
    return phrase[:1].lower() + phrase[1:]


FULL_NAME = "full-name"


PRONOUN = "pronoun"


def resolve(
    source: Source,
    position: int,
    registry: Registry,
    switches: Switches = ALL_ON,
    statement: tuple[int, int] = (0, 0),
) -> tuple[str | None, str | None, Step | None]:
    """Turn a speaker phrase at body offset ``position`` into ``(speaker, role, why)``.

    ``statement`` is the body span of what the speaker said; a description never stands for
    someone named only in it.

    People resolve to the fullest name the article gives them and the role of their first
    introduction; pronouns resolve to the nearest earlier person of matching gender. ``why``
    says how, when ``switches.explain`` (else None).
    """
    explain = switches.explain
    if source.kind == "pronoun" and source.pronoun == "it" and switches.on(ORG_IT):
        index = registry.resolve_it(position)
        if index is not None:
            entity = registry.entities[index]
            registry.mention(index, position, SPEAKER_WEIGHT)
            detail = f"'it' -> {entity.shown!r}, the organisation named just before"
            return entity.name, entity.role, Step("resolve", ORG_IT, detail) if explain else None
    if source.kind == "pronoun":
        if source.gender not in ("m", "f") or not switches.on(PRONOUN):
            why = Step("resolve", PRONOUN, f"{source.pronoun!r}: no one") if explain else None
            return None, None, why
        index = registry.resolve_pronoun(source.gender, position)
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
        return entity.shown, entity.role, why
    description = read_description(source.name) if switches.on(DESCRIPTION_NAME) else None
    if description is not None:
        index = resolve_description(description, position, registry, statement)
        if index is not None:
            entity = registry.entities[index]
            registry.mention(index, position, SPEAKER_WEIGHT)
            why = None
            if explain:
                detail = f"{source.name!r} -> {entity.shown!r}, " + (
                    "the person just spoken of"
                    if description.anaphoric
                    else f"whose role is {entity.role!r}"
                    if entity.role
                    else "the likeliest person named without a role"
                )
                why = Step("resolve", DESCRIPTION_NAME, detail)
            role = entity.role or _lower_first(source.name)
            return entity.shown, role, why
    acronym = source.name.removeprefix("the ").removeprefix("The ")
    if acronym in registry.aliases and switches.on(FULL_NAME):
        full = registry.aliases[acronym]
        why = Step("resolve", FULL_NAME, f"{source.name!r} -> {full!r}, as the article defines it")
        return full, source.role, why if explain else None
    capitalised = source.name[:1].isupper() or acronym[:1].isupper()  # ("the Financial Times")
    if source.kind == "org" and capitalised and switches.on(ORG_IT):
        # (so that "it" finds the organisation that spoke: '"...," the BCC said. ... it said')
        registry.add_org(source.name, position, SPEAKER_WEIGHT)
    if source.kind != "person" or not any(ch.isupper() for ch in source.name):
        why = (
            Step("resolve", FULL_NAME, f"{source.kind} {source.name!r} as written")
            if explain
            else None
        )
        return source.name, source.role, why
    if not switches.on(FULL_NAME):
        return source.name, source.role, None
    index = registry.add(source.name, position, source.gender, source.role, True, SPEAKER_WEIGHT)
    entity = registry.entities[index]
    why = None
    if explain:
        detail = f"{source.name!r} -> {entity.shown!r}, the fullest name the article gives"
        why = Step("resolve", FULL_NAME, detail)
    return entity.shown, entity.role or source.role, why
