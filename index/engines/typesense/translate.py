"""The query tree (:mod:`index.api.query`) as Typesense searches.

Matching is exact; only ranking is Typesense's own (then re-ranked, see ``ranking.py``):

- A single word in a field, a date span, an id set (``is:``) and AND/OR of them are filters
  (``filter_by`` token matches, exact whatever the settings).
- Phrases, a prefix, a fuzzy word and excluded words (``-word``, ``-"a b"``) go into ``q``
  with strict settings (every word required, no typos, no dropped words), over one set of
  fields; plain words join them there so that they rank.
- OR of anything else is emulated: one search per branch, merged on this side. The total is
  exact: from one filter when the OR is one, else from the union of the branches' ids (refused
  when they are too many to fetch).

Refused with a message naming the form: wildcards inside a word, two prefixes or a fuzzy word
beside other phrases, prefixes or excluded words in one search, phrases, prefixes and
excluded words of different fields together, and an OR inside an OR branch that needs ``q``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from index.api.errors import QueryError
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
    TextField,
    Wildcard,
    Word,
)
from index.api.records import Highlight
from index.engines.analysis.terms import name_terms
from index.engines.analysis.words import fold
from index.engines.typesense import filters as fx
from index.engines.typesense.schema import BOOSTS, FIELD_OF, NAME_FIELDS, TEXT_FIELDS
from index.engines.typesense.text import FUZZY_MARK, PREFIX_MARK, news_terms

MAX_BRANCHES = 8
"""Most OR branches one query may be split into."""
_HIGHLIGHTED = frozenset({"t", "b", "cap", "qt", "spk"})


@dataclass(frozen=True, slots=True)
class TextSearch:
    """One Typesense ``q`` over ``fields``: its last word a prefix, or every word fuzzy."""

    q: str = "*"
    fields: tuple[str, ...] = TEXT_FIELDS
    prefix: bool = False
    typos: int = 0


@dataclass(frozen=True, slots=True)
class Branch:
    """One search: a text query and a filter."""

    text: TextSearch
    filter: fx.Expr


@dataclass(frozen=True, slots=True)
class Plan:
    """How to answer a query: the union of ``branches``; ``counter`` matches exactly that
    union in one search (None: count the union's ids)."""

    branches: tuple[Branch, ...]
    counter: Branch | None
    highlight: Highlight = field(default_factory=Highlight)
    scoring: tuple[tuple[str, str, float], ...] = ()
    """(field, term, boost) of the words that rank results."""

    @property
    def nothing(self) -> bool:
        """Whether no article can match."""
        return not self.branches


# -- leaves ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Item:
    """A leaf that needs ``q``: its fields, how it reads in ``q``, and what it is."""

    fields: tuple[str, ...]
    token: str
    kind: str  # "word", "phrase", "prefix", "fuzzy", "not"
    terms: tuple[str, ...]
    typos: int = 0


_DROP = None


def _fields(name: TextField | None) -> tuple[str, ...]:
    return TEXT_FIELDS if name is None else (FIELD_OF[name],)


def _terms(fields: tuple[str, ...], text: str) -> tuple[str, ...]:
    return tuple(name_terms(text) if fields[0] in NAME_FIELDS else news_terms(text))


def _leaf(node: Node, negated: bool) -> fx.Expr | _Item | None:
    """A filter for ``node`` when one is exact, else what it needs in ``q`` (None: dropped,
    like a stop word)."""
    if isinstance(node, DateSpan):
        return fx.dated(node.first, node.last, inside=not negated)
    if isinstance(node, IdSet):
        return fx.none_of("aid", node.ids) if negated else fx.one_of("aid", node.ids)
    if isinstance(node, State):
        raise ValueError("is: filters must be resolved before translation")
    if isinstance(node, Wildcard):
        head = node.pattern.split("*")[0].split("?")[0]
        raise QueryError(
            f"'{node.pattern}': wildcards inside a word are not supported on the Typesense "
            f"backend; use a prefix ({head}*)"
        )
    assert isinstance(node, Word | Phrase | Prefix | Fuzzy)
    if node.field == "id":
        return fx.none_of("aid", [node.text]) if negated else fx.one_of("aid", [node.text])
    fields = _fields(node.field)
    if negated and isinstance(node, Prefix | Fuzzy):
        typed = f"{node.text}*" if isinstance(node, Prefix) else f"{node.text}~"
        raise QueryError(
            f"'-{typed}': excluding a prefix or a fuzzy word is not supported on the "
            "Typesense backend; exclude whole words"
        )
    if isinstance(node, Prefix):
        folded, stems = fold(node.text), news_terms(node.text)
        # "vaccines*" also finds what "vaccines" is indexed as (the stem "vaccin"); one
        # prefix covers both: the part the word and its stem share.
        shared = _shared_start(folded, stems[0]) if stems else folded
        text = folded if fields[0] in NAME_FIELDS or not shared else shared
        return _Item(fields, text, "prefix", (text + PREFIX_MARK,))
    terms = _terms(fields, node.text)
    if not terms:
        return _DROP
    if isinstance(node, Fuzzy):
        token = terms[0]
        return _Item(
            fields, token, "fuzzy", (f"{token}{FUZZY_MARK}{node.distance}",), node.distance
        )
    if len(terms) == 1 and not negated:
        return fx.has_word(fields, terms[0])
    token = terms[0] if len(terms) == 1 else '"' + " ".join(terms) + '"'
    if negated:
        return _Item(fields, "-" + token, "not", terms)
    return _Item(fields, token, "phrase", terms)


# -- the tree --------------------------------------------------------------------------------


def negation_inward(node: Node, negate: bool = False) -> Node:
    """``node`` with every NOT pushed down to a leaf (De Morgan), nested AND/OR flattened."""
    if isinstance(node, Not):
        return negation_inward(node.child, not negate)
    if isinstance(node, And | Or):
        kind: type[And] | type[Or] = type(node)
        if negate:
            kind = Or if isinstance(node, And) else And
        children: list[Node] = []
        for child in (negation_inward(c, negate) for c in node.children):
            children.extend(child.children if isinstance(child, kind) else (child,))
        return kind(tuple(children))
    return Not(node) if negate else node


def _filter(node: Node) -> fx.Expr | _Item | None:
    """An exact filter for ``node`` if there is one, else an item or None (dropped)."""
    if isinstance(node, Not):
        return _leaf(node.child, True)
    if isinstance(node, And | Or):
        parts = [_filter(child) for child in node.children]
        if any(isinstance(part, _Item) for part in parts):
            return _Item((), "", "group", ())
        kept = [part for part in parts if part is not _DROP]
        if not kept:
            return _DROP
        exprs = [p for p in kept if not isinstance(p, _Item)]
        return fx.all_of(exprs) if isinstance(node, And) else fx.any_of(exprs)
    return _leaf(node, False)


class Translator:
    """Turns a query tree, with the request's own filters, into a :class:`Plan`."""

    def __init__(self, base: fx.Expr) -> None:
        self._base = base

    def plan(self, tree: Node | None) -> Plan:
        """The plan for ``tree`` (None: every article).

        Raises:
            QueryError: For a form this backend cannot answer exactly.
        """
        if tree is None:
            branch = Branch(TextSearch(), self._base)
            return self._finish([branch], branch, [])
        tree = negation_inward(tree)
        conjuncts = list(tree.children) if isinstance(tree, And) else [tree]
        groups = [c for c in conjuncts if isinstance(c, Or)]
        needy = [g for g in groups if isinstance(_filter(g), _Item)]
        if len(needy) > 1:
            raise QueryError(
                "only one OR group with phrases, prefixes or excluded words per query on "
                "the Typesense backend; combine the others with AND"
            )
        # The OR that needs q is split into branches; else the first OR of words is, so that
        # each branch ranks by its own words (an OR of dates or ids stays a filter).
        split = needy[0] if needy else next((g for g in groups if _words(g)), None)
        rest = [c for c in conjuncts if c is not split]
        if split is None:
            only = self._branch(rest)
            return self._finish([only] if only else [], only, rest)
        options = list(split.children)
        if len(options) > MAX_BRANCHES:
            raise QueryError(
                f"at most {MAX_BRANCHES} OR branches per query on the Typesense backend"
            )
        branches = [b for b in (self._branch([*rest, o]) for o in options) if b is not None]
        exact = _filter(split)
        counter = None
        if not isinstance(exact, _Item):
            counter = self._branch([*rest, split], keep_words=False)
        return self._finish(branches, counter, [*rest, split])

    def _branch(self, conjuncts: list[Node], *, keep_words: bool = True) -> Branch | None:
        """One search for the conjunction of ``conjuncts`` (None: it cannot match)."""
        exprs: list[fx.Expr] = [self._base]
        items: list[_Item] = []
        words: list[_Item] = []
        parts = [
            p for node in conjuncts for p in (node.children if isinstance(node, And) else (node,))
        ]
        kept = 0
        for part in parts:
            found = _filter(part)
            kept += found is not _DROP
            if isinstance(found, _Item):
                if found.kind == "group":
                    raise QueryError(
                        "an OR of phrases, prefixes or excluded words inside another OR "
                        "is not supported on the Typesense backend"
                    )
                items.append(found)
            elif found is not _DROP:
                exprs.append(found)
                if keep_words and isinstance(part, Word) and part.field != "id":
                    words.extend(w for w in [_word_item(part)] if w is not None)
        condition = fx.all_of(exprs)
        if condition == fx.FALSE or (parts and not kept):
            return None  # (only stop words: nothing to look for, as on the local index)
        return Branch(_text_search(items, words), condition)

    def _finish(
        self, branches: list[Branch], counter: Branch | None, conjuncts: list[Node]
    ) -> Plan:
        terms: dict[str, None] = {}
        phrases: dict[tuple[str, ...], None] = {}
        scoring: dict[tuple[str, str], float] = {}
        for node in conjuncts:
            for leaf in _positive_leaves(node):
                item = _leaf_item(leaf)
                if item is None:
                    continue
                if set(item.fields) & _HIGHLIGHTED:
                    if item.kind == "phrase":
                        phrases[item.terms] = None
                    else:
                        terms.update(dict.fromkeys(item.terms))
                if item.kind in ("word", "phrase"):
                    for name in item.fields:
                        for term in item.terms:
                            scoring.setdefault((name, term), BOOSTS.get(name, 1.0))
        return Plan(
            tuple(branches),
            counter,
            Highlight(tuple(terms), tuple(phrases)),
            tuple((name, term, boost) for (name, term), boost in scoring.items()),
        )


def _shared_start(a: str, b: str) -> str:
    size = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    return a[:size]


def _words(node: Node) -> bool:
    return any(isinstance(leaf, Word | Phrase | Prefix | Fuzzy) for leaf in _positive_leaves(node))


def _positive_leaves(node: Node) -> list[Node]:
    if isinstance(node, And | Or):
        return [leaf for child in node.children for leaf in _positive_leaves(child)]
    return [] if isinstance(node, Not) else [node]


def _word_item(node: Word) -> _Item | None:
    fields = _fields(node.field)
    terms = _terms(fields, node.text)
    return _Item(fields, terms[0], "word", terms) if len(terms) == 1 else None


def _leaf_item(leaf: Node) -> _Item | None:
    if not isinstance(leaf, Word | Phrase | Prefix | Fuzzy) or leaf.field == "id":
        return None
    if isinstance(leaf, Word):
        fields = _fields(leaf.field)
        terms = _terms(fields, leaf.text)
        kind = "word" if len(terms) == 1 else "phrase"
        return _Item(fields, "", kind, terms) if terms else None
    found = _leaf(leaf, False)
    if isinstance(found, _Item):
        return found
    if found is _DROP:
        return None
    fields = _fields(leaf.field)
    return _Item(fields, "", "word", _terms(fields, leaf.text))


def _text_search(items: list[_Item], words: list[_Item]) -> TextSearch:
    """The ``q`` of one branch: what needs it, and plain words of the same fields to rank by."""
    if not items:
        if not words:
            return TextSearch()
        fields = TEXT_FIELDS if any(w.fields == TEXT_FIELDS for w in words) else words[0].fields
        same = dict.fromkeys(w.token for w in words if w.fields == fields)
        return TextSearch(" ".join(same), fields)
    fields = items[0].fields
    if any(item.fields != fields for item in items):
        raise QueryError(
            "phrases, prefixes and excluded words must be in the same field(s) on the "
            "Typesense backend (one text query per search)"
        )
    fuzzy = [item for item in items if item.kind == "fuzzy"]
    prefixes = [item for item in items if item.kind == "prefix"]
    if fuzzy and len(items) > 1:
        raise QueryError(
            f"'{fuzzy[0].token}~': a fuzzy word works alone on the Typesense backend (its "
            "typo setting would apply to every word of the search); add plain words instead"
        )
    if len(prefixes) > 1:
        raise QueryError(
            f"'{prefixes[0].token}*' and '{prefixes[1].token}*': one prefix per search on the "
            "Typesense backend (only the last word can be a prefix); use OR between them"
        )
    if fuzzy:
        return TextSearch(fuzzy[0].token, fields, typos=fuzzy[0].typos)
    plain = [w.token for w in words if w.fields == fields]
    tokens = [*dict.fromkeys(plain), *(i.token for i in items if i.kind in ("phrase", "not"))]
    tokens += [p.token for p in prefixes]
    return TextSearch(" ".join(tokens), fields, prefix=bool(prefixes))
