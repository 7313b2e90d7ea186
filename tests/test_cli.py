"""The `newsdesk` command line, run as a user runs it: in a subprocess."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_DATA


def run(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m tui.cli ARGS`` with the test's XDG folders."""
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def ok_json(*args: str) -> object:
    done = run(*args, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_search_builds_the_index_on_first_use(sample_archive: Path) -> None:
    result = ok_json("search", "fintech", "--archive", str(sample_archive))
    assert isinstance(result, dict)
    assert result["query"] == "fintech" and result["total"] == 10
    assert set(result) >= {"query", "total", "seconds", "hits", "suggestion", "facets"}
    hit = result["hits"][0]
    assert set(hit) >= {"id", "path", "title", "source", "date", "score", "snippet"}
    assert "**fintech**" in hit["snippet"].lower()
    assert Path(hit["path"]).is_file()


def test_search_human_output_options_and_suggestion(sample_archive: Path) -> None:
    done = run("search", "fintek", "--archive", str(sample_archive))
    assert done.returncode == 0
    assert "0 results" in done.stdout and "Did you mean: fintech?" in done.stdout
    done = run(
        "search", "fintech", "--archive", str(sample_archive), "--limit", "2", "--sort", "newest"
    )
    assert done.stdout.count("id ") == 2 and "10 results (showing 1-2)" in done.stdout
    filtered = ok_json(
        "search", "fintech", "--archive", str(sample_archive), "--filter", "year=2022"
    )
    assert isinstance(filtered, dict) and filtered["total"] == 2


def test_index_json_report_and_incremental_update(sample_archive: Path, tmp_path: Path) -> None:
    index_dir = str(tmp_path / "ix")
    (sample_archive / "broken.md").write_text("---\n- not\n- a mapping\n---\nbody\n")
    first = ok_json("index", str(sample_archive), "--index-dir", index_dir)
    assert isinstance(first, dict)
    assert first["added"] == 44 and first["updated"] == 0 and first["removed"] == 0
    assert [Path(s["path"]).name for s in first["skipped"]] == ["broken.md"]
    assert "mapping" in first["skipped"][0]["reason"]
    (sample_archive / "culture" / "2023-05-20-maritime-museum-reopens.txt").unlink()
    second = ok_json("index", str(sample_archive), "--index-dir", index_dir)
    assert isinstance(second, dict) and (second["added"], second["removed"]) == (0, 1)
    rebuilt = ok_json("index", str(sample_archive), "--index-dir", index_dir, "--rebuild")
    assert isinstance(rebuilt, dict) and rebuilt["rebuilt"] and rebuilt["added"] == 43


def test_show_by_id_and_path(sample_archive: Path) -> None:
    hits = ok_json("search", "title:incubator", "--archive", str(sample_archive))
    assert isinstance(hits, dict)
    article_id = hits["hits"][0]["id"]
    record = ok_json("show", article_id, "--archive", str(sample_archive))
    assert isinstance(record, dict)
    assert record["id"] == article_id and record["source"] == "chinadaily.com.cn"
    assert record["quotes"] and {"text", "speaker", "role", "kind", "start", "end"} <= set(
        record["quotes"][0]
    )
    for quote in record["quotes"]:
        assert record["body"][quote["start"] : quote["end"]]
    by_path = ok_json("show", hits["hits"][0]["path"])
    assert isinstance(by_path, dict) and by_path["title"] == record["title"]
    human = run("show", article_id, "--archive", str(sample_archive))
    assert human.returncode == 0 and record["title"] in human.stdout and "Quotes (" in human.stdout


def test_quotes_command_needs_no_index(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "Harbour pilots return\n\n"
        '"We are back at work," said Ana Ruiz, head of the pilots\' guild.\n'
    )
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02")
    done = run("quotes", str(tmp_path), "--json")
    assert done.returncode == 0
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [line["title"] for line in lines] == ["Harbour pilots return"]
    quote = lines[0]["quotes"][0]
    assert quote["text"] == "We are back at work," or quote["text"].startswith(
        "We are back at work"
    )
    assert quote["speaker"] == "Ana Ruiz"
    assert "bad.txt" in done.stderr and "binary" in done.stderr
    assert not list((Path(os.environ["XDG_DATA_HOME"])).glob("newsdesk/indexes/*"))


def test_quotes_speaker_filter(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        'Title\n\n"First," said Ana Ruiz, a pilot.\n\n"Second," said Tom Vee, a captain.\n'
    )
    done = run("quotes", str(tmp_path / "a.txt"), "--speaker", "ruiz", "--json")
    quotes = json.loads(done.stdout)["quotes"]
    assert [q["speaker"] for q in quotes] == ["Ana Ruiz"]


def test_related_and_speakers(sample_archive: Path) -> None:
    hits = ok_json("search", "title:strike", "--archive", str(sample_archive))
    assert isinstance(hits, dict)
    related = ok_json("related", hits["hits"][0]["id"], "--archive", str(sample_archive))
    assert isinstance(related, dict) and related["related"]
    speakers = ok_json("speakers", "--archive", str(sample_archive), "--limit", "5")
    assert isinstance(speakers, list) and len(speakers) == 5
    assert speakers[0]["quotes"] >= speakers[-1]["quotes"]
    quotes = ok_json("speakers", "--archive", str(sample_archive), "--quotes", speakers[0]["name"])
    assert isinstance(quotes, list) and len(quotes) == speakers[0]["quotes"]


def test_export_formats_parse_back(sample_archive: Path, tmp_path: Path) -> None:
    done = run("export", "fintech", "--archive", str(sample_archive), "--format", "csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert len(rows) == 10 and set(rows[0]) >= {"id", "title", "source", "date", "path", "url"}
    target = tmp_path / "out.json"
    done = run(
        "export", "fintech", "--archive", str(sample_archive), "--format", "json", "-o", str(target)
    )
    assert done.returncode == 0 and "wrote 10 articles" in done.stdout
    assert {row["id"] for row in json.loads(target.read_text())} == {row["id"] for row in rows}
    quotes = run(
        "export", "speaker:okafor", "--archive", str(sample_archive), "--quotes", "--format", "csv"
    )
    quote_rows = list(csv.DictReader(io.StringIO(quotes.stdout)))
    assert quote_rows and set(quote_rows[0]) >= {"text", "speaker", "role", "title", "date"}
    markdown = run("export", "fintech", "--archive", str(sample_archive), "--format", "md")
    assert (
        markdown.stdout.startswith("# Articles for: fintech")
        and markdown.stdout.count("\n- **") == 10
    )


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("search", '"unclosed'), 1, "error: unbalanced quote mark"),
        (("search",), 2, "usage error"),
        (("search", "x", "--sort", "sideways"), 2, "usage error"),
        (("search", "x", "--archive", "/no/such/folder"), 1, "no such archive folder"),
        (("show", "no-such-id"), 1, "no article with id or path"),
        (("quotes", "/no/such/file.txt"), 1, "no such file or folder"),
        (("index", "/no/such/folder"), 1, "no such archive folder"),
        (("/no/such/folder",), 1, "no such archive folder"),
    ],
)
def test_errors_are_one_line_with_exit_codes(
    args: tuple[str, ...], code: int, message: str, sample_archive: Path
) -> None:
    extra = (
        ()
        if "--archive" in args or args[0] in {"quotes", "index"} or args[0].startswith("/")
        else (
            "--archive",
            str(sample_archive),
        )
    )
    done = run(*args, *extra)
    assert done.returncode == code
    assert message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_headless_commands_never_import_textual(sample_archive: Path) -> None:
    script = (
        "import sys\n"
        "from tui.cli import main\n"
        f"codes = [main(['search', 'fintech', '--archive', {str(sample_archive)!r}]),\n"
        f"         main(['show', 'wire-2022-0002', '--archive', {str(sample_archive)!r}]),\n"
        f"         main(['quotes', {str(SAMPLE_DATA / 'wires')!r}, '--json']),\n"
        f"         main(['speakers', '--archive', {str(sample_archive)!r}])]\n"
        "assert codes == [0, 0, 0, 0], codes\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print('TEXTUAL:', loaded)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "TEXTUAL: []" in done.stdout


def test_searching_an_unchanged_archive_loads_no_reader_extractor_or_build_code(
    sample_archive: Path,
) -> None:
    old = 1_500_000_000  # folders last changed long ago: the quick update check trusts them
    for folder in [sample_archive, *(p for p in sample_archive.rglob("*") if p.is_dir())]:
        os.utime(folder, (old, old))
    assert run("index", str(sample_archive)).returncode == 0
    script = (
        "import sys\n"
        "from tui.cli import main\n"
        f"code = main(['search', 'fintech', '--json', '--archive', {str(sample_archive)!r}])\n"
        "heavy = ('index.pipeline.read', 'index.quotes.extract', 'index.engines.whoosh.build')\n"
        "print('CODE', code, 'LOADED', sorted(m for m in heavy if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "CODE 0 LOADED []" in done.stdout


def test_hostile_article_text_is_inert_on_a_terminal_and_exact_in_json(tmp_path: Path) -> None:
    archive = tmp_path / "hostile"
    archive.mkdir()
    title = "Evil [bold red]title[/] \u202eoverride"
    (archive / "evil.md").write_text(f'---\ntitle: "{title}"\n---\nBody [@click=app.quit]x[/]\n')
    done = run("show", str(archive / "evil.md"))
    assert "\u202e" not in done.stdout and "[bold red]title[/]" in done.stdout
    record = ok_json("show", str(archive / "evil.md"))
    assert isinstance(record, dict) and record["title"] == title


def test_bookmarks_listing(sample_archive: Path) -> None:
    from index.pipeline.reading import set_bookmark, state_path

    hits = ok_json("search", "fintech", "--archive", str(sample_archive), "--limit", "3")
    assert isinstance(hits, dict)
    first, second, _ = (hit["id"] for hit in hits["hits"])
    path = state_path(sample_archive)
    set_bookmark(path, first, True)
    set_bookmark(path, second, True)
    set_bookmark(path, "gone-from-the-archive", True)
    listed = ok_json("bookmarks", "--archive", str(sample_archive))
    assert isinstance(listed, list)
    assert [row["id"] for row in listed] == [second, first]  # newest bookmark first
    assert set(listed[0]) >= {"id", "title", "source", "date", "path"}
    human = run("bookmarks", "--archive", str(sample_archive))
    assert human.stdout.count("\u2605") == 2
    set_bookmark(path, first, False)
    assert len(ok_json("bookmarks", "--archive", str(sample_archive))) == 1  # type: ignore[arg-type]


def test_show_reads_the_indexed_record_not_the_file(tmp_path: Path) -> None:
    """After indexing nothing re-reads a file: a file overwritten behind the index's back
    (same size, same modification time) still shows the article and quotes as indexed."""
    archive = tmp_path / "archive"
    archive.mkdir()
    path = archive / "pilots.txt"
    text = (
        "Harbour pilots return\n\n"
        '"We are back at work," said Ana Ruiz, head of the pilots\' guild.\n'
    )
    path.write_text(text, encoding="utf-8")
    found = ok_json("search", "pilots", "--archive", str(archive))
    assert isinstance(found, dict)
    article_id = found["hits"][0]["id"]
    info = path.stat()
    path.write_text("x" * len(text.encode("utf-8")), encoding="utf-8")
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    shown = ok_json("show", article_id, "--archive", str(archive), "--no-update")
    assert isinstance(shown, dict)
    assert shown["title"] == "Harbour pilots return"
    (quote,) = shown["quotes"]
    assert set(quote) >= {"text", "speaker", "role", "kind", "cue", "rule", "start", "end"}
    assert quote["speaker"] == "Ana Ruiz" and quote["text"] == "We are back at work"
    assert shown["body"][quote["start"] : quote["end"]] == quote["text"]
    by_path = ok_json("show", str(path), "--archive", str(archive), "--no-update")
    assert isinstance(by_path, dict) and by_path["id"] == article_id
