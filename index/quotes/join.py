"""Join the pieces of a quote, and give quotes without a speaker of their own their neighbour's.

A quote interrupted by its attribution (``"A," she said. "B."``) or running over paragraphs is
one quote in pieces. A paragraph that only quotes takes its speaker from the paragraph before
that introduces it (``Ada Vik went on:``), from a signature after it (``-- Ada Vik``), or from
the quote it continues.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from index.corpus.article import Quote, QuoteKind, Step
from index.quotes.attribution import before_quote
from index.quotes.candidates import Candidate
from index.quotes.lexicon import word_set
from index.quotes.marks import QuotedSpan, find_double_spans, opens_with_quote
from index.quotes.names import Source
from index.quotes.rules import Switches
from index.quotes.sentences import split_sentences
from index.quotes.speakers import parse_source
from index.quotes.subjects import Known

SPLIT_QUOTE = "split-quote"
RUN_ON = "run-on"
INHERIT = "inherit-speaker"
SUBJECT_SPEAKER = "subject-speaker"
COLON_PARAGRAPH = "colon-paragraph"
SIGNATURE_PARAGRAPH = "signature-paragraph"

# Inherit a speaker from a quote at most this many paragraphs back.
_INHERIT_PARAGRAPHS = 1
# At most this many words between the pieces of a quote split by its attribution.
_SPLIT_GAP_WORDS = 30
_SIGNATURE_LINE = re.compile(
    r"[\s\u00a0]*[\u2015\u2014\u2013-]+[\s\u00a0]*(?P<name>[A-Z][^\n]{1,80})$"
)


def link_runs(
    paragraphs: Sequence[str],
    all_spans: Sequence[list[QuotedSpan]],
    bases: Sequence[int],
    found: Sequence[list[Candidate]],
) -> None:
    """Give the pieces of each quote running over paragraphs one chain id.

    A paragraph whose last quote is left open continues in the next paragraph when that one
    opens with a quote mark (news style: no closing mark before a paragraph break).
    """
    chain = 0
    for index, spans in enumerate(all_spans):
        continues = (
            bool(spans)
            and not spans[-1].closed
            and index + 1 < len(paragraphs)
            and opens_with_quote(paragraphs[index + 1])
        )
        if continues:
            last_end = bases[index] + spans[-1].end
            for candidate in found[index]:
                if candidate.kind == "direct" and candidate.end >= last_end - 1:
                    candidate.chain = chain
        if index > 0 and spans and opens_with_quote(paragraphs[index]):
            for candidate in found[index - 1][-3:]:
                if candidate.chain == chain - 1:
                    for mine in found[index]:
                        if mine.kind == "direct" and mine.start <= bases[index] + spans[0].start:
                            mine.chain = chain - 1
        if continues:
            chain += 1


def attribute_across(
    paragraphs: Sequence[str],
    bases: Sequence[int],
    index: int,
    spans: list[QuotedSpan],
    found: list[Candidate],
    known: Known,
    switches: Switches,
) -> None:
    """Attribute a paragraph-long quote from its neighbours.

    ``Caddell continued:`` introduces the quote in the next paragraph, and a paragraph holding
    only ``-- Jane Roe, Philadelphia`` signs the quote before it.
    """
    loose = [c for c in found if c.kind == "direct" and c.source is None]
    if not loose or not spans:
        return
    text = paragraphs[index]
    first = loose[0]
    if index > 0 and first.start <= bases[index] + spans[0].start and switches.on(COLON_PARAGRAPH):
        previous = paragraphs[index - 1].rstrip()
        if previous.endswith(":"):
            sentences = split_sentences(previous, find_double_spans(previous))
            lo = sentences[-1][0] if sentences else 0
            found_before = before_quote(previous, lo, len(previous), [], known, switches)
            if found_before is not None:
                first.source = found_before.source
                first.position = bases[index - 1] + found_before.position
                first.rule, first.cue = COLON_PARAGRAPH, found_before.cue
                if switches.explain:
                    first.steps.append(
                        Step("cues", COLON_PARAGRAPH, f"{found_before.rule} in paragraph {index}")
                    )
    last = loose[-1]
    if (
        index + 1 < len(paragraphs)
        and last.end >= bases[index] + len(text.rstrip()) - 2
        and switches.on(SIGNATURE_PARAGRAPH)
    ):
        signed = _SIGNATURE_LINE.match(paragraphs[index + 1])
        if signed and len(signed.group("name").split()) <= 8:
            source = parse_source(signed.group("name").rstrip(". "))
            if source is not None and source.kind == "person":
                last.source = source
                last.position = bases[index + 1] + signed.start("name")
                last.rule, last.cue = SIGNATURE_PARAGRAPH, paragraphs[index + 1].split()[0]
                if switches.explain:
                    last.steps.append(
                        Step("cues", SIGNATURE_PARAGRAPH, f"signed in paragraph {index + 2}")
                    )


def remove_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Keep candidates in reading order without overlaps (direct quotes win ties)."""
    candidates.sort(key=lambda c: (c.start, c.kind != "direct", -c.end))
    kept: list[Candidate] = []
    for candidate in candidates:
        if kept and candidate.start < kept[-1].end:
            if candidate.kind == "direct" and kept[-1].kind != "direct":
                kept[-1] = candidate
            continue
        kept.append(candidate)
    return kept


def share_chain_speakers(candidates: list[Candidate], switches: Switches) -> None:
    """Pieces of a quote running over paragraphs share the speaker any piece names."""
    by_chain: dict[int, Candidate] = {}
    for candidate in candidates:
        if candidate.chain >= 0 and candidate.source is not None:
            by_chain.setdefault(candidate.chain, candidate)
    for candidate in candidates:
        if candidate.chain >= 0 and candidate.source is None and candidate.chain in by_chain:
            _take_speaker(candidate, by_chain[candidate.chain], RUN_ON, switches)


def inherit(
    body: str,
    candidates: list[Candidate],
    switches: Switches,
    bases: Sequence[int],
    subject_between: Callable[[int, int, Source | None], tuple[Source, int] | None],
) -> None:
    """Give unattributed direct quotes the speaker of the quote they continue.

    Someone else named as a subject since that quote (in this paragraph or the one before)
    speaks instead: ``US coach Ada Vik wants more clay. "I think it helps."`` (not someone in
    the attribution of the quote before, which the quote continues); a quote inside
    a sentence of its own words (``It "amounts to a gift."``) looks no further back than that
    sentence.
    """
    if not switches.on(INHERIT):
        return
    last: Candidate | None = None
    for number, candidate in enumerate(candidates):
        if candidate.source is None and candidate.kind == "direct":
            continuing = last is not None and candidate.chain >= 0 and candidate.chain == last.chain
            lo = max(last.end if last else 0, bases[max(0, candidate.paragraph - 1)])
            subject = None
            if (
                not continuing
                and switches.on(SUBJECT_SPEAKER)
                and not _runs_into_attributed(body, candidates, number)
            ):
                lo = max(lo, _own_words_start(body, bases[candidate.paragraph], candidate.start))
                if last is not None and last.end <= last.position < candidate.start:
                    lo = max(lo, _sentence_end(body, last.position, candidate.start))
                subject = subject_between(lo, candidate.start, last.source if last else None)
            if subject is not None:
                candidate.source, candidate.position = subject
                candidate.rule = SUBJECT_SPEAKER
                if switches.explain:
                    candidate.steps.append(
                        Step("join", SUBJECT_SPEAKER, "the person named as subject just before")
                    )
                last = candidate
                continue
            donor = None
            if last is not None and (
                candidate.paragraph - last.paragraph <= _INHERIT_PARAGRAPHS
                or (candidate.chain >= 0 and candidate.chain == last.chain)
            ):
                donor = last
            else:
                for later in candidates[number + 1 :]:
                    if later.paragraph != candidate.paragraph:
                        break
                    if later.source is not None and later.kind == "direct":
                        donor = later
                        break
            if donor is not None:
                _take_speaker(candidate, donor, INHERIT, switches)
        if candidate.source is not None:
            last = candidate


def _sentence_end(body: str, position: int, hi: int) -> int:
    """End of the sentence holding ``position`` (at most ``hi``).

    ``"A," said Ada Vik, the firm's founder, in a letter. "B."``: whoever the attribution of
    the quote before names besides its speaker does not speak the next quote.
    """
    sentences = split_sentences(body, (), position, hi)
    return sentences[0][1] if sentences else hi


def _own_words_start(body: str, base: int, start: int) -> int:
    """Where the quote's sentence starts when it has words before the quote mark, else 0.

    ``The report came out. It "amounts to a gift."``: the sentence is about "it", so no one
    named before it speaks the quoted words.
    """
    lo = max(base, start - 600)
    sentences = split_sentences(body, (), lo, start)
    if not sentences:
        return 0
    first = sentences[-1][0]
    before = body[first:start].rstrip().rstrip("\"'\u201c\u2018\u00ab").strip()
    return first if any(ch.isalnum() for ch in before) else 0


def _runs_into_attributed(body: str, candidates: list[Candidate], number: int) -> bool:
    """Whether the quote goes straight on into the next one, which has a speaker.

    ``"He was sent off. "We don't know why," said the club.``: one quote, mark after mark.
    """
    if number + 1 >= len(candidates):
        return False
    current, following = candidates[number], candidates[number + 1]
    if following.paragraph != current.paragraph or following.source is None:
        return False
    return not any(ch.isalnum() for ch in body[current.end : following.start])


def _take_speaker(candidate: Candidate, donor: Candidate, rule: str, switches: Switches) -> None:
    candidate.source = donor.source
    candidate.position = donor.position
    candidate.cue = candidate.cue or donor.cue
    if switches.explain:
        where = f"the quote in paragraph {donor.paragraph + 1} ({donor.rule})"
        candidate.steps.append(Step("join", rule, f"speaker of {where}"))


def continues(body: str, last: Candidate, candidate: Candidate, switches: Switches) -> bool:
    """Whether ``candidate`` is the next piece of the quote that ``last`` ends.

    Direct pieces continue a quote running over paragraphs (same chain), or one interrupted
    by its attribution: ``"A," she said. "B."`` or ``"A," she said, "B."``, where both
    pieces hang on the one attribution between them. Reported speech interrupted the same
    way (``A, she said, B``) is one statement too.
    """
    if candidate.kind != last.kind or candidate.kind == "mixed":
        return False
    if candidate.kind == "direct" and last.chain >= 0 and candidate.chain == last.chain:
        return switches.on(RUN_ON)
    if last.source is None or candidate.paragraph != last.paragraph:
        return False
    if candidate.position != last.position or not last.end <= last.position < candidate.start:
        return False
    if not switches.on(SPLIT_QUOTE):
        return False
    gap = body[last.end : candidate.start]
    if candidate.kind == "direct":
        return len(gap.split()) <= _SPLIT_GAP_WORDS
    # ("..., according to a person close to the talks, ...": a source may take some words)
    return gap.lstrip()[:1] == "," and gap.rstrip()[-1:] == "," and len(gap.split()) <= 12


def join_pieces(body: str, parts: Sequence[tuple[int, int]], kind: QuoteKind = "direct") -> str:
    """The words of a quote in pieces, joined by spaces.

    A piece cut before its comma (``"A," she said``) gets the comma back, or a full stop when
    the next piece starts a new sentence (``"A," she said. "B."`` reads ``A. B.``).
    """
    words = [body[start:end] for start, end in parts]
    if kind != "direct":
        # "A, she said, B": the commas belong to the interruption, not to the statement.
        return " ".join(words)
    for number, (_, end) in enumerate(parts[:-1]):
        if body[end : end + 1] == ",":
            following = words[number + 1]
            if following.split(maxsplit=1)[0] not in _VERB_AFTER_SUBJECT:
                words[number] += "." if following[:1].isupper() else ","
            # ('"That," he said, "is the point."': the subject, then its verb; no comma)
    return " ".join(words)


# Verbs that a piece may open with when the piece before it is their subject.
_VERB_AFTER_SUBJECT = word_set(
    "is are was were will would can could should has have had does do did may might must"
)


def make_quote(body: str, group: list[Candidate], speaker: str | None, role: str | None) -> Quote:
    """One quote from its pieces (one piece for most quotes)."""
    first, last = group[0], group[-1]
    if len(group) == 1:
        text = body[first.start : first.end]
        parts: tuple[tuple[int, int], ...] = ()
    else:
        parts = tuple((piece.start, piece.end) for piece in group)
        text = join_pieces(body, parts, first.kind)
    cue = next((piece.cue for piece in group if piece.cue), None)
    return Quote(
        text=text,
        speaker=speaker,
        role=role,
        kind=first.kind,
        paragraph=first.paragraph,
        start=first.start,
        end=last.end,
        parts=parts,
        cue=cue,
        rule=first.rule,
    )
