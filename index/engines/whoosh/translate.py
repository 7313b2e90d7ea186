"""newsdesk's query language on top of Whoosh's parser, with clear errors and bounded cost.

Words, ``"phrases"``, ``AND/OR/NOT``, ``-word``, ``field:value``, ``date:2019``,
``date:[2019-01 TO 2019-06]``, ``date:>2020``, prefix ``fin*`` and fuzzy ``fintec~``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from whoosh import qparser, query

from index.api.errors import QueryError
from index.engines.whoosh.analysis import NewsAnalyzer, fold
from index.engines.whoosh.schema import FIELD_BOOSTS, TEXT_FIELDS
from index.engines.whoosh.spelling import within

MAX_QUERY_CHARS = 1000
MAX_CLAUSES = 64
SCORED_FIELDS = frozenset(
    {"title", "body", "captions", "quotes", "speaker", "source", "section", "tags", "author"}
)
"""Fields whose words rank results (dates and ids only filter)."""

Vocabulary = Callable[[], list[str]]
"""Gives the archive's sorted word list (loaded on first call), for fuzzy terms."""

MIN_PREFIX = 2
MAX_EXPANSION = 24
"""Most terms a prefix, wildcard or fuzzy word may stand for (the most frequent win)."""
MAX_POSTINGS = 60_000
"""Postings an expanded word may read, summed over its expansions (one always kept)."""
MAX_CANDIDATES = 20_000

FIELD_NAMES = {
    "title": "title",
    "body": "body",
    "text": "body",
    "caption": "captions",
    "captions": "captions",
    "quote": "quotes",
    "quotes": "quotes",
    "speaker": "speaker",
    "source": "source",
    "section": "section",
    "tag": "tags",
    "tags": "tags",
    "author": "author",
    "date": "date",
    "year": "date",
    "id": "id",
}
"""Field names a user may type -> schema fields."""

_DATE_TERM = re.compile(r"(?<![\w:])(date|year):(>=|<=|>|<)?(\d{4}(?:-\d{1,2}){0,2})(?![\w-])")
_DATE_RANGES = {
    None: "[{0} TO {0}]",
    ">": "{{{0} TO]",
    ">=": "[{0} TO]",
    "<": "[TO {0}}}",
    "<=": "[TO {0}]",
}
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}
_FIELD_PREFIX = re.compile(r"(?<![\w.:/\\])([A-Za-z_]\w*):(?!//)")
_WORD_TOKENS = re.compile(r'"[^"]*"|\S+')


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """A parsed query: the Whoosh query and the plain words it was written with."""

    query: query.Query
    text: str


def make_parser(schema: Any) -> qparser.QueryParser:
    """A query parser over the text fields, AND by default, with newsdesk's plugins."""
    boosts = {name: FIELD_BOOSTS.get(name, 1.0) for name in TEXT_FIELDS}
    parser = qparser.MultifieldParser(list(TEXT_FIELDS), schema, fieldboosts=boosts)
    parser.remove_plugin_class(qparser.SingleQuotePlugin)  # apostrophes are not quotes
    parser.add_plugin(qparser.FuzzyTermPlugin())
    parser.add_plugin(qparser.PlusMinusPlugin())
    parser.add_plugin(qparser.GtLtPlugin())
    aliases: dict[str, list[str]] = {}
    for typed, real in FIELD_NAMES.items():
        if typed != real:
            aliases.setdefault(real, []).append(typed)
    parser.add_plugin(qparser.FieldAliasPlugin(aliases))
    return parser


def parse_query(
    parser: qparser.QueryParser, text: str, reader: Any, vocabulary: Vocabulary = list
) -> ParsedQuery:
    """Parse ``text`` into a bounded Whoosh query.

    Raises:
        QueryError: When the query cannot be understood; the message names the problem.
    """
    text = text.strip()
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(
            f"the query is too long ({len(text):,} characters; at most {MAX_QUERY_CHARS:,})"
        )
    _check_syntax(text)
    try:
        parsed = parser.parse(_dates_as_ranges(text))
    except Exception as exc:  # Whoosh raises many types for odd input
        raise QueryError(f"cannot understand the query: {exc}") from None
    _raise_errors(parsed)
    bounded = _bound_expansions(parsed, reader, vocabulary)
    if _count_leaves(bounded) > MAX_CLAUSES * 4:
        raise QueryError("the query has too many parts; simplify it")
    return ParsedQuery(bounded, text)


def _dates_as_ranges(text: str) -> str:
    """``date:2019-03`` and ``date:>2020`` as range syntax, which keeps the dashes together."""
    return _DATE_TERM.sub(lambda m: f"date:{_DATE_RANGES[m.group(2)].format(m.group(3))}", text)


def _check_syntax(text: str) -> None:
    if text.count('"') % 2:
        raise QueryError('unbalanced quote mark: a "phrase" needs a closing "')
    outside = re.sub(r'"[^"]*"', " ", text)
    for opening, closing, name in (("(", ")", "parenthesis"), ("[", "]", "bracket")):
        depth = 0
        for char in outside:
            depth += (char == opening) - (char == closing)
            if depth < 0:
                raise QueryError(f"unbalanced {name}: '{closing}' without '{opening}'")
        if depth:
            raise QueryError(f"unbalanced {name}: '{opening}' is never closed")
    for match in _FIELD_PREFIX.finditer(outside):
        name = match.group(1)
        if name.lower() not in FIELD_NAMES and name.lower() != "is":
            known = ", ".join(sorted(k for k in FIELD_NAMES if k not in {"text", "year", "id"}))
            raise QueryError(f"unknown field '{name}:'; known fields: {known}")
    tokens = [t for t in _WORD_TOKENS.findall(outside.replace("(", " ").replace(")", " "))]
    if len(tokens) > MAX_CLAUSES:
        raise QueryError(f"the query has too many words ({len(tokens)}; at most {MAX_CLAUSES})")
    for i, token in enumerate(tokens):
        if token in _OPERATORS:
            before = tokens[i - 1] if i else None
            after = tokens[i + 1] if i + 1 < len(tokens) else None
            needs_left = token != "NOT"
            if after is None or after in _OPERATORS - {"NOT"}:
                raise QueryError(f"'{token}' needs a word after it")
            if needs_left and (before is None or before in _OPERATORS):
                raise QueryError(f"'{token}' needs a word before it")
    for token in tokens:
        word = token.split(":", 1)[-1] if ":" in token else token
        if "*" in word or "?" in word:
            _check_wildcard(word)


def _check_wildcard(word: str) -> None:
    word = word.strip("()")
    if word in {"*", "?"} or word.startswith(("*", "?")):
        raise QueryError(
            f"'{word}': a wildcard needs at least {MIN_PREFIX} letters before it (e.g. fin*)"
        )
    literal = re.match(r"[^*?]*", word)
    if literal is not None and len(literal.group()) < MIN_PREFIX:
        raise QueryError(f"'{word}': a wildcard needs at least {MIN_PREFIX} letters before it")
    if word.count("*") + word.count("?") > 2:
        raise QueryError(f"'{word}': at most two wildcards in a word")


def _raise_errors(q: query.Query) -> None:
    for node in _walk(q):
        error = getattr(node, "error", None)
        if error:
            raise QueryError(f"cannot understand the query: {error}")


def _walk(q: query.Query) -> Iterator[query.Query]:
    yield q
    if q.is_leaf():
        return
    for child in q.children():
        yield from _walk(child)


def _walk_positive(q: query.Query, skip: type | None = None) -> Iterator[query.Query]:
    if isinstance(q, query.Not) or (skip is not None and isinstance(q, skip)):
        return
    yield q
    if isinstance(q, query.AndNot):
        yield from _walk_positive(q.a, skip)
        return
    if q.is_leaf():
        return
    for child in q.children():
        yield from _walk_positive(child, skip)


def _count_leaves(q: query.Query) -> int:
    return sum(1 for node in _walk(q) if node.is_leaf())


def _bound_expansions(q: query.Query, reader: Any, vocabulary: Vocabulary) -> query.Query:
    """Replace prefix, wildcard and fuzzy terms by their most frequent expansions."""
    if isinstance(q, query.MultiTerm) and not isinstance(q, query.Every):
        fieldname = q.field()
        if fieldname is None or fieldname not in reader.schema:
            return query.NullQuery
        field = reader.schema[fieldname]
        if isinstance(q, query.FuzzyTerm) and isinstance(field.analyzer, NewsAnalyzer):
            candidates = _fuzzy_candidates(q, field.analyzer, reader, vocabulary())
        elif isinstance(q, query.Prefix):
            candidates = [
                (info.doc_frequency(), field.from_bytes(btext))
                for btext, info in reader.iter_prefix(fieldname, q.text)
            ]
        else:
            candidates = []
            for btext in q._btexts(reader):
                text = btext if isinstance(btext, str) else field.from_bytes(btext)
                candidates.append((reader.doc_frequency(fieldname, text), text))
                if len(candidates) > MAX_CANDIDATES:
                    break
        terms = [query.Term(fieldname, text, boost=q.boost) for text in _most_frequent(candidates)]
        if not terms:
            return query.NullQuery
        # Expansions find articles but do not rank them (their words are guesses): a query of
        # only prefix or fuzzy words lists its matches newest first.
        return query.ConstantScoreQuery(terms[0] if len(terms) == 1 else query.Or(terms))
    if q.is_leaf():
        return q
    return q.apply(lambda child: _bound_expansions(child, reader, vocabulary))


def _most_frequent(candidates: list[tuple[int, str]]) -> list[str]:
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


def _fuzzy_candidates(
    q: query.FuzzyTerm, analyzer: NewsAnalyzer, reader: Any, words: list[str]
) -> list[tuple[int, str]]:
    """Stems of the archive's words within the fuzzy distance of the typed word."""
    fieldname = q.field()
    stems: dict[str, int] = {}
    typed = fold(q.text)
    for _, word in within(words, typed, q.maxdist, q.prefixlength):
        stem = analyzer.term(word)
        if stem and stem not in stems:
            stems[stem] = reader.doc_frequency(fieldname, stem)
    own = analyzer.term(typed)
    if own and own not in stems:
        stems[own] = reader.doc_frequency(fieldname, own)
    return [(frequency, stem) for stem, frequency in stems.items()]


def scoring_terms(q: query.Query) -> list[query.Term]:
    """The query's positive text terms, with their boosts, for ranking.

    Dates, ids and constant-scored parts (prefix and fuzzy expansions) only filter.
    """
    terms: dict[tuple[str, str], query.Term] = {}
    for node in _walk_positive(q, skip=query.ConstantScoreQuery):
        if isinstance(node, query.Term) and node.fieldname in SCORED_FIELDS:
            terms.setdefault((node.fieldname, node.text), node)
        elif isinstance(node, query.Phrase) and node.fieldname in SCORED_FIELDS:
            for word in node.words:
                key = (node.fieldname, word)
                terms.setdefault(key, query.Term(node.fieldname, word, boost=node.boost))
    return list(terms.values())


def plain_words(q: query.Query) -> list[tuple[str, str]]:
    """(field, term) pairs the query looks for (not those it excludes), for highlighting."""
    words: list[tuple[str, str]] = []
    for node in _walk_positive(q):
        if isinstance(node, query.Term) and isinstance(node.text, str):
            words.append((node.fieldname, node.text))
        elif isinstance(node, query.Phrase):
            words.extend((node.fieldname, w) for w in node.words)
    return words
