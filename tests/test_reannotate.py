"""A new quote extractor re-annotates the stored articles: no file is read, the text is not
indexed again, only articles whose quotes change are written again."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from index.api.records import Progress, SearchRequest
from index.corpus.article import Article
from index.engines import open_archive
from index.engines.whoosh import ingest, reannotate
from index.engines.whoosh.build import update_index
from index.engines.whoosh.storage import whoosh_dir
from index.pipeline import annotate as annotate_module
from index.quotes import version as quotes_version
from tests.in_process import run
from tui.watcher import BuildPace
from tui.widgets.build_progress import progress_words

STORY = (
    "{title}\n\n"
    "The harbour board met on Tuesday to discuss the new ferry timetable.\n\n"
    '"We will run the first boat at six," said {speaker}, the harbour master.\n'
)


def write_archive(root: Path, speakers: list[str]) -> Path:
    root.mkdir(parents=True)
    for i, speaker in enumerate(speakers):
        text = STORY.format(title=f"Ferry story {i}", speaker=speaker)
        (root / f"story{i}.txt").write_text(text)
    return root


def speakers_of(archive: Path, index_dir: Path) -> list[str]:
    backend = open_archive(archive, index_dir)
    try:
        return sorted(s.name for s in backend.speakers())
    finally:
        backend.close()


def new_extractor(monkeypatch: pytest.MonkeyPatch, renames: dict[str, str]) -> None:
    """Pretend the extractor changed: a new version that names some speakers differently."""
    monkeypatch.setattr(quotes_version, "EXTRACTOR_VERSION", quotes_version.EXTRACTOR_VERSION + 1)
    real = annotate_module.annotate

    def changed(article: Article) -> Article:
        found = real(article)
        quotes = tuple(
            dataclasses.replace(q, speaker=renames.get(q.speaker or "", q.speaker))
            for q in found.quotes
        )
        return dataclasses.replace(found, quotes=quotes)

    monkeypatch.setattr(reannotate, "annotate", changed)
    monkeypatch.setattr(ingest, "annotate_all", lambda articles: map(changed, articles))


@pytest.fixture
def no_file_reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Record every archive file the indexer reads."""
    reads: list[str] = []
    real = ingest.read_file

    def reading(path: Path, **kwargs: object) -> object:
        reads.append(Path(path).name)
        return real(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ingest, "read_file", reading)
    yield reads


def test_a_new_extractor_changes_speakers_without_reading_any_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_file_reads: list[str]
) -> None:
    archive = write_archive(tmp_path / "arch", ["Ada Vik", "Jon Sand", "Ada Vik"])
    ix = tmp_path / "ix"
    update_index(archive, ix)
    old = whoosh_dir(ix)
    assert speakers_of(archive, ix) == ["Ada Vik", "Jon Sand"]
    no_file_reads.clear()

    new_extractor(monkeypatch, {"Ada Vik": "Ada Vikstrom"})
    seen: list[Progress] = []
    report = update_index(archive, ix, progress=seen.append)

    assert no_file_reads == []
    assert report.requoted == (3, 2)
    assert (report.added, report.updated, report.removed) == (0, 0, 0)
    assert any(p.phase == "quotes" and p.total == 3 for p in seen)
    assert speakers_of(archive, ix) == ["Ada Vikstrom", "Jon Sand"]
    assert not old.exists() and whoosh_dir(ix).is_dir()
    backend = open_archive(archive, ix)
    try:
        result = backend.search(SearchRequest("speaker:vikstrom", limit=10))
        assert sorted(hit.title for hit in result.hits) == ["Ferry story 0", "Ferry story 2"]
        assert backend.search(SearchRequest("ferry timetable")).total == 3
        article = backend.article(result.hits[0].id)
        assert [q.speaker for q in article.quotes] == ["Ada Vikstrom"]
    finally:
        backend.close()
    # The manifest follows the new generation: nothing is left to do.
    again = update_index(archive, ix, quick=True)
    assert (again.added, again.updated, again.requoted) == (0, 0, None)
    assert no_file_reads == []


def test_files_changed_meanwhile_are_read_after_the_stored_articles_are_annotated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_file_reads: list[str]
) -> None:
    archive = write_archive(tmp_path / "arch", ["Ada Vik", "Jon Sand"])
    ix = tmp_path / "ix"
    update_index(archive, ix)
    no_file_reads.clear()
    (archive / "story1.txt").write_text(STORY.format(title="Ferry story 1", speaker="Eli Moss"))
    (archive / "story2.txt").write_text(STORY.format(title="Ferry story 2", speaker="Ada Vik"))

    new_extractor(monkeypatch, {"Ada Vik": "Ada Vikstrom"})
    report = update_index(archive, ix)

    assert sorted(no_file_reads) == ["story1.txt", "story2.txt"]
    assert (report.added, report.updated, report.requoted) == (1, 1, (2, 1))
    assert speakers_of(archive, ix) == ["Ada Vikstrom", "Eli Moss"]


def test_an_article_whose_record_cannot_be_read_back_has_its_file_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_file_reads: list[str]
) -> None:
    archive = write_archive(tmp_path / "arch", ["Ada Vik", "Jon Sand"])
    ix = tmp_path / "ix"
    update_index(archive, ix)
    no_file_reads.clear()
    real_unpack = reannotate.unpack

    def damaged(data: bytes) -> dict[str, object]:
        record = real_unpack(data)
        if record["file"] == "story1.txt":
            return {**record, "v": 99}  # a record of a shape this version cannot read
        return record

    monkeypatch.setattr(reannotate, "unpack", damaged)
    new_extractor(monkeypatch, {})
    report = update_index(archive, ix)

    assert no_file_reads == ["story1.txt"]
    assert report.requoted == (1, 0)
    assert report.updated == 0 and report.added == 1
    backend = open_archive(archive, ix)
    try:
        assert backend.search(SearchRequest("ferry")).total == 2  # one copy each
    finally:
        backend.close()


def test_a_failing_extractor_leaves_the_old_index_serving(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = write_archive(tmp_path / "arch", ["Ada Vik", "Jon Sand"])
    ix = tmp_path / "ix"
    update_index(archive, ix)
    old = whoosh_dir(ix)
    monkeypatch.setattr(quotes_version, "EXTRACTOR_VERSION", quotes_version.EXTRACTOR_VERSION + 1)

    def broken(article: Article) -> Article:
        raise RuntimeError("extractor bug")

    monkeypatch.setattr(reannotate, "annotate", broken)
    with pytest.raises(RuntimeError, match="extractor bug"):
        update_index(archive, ix)
    assert old.is_dir() and not whoosh_dir(ix).exists()
    assert [p.name for p in ix.iterdir() if p.name.startswith("v")] == [old.name]
    # Until the new index is ready, the app and the commands read the old one.
    backend = open_archive(archive, ix)
    try:
        assert backend.search(SearchRequest("ferry")).total == 2
        assert backend.status().stale
    finally:
        backend.close()


def test_workers_annotate_a_large_index_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One JSON-lines file of many articles: indexed in this process with quotes left out
    # (as an older extractor that found none), then annotated again by worker processes,
    # which run the real extractor.
    archive = tmp_path / "arch"
    archive.mkdir()
    lines = []
    for i in range(reannotate.BATCH_DOCS * 2 + 20):
        speaker = "Ada Vik" if i % 2 else "Jon Sand"
        body = STORY.format(title="", speaker=speaker).strip()
        lines.append(json.dumps({"id": f"s{i}", "title": f"Ferry story {i}", "text": body}))
    (archive / "stories.jsonl").write_text("\n".join(lines) + "\n")
    ix = tmp_path / "ix"
    monkeypatch.setattr(
        ingest, "annotate_all", lambda articles: (dataclasses.replace(a) for a in articles)
    )
    update_index(archive, ix)
    assert speakers_of(archive, ix) == []
    monkeypatch.undo()
    monkeypatch.setattr(quotes_version, "EXTRACTOR_VERSION", quotes_version.EXTRACTOR_VERSION + 1)

    report = update_index(archive, ix, procs=2)

    assert report.requoted == (len(lines), len(lines))
    assert speakers_of(archive, ix) == ["Ada Vik", "Jon Sand"]
    backend = open_archive(archive, ix)
    try:
        assert backend.search(SearchRequest("ferry")).total == len(lines)
        assert backend.search(SearchRequest("speaker:vik")).total == len(lines) // 2
    finally:
        backend.close()


def test_the_command_line_says_what_a_new_extractor_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = write_archive(tmp_path / "arch", ["Ada Vik", "Jon Sand"])
    ix = tmp_path / "ix"
    assert run("index", str(archive), "--index-dir", str(ix)).returncode == 0
    new_extractor(monkeypatch, {"Jon Sand": "Jonas Sand"})

    done = run("index", str(archive), "--index-dir", str(ix), "--json")

    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["requoted"] == {"articles": 2, "changed": 1}
    assert (report["added"], report["updated"]) == (0, 0)
    monkeypatch.setattr(quotes_version, "EXTRACTOR_VERSION", quotes_version.EXTRACTOR_VERSION + 1)
    human = run("index", str(archive), "--index-dir", str(ix))
    assert "2 stored articles annotated again, 0 with changed quotes" in human.stdout


def test_progress_counts_articles_while_quotes_are_found_again() -> None:
    pace = BuildPace(iter([0.0, 0.0, 2.0]).__next__)
    pace.measure(Progress("index", 0, 10))
    rate, left = pace.measure(Progress("quotes", 0, 1000))
    assert (rate, left) == (0.0, None)  # a new phase starts its own clock
    rate, left = pace.measure(Progress("quotes", 500, 1000))
    assert progress_words(Progress("quotes", 500, 1000), rate, left) == (
        "new quote extractor \u00b7 500/1,000 articles \u00b7 250 articles/s \u00b7 about 2 s left"
    )
