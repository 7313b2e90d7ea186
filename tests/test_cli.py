"""The `newsdesk` command line, run as a user runs it.

Most tests call its ``main`` in this process, as ``newsdesk ARGS`` would run (its output,
exit code, working folder and environment), so that Python's start and the imports are paid
once; what can only be seen from outside (one line on stderr and the exit status of a real
process, no Textual loaded) is checked in subprocesses.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from index.engines import default_index_dir
from tests.in_process import run
from tests.samples import SAMPLE_DATA, built_sample, write_archive
from tui.wording import plural, quoted


def run_process(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m tui.cli ARGS`` in a process of its own, with the test's XDG folders."""
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *args],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=120,
    )


def ok_json(*args: str, cwd: Path | None = None) -> object:
    done = run(*args, "--json", cwd=cwd)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture
def indexed(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Path:
    """A copy of the sample archive whose index is already where the commands look for it
    (copied from the one built for the whole run: only tests of indexing build their own)."""
    built = built_sample(tmp_path_factory)
    archive = tmp_path / "indexed"
    shutil.copytree(built.archive, archive)
    shutil.copytree(built.index_dir, default_index_dir(archive))
    return archive


def test_search_builds_the_index_on_first_use(sample_archive: Path) -> None:
    result = ok_json("search", "fintech", "--archive", str(sample_archive))
    assert isinstance(result, dict)
    assert result["query"] == "fintech" and result["total"] == 10
    assert set(result) >= {"query", "total", "seconds", "hits", "suggestion", "facets"}
    hit = result["hits"][0]
    assert set(hit) >= {"id", "path", "title", "source", "date", "score", "snippet"}
    assert "**fintech**" in hit["snippet"].lower()
    assert Path(hit["path"]).is_file()


def test_search_human_output_options_and_suggestion(indexed: Path) -> None:
    done = run("search", "fintek", "--archive", str(indexed))
    assert done.returncode == 0
    assert "0 results" in done.stdout and "Did you mean: fintech?" in done.stdout
    done = run("search", "fintech", "--archive", str(indexed), "--limit", "2", "--sort", "newest")
    assert done.stdout.count("id ") == 2 and "10 results (showing 1-2)" in done.stdout
    filtered = ok_json("search", "fintech", "--archive", str(indexed), "--filter", "year=2022")
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


def test_show_by_id_and_path(indexed: Path) -> None:
    hits = ok_json("search", "title:incubator", "--archive", str(indexed))
    assert isinstance(hits, dict)
    article_id = hits["hits"][0]["id"]
    record = ok_json("show", article_id, "--archive", str(indexed))
    assert isinstance(record, dict)
    assert record["id"] == article_id and record["source"] == "chinadaily.com.cn"
    assert record["quotes"] and {"text", "speaker", "role", "kind", "start", "end"} <= set(
        record["quotes"][0]
    )
    for quote in record["quotes"]:
        assert record["body"][quote["start"] : quote["end"]]
    by_path = ok_json("show", hits["hits"][0]["path"], "--archive", str(indexed))
    assert isinstance(by_path, dict) and by_path["title"] == record["title"]
    human = run("show", article_id, "--archive", str(indexed))
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


def test_related_and_speakers(indexed: Path) -> None:
    hits = ok_json("search", "title:strike", "--archive", str(indexed))
    assert isinstance(hits, dict)
    related = ok_json("related", hits["hits"][0]["id"], "--archive", str(indexed))
    assert isinstance(related, dict) and related["related"]
    speakers = ok_json("speakers", "--archive", str(indexed), "--limit", "5")
    assert isinstance(speakers, list) and len(speakers) == 5
    assert speakers[0]["quotes"] >= speakers[-1]["quotes"]
    quotes = ok_json("speakers", "--archive", str(indexed), "--quotes", speakers[0]["name"])
    assert isinstance(quotes, list) and len(quotes) == speakers[0]["quotes"]


def test_export_formats_parse_back(indexed: Path, tmp_path: Path) -> None:
    done = run("export", "fintech", "--archive", str(indexed), "--format", "csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert len(rows) == 10 and set(rows[0]) >= {"id", "title", "source", "date", "path", "url"}
    target = tmp_path / "out.json"
    done = run(
        "export", "fintech", "--archive", str(indexed), "--format", "json", "-o", str(target)
    )
    assert done.returncode == 0 and "wrote 10 articles" in done.stdout
    assert {row["id"] for row in json.loads(target.read_text())} == {row["id"] for row in rows}
    quotes = run(
        "export", "speaker:okafor", "--archive", str(indexed), "--quotes", "--format", "csv"
    )
    quote_rows = list(csv.DictReader(io.StringIO(quotes.stdout)))
    assert quote_rows and set(quote_rows[0]) >= {"text", "speaker", "role", "title", "date"}
    markdown = run("export", "fintech", "--archive", str(indexed), "--format", "md")
    assert (
        markdown.stdout.startswith("# Articles for: fintech")
        and markdown.stdout.count("\n- **") == 10
    )


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("search", '"unclosed'), 2, "usage error: unbalanced quote mark"),
        (("search", "title:"), 2, "usage error: 'title:' needs a value after the colon"),
        (("search", "internationalisation~9"), 2, "usage error: 'internationalisation~9'"),
        (("export", "title:"), 2, "usage error: 'title:' needs a value"),
        (("search",), 2, "usage error"),
        (("search", "x", "--sort", "sideways"), 2, "usage error: argument --sort"),
        (("search", "x", "--limit", "-1"), 2, "usage error: argument --limit: -1 is too small"),
        (("search", "x", "--limit", "0"), 2, "usage error: argument --limit: 0 is too small"),
        (("search", "x", "--limit", "ten"), 2, "'ten' is not a whole number"),
        (("search", "x", "--filter", "bogus"), 2, "usage error: argument --filter: 'bogus'"),
        (("related", "x", "--limit", "0"), 2, "usage error: argument --limit"),
        (("serach", "x"), 2, 'no command "serach"; did you mean "search"?'),
        (("speakres",), 2, 'did you mean "speakers"?'),
        (("speakers", "--quotes", "Nobody Atall"), 1, "error: no quotes by 'Nobody Atall'"),
        (("search", "x", "--archive", "/no/such/folder"), 1, "no such archive folder"),
        (("show", "no-such-id"), 1, "no article with id or path"),
        (("quotes", "/no/such/file.txt"), 1, "no such file or folder"),
        (("index", "/no/such/folder"), 1, "no such archive folder"),
        (("/no/such/folder",), 1, "no such archive folder"),
    ],
)
def test_errors_are_one_line_with_exit_codes(
    args: tuple[str, ...], code: int, message: str, indexed: Path
) -> None:
    no_archive = {"quotes", "index", "serach", "speakres"}
    given = "--archive" in args or args[0] in no_archive or args[0].startswith("/")
    done = run(*args, *(() if given else ("--archive", str(indexed))))
    assert done.returncode == code
    assert message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_headless_commands_never_import_textual(indexed: Path) -> None:
    script = (
        "import sys\n"
        "from tui.cli import main\n"
        f"codes = [main(['search', 'fintech', '--archive', {str(indexed)!r}]),\n"
        f"         main(['show', 'wire-2022-0002', '--archive', {str(indexed)!r}]),\n"
        f"         main(['quotes', {str(SAMPLE_DATA / 'wires')!r}, '--json']),\n"
        f"         main(['speakers', '--archive', {str(indexed)!r}])]\n"
        "assert codes == [0, 0, 0, 0], codes\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print('TEXTUAL:', loaded)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "TEXTUAL: []" in done.stdout


def test_searching_an_unchanged_archive_loads_no_reader_extractor_build_code_or_metadata(
    indexed: Path,
) -> None:
    old = 1_500_000_000  # folders last changed long ago: the quick update check trusts them
    for folder in [indexed, *(p for p in indexed.rglob("*") if p.is_dir())]:
        os.utime(folder, (old, old))
    assert run("index", str(indexed)).returncode == 0
    script = (
        "import sys\n"
        "from tui.cli import main\n"
        f"code = main(['search', 'fintech', '--json', '--archive', {str(indexed)!r}])\n"
        "heavy = ('index.pipeline.read', 'index.quotes.extract', 'index.engines.whoosh.build',\n"
        "         'importlib.metadata', 'urllib.request', 'asyncio', 'whoosh.lang.morph_en',\n"
        "         'yaml')\n"
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
    done = run("show", str(archive / "evil.md"), "--archive", str(archive))
    assert "\u202e" not in done.stdout and "[bold red]title[/]" in done.stdout
    record = ok_json("show", str(archive / "evil.md"), "--archive", str(archive))
    assert isinstance(record, dict) and record["title"] == title


def test_bookmarks_listing(indexed: Path) -> None:
    from index.pipeline.reading import set_bookmark, state_path

    hits = ok_json("search", "fintech", "--archive", str(indexed), "--limit", "3")
    assert isinstance(hits, dict)
    first, second, _ = (hit["id"] for hit in hits["hits"])
    path = state_path(indexed)
    set_bookmark(path, first, True)
    set_bookmark(path, second, True)
    set_bookmark(path, "gone-from-the-archive", True)
    listed = ok_json("bookmarks", "--archive", str(indexed))
    assert isinstance(listed, list)
    assert [row["id"] for row in listed] == [second, first]  # newest bookmark first
    assert set(listed[0]) >= {"id", "title", "source", "date", "path"}
    human = run("bookmarks", "--archive", str(indexed))
    assert human.stdout.count("\u2605") == 2
    set_bookmark(path, first, False)
    assert len(ok_json("bookmarks", "--archive", str(indexed))) == 1  # type: ignore[arg-type]


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


def test_version_and_errors_from_a_real_process(indexed: Path) -> None:
    done = run_process("--version")
    assert done.returncode == 0 and done.stdout.strip() == "newsdesk 0.1.0"
    for args, code in (
        (("search", "x", "--limit", "0", "--archive", str(indexed)), 2),
        (("search", "title:", "--archive", str(indexed)), 2),
        (("show", "no-such-id", "--archive", str(indexed)), 1),
    ):
        done = run_process(*args)
        assert done.returncode == code
        assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr


def test_show_path_prints_the_id_search_gives_from_any_folder(
    indexed: Path, tmp_path: Path
) -> None:
    found = ok_json("search", 'title:"port strike ends"', "--archive", str(indexed))
    assert isinstance(found, dict)
    (hit,) = found["hits"]
    path = Path(hit["path"])
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    with_archive = ok_json("show", str(path), "--archive", str(indexed), cwd=elsewhere)
    assert isinstance(with_archive, dict) and with_archive["id"] == hit["id"]
    # Relative to the folder it is run from, too.
    relative = ok_json("show", path.name, "--archive", str(indexed), cwd=path.parent)
    assert isinstance(relative, dict) and relative["id"] == hit["id"]
    # Without --archive: the configured archive holding the file.
    no_archive = run("show", str(path), cwd=elsewhere)
    assert no_archive.returncode == 1
    assert no_archive.stderr.strip().endswith("archives: in config.yaml)")
    assert "is not in an indexed archive" in no_archive.stderr
    config = tmp_path / "config.yaml"
    config.write_text(f"archives:\n  work: {indexed}\n", encoding="utf-8")
    env = {"NEWSDESK_CONFIG": str(config)}
    done = run("show", str(path), "--json", cwd=elsewhere, env=env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["id"] == hit["id"]
    # The id works wherever an id does.
    assert run("show", hit["id"], "--archive", str(indexed)).returncode == 0
    related = run("related", str(path), "--json", cwd=elsewhere, env=env)
    assert related.returncode == 0, related.stderr
    by_path = json.loads(related.stdout)
    by_id = ok_json("related", hit["id"], "--archive", str(indexed))
    assert isinstance(by_id, dict) and by_path == by_id and by_path["id"] == hit["id"]
    assert by_path["related"] and hit["id"] not in {r["id"] for r in by_path["related"]}


def test_speakers_quotes_matches_as_quotes_speaker_does(indexed: Path) -> None:
    done = run("quotes", str(indexed), "--speaker", "okafor", "--json")
    from_files = [q for line in done.stdout.splitlines() for q in json.loads(line)["quotes"]]
    assert from_files and {q["speaker"] for q in from_files} == {"Amara Okafor"}
    for name in ("okafor", "OKAFOR", "Amara Okafor"):
        listed = ok_json("speakers", "--archive", str(indexed), "--quotes", name)
        assert isinstance(listed, list)
        assert sorted(q["text"] for q in listed) == sorted(q["text"] for q in from_files)


def test_a_date_query_on_undated_articles_says_why_on_stderr(tmp_path: Path) -> None:
    archive = write_archive(
        tmp_path / "plain",
        {
            "a.txt": "Harbour pilots return\n\nThey voted on Monday.\n",
            "b.txt": "Ferry\n\nIt runs.\n",
        },
    )
    done = run("search", "date:2005", "--archive", str(archive))
    assert done.returncode == 0 and "0 results" in done.stdout
    assert done.stderr.strip() == (
        "newsdesk: no article in this archive has a date of its own, so date: finds none"
    )
    json_done = run("search", "date:2005", "--archive", str(archive), "--json")
    assert json.loads(json_done.stdout)["total"] == 0 and "date of its own" in json_done.stderr


def test_show_sets_captions_apart_without_doubling_brackets(indexed: Path) -> None:
    found = ok_json("search", 'title:"port strike ends"', "--archive", str(indexed))
    assert isinstance(found, dict)
    done = run("show", found["hits"][0]["id"], "--archive", str(indexed))
    text = " ".join(done.stdout.split())
    assert "Photo: The first container ship in sixteen days" in text
    assert "[Photo/Anders Kvist] " in text and "]]" not in text


def test_counts_and_quote_marks_read_right() -> None:
    assert [plural(n, "result") for n in (0, 1, 2, 1234)] == [
        "0 results",
        "1 result",
        "2 results",
        "1,234 results",
    ]
    assert quoted("We are back") == "\u201cWe are back\u201d"
    assert quoted('"New Labour is dead"') == '"New Labour is dead"'
    assert quoted("\u201cNew Labour\u2026\u201d") == "\u201cNew Labour\u2026\u201d"
    # Marks inside a quotation, or two quotations, still get marks of their own.
    assert quoted('"A" and "B"') == '\u201c"A" and "B"\u201d'


def test_a_query_that_cannot_be_read_is_refused_before_any_indexing(sample_archive: Path) -> None:
    for command in ("search", "export"):
        done = run(command, "internationalisation~9", "--archive", str(sample_archive))
        assert done.returncode == 2 and "the fuzzy distance is 1" in done.stderr
    assert not default_index_dir(sample_archive).exists()


@pytest.mark.parametrize("procs", [1, 2])
def test_index_procs_is_the_number_of_indexing_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, procs: int
) -> None:
    """``--procs 1`` indexes in the command's own process; ``--procs 2`` starts two workers."""
    from index.engines.whoosh import build, parallel

    archive = tmp_path / "many"
    for i in range(build.PARALLEL_THRESHOLD + 10):
        folder = archive / f"{i // 100:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{i:04d}.txt").write_text(f"Story {i}\n\nThe council met on day {i}.\n")
    started: list[int] = []
    real = parallel.index_in_workers

    def spy(*args: object, **kwargs: object) -> object:
        started.append(int(args[2]))  # type: ignore[call-overload]
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(parallel, "index_in_workers", spy)
    report = ok_json(
        "index", str(archive), "--index-dir", str(tmp_path / "ix"), "--procs", str(procs)
    )
    assert isinstance(report, dict) and report["added"] == build.PARALLEL_THRESHOLD + 10
    assert started == ([] if procs == 1 else [2])
