"""One article per id: copies of an article (the same id, or the same page's URL) are one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index.api.records import SearchRequest, UpdateReport
from index.engines import open_archive
from index.engines.whoosh import build
from index.engines.whoosh.build import update_index
from index.pipeline.read import read_file, url_id
from index.pipeline.urls import page_key
from tui.cli import main

SHORT = "The heron waded out at dawn."
LONG = "The heron waded out at dawn, and stood in the reeds until the tide turned again."


def jsonl(path: Path, *records: dict[str, object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records))


def page(path: Path, url: str, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: Heron page\nurl: {url}\n---\n{body}\n")


def found(archive: Path, index_dir: Path, word: str = "heron") -> list[tuple[str, str]]:
    """(id, body) of every article holding ``word``."""
    backend = open_archive(archive, index_dir)
    try:
        hits = backend.search(SearchRequest(word, limit=50)).hits
        return sorted((hit.id, backend.article(hit.id).body) for hit in hits)
    finally:
        backend.close()


def copies_reported(report: UpdateReport) -> list[str]:
    return [w.reason for w in report.warnings if "another copy" in w.reason]


def test_two_lines_with_one_id_are_one_article(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    jsonl(
        archive / "wire.jsonl",
        {"id": "heron-1", "title": "Heron", "body": SHORT},
        {"id": "heron-2", "title": "Other", "body": "A heron of its own."},
        {"id": "heron-1", "title": "Heron", "body": LONG},
    )
    report = update_index(archive, tmp_path / "ix")
    assert report.duplicates == 1
    assert copies_reported(report) == [
        "wire.jsonl line 1 is another copy of wire.jsonl line 3 (id heron-1); "
        "the fuller text is kept"
    ]
    assert found(archive, tmp_path / "ix") == [
        ("heron-1", LONG),
        ("heron-2", "A heron of its own."),
    ]


def test_one_url_in_a_crawl_a_page_and_another_spelling_is_one_article(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    jsonl(
        archive / "crawl.jsonl",
        {"title": "Heron", "body": SHORT, "url": "http://www.news.example/heron/?utm_source=feed"},
        {"title": "Heron", "body": SHORT, "url": "https://news.example/heron#top"},
    )
    page(archive / "saved" / "heron.md", "https://NEWS.example/heron/", LONG)
    report = update_index(archive, tmp_path / "ix")
    assert report.duplicates == 2 and len(copies_reported(report)) == 2
    assert all("saved/heron.md" in reason for reason in copies_reported(report))
    assert found(archive, tmp_path / "ix") == [(url_id("https://news.example/heron"), LONG)]


def test_the_runner_up_comes_back_when_the_kept_copy_goes(tmp_path: Path) -> None:
    archive, index_dir = tmp_path / "archive", tmp_path / "ix"
    jsonl(archive / "crawl.jsonl", {"title": "Heron", "body": SHORT, "url": "https://n.example/h"})
    page(archive / "heron.md", "https://n.example/h", LONG)
    update_index(archive, index_dir)
    ident = url_id("https://n.example/h")
    assert found(archive, index_dir) == [(ident, LONG)]
    (archive / "heron.md").unlink()
    report = update_index(archive, index_dir)
    assert (report.added, report.updated, report.removed, report.duplicates) == (0, 0, 1, 0)
    assert found(archive, index_dir) == [(ident, SHORT)]


def test_the_fuller_copy_wins_again_when_the_kept_one_shrinks(tmp_path: Path) -> None:
    archive, index_dir = tmp_path / "archive", tmp_path / "ix"
    jsonl(archive / "crawl.jsonl", {"title": "Heron", "body": SHORT, "url": "https://n.example/h"})
    page(archive / "heron.md", "https://n.example/h", LONG)
    update_index(archive, index_dir)
    page(archive / "heron.md", "https://n.example/h", "A heron.")
    report = update_index(archive, index_dir)
    assert report.duplicates == 1
    assert found(archive, index_dir) == [(url_id("https://n.example/h"), SHORT)]


def test_a_copy_that_moves_to_another_url_is_its_own_article_again(tmp_path: Path) -> None:
    archive, index_dir = tmp_path / "archive", tmp_path / "ix"
    jsonl(archive / "crawl.jsonl", {"title": "Heron", "body": SHORT, "url": "https://n.example/h"})
    page(archive / "heron.md", "https://n.example/h", LONG)
    update_index(archive, index_dir)
    page(archive / "heron.md", "https://n.example/egret", LONG)
    report = update_index(archive, index_dir)
    assert report.duplicates == 0
    assert found(archive, index_dir) == sorted(
        [(url_id("https://n.example/h"), SHORT), (url_id("https://n.example/egret"), LONG)]
    )


def test_removing_the_set_aside_copy_keeps_the_article(tmp_path: Path) -> None:
    archive, index_dir = tmp_path / "archive", tmp_path / "ix"
    jsonl(archive / "crawl.jsonl", {"title": "Heron", "body": SHORT, "url": "https://n.example/h"})
    page(archive / "heron.md", "https://n.example/h", LONG)
    update_index(archive, index_dir)
    (archive / "crawl.jsonl").unlink()
    report = update_index(archive, index_dir)
    assert (report.removed, report.duplicates) == (1, 0)
    assert found(archive, index_dir) == [(url_id("https://n.example/h"), LONG)]


def test_a_copy_added_later_is_settled_against_the_index(tmp_path: Path) -> None:
    archive, index_dir = tmp_path / "archive", tmp_path / "ix"
    page(archive / "heron.md", "https://n.example/h", SHORT)
    update_index(archive, index_dir)
    jsonl(archive / "crawl.jsonl", {"title": "Heron", "body": LONG, "url": "https://n.example/h"})
    report = update_index(archive, index_dir)
    assert report.duplicates == 1
    assert copies_reported(report) == [
        f"heron.md is another copy of crawl.jsonl line 1 (id {url_id('https://n.example/h')}); "
        "the fuller text is kept"
    ]
    assert found(archive, index_dir) == [(url_id("https://n.example/h"), LONG)]
    again = update_index(archive, index_dir)
    assert (again.added, again.updated, again.removed, again.duplicates) == (0, 0, 0, 1)


def test_copies_written_by_several_workers_are_settled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive, index_dir = tmp_path / "archive", tmp_path / "ix"
    for i in range(40):
        body = LONG if i == 27 else f"{SHORT} Copy {i}."
        page(archive / f"p{i:02d}.md", "https://n.example/h", body)
    monkeypatch.setattr(build, "PARALLEL_THRESHOLD", 10)
    report = update_index(archive, index_dir, procs=2)
    assert report.duplicates == 39
    assert found(archive, index_dir) == [(url_id("https://n.example/h"), LONG)]


def test_an_archive_without_copies_reports_none(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    jsonl(archive / "wire.jsonl", *({"id": f"h{i}", "title": "H", "body": SHORT} for i in range(5)))
    report = update_index(archive, tmp_path / "ix")
    assert (report.added, report.duplicates, report.warnings) == (1, 0, ())


def test_index_json_counts_the_copies(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = tmp_path / "archive"
    jsonl(archive / "wire.jsonl", {"id": "x", "body": SHORT}, {"id": "x", "body": LONG})
    assert main(["index", str(archive), "--index-dir", str(tmp_path / "ix"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["duplicates"] == 1


@pytest.mark.parametrize(
    ("spelling", "page_"),
    [
        (
            "HTTP://WWW.News.Example:80/a/b/?utm_medium=x&b=2&a=1#c",
            "https://news.example/a/b?a=1&b=2",
        ),
        ("https://news.example:8443/a", "https://news.example:8443/a"),
        ("https://news.example", "https://news.example/"),
        ("  https://news.example/a?fbclid=z  ", "https://news.example/a"),
        ("urn:uuid:1234", "urn:uuid:1234"),
        ("https://[bad/a", "https://[bad/a"),
    ],
)
def test_page_key(spelling: str, page_: str) -> None:
    assert page_key(spelling) == page_


def test_an_id_given_by_the_publisher_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    jsonl(path, {"id": "w-1", "body": SHORT, "url": "https://n.example/h"}, {"body": SHORT})
    ids = [article.id for article in read_file(path)]
    assert ids[0] == "w-1" and ids[1] != url_id("https://n.example/h")
