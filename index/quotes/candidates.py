"""The quotes of one paragraph, with the phrase that names their speaker (not yet resolved).

Each quoted span is attributed by the phrase after or before it (``attribution``); reported
statements come from ``reported``. A statement that holds quoted words is a mixed quote; a
quoted sentence standing alone is a quote whose speaker comes from its neighbours; quoted
words inside a sentence about someone are that someone's.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field

from index.corpus.article import QuoteKind, Step
from index.quotes.attribution import Attribution, after_quote, before_quote
from index.quotes.closing import CLOSING, closing_attribution
from index.quotes.fragment_subjects import SPEAKING_SUBJECT, may_speak
from index.quotes.marks import QuotedSpan, span_at, spans_between
from index.quotes.named_before import NAMED_BEFORE, named_before, subject_between
from index.quotes.names import Source
from index.quotes.reported import find_reports
from index.quotes.rules import Switches
from index.quotes.sentences import split_sentences
from index.quotes.speakers import parse_source
from index.quotes.subjects import Known, clause_subject, first_verb, verb_subject
from index.quotes.titles import is_span_title

STATEMENT_QUOTES = "statement-quotes"
MIXED_REPORT = "mixed-report"
MIXED_FRAGMENT = "mixed-fragment"
STANDALONE = "standalone-quote"
TITLE = "title"
SCARE_QUOTE = "scare-quote"

_BLANK = re.compile(r"[ \u00a0]*")
_BLANK_OR_STOP = re.compile(r"[ \u00a0]*(?:\.[ \u00a0]*)?")
_WORD = re.compile(r"[\w'\u2019\-]+")
# Quoted words with no attribution that are kept anyway when no one in their sentence says them.
_LONG_UNATTRIBUTED_WORDS = 6


@dataclass(slots=True)
class Candidate:
    """A quote found in a paragraph, before its speaker is resolved (body offsets)."""

    kind: QuoteKind
    paragraph: int
    start: int
    end: int
    source: Source | None
    position: int  # body offset of the speaker phrase, -1 without one
    rule: str
    cue: str | None
    chain: int = -1  # quotes running over paragraphs share a chain id
    steps: list[Step] = field(default_factory=list)  # kept only when explaining


def describe_source(source: Source) -> str:
    """The speaker phrase as read, in words (for ``--explain``)."""
    if source.kind == "pronoun":
        return f"the pronoun {source.pronoun!r}"
    role = f", role {source.role!r}" if source.role else ""
    return f"{source.kind} {source.name!r}{role}"


def _sentence_of(sentences: Sequence[tuple[int, int]], pos: int) -> tuple[int, int]:
    at = bisect.bisect_right(sentences, (pos, sys.maxsize)) - 1
    if at >= 0 and pos < sentences[at][1]:
        return sentences[at]
    return sentences[-1] if sentences else (0, 0)


def _trim_direct(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _stands_alone(text: str, span: QuotedSpan, sentence: tuple[int, int]) -> bool:
    """Whether a quoted span of two words or more is a sentence of its own."""
    # (matched, not sliced: a sentence may be a whole paragraph of quoted words)
    before = _BLANK.match(text, sentence[0], span.open)
    after = _BLANK_OR_STOP.match(text, span.close, sentence[1])
    return (
        before is not None
        and before.end() == span.open
        and after is not None
        and after.end() == sentence[1]
        and len(text[span.start : span.end].split()) >= 2
    )


class _Paragraph:
    """The candidates of one paragraph, built stage by stage."""

    def __init__(
        self, index: int, text: str, base: int, spans: list[QuotedSpan], known: Known
    ) -> None:
        self.index, self.text, self.base, self.spans, self.known = index, text, base, spans, known
        self.found: list[Candidate] = []

    def add(
        self,
        kind: QuoteKind,
        start: int,
        end: int,
        rule: str,
        cue: str | None,
        source: Source | None,
        position: int,
        switches: Switches,
        span: QuotedSpan | None = None,
    ) -> None:
        base = self.base
        candidate = Candidate(
            kind, self.index, base + start, base + end, source, base + position, rule, cue
        )
        if position < 0:
            candidate.position = -1
        if switches.explain:
            steps = candidate.steps
            if span is not None:
                mark_rule = "double-marks" if span.double else "single-marks"
                steps.append(Step("marks", mark_rule, f"quote marks at {base + span.open}"))
            if cue is not None:
                steps.append(Step("cues", rule, f"cue {cue!r}"))
            else:
                steps.append(Step("cues", rule, "no cue of its own"))
            if source is not None:
                steps.append(Step("subjects", rule, describe_source(source)))
        self.found.append(candidate)


def paragraph_candidates(
    index: int, text: str, base: int, spans: list[QuotedSpan], known: Known, switches: Switches
) -> list[Candidate]:
    """Direct, mixed and indirect candidates of one paragraph (speakers not yet resolved)."""
    paragraph = _Paragraph(index, text, base, spans, known)
    if not spans:
        # Without quote marks only reported speech can be found, and only after a cue.
        for report in find_reports(text, spans, None, known, switches):
            paragraph.add(
                "indirect",
                report.start,
                report.end,
                report.rule,
                report.cue,
                report.source,
                report.position,
                switches,
            )
        return paragraph.found
    sentences = split_sentences(text, spans)
    attributions = _attributions(text, spans, sentences, known, switches)
    claimed = _reports(paragraph, sentences, attributions, switches)
    leftovers = _direct(paragraph, sentences, attributions, claimed, switches)
    for sentence, fragments in leftovers.items():
        _fragments(paragraph, sentence, fragments, switches)
    return paragraph.found


def _is_title(text: str, span: QuotedSpan, switches: Switches) -> bool:
    return switches.on(TITLE) and is_span_title(text, span)


def _attributions(
    text: str,
    spans: list[QuotedSpan],
    sentences: list[tuple[int, int]],
    known: Known,
    switches: Switches,
) -> list[Attribution | None]:
    """The attribution of each quoted span: the phrase after it, else the one before it."""
    attributions: list[Attribution | None] = []
    for number, span in enumerate(spans):
        limit = spans[number + 1].open if number + 1 < len(spans) else len(text)
        found = after_quote(text, span.close, limit, switches) if span.closed else None
        if (
            found is not None
            and switches.on(NAMED_BEFORE)
            and named_before(text, span.open, found.cue)
        ):
            # `a clip Vik called "distasteful," Berg expressed ...`: the caller's word.
            found = None
        if found is None:
            sentence = _sentence_of(sentences, span.open)
            lo = max(sentence[0], spans[number - 1].close if number else 0)
            found = before_quote(text, lo, span.open, spans, known, switches)
        attributions.append(found)
    return attributions


def _reports(
    paragraph: _Paragraph,
    sentences: list[tuple[int, int]],
    attributions: list[Attribution | None],
    switches: Switches,
) -> set[int]:
    """Add the paragraph's reported statements; return the spans that mixed quotes claim."""
    text, spans = paragraph.text, paragraph.spans
    claimed: set[int] = set()
    for report in find_reports(text, spans, sentences, paragraph.known, switches):
        inside = [
            number
            for number in spans_between(spans, report.start, report.end)
            if not _is_title(text, spans[number], switches)
        ]
        if inside:
            first = spans[inside[0]]
            rest = text[report.start : first.open] + text[first.close : report.end]
            whole = len(inside) == 1 and all(word.lower() == "that" for word in _WORD.findall(rest))
            if whole and not rest.strip():
                # 'Ada Vik said that "the pier is safe"': the statement is the quote.
                if attributions[inside[0]] is None and switches.on(STATEMENT_QUOTES):
                    attributions[inside[0]] = Attribution(
                        report.source, report.position, report.end, STATEMENT_QUOTES, report.cue
                    )
                continue
            if any(attributions[number] is not None for number in inside):
                continue
            if not switches.on(MIXED_REPORT):
                continue
            claimed.update(inside)
            start = min(report.start, spans[inside[0]].open)
            end = max(report.end, spans[inside[-1]].close)
            paragraph.add(
                "mixed",
                start,
                end,
                MIXED_REPORT,
                report.cue,
                report.source,
                report.position,
                switches,
                first,
            )
            continue
        around = span_at(spans, report.start)
        if around is not None and around.open < report.start:
            continue  # a source cut at a comma inside a title's marks
        # A statement that ends inside a title's marks (`the book "Days of Rain,"`) takes
        # the closing mark too.
        around = span_at(spans, report.end)
        end = around.close if around is not None and around.open < report.end else report.end
        paragraph.add(
            "indirect",
            report.start,
            end,
            report.rule,
            report.cue,
            report.source,
            report.position,
            switches,
        )
    return claimed


def _direct(
    paragraph: _Paragraph,
    sentences: list[tuple[int, int]],
    attributions: list[Attribution | None],
    claimed: set[int],
    switches: Switches,
) -> dict[tuple[int, int], list[QuotedSpan]]:
    """Add the direct quotes; return the quoted words left over, by sentence."""
    text = paragraph.text
    leftovers: dict[tuple[int, int], list[QuotedSpan]] = {}
    for number, span in enumerate(paragraph.spans):
        if number in claimed:
            continue
        found = attributions[number]
        start, end = _trim_direct(text, span.start, span.end)
        if start >= end:
            continue
        if _is_title(text, span, switches):
            continue  # 'on CBS\'s "Face the Nation," Ryan said': the show, not his words
        sentence = _sentence_of(sentences, span.open)
        if found is None:
            alone = _stands_alone(text, span, sentence) or not switches.on(SCARE_QUOTE)
            if not alone or not switches.on(STANDALONE):
                leftovers.setdefault(sentence, []).append(span)
                continue
            paragraph.add("direct", start, end, STANDALONE, None, None, -1, switches, span)
            continue
        paragraph.add(
            "direct",
            start,
            end,
            found.rule,
            found.cue,
            found.source,
            found.position,
            switches,
            span,
        )
    return leftovers


# '... was criticised for "sleaze" by campaigners': a passive verb, and its agent after.
_PASSIVE_VERB = re.compile(r"\b(?:been|was|were|is|are|be|being)\s+(?:\w+ly\s+)?(\w+ed)\b")
_AGENT_AFTER = re.compile(
    r"\s+(?:\w+\s+){0,2}?by\s+([^,.;:!?\"\u201c\u201d]{2,60}?)"
    r"(?=\s+(?:in|on|at|for|after|over|during|who|which|that)\b|[,.;:!?]|$)"
)


def _passive_agent(
    text: str, lo: int, first: QuotedSpan, fragment: QuotedSpan
) -> tuple[Source, int, str] | None:
    """The agent of a passive verb before quoted words: ``criticised for "X" by critics``."""
    verb = None
    for verb in _PASSIVE_VERB.finditer(text, lo, first.open):  # noqa: B007 - the last one
        pass
    if verb is None:
        return None
    gap = text[verb.end() : first.open]
    if len(gap.split()) > 3 or "," in gap:
        return None  # (the passive is another verb's: 'called it "X" that was reported')
    agent = _AGENT_AFTER.match(text, fragment.close)
    if agent is None:
        return None
    source = parse_source(agent.group(1))
    if source is None or source.kind == "pronoun":
        return None
    return source, agent.start(1), verb.group(1)


def _fragments(
    paragraph: _Paragraph,
    sentence: tuple[int, int],
    fragments: list[QuotedSpan],
    switches: Switches,
) -> None:
    """Quoted words inside a sentence about someone are taken as that someone's words."""
    text, spans, known = paragraph.text, paragraph.spans, paragraph.known
    if len(fragments) > 1 and switches.on(NAMED_BEFORE):
        between = subject_between(text, fragments, spans, known)
        if between is not None:
            number, (source, position, verb) = between
            _fragments(paragraph, sentence, fragments[:number], switches)
            _add_mixed(
                paragraph,
                fragments[number:],
                MIXED_FRAGMENT,
                verb or None,
                source,
                position,
                switches,
            )
            return
    if switches.on(CLOSING):
        closing = closing_attribution(text, fragments[-1].close, sentence[1])
        if closing is not None:
            source, position, cue = closing
            _add_mixed(paragraph, fragments, CLOSING, cue, source, position, switches)
            return
    subject = None
    if switches.on(MIXED_FRAGMENT):
        subject = _passive_agent(text, sentence[0], fragments[0], fragments[-1])
    if subject is None and switches.on(MIXED_FRAGMENT):
        subject = verb_subject(text, sentence[0], fragments[0].open, spans, known)
        if subject is None:
            found = clause_subject(text, sentence[0], fragments[0].open, spans, known)
            if found is not None:
                verb = first_verb(text, found[1], fragments[0].open)
                subject = (found[0], found[1], verb)
    if subject is None:
        if not switches.on(STANDALONE):
            return
        # Whole sentences quoted without a verb of saying nearby are still quotes; whose
        # is left to the context (the speaker of the quote before).
        for span in fragments:
            if len(text[span.start : span.end].split()) >= _LONG_UNATTRIBUTED_WORDS:
                start, end = _trim_direct(text, span.start, span.end)
                paragraph.add("direct", start, end, STANDALONE, None, None, -1, switches, span)
        return
    source, position, verb = subject
    if not switches.on(SPEAKING_SUBJECT) or may_speak(source, verb):  # (not "The bill would")
        _add_mixed(paragraph, fragments, MIXED_FRAGMENT, verb or None, source, position, switches)


def _add_mixed(
    paragraph: _Paragraph,
    fragments: list[QuotedSpan],
    rule: str,
    cue: str | None,
    source: Source,
    position: int,
    switches: Switches,
) -> None:
    """Add quoted words of one sentence as a mixed quote of the speaker found for them."""
    first = fragments[0]
    paragraph.add(
        "mixed", first.open, fragments[-1].close, rule, cue, source, position, switches, first
    )
