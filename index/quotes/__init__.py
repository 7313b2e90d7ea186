"""Quote extraction: who said what in an article body.

``extract_quotes`` finds direct quotes (inside quote marks), mixed quotes (quoted fragments in
reported speech) and indirect speech (``X said that ...``), with speakers resolved to their
fullest name and the role they were introduced with, the cue that attributes each and the
rule that found it. ``explain_quotes`` also returns the steps behind each quote. The stages
and rules are listed in ``index.quotes.rules``.

Nothing is loaded until first used, so ``index.quotes.version`` (and the rule table) can be
imported without the extractor.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from index.corpus.article import Step
    from index.quotes.extract import Explained, explain_quotes, extract_quotes
    from index.quotes.rules import RULES, STAGES, Rule

__all__ = [
    "RULES",
    "STAGES",
    "Explained",
    "Rule",
    "Step",
    "clear_caches",
    "explain_quotes",
    "extract_quotes",
]

_HOMES = {
    "Explained": "index.quotes.extract",
    "explain_quotes": "index.quotes.extract",
    "extract_quotes": "index.quotes.extract",
    "RULES": "index.quotes.rules",
    "STAGES": "index.quotes.rules",
    "Rule": "index.quotes.rules",
    "Step": "index.corpus.article",
}


def __getattr__(name: str) -> Any:
    """Load the extractor on first use of one of its names."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'index.quotes' has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)


def clear_caches() -> None:
    """Forget every cached result, as a fresh process starts (for fair timing)."""
    from index.quotes import (
        coref,
        cues,
        descriptions,
        names,
        roles,
        sentences,
        speakers,
        subjects,
        titles,
    )

    # Pure functions of a string whose results are kept (names and phrases recur across
    # articles); bounded, so memory stays flat over a whole archive.
    for function in (
        coref._run_name,
        coref._org_name,
        cues.strip_adverbs,
        descriptions.read_description,
        descriptions.role_words,
        descriptions.is_role,
        titles.is_title,
        names.gender_of_name,
        names.is_org_name,
        names.split_title,
        roles.is_role,
        roles.plausible_role,
        roles.carries,
        roles.is_role_appositive,
        sentences.is_headline,
        speakers.parse_source,
        speakers._simple_source,
        subjects.subject_of,
    ):
        function.cache_clear()
