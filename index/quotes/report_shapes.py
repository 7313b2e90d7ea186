"""The shapes of reported speech: ``X said (that) ...``, ``..., X said.``, ``according to X``."""

from __future__ import annotations

import re
from typing import NamedTuple

from index.quotes.attribution import clause_end
from index.quotes.gaps import no_statement
from index.quotes.lexicon.people import COURTESY_TITLES
from index.quotes.names import Source, split_title
from index.quotes.own_report import opens_own_report
from index.quotes.roles import is_role_appositive
from index.quotes.sentences import is_headline
from index.quotes.speakers import parse_source
from index.quotes.statements import content_end, content_start, skip_addressee, skip_adjuncts, trim
from index.quotes.time_clauses import time_clause_only

SAID_THAT = "report-said-that"
THEN_SAID = "report-then-said"
THEN_SAID_NAME = "report-then-said-name"
ACCORDING_TO_RULE = "report-according-to"
PASSIVE = "report-passive"
ASIDE = "report-aside"


# (a named tuple rather than a frozen dataclass: as immutable, and cheaper to build, which
# the extractor does many times per paragraph)
class Report(NamedTuple):
    """A reported statement in one paragraph.

    Attributes:
        start: Paragraph offset of the statement.
        end: Paragraph offset just past it.
        source: Who reports it.
        position: Paragraph offset of the speaker phrase (pronouns resolve from here).
        rule: The rule that found it (``report-said-that`` ...).
        cue: The attributing word(s) as written (``said``, ``according to``).
    """

    start: int
    end: int
    source: Source
    position: int
    rule: str
    cue: str


_TOKEN = re.compile(r"\S+")


def noun_before(text: str, lo: int, hi: int) -> tuple[Source, int] | None:
    """The group or person named by the last two to four words before ``hi``."""
    words = list(_TOKEN.finditer(text[lo:hi]))
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
    comma = CLAUSE_COMMA.search(text, start, end)
    return comma.start() if comma else end


def close_relative(text: str, report: Report) -> Report:
    """End a statement made in a relative clause set off by commas at its closing comma."""
    end = _comma_end(text, report.start, report.end)
    if end == report.end:
        return report
    return report._replace(end=end)


CLAUSE_COMMA = re.compile(r",(?!\d)")


# The verb of the sentence after a relative clause set off by commas: "Vik, who said A, told
# reporters B", "most of whom said A, left".
_MAIN_VERB = re.compile(
    r",\s+(?:also\s+|later\s+|then\s+)?(?:[a-z]{2,}ed|said|says|told|tells|wrote|writes|adds|"
    r"is|are|was|were|has|have|had|will|would|can|could|may|might|must|won|took|made|gave|"
    r"went|came|left|spoke|became|remains|argues|notes|insists|warns|thinks|believes)\s"
)


def close_at_main_verb(text: str, report: Report) -> Report:
    """End a statement made in a relative clause where the sentence's own verb comes back."""
    verb = _MAIN_VERB.search(text, report.start, report.end)
    return report if verb is None else report._replace(end=verb.start())


_JOINER = re.compile(r"[\s,;]*(?:\b(?:and|but|while|whereas|though|although|which|whom)\b)?[\s,]*$")


# A speaker inside a clause of the statement (after "that", "if", "when" ...): the later report
# is part of this one, which goes on past it.
_NESTED = re.compile(
    r"\s(?:that|if|whether|when|after|before|because|since|until|unless|once|who)\s+$"
)


_ASIDE_DASH = re.compile(r"\s(?:[\u2015\u2014\u2013]|--?)\s")


def _in_dash_aside(text: str, start: int, pos: int, end: int) -> bool:
    """Whether ``pos`` sits between two dashes inside ``text[start:end]``."""
    before = len(_ASIDE_DASH.findall(text, start, pos))
    return before % 2 == 1 and _ASIDE_DASH.search(text, pos, end) is not None


def cut_overlaps(text: str, reports: list[Report], own: bool = True) -> list[Report]:
    """End a statement where another one's speaker begins (``A said X, but B said Y``).

    With ``own``, a statement that started after the one whose speaker it reaches ends there
    too: it never swallows that attribution (``will admit 20 firms, organizers said``).
    """
    cut: list[Report] = []
    for number, report in enumerate(reports):
        end = report.end
        others = reports[number + 1 :]
        if own and number:
            others = [other for other in reports[:number] if other.start < report.start] + others
        for later in others:
            if report.start < later.position < end:
                if _in_dash_aside(text, report.start, later.position, end):
                    continue  # "that Trump -- even as he says ... -- has proposed little"
                if _NESTED.search(text, report.start, later.position):
                    continue  # "said the pier shut after the mayor said it was unsafe"
                joiner = _JOINER.search(text, report.start, later.position)
                end = joiner.start() if joiner else later.position
        start, end = trim(text, report.start, end)
        if len(text[start:end].split()) >= 2:
            same = start == report.start and end == report.end
            cut.append(report if same else report._replace(start=start, end=end))
    return cut


def passive_agent(
    text: str, verb_start: int, verb_end: int, hi: int, opening: bool = False
) -> Report | None:
    """``was asked by X whether ...``: the agent is the speaker.

    With ``opening`` (``Asked by X whether ..., she said``) the question closes at its comma.
    """
    agent = BY_AGENT.match(text, verb_end, hi)
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
    cue = text[verb_start:verb_end]
    return Report(start, end, source, agent.start(1), PASSIVE, f"{cue} by")


def said_that(
    text: str, hi: int, verb_end: int, verb: str, subject: tuple[Source, int], rule: str
) -> list[Report]:
    """``X said (that) CONTENT``, found by ``rule``."""
    if verb.startswith("ask") and _ASKED_TO.match(text, verb_end, hi):
        # "asked the council to act": a request; who is asked is part of it.
        start = verb_end
    else:
        start = content_start(text, verb, verb_end, hi)
    start, end = trim(text, start, max(content_end(text, start, hi), start))
    if time_clause_only(text, start, end):
        return []  # "said in August after the firm announced cuts": when, not what
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
    if _NOT_CONTENT.match(text, start) or (
        (verb.startswith(("repl", "argu")) and _WITH.match(text, start))
        or (verb.startswith("add") and _ADD_TO.match(text, start))
    ):
        # "said of the plan", "called out his rival", "said in front of a crowd",
        # "said, referring to ...", "replied with a late goal", "argued with the mayor": what
        # follows is no statement.
        return []
    if no_statement(text, start, end, verb, subject[1]):
        return []  # "noted as late", "writing a book"
    cue = text[verb_end - len(verb) : verb_end]
    return [Report(start, end, subject[0], subject[1], rule, cue)]


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


def said_that_or_then_said(
    text: str,
    lo: int,
    hi: int,
    verb_end: int,
    verb: str,
    subject: tuple[Source, int],
    on_then_said: bool = True,
    aside: bool = False,
) -> list[Report]:
    """``X said (that) CONTENT`` or ``CONTENT, X said[, CONTENT]`` (if ``on_then_said``).

    With ``aside`` the attribution interrupts one statement (``The pier, Vik said, is safe``)
    whose pieces may be short.
    """
    source, position = subject
    prefix = text[lo:position].rstrip()
    rest = skip_adjuncts(text, skip_addressee(text, verb, verb_end, hi), hi)
    tail = text[rest:hi].strip(" \u00a0.!?\"'\u201d")
    ends_here = _ends_here(tail, verb)
    split = tail.startswith(",") and tail[1:].lstrip()[:1].isalpha()
    if not split and _OPENING_PHRASE.fullmatch(prefix):
        # "During his years in office, Obama said ...": an opening phrase, not a statement
        # (but "In recent days, aides say, the president ..." is one, split by its speaker).
        return said_that(text, hi, verb_end, verb, subject, SAID_THAT)
    if (
        prefix.endswith(",")
        and not text.startswith(
            ("which ", "what "), position
        )  # (a relative: "..., which X called")
        and len(prefix.split()) >= (2 if aside else 3)
        and ends_here
        and not _OPEN_CLAUSE_END.search(prefix)
        and not _QUOTE_AFTER.match(tail)
        # ('... Muslim families," ... he delivered a mix, X wrote': the sentence is the
        # tail of a quote, not a statement of its own)
        and prefix.lstrip()[:1] not in "\u201d\u2019"
    ):
        # The statement came first: "CONTENT, X said." (and maybe ", CONTENT2.").
        if not on_then_said:
            return []
        reports = []
        lead = _LEADING_CONJUNCTION.match(text, lo, position)
        start, end = trim(text, lead.end() if lead else lo, lo + len(prefix))
        cue = text[verb_end - len(verb) : verb_end]
        rule = ASIDE if aside else THEN_SAID
        if not opens_own_report(text, start, end):  # ("SAIC says X, the FT reports": SAIC's)
            reports.append(Report(start, end, source, position, rule, cue))
        if tail.startswith(",") and ";" not in tail[:2] and (aside or len(tail.split()) >= 4):
            start2, end2 = trim(text, rest, hi)
            if not _PARTICIPLE_START.match(text, start2):
                reports.append(Report(start2, end2, source, position, rule, cue))
        return reports
    return said_that(text, hi, verb_end, verb, subject, SAID_THAT)


def _ends_here(tail: str, verb: str) -> bool:
    """Whether the attribution's clause ends before ``tail`` (what follows verb and adjuncts)."""
    return (
        not tail
        or tail.startswith((",", ";"))
        or bool(_CLOSING_ADJUNCT.fullmatch(tail) or _WHEN_CLAUSE.match(tail))
    ) and not (verb.startswith("call") and tail.startswith(("on ", "upon ", "for ")))


def ends_after(text: str, verb: str, verb_end: int, hi: int) -> bool:
    """Whether the sentence ends after the verb, its addressee and adjuncts (``..., X said.``)."""
    rest = skip_adjuncts(text, skip_addressee(text, verb, verb_end, hi), hi)
    tail = text[rest:hi].strip(" \u00a0.!?\"'\u201d")
    return not tail or (_ends_here(tail, verb) and not tail.startswith(","))


# 'Six months ago, she said, "...": the words before the speaker open the sentence that
# introduces a quote; they are no statement of their own.
_QUOTE_AFTER = re.compile("[,:]\\s*[\"\u201c\u2018']")


# "it is the minister who, he claims, is ...": an aside inside a clause left open (by a relative
# pronoun or a conjunction); the words before it are no statement of their own.
_OPEN_CLAUSE_END = re.compile(
    r"\b(?:who|whom|whose|which|that|where|and|but|or|because|if|whether)\s*,$", re.I
)


# "..., he told the court in his filing.": where or how it was said closes the sentence.
_CLOSING_ADJUNCT = re.compile(
    r"(?:in|on|at|during|after|before|via|through|from|over)\s+(?:[\w'\u2019\-]+\s+){0,5}"
    r"[\w'\u2019\-]+"
)


_ONLY_ADJUNCT = re.compile(r"(?:in|on|at|during|after|before|via|through|over|amid)\s")


_THAT_WORD_RE = re.compile(r"\bthat\b")


_WITH = re.compile(r"with\b")


# "adding to his lead", "added to the confusion": a sum, not speech.
_ADD_TO = re.compile(r"to\s+(?!(?:that|what)\b)(?:the|a|an|his|her|their|its|our|this|[A-Z])")


_ASKED_TO = re.compile(r"(?:\s+[\w'\u2019\-]+){0,5}?\s+to\s+[a-z]")


# "But the plan is tilted to the rich, the group said": the statement starts after "But".
_LEADING_CONJUNCTION = re.compile(
    r"\s*(?:But|And|Yet|So)\b,?\s+|"
    # a dateline: "WASHINGTON \u2015 ", "NEW YORK (AP) -- "
    r"\s*[A-Z]{2,}(?:[ .][A-Z]{2,}\.?)*(?:,\s+[A-Z][\w.]+)?\s*(?:\([\w ]+\)\s*)?"
    r"(?:[\u2015\u2014\u2013]|--?)\s*"
)


# (``+`` after a repeat: what must follow is not in its class, so giving back never helps)
_OPENING_PHRASE = re.compile(
    r"[\"'\u201c]?(?:(?:but|and|yet|so)\s+)?(?:in|on|at|during|after|before|since|for|as|with|"
    r"without|from|under|over|like|unlike|by|amid|despite|following|among|asked|speaking|when|"
    r"while|until|throughout|within)\b[^,\"\u201c\u201d]{0,80}+,",
    re.I,
)


# "..., he said as he left the stage.": when it was said.
_WHEN_CLAUSE = re.compile(r"(?:as|when|while|after|before|during|upon)\s+\w")


_NOT_CONTENT = re.compile(
    r"(?:of|out|up|off|into|in\s+to|in\s+front\s+of|in\s+a\s+(?:note|post|memo)|referring|pointing|"
    r"citing|adding|noting|speaking|addressing|standing|sitting|appearing|asked)\b"
    # "X reported from Kaneohe Bay": where a reporter filed from, not what they reported.
    r"|from\s+(?=[A-Z])"
    # "the loss reported by customers was ...", "the figure announced by the minister is ...":
    # a participle before its agent; no statement.
    r"|by\s+(?!the\s+time\b|\d)"
)


BY_AGENT = re.compile(
    r"\s+by\s+([^,;.]{2,80}?)(?=\s+(?:whether|if|about|to|what|why|how|that)\b|,)"
)


# (", she said, although she would not say when": the reporter's words after the speaker)
_PARTICIPLE_START = re.compile(
    r"(?:adding|saying|noting|who|which|telling|explaining|although|though)\b", re.I
)


# "... his support for the governor on Thursday night": when it was said, not what.
def then_said_name(text: str, lo: int, hi: int, verb_start: int, verb_end: int) -> list[Report]:
    """``CONTENT, said X.``"""
    prefix = text[lo:verb_start].rstrip()
    if not prefix.endswith(",") or len(prefix.split()) < 3:
        return []
    end = clause_end(text, verb_end, hi)
    source = parse_source(text[verb_end:end])
    if source is None:
        return []
    start, stop = trim(text, lo, lo + len(prefix))
    return [Report(start, stop, source, verb_end, THEN_SAID_NAME, text[verb_start:verb_end])]


# A role set off after a name, with no determiner: ", Nordland police chief".
_BARE_ROLE_AFTER_NAME = re.compile(r"[A-Za-z.'\u2019],\s+([A-Z][^,;:]{2,60})$")


def role_at_work(head: str) -> bool:
    """Whether the words before a participle end on a role set off after a name (``said Ada
    Vik, Nordland police chief announcing the closure``): what the person did then, no
    report of speech."""
    found = _BARE_ROLE_AFTER_NAME.search(head)
    return found is not None and is_role_appositive(found.group(1))
