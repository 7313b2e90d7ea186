"""Find reported speech: ``X said (that) ...``, ``..., X said.``, ``according to X, ...``."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from index.quotes.attribution import clause_end
from index.quotes.cues import (
    ACCORDING_TO,
    ATTRIBUTION_VERB,
    REPORTING_VERB,
    REPORTING_VERB_ANY_CASE,
    strip_adverbs,
    trie_pattern,
)
from index.quotes.lexicon.grammar import (
    BEFORE_PARTICIPLE,
    NOT_BEFORE_VERB,
    PASSIVE_BEFORE,
    PASSIVE_OPENERS,
    PROGRESSIVE_AUXILIARIES,
    TO_VERB_OK_AFTER,
)
from index.quotes.lexicon.people import COURTESY_TITLES, PRONOUN_GENDER
from index.quotes.lexicon.speech import CLAIM_NOUNS, NOUN_CUES, PARTICIPLES, STATEMENT_NOUNS
from index.quotes.marks import QuotedSpan
from index.quotes.names import Source, split_title, strip_possessive
from index.quotes.sentences import is_headline, is_sentence_end, split_sentences
from index.quotes.speakers import is_role_appositive, parse_source
from index.quotes.statements import (
    content_end,
    content_start,
    skip_addressee,
    skip_adjuncts,
    trim,
)
from index.quotes.subjects import Known, clause_subject, subject_before
from index.quotes.titles import is_span_title


@dataclass(frozen=True, slots=True)
class Report:
    """A reported statement in one paragraph.

    Attributes:
        start: Paragraph offset of the statement.
        end: Paragraph offset just past it.
        source: Who reports it.
        position: Paragraph offset of the speaker phrase (pronouns resolve from here).
    """

    start: int
    end: int
    source: Source
    position: int


def _inside(spans: Sequence[QuotedSpan], pos: int) -> bool:
    return any(span.open <= pos < span.close for span in spans)


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
    for span in spans:
        if span.close <= last.start() and span.close > start:
            start = span.close
    head_end = start + len(strip_adverbs(text[start : last.start()]))
    return subject_before(text, start, head_end)


_PARTICIPLE_NEXT = re.compile(r"\s+(?:saying|stating|claiming|warning|asking|calling)\b")


def _noun_or_infinitive(text: str, cue: re.Match[str]) -> bool:
    """Whether a cue word is a noun (``the report``) or a bare infinitive (``declined to say``)."""
    if _PARTICIPLE_NEXT.match(text, cue.end()):
        return True  # "a short note saying ...": a verb is not followed by "saying".
    before = text[max(0, cue.start() - 24) : cue.start()].split()
    if not before:
        return False
    previous = before[-1].lower()
    if previous in NOT_BEFORE_VERB:
        return True
    if previous.endswith(",") and cue.group() == "called" and _NAMING.match(text, cue.end()):
        return True  # "The program, called EB-5, ...": a name given, not speech
    if previous.endswith(("'s", "\u2019s")) and cue.group().lower() in NOUN_CUES:
        return True  # "Editor's note:", "the mayor's claims"
    if previous == "to":
        return len(before) < 2 or before[-2].lower() not in TO_VERB_OK_AFTER
    return cue.group().lower() in ("state", "states") and not previous[:1].isupper()


_NAMING = re.compile(
    r"\s+(?:the\s+)?[\"\u201c]?[A-Z][\w\-.]*(?:\s+[A-Z][\w\-.]*){0,3}[\"\u201d]?,\s+[a-z]"
)
_CLAIM_NOUN = re.compile(r"\b(?:" + trie_pattern(CLAIM_NOUNS) + r")\s+that\b")
_CLAIM_ENDINGS = tuple(sorted(CLAIM_NOUNS))
_CLAIM_OWNER = re.compile(
    r"(?P<owner>\b(?:his|her|their|His|Her|Their)|(?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w\-]*['\u2019]s?)"
    r"\s+(?:[a-z]+\s+)?$"
)
_MAX_CUES = 12


def _maybe_claim(text: str) -> bool:
    """Whether ``_CLAIM_NOUN`` may match: some "that" follows a space and a claim noun.

    A cheap pre-check (a few substring finds) for the scan, which tries every offset.
    """
    at = text.find("that", 1)
    while at != -1:
        if text[at - 1].isspace() and text[:at].rstrip().endswith(_CLAIM_ENDINGS):
            return True
        at = text.find("that", at + 4)
    return False


def find_reports(
    text: str,
    spans: Sequence[QuotedSpan],
    sentences: Sequence[tuple[int, int]] | None,
    known: Known,
) -> list[Report]:
    """Find the reported statements of a paragraph.

    Args:
        text: The paragraph.
        spans: Its quoted spans (cue words inside them are ignored).
        sentences: Its sentences as ``(start, end)`` offsets (None: split them if needed).
        known: Whether a one-word name belongs to someone already introduced.

    Returns:
        Statements in reading order; one attributed in mid-sentence yields two pieces.
    """
    reports: list[Report] = []
    # Headlines capitalise their verbs ("Trump Says ..."); elsewhere a capital marks a name.
    verbs = REPORTING_VERB_ANY_CASE if is_headline(text) else REPORTING_VERB
    cues = [
        cue for cue in _outside_quotes(verbs, text, spans) if not _noun_or_infinitive(text, cue)
    ]
    if "ccording" in text:
        cues.extend(m for m in ACCORDING_TO.finditer(text) if not _inside(spans, m.start()))
    if "Asked by" in text:
        # "Asked by X whether ..., she said ...": a capital opens the sentence, not a name.
        cues.extend(m for m in _ASKED_BY.finditer(text) if not _inside(spans, m.start()))
        cues.sort(key=lambda cue: cue.start())
    owned: list[tuple[re.Match[str], int]] = []
    maybe_claims = " that" in text and _maybe_claim(text)
    for noun in _CLAIM_NOUN.finditer(text) if maybe_claims else ():
        # Look back from "claim that" for its owner ("Trump's claim that").
        holder = _CLAIM_OWNER.search(text, max(0, noun.start() - 60), noun.start())
        if holder and not _inside(spans, holder.start()):
            owned.append((holder, noun.end()))
    if not cues and not owned:
        return reports
    if sentences is None:
        sentences = split_sentences(text, spans)
    for claim, claim_end in owned:
        # "Trump's claim that ...": the owner of the claim is its source.
        owner = claim.group("owner").lower()
        source = (
            parse_source({"his": "he", "her": "she", "their": "they"}[owner])
            if owner in ("his", "her", "their")
            else parse_source(strip_possessive(claim.group("owner")))
        )
        hi = next((end for start, end in sentences if start <= claim.start() < end), len(text))
        if source is not None:
            start, end = trim(text, claim_end - 4, content_end(text, claim_end - 4, hi))
            if len(text[start:end].split()) >= 3:
                reports.append(Report(start, end, source, claim.start()))
    # Each cue goes to the sentence it starts in (sentences are in order and do not overlap),
    # in the order of ``cues``.
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
        reports.extend(_sentence_reports(text, spans, lo, hi, known, mine))
    return reports


def _sentence_reports(
    text: str,
    spans: Sequence[QuotedSpan],
    lo: int,
    hi: int,
    known: Known,
    cues: list[re.Match[str]],
) -> list[Report]:
    found: list[Report] = []
    last_source: tuple[Source, int] | None = None
    for cue in cues:
        verb = cue.group().lower()
        if verb.startswith("according"):
            found.extend(_according(text, lo, hi, cue.start(), cue.end()))
            continue
        before = text[max(lo, cue.start() - 16) : cue.start()].split()
        previous = before[-1].lower() if before else ""
        opening = (
            verb.endswith("ed")
            and PASSIVE_OPENERS.issuperset(text[lo : cue.start()].lower().split())
            and _BY_AGENT.match(text, cue.end(), hi) is not None
        )
        if (previous in PASSIVE_BEFORE and not verb.endswith("ing")) or opening:
            # "was asked by X whether ...", "As first reported by X, ...", "Asked by X
            # whether ..., she said ...": the agent is the speaker.
            passive = _passive(text, cue.end(), hi, opening)
            if passive:
                found.append(passive)
            continue
        head = text[lo : cue.start()].rstrip()
        if verb not in PARTICIPLES and _attributes_quote(
            text, spans, lo, cue.start(), cue.end(), hi
        ):
            continue
        if verb in PARTICIPLES and (
            head.rstrip("\"'\u201d\u2019").endswith((",", "\u2014", "\u2013", "--", " -"))
            or previous in BEFORE_PARTICIPLE
            or previous in STATEMENT_NOUNS
        ):
            # "..., saying (that) ...": the speaker is the subject of the sentence.
            subject = (
                clause_subject(text, lo, cue.start(), spans, known)
                if previous in STATEMENT_NOUNS  # (a note/statement: no verb of its own)
                else last_source
                or _previous_subject(text, spans, lo, cue.start())
                or clause_subject(text, lo, cue.start(), spans, known)
            )
            if subject is not None:
                found.extend(_forward(text, hi, cue.end(), verb, subject))
            continue
        head_text = text[lo : cue.start()]
        if verb.endswith("ing") and previous in PROGRESSIVE_AUXILIARIES:
            # "Trump is telling a veterans group that ...": drop the auxiliary.
            head_text = head_text.rstrip()[: -len(previous)]
        head_end = lo + len(strip_adverbs(head_text))
        if previous in ("and", "but") and not head.endswith(","):
            # "X criticised the plan and said ...": a second verb of the same subject.
            coordinated = last_source or clause_subject(text, lo, cue.start(), spans, known)
            if coordinated is not None:
                reports = _forward(text, hi, cue.end(), verb, coordinated)
                if reports:
                    found.extend(reports)
                    continue
        relative = _WHO.search(text, max(lo, head_end - 12), head_end)
        if relative:
            # "said Borges, who predicted ...": the relative pronoun stands for the name.
            antecedent = subject_before(text, lo, relative.start())
            if antecedent is not None:
                found.extend(_forward(text, hi, cue.end(), verb, antecedent))
            continue
        subject = subject_before(text, lo, head_end)
        if subject is None and head.endswith(" who"):
            # "there are some economists who argue that ...": the noun before "who".
            subject = _noun_before(text, lo, lo + len(head) - 4)
        if subject is not None and text[subject[1] : head_end].strip():
            reports = _forward_or_backward(text, lo, hi, cue.end(), verb, subject)
            if reports and _WHICH_END.search(text, lo, subject[1]):
                # "the list, which the campaign says holds 2.7 million names, is ...": the
                # statement is the relative clause, which closes at its comma.
                reports = [_close_relative(text, report) for report in reports]
            if reports:
                last_source = subject
                found.extend(reports)
                continue
        inverted = _inverted(text, lo, hi, cue.start(), cue.end())
        if inverted:
            found.extend(inverted)
    found.sort(key=lambda report: report.start)
    if _SUBORDINATE_OPENING.match(text, lo):
        # "When Clinton noted that he paid no tax, Trump boasted ...": the statement is in the
        # opening clause, which closes at its comma.
        first = _CLAUSE_COMMA.search(text, lo, hi)
        if first is not None:
            found = [
                Report(r.start, first.start(), r.source, r.position)
                if r.position < first.start() < r.end and r.start < first.start()
                else r
                for r in found
            ]
    return _cut_overlaps(text, found)


_SUBORDINATE_OPENING = re.compile(
    r"\s*(?:When|If|After|Although|Though|Because|While|Since|Before|Once|Until|Unless|Even\s+as|"
    r"Even\s+though|As\s+soon\s+as)\s"
)


_WHO = re.compile(r",\s*who\s*$")
_WHICH_END = re.compile(r",\s*(?:which|whom)\s+$")
_CLAUSE_COMMA = re.compile(r",(?!\d)")


def _noun_before(text: str, lo: int, hi: int) -> tuple[Source, int] | None:
    """The group or person named by the last two to four words before ``hi``."""
    words = list(re.finditer(r"\S+", text[lo:hi]))
    for count in (4, 3, 2):
        if len(words) < count or any(w.group()[-1] in ",;:" for w in words[-count:-1]):
            continue
        start = lo + words[-count].start()
        source = parse_source(text[start:hi])
        if source is not None and source.kind in ("group", "person"):
            return source, start
    return None


def _comma_end(text: str, start: int, end: int) -> int:
    """Where a clause between ``start`` and ``end`` closes: its first comma (not ``2,000``)."""
    comma = _CLAUSE_COMMA.search(text, start, end)
    return comma.start() if comma else end


def _close_relative(text: str, report: Report) -> Report:
    """End a statement made in a relative clause set off by commas at its closing comma."""
    end = _comma_end(text, report.start, report.end)
    if end == report.end:
        return report
    return Report(report.start, end, report.source, report.position)


# (periods are allowed, but none of them may end a sentence: '," Mr. Obama said')
_AFTER_QUOTE_GAP = re.compile(r"[\s,;:\u2014\u2013-]*[^!?\"\u201c\u201d]{0,80}")
_THAT_NEXT = re.compile(r"\s+(?:\w+\s+){0,4}?that\b")


def _attributes_quote(
    text: str, spans: Sequence[QuotedSpan], lo: int, verb_start: int, verb_end: int, hi: int
) -> bool:
    """Whether the verb attributes the quote just before it (`"...," Rubio said in Iowa.`)."""
    # (a title before the verb is no quote it could attribute: 'on NRK's "Harbour Hour,"
    # Ada Vik said the pier is safe')
    closes = [
        span.close
        for span in spans
        if lo <= span.close <= verb_start and not is_span_title(text, span)
    ]
    if not closes:
        return False
    gap = text[closes[-1] : verb_start]
    words = gap.split()
    if len(words) > 8 or not _AFTER_QUOTE_GAP.fullmatch(gap):
        return False
    dot = gap.find(".")
    while dot != -1:
        if is_sentence_end(text, closes[-1] + dot):
            return False
        dot = gap.find(".", dot + 1)
    if words and words[-1] in ("and", "but"):
        # 'called him "crazy" and said ...': a second verb of the sentence's subject.
        return False
    return not _THAT_NEXT.match(text, verb_end, hi)


_JOINER = re.compile(r"[\s,;]*(?:\b(?:and|but|while|whereas|though|although|which|whom)\b)?[\s,]*$")


_ASIDE_DASH = re.compile(r"\s(?:[\u2015\u2014\u2013]|--?)\s")


def _in_dash_aside(text: str, start: int, pos: int, end: int) -> bool:
    """Whether ``pos`` sits between two dashes inside ``text[start:end]``."""
    before = len(_ASIDE_DASH.findall(text, start, pos))
    return before % 2 == 1 and _ASIDE_DASH.search(text, pos, end) is not None


def _cut_overlaps(text: str, reports: list[Report]) -> list[Report]:
    """End a statement where the next one's speaker begins (``A said X, but B said Y``)."""
    cut: list[Report] = []
    for number, report in enumerate(reports):
        end = report.end
        for later in reports[number + 1 :]:
            if report.start < later.position < end and later.position > report.start:
                if _in_dash_aside(text, report.start, later.position, end):
                    continue  # "that Trump -- even as he says ... -- has proposed little"
                joiner = _JOINER.search(text, report.start, later.position)
                end = joiner.start() if joiner else later.position
        start, end = trim(text, report.start, end)
        if len(text[start:end].split()) >= 2:
            same = start == report.start and end == report.end
            cut.append(report if same else Report(start, end, report.source, report.position))
    return cut


def _passive(text: str, verb_end: int, hi: int, opening: bool = False) -> Report | None:
    """``was asked by X whether ...``: the agent is the speaker.

    With ``opening`` (``Asked by X whether ..., she said``) the question closes at its comma.
    """
    agent = _BY_AGENT.match(text, verb_end, hi)
    if agent is None:
        return None
    source = parse_source(agent.group(1))
    if source is None:
        return None
    end = content_end(text, agent.end(), hi)
    if opening and text[agent.end() : agent.end() + 1] != ",":
        end = _comma_end(text, agent.end(), end)
    start, end = trim(text, agent.end(), end)
    if len(text[start:end].split()) < 3:
        return None
    return Report(start, end, source, verb_end + agent.start(1) - verb_end)


def _forward(
    text: str, hi: int, verb_end: int, verb: str, subject: tuple[Source, int]
) -> list[Report]:
    """``X said (that) CONTENT``."""
    if verb.startswith("ask") and _ASKED_TO.match(text, verb_end, hi):
        # "asked the council to act": a request; who is asked is part of it.
        start = verb_end
    else:
        start = content_start(text, verb, verb_end, hi)
    start, end = trim(text, start, max(content_end(text, start, hi), start))
    words = len(text[start:end].split())
    if (
        words <= 8
        and _ONLY_ADJUNCT.match(text, start)
        and not _THAT_WORD_RE.search(text, start, end)
    ):
        # '," Ada Vik said in an interview after the vote.': where and when, not what.
        return []
    if words < 2 or (words <= 4 and text[end : end + 1] == ":"):
        # "told the council:" introduces a quote; the addressee is not a statement.
        return []
    if (
        text[start : start + 1].isupper()
        and not is_headline(text)
        and _names_someone(text[start:end])
    ):
        # '"...," if nothing changes, said Ada Vik, an analyst.': the speaker, not a statement.
        return []
    if _NOT_CONTENT.match(text, start):
        # "said of the plan", "called out his rival", "said in front of a crowd",
        # "said, referring to ...": what follows is no statement.
        return []
    return [Report(start, end, subject[0], subject[1])]


def _names_someone(phrase: str) -> bool:
    """Whether a phrase is just a person and their description (``Ada Vik, an analyst``)."""
    source = parse_source(phrase)
    if source is None or source.kind != "person":
        return False
    if not all(word[:1].isupper() for word in source.name.split()):
        return False
    phrase = phrase.strip()
    title, rest = split_title(phrase)
    if title and title.rstrip(".").lower() in COURTESY_TITLES:
        phrase = rest  # "Mr. Barrett, the lawyer for the agency"
    return phrase == source.name or (
        source.role is not None and phrase.startswith(source.name + ",")
    )


def _forward_or_backward(
    text: str, lo: int, hi: int, verb_end: int, verb: str, subject: tuple[Source, int]
) -> list[Report]:
    """``X said (that) CONTENT`` or ``CONTENT, X said[, CONTENT]``."""
    source, position = subject
    prefix = text[lo:position].rstrip()
    rest = skip_adjuncts(text, skip_addressee(text, verb, verb_end, hi), hi)
    tail = text[rest:hi].strip(" \u00a0.!?\"'\u201d")
    ends_here = (
        not tail
        or tail.startswith((",", ";"))
        or bool(_CLOSING_ADJUNCT.fullmatch(tail) or _WHEN_CLAUSE.match(tail))
    ) and not (verb.startswith("call") and tail.startswith(("on ", "upon ", "for ")))
    split = tail.startswith(",") and tail[1:].lstrip()[:1].isalpha()
    if not split and _OPENING_PHRASE.fullmatch(prefix):
        # "During his years in office, Obama said ...": an opening phrase, not a statement
        # (but "In recent days, aides say, the president ..." is one, split by its speaker).
        return _forward(text, hi, verb_end, verb, subject)
    if prefix.endswith(",") and len(prefix.split()) >= 3 and ends_here:
        # The statement came first: "CONTENT, X said." (and maybe ", CONTENT2.").
        reports = []
        lead = _LEADING_CONJUNCTION.match(text, lo, position)
        start, end = trim(text, lead.end() if lead else lo, lo + len(prefix))
        reports.append(Report(start, end, source, position))
        if tail.startswith(",") and ";" not in tail[:2] and len(tail.split()) >= 4:
            start2, end2 = trim(text, rest, hi)
            if not _PARTICIPLE_START.match(text, start2):
                reports.append(Report(start2, end2, source, position))
        return reports
    return _forward(text, hi, verb_end, verb, subject)


# "..., he told the court in his filing.": where or how it was said closes the sentence.
_CLOSING_ADJUNCT = re.compile(
    r"(?:in|on|at|during|after|before|via|through|from|over)\s+(?:[\w'\u2019\-]+\s+){0,5}"
    r"[\w'\u2019\-]+"
)
_ONLY_ADJUNCT = re.compile(r"(?:in|on|at|during|after|before|via|through|over|amid)\s")
_THAT_WORD_RE = re.compile(r"\bthat\b")
_ASKED_TO = re.compile(r"(?:\s+[\w'\u2019\-]+){0,5}?\s+to\s+[a-z]")
# "But the plan is tilted to the rich, the group said": the statement starts after "But".
_LEADING_CONJUNCTION = re.compile(
    r"\s*(?:But|And|Yet|So)\b,?\s+|"
    # a dateline: "WASHINGTON \u2015 ", "NEW YORK (AP) -- "
    r"\s*[A-Z]{2,}(?:[ .][A-Z]{2,}\.?)*(?:,\s+[A-Z][\w.]+)?\s*(?:\([\w ]+\)\s*)?"
    r"(?:[\u2015\u2014\u2013]|--?)\s*"
)
_OPENING_PHRASE = re.compile(
    r"[\"'\u201c]?(?:(?:but|and|yet|so)\s+)?(?:in|on|at|during|after|before|since|for|as|with|"
    r"without|from|under|over|like|unlike|by|amid|despite|following|among|asked|speaking|when|"
    r"while|until|throughout|within)\b[^,\"\u201c\u201d]{0,80},",
    re.I,
)
# "..., he said as he left the stage.": when it was said.
_WHEN_CLAUSE = re.compile(r"(?:as|when|while|after|before|during|upon)\s+\w")
_NOT_CONTENT = re.compile(
    r"(?:of|out|up|off|into|in\s+to|in\s+front\s+of|in\s+a\s+(?:note|post|memo)|referring|pointing|"
    r"citing|adding|noting|speaking|addressing|standing|sitting|appearing|asked)\b"
    # "X reported from Kaneohe Bay": where a reporter filed from, not what they reported.
    r"|from\s+(?=[A-Z])"
)
_ASKED_BY = re.compile(r"\bAsked(?=\s+by\b)")
_BY_AGENT = re.compile(
    r"\s+by\s+([^,;.]{2,80}?)(?=\s+(?:whether|if|about|to|what|why|how|that)\b|,)"
)
_PARTICIPLE_START = re.compile(r"(?:adding|saying|noting|who|which|telling|explaining)\b", re.I)


# "... his support for the governor on Thursday night": when it was said, not what.
def _inverted(text: str, lo: int, hi: int, verb_start: int, verb_end: int) -> list[Report]:
    """``CONTENT, said X.``"""
    prefix = text[lo:verb_start].rstrip()
    if not prefix.endswith(",") or len(prefix.split()) < 3:
        return []
    end = clause_end(text, verb_end, hi)
    source = parse_source(text[verb_end:end])
    if source is None:
        return []
    start, stop = trim(text, lo, lo + len(prefix))
    return [Report(start, stop, source, verb_end)]


_CITATION_END = re.compile(r"[,;:(]|\s[-\u2013\u2014]")
_RELATIVE_TAIL = re.compile(r"\s+(?:that|which|who|whose|whom)\b.*", re.S)
_MAX_DOCUMENT_WORDS = 20


def _according_source(phrase: str) -> Source | None:
    """The source after ``according to``: a speaker, or else whatever is cited.

    ``according to`` cites polls, reports and records as often as people (``according to a
    new poll that shows ...``), so a phrase no speaker reading accepts is still its source,
    without its relative clause.
    """
    source = parse_source(phrase)
    if source is not None:
        return source
    cited = _RELATIVE_TAIL.sub("", _CITATION_END.split(phrase, maxsplit=1)[0])
    cited = cited.strip(" \u00a0\"'\u201c\u201d")
    words = cited.split()
    if not words or len(words) > _MAX_DOCUMENT_WORDS or not cited[:1].isalnum():
        return None
    if words[0].lower() in PRONOUN_GENDER:
        return None
    return Source(name=cited, kind="org")


def _according(text: str, lo: int, hi: int, start: int, end: int) -> list[Report]:
    """``According to X, CONTENT`` and ``CONTENT, according to X[, CONTENT]``."""
    head = text[lo:start].strip(" \u00a0\"'\u201c")
    if not head or head.lower() in ("but", "and", "yet", "so"):
        comma = text.find(",", end, hi)
        if comma == -1:
            return []
        source = _according_source(text[end:comma])
        if source is None:
            return []
        second = text.find(",", comma + 1, hi)
        if source.role is None and second != -1 and is_role_appositive(text[comma + 1 : second]):
            # "According to Dr X, chief economist at Y, CONTENT": the role is the speaker's.
            fuller = _according_source(text[end:second])
            if fuller is not None and fuller.name == source.name and fuller.role:
                source, comma = fuller, second
        c0, c1 = trim(text, comma + 1, hi)
        return [Report(c0, c1, source, end)] if len(text[c0:c1].split()) >= 2 else []
    stop = clause_end(text, end, hi)
    source = _according_source(text[end:stop])
    rest = stop
    if source is None:
        comma = text.find(",", end, stop)
        if comma != -1:
            source = _according_source(text[end:comma])
            rest = comma
    if source is None:
        return []
    c0, c1 = trim(text, lo, start)
    reports = [Report(c0, c1, source, end)] if len(text[c0:c1].split()) >= 2 else []
    if rest < stop:
        r0, r1 = trim(text, rest, stop)
        if len(text[r0:r1].split()) >= 3:
            reports.append(Report(r0, r1, source, end))
    return reports
