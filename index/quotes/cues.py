"""Verbs and phrases that introduce speech (``said``, ``told reporters``, ``according to``)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from index.quotes.lexicon.grammar import (
    LY_NOT_ADVERBS,
    NOT_BEFORE_VERB,
    SPEAKER_ADVERBS,
    TIME_LEADS,
    TIME_UNITS,
    TO_VERB_OK_AFTER,
    WEEKDAYS,
)
from index.quotes.lexicon.speech import (
    ATTRIBUTION_ONLY_VERBS,
    NOUN_CUE_MODIFIERS,
    NOUN_CUES,
    REPORTING_VERBS,
)


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` shaped as a trie.

    Python's ``re`` tries the branches of a flat alternation one by one at every position;
    sharing prefixes lets it reject most positions on the first character.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


def by_last_letter(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """``words`` grouped by their last character, for ``text.endswith(group[text[-1:]])``.

    ``str.endswith`` tries a tuple's words one by one; looking up the few that end in the
    text's last character first answers the same in one step.
    """
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[-1:], []).append(word)
    return {last: tuple(group) for last, group in groups.items()}


def _trie_regex(node: dict[str, Any]) -> str:
    ends = "" in node
    branches = [
        re.escape(char) + _trie_regex(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body


_REPORTING_ALT = trie_pattern(set(REPORTING_VERBS))
_ATTRIBUTION_ALT = trie_pattern(set(REPORTING_VERBS) | set(ATTRIBUTION_ONLY_VERBS))

ADVERB = (
    r"(?:also|later|then|again|previously|recently|once|repeatedly|often|simply|flatly|now|"
    r"still|have\s+not|had\s+not|haven't|haven’t|hadn't|hadn’t|never|"
    r"bluntly|quickly|publicly|privately|separately|earlier|further|only|even|just|"
    r"frequently|has|have|had|would|will|has\s+also|had\s+also|has\s+long|did|does|"
    r"could|may|might|can|cannot|can't|can’t|wouldn't|wouldn’t|didn't|didn’t|"
    r"would\s+not|did\s+not|does\s+not|doesn't|doesn’t|has\s+not|hasn't|hasn’t|"
    r"reportedly|angrily|firmly|confidently|jokingly|tearfully|proudly|quietly|"
    r"openly|explicitly|specifically|directly|famously|memorably|"
    r"went\s+on\s+to|continued\s+to|was\s+quoted\s+as|is\s+quoted\s+as|"
    r"(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|yesterday|today|"
    r"tonight|last\s+(?:week|month|year|night)|this\s+(?:week|month|year|morning)|"
    r"(?:on|in)\s+\w+\s+(?:also\s+)?)"
)

"""Adverbs and auxiliaries allowed between a speaker and the verb (``also said``)."""

_PHRASAL_AUXILIARIES = (" went on to", " goes on to", " continued to", " continues to")
_QUOTED_AS = (" was quoted as", " is quoted as")
_AUXILIARY_SUFFIXES = _PHRASAL_AUXILIARIES + _QUOTED_AS


def _before_spaces(text: str, end: int) -> int:
    """``len(text[:end].rstrip())``, without copying the text."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


@lru_cache(maxsize=4096)  # pure; the same clause heads recur
def strip_adverbs(text: str) -> str:
    """``text`` without the adverbs and auxiliaries it ends with (``Smith also``)."""
    full = _before_spaces(text, len(text))
    end = full
    while end > 0:
        space = text.rfind(" ", 0, end)
        # (a no-break space counts only after the last space: most texts hold none)
        start = max(space, text.rfind("\u00a0", space + 1, end)) + 1
        word = text[start:end]
        lowered = word.lower()
        if lowered in SPEAKER_ADVERBS or (
            word.islower() and len(word) > 4 and word.endswith("ly") and word not in LY_NOT_ADVERBS
        ):
            end = _before_spaces(text, start)
            lead = text[max(0, end - 6) : end].lower()
            if lowered in WEEKDAYS and lead.endswith((" on", " late", " early")):
                end = _before_spaces(text, text.rfind(" ", 0, end))
            continue
        if lowered in TIME_UNITS:
            previous = _before_spaces(text, start)
            lead_start = text.rfind(" ", 0, previous) + 1
            if text[lead_start:previous].lower() in TIME_LEADS:
                end = _before_spaces(text, lead_start)
                continue
        if not text.endswith(_AUXILIARY_SUFFIXES, 0, end):
            break  # (the common case, told without copying the head)
        for suffix in _AUXILIARY_SUFFIXES:
            if text.endswith(suffix, 0, end):
                end -= len(suffix)
                break
    return text[:end] if end < full else text


# The verb scans run over every paragraph, so they are compiled with re.ASCII, which makes
# them about a third faster. The verbs are ASCII; the only difference is that a letter such
# as "é" no longer counts as part of a word at a cue's edge ("résaid" would match "said").
REPORTING_VERB = re.compile(rf"\b(?:{_REPORTING_ALT})\b", re.ASCII)
"""Any reporting verb, lower case, as a word."""

REPORTING_VERB_ANY_CASE = re.compile(rf"\b(?:{_REPORTING_ALT})\b", re.I | re.ASCII)
"""Any reporting verb in any case (for headlines)."""

ATTRIBUTION_VERB = re.compile(rf"\b(?:{_ATTRIBUTION_ALT})\b", re.ASCII)
"""Any verb that may attribute a direct quote."""

ATTRIBUTION_VERB_SET = frozenset(REPORTING_VERBS) | frozenset(ATTRIBUTION_ONLY_VERBS)
REPORTING_VERB_SET = frozenset(REPORTING_VERBS)


ACCORDING_TO = re.compile(r"\b[Aa]ccording\s+to\b")

_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
ADJUNCT_START = re.compile(
    rf"^\s*(?:[,;:.!?]|$|(?:in|on|at|during|of|to|after|before|with|while|when|as|via|from|"
    rf"last|this|earlier|later|late|early|{_WEEKDAY}|yesterday|today|tonight|reporters|"
    rf"him|her|them|me|us|adding|noting|explaining|referring|according)\b)",
    re.I,
)
"""What may follow an attribution verb when the clause carries no statement of its own."""


# What one claims by winning it: "claimed the title", "claimed a third straight win".
_CLAIMED_PRIZE = re.compile(
    r"\s+(?:(?:the|a|an|his|her|their|its|a\s+record)\s+(?:[\w'\u2019-]+\s+){0,3}?(?:awards?|titles?|"
    r"prizes?|trophy|victory|win|draw|double|treble|hat-trick|lead|place|spot|seat|medals?|crown|"
    r"scalp|points?|wickets?|goals?|lives|life|responsibility|ownership)|"
    # "claiming away draws", "claimed home wins": results, with no article
    r"(?:away|home|two|three|back-to-back)\s+(?:wins|draws|victories|points))\b"
)
# A figure a firm reports or claims, not a statement: "reported a loss of $38m", "reported a
# 60% rise in profit", "is claiming $20bn in damages" (but "claimed sales were up" is one).
_REPORTED_FIGURE = re.compile(
    r"\s+(?!that\b)(?:(?:a|an|its|their|the|record)\s+)?(?:[\w%.,-]+\s+){0,2}?"
    r"(?:loss(?:es)?|profits?|rise|fall|drop|increase|decline|jump|surge|slump|gains?|sales|"
    r"revenues?|earnings|income|turnover|deficit|surplus)\b"
    r"(?!\s+(?:was|were|is|are|had|has|would|will|could|rose|fell)\b)"
    r"|\s+(?:(?:more\s+than|about|nearly|almost|over|between|some|up\s+to)\s+)?[$\u00a3\u20ac]\d"
)
# What a player adds to the score: "added four conversions", "added a late penalty".
_ADDED_SCORE = re.compile(
    r"\s+(?:a|an|another|his|her|their|the|\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
    r"\s+(?:[\w'\u2019-]+\s+){0,2}?(?:goals?|tries|try|conversions?|penalt(?:y|ies)|points?|"
    r"runs?|wickets?|drop[- ]goals?|birdies?|baskets?|touchdowns?|frames?|sets?|laps?)\b"
)
# "a" and up to three words before a singular cue word, none plural or joining: "a Dutch
# government report" is a noun ("a few analysts claim", "a number of them report" are not).
_ARTICLE_BEFORE = re.compile(r"\b[Aa]n?\s+(?:(?!of\b|and\b|or\b)[\w\u2019'-]*[^\Ws]\s+){0,3}$")
# What one adds to something, or asks someone for: "add a label to its brands", "asked
# Congress for more funds" (a request for a thing, not a report of one).
_ADDED_TO = re.compile(
    r"\s+(?:a|an|another|new|more|extra)\s+(?:[\w'\u2019-]+\s+){0,4}?(?:to|into|onto)\b"
)
_ADMITTED_CHARGE = re.compile(
    r"\s+(?:[\w'\u2019-]+\s+){0,3}?(?:charges?|counts?|offences?|offenses?|guilt|liability|"
    r"defeat|manslaughter|murder|theft|fraud|assault)\b(?!\s+(?:was|were|is|are|had|has)\b)"
)
_TOLD_STORY = re.compile(
    r"\s+(?:the|a|an|his|her|their|its)\s+(?:\w+\s+)?(?:story|tale|history)\s+of\b"
)
_PLURAL_VERB_NEXT = re.compile(r"\s+(?:say|claim|suggest|indicate|show|allege|state)\b")
_ASKED_FOR = re.compile(
    r"\s+(?:(?!whether\b|if\b|what\b|how\b|why\b|when\b|who\b|that\b|to\b)[\w'\u2019-]+\s+){1,4}?"
    r"for\s+(?!\w+\s+to\b)"
)
_AS_SAYING = re.compile(r"\s+(?:[\w'\u2019.-]+\s+){1,8}?as\s+saying\b")
_PAST_VERB = re.compile(r"[a-z]{2,}ed")
_PARTICIPLE_NEXT = re.compile(r"\s+(?:saying|stating|claiming|warning|asking|calling)\b")


def reported_as(text: str, cue: re.Match[str]) -> bool:
    """Whether a cue is "report(ed)" of another "as saying" (``Reuters reported BaFin as
    saying``): the one reported speaks, and "saying" is the cue."""
    return cue.group().lower().startswith("report") and bool(_AS_SAYING.match(text, cue.end()))


def is_noun_or_infinitive(text: str, cue: re.Match[str]) -> bool:
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
    if (
        len(before) > 1
        and before[-2].endswith(("'s", "\u2019s"))
        and ("-" in previous or previous in NOUN_CUE_MODIFIERS)
        and cue.group().lower() in NOUN_CUES
    ):
        return True  # "the government's pre-Budget report", "the bank's annual report"
    word = cue.group().lower()
    if word.startswith("claim") and _CLAIMED_PRIZE.match(text, cue.end()):
        return True  # "claimed the coaching award": won it, said nothing
    if word.startswith(("report", "claim")) and _REPORTED_FIGURE.match(text, cue.end()):
        return True  # "reported a loss of $38m": a result, not speech
    if word.startswith("add") and _ADDED_SCORE.match(text, cue.end()):
        return True  # "added four conversions", "added a second goal": scored
    if word.startswith("admit") and _ADMITTED_CHARGE.match(text, cue.end()):
        return True  # "admitted two charges of improper conduct": a plea
    if word.startswith("add") and _ADDED_TO.match(text, cue.end()):
        return True  # "will add a label to its brands": put it there
    if word.startswith("tell") and _TOLD_STORY.match(text, cue.end()):
        return True  # "tells the story of Torak": a book's plot, nothing said
    if reported_as(text, cue):
        return True  # "Reuters reported BaFin as saying": the one quoted speaks, at "saying"
    if word.startswith("ask") and _ASKED_FOR.match(text, cue.end()):
        return True  # "asked Congress for more funds": a request for a thing
    if (
        word in NOUN_CUES
        and not word.endswith("s")
        and _ARTICLE_BEFORE.search(text, max(0, cue.start() - 80), cue.start())
    ):
        return True  # "a government report that showed", "A US report issued": a noun
    if "-" in previous and before[-1][:1].islower() and cue.group().lower() in NOUN_CUES:
        return True  # "unguarded, off-air comments", "the pre-Budget report"
    if previous == "to":
        return len(before) < 2 or before[-2].lower() not in TO_VERB_OK_AFTER
    if word in NOUN_CUES and word.endswith("s") and _PLURAL_VERB_NEXT.match(text, cue.end()):
        return True  # "Some reports claim ...": the reports are the subject
    if word in NOUN_CUES and word.endswith("s") and _PAST_VERB.fullmatch(previous):
        return True  # "denied reports that", "joined calls for": the object of a verb
    if cue.group() in NOUN_CUES and _noun_next(text, cue):
        return True  # "the survey report found ...", "free phone calls to ...", "a claim for ..."
    return cue.group().lower() in ("state", "states") and not previous[:1].isupper()


# What follows a cue word that is a noun: a verb of its own ("the survey report found",
# "voice calls have fallen") or a preposition ("a report from the agency", "phone calls to
# friends", "call centres"). "calls for a ban" and "claims to be" are verbs.
_NOUN_NEXT = re.compile(
    r"\s+(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|does|"
    r"did|says|said|suggests|suggested|found|finds|shows|showed|concluded|concludes|looked|"
    r"looks|took|takes|tries|tried|points|estimates|estimated|reveals|revealed|came|comes|"
    r"from|by|against|into|of|at|centres?|centers?)\b"
)
_NOUN_NEXT_NOT_CALL = re.compile(r"\s+(?:for|on)\b")
_NOUN_NEXT_CALL = re.compile(r"\s+to\b")
# "which the union claims was sold", "a show they claim is ...": the subject of a relative
# clause before the verb, whose own object is left out.
_RELATIVE_BEFORE = re.compile(
    r"(?:\b(?:which|who|whom)\s+(?:[\w'\u2019-]+\s+){1,3}|"
    r"\b(?:he|she|they|we|I|you)\s+)$"
)


_PROGRESSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|been|be)\s+$")


def _noun_next(text: str, cue: re.Match[str]) -> bool:
    """Whether the word after a cue shows the cue is a noun (``the report found``)."""
    call = cue.group().startswith("call")
    after = _NOUN_NEXT.match(text, cue.end()) or (
        (_NOUN_NEXT_CALL if call else _NOUN_NEXT_NOT_CALL).match(text, cue.end())
    )
    if not after or _PROGRESSIVE_BEFORE.search(text, max(0, cue.start() - 12), cue.start()):
        return False  # ("are warning against ...": a verb after its auxiliary)
    return _RELATIVE_BEFORE.search(text, max(0, cue.start() - 60), cue.start()) is None


_NAMING = re.compile(
    r"\s+(?:the\s+)?[\"\u201c]?[A-Z][\w\-.]*(?:\s+(?:[A-Z][\w\-.]*|of|and|the|in|on)){0,7}"
    r"[\"\u201d]?(?:,\s+[a-z]|(?<=[a-z0-9]{3})\.(?:\s|$))"
)  # ("The program, called EB-5, ...", "a drama, called The Rise Of Ada Vik.")
