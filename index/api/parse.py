"""Parsing the query language into the tree of :mod:`index.api.query`, with clear errors.

The one owner of the syntax: words, ``"phrases"``, ``AND``/``OR``/``NOT``, ``-word``,
parentheses, ``field:value`` and ``field:(...)``, ``date:2019``, ``date:[2019-01 TO 2019-06]``,
``date:>2020``, prefix ``fin*``, wildcards ``wom?n``, fuzzy ``fintec~`` and ``fintec~2``, and
``is:unread``. Every bound (length, words, nesting, wildcards, fuzzy distance) is checked here,
so a bad query is refused at once with a message, before any engine does work.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from index.api.errors import QueryError
from index.api.query import (
    STATE_NAMES,
    And,
    DateSpan,
    Fuzzy,
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

MAX_QUERY_CHARS = 1000
MAX_WORDS = 64
MAX_DEPTH = 20
MIN_PREFIX = 2
MIN_FUZZY = 3
MAX_FUZZY = 2
MAX_WILDCARDS = 2
EARLIEST = dt.date(1800, 1, 1)
LATEST = dt.date(2199, 12, 31)

FIELD_NAMES: dict[str, TextField | Literal["date", "is"]] = {
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
    "is": "is",
}
"""Field names a user may type -> what they mean."""
SHOWN_FIELDS = tuple(sorted(k for k in FIELD_NAMES if k not in {"text", "year", "id"}))
"""The field names error messages list (aliases and ids left out)."""

_FIELD = re.compile(r"([A-Za-z_]\w*):(?!//)")
_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_COMPARISON = re.compile(r"(>=|<=|>|<)(.*)")
_FUZZY = re.compile(r"(.+?)~(\d*)")
_OPENING = {'"': '"', "\u201c": "\u201d", "\u201e": "\u201c"}
_STOPS = frozenset(" \t\n()") | frozenset(_OPENING)
_OPERATORS = {"AND", "OR", "NOT"}

Kind = Literal["word", "phrase", "field", "range", "open", "close", "op", "minus"]


@dataclass(frozen=True, slots=True)
class _Token:
    kind: Kind
    text: str
    start: int
    end: int


def parse_query(text: str) -> Node | None:
    """The tree of a query, or None for an empty one (which means every article).

    Raises:
        QueryError: When the query cannot be understood; the message says what is wrong.
    """
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(
            f"the query is too long ({len(text):,} characters; at most {MAX_QUERY_CHARS:,})"
        )
    tokens = _tokenize(text)
    words = sum(1 for t in tokens if t.kind in ("word", "phrase", "range"))
    if words > MAX_WORDS:
        raise QueryError(f"the query has too many words ({words}; at most {MAX_WORDS})")
    parser = _Parser(tokens)
    tree = parser.expression(None, 0)
    if parser.pos < len(tokens):
        raise QueryError("unbalanced parenthesis: ')' without '('")
    return tree


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    pos, size = 0, len(text)
    while pos < size:
        char = text[pos]
        if char.isspace():
            pos += 1
        elif char in "()":
            tokens.append(_Token("open" if char == "(" else "close", char, pos, pos + 1))
            pos += 1
        elif char in _OPENING:
            pos = _phrase(text, pos, tokens)
        elif char == "-" and pos + 1 < size and text[pos + 1] not in " \t\n-":
            tokens.append(_Token("minus", "-", pos, pos + 1))
            pos += 1
        elif char == "+" and pos + 1 < size and not text[pos + 1].isspace():
            pos += 1  # "+word": a word is required anyway
        else:
            pos = _bare(text, pos, tokens)
    return tokens


def _phrase(text: str, pos: int, tokens: list[_Token]) -> int:
    closing = _OPENING[text[pos]]
    end = pos + 1
    while end < len(text) and text[end] not in (closing, '"'):
        end += 1
    if end >= len(text):
        raise QueryError('unbalanced quote mark: a "phrase" needs a closing "')
    tokens.append(_Token("phrase", text[pos + 1 : end], pos, end + 1))
    if end + 1 < len(text) and text[end + 1] == "~":
        raise QueryError('proximity searches ("a b"~3) are not supported; use a phrase or AND')
    return end + 1


def _bare(text: str, pos: int, tokens: list[_Token]) -> int:
    end = pos
    while end < len(text) and text[end] not in _STOPS:
        end += 1
    word = text[pos:end]
    field = _FIELD.match(word)
    if field is None:
        kind: Kind = "op" if word in _OPERATORS else "word"
        tokens.append(_Token(kind, word, pos, end))
        return end
    name = field.group(1)
    if name.lower() not in FIELD_NAMES:
        raise QueryError(f"unknown field '{name}:'; known fields: {', '.join(SHOWN_FIELDS)}")
    split = pos + field.end()
    tokens.append(_Token("field", name.lower(), pos, split))
    if split < len(text) and text[split] in "[{":
        close = min(
            (i for i in (text.find("]", split), text.find("}", split)) if i >= 0), default=-1
        )
        if close < 0:
            raise QueryError(f"unbalanced bracket: '{text[split]}' is never closed")
        tokens.append(_Token("range", text[split : close + 1], split, close + 1))
        return close + 1
    if split < end:
        tokens.append(_Token("word", text[split:end], split, end))
    elif split >= len(text) or text[split].isspace() or text[split] == ")":
        raise QueryError(f"'{name}:' needs a value after the colon (e.g. {name}:word)")
    return end


class _Parser:
    """Recursive descent over the tokens: OR binds loosest, then AND (or nothing), then NOT."""

    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.pos = 0

    def _peek(self) -> _Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def _ends_operand(self) -> bool:
        token = self._peek()
        return (
            token is None or token.kind == "close" or (token.kind == "op" and token.text != "NOT")
        )

    def expression(self, field: str | None, depth: int) -> Node | None:
        if depth > MAX_DEPTH:
            raise QueryError(f"the query nests too deeply (at most {MAX_DEPTH} parentheses)")
        branches: list[Node] = []
        while True:
            branch = self._conjunction(field, depth)
            token = self._peek()
            if token is None or token.kind == "close":
                if branch is not None:
                    branches.append(branch)
                break
            # Only "OR" can stop a conjunction here.
            if branch is None:
                raise QueryError("'OR' needs a word before it")
            branches.append(branch)
            self.pos += 1
            if self._ends_operand():
                raise QueryError("'OR' needs a word after it")
        if not branches:
            return None
        return branches[0] if len(branches) == 1 else Or(tuple(branches))

    def _conjunction(self, field: str | None, depth: int) -> Node | None:
        items: list[Node] = []
        while True:
            token = self._peek()
            if token is None or token.kind == "close" or (token.kind, token.text) == ("op", "OR"):
                break
            if (token.kind, token.text) == ("op", "AND"):
                if not items:
                    raise QueryError("'AND' needs a word before it")
                self.pos += 1
                if self._ends_operand():
                    raise QueryError("'AND' needs a word after it")
                continue
            item = self._unary(field, depth)
            if item is not None:
                items.append(item)
        if not items:
            return None
        return items[0] if len(items) == 1 else And(tuple(items))

    def _unary(self, field: str | None, depth: int) -> Node | None:
        token = self._peek()
        assert token is not None
        if token.kind == "minus" or (token.kind, token.text) == ("op", "NOT"):
            self.pos += 1
            if self._ends_operand():
                raise QueryError(f"'{token.text}' needs a word after it")
            inner = (
                self._unary(field, depth + 1) if token.kind == "op" else self._atom(field, depth)
            )
            return Not(inner) if inner is not None else None
        return self._atom(field, depth)

    def _atom(self, field: str | None, depth: int) -> Node | None:
        token = self._peek()
        if token is None:
            return None
        self.pos += 1
        if token.kind == "open":
            inner = self.expression(field, depth + 1)
            closing = self._peek()
            if closing is None or closing.kind != "close":
                raise QueryError("unbalanced parenthesis: '(' is never closed")
            self.pos += 1
            return inner
        if token.kind == "close":
            raise QueryError("unbalanced parenthesis: ')' without '('")
        if token.kind == "field":
            value = self._peek()
            if value is None or value.kind in ("close", "op", "minus", "field"):
                raise QueryError(f"'{token.text}:' needs a value after the colon")
            return self._atom(FIELD_NAMES[token.text], depth)
        if token.kind == "minus":
            inner = self._atom(field, depth)
            return Not(inner) if inner is not None else None
        return leaf(token.text, token.kind, field, (token.start, token.end))


def leaf(text: str, kind: str, field: str | None, span: tuple[int, int]) -> Node | None:
    """The leaf one word, phrase or range stands for in ``field`` (None: default fields)."""
    if field == "date":
        return DateSpan(*date_span(text), span=span)
    if field == "is":
        name = text.lower()
        if name not in STATE_NAMES:
            raise QueryError(f"unknown filter 'is:{text}'; use is:read, is:unread or is:bookmarked")
        return State(name, span=span)
    if kind == "range":
        raise QueryError(f"ranges like {text} only work on dates (date:[2019 TO 2020])")
    target: TextField | None = field  # type: ignore[assignment]
    if kind == "phrase":
        return Phrase(text, target, span) if text.strip() else None
    if kind == "op":  # an operator word where a value was expected, e.g. title:AND
        return Word(text, target, span)
    if target == "id":
        return Word(text, target, span)
    fuzzy = _FUZZY.fullmatch(text)
    if fuzzy is not None:
        return _fuzzy(text, fuzzy.group(1), fuzzy.group(2), target, span)
    if "*" in text or "?" in text:
        return _wildcard(text, target, span)
    return Word(text, target, span)


def _fuzzy(
    typed: str, word: str, distance: str, field: TextField | None, span: tuple[int, int]
) -> Node:
    if "~" in word or "*" in word or "?" in word:
        raise QueryError(f"'{typed}': write a fuzzy word as word~ or word~2")
    edits = int(distance) if distance else 1
    if not 1 <= edits <= MAX_FUZZY:
        raise QueryError(
            f"'{typed}': the fuzzy distance is 1 (word~) or {MAX_FUZZY} (word~{MAX_FUZZY}), "
            "not more"
        )
    if len(word) < MIN_FUZZY:
        raise QueryError(f"'{typed}': a fuzzy word needs at least {MIN_FUZZY} letters")
    return Fuzzy(word, edits, field, span)


def _wildcard(word: str, field: TextField | None, span: tuple[int, int]) -> Node:
    literal = re.match(r"[^*?]*", word)
    if literal is None or len(literal.group()) < MIN_PREFIX:
        raise QueryError(
            f"'{word}': a wildcard needs at least {MIN_PREFIX} letters before it (e.g. fin*)"
        )
    if word.count("*") + word.count("?") > MAX_WILDCARDS:
        raise QueryError(f"'{word}': at most two wildcards in a word")
    if word.endswith("*") and word.count("*") == 1 and "?" not in word:
        return Prefix(word[:-1], field, span)
    return Wildcard(word, field, span)


def date_span(text: str) -> tuple[dt.date, dt.date]:
    """First and last day of ``2019``, ``2019-06``, ``>2020``, ``[2019-01 TO 2019-06]``...

    Raises:
        QueryError: When the text is no date or range of dates.
    """
    text = text.strip()
    if text[:1] in "[{":
        return _range(text)
    comparison = _COMPARISON.fullmatch(text)
    if comparison is not None:
        first, last = _day_span(comparison.group(2))
        operator = comparison.group(1)
        if operator == ">":
            return last + dt.timedelta(days=1), LATEST  # after 2020 = from 2021
        if operator == ">=":
            return first, LATEST
        if operator == "<":
            return EARLIEST, first - dt.timedelta(days=1)
        return EARLIEST, last
    return _day_span(text)


def _range(text: str) -> tuple[dt.date, dt.date]:
    inside = text[1:-1].strip()
    parts = re.split(r"\s+TO\s+|^TO\s+|\s+TO$|^TO$", inside)
    if len(parts) != 2:
        raise QueryError(f"{text!r}: write a date range as date:[2019-01 TO 2019-06]")
    low, high = EARLIEST, LATEST
    if parts[0].strip():
        first, last = _day_span(parts[0])
        low = last + dt.timedelta(days=1) if text[0] == "{" else first
    if parts[1].strip():
        first, last = _day_span(parts[1])
        high = first - dt.timedelta(days=1) if text[-1] == "}" else last
    return max(low, EARLIEST), min(high, LATEST)


def _day_span(text: str) -> tuple[dt.date, dt.date]:
    """First and last day of a full or partial ISO date."""
    match = _PARTIAL_DATE.fullmatch(text.strip())
    if not match:
        raise QueryError(
            f"{text!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD (e.g. date:2019-03)"
        )
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if not EARLIEST.year <= year <= LATEST.year:
        raise QueryError(f"{text!r}: years run from {EARLIEST.year} to {LATEST.year}")
    if month is not None and not 1 <= month <= 12:
        raise QueryError(f"{text!r} has no month {month}")
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    last_day = calendar.monthrange(year, month)[1]
    if day is None:
        return dt.date(year, month, 1), dt.date(year, month, last_day)
    if not 1 <= day <= last_day:
        raise QueryError(f"{text!r} is not a day of that month")
    return dt.date(year, month, day), dt.date(year, month, day)
