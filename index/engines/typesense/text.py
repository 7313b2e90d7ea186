"""Words as this engine indexes them: stemmed for text, name parts for names.

Typesense does not stem, so the indexer sends it text already analysed by
:mod:`index.engines.analysis` (the analysis every engine shares, so ``strikes`` finds
*striking* on both): each term once, joined by spaces. Query words go through the same
analysis, so a query term and an indexed term meet as one Typesense token.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache

from index.api.records import Highlight
from index.engines.analysis import terms
from index.engines.analysis.terms import name_terms
from index.engines.analysis.words import WORD

PREFIX_MARK = "*"
"""A highlight term ending with this stands for every term that starts with the rest."""
FUZZY_MARK = "~"
"""A highlight term ``word~N`` stands for every term within N edits of ``word``."""

# News repeats its vocabulary endlessly: each distinct word is analysed once.
news_term: Callable[[str], str] = lru_cache(maxsize=200_000)(terms.news_term)
"""The indexed term of one word of text, or ``""`` when the word is not indexed."""


def news_terms(text: str) -> list[str]:
    """The indexed terms of ``text``, in order."""
    return [term for term in map(news_term, WORD.findall(text)) if term]


def analysed(text: str) -> str:
    """Text as sent to the index: its terms joined by spaces (one Typesense token each)."""
    return " ".join(news_terms(text))


def analysed_names(names: list[str] | tuple[str, ...]) -> str:
    """Names as sent to the index: their parts joined by spaces."""
    return " ".join(part for name in names for part in name_terms(name))


# -- finding hits in text ------------------------------------------------------------------


def _within(word: str, target: str, limit: int) -> bool:
    """Whether ``word`` is at most ``limit`` edits (insert, delete, swap, transpose) away."""
    if abs(len(word) - len(target)) > limit or word[:1] != target[:1]:
        return False
    rows = [list(range(len(target) + 1))]
    for i, char in enumerate(word, start=1):
        row = [i]
        for j, other in enumerate(target, start=1):
            cost = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (char != other))
            if i > 1 and j > 1 and char == target[j - 2] and word[i - 2] == other:
                cost = min(cost, rows[-2][j - 2] + 1)
            row.append(cost)
        if min(row) > limit:
            return False
        rows = [rows[-1], row]
    return rows[-1][-1] <= limit


def term_matcher(terms: tuple[str, ...]) -> Callable[[str], bool]:
    """Whether an indexed term is one of ``terms`` (which may hold prefix and fuzzy marks)."""
    exact = {t for t in terms if not t.endswith(PREFIX_MARK) and FUZZY_MARK not in t}
    prefixes = tuple(t[:-1] for t in terms if t.endswith(PREFIX_MARK))
    fuzzy = [
        (word, int(limit))
        for word, _, limit in (t.rpartition(FUZZY_MARK) for t in terms if FUZZY_MARK in t)
        if limit.isdigit()
    ]

    def matches(term: str) -> bool:
        if term in exact or (prefixes and term.startswith(prefixes)):
            return True
        return any(_within(term, word, limit) for word, limit in fuzzy)

    return matches


def tokens(text: str) -> Iterator[tuple[str, int, int]]:
    """(term, start, end) of every indexed word of ``text``."""
    for match in WORD.finditer(text):
        term = news_term(match.group())
        if term:
            yield term, match.start(), match.end()


def hit_spans(text: str, highlight: Highlight) -> list[tuple[int, int]]:
    """Character spans of ``highlight``'s hits in ``text``: words alone, phrases whole."""
    if not highlight or not text:
        return []
    is_term = term_matcher(highlight.terms)
    phrases = sorted(highlight.phrases, key=len, reverse=True)
    found = list(tokens(text))
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(found):
        length = next(
            (
                len(phrase)
                for phrase in phrases
                if tuple(t for t, _, _ in found[i : i + len(phrase)]) == phrase
            ),
            0,
        )
        if length:
            spans.append((found[i][1], found[i + length - 1][2]))
            i += length
            continue
        if is_term(found[i][0]):
            spans.append((found[i][1], found[i][2]))
        i += 1
    return spans
