"""Typesense ``filter_by`` expressions, built as a small tree and written out once.

Constants fold away as the tree is built (an empty id set matches nothing), so a query that
cannot match is known before any request is sent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Clause:
    """One ``field:value`` condition, written as Typesense reads it."""

    text: str


@dataclass(frozen=True, slots=True)
class AllOf:
    """Every part holds."""

    parts: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class AnyOf:
    """At least one part holds."""

    parts: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class Constant:
    """Always true, or never."""

    value: bool


Expr = Clause | AllOf | AnyOf | Constant
TRUE = Constant(True)
FALSE = Constant(False)


def quoted(value: str) -> str:
    """``value`` as one filter value (backticks keep commas, brackets and spaces in it)."""
    return "`" + value.replace("\\", "\\\\").replace("`", "\\`") + "`"


def all_of(parts: Iterable[Expr]) -> Expr:
    """The conjunction of ``parts``, constants folded."""
    kept: list[Expr] = []
    for part in parts:
        if part == FALSE:
            return FALSE
        if part != TRUE:
            kept.extend(part.parts if isinstance(part, AllOf) else (part,))
    return TRUE if not kept else kept[0] if len(kept) == 1 else AllOf(tuple(kept))


def any_of(parts: Iterable[Expr]) -> Expr:
    """The disjunction of ``parts``, constants folded."""
    kept: list[Expr] = []
    for part in parts:
        if part == TRUE:
            return TRUE
        if part != FALSE:
            kept.extend(part.parts if isinstance(part, AnyOf) else (part,))
    return FALSE if not kept else kept[0] if len(kept) == 1 else AnyOf(tuple(kept))


def has_word(fields: Iterable[str], term: str) -> Expr:
    """Any of ``fields`` holds the indexed term ``term``."""
    return any_of(Clause(f"{field}:{quoted(term)}") for field in fields)


def one_of(field: str, values: Iterable[str]) -> Expr:
    """``field`` is exactly one of ``values`` (none: never)."""
    listed = sorted(set(values))
    if not listed:
        return FALSE
    return Clause(f"{field}:=[{','.join(quoted(v) for v in listed)}]")


def none_of(field: str, values: Iterable[str]) -> Expr:
    """``field`` is none of ``values`` (none: always)."""
    listed = sorted(set(values))
    if not listed:
        return TRUE
    return Clause(f"{field}:!=[{','.join(quoted(v) for v in listed)}]")


def day(date: dt.date) -> int:
    """A date as the ``YYYYMMDD`` number the index keeps."""
    return date.year * 10000 + date.month * 100 + date.day


def dated(first: dt.date, last: dt.date, *, inside: bool = True) -> Expr:
    """Articles dated from ``first`` to ``last`` (or, not ``inside``, all others: undated too)."""
    if inside:
        return Clause(f"published:[{day(first)}..{day(last)}]")
    return any_of((Clause(f"published:<{day(first)}"), Clause(f"published:>{day(last)}")))


def render(expr: Expr) -> str:
    """The ``filter_by`` text (``""`` for always true)."""
    if isinstance(expr, Clause):
        return expr.text
    if isinstance(expr, Constant):
        # Never true: no document has an empty id. (Callers skip requests that cannot match.)
        return "" if expr.value else "id:[]"
    joiner = " && " if isinstance(expr, AllOf) else " || "
    return "(" + joiner.join(render(part) for part in expr.parts) + ")"
