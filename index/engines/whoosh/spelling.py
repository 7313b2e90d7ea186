"""'Did you mean': corrections for misspelt query words, from the archive's own vocabulary.

The vocabulary (every indexed word, unstemmed and accent-folded) is collected by the analyzer
while indexing, at no extra cost, and kept beside the index as a sorted word list; a
Levenshtein automaton walks it. Candidates are ranked by edit distance, then by how many
articles contain them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from whoosh.automata.fsa import find_all_matches
from whoosh.automata.lev import levenshtein_automaton

from index.api.query import Leaf, Node, Word, wanted
from index.engines.analysis.words import fold
from index.engines.whoosh.analysis import NewsAnalyzer
from index.pipeline.store import atomic_write

VOCABULARY_NAME = "vocabulary.txt"
_ANALYZER = NewsAnalyzer()
_PLAIN_WORD = re.compile(r"[^\W\d_]{3,}")
_COUNTED_FIELDS = ("body", "title")


def save_vocabulary(directory: Path, words: set[str], *, replace: bool = False) -> None:
    """Add ``words`` to the vocabulary file (or replace it), sorted, written atomically."""
    if not replace:
        words = words | set(load_vocabulary(directory))
    atomic_write(directory / VOCABULARY_NAME, "\n".join(sorted(words)) + "\n")


def load_vocabulary(directory: Path) -> list[str]:
    """The sorted vocabulary, or an empty list when there is none yet."""
    try:
        text = (directory / VOCABULARY_NAME).read_text(encoding="utf-8")
    except OSError:
        return []
    return [word for word in text.split("\n") if word]


def suggest(text: str, tree: Node, reader: Any, vocabulary: list[str]) -> str | None:
    """``text`` with its misspelt plain words corrected, or None when none needs correcting.

    Only plain words are looked at (not field values, phrases, wildcards or fuzzy words);
    each correction replaces the word where it was typed, the rest of the query is kept.
    """
    if not vocabulary:
        return None
    pieces: list[str] = []
    cursor = 0
    for leaf in sorted(wanted(tree), key=_start):
        if not isinstance(leaf, Word) or leaf.field is not None:
            continue
        word = leaf.text
        if not _PLAIN_WORD.fullmatch(word) or _known(word, reader):
            continue
        better = _best_candidate(word, reader, vocabulary)
        if better is not None:
            start, end = leaf.span
            pieces += [text[cursor:start], better]
            cursor = end
    if not pieces:
        return None
    return "".join(pieces) + text[cursor:]


def _start(leaf: Leaf) -> int:
    span = getattr(leaf, "span", (0, 0))
    return int(span[0])


def _frequency(word: str, reader: Any) -> int:
    term = _ANALYZER.term(word)
    return sum(reader.doc_frequency(field, term) for field in _COUNTED_FIELDS) if term else 0


def _known(word: str, reader: Any) -> bool:
    return not _ANALYZER.term(word) or _frequency(word, reader) > 0


def within(words: list[str], text: str, maxdist: int, prefix: int) -> Iterator[tuple[int, str]]:
    """(distance, word) for the sorted ``words`` within ``maxdist`` edits of ``text``.

    The first ``prefix`` letters must match. A Levenshtein automaton skips through the list.
    """

    def first_at_or_after(key: str) -> str | None:
        position = bisect_left(words, key)
        return words[position] if position < len(words) else None

    seen = {text}
    for distance in range(1, maxdist + 1):
        automaton = levenshtein_automaton(text, distance, prefix).to_dfa()
        for word in find_all_matches(automaton, first_at_or_after):
            if word not in seen:
                seen.add(word)
                yield distance, word


def _best_candidate(word: str, reader: Any, vocabulary: list[str]) -> str | None:
    ranked = sorted(
        (distance, -_frequency(candidate, reader), candidate)
        for distance, candidate in within(vocabulary, fold(word), 2, 1)
    )
    for _, frequency, candidate in ranked:
        if frequency < 0:  # present in articles still in the index
            return candidate.capitalize() if word[:1].isupper() else candidate
    return None
