"""The reading state loses nothing it could read: bad entries are set aside, never wiped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index.pipeline.reading import MAX_STATE_BYTES, load_state, set_bookmark, set_read
from tui.cli import main

NOTE = {"time": 1700000000.0, "note": "call back"}


def write_state(path: Path, payload: object) -> Path:
    path.write_text(json.dumps(payload), encoding="utf-8")
    return path


def rejected_records(path: Path) -> list[dict[str, object]]:
    lines = path.with_name(path.name + ".rejected").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["rejected"] for line in lines]


@pytest.fixture
def state_file(tmp_path: Path) -> Path:
    """Two good bookmarks, one bookmark that is not a time, and two read marks."""
    return write_state(
        tmp_path / "state.json",
        {"read": ["r1", "r2"], "bookmarks": {"b1": 1.0, "b2": 2.0, "b3": NOTE}},
    )


def test_one_bad_bookmark_keeps_the_others(state_file: Path) -> None:
    state = load_state(state_file)
    assert state.bookmarks == {"b1": 1.0, "b2": 2.0}
    assert state.read == {"r1", "r2"}
    (problem,) = state.problems
    assert str(state_file) in problem and "1 entry" in problem and "bookmarks: b3" in problem


def test_loading_writes_nothing(state_file: Path) -> None:
    before = state_file.read_bytes()
    load_state(state_file)
    assert state_file.read_bytes() == before
    assert sorted(p.name for p in state_file.parent.iterdir()) == ["state.json"]


def test_saving_keeps_the_good_entries_and_sets_the_bad_one_aside(state_file: Path) -> None:
    state = set_read(state_file, "r3", True)
    assert state.bookmarks == {"b1": 1.0, "b2": 2.0} and state.problems == ()
    saved = json.loads(state_file.read_text(encoding="utf-8"))
    assert saved == {"read": ["r1", "r2", "r3"], "bookmarks": {"b1": 1.0, "b2": 2.0}}
    assert rejected_records(state_file) == [{"bookmarks": {"b3": NOTE}}]
    assert load_state(state_file).problems == ()


def test_bad_read_marks_are_set_aside(tmp_path: Path) -> None:
    path = write_state(tmp_path / "s.json", {"read": ["a", 5, None, "b"], "bookmarks": {}})
    state = load_state(path)
    assert state.read == {"a", "b"} and "read[1], read[2]" in state.problems[0]
    set_bookmark(path, "a", True)
    assert rejected_records(path) == [{"read": [5, None]}]


@pytest.mark.parametrize(
    ("payload", "kept_aside"),
    [
        ({"read": {"a": 1}, "bookmarks": {"b": 1.0}}, {"read": {"a": 1}}),
        ({"read": ["a"], "bookmarks": ["b"]}, {"bookmarks": ["b"]}),
        ({"read": ["a"], "bookmarks": {"b": 1.0}, "notes": {"a": "x"}}, {"notes": {"a": "x"}}),
        (
            {"read": ["a"], "bookmarks": {"b": 1.0, "c": True, "d": "now"}},
            {"bookmarks": {"c": True, "d": "now"}},
        ),
    ],
)
def test_entries_of_the_wrong_shape_are_set_aside(
    tmp_path: Path, payload: dict[str, object], kept_aside: dict[str, object]
) -> None:
    path = write_state(tmp_path / "s.json", payload)
    state = load_state(path)
    assert state.problems and (state.read or state.bookmarks)
    set_read(path, "z", True)
    assert rejected_records(path) == [kept_aside]
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert set(saved) == {"read", "bookmarks"}


def test_a_time_that_is_not_finite_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text('{"read": [], "bookmarks": {"a": 1e400, "b": 3}}', encoding="utf-8")
    state = load_state(path)
    assert state.bookmarks == {"b": 3.0} and "bookmarks: a" in state.problems[0]


def test_an_unparsable_file_is_moved_to_corrupt_before_anything_is_written(
    tmp_path: Path,
) -> None:
    path = tmp_path / "s.json"
    path.write_bytes(b'{"read": ["a"], "bookmarks": {"b": 1.0')
    state = load_state(path)
    assert state.read == frozenset() and state.bookmarks == {}
    (problem,) = state.problems
    assert "cannot be read (not JSON" in problem and "s.json.corrupt" in problem
    assert path.read_bytes() == b'{"read": ["a"], "bookmarks": {"b": 1.0'  # loading kept it
    set_bookmark(path, "c", True)
    assert (tmp_path / "s.json.corrupt").read_bytes() == b'{"read": ["a"], "bookmarks": {"b": 1.0'
    assert set(load_state(path).bookmarks) == {"c"}


def test_an_earlier_corrupt_file_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    (tmp_path / "s.json.corrupt").write_text("first")
    path.write_text("second")
    set_read(path, "a", True)
    assert (tmp_path / "s.json.corrupt").read_text() == "first"
    assert (tmp_path / "s.json.1.corrupt").read_text() == "second"


@pytest.mark.parametrize("text", ["[1, 2]", '"read"', "null", '{"read": ["\\ud800"]', "\xff{}"])
def test_a_file_that_is_not_a_state_object_is_corrupt(tmp_path: Path, text: str) -> None:
    path = tmp_path / "s.json"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    state = load_state(path)
    assert len(state.problems) == 1 and "cannot be read" in state.problems[0]
    set_read(path, "a", True)
    assert (tmp_path / "s.json.corrupt").read_bytes() == text.encode("utf-8", "surrogateescape")


def test_a_state_nested_100k_deep_is_corrupt_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text('{"read": ' + "[" * 100_000 + "]" * 100_000 + "}")
    state = load_state(path)
    assert state.read == frozenset() and "nested too deeply" in state.problems[0]
    set_bookmark(path, "a", True)
    assert (tmp_path / "s.json.corrupt").stat().st_size > 200_000
    assert set(load_state(path).bookmarks) == {"a"}


def test_a_huge_state_file_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_bytes(b'{"read": []}' + b" " * MAX_STATE_BYTES)
    state = load_state(path)
    assert state.read == frozenset() and "larger than 32 MB" in state.problems[0]
    set_read(path, "a", True)
    assert (tmp_path / "s.json.corrupt").stat().st_size == MAX_STATE_BYTES + 12
    assert load_state(path).read == {"a"}


def test_commands_warn_and_list_the_good_bookmarks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from index.pipeline.reading import state_path

    archive = tmp_path / "archive"
    archive.mkdir()
    for name in ("one", "two"):
        (archive / f"{name}.txt").write_text(f"Harbour {name}\n\nThe harbour story {name}.\n")
    common = ["--archive", str(archive), "--index-dir", str(tmp_path / "ix")]
    assert main(["search", "harbour", *common, "--json"]) == 0
    ids = [hit["id"] for hit in json.loads(capsys.readouterr().out)["hits"]]
    path = state_path(archive)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_state(path, {"read": [], "bookmarks": {ids[0]: 1.0, ids[1]: 2.0, "b3": NOTE}})
    assert main(["bookmarks", *common, "--json"]) == 0
    out, err = capsys.readouterr()
    assert {row["id"] for row in json.loads(out)} == set(ids)
    assert err.startswith("newsdesk: reading state: ") and len(err.splitlines()) == 1
