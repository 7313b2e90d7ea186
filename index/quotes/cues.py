"""Verbs and phrases that introduce speech (``said``, ``told reporters``, ``according to``)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from index.quotes.lexicon import word_set

# Verbs that report speech and may carry an indirect (reported) statement. Kept to verbs of
# saying on purpose: beliefs and wishes ("thinks", "wants") are not quotes of anyone.
REPORTING_VERBS: tuple[str, ...] = (
    "say", "says", "said", "saying",
    "tell", "tells", "told", "telling",
    "add", "adds", "added", "adding",
    "note", "notes", "noted", "noting",
    "state", "states", "stated",
    "announce", "announces", "announced", "announcing",
    "explain", "explains", "explained", "explaining",
    "warn", "warns", "warned", "warning",
    "claim", "claims", "claimed", "claiming",
    "argue", "argues", "argued", "arguing",
    "insist", "insists", "insisted", "insisting",
    "write", "writes", "wrote", "writing",
    "ask", "asks", "asked", "asking",
    "reply", "replies", "replied",
    "acknowledge", "acknowledges", "acknowledged", "acknowledging",
    "admit", "admits", "admitted", "admitting",
    "report", "reports", "reported", "reporting",
    "confirm", "confirms", "confirmed", "confirming",
    "declare", "declares", "declared", "declaring",
    "remark", "remarks", "remarked",
    "comment", "comments", "commented",
    "tweet", "tweets", "tweeted", "tweeting",
    "suggest", "suggests", "suggested", "suggesting",
    "predict", "predicts", "predicted", "predicting",
    "call", "calls", "called", "calling",
    "describe", "describes", "described", "describing",
)  # fmt: skip

# Further verbs that attribute a direct quote (`"...," she recalled`) but rarely carry
# reported speech of their own.
ATTRIBUTION_ONLY_VERBS: tuple[str, ...] = (
    "continue", "continues", "continued", "recalled", "recalls", "recall", "sings", "sang",
    "joked", "jokes", "quipped", "quips", "laughed", "conceded", "concedes",
    "stressed", "stresses", "emphasized", "emphasised", "contended", "contends",
    "maintained", "maintains", "complained", "complains", "responded", "responds",
    "countered", "counters", "agreed", "agrees", "boasted", "boasts", "charged",
    "alleged", "asserted", "asserts", "vowed", "vows", "promised", "promises",
    "pledged", "urged", "urges", "testified", "posted", "shouted", "yelled", "cried",
    "sighed", "mused", "observed", "observes", "concluded", "concludes", "offered",
    "cautioned", "cautions", "lamented", "laments", "marveled", "marvelled",
    "wondered", "wonders", "demanded", "demands", "exclaimed", "whispered",
    "opined", "reasoned", "confided", "speculated", "mused", "explained",
    "told", "began", "begins", "chimed", "went", "goes", "pointed", "points",
    "wrote", "writes", "emailed", "texted", "messaged", "thundered", "scoffed",
    "snapped", "retorted", "interjected", "interrupted", "acknowledged", "read",
    "reads", "described", "describes", "called", "calls", "declared", "proclaimed",
    "recounted", "recounts", "summed", "added", "insisted", "predicted", "tweeted",
    "announced", "conceded", "replied", "replies", "answered", "answers", "asked",
    "stated", "noted", "warned", "argued", "claimed", "remarked", "commented",
    "suggested", "reported", "confirmed", "admitted",
)  # fmt: skip


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

_ADVERB_WORDS = word_set(
    """also later then again previously recently once repeatedly often simply flatly now still
    never not has have had would will did does do could may might can cannot can't can’t
    wouldn't wouldn’t didn't didn’t doesn't doesn’t hasn't hasn’t haven't haven’t hadn't
    hadn’t earlier further only even just frequently long reportedly today yesterday tonight
    already always ever
    monday tuesday wednesday thursday friday saturday sunday"""
)
_WEEKDAYS = word_set("monday tuesday wednesday thursday friday saturday sunday")
_TIME_NOUNS = word_set("week month year night morning")
_TIME_LEADS = word_set("last this on")
_NOT_ADVERBS = word_set("family ally rally assembly supply reply bully jelly belly fly")
_PHRASAL_AUXILIARIES = (" went on to", " goes on to", " continued to", " continues to")
_QUOTED_AS = (" was quoted as", " is quoted as")
_AUXILIARY_SUFFIXES = _PHRASAL_AUXILIARIES + _QUOTED_AS


@lru_cache(maxsize=4096)  # pure; the same clause heads recur
def strip_adverbs(text: str) -> str:
    """``text`` without the adverbs and auxiliaries it ends with (``Smith also``)."""
    end = len(text.rstrip())
    while end > 0:
        space = text.rfind(" ", 0, end)
        # (a no-break space counts only after the last space: most texts hold none)
        start = max(space, text.rfind("\u00a0", space + 1, end)) + 1
        word = text[start:end]
        lowered = word.lower()
        if lowered in _ADVERB_WORDS or (
            word.islower() and len(word) > 4 and word.endswith("ly") and word not in _NOT_ADVERBS
        ):
            end = len(text[:start].rstrip())
            if lowered in _WEEKDAYS and text[:end].lower().endswith((" on", " late", " early")):
                end = len(text[: text.rfind(" ", 0, end)].rstrip())
            continue
        if lowered in _TIME_NOUNS:
            previous = text[:start].rstrip()
            lead = previous[previous.rfind(" ") + 1 :].lower()
            if lead in _TIME_LEADS:
                end = len(previous[: len(previous) - len(lead)].rstrip())
                continue
        if not text.endswith(_AUXILIARY_SUFFIXES, 0, end):
            break  # (the common case, told without copying the head)
        head = text[:end]
        for suffix in _AUXILIARY_SUFFIXES:
            if head.endswith(suffix):
                end = len(head) - len(suffix)
                break
    return text[:end] if end < len(text.rstrip()) else text


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

# Particles that complete a phrasal attribution verb (`went on`, `pointed out`, `summed up`).
PARTICLES = frozenset({"on", "out", "up", "in", "back"})

PARTICIPLES = frozenset(
    {
        "saying", "adding", "noting", "telling", "explaining", "warning", "claiming",
        "arguing", "insisting", "writing", "asking", "announcing", "declaring",
        "acknowledging", "admitting", "suggesting", "predicting", "confirming", "tweeting",
        "reporting",
    }
)  # fmt: skip
"""Participles that report speech of the sentence's subject (``..., saying that ...``)."""

PASSIVE_BEFORE = frozenset({"is", "was", "were", "are", "be", "been", "being", "get", "got"})
"""Words that make the following verb passive (``was told``): no speaker in subject."""

# Verbs whose object is the addressee, not the statement (`told reporters that ...`).
ADDRESSEE_VERBS = frozenset({"tell", "tells", "told", "telling", "ask", "asks", "asked", "asking"})

ACCORDING_TO = re.compile(r"\b[Aa]ccording\s+to\b")

_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
ADJUNCT_START = re.compile(
    rf"^\s*(?:[,;:.!?]|$|(?:in|on|at|during|of|to|after|before|with|while|when|as|via|from|"
    rf"last|this|earlier|later|late|early|{_WEEKDAY}|yesterday|today|tonight|reporters|"
    rf"him|her|them|me|us|adding|noting|explaining|referring|according)\b)",
    re.I,
)
"""What may follow an attribution verb when the clause carries no statement of its own."""
