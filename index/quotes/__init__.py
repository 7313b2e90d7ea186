"""Quote extraction: who said what in an article body.

``extract_quotes`` finds direct quotes (inside quote marks), mixed quotes (quoted fragments in
reported speech) and indirect speech (``X said that ...``), with speakers resolved to their
fullest name and the role they were introduced with.
"""

from __future__ import annotations

from index.quotes import coref, cues, names, sentences, speakers, titles
from index.quotes.extract import Explained, explain_quotes, extract_quotes
from index.quotes.rules import RULES, STAGES, Rule, Step

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

# Pure functions of a string whose results are kept (names and phrases recur across
# articles); bounded, so memory stays flat over a whole archive.
_CACHED = (
    coref._run_name,
    cues.strip_adverbs,
    titles.is_title,
    names.gender_of_name,
    names.is_org_name,
    names.split_title,
    sentences.is_headline,
    speakers.parse_source,
    speakers._simple_source,
)


def clear_caches() -> None:
    """Forget every cached result, as a fresh process starts (for fair timing)."""
    for function in _CACHED:
        function.cache_clear()
