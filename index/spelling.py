"""'Did you mean': corrections for misspelt query words, from the archive's own vocabulary."""

from __future__ import annotations

import re
from typing import Any

from index.analysis import NewsAnalyzer, fold

_ANALYZER = NewsAnalyzer()
_PLAIN_WORD = re.compile(r"(?<![\w:*~\"-])([^\W\d_]{3,})(?![\w:*~])")
_SPELL_FIELDS = ("body", "title")


def suggest(text: str, reader: Any, parser: Any) -> str | None:
    """A corrected version of query ``text`` when some of its words are not in the archive.

    Only plain words are corrected (not field values, phrases' neighbours are fine, wildcards
    and operators are left alone). Returns None when nothing needs correcting or no
    correction is found.
    """
    changed = False
    pieces: list[str] = []
    cursor = 0
    for match in _PLAIN_WORD.finditer(text):
        word = match.group(1)
        if word in {"AND", "OR", "NOT", "TO"} or _known(word, reader):
            continue
        better = _best_candidate(word, reader)
        if better is None:
            continue
        pieces.append(text[cursor : match.start(1)])
        pieces.append(better)
        cursor = match.end(1)
        changed = True
    if not changed:
        return None
    pieces.append(text[cursor:])
    return "".join(pieces)


def _frequency(term: str, reader: Any) -> int:
    return sum(reader.doc_frequency(field, term) for field in _SPELL_FIELDS)


def _known(word: str, reader: Any) -> bool:
    term = _ANALYZER.term(word)
    return not term or _frequency(term, reader) > 0


def _best_candidate(word: str, reader: Any) -> str | None:
    folded = fold(word)
    for maxdist in (1, 2):
        candidates: set[str] = set()
        for leaf, _ in reader.leaf_readers():
            for field in _SPELL_FIELDS:
                try:
                    candidates.update(leaf.terms_within(field, folded, maxdist, prefix=1))
                except KeyError:
                    continue
        scored = [(_frequency(_ANALYZER.term(c), reader), c) for c in candidates if c != folded]
        scored = [item for item in scored if item[0] > 0]
        if scored:
            best = max(scored)[1]
            return best.capitalize() if word[:1].isupper() else best
    return None
