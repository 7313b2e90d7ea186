"""The query language: one parser, one tree; the README's table and the parser agree."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from index.api.errors import QueryError
from index.api.parse import FIELD_NAMES, parse_query
from index.api.query import (
    And,
    DateSpan,
    Fuzzy,
    Node,
    Not,
    Or,
    Phrase,
    Prefix,
    State,
    Wildcard,
    Word,
    resolve_states,
    walk,
)

README = Path(__file__).resolve().parent.parent / "README.md"


@pytest.mark.parametrize(
    ("typed", "tree"),
    [
        ("port strike", And((Word("port"), Word("strike")))),
        ("port AND strike", And((Word("port"), Word("strike")))),
        ('"port strike"', Phrase("port strike")),
        ("\u201cport strike\u201d", Phrase("port strike")),
        ("shanghai OR drought", Or((Word("shanghai"), Word("drought")))),
        ("a b OR c", Or((And((Word("a"), Word("b"))), Word("c")))),
        ("(a OR b) c", And((Or((Word("a"), Word("b"))), Word("c")))),
        ("fintech -london", And((Word("fintech"), Not(Word("london"))))),
        ("fintech NOT london", And((Word("fintech"), Not(Word("london"))))),
        ("NOT NOT x", Not(Not(Word("x")))),
        ("title:fintech", Word("fintech", "title")),
        ("text:x caption:y tag:z quote:w", And((Word("x", "body"), Word("y", "captions"),
                                                Word("z", "tags"), Word("w", "quotes")))),
        ('speaker:"Ada Vik"', Phrase("Ada Vik", "speaker")),
        ("title:(a OR b)", Or((Word("a", "title"), Word("b", "title")))),
        ("vaccin*", Prefix("vaccin")),
        ("wom?n", Wildcard("wom?n")),
        ("fintec~", Fuzzy("fintec", 1)),
        ("fintec~2", Fuzzy("fintec", 2)),
        ("date:2019-06", DateSpan(dt.date(2019, 6, 1), dt.date(2019, 6, 30))),
        ("date:[2019-01 TO 2019-06]", DateSpan(dt.date(2019, 1, 1), dt.date(2019, 6, 30))),
        ("date:{2019 TO 2021}", DateSpan(dt.date(2020, 1, 1), dt.date(2020, 12, 31))),
        ("date:>2020", DateSpan(dt.date(2021, 1, 1), dt.date(2199, 12, 31))),
        ("date:<2020", DateSpan(dt.date(1800, 1, 1), dt.date(2019, 12, 31))),
        ("year:2020", DateSpan(dt.date(2020, 1, 1), dt.date(2020, 12, 31))),
        ("is:unread", State("unread")),
        ("10:00 http://example.com", And((Word("10:00"), Word("http://example.com")))),
        ("", None),
        ("   ", None),
    ],
)  # fmt: skip
def test_queries_parse_into_trees(typed: str, tree: Node | None) -> None:
    assert parse_query(typed) == tree


def test_leaves_remember_where_they_were_typed() -> None:
    text = 'fintek "port strike" title:harbour'
    tree = parse_query(text)
    assert isinstance(tree, And)
    assert [text[slice(*leaf.span)] for leaf in tree.children] == [  # type: ignore[union-attr]
        "fintek",
        '"port strike"',
        "harbour",
    ]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("title:", "'title:' needs a value"),
        ("title: fintech", "'title:' needs a value"),
        ("fintec~3", "the fuzzy distance is 1 (word~) or 2 (word~2), not more"),
        ("internationalisation~9", "not more"),
        ("ab~", "a fuzzy word needs at least 3 letters"),
        ("a OR OR b", "'OR' needs a word after it"),
        ("(" * 30 + "a" + ")" * 30, "nests too deeply"),
        ('"a b"~2', "proximity searches"),
        ("title:[a TO b]", "only work on dates"),
        ("date:1700", "years run from 1800 to 2199"),
        ("date:2019-02-30", "is not a day of that month"),
        ("is:starred", "unknown filter 'is:starred'"),
    ],
)
def test_bad_queries_are_refused_with_one_line(typed: str, message: str) -> None:
    with pytest.raises(QueryError, match=re.escape(message)) as caught:
        parse_query(typed)
    assert "\n" not in str(caught.value)


def test_reading_state_becomes_id_sets() -> None:
    tree = parse_query("fintech is:unread -is:bookmarked")
    assert tree is not None
    resolved = resolve_states(tree, frozenset({"a"}), frozenset({"b"}))
    assert not any(isinstance(node, State) for node in walk(resolved))
    assert "IdSet(ids=frozenset({'a'}))" in repr(resolved)
    assert "IdSet(ids=frozenset({'b'}))" in repr(resolved)


def readme_examples() -> list[str]:
    text = README.read_text(encoding="utf-8")
    table = text[text.index("### Query language") :]
    table = table[: table.index("\n\n", table.index("| you type"))]
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    return [example for row in rows for example in re.findall(r"`([^`]+)`", row.split(" | ")[0])]


def test_the_readme_table_and_the_parser_agree() -> None:
    examples = readme_examples()
    assert len(examples) > 20
    kinds: set[type] = set()
    fields: set[str] = set()
    for example in examples:
        tree = parse_query(example)  # every example in the table parses
        assert tree is not None, example
        kinds.update(type(node) for node in walk(tree))
        fields.update(m.group(1) for m in re.finditer(r"(?<![\w])([a-z]+):", example))
    # Every form the parser knows is shown in the table...
    assert kinds >= {And, Or, Not, Word, Phrase, Prefix, Wildcard, Fuzzy, DateSpan, State}
    # ... every field named there exists, and every field is named there in some spelling.
    assert fields <= set(FIELD_NAMES)
    meanings = {meaning for name, meaning in FIELD_NAMES.items() if name not in {"id"}}
    assert {FIELD_NAMES[name] for name in fields} == meanings
