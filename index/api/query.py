"""The query language as a small typed tree: what every engine translates, and nothing else does.

:func:`index.api.parse.parse_query` turns what a user types into these nodes. Leaves keep the
span of the text they were typed as, so a correction ("did you mean") can be put back into the
user's own words. Engines translate the tree into their own queries; forms an engine cannot
express are refused there with a message naming the form.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal, TypeAlias

TextField = Literal[
    "title", "body", "captions", "quotes", "speaker", "source", "section", "tags", "author", "id"
]
"""Fields a word can be looked for in; ``None`` in a leaf means the default (title and text)."""
StateName = Literal["read", "unread", "bookmarked"]
STATE_NAMES: tuple[StateName, ...] = ("read", "unread", "bookmarked")
Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Word:
    """A word, stemmed and accent-folded by the engine (``strikes`` finds *striking*)."""

    text: str
    field: TextField | None = None
    span: Span = dataclasses.field(default=(0, 0), compare=False)


@dataclass(frozen=True, slots=True)
class Phrase:
    """Words next to each other, in this order (``"port strike"``)."""

    text: str
    field: TextField | None = None
    span: Span = dataclasses.field(default=(0, 0), compare=False)


@dataclass(frozen=True, slots=True)
class Prefix:
    """Any word starting with ``text`` (``vaccin*``)."""

    text: str
    field: TextField | None = None
    span: Span = dataclasses.field(default=(0, 0), compare=False)


@dataclass(frozen=True, slots=True)
class Wildcard:
    """A word matching a pattern with ``*`` (any letters) and ``?`` (one letter) inside it."""

    pattern: str
    field: TextField | None = None
    span: Span = dataclasses.field(default=(0, 0), compare=False)


@dataclass(frozen=True, slots=True)
class Fuzzy:
    """Words within ``distance`` edits (1 or 2) of ``text`` (``fintec~``)."""

    text: str
    distance: int = 1
    field: TextField | None = None
    span: Span = dataclasses.field(default=(0, 0), compare=False)


@dataclass(frozen=True, slots=True)
class DateSpan:
    """Articles dated from ``first`` to ``last``, both included."""

    first: dt.date
    last: dt.date
    span: Span = dataclasses.field(default=(0, 0), compare=False)


@dataclass(frozen=True, slots=True)
class State:
    """The reader's own marks: ``is:read``, ``is:unread``, ``is:bookmarked``."""

    name: StateName
    span: Span = dataclasses.field(default=(0, 0), compare=False)


@dataclass(frozen=True, slots=True)
class IdSet:
    """Exactly these article ids (what :class:`State` becomes once the marks are known)."""

    ids: frozenset[str]


@dataclass(frozen=True, slots=True)
class And:
    """Every child matches."""

    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    """At least one child matches."""

    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    """The child does not match."""

    child: Node


Leaf: TypeAlias = Word | Phrase | Prefix | Wildcard | Fuzzy | DateSpan | State | IdSet
Node: TypeAlias = Leaf | And | Or | Not
TextLeaf: TypeAlias = Word | Phrase | Prefix | Wildcard | Fuzzy


def walk(node: Node) -> Iterator[Node]:
    """Every node of the tree, parents before their children."""
    yield node
    if isinstance(node, And | Or):
        for child in node.children:
            yield from walk(child)
    elif isinstance(node, Not):
        yield from walk(node.child)


def wanted(node: Node) -> Iterator[Leaf]:
    """The leaves the query looks for (not those under a NOT): what hits are marked by."""
    if isinstance(node, And | Or):
        for child in node.children:
            yield from wanted(child)
    elif not isinstance(node, Not):
        yield node


def text_leaves(node: Node) -> Iterator[TextLeaf]:
    """Every word-like leaf, wanted or excluded."""
    for item in walk(node):
        if isinstance(item, Word | Phrase | Prefix | Wildcard | Fuzzy):
            yield item


def has_dates(node: Node) -> bool:
    """Whether the query restricts dates."""
    return any(isinstance(item, DateSpan) for item in walk(node))


def replace_leaves(node: Node, change: Callable[[Leaf], Node]) -> Node:
    """The tree with every leaf replaced by ``change(leaf)`` (structure kept)."""
    if isinstance(node, And):
        return And(tuple(replace_leaves(child, change) for child in node.children))
    if isinstance(node, Or):
        return Or(tuple(replace_leaves(child, change) for child in node.children))
    if isinstance(node, Not):
        return Not(replace_leaves(node.child, change))
    return change(node)


def resolve_states(node: Node, read: frozenset[str], bookmarked: frozenset[str]) -> Node:
    """The tree with ``is:`` leaves turned into the id sets they stand for.

    ``is:unread`` is everything but the read articles.
    """

    def resolve(leaf: Leaf) -> Node:
        if not isinstance(leaf, State):
            return leaf
        if leaf.name == "read":
            return IdSet(read)
        if leaf.name == "bookmarked":
            return IdSet(bookmarked)
        return Not(IdSet(read))

    return replace_leaves(node, resolve)


def with_field(leaf: TextLeaf, name: TextField) -> TextLeaf:
    """``leaf`` looked for in field ``name`` instead."""
    return dataclasses.replace(leaf, field=name)
