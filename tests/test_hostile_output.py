"""No control sequence from an article, a file name or a config file reaches a terminal.

Exports (md, csv, json, ``--quotes``) keep the text and drop or escape the controls; CSV
cells a spreadsheet would run as formulas are quoted; every line on stderr is inert.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from index.pipeline.read import read_file
from tui.cli import main
from tui.config import config_path
from tui.progress import ProgressBar

# What must never reach a terminal raw: C0 (but tab and newline), DEL, C1, bidi controls.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
HOSTILE_NAME = "x\x1b]0;PWNED\x07\x1b[2J.txt"
C1_NAME = "c1\u009b31mname.txt"
FRONT_MATTER = (
    "---\n"
    'title: "\\e]52;c;cHduZWQ=\\a Harbour reopens \\e[2J"\n'
    'source: "\\e]8;;http://evil.example\\aGazette\\e]8;;\\a"\n'
    'section: "Docks\\x9b31m"\n'
    'author: ["Ada \\e[5mVik"]\n'
    'tags: ["ship\\u0007yard"]\n'
    "---\n"
    "The harbour reopens on Monday after the storm.\n"
)
WIRE = {
    "title": "\u202eHarbour reversed \u2066isolate\u2069 in \u0141\u00f3d\u017a \u200f",
    "body": '"The harbour is \u202eclosed today," said Ada Vik.\n\nThe crews wait.',
    "source": '=HYPERLINK("http://evil.example","click")',
    "section": "+cmd",
    "author": "@SUM(1)",
    "url": "-2+3",
}


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """An indexed archive whose articles and file names carry controls and formulas."""
    root = tmp_path / "archive"
    root.mkdir()
    (root / "harbour.md").write_text(FRONT_MATTER, encoding="utf-8")
    (root / HOSTILE_NAME).write_text("Harbour files\n\nThe harbour log for May.\n")
    (root / C1_NAME).write_text("Harbour control\n\nThe harbour control room.\n")
    (root / "wire.jsonl").write_text(json.dumps(WIRE) + "\n", encoding="utf-8")
    assert main(["index", str(root), "--index-dir", str(tmp_path / "ix"), "--json"]) == 0
    return root


def export(archive: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """``newsdesk export harbour ARGS`` on ``archive``; its stdout."""
    capsys.readouterr()
    index_dir = str(archive.parent / "ix")
    code = main(["export", "harbour", "--archive", str(archive), "--index-dir", index_dir, *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_front_matter_values_are_cleaned_when_read(tmp_path: Path) -> None:
    path = tmp_path / "harbour.md"
    path.write_text(FRONT_MATTER, encoding="utf-8")
    (article,) = read_file(path)
    fields = [article.title, article.source, article.section, article.author, *article.tags]
    for value in fields:
        assert value is not None and not UNSAFE.search(value), value
    assert article.title == "]52;c;cHduZWQ= Harbour reopens [2J"
    assert article.source == "]8;;http://evil.exampleGazette]8;;"
    assert (article.section, article.author, article.tags) == (
        "Docks31m",
        "Ada [5mVik",
        ("shipyard",),
    )


@pytest.mark.parametrize("fmt", ["md", "csv"])
def test_text_export_keeps_the_text_and_drops_controls(
    archive: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    out = export(archive, capsys, "--format", fmt)
    assert not UNSAFE.search(out.replace("\r\n", "\n"))
    assert "]52;c;cHduZWQ= Harbour reopens" in out
    assert "x]0;PWNED[2J.txt" in out and "c131mname.txt" in out
    assert "Harbour reversed isolate in \u0141\u00f3d\u017a" in out


@pytest.mark.parametrize("fmt", ["md", "csv"])
def test_quote_export_drops_controls(
    archive: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    out = export(archive, capsys, "--quotes", "--format", fmt)
    assert not UNSAFE.search(out.replace("\r\n", "\n"))
    assert "The harbour is closed today" in out and "Ada Vik" in out


def test_csv_export_neutralises_formula_cells(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = list(csv.DictReader(io.StringIO(export(archive, capsys, "--format", "csv"))))
    wire = next(row for row in rows if row["path"].endswith("wire.jsonl"))
    assert wire["source"] == "'" + WIRE["source"]
    assert wire["section"] == "'+cmd" and wire["url"] == "'-2+3"
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


def test_csv_export_of_quotes_neutralises_formula_cells(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = export(archive, capsys, "--quotes", "--format", "csv")
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert row["source"] == "'" + WIRE["source"]


def test_json_export_escapes_controls_and_keeps_the_exact_values(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = export(archive, capsys, "--format", "json")
    assert not UNSAFE.search(out.replace("\n", ""))
    assert "\\u202e" in out and "\\u2066" in out and "\\u200f" in out and "\\u009b" in out
    assert "\u0141\u00f3d\u017a" in out  # other non-ASCII stays readable
    rows = json.loads(out)
    assert WIRE["title"].strip() in {row["title"] for row in rows}
    assert {Path(row["path"]).name for row in rows} >= {HOSTILE_NAME, C1_NAME}


def test_json_quote_export_escapes_bidi(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = export(archive, capsys, "--quotes", "--format", "json")
    assert not UNSAFE.search(out.replace("\n", "")) and "\\u202e" in out
    (row,) = json.loads(out)
    assert row["text"] == "The harbour is \u202eclosed today"


def test_piped_json_output_escapes_controls(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    index_dir = str(archive.parent / "ix")
    assert (
        main(["search", "harbour", "--archive", str(archive), "--index-dir", index_dir, "--json"])
        == 0
    )
    out = capsys.readouterr().out
    assert not UNSAFE.search(out.replace("\n", "")) and "\\u202e" in out
    titles = {hit["title"] for hit in json.loads(out)["hits"]}
    assert WIRE["title"].strip() in titles


def test_export_to_a_file_is_clean_too(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = archive.parent / "out.md"
    export(archive, capsys, "--format", "md", "-o", str(target))
    text = target.read_text(encoding="utf-8")
    assert "Harbour reopens" in text and not UNSAFE.search(text)


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """The command line in a subprocess, as a terminal would run it (stderr as bytes)."""
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *args],
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def assert_inert(stderr: bytes) -> str:
    """The stderr text, after checking it holds no control or bidi character."""
    text = stderr.decode("utf-8")
    assert not UNSAFE.search(text.replace("\n", "")), text
    return text


@pytest.mark.parametrize("command", [["related"], ["show", "--no-update"]])
def test_error_naming_a_hostile_file_is_inert(archive: Path, command: list[str]) -> None:
    index_dir = str(archive.parent / "ix")
    found = run(
        "search", "title:files", "--archive", str(archive), "--index-dir", index_dir, "--json"
    )
    assert len(json.loads(found.stdout)["hits"]) == 1
    # Asked for by a path the index does not hold (the file was indexed, then deleted).
    (archive / HOSTILE_NAME).unlink()
    wanted = str(archive / HOSTILE_NAME)
    done = run(
        command[0], wanted, *command[1:], "--archive", str(archive), "--index-dir", index_dir
    )
    assert done.returncode == 1
    text = assert_inert(done.stderr)
    assert "PWNED" in text and len(text.splitlines()) == 1


def test_error_naming_a_non_utf8_folder_shows_its_bytes(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9 \x1b[2J")
    done = run("search", "harbour", "--archive", str(tmp_path / name))
    assert done.returncode == 1
    text = assert_inert(done.stderr)
    assert "caf\\xe9 [2J" in text and len(text.splitlines()) == 1


def test_oserror_filename_is_inert(archive: Path) -> None:
    target = archive.parent / os.fsdecode(b"missing\xff\x1b]0;PWNED\x07") / "out.csv"
    index_dir = str(archive.parent / "ix")
    done = run("export", "", "--archive", str(archive), "--index-dir", index_dir, "-o", str(target))
    assert done.returncode == 1
    text = assert_inert(done.stderr)
    assert "missing\\xff]0;PWNED" in text and len(text.splitlines()) == 1


def test_missing_archive_for_the_app_is_reported_inert(tmp_path: Path) -> None:
    done = run(str(tmp_path / "gone\x1b]0;PWNED\x07"))
    assert done.returncode == 1
    assert "gone]0;PWNED" in assert_inert(done.stderr)


def test_config_problems_are_inert(archive: Path) -> None:
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_text(
        '"colour\\e]0;PWNED\\a": 1\nkeys:\n  "fly\\e[2J": x\n  quit: "\\e[2J"\n', encoding="utf-8"
    )
    index_dir = str(archive.parent / "ix")
    done = run("search", "harbour", "--archive", str(archive), "--index-dir", index_dir)
    text = assert_inert(done.stderr)
    assert "unknown key 'colour]0;PWNED'" in text and "keys.fly[2J" in text
    assert len(text.splitlines()) == 3
    checked = run("config", "--check")
    assert checked.returncode == 1 and assert_inert(checked.stderr).count("\n") == 3


def test_config_in_a_hostile_file_name_is_named_inert(tmp_path: Path) -> None:
    path = tmp_path / os.fsdecode(b"conf\xe9\x1b]0;PWNED\x07.yaml")
    path.write_text("snippet_chars: [unclosed\n")
    done = run(
        "search", "x", "--archive", str(tmp_path / "none"), env={"NEWSDESK_CONFIG": str(path)}
    )
    text = assert_inert(done.stderr)
    assert "conf\\xe9]0;PWNED.yaml: not valid YAML" in text


class Terminal(io.StringIO):
    """A stream that says it is a terminal, so the progress bar draws."""

    def isatty(self) -> bool:
        return True


def test_progress_label_is_inert(tmp_path: Path) -> None:
    from index.api.records import Progress

    stream = Terminal()
    bar = ProgressBar("indexing x\x1b]0;PWNED\x07\u202e" + os.fsdecode(b"\xe9"), stream)
    bar(Progress("index", 1, 2))
    bar.close()
    drawn = stream.getvalue().replace("\r\x1b[2K", "")  # the bar's own redraw sequence
    assert drawn.startswith("indexing x]0;PWNED\\xe9: [")
    assert not UNSAFE.search(drawn)
