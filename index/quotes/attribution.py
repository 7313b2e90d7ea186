"""Find who a quoted span is attributed to, right after it or right before it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from index.quotes.and_verb import and_verb_subject
from index.quotes.cues import ADJUNCT_START, ADVERB, ATTRIBUTION_VERB, reported_as, strip_adverbs
from index.quotes.lexicon.grammar import CLAUSE_AFTER_VERB, SUBJECT_OPENERS
from index.quotes.lexicon.speech import NAMING_VERBS, PARTICIPLES
from index.quotes.marks import QuotedSpan
from index.quotes.names import NAME_RUN, Source
from index.quotes.person_or_org import person_or_org
from index.quotes.phrase_cuts import affiliated_person, cut_phrase
from index.quotes.rules import ALL_ON, Switches
from index.quotes.sentences import is_sentence_end
from index.quotes.speakers import parse_source
from index.quotes.subjects import Known, clause_subject, heard_subject, subject_before

AFTER_VERB = "after-quote-verb"
AFTER_ACCORDING = "after-quote-according"
SIGNATURE = "after-quote-signature"
BEFORE_VERB = "before-quote-verb"
BEFORE_SAYING = "before-quote-participle"
BEFORE_COLON = "before-quote-colon"
BEFORE_ACCORDING = "before-quote-according"
BEFORE_AND_VERB = "before-quote-and-verb"
HEARD_SAYING = "heard-saying"

_LEAD_PUNCT = re.compile(r"[\s,;:\u2014\u2013\-\u00a0]*")
_CUE_FIRST = re.compile(
    rf"(?:{ADVERB}\s+)?(?P<cue>{ATTRIBUTION_VERB.pattern})(?:\s+(?:on|out|up))?\s+", re.I
)
_ACCORDING = re.compile(r"according\s+to\s+", re.I)
_NOT_ADJACENT = re.compile(
    r"(?i),\s+(?:and|but|while|whilst|as|so|then)\s|^\s*(?:in|on|at|to|for|with|from|of|about|as|than)\s"
)
# `"...," remembered Roy Verley`: any past-tense verb followed by a name.
_PAST_FIRST = re.compile(r"[a-z]{3,}ed\s+(?=[A-Z])")
_PAST_VERB = re.compile(r"\b[a-z]{3,}ed\b")
# A verb inside a speaker phrase: a past tense, or words ending on an infinitive or particle.
_VERB_IN_PHRASE = re.compile(r"\b[a-z]{3,}ed\b|\s(?:to|off|up|out)\s*$")
# (what follows is the speaker: a name or a description, not "Asked about the plan, Vik said")
_SAID_FIRST = re.compile(
    r"\s*(?:[Ss]aid|[Aa]dded|[Aa]sked|[Ww]rote|[Ss]tated|[Dd]eclared)\s+(?=[A-Z]|(?:the|a|an)\s)"
)
# "... ," -- Jane Roe: a name signed after the quote, ending the paragraph or sentence.
_SIGNATURE = re.compile(
    r"[\s\u00a0]*[\u2015\u2014\u2013-]+[\s\u00a0]*([A-Z][^\n.,;:!?\"\u201c\u201d]{1,60}?)"
    r"[\s\u00a0]*(?:[.,;]|$)"
)
# A clause ends at ``.!?;`` before a space (or the end) or at a spaced dash: the matches of
# ``[.!?;](?=\s|$)|\s[\u2014\u2013]\s|\s--\s``, written to start with one character class so
# that ``re`` skips ahead to the next candidate; the lookbehinds tell the cases apart. A dash
# match starts at the dash, not at the (much more frequent) space before it, which the
# lookbehind checks: the clause ends one character before the match (see ``clause_end``).
_CLAUSE_END = re.compile(
    r"[.!?;\u2014\u2013-](?:(?<=[.!?;])(?=\s|$)|(?<=\s[\u2014\u2013])\s|(?<=\s-)-\s)"
)


# (a named tuple rather than a frozen dataclass: as immutable, and cheaper to build, which
# the extractor does many times per paragraph)
class Attribution(NamedTuple):
    """A speaker phrase found next to a quote.

    Attributes:
        source: The speaker phrase read.
        position: Paragraph offset of the phrase (pronouns resolve from here).
        end: Paragraph offset where the attribution clause ends.
        rule: The rule that read it (``after-quote-verb`` ...).
        cue: The attributing word(s) as written (``said``, ``according to``, ``:``).
    """

    source: Source
    position: int
    end: int
    rule: str
    cue: str


# A nickname in quote marks inside a name: Marcia "Cia" Price. (extract.py drops such marks
# from a paragraph's quoted spans; here they are read past inside a speaker phrase.)
_NICKNAME = re.compile('(?<=[a-z]) ["\u201c][A-Z][\\w\'\u2019.-]*["\u201d] (?=[A-Z])')


# Clauses that may come between a quote and its attribution: `"...," if elected, she said`.
_INTERRUPTING = re.compile(
    r"\s*(?:if|when|unless|once|while|whilst|although|though|because)\s", re.I
)
_SUBORDINATE = re.compile(
    r"\s*(?:if|when|because|while|whilst|after|before|as|since|unless|though|although|until|once|"
    r"whether|so|than|and|but|or)\b",
    re.I,
)
# "state" before a capitalised word is a title (state Sen. Jo Lee), not the verb.
_TITLE_STATE = re.compile(r"[Ss]tate (?=[A-Z])")


def clause_end(text: str, pos: int, limit: int) -> int:
    """Offset of the end of the clause starting at ``pos`` (a real sentence end, or ``limit``)."""
    for match in _CLAUSE_END.finditer(text, pos, limit):
        start = match.start()
        if text[start] in "\u2014\u2013-":
            # A spaced dash: the clause ends at the space before it (if that is inside the range).
            if start - 1 >= pos:
                return start - 1
            continue
        if text[start] == "." and not is_sentence_end(text, start):
            continue
        if text[start] == ";" and text.rfind("(", pos, start) > text.rfind(")", pos, start):
            continue  # inside brackets: "5bn euros ($7bn; £4bn)"
        return start
    return limit


# An asking or telling verb with only its addressee to end the sentence: '"Is it over?" Ada
# Vik asked the crowd.' ("asked the crowd to leave" asks for something else).
_ADDRESSEE_ONLY = re.compile(
    r"(?:asked|asks|told|tells)\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+)?"
    r"(?!to\b|that\b|if\b|whether\b)[\w'\u2019-]+(?:\s+(?!to\b)[\w'\u2019-]+)?\s*"
)


def _last_before(text: str, pos: int, skipped: str, reach: int = 12) -> str:
    """The last character before ``pos`` that is not in ``skipped`` ("" if none is near).

    Only ``reach`` characters are read back, so a long run of marks costs the same each time.
    """
    at = pos - 1
    while at >= max(0, pos - reach) and text[at] in skipped:
        at -= 1
    return text[at] if at >= max(0, pos - reach) else ""


def after_quote(text: str, pos: int, limit: int, switches: Switches = ALL_ON) -> Attribution | None:
    """Read an attribution that follows a closing mark: ``," said Wang Hua.``, ``," she added``.

    Args:
        text: The paragraph.
        pos: Offset just past the closing mark.
        limit: Offset of the next opening mark (or the paragraph end).
        switches: The rules that run.
    """
    start = _LEAD_PUNCT.match(text, pos, limit)
    at = start.end() if start else pos
    inner_end = _last_before(text, pos, "\"'\u201d\u2019\u00bb ")
    ended = inner_end in (".", "!", "?")
    if at >= limit:
        return None
    signature = _SIGNATURE.match(text, pos, limit) if switches.on(SIGNATURE) else None
    if signature:
        source = parse_source(signature.group(1))
        if source is not None and source.kind == "person":
            dash = text[pos : signature.start(1)].strip()
            return Attribution(source, signature.start(1), signature.end(), SIGNATURE, dash)
    end = clause_end(text, at, limit)
    according = _ACCORDING.match(text, at, end)
    if according:
        if not switches.on(AFTER_ACCORDING):
            return None
        source = parse_source(text[according.end() : end])
        if source is None:
            source = parse_source(cut_phrase(text[according.end() : end]))
        if source is not None:
            cue = " ".join(according.group().split())
            return Attribution(source, according.end(), end, AFTER_ACCORDING, cue)
        return None
    if not switches.on(AFTER_VERB):
        return None
    inverted = _CUE_FIRST.match(text, at, end) or _PAST_FIRST.match(text, at, end)
    if inverted and inverted.group().rstrip().endswith("ing"):
        # `"fantastic," telling reporters ...`: whom the speaker tells, not who speaks.
        inverted = None
    if inverted:
        phrase = text[inverted.end() : end]
        if not phrase.lower().startswith(("that ", "by ")):
            source = parse_source(cut_phrase(phrase))
            if source is not None:
                cue = inverted.group("cue") if inverted.re is _CUE_FIRST else inverted.group()
                return Attribution(source, inverted.end(), end, AFTER_VERB, cue.strip())
    verb = next(
        (
            found
            for found in ATTRIBUTION_VERB.finditer(text, at, min(end, at + 250))
            if not (_TITLE_STATE.match(text, found.start()) or reported_as(text, found))
        ),
        None,
    )
    if verb is None or verb.start() - at > 150:
        # `"...," an angry Hollande retaliated.`: any past-tense verb right after a speaker
        # (not after a quote that ended its sentence: `"... indeed." Dalton resigned in 1947`,
        # nor after words in running text: `to study "space weather" Mr Vik needed ...`).
        past = not ended and not inner_end.isalpha()
        verb = _PAST_VERB.search(text, at, min(end, at + 150)) if past else None
        if verb is None:
            return None
    phrase = _NICKNAME.sub(" ", strip_adverbs(text[at : verb.start()]))
    if not phrase.strip() or any(ch in phrase for ch in '"\u201c\u201d'):
        return None
    if _SUBORDINATE.match(phrase):
        # `"further measures" if North Korea conducted ...`: another clause's subject; but
        # `"...," if nothing changes, said Ada Vik` (or `..., she said`) only interrupts.
        head, comma, subject = phrase.rpartition(",")
        if not comma or inner_end != "," or "," in head or not _INTERRUPTING.match(head):
            return None
        if subject.strip():
            phrase = subject
        else:
            named = parse_source(cut_phrase(text[verb.end() : end]))
            if named is None or named.kind != "person":
                return None
            return Attribution(named, verb.end(), end, AFTER_VERB, verb.group())
    if inner_end not in (",", ".", "!", "?") and verb.group().endswith("ing"):
        # `as "unhinged" a Donald Trump tweet attacking ...`: words in running text.
        return None
    if _NOT_ADJACENT.search(phrase):
        # `"robust steps" in response, and he urged ...`: a new clause, not an attribution.
        return None
    if ended and phrase.lstrip()[:1].isupper():
        tail = text[verb.end() : end]
        # `"...done." He said the plan ...` starts a new sentence, and `"...done." She added,
        # "..."` introduces the next quote: neither attributes the quote before.
        if not (ADJUNCT_START.match(tail) or _ADDRESSEE_ONLY.fullmatch(text, verb.start(), end)):
            return None
        if end == limit and tail.strip() in (",", ":", ""):
            return None
        if _VERB_IN_PHRASE.search(phrase):
            # `"... in January." The manager refused to comment on ...`: a sentence with a
            # verb of its own before the cue word, not an attribution.
            return None
    if (
        inner_end.isalpha()
        and "," not in text[pos:at]
        and phrase.lstrip()[:1].islower()
        and phrase.split(maxsplit=1)[0] not in SUBJECT_OPENERS
    ):
        # `with "medium" budgets of up to ... are expected`: quoted words inside a noun
        # phrase, whose noun is no speaker.
        return None
    if inner_end.isalpha() and phrase.count(",") == 1:
        # `"in honour of" Petra Lind, Okafor wrote`: quoted words run on into their own
        # sentence, whose object the name after them is, not its speaker: the statement that
        # ends with the attribution is reported speech, read by ``reported``.
        return None
    source = parse_source(phrase)
    if source is None and inner_end == ",":
        # `"...," Hana Voss of the Coastal Institute at Lund wrote`: a name and affiliation.
        source = affiliated_person(phrase)
    if source is None:
        return None
    return Attribution(source, at, end, AFTER_VERB, verb.group())


def before_quote(
    text: str,
    lo: int,
    pos: int,
    spans: Sequence[QuotedSpan],
    known: Known,
    switches: Switches = ALL_ON,
) -> Attribution | None:
    """Read an attribution that introduces a quote: ``Wang said: "``, ``Carl Bialik: "``.

    Args:
        text: The paragraph.
        lo: Start of the sentence (or of the text after the previous quote in it).
        pos: Offset of the opening mark.
        spans: The paragraph's quoted spans.
        known: Whether a one-word name belongs to someone already introduced.
        switches: The rules that run.
    """
    segment = text[lo:pos]
    stripped = segment.rstrip(" \u00a0\t")
    if not stripped:
        return None
    said_first = _SAID_FIRST.match(segment) if switches.on(BEFORE_VERB) else None
    if said_first and stripped.endswith((",", ":")):
        source = parse_source(segment[said_first.end() :])
        if source is not None:
            said = said_first.group().strip()
            return Attribution(source, lo + said_first.end(), pos, BEFORE_VERB, said)
    last = _last_match(ATTRIBUTION_VERB, segment)
    if stripped.endswith(":") and (last is None or not _tail_ok(segment[last.end() :])):
        return _colon_source(text, lo, lo + len(stripped) - 1, switches)
    if last is None:
        according = _ACCORDING.search(segment) if switches.on(BEFORE_ACCORDING) else None
        if according and stripped.endswith(","):
            source = parse_source(segment[according.end() :])
            if source is not None:
                cue = " ".join(according.group().split())
                return Attribution(source, lo + according.end(), pos, BEFORE_ACCORDING, cue)
        return None
    if not _tail_ok(segment[last.end() :]) or last.group() in NAMING_VERBS:
        return None
    if not stripped.endswith((":", ",")) and segment[last.end() :].strip():
        return None
    head = strip_adverbs(segment[: last.start()])
    saying = last.group() in PARTICIPLES and head.rstrip().endswith(",")
    rule = BEFORE_SAYING if saying else BEFORE_VERB
    if not switches.on(rule):
        return None
    if saying:
        # "Trump attacked Clinton ..., saying, "...": the speaker is the subject of the verb
        # before (``Spicer said, adding, "..."``) or else of the clause.
        earlier = _last_match(ATTRIBUTION_VERB, head)
        found = None
        if earlier is not None:
            cut = head.rfind(",", 0, earlier.start()) + 1
            found = subject_before(text, lo + cut, lo + len(strip_adverbs(head[: earlier.start()])))
        if found is None:
            found = clause_subject(text, lo, lo + len(head), spans, known)
    else:
        found = None
        if (
            head.rstrip().endswith((" and", " but"))
            and stripped.endswith((":", ","))  # (not 'and called it "..." ...': a fragment)
            and switches.on(BEFORE_AND_VERB)
        ):
            # 'Ada Vik thanked the architect, Jon Sand, and added: "..."': the second verb of
            # the clause's subject, whoever else the clause names.
            found = and_verb_subject(text, lo, lo + len(head), spans, known)
            rule = BEFORE_AND_VERB if found is not None else rule
        if found is None and last.group() in PARTICIPLES and switches.on(HEARD_SAYING):
            # 'The ad shows footage of Ada Vik asking: "..."': no comma before the participle,
            # so it belongs to the person named right before it, not to the clause.
            found = heard_subject(text, lo, lo + len(head.rstrip()))
            rule = HEARD_SAYING if found is not None else rule
        if found is None:
            found = subject_before(text, lo, lo + len(head))
    if found is None:
        # "Sanders made the following comment:": whoever the clause names introduces it.
        if stripped.endswith(":"):
            return _colon_source(text, lo, lo + len(stripped) - 1, switches)
        return None
    return Attribution(found[0], found[1], pos, rule, last.group())


def _last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The last match of ``pattern`` in ``text``."""
    found = None
    for found in pattern.finditer(text):  # noqa: B007 - only the last one is wanted
        continue
    return found


def _tail_ok(tail: str) -> bool:
    """Whether what follows the verb is only an addressee or an adjunct (``told reporters:``)."""
    words = tail.split()
    if len(words) > 8:
        return False
    if words and words[-1].strip(",:").lower() == "that":
        return False
    return not any(word.strip(",:").lower() in CLAUSE_AFTER_VERB for word in words)


# A clause of a pronoun and one verb ending before a colon: ", she demurred", "He added".
_PRONOUN_VERB_END = re.compile(
    r"(?:^|[,;\u2014]\s*|[.!?]\s+)(?P<pronoun>[Hh]e|[Ss]he|[Tt]hey)\s+(?:[a-z]+ly\s+)?"
    r"[a-z]{3,}(?:ed|s)\s*$"
)


def _colon_source(text: str, lo: int, colon: int, switches: Switches) -> Attribution | None:
    """The source named before a colon that introduces a quote (``Carl Bialik: "...``)."""
    if not switches.on(BEFORE_COLON):
        return None
    segment = text[lo:colon]
    according = _ACCORDING.match(segment.lstrip())
    if according:
        head = segment.lstrip()[according.end() :].split(",")[0]
        source = parse_source(head)
        if source is not None:
            return Attribution(source, lo, colon, BEFORE_COLON, ":")
    source = parse_source(segment)
    if source is not None:
        return Attribution(source, lo, colon, BEFORE_COLON, ":")
    pronoun = _PRONOUN_VERB_END.search(segment)
    if pronoun is not None:
        # "Asked which ward she liked best, she demurred:": the pronoun right before its verb.
        said = parse_source(pronoun.group("pronoun"))
        if said is not None:
            return Attribution(said, lo + pronoun.start("pronoun"), colon, BEFORE_COLON, ":")
    if len(segment.split()) > 4:
        # "The Tories have promised a limit with the slogan:": the clause's subject.
        subject = clause_subject(text, lo, colon, (), lambda _name: False)
        if subject is not None and subject[0].kind != "pronoun":
            return Attribution(subject[0], subject[1], colon, BEFORE_COLON, ":")
    best = _last_match(NAME_RUN, segment)
    if best is None:
        return None
    before = segment[: best.start()]
    found = person_or_org(best.group(), "the " if before.lower().endswith("the ") else "")
    if found is None:
        return None
    return Attribution(found, lo + best.start(), colon, BEFORE_COLON, ":")
