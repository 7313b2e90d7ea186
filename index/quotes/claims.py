"""Reported speech owned by a claim noun: ``Vik's claim that the pier is safe``."""

from __future__ import annotations

import re
from collections.abc import Sequence

from index.quotes.cues import by_last_letter, trie_pattern
from index.quotes.lexicon.speech import CLAIM_NOUNS
from index.quotes.marks import QuotedSpan, span_at
from index.quotes.names import strip_possessive
from index.quotes.report_shapes import Report
from index.quotes.speakers import parse_source
from index.quotes.statements import content_end, trim

CLAIM = "report-claim"

_CLAIM_NOUN = re.compile(r"\b(?:" + trie_pattern(CLAIM_NOUNS) + r")\s+that\b")
_CLAIM_ENDINGS = by_last_letter(sorted(CLAIM_NOUNS))
_CLAIM_OWNER = re.compile(
    r"(?P<owner>\b(?:his|her|their|His|Her|Their)|(?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w\-]*['\u2019]s?"
    # a name before the noun, inside a clause: "hit back at Labour claims that ..."
    r"|(?<=[a-z] )(?:[A-Z][\w.\-]*\s+){0,2}[A-Z][\w\-]*)"
    r"\s+(?:[a-z]+\s+)?$"
)


def _maybe_claim(text: str) -> bool:
    """Whether ``_CLAIM_NOUN`` may match: some "that" follows a space and a claim noun.

    A cheap pre-check (a few substring finds) for the scan, which tries every offset.
    """
    at = text.find("that", 1)
    while at != -1:
        if text[at - 1].isspace():
            head = text[max(0, at - 40) : at].rstrip()
            if head.endswith(_CLAIM_ENDINGS.get(head[-1:], ())):
                return True
        at = text.find("that", at + 4)
    return False


Claim = tuple[re.Match[str], re.Match[str]]
"""The owner (``Trump's``, ``his``) and the noun with its ``that`` (``claim that``)."""


def owned_claims(text: str, spans: Sequence[QuotedSpan]) -> list[Claim]:
    """The claim nouns of a paragraph that have an owner before them, outside quotes."""
    owned: list[Claim] = []
    maybe_claims = " that" in text and _maybe_claim(text)
    for noun in _CLAIM_NOUN.finditer(text) if maybe_claims else ():
        # Look back from "claim that" for its owner ("Trump's claim that").
        holder = _CLAIM_OWNER.search(text, max(0, noun.start() - 60), noun.start())
        if holder and span_at(spans, holder.start()) is None and _owns(text, holder, noun):
            owned.append((holder, noun))
    return owned


def _owns(text: str, holder: re.Match[str], noun: re.Match[str]) -> bool:
    """Whether a bare name (no "'s") before a claim noun owns it: right before the noun,
    inside a clause ("hit back at Labour claims"), not the subject of a verb before it
    ("Ada Vik dismissed claims")."""
    owner = holder.group("owner")
    if owner.endswith(("'s", "\u2019s", "'", "\u2019")) or owner.lower() in _PRONOUNS:
        return True  # ("Ada Vik's claim", "his claim")
    before = text[max(0, holder.start() - 20) : holder.start()].split()
    return (
        bool(before)
        and before[-1].islower()
        and before[-1] not in _CONNECTORS  # (not "Investigation" of "Bureau of Investigation")
        and not text[holder.end() : noun.start()].strip()
    )


_PRONOUNS = frozenset(("his", "her", "their"))
_CONNECTORS = frozenset(("of", "and", "for", "the", "de", "on"))


def claim_reports(
    text: str, owned: Sequence[Claim], sentences: Sequence[tuple[int, int]]
) -> list[Report]:
    """The statements of the owned claims: what follows ``that``, to its clause end."""
    reports: list[Report] = []
    for claim, noun in owned:
        claim_end = noun.end()
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
                noun_text = text[noun.start() : noun.end() - 5]
                reports.append(Report(start, end, source, claim.start(), CLAIM, noun_text))
    return reports
