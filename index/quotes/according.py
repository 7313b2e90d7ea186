"""``According to X, CONTENT`` and ``CONTENT, according to X``: what a source says, or shows."""

from __future__ import annotations

import re

from index.quotes.attribution import clause_end
from index.quotes.lexicon.people import PRONOUN_GENDER
from index.quotes.names import Source
from index.quotes.own_report import opens_own_report
from index.quotes.report_shapes import ACCORDING_TO_RULE, Report
from index.quotes.roles import is_role_appositive
from index.quotes.speakers import parse_source
from index.quotes.statements import content_end, trim

_CITATION_END = re.compile(r"[,;:(]|\s[-\u2013\u2014]")


_RELATIVE_TAIL = re.compile(r"\s+(?:that|which|who|whose|whom)\b.*", re.S)


_MAX_DOCUMENT_WORDS = 20


def _according_source(phrase: str) -> Source | None:
    """The source after ``according to``: a speaker, or else whatever is cited.

    ``according to`` cites polls, reports and records as often as people (``according to a
    new poll that shows ...``), so a phrase no speaker reading accepts is still its source,
    without its relative clause.
    """
    head = phrase.split(maxsplit=2)
    if head and head[0].lower() in ("the", "a", "its", "their", "his", "her"):
        head = head[1:]
    if head and head[0].lower() in _NO_SOURCE:
        return None  # ("according to the laws of physics", "according to plan": no one said)
    source = parse_source(phrase)
    if source is not None:
        return source
    cited = _RELATIVE_TAIL.sub("", _CITATION_END.split(phrase, maxsplit=1)[0])
    cited = cited.strip(" \u00a0\"'\u201c\u201d")
    words = cited.split()
    if not words or len(words) > _MAX_DOCUMENT_WORDS or not cited[:1].isalnum():
        return None
    if words[0].lower() in PRONOUN_GENDER or words[0].lower() in _NOT_CITED:
        return None  # ("rewarded according to how much they sold": a measure, no source)
    number = next((at for at, word in enumerate(words) if word[:1].isdigit() and "%" in word), 0)
    if number:
        cited = " ".join(words[:number])  # "According to Pew Research 44% of users ...": no comma
    return Source(name=cited, kind="org")


_NOT_CITED = frozenset(("how", "what", "whether", "when", "where", "why", "which", "who"))
# What one acts in keeping with, which says nothing: "according to rules devised by ...".
_NO_SOURCE = frozenset(
    ("laws", "rules", "physics", "plan", "plans", "schedule", "tradition", "custom", "legend")
)


def according_to(text: str, lo: int, hi: int, start: int, end: int) -> list[Report]:
    """``According to X, CONTENT`` and ``CONTENT, according to X[, CONTENT]``."""
    cue = " ".join(text[start:end].split())
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
        if len(text[c0:c1].split()) < 2 or opens_own_report(text, c0, c1):
            # ("According to the Times, ferry boss Ada Vik said ...": Vik's words, whom the
            # paper reports; the verb after her name reports them)
            return []
        return [Report(c0, c1, source, end, ACCORDING_TO_RULE, cue)]
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
    reports = []
    if len(text[c0:c1].split()) >= 2:
        reports.append(Report(c0, c1, source, end, ACCORDING_TO_RULE, cue))
    if rest < stop:
        r0, r1 = trim(text, rest, stop)
        if len(text[r0:r1].split()) >= 3:
            reports.append(Report(r0, r1, source, end, ACCORDING_TO_RULE, cue))
    elif reports and text[c1 : c1 + 1] == "," and (comma := text.find(",", end, hi)) != -1:
        # "Since May, according to the survey, prices have risen": the statement goes on after
        # the source set off by commas (a second piece of it), unless a new clause or the
        # source's role follows.
        following = _FOLLOWING_WORD.match(text, comma + 1, hi)
        role_end = text.find(",", comma + 1, hi)
        cited = _according_source(text[end:comma])
        if (
            cited is not None
            and following is not None
            and following.group(1).lower() not in _NOT_GOING_ON
            and not following.group(1).endswith("ing")
            and not is_role_appositive(text[comma + 1 : role_end if role_end != -1 else hi])
            and (
                following.group(1) in _VERBS_GOING_ON
                or following.group(1).endswith("ed")
                or (_OPENER.match(text, c0) is not None and len(text[c0:c1].split()) <= 8)
            )
        ):
            r0, r1 = trim(text, comma + 1, content_end(text, comma + 1, hi))
            if len(text[r0:r1].split()) >= 2:
                reports[0] = reports[0]._replace(source=cited)
                reports.append(Report(r0, r1, cited, end, ACCORDING_TO_RULE, cue))
    return reports


# What shows that the words after the source go on with the statement: its verb ("Absent
# from the talks, according to X, was any mention ..."), or an opening phrase before the
# source ("Since May, according to X, prices have risen").
_VERBS_GOING_ON = frozenset(
    {"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could",
     "should", "may", "might", "must", "remains", "remained", "does", "did"}
)  # fmt: skip
_OPENER = re.compile(
    r"(?:In|On|At|Since|Among|During|After|Before|By|For|From|Over|Under|Until|Last|This|"
    r"Next|One|Earlier|Later|Then|Now|Notably)\b"
)
_FOLLOWING_WORD = re.compile(r"\s*([\w'\u2019]+)")
_NOT_GOING_ON = frozenset(
    {"although", "though", "but", "and", "or", "which", "who", "whom", "whose", "while", "whilst",
     "whereas", "as", "even", "so", "with", "up", "down", "compared", "than", "making",
     "including", "despite", "because", "where", "when", "after", "before", "since"}
)  # fmt: skip
