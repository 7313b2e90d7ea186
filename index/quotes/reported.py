"""Find reported speech: ``X said (that) ...``, ``..., X said.``, ``according to X, ...``."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from index.quotes.according import according_to
from index.quotes.claims import CLAIM, claim_reports, owned_claims
from index.quotes.cues import (
    ACCORDING_TO,
    ATTRIBUTION_VERB,
    REPORTING_VERB,
    REPORTING_VERB_ANY_CASE,
    is_noun_or_infinitive,
    strip_adverbs,
)
from index.quotes.lexicon.grammar import (
    BEFORE_PARTICIPLE,
    PASSIVE_BEFORE,
    PASSIVE_OPENERS,
    PROGRESSIVE_AUXILIARIES,
)
from index.quotes.lexicon.speech import PARTICIPLES, STATEMENT_NOUNS
from index.quotes.marks import QuotedSpan, span_at, spans_between
from index.quotes.names import Source
from index.quotes.phrase_subject import PHRASE_SUBJECT, phrase_subject
from index.quotes.quote_before import attributes_quote
from index.quotes.report_asides import (
    aside_subject,
    close_opening_clause,
    continues_after,
    coordinated_verb,
    gerund_object,
    inverted_aside,
    said_by_last,
    with_name_before,
)
from index.quotes.report_shapes import (
    ACCORDING_TO_RULE,
    ASIDE,
    BY_AGENT,
    PASSIVE,
    SAID_THAT,
    THEN_SAID,
    THEN_SAID_NAME,
    Report,
    close_at_main_verb,
    close_relative,
    cut_overlaps,
    ends_after,
    noun_before,
    passive_agent,
    role_at_work,
    said_that,
    said_that_or_then_said,
    then_said_name,
)
from index.quotes.rules import ALL_ON, Switches
from index.quotes.sentences import is_headline, split_sentences
from index.quotes.subjects import Known, clause_subject, shared_subject, subject_before


def _inside(spans: Sequence[QuotedSpan], pos: int) -> bool:
    return span_at(spans, pos) is not None


def _outside_quotes(
    verbs: re.Pattern[str], text: str, spans: Sequence[QuotedSpan]
) -> list[re.Match[str]]:
    """The matches of ``verbs`` in ``text`` that start outside the quoted spans, in order.

    The stretches between quotes are scanned one by one, which finds what one scan of the
    whole paragraph would, without reading the quotes: a verb is letters, so none runs into
    or out of a quote mark, and the mark that ends a stretch is a word boundary either way.
    """
    if not spans:
        return list(verbs.finditer(text))
    found: list[re.Match[str]] = []
    pos = 0
    for span in spans:
        if pos < span.open:
            found.extend(verbs.finditer(text, pos, span.open))
        pos = span.close
    found.extend(verbs.finditer(text, pos))
    return found


def _hyphenated(text: str, cue: re.Match[str]) -> bool:
    """Whether a cue word ends a compound (``self-described``, ``so-called``): no verb."""
    return cue.start() > 0 and text[cue.start() - 1] == "-"


# "a new group called Harbour Watch": a name given to something just introduced, not speech.
_INTRODUCED = re.compile(r"\b(?:a|an)\s+(?:[\w'\u2019-]+\s+){1,3}$", re.I)
_NAME_NEXT = re.compile("\\s+[\"\u201c\u2018']?[A-Z]")


def _naming(text: str, cue: re.Match[str]) -> bool:
    """Whether ``called`` names something introduced just before (``a group called X``)."""
    return (
        cue.group() == "called"
        and _NAME_NEXT.match(text, cue.end()) is not None
        and _INTRODUCED.search(text, max(0, cue.start() - 40), cue.start()) is not None
    )


def _previous_subject(
    text: str, spans: Sequence[QuotedSpan], lo: int, pos: int
) -> tuple[Source, int] | None:
    """Subject of the last attribution verb before ``pos`` in the sentence (``he said, adding``)."""
    last = None
    for verb in ATTRIBUTION_VERB.finditer(text, lo, pos):
        if not _inside(spans, verb.start()):
            last = verb
    if last is None:
        return None
    start = lo
    before = spans_between(spans, lo + 1, last.start() + 1)
    if before and spans[before[-1]].close <= last.start():
        start = spans[before[-1]].close
    elif len(before) > 1:
        start = max(lo, spans[before[-2]].close)
    head_end = start + len(strip_adverbs(text[start : last.start()]))
    return subject_before(text, start, head_end)


_MAX_CUES = 12
NOUN_CUE = "noun-cue"
SAYING = "report-saying"
DOCUMENT_SAYING = "report-document-saying"
AND_SAID = "report-and-said"
WHO_SAID = "report-who-said"
SELF_ATTRIBUTION = "self-attribution"
CALL_FOR = "report-call-for"


def find_reports(
    text: str,
    spans: Sequence[QuotedSpan],
    sentences: Sequence[tuple[int, int]] | None,
    known: Known,
    switches: Switches = ALL_ON,
) -> list[Report]:
    """Find the reported statements of a paragraph.

    Args:
        text: The paragraph.
        spans: Its quoted spans (cue words inside them are ignored).
        sentences: Its sentences as ``(start, end)`` offsets (None: split them if needed).
        known: Whether a one-word name belongs to someone already introduced.
        switches: The rules that run.

    Returns:
        Statements in reading order; one attributed in mid-sentence yields two pieces.
    """
    reports: list[Report] = []
    # Headlines capitalise their verbs ("Trump Says ..."); elsewhere a capital marks a name.
    verbs = REPORTING_VERB_ANY_CASE if is_headline(text) else REPORTING_VERB
    cues = _outside_quotes(verbs, text, spans)
    if switches.on(NOUN_CUE):
        cues = [
            cue
            for cue in cues
            if not (
                is_noun_or_infinitive(text, cue) or _hyphenated(text, cue) or _naming(text, cue)
            )
            or (
                cue.group() == "call"
                and _CALL_FOR.match(text, cue.end())
                and text[max(0, cue.start() - 3) : cue.start()] == "to "
            )
        ]
    if "ccording" in text:
        cues.extend(m for m in ACCORDING_TO.finditer(text) if not _inside(spans, m.start()))
    if "Asked by" in text:
        # "Asked by X whether ..., she said ...": a capital opens the sentence, not a name.
        cues.extend(m for m in _ASKED_BY.finditer(text) if not _inside(spans, m.start()))
        cues.sort(key=lambda cue: cue.start())
    owned = owned_claims(text, spans) if " that" in text and switches.on(CLAIM) else []
    if not cues and not owned:
        return reports
    if sentences is None:
        sentences = split_sentences(text, spans)
    if owned:
        reports.extend(claim_reports(text, owned, sentences))
    # Each cue goes to the sentence it starts in (in order; sentences do not overlap).
    firsts = [lo for lo, _ in sentences]
    by_sentence: dict[int, list[re.Match[str]]] = {}
    for cue in cues:
        at = cue.start()
        number = bisect.bisect_right(firsts, at) - 1
        if number >= 0 and at < sentences[number][1]:
            by_sentence.setdefault(number, []).append(cue)
    for number in sorted(by_sentence):
        lo, hi = sentences[number]
        # A real sentence has a handful of cues; a cap keeps pathological input linear.
        mine = by_sentence[number][:_MAX_CUES]
        reports.extend(_sentence_reports(text, spans, lo, hi, known, mine, switches))
    return reports


def _sentence_reports(
    text: str,
    spans: Sequence[QuotedSpan],
    lo: int,
    hi: int,
    known: Known,
    cues: list[re.Match[str]],
    switches: Switches,
) -> list[Report]:
    found: list[Report] = []
    on = switches.on
    last_source: tuple[Source, int] | None = None
    for cue in cues:
        verb = cue.group().lower()
        if verb.startswith("according"):
            if on(ACCORDING_TO_RULE):
                found.extend(according_to(text, lo, hi, cue.start(), cue.end()))
            continue
        before = text[max(lo, cue.start() - 16) : cue.start()].split()
        previous = before[-1].lower() if before else ""
        if (verb == "calling" or previous == "to") and _CALL_FOR.match(text, cue.end()):
            if on(CALL_FOR):
                # "..., calling for a ban", "used the speech to call on X to act": a demand
                # of the sentence's subject.
                subject = (
                    last_source
                    or _previous_subject(text, spans, lo, cue.start())
                    or clause_subject(text, lo, cue.start(), spans, known)
                )
                if subject is not None:
                    found.extend(said_that(text, hi, cue.end(), verb, subject, CALL_FOR))
            continue
        opening = (
            verb.endswith("ed")
            and BY_AGENT.match(text, cue.end(), hi) is not None  # (rare: tested first)
            and PASSIVE_OPENERS.issuperset(text[lo : cue.start()].lower().split())
        )
        if on(PASSIVE) and ((previous in PASSIVE_BEFORE and not verb.endswith("ing")) or opening):
            # "was asked by X whether ...", "As first reported by X, ...", "Asked by X
            # whether ..., she said ...": the agent is the speaker.
            passive = passive_agent(text, cue.start(), cue.end(), hi, opening)
            if passive:
                found.append(passive)
            continue
        head = text[lo : cue.start()].rstrip()
        if verb.endswith("ing") and gerund_object(text, cue.end(), previous) and on(NOUN_CUE):
            continue  # "just by saying its name": a gerund and its object, no report
        if verb.endswith("ing") and on(SAYING):
            # "..., falsely suggesting", "while also saying", "He's not saying": read past
            # adverbs and a negation before the participle.
            bare = _BEFORE_ING.search(head)
            if bare is not None and bare.start() > 0:
                head = head[: bare.start()].rstrip()
                previous = head[head.rfind(" ") + 1 :].lower()
                if bare.group("aux") or bare.group("neg"):
                    previous = "is"  # ("He's saying", "isn't saying": progressive)
        if verb not in PARTICIPLES and attributes_quote(
            text, spans, lo, cue.start(), cue.end(), hi
        ):
            continue
        document = previous in STATEMENT_NOUNS
        if (
            verb in PARTICIPLES
            and on(DOCUMENT_SAYING if document else SAYING)
            and (
                head.rstrip("\"'\u201d\u2019").endswith((",", "\u2014", "\u2013", "--", " -"))
                or previous in BEFORE_PARTICIPLE
                or document
            )
        ):
            # "..., saying (that) ...": the speaker is the subject of the sentence.
            subject = (
                clause_subject(text, lo, cue.start(), spans, known)
                if document  # (a note/statement: no verb of its own)
                else last_source
                or _previous_subject(text, spans, lo, cue.start())
                or clause_subject(text, lo, cue.start(), spans, known)
            )
            if subject is not None:
                rule = DOCUMENT_SAYING if document else SAYING
                found.extend(said_that(text, hi, cue.end(), verb, subject, rule))
            continue
        head_text = text[lo : cue.start()]
        if verb.endswith("ing") and previous in PROGRESSIVE_AUXILIARIES:
            # "Trump is telling a veterans group that ...": drop the auxiliary.
            head_text = (
                head[: len(head) - len(previous)] if head.lower().endswith(previous) else head
            )
        elif verb.endswith("ing") and role_at_work(head):
            continue  # "said Ada Vik, police chief announcing the closure": no report
        elif verb.endswith("ing") and not _CLAUSE_NEXT.match(text, cue.end()):
            # "The ferry sent warning messages": with no auxiliary, no comma (above) and no
            # clause after it, the word is a noun or an adjective, not a verb of saying.
            continue
        head_end = lo + len(strip_adverbs(head_text))
        if head.endswith(",") and on(THEN_SAID_NAME) and (said := said_by_last(text, lo, hi, cue)):
            found.extend(said)  # ("..., took 400 names, said a company spokesman.")
            continue
        named = inverted_aside(text, cue.end(), hi) if head.endswith(",") and on(ASIDE) else None
        if named is not None:  # "The council, suggests Mr Dahl, could act ..."
            found.extend(
                said_that_or_then_said(
                    text, lo, hi, named[1], verb, (named[0], cue.start()), True, True
                )
            )
            continue
        if coordinated_verb(head, previous, verb) and not head.endswith(",") and on(AND_SAID):
            # "X criticised the plan and said ...": a second verb of the same subject.
            opened = _WHO_OPEN.search(text, lo, cue.start())
            coordinated = (
                # "included Ada Vik, who opened the door and said ...": the name before "who".
                (subject_before(text, lo, opened.start()) or noun_before(text, lo, opened.start()))
                if opened is not None
                else None
            ) or (last_source or shared_subject(text, lo, cue.start(), spans, known))
            if coordinated is not None:
                reports = said_that(text, hi, cue.end(), verb, coordinated, AND_SAID)
                if reports:
                    found.extend(reports)
                    continue
        relative = _WHO.search(text, max(lo, head_end - 12), head_end) if on(WHO_SAID) else None
        if relative:
            # "said Borges, who predicted ...": the relative pronoun stands for the name.
            antecedent = subject_before(text, lo, relative.start()) or noun_before(
                text, lo, relative.start()
            )  # ("Reed beat Ted Cruz, who said ...": the object before "who")
            if antecedent is not None:
                found.extend(
                    close_at_main_verb(text, report)
                    for report in said_that(text, hi, cue.end(), verb, antecedent, WHO_SAID)
                )
            continue
        subject = with_name_before(text, lo, subject_before(text, lo, head_end))
        if subject is None and head.endswith(" who"):
            # "there are some economists who argue that ...": the noun before "who".
            subject = noun_before(text, lo, lo + len(head) - 4)
        as_written = subject is None and on(PHRASE_SUBJECT)
        if as_written:
            # "People briefed on the plan said ...": a subject read as written.
            subject = phrase_subject(text, lo, head_end, spans, verb, cue.end())
        # (only a subject that does not start right after the head's last comma is read again)
        comma = text.rfind(",", lo, head_end)
        at = subject[1] if subject is not None and comma > lo else -1
        again = at != -1 and (at <= comma or bool(text[comma + 1 : at].strip()))
        aside = (
            at != -1
            and (again or text[lo:at].rstrip().endswith(","))
            and on(ASIDE)
            and continues_after(text, cue.end(), hi)
        )
        if (again and aside) or (again and on(THEN_SAID) and ends_after(text, verb, cue.end(), hi)):
            # "Pivoting too soon, a wide array of economists say, hurt growth", "The board
            # backed Vik, a former official said.": the speaker is the phrase after the
            # statement's last comma.
            subject = aside_subject(text, lo, head_end) or subject
        if subject is not None and text[subject[1] : head_end].strip() and on(SAID_THAT):
            reports = said_that_or_then_said(
                text, lo, hi, cue.end(), verb, subject, on(THEN_SAID), aside
            )
            if reports and _WHICH_END.search(text, lo, subject[1]):
                # "the list, which the campaign says holds 2.7 million names, is ...": the
                # statement is the relative clause, which closes at its comma.
                reports = [close_relative(text, report) for report in reports]
            if reports and as_written:
                reports = [report._replace(rule=PHRASE_SUBJECT) for report in reports]
            if reports:
                last_source = subject
                found.extend(reports)
                continue
        inverted = (
            then_said_name(text, lo, hi, cue.start(), cue.end()) if on(THEN_SAID_NAME) else []
        )
        if inverted:
            found.extend(inverted)
    found.sort(key=lambda report: report.start)
    found = close_opening_clause(text, lo, hi, found)
    return cut_overlaps(text, found, on(SELF_ATTRIBUTION))


# A clause opening after a participle: "... suggesting he may have been wrong".
_CLAUSE_NEXT = re.compile(
    r"\s+(?:that|he|she|they|we|i|it|you|there|the|a|an|his|her|their|its|this|these|those)\b", re.I
)
_WHO = re.compile(r",\s*who\s*$")
# A relative clause still open before the verb: ", who opened the door and said".
_WHO_OPEN = re.compile(r",\s*who\s[^,;:]*$")
_WHICH_END = re.compile(r",\s*(?:which|whom)\s+$")

# Adverbs and a negation before a participle, and an auxiliary contracted into the word
# before them ("He's not saying", "isn't saying", "while also saying", ", falsely claiming").
_BEFORE_ING = re.compile(
    r"(?:(?<=[Hh]e)(?P<aux>['\u2019]s)|(?<=is|as|re)(?P<neg>n['\u2019]t)|\s(?:also|not|even|then|again|still|now|just|only|"
    r"never|repeatedly|quietly|publicly|privately|simply|falsely|openly|[a-z]+ly))"
    r"(?:\s+(?:also|not|even|then|again|still|now|just|only|never|[a-z]+ly))*$"
)
_CALL_FOR = re.compile(r"\s+(?:for|on|upon)\s+(?!the\s+phone)")
_ASKED_BY = re.compile(r"\bAsked(?=\s+by\b)")
