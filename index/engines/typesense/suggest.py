"""'Did you mean': corrections for misspelt query words, found by the cluster's typo search.

For each plain word the archive does not hold, a search allowing two typos finds the closest
indexed term; the correction shown is the word as written in the article that matched (an
index holds stems, ``govern``, and nobody wants to be told to type those).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from typing import Any

from index.api.query import Node, Word, wanted
from index.engines.analysis.words import WORD
from index.engines.typesense import filters as fx
from index.engines.typesense.schema import TEXT_FIELDS
from index.engines.typesense.text import news_term

Multi = Callable[[Sequence[dict[str, Any]]], list[dict[str, Any]]]
_PLAIN_WORD = re.compile(r"[^\W\d_]{3,}")
_MAX_WORDS = 4


def _typo_search(term: str) -> dict[str, Any]:
    return {
        "q": term,
        "query_by": ",".join(TEXT_FIELDS),
        "num_typos": 2,
        "min_len_1typo": 1,
        "min_len_2typo": 1,
        "prefix": "false",
        "drop_tokens_threshold": 0,
        "per_page": 1,
        "include_fields": "title,record",
        "highlight_fields": ",".join(TEXT_FIELDS),
    }


def _count(term: str) -> dict[str, Any]:
    return {"q": "*", "filter_by": fx.render(fx.has_word(TEXT_FIELDS, term)), "per_page": 0}


def suggest(multi: Multi, text: str, tree: Node) -> str | None:
    """``text`` with its misspelt plain words corrected, or None when none needs it."""
    leaves = [
        leaf
        for leaf in sorted(wanted(tree), key=lambda leaf: getattr(leaf, "span", (0, 0))[0])
        if isinstance(leaf, Word) and leaf.field is None and _PLAIN_WORD.fullmatch(leaf.text)
    ]
    leaves = [leaf for leaf in leaves if news_term(leaf.text)][:_MAX_WORDS]
    if not leaves:
        return None
    searches = [
        s
        for leaf in leaves
        for s in (_count(news_term(leaf.text)), _typo_search(news_term(leaf.text)))
    ]
    answers = multi(searches)
    pieces: list[str] = []
    cursor = 0
    for number, leaf in enumerate(leaves):
        known, typo = answers[2 * number], answers[2 * number + 1]
        if int(known["found"]) or not typo.get("hits"):
            continue
        better = _written(typo["hits"][0], news_term(leaf.text))
        if better is None:
            continue
        if leaf.text[:1].isupper():
            better = better.capitalize()
        start, end = leaf.span
        pieces += [text[cursor:start], better]
        cursor = end
    return "".join(pieces) + text[cursor:] if pieces else None


def _written(hit: dict[str, Any], typed: str) -> str | None:
    """The word of the hit's article that its matched (typo-corrected) term stands for."""
    matched = {
        token
        for found in hit.get("highlights", [])
        for token in found.get("matched_tokens", [])
        if isinstance(token, str) and token != typed
    }
    if not matched:
        return None
    doc = hit.get("document", {})
    try:
        paragraphs = json.loads(doc.get("record", "{}")).get("paragraphs", [])
    except ValueError:
        paragraphs = []
    for part in (doc.get("title", ""), *paragraphs):
        for word in WORD.findall(str(part)):
            if news_term(word) in matched:
                return str(word).lower()
    return None
