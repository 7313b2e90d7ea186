"""The query tree (:mod:`index.api.query`) as Whoosh queries over newsdesk's schema.

Words go through each field's own analyzer (stemmed and folded for text, folded for names);
a word that analyzes to several terms (``e-mail``, ``U.S.``) is a phrase of them. Prefix,
wildcard and fuzzy words become an OR of their most frequent expansions, scored like any
word. Stop words drop out of AND and OR instead of emptying them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from whoosh import query

from index.api.query import (
    And,
    DateSpan,
    Fuzzy,
    IdSet,
    Node,
    Not,
    Or,
    Phrase,
    Prefix,
    State,
    Wildcard,
    Word,
)
from index.api.records import Highlight
from index.engines.analysis.words import fold
from index.engines.whoosh.analysis import NewsAnalyzer
from index.engines.whoosh.docsets import Docnums
from index.engines.whoosh.schema import FIELD_BOOSTS, TEXT_FIELDS, day_span_query
from index.engines.whoosh.spelling import within

SCORED_FIELDS = frozenset(
    {"title", "body", "captions", "quotes", "speaker", "source", "section", "tags", "author"}
)
"""Fields whose words rank results (dates and ids only filter)."""
HIGHLIGHT_FIELDS = frozenset({"title", "body", "captions", "quotes", "speaker"})
"""Fields whose words are marked in an article's text."""

Vocabulary = Callable[[], list[str]]
"""Gives the archive's sorted word list (loaded on first call), for fuzzy words."""
IdLookup = Callable[[frozenset[str]], frozenset[int]]
"""Gives the document numbers of a set of article ids."""

MAX_EXPANSION = 24
"""Most terms a prefix, wildcard or fuzzy word may stand for (the most frequent win)."""
MAX_POSTINGS = 60_000
"""Postings an expanded word may read, summed over its expansions (one always kept)."""
MAX_CANDIDATES = 20_000


class Translator:
    """Translates query trees for one index reader."""

    def __init__(self, reader: Any, vocabulary: Vocabulary, ids: IdLookup) -> None:
        self._reader = reader
        self._schema = reader.schema
        self._vocabulary = vocabulary
        self._ids = ids

    def translate(self, node: Node) -> query.Query:
        """The Whoosh query for ``node`` (``NullQuery`` when it can match nothing)."""
        if isinstance(node, And | Or):
            children = [self.translate(child) for child in node.children]
            kept = [child for child in children if child is not query.NullQuery]
            if not kept:
                return query.NullQuery
            if len(kept) == 1:
                return kept[0]
            return query.And(kept) if isinstance(node, And) else query.Or(kept)
        if isinstance(node, Not):
            inner = self.translate(node.child)
            return query.NullQuery if inner is query.NullQuery else query.Not(inner)
        if isinstance(node, DateSpan):
            return day_span_query(node.first, node.last)
        if isinstance(node, IdSet):
            return Docnums(self._ids(node.ids))
        if isinstance(node, State):
            raise ValueError("is: filters must be resolved before translation")
        fields = [node.field] if node.field else list(TEXT_FIELDS)
        parts = [self._leaf(node, name) for name in fields if name in self._schema]
        kept = [part for part in parts if part is not query.NullQuery]
        if not kept:
            return query.NullQuery
        return kept[0] if len(kept) == 1 else query.Or(kept)

    def _leaf(self, node: Word | Phrase | Prefix | Wildcard | Fuzzy, name: str) -> query.Query:
        boost = FIELD_BOOSTS.get(name, 1.0)
        if isinstance(node, Word | Phrase):
            if name == "id":
                return query.Term(name, node.text)
            terms = self._terms(name, node.text)
            if not terms:
                return query.NullQuery
            if len(terms) == 1:
                return query.Term(name, terms[0], boost=boost)
            return query.Phrase(name, terms, boost=boost)
        if isinstance(node, Prefix):
            candidates = self._prefix_candidates(name, node.text)
        elif isinstance(node, Wildcard):
            candidates = self._wildcard_candidates(name, node.pattern)
        else:
            candidates = self._fuzzy_candidates(name, node.text, node.distance)
        chosen = most_frequent(candidates)
        if not chosen:
            return query.NullQuery
        terms = [query.Term(name, text, boost=boost) for text in chosen]
        return terms[0] if len(terms) == 1 else query.Or(terms)

    def _analyzer(self, name: str) -> Any:
        return self._schema[name].analyzer

    def _terms(self, name: str, text: str) -> list[str]:
        analyzer = self._analyzer(name)
        found = [analyzer.term(word) for word in analyzer.pattern.findall(text)]
        return [term for term in found if term]

    def _prefix_candidates(self, name: str, text: str) -> list[tuple[int, str]]:
        prefix = fold(text)
        # Each segment's terms in file order, frequencies summed: the whole reader's walk
        # would look every term up again in every segment's hash table (a file read each).
        found: dict[str, int] = {}
        from_bytes = self._schema[name].from_bytes
        for leaf, _ in self._reader.leaf_readers():
            for btext, info in leaf.iter_prefix(name, prefix):
                term = from_bytes(btext)
                found[term] = found.get(term, 0) + info.doc_frequency()
        # "vaccines*" should find what "vaccines" is indexed as (the stem "vaccin").
        own = self._terms(name, text)
        if len(own) == 1 and own[0] not in found:
            found[own[0]] = self._reader.doc_frequency(name, own[0])
        return [(frequency, term) for term, frequency in found.items()]

    def _wildcard_candidates(self, name: str, pattern: str) -> list[tuple[int, str]]:
        field = self._schema[name]
        candidates = []
        for btext in query.Wildcard(name, fold(pattern))._btexts(self._reader):
            text = btext if isinstance(btext, str) else field.from_bytes(btext)
            candidates.append((self._reader.doc_frequency(name, text), text))
            if len(candidates) > MAX_CANDIDATES:
                break
        return candidates

    def _fuzzy_candidates(self, name: str, text: str, distance: int) -> list[tuple[int, str]]:
        """Terms of the archive's words within ``distance`` edits of the typed word."""
        analyzer = self._analyzer(name)
        typed = fold(text)
        terms: dict[str, int] = {}
        words = self._vocabulary() if isinstance(analyzer, NewsAnalyzer) else []
        for word in [typed, *(w for _, w in within(words, typed, distance, 1))]:
            term = analyzer.term(word)
            if term and term not in terms:
                terms[term] = self._reader.doc_frequency(name, term)
        if not isinstance(analyzer, NewsAnalyzer):
            # Name fields keep no word list: their own terms are few, walk them.
            for btext in self._reader.lexicon(name):
                term = btext.decode("utf-8")
                if term not in terms and _edits_within(typed, term, distance):
                    terms[term] = self._reader.doc_frequency(name, term)
        return [(frequency, term) for term, frequency in terms.items()]


def _edits_within(a: str, b: str, limit: int) -> bool:
    """Whether ``a`` and ``b`` are at most ``limit`` edits apart (banded Levenshtein)."""
    if abs(len(a) - len(b)) > limit:
        return False
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, start=1):
        current = [i]
        for j, other in enumerate(b, start=1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
            )
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


def most_frequent(candidates: list[tuple[int, str]]) -> list[str]:
    """The most frequent terms, at most MAX_EXPANSION of them and about MAX_POSTINGS postings.

    A two-letter prefix can stand for thousands of words; OR-ing them all would read most of
    the index. The most frequent expansions carry most of what such a query can find.
    """
    chosen: list[str] = []
    postings = 0
    for frequency, text in sorted(candidates, key=lambda c: (-c[0], c[1])):
        if frequency <= 0:
            continue
        if chosen and (len(chosen) >= MAX_EXPANSION or postings + frequency > MAX_POSTINGS):
            break
        chosen.append(text)
        postings += frequency
    return chosen


def _positive(q: query.Query) -> Iterator[query.Query]:
    """The nodes of ``q`` that are looked for (not under a NOT)."""
    if isinstance(q, query.Not):
        return
    yield q
    if isinstance(q, query.AndNot):
        yield from _positive(q.a)
        return
    if q.is_leaf():
        return
    for child in q.children():
        yield from _positive(child)


def scoring_terms(q: query.Query) -> list[query.Term]:
    """The query's positive text terms, with their boosts, for ranking."""
    terms: dict[tuple[str, str], query.Term] = {}
    for node in _positive(q):
        if isinstance(node, query.Term) and node.fieldname in SCORED_FIELDS:
            terms.setdefault((node.fieldname, node.text), node)
        elif isinstance(node, query.Phrase) and node.fieldname in SCORED_FIELDS:
            for word in node.words:
                key = (node.fieldname, word)
                terms.setdefault(key, query.Term(node.fieldname, word, boost=node.boost))
    return list(terms.values())


def highlight_of(q: query.Query) -> Highlight:
    """What to mark in an article's text for ``q``: single words and whole phrases."""
    words: dict[str, None] = {}
    phrases: dict[tuple[str, ...], None] = {}
    for node in _positive(q):
        if isinstance(node, query.Term) and node.fieldname in HIGHLIGHT_FIELDS:
            words.setdefault(node.text, None)
        elif isinstance(node, query.Phrase) and node.fieldname in HIGHLIGHT_FIELDS:
            phrases.setdefault(tuple(node.words), None)
    return Highlight(tuple(words), tuple(phrases))
