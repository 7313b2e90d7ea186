"""Nothing breaks it: hostile archives, any bytes, any query, files vanishing mid-run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index.api.backend import Backend
from index.api.errors import QueryError, UnreadableFile
from index.api.records import Progress, SearchRequest
from index.engines import open_archive
from index.engines.whoosh.build import update_index
from index.pipeline.read import read_file
from tests.hostile import SIZE_LIMIT, write_hostile_corpus
from tests.samples import copied_sample

CONTROL = {chr(c) for c in range(32) if chr(c) not in "\n\t"} | {"\x7f"}


def test_every_bad_file_is_reported_and_every_good_one_indexed(tmp_path: Path) -> None:
    archive = tmp_path / "hostile"
    corpus = write_hostile_corpus(archive)
    report = update_index(archive, tmp_path / "ix", max_bytes=SIZE_LIMIT)
    reasons = {Path(s.path).relative_to(archive).as_posix(): s.reason for s in report.skipped}
    for rel, expected in corpus.bad.items():
        assert rel in reasons, f"{rel} was not reported"
        assert expected in reasons[rel], f"{rel}: {reasons[rel]!r} lacks {expected!r}"
    assert set(reasons) == set(corpus.bad), "only bad files are reported"
    warnings: dict[str, list[str]] = {}
    for warning in report.warnings:
        warnings.setdefault(Path(warning.path).relative_to(archive).as_posix(), []).append(
            warning.reason
        )
    for rel, expected in corpus.warnings.items():
        assert any(expected in reason for reason in warnings[rel]), warnings[rel]
    assert len(warnings["wire/feed.jsonl"]) == 3  # lines 2, 3 and 5; lines 1 and 4 indexed
    assert len(warnings["wire/copies.jsonl"]) == 2 and report.duplicates == 2
    backend = open_archive(archive, tmp_path / "ix", max_bytes=SIZE_LIMIT)
    for rel, marker in corpus.good.items():
        hits = backend.search(SearchRequest(marker)).hits
        assert len(hits) == 1, f"{rel} ({marker}) not found"
        article = backend.article(hits[0].id)
        assert not CONTROL & set(article.title + article.body), f"{rel} kept control characters"
    backend.close()


def test_hostile_archive_update_is_stable(tmp_path: Path) -> None:
    archive = tmp_path / "hostile"
    write_hostile_corpus(archive)
    update_index(archive, tmp_path / "ix", max_bytes=SIZE_LIMIT)
    again = update_index(archive, tmp_path / "ix", max_bytes=SIZE_LIMIT)
    assert (again.added, again.updated, again.removed) == (0, 0, 0)


def test_file_deleted_between_listing_and_reading(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    for name in ("a", "b", "c"):
        (archive / f"{name}.txt").write_text(f"Title {name}\n\nBody {name}.\n")

    def vanish(progress: Progress) -> None:
        if progress.phase == "index" and progress.done == 0:
            (archive / "b.txt").unlink()

    report = update_index(archive, tmp_path / "ix", progress=vanish)
    assert report.added == 2
    assert [(Path(s.path).name, s.reason) for s in report.skipped] == [
        ("b.txt", "file disappeared before it could be read")
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_permissions_are_reported(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "secret.txt").write_text("Secret\n\nBody.\n")
    (archive / "secret.txt").chmod(0)
    report = update_index(archive, tmp_path / "ix")
    assert [s.reason for s in report.skipped] == ["permission denied"]


def test_permission_error_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same path for root: opening the file fails with EACCES."""
    path = tmp_path / "secret.txt"
    path.write_text("Secret\n\nBody.\n")
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(UnreadableFile, match="permission denied"):
        list(read_file(path))


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".md", ".jsonl"]))
def test_any_bytes_read_or_refused_cleanly(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"any{suffix}"
    path.write_bytes(data)
    try:
        articles = list(read_file(path, warn=lambda _: None))
    except UnreadableFile as exc:
        assert exc.reason and "\n" not in exc.reason
        return
    for article in articles:
        text = article.title + article.body + "".join(article.captions)
        assert not CONTROL & set(text)
        for quote in article.quotes:
            assert 0 <= quote.start <= quote.end <= len(article.body)


@pytest.fixture(scope="module")
def sample_backend(tmp_path_factory: pytest.TempPathFactory) -> Backend:
    sample = copied_sample(tmp_path_factory, tmp_path_factory.mktemp("fuzz"))
    backend = open_archive(sample.archive, sample.index_dir)
    assert backend.update().added == 0  # (the copy is up to date)
    return backend


QUERY_ALPHABET = st.sampled_from(
    list('abcfintech "()[]*?~-+:^{}<>=!/\\ANDORNOT date:title:0123456789')
)


@settings(max_examples=300, deadline=None)
@given(query=st.one_of(st.text(max_size=60), st.text(alphabet=QUERY_ALPHABET, max_size=40)))
def test_any_query_answers_or_says_what_is_wrong(sample_backend: Backend, query: str) -> None:
    try:
        result = sample_backend.search(SearchRequest(query, limit=5, facets=True))
    except QueryError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert result.total >= len(result.hits)


@pytest.mark.parametrize(
    "query",
    [
        "*",
        "a*b*c*",
        "?",
        "*" * 500,
        "x" * 10_000,
        "(" * 300 + "a" + ")" * 300,
        "a~~~~~",
        "AND",
        "NOT",
    ],
)
def test_pathological_queries(sample_backend: Backend, query: str) -> None:
    try:
        sample_backend.search(SearchRequest(query))
    except QueryError as exc:
        assert str(exc)


def test_a_file_name_that_is_not_utf8_costs_nothing(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    (archive / "a").mkdir(parents=True)
    odd = os.fsdecode(bytes(archive / "a") + b"/caf\xe9.txt")
    Path(odd).write_bytes(b"T\n\nzebra in the odd file\n")
    (archive / "a" / "good.txt").write_text("Good\n\nzebra in the good file\n")
    report = update_index(archive, tmp_path / "ix")
    assert (report.added, report.skipped, report.warnings) == (2, (), ())
    backend = open_archive(archive, tmp_path / "ix")
    hits = {hit.path: hit for hit in backend.search(SearchRequest("zebra")).hits}
    assert set(hits) == {odd, str(archive / "a" / "good.txt")}
    odd_id = hits[odd].id
    article = backend.article(odd_id)
    assert article.path == odd and Path(article.path).read_bytes().startswith(b"T\n")
    assert backend.article(odd).id == odd_id  # found again by its path
    backend.close()
    again = update_index(archive, tmp_path / "ix")
    assert (again.added, again.updated, again.removed) == (0, 0, 0)
    Path(odd).write_bytes(b"T\n\nzebra and quagga in the odd file\n")
    changed = update_index(archive, tmp_path / "ix")
    assert (changed.added, changed.updated, changed.removed) == (0, 1, 0)
    backend = open_archive(archive, tmp_path / "ix")
    assert [h.id for h in backend.search(SearchRequest("quagga")).hits] == [odd_id]
    backend.close()
    Path(odd).unlink()
    gone = update_index(archive, tmp_path / "ix")
    assert gone.removed == 1
    backend = open_archive(archive, tmp_path / "ix")
    assert backend.search(SearchRequest("zebra")).total == 1
    backend.close()


def test_a_bad_file_with_a_name_that_is_not_utf8_is_reported_printably(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    Path(os.fsdecode(bytes(archive) + b"/\x9b\xff.txt")).write_bytes(b"")
    report = update_index(archive, tmp_path / "ix")
    assert [(s.path, s.reason) for s in report.skipped] == [
        (f"{archive}/\\x9b\\xff.txt", "empty file")
    ]
    again = update_index(archive, tmp_path / "ix")  # remembered: reported once, still counted
    assert (again.skipped, again.skipped_total) == ((), 1)


def test_the_command_line_shows_a_name_that_is_not_utf8(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    archive = tmp_path / "archive"
    archive.mkdir()
    odd = os.fsdecode(bytes(archive) + b"/caf\xe9.txt")
    Path(odd).write_bytes(b"T\n\nzebra\n")
    where = ["--archive", str(archive), "--index-dir", str(tmp_path / "ix")]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}

    def run(*args: str) -> subprocess.CompletedProcess[bytes]:
        done = subprocess.run(
            [sys.executable, "-m", "tui.cli", *args], capture_output=True, env=env
        )
        assert done.returncode == 0, done.stderr
        return done

    found = json.loads(run("search", "zebra", "--json", *where).stdout)
    assert found["hits"][0]["path"] == odd  # the JSON keeps the name's bytes, escaped
    shown = run("show", found["hits"][0]["id"], *where).stdout
    assert f"{archive}/caf\\xe9.txt".encode() in shown and b"\xe9" not in shown


def test_decomposed_accents_are_folded(tmp_path: Path) -> None:
    import unicodedata

    archive = tmp_path / "archive"
    archive.mkdir()
    nfd = unicodedata.normalize("NFD", "Łódź and Zoë")
    (archive / "nfd.txt").write_text(f"Trams\n\nThe trams of {nfd} run late.\n")
    update_index(archive, tmp_path / "ix")
    backend = open_archive(archive, tmp_path / "ix")
    for query in ("lodz", "Łódź", "zoe", unicodedata.normalize("NFD", "Łódź")):
        assert backend.search(SearchRequest(query)).total == 1, query
    result = backend.search(SearchRequest("lodz"))
    body = backend.article(result.hits[0].id).body
    spans = backend.hit_finder(result.highlight)(body)
    assert [body[start:end] for start, end in spans] == [unicodedata.normalize("NFD", "Łódź")]
    backend.close()
