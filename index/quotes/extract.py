"""The extractor's pipeline: quote marks, cues, subjects, references, pieces, filters.

See ``index.quotes.rules`` for the stages and the rules of each.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from index.corpus.article import PARAGRAPH_SEPARATOR, Quote, Step
from index.quotes.candidates import Candidate, paragraph_candidates
from index.quotes.chains import PRONOUN_CHAIN, note_pronoun_subjects
from index.quotes.coref import scan_people
from index.quotes.join import (
    RUN_ON,
    attribute_across,
    continues,
    inherit,
    link_runs,
    make_quote,
    remove_overlaps,
    share_chain_speakers,
)
from index.quotes.marks import (
    QuotedSpan,
    close_stranded,
    cut_before_colon,
    opens_with_quote,
    paragraph_spans,
)
from index.quotes.names import Source
from index.quotes.registry import Registry
from index.quotes.resolve import resolve
from index.quotes.roles import carries, owner_role, plausible_role
from index.quotes.rules import Switches
from index.quotes.speaker_goes_on import Spoken, spoken

CLOSE_STRANDED = "close-stranded"
CUT_BEFORE_COLON = "cut-before-colon"
CARRY_ROLE = "carry-role"
NO_CLAUSE_ROLE = "no-clause-role"


@dataclass(frozen=True, slots=True)
class Explained:
    """A quote and the decisions behind it, in stage order."""

    quote: Quote
    steps: tuple[Step, ...]


def extract_quotes(
    paragraphs: Sequence[str], disabled: frozenset[str] = frozenset()
) -> tuple[Quote, ...]:
    """Return the quotations in ``paragraphs``, in reading order.

    Args:
        paragraphs: The article body, one string per paragraph.
        disabled: Names of rules to switch off (``index.quotes.rules.RULES``), to measure
            what each adds.

    Returns:
        Direct, mixed and indirect quotes with speakers, cues, the rule that found each, and
        offsets into ``PARAGRAPH_SEPARATOR.join(paragraphs)``.
    """
    switches = Switches(disabled) if disabled else _ALL_ON
    return tuple(quote for quote, _ in _run(paragraphs, switches))


def explain_quotes(
    paragraphs: Sequence[str], disabled: frozenset[str] = frozenset()
) -> tuple[Explained, ...]:
    """``extract_quotes`` with the stages and rules behind each quote."""
    found = _run(paragraphs, Switches(disabled, explain=True))
    return tuple(Explained(quote, tuple(steps)) for quote, steps in found)


_ALL_ON = Switches()


def _spans(paragraphs: Sequence[str], switches: Switches) -> list[list[QuotedSpan]]:
    """Stage ``marks``: the quoted spans of each paragraph."""
    single, nicknames = switches.on("single-marks"), switches.on("nickname")
    all_spans = [paragraph_spans(text, single, nicknames) for text in paragraphs]
    if switches.on(CUT_BEFORE_COLON):
        for index, spans in enumerate(all_spans):
            for number, span in enumerate(spans):
                if not span.closed:
                    spans[number] = cut_before_colon(paragraphs[index], span)
    if switches.on(CLOSE_STRANDED):
        for index, spans in enumerate(all_spans):
            if spans and not spans[-1].closed:
                following = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
                if not opens_with_quote(following):
                    spans[-1] = close_stranded(paragraphs[index], spans[-1])
    return all_spans


# Dashes the rules do not know, read as the em dash they stand for (one character for one,
# so offsets hold): the horizontal bar some sites set asides in, "― as was true ―".
_DASHES = str.maketrans({"\u2015": "\u2014"})


def _run(paragraphs: Sequence[str], switches: Switches) -> list[tuple[Quote, list[Step]]]:
    original = PARAGRAPH_SEPARATOR.join(paragraphs)
    if "\u2015" in original:
        paragraphs = [text.translate(_DASHES) for text in paragraphs]
    body = PARAGRAPH_SEPARATOR.join(paragraphs)
    bases: list[int] = []
    offset = 0
    for text in paragraphs:
        bases.append(offset)
        offset += len(text) + len(PARAGRAPH_SEPARATOR)
    all_spans = _spans(paragraphs, switches)
    skips = [[(span.open, span.close) for span in spans] for spans in all_spans]
    registry = Registry()
    scan_people(list(paragraphs), bases, skips, registry, switches)
    if switches.on(PRONOUN_CHAIN):
        note_pronoun_subjects(list(paragraphs), bases, skips, registry)

    def known(name: str) -> bool:
        return registry.find(name) is not None

    # Stages cues and subjects, paragraph by paragraph.
    found = [
        paragraph_candidates(index, text, bases[index], all_spans[index], known, switches)
        for index, text in enumerate(paragraphs)
    ]
    # Stage join: quotes over paragraphs, speakers from neighbouring paragraphs.
    if switches.on(RUN_ON):
        link_runs(paragraphs, all_spans, bases, found)
    candidates: list[Candidate] = []
    for index, mine in enumerate(found):
        attribute_across(paragraphs, bases, index, all_spans[index], mine, known, switches)
        candidates.extend(mine)
    candidates = remove_overlaps(candidates)
    share_chain_speakers(candidates, switches)

    def subject_between(lo: int, hi: int, other_than: Source | None) -> tuple[Source, int] | None:
        """The person last named as a subject in ``[lo, hi)``, unless ``other_than`` names them."""
        index = registry.last_subject(lo, hi)
        if index is None:
            return None
        if (
            other_than is not None
            and other_than.kind == "person"
            and registry.find(other_than.name) == index
        ):
            return None  # (the speaker of the quote before: it goes on)
        entity = registry.entities[index]
        return Source(entity.name, "person", gender=entity.gender), registry.last_mention_before(
            index, hi
        )

    inherit(body, candidates, switches, bases, subject_between)
    # Stage resolve, then join the pieces of each quote.
    groups: list[list[Candidate]] = []
    speakers: list[tuple[str | None, str | None]] = []
    last: Spoken | None = None
    for candidate in candidates:
        speaker, role = None, None
        if candidate.source is not None:
            statement = (candidate.start, candidate.end)
            speaker, role, why = resolve(
                candidate.source, candidate.position, registry, switches, statement, last
            )
            if why is not None:
                candidate.steps.append(why)
            said = registry.find(speaker) if speaker else None
            if said is not None and registry.entities[said].person:
                last = spoken(last, said, candidate.start, candidate.end)
        if (
            groups
            and speakers[-1][0] == speaker
            and continues(body, groups[-1][-1], candidate, switches)
        ):
            groups[-1].append(candidate)
        else:
            groups.append([candidate])
            speakers.append((speaker, role))
    results = []
    for group, (speaker, role) in zip(groups, speakers, strict=True):
        steps = [step for piece in group[:1] for step in piece.steps]
        if switches.explain and len(group) > 1:
            rule = "run-on" if group[0].chain >= 0 and group[0].chain == group[1].chain else ""
            steps.append(Step("join", rule or "split-quote", f"one quote in {len(group)} pieces"))
        if role is not None and switches.on(NO_CLAUSE_ROLE) and not plausible_role(role):
            role = None
        if role is not None:
            role = owner_role(role)
        results.append((make_quote(original, group, speaker, role), steps))
    if switches.on(CARRY_ROLE):
        _carry_roles(results)
    return results


def _carry_roles(results: list[tuple[Quote, list[Step]]]) -> None:
    """Give a speaker's quotes without a role the first sure role given with another of theirs
    (see ``roles.carries``)."""
    roles: dict[str, str] = {}
    for quote, _ in results:
        if quote.speaker is not None and quote.role and carries(quote.role):
            roles.setdefault(quote.speaker, quote.role)
    for index, (quote, steps) in enumerate(results):
        role = roles.get(quote.speaker) if quote.speaker is not None and not quote.role else None
        if role is not None:
            steps.append(Step("resolve", CARRY_ROLE, f"role {role!r} given with another quote"))
            results[index] = (replace(quote, role=role), steps)
