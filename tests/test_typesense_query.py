"""The query language on the Typesense backend without a server: plans, refusals, hits, config."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from index.api.errors import QueryError
from index.api.parse import parse_query
from index.api.query import resolve_states
from index.api.records import Highlight
from index.engines import backend_problems
from index.engines.typesense import filters as fx
from index.engines.typesense.snippets import make_snippet
from index.engines.typesense.text import hit_spans
from index.engines.typesense.translate import Plan, Translator
from tests.conftest import REPO
from tui.cli import main

SECRET = "s3cret-Value-that-must-never-show"


def plan(text: str) -> Plan:
    return Translator(fx.TRUE).plan(parse_query(text))


def searches(text: str) -> list[tuple[str, tuple[str, ...], bool, int, str]]:
    return [
        (b.text.q, b.text.fields, b.text.prefix, b.text.typos, fx.render(b.filter))
        for b in plan(text).branches
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Words are filters (exact) and rank in q; stemmed as the local index stems them.
        ("strikes", [("strike", ("t", "b"), False, 0, "(t:`strike` || b:`strike`)")]),
        ('"port strikes"', [('"port strike"', ("t", "b"), False, 0, "")]),
        ("title:fintech", [("fintech", ("t",), False, 0, "t:`fintech`")]),
        ("speaker:okafor", [("okafor", ("spk",), False, 0, "spk:`okafor`")]),
        ("source:chinadaily.com.cn", [('"chinadaily com cn"', ("src",), False, 0, "")]),
        ("date:2019", [("*", ("t", "b"), False, 0, "published:[20190101..20191231]")]),
        (
            "-date:2019",
            [("*", ("t", "b"), False, 0, "(published:<20190101 || published:>20191231)")],
        ),
        (
            "fintech -london",
            [("fintech -london", ("t", "b"), False, 0, "(t:`fintech` || b:`fintech`)")],
        ),
        ("NOT (port OR strike)", [("-port -strike", ("t", "b"), False, 0, "")]),
        ("vaccines*", [("vaccin", ("t", "b"), True, 0, "")]),
        ("fintec~2", [("fintec", ("t", "b"), False, 2, "")]),
        ("id:abc", [("*", ("t", "b"), False, 0, "aid:=[`abc`]")]),
        (
            "shanghai OR drought",
            [
                ("shanghai", ("t", "b"), False, 0, "(t:`shanghai` || b:`shanghai`)"),
                ("drought", ("t", "b"), False, 0, "(t:`drought` || b:`drought`)"),
            ],
        ),
        ("fin* OR bank*", [("fin", ("t", "b"), True, 0, ""), ("bank", ("t", "b"), True, 0, "")]),
        ("the", []),  # only stop words: nothing to look for, as on the local index
    ],
)
def test_queries_become_filters_and_text_searches(
    query: str, expected: list[tuple[str, tuple[str, ...], bool, int, str]]
) -> None:
    assert searches(query) == expected


def test_an_or_of_words_is_counted_by_one_filter_and_an_or_of_phrases_by_ids() -> None:
    words = plan("shanghai OR drought").counter
    assert words is not None
    assert fx.render(words.filter) == (
        "(t:`shanghai` || b:`shanghai` || t:`drought` || b:`drought`)"
    )
    assert plan('"port strike" OR vaccin*').counter is None


def test_reading_state_ids_become_id_filters() -> None:
    read = frozenset({"a1", "b`2"})
    tree = parse_query("fintech")
    excluded = Translator(fx.none_of("aid", read)).plan(tree).branches[0]
    assert fx.render(excluded.filter) == ("(aid:!=[`a1`,`b\\`2`] && (t:`fintech` || b:`fintech`))")
    assert Translator(fx.one_of("aid", [])).plan(tree).nothing


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("wom?n", "'wom?n': wildcards inside a word are not supported on the Typesense backend"),
        ("harb*r", "use a prefix (harb*)"),
        ("fin* bank*", "one prefix per search on the Typesense backend"),
        ("-fin*", "'-fin*': excluding a prefix or a fuzzy word is not supported"),
        ("fintec~ vaccin*", "'fintec~': a fuzzy word works alone on the Typesense backend"),
        ('"port strike" -source:meridian', "must be in the same field(s)"),
        ('("port strike" OR dock) ("oil price" OR union)', "only one OR group"),
        ('fintech OR (bank AND ("port strike" OR dock))', "inside another OR"),
    ],
)
def test_forms_typesense_cannot_answer_exactly_are_refused_by_name(
    query: str, message: str
) -> None:
    with pytest.raises(QueryError) as caught:
        plan(query)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("text", "highlight", "hits"),
    [
        ("Striking dockers and a strike.", Highlight(("strike",)), ["Striking", "strike"]),
        ("Vaccines and vaccination work.", Highlight(("vaccin*",)), ["Vaccines", "vaccination"]),
        ("The fintech hub.", Highlight(("fintec~1",)), ["fintech"]),
        ("A port strike, a port.", Highlight((), (("port", "strike"),)), ["port strike"]),
        ("Łódź today.", Highlight(("lodz",)), ["Łódź"]),
    ],
)
def test_hits_are_found_as_the_index_matches_words(
    text: str, highlight: Highlight, hits: list[str]
) -> None:
    assert [text[s:e] for s, e in hit_spans(text, highlight)] == hits


def test_a_snippet_marks_hits_in_the_paragraph_with_most_of_them() -> None:
    paragraphs = ("Nothing here at all.", "The strike began; striking dockers marched.")
    snippet = make_snippet(paragraphs, Highlight(("strike",)), 200)
    assert snippet.marked() == "The **strike** began; **striking** dockers marched."


def test_the_backend_section_is_checked_without_repeating_a_key(tmp_path: Path) -> None:
    assert backend_problems({"nodes": ["h:1"], "api_key": SECRET}) == [
        "backend.api_key: keys are not kept in config.yaml; use api_key_file (mode 0600) "
        "or NEWSDESK_TYPESENSE_API_KEY"
    ]
    key_file = tmp_path / "key"
    key_file.write_text(SECRET)
    key_file.chmod(0o644)
    (problem,) = backend_problems({"nodes": ["h:1"], "api_key_file": "key"}, tmp_path)
    assert "open to group or others (mode 0644)" in problem
    assert SECRET not in problem
    key_file.chmod(0o600)
    assert backend_problems({"nodes": ["h:1"], "api_key_file": "key"}, tmp_path) == []


def test_config_check_reports_a_key_in_config_without_showing_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(f"backend:\n  nodes: [127.0.0.1:1]\n  api_key: {SECRET}\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(config))
    assert main(["config", "--check"]) == 1
    out, err = capsys.readouterr()
    assert "backend.api_key: keys are not kept in config.yaml" in err
    assert SECRET not in out + err


def test_opening_a_shared_index_loads_no_pipeline_code(tmp_path: Path) -> None:
    code = (
        "import sys\nfrom pathlib import Path\nfrom index.engines import open_archive\n"
        "open_archive(Path(sys.argv[1]), Path(sys.argv[1]), backend='typesense://h:1', "
        "environ={'NEWSDESK_TYPESENSE_API_KEY': 'k'})\n"
        "print(sorted(m for m in sys.modules if m.startswith(('index.quotes', 'whoosh.index'))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], cwd=REPO, capture_output=True, text=True,
        check=True,
    )  # fmt: skip
    assert done.stdout.strip() == "[]"


def _engine_table() -> list[tuple[list[str], str]]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    table = text[text.index("### The query language on each engine") :]
    table = table[: table.index("\n\n", table.index("| query form"))]
    rows = [line.split(" | ") for line in table.splitlines()[2:]]
    return [(re.findall(r"`([^`]+)`", cells[0]), cells[-1]) for cells in rows]


def test_the_readme_engine_table_says_what_the_translator_does() -> None:
    checked = 0
    for examples, typesense in _engine_table():
        refused = typesense.startswith("refused")
        for example in examples:
            tree = resolve_states(parse_query(example), frozenset({"a"}), frozenset())  # type: ignore[arg-type]
            if refused:
                with pytest.raises(QueryError):
                    Translator(fx.TRUE).plan(tree)
            else:
                Translator(fx.TRUE).plan(tree)
            checked += 1
        for example in re.findall(r"`([^`]+)` is refused", typesense):
            with pytest.raises(QueryError):
                plan(example)
            checked += 1
        for example in re.findall(r"`([^`]+)` works", typesense):
            plan(example)
            checked += 1
    assert checked > 15
