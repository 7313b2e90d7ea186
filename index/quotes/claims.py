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
    r"(?P<owner>\b(?:his|her|their|His|Her|Their)|(?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w\-]*['\u2019]s?)"
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
        if holder and span_at(spans, holder.start()) is None:
            owned.append((holder, noun))
    return owned


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
