"""Every word list the quote rules read, as data: people, grammar and speech.

``people`` holds names, titles, roles, organisations and places; ``bodies`` the words a
description of an organisation ends in; ``grammar`` the function words, adverbs and clause
words that tell a speaker phrase from a clause; ``speech`` the verbs and nouns of saying.
"""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` as a set (keeps long lists readable)."""
    return frozenset(text.split())
