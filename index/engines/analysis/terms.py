"""Terms: what a word of text is indexed and searched as, the same for every engine.

Text words are folded (:func:`~index.engines.analysis.words.fold`), dropped when they are stop
words or one letter long, then stemmed with the Snowball English stemmer (Porter2, the C build
from PyStemmer), so ``strikes`` and ``striking`` both become ``strike`` (dotted words such as
``U.S.`` are kept whole). Name words (speakers, sources, tags) are only folded.
"""

from __future__ import annotations

import threading

import Stemmer

from index.engines.analysis.stopwords import STOP_WORDS
from index.engines.analysis.words import NAME_PART, WORD, fold

STEMMER = "english"
"""The Snowball algorithm (Porter2); changing it changes every index's terms."""

# A stemmer is not safe to share between threads, so each thread gets its own.
_local = threading.local()


def stem(folded: str) -> str:
    """The stem of a folded word (``striking`` -> ``strike``, ``cities`` -> ``citi``)."""
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = Stemmer.Stemmer(STEMMER)
    return str(stemmer.stemWord(folded))


def plain_term(word: str) -> str:
    """``word`` folded, or ``""`` when it is not indexed (a stop word or one letter)."""
    folded = fold(word)
    return "" if len(folded) < 2 or folded in STOP_WORDS else folded


def news_term(word: str) -> str:
    """The indexed term of one word of text, or ``""`` when the word is not indexed."""
    folded = plain_term(word)
    # Dotted words are abbreviations and numbers (U.S., e.g., 3.5): kept whole, as no suffix
    # rule fits them (the stemmer takes ``u.s`` for a plural).
    return stem(folded) if folded and "." not in folded else folded


def name_term(word: str) -> str:
    """The indexed term of one part of a name (folded; nothing is dropped)."""
    return fold(word)


def news_terms(text: str) -> list[str]:
    """The indexed terms of ``text``, in order."""
    return [term for term in map(news_term, WORD.findall(text)) if term]


def name_terms(text: str) -> list[str]:
    """The indexed parts of a name (``chinadaily.com.cn`` -> ``chinadaily com cn``)."""
    return [name_term(part) for part in NAME_PART.findall(text)]


def stem_hint(term: str) -> str:
    """A start of ``term`` that every ASCII word stemming to it contains, lowercased.

    Stemming only rewrites a word's last letters: it cuts a suffix, turns a last ``y`` into
    ``i`` (``city`` -> ``citi``), puts back an ``e`` (``hoping`` -> ``hope``) or rewrites a
    short tail (``sensibility`` -> ``sensibl``, ``dying`` -> ``die``). No rewrite reaches
    further back than the stem's last two letters.
    """
    return term[:-2] if len(term) > 3 else term[:1]
