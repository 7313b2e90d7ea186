"""The Typesense engine on a real node: indexing, the query language against the local index,
incremental and resumed updates, and a search-only key."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from index.api.backend import Backend
from index.api.errors import QueryError
from index.api.records import Filter, Progress, SearchRequest
from index.engines import open_archive
from index.engines.typesense import indexing
from index.engines.typesense.client import create_search_key
from index.engines.typesense.settings import API_KEY_ENV
from index.pipeline.store import Manifest
from index.quotes import version as quotes_version
from tests.conftest import REPO
from tests.samples import copied_sample
from tests.typesense_archives import backend_url, typesense_backend, write_archive
from tests.typesense_server import RunningCluster
from tui.cli import main


class Engines:
    """The same archive indexed locally (Whoosh) and in a Typesense collection."""

    def __init__(self, archive: Path, local: Backend, shared: Backend, collection: str) -> None:
        self.archive, self.local, self.shared, self.collection = archive, local, shared, collection


@pytest.fixture(scope="module")
def engines(
    tmp_path_factory: pytest.TempPathFactory, typesense_node: RunningCluster
) -> Iterator[Engines]:
    root = tmp_path_factory.mktemp("engines")
    sample = copied_sample(tmp_path_factory, root)  # (the local index comes already built)
    archive = sample.archive
    collection = f"sample_{uuid.uuid4().hex[:6]}"
    shared = typesense_backend(typesense_node, archive, root / "state", collection)
    report = shared.update()
    assert (report.added, report.updated, report.removed) == (44, 0, 0)
    local = open_archive(archive, sample.index_dir)
    assert local.update().added == 0
    yield Engines(archive, local, shared, collection)
    shared.close()
    local.close()


def test_the_collection_holds_every_article_and_its_stored_record(engines: Engines) -> None:
    assert engines.shared.status().articles == engines.local.status().articles == 55
    ref = "wire-2022-0002"
    assert engines.shared.article(ref) == engines.local.article(ref)
    path = str(engines.archive / "business" / "2016-05-17-tidewell-pay-raises-seed-funding.txt")
    assert engines.shared.article(path) == engines.local.article(path)


SAME_AS_LOCAL = [
    # plain
    "fintech",
    "port strike",
    "strikes",
    "harbour",
    "minister",
    "lodz",
    '"port strike"',
    # fields
    "title:fintech harbour",
    "title:(fintech OR banking)",
    "source:meridian",
    "section:business",
    "tag:drought",
    "author:hallett",
    'quote:"floor, not a ceiling"',
    # speakers
    "speaker:okafor",
    "speaker:montague",
    "speaker:lindqvist fintech",
    # dates
    "date:2022",
    "date:2024",
    "harbour date:[2020 TO 2023]",
    "date:>2023",
    "-date:2022 fintech",
    # boolean, prefix, fuzzy
    "fintech OR drought",
    "drought OR (port AND strike)",
    "fintech -london",
    "NOT fintech",
    "vaccin*",
    "fintec~",
    "",
    # the shared analysis: stems, words that are no stop words, folding
    "running",
    "news",
    "May",
    "us",
    "will not",
    "Łódź",
]


@pytest.mark.parametrize("query", SAME_AS_LOCAL)
def test_every_query_form_finds_what_the_local_index_finds_with_the_same_top_hit(
    engines: Engines, query: str
) -> None:
    request = SearchRequest(query, limit=100)
    shared, local = engines.shared.search(request), engines.local.search(request)
    assert shared.total == local.total
    assert {h.id for h in shared.hits} == {h.id for h in local.hits}
    assert [h.id for h in shared.hits[:1]] == [h.id for h in local.hits[:1]]
    assert shared.notices == local.notices


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_sorting_by_date_puts_undated_articles_last_as_locally(engines: Engines, sort: str) -> None:
    request = SearchRequest("harbour", sort=sort, limit=100)  # type: ignore[arg-type]
    shared, local = engines.shared.search(request), engines.local.search(request)
    assert [h.date for h in shared.hits] == [h.date for h in local.hits]
    assert shared.hits[-1].date is None


def test_facets_and_facet_filters_count_as_locally(engines: Engines) -> None:
    request = SearchRequest("fintech", facets=True, filters=(Filter("year", "2023"),))
    shared, local = engines.shared.search(request), engines.local.search(request)
    assert shared.facets == local.facets
    assert shared.total == local.total == 1


def test_reading_state_filters_by_id(engines: Engines) -> None:
    first = engines.shared.search(SearchRequest("fintech", limit=2)).hits
    for hit in first:
        engines.shared.reading.set_read(hit.id, True)
    for query in ("is:read", "is:unread fintech", "is:read OR drought", "is:bookmarked"):
        request = SearchRequest(query, limit=100)
        shared, local = engines.shared.search(request), engines.local.search(request)
        assert {h.id for h in shared.hits} == {h.id for h in local.hits}, query
    assert engines.shared.search(SearchRequest("is:read")).total == 2


def test_snippets_mark_stemmed_hits_and_did_you_mean_gives_a_written_word(
    engines: Engines,
) -> None:
    hit = engines.shared.search(SearchRequest("striking dockworkers", limit=1)).hits[0]
    assert "**strike**" in hit.snippet.marked() or "**striking**" in hit.snippet.marked()
    assert engines.shared.search(SearchRequest("fintek")).suggestion == "fintech"
    assert engines.local.search(SearchRequest("fintek")).suggestion == "fintech"


def test_a_wildcard_inside_a_word_is_refused_by_name(engines: Engines) -> None:
    with pytest.raises(QueryError, match="wildcards inside a word"):
        engines.shared.search(SearchRequest("harb*r"))


def test_speakers_quotes_and_related_come_from_the_stored_records(engines: Engines) -> None:
    assert engines.shared.speakers(5) == engines.local.speakers(5)
    assert engines.shared.quotes_by("okafor") == engines.local.quotes_by("okafor")
    article = engines.shared.search(SearchRequest("fintech", limit=1)).hits[0]
    related = engines.shared.related(article.id, limit=5)
    assert len(related) == 5
    assert article.id not in {hit.id for hit in related}


def test_both_engines_find_the_same_articles_by_folded_stemmed_and_marked_words(
    tmp_path: Path, typesense_node: RunningCluster
) -> None:
    import unicodedata

    archive = tmp_path / "archive"
    archive.mkdir()
    texts = [
        unicodedata.normalize("NFD", "Trams return to Łódź; Zoë Brandt is running the line."),
        "The ﬁnance office in Straße 4 said U.S. funds were not enough.",
        "हिन्दी समाचार: runners ran in May, and the runner won.",
        "News of a strike: dockers struck at dawn, striking for pay.",
    ]
    for i, body in enumerate(texts):
        (archive / f"{i}.md").write_text(f"---\ntitle: Item {i}\n---\n\n{body}\n", "utf-8")
    shared = typesense_backend(
        typesense_node, archive, tmp_path / "state", f"an_{uuid.uuid4().hex[:6]}"
    )
    local = open_archive(archive, tmp_path / "whoosh")
    shared.update()
    local.update()
    queries = {
        "lodz": 1, "Łódź": 1, unicodedata.normalize("NFD", "Łódź"): 1, "zoe": 1, "run": 1,
        "strikes": 1, "finance": 1, "strasse": 1, "U.S.": 1, "not": 1, "may": 1,
        "समाचार": 1, "हिन्दी": 1, "news": 1, '"runner won"': 1, '"running line"': 1,
        "runn*": 1, "strik*": 1,
    }  # fmt: skip
    for query, count in queries.items():
        request = SearchRequest(query, limit=10)
        found, expected = shared.search(request), local.search(request)
        assert (query, expected.total) == (query, count)
        assert {h.id for h in found.hits} == {h.id for h in expected.hits}, query
    shared.close()
    local.close()


# ---------------------------------------------------------------- updates


def test_new_changed_and_deleted_files_are_indexed_and_stale_articles_removed(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path, typesense_node: RunningCluster
) -> None:
    sample = copied_sample(tmp_path_factory, tmp_path)  # (a local index of it, already built)
    archive = sample.archive
    shared = typesense_backend(
        typesense_node, archive, tmp_path / "state", f"inc_{uuid.uuid4().hex[:6]}"
    )
    shared.update()
    wires = archive / "wires" / "wire-feed.jsonl"
    lines = wires.read_text(encoding="utf-8").splitlines()
    dropped = json.loads(lines[-1])["id"]
    wires.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    (archive / "business" / "2016-05-17-tidewell-pay-raises-seed-funding.txt").unlink()
    write_archive(archive / "new", 1)

    report = shared.update()
    assert (report.added, report.updated, report.removed) == (1, 1, 1)
    local = open_archive(archive, sample.index_dir)
    local_report = local.update()  # (incremental, as the shared one was)
    assert (local_report.added, local_report.updated, local_report.removed) == (1, 1, 1)
    for query in ("", "tidewell", "council", "wires"):
        request = SearchRequest(query, limit=100)
        assert {h.id for h in shared.search(request).hits} == {
            h.id for h in local.search(request).hits
        }
    assert shared.search(SearchRequest(f"id:{dropped}")).total == 0
    assert shared.update().added == 0  # nothing left to do


def test_a_collection_from_another_quote_extractor_is_rebuilt(
    tmp_path: Path, typesense_node: RunningCluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The records hold speakers and quotes: a new extractor reads every article again.
    archive = write_archive(tmp_path / "archive", 3)
    collection = f"ver_{uuid.uuid4().hex[:6]}"
    shared = typesense_backend(typesense_node, archive, tmp_path / "state", collection)
    assert shared.update().added == 3
    assert shared.update().added == 0
    shared.close()
    monkeypatch.setattr(quotes_version, "EXTRACTOR_VERSION", quotes_version.EXTRACTOR_VERSION + 1)
    again = typesense_backend(typesense_node, archive, tmp_path / "state", collection)
    try:
        assert again.update().added == 3
        assert again.update().added == 0
        assert again.search(SearchRequest("council")).total == 3
    finally:
        again.close()


def test_updates_take_procs_and_quick_and_report_a_skipped_file_once(
    tmp_path: Path, typesense_node: RunningCluster
) -> None:
    archive = write_archive(tmp_path / "archive", 2)
    (archive / "empty.txt").write_text("")
    shared = typesense_backend(
        typesense_node, archive, tmp_path / "state", f"skip_{uuid.uuid4().hex[:6]}"
    )
    first = shared.update(procs=1, quick=True)
    assert first.added == 2 and [Path(s.path).name for s in first.skipped] == ["empty.txt"]
    again = shared.update(quick=True)
    assert (again.added, again.skipped, again.skipped_total) == (0, (), 1)


def test_a_quick_update_trusts_unchanged_folders_and_sees_new_files(
    tmp_path: Path, typesense_node: RunningCluster
) -> None:
    archive = write_archive(tmp_path / "archive", 3)
    past = time.time_ns() - 60_000_000_000  # out of the racy window: times can be trusted
    for path in (archive, *archive.rglob("*")):
        os.utime(path, ns=(past, past))
    shared = typesense_backend(
        typesense_node, archive, tmp_path / "state", f"quick_{uuid.uuid4().hex[:6]}"
    )
    try:
        assert shared.update(quick=True).added == 3  # nothing known yet: a full scan
        with sorted(archive.glob("0001-*.md"))[0].open("a") as handle:
            handle.write("\nA lighthouse paragraph added in place.\n")
        os.utime(archive, ns=(past, past))  # as an editor saving in place leaves it
        # The folder's time is unchanged: the quick check does not look at its files ...
        assert shared.update(quick=True).updated == 0
        # ... a full update does, and a new file changes the folder's time.
        assert shared.update().updated == 1
        write_archive(archive / "more", 1)
        assert shared.update(quick=True).added == 1
        assert shared.search(SearchRequest("lighthouse")).total == 1
    finally:
        shared.close()


def test_two_archives_share_a_collection_and_a_lost_manifest_is_rebuilt_from_it(
    tmp_path: Path, typesense_node: RunningCluster
) -> None:
    collection = f"two_{uuid.uuid4().hex[:6]}"
    first = write_archive(tmp_path / "first", 3)
    second = write_archive(tmp_path / "second" / "more", 2).parent
    one = typesense_backend(typesense_node, first, tmp_path / "one", collection)
    assert one.update().added == 3
    other = typesense_backend(typesense_node, second, tmp_path / "other", collection)
    assert other.update().added == 2
    assert one.search(SearchRequest("council")).total == 5  # the first archive's are kept

    shutil.rmtree(tmp_path / "one")  # the local manifest is lost
    again = typesense_backend(typesense_node, first, tmp_path / "one", collection)
    assert again.update().added == 0
    (first / "0000-ferry.md").unlink()
    assert again.update().removed == 1
    assert again.search(SearchRequest("council")).total == 4


class Stopped(Exception):
    """Raised by a progress report to stop an update half-way, as a closing app does."""


def test_an_update_stopped_half_way_carries_on_where_it_stopped(
    tmp_path: Path, typesense_node: RunningCluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    # In this process: small batches, each recorded as soon as it is in; the update is
    # stopped between two of them. (A process killed outright: the slow test below.)
    monkeypatch.setattr(indexing, "BATCH_DOCUMENTS", 20)
    monkeypatch.setattr(indexing, "SAVE_SECONDS", 0.0)
    archive = write_archive(tmp_path / "archive", 100)
    collection = f"stopped_{uuid.uuid4().hex[:6]}"

    def stop_half_way(progress: Progress) -> None:
        if progress.phase == "index" and progress.done == 50:
            raise Stopped

    first = typesense_backend(typesense_node, archive, tmp_path / "ix", collection)
    with pytest.raises(Stopped):
        first.update(progress=stop_half_way)
    first.close()
    (found,) = (tmp_path / "ix").glob("typesense-*/*/manifest.bin")
    kept = Manifest.load(found.parent)
    assert kept is not None and 0 < len(kept.files) < 100, "the update was not stopped half-way"

    again = typesense_backend(typesense_node, archive, tmp_path / "ix", collection)
    assert again.update().added == 100 - len(kept.files)
    every = again.search(SearchRequest("council", limit=100))
    assert (every.total, len({hit.id for hit in every.hits})) == (100, 100)
    again.close()


@pytest.mark.slow  # a process killed outright; the test above stops one in this process
def test_an_index_killed_half_way_carries_on_where_it_stopped(
    tmp_path: Path, typesense_node: RunningCluster
) -> None:
    archive = write_archive(tmp_path / "archive", 400)
    collection = f"resume_{uuid.uuid4().hex[:6]}"
    # Small batches, each recorded as soon as it is in and followed by a pause, so that a
    # kill comes between two of them however fast the machine is.
    script = (
        "import sys, time; from index.engines.typesense import indexing; "
        "indexing.BATCH_DOCUMENTS = 20; indexing.SAVE_SECONDS = 0.0; "
        "flush = indexing._Shipper.flush; "
        "indexing._Shipper.flush = lambda self: (flush(self), time.sleep(0.2))[0]; "
        "from tui.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    arguments = [
        "index", str(archive), "--json",
        "--backend", backend_url(typesense_node, collection), "--index-dir", str(tmp_path / "ix"),
    ]  # fmt: skip
    command = [sys.executable, "-c", script, *arguments]
    env = {**os.environ, API_KEY_ENV: typesense_node.key.reveal()}
    first = subprocess.Popen(
        command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    saved: Manifest | None = None
    deadline = time.monotonic() + 60
    while first.poll() is None and time.monotonic() < deadline:
        found = list((tmp_path / "ix").glob("typesense-*/*/manifest.bin"))
        saved = Manifest.load(found[0].parent) if found else None
        if saved is not None and saved.files:
            first.send_signal(signal.SIGKILL)
            break
        time.sleep(0.02)
    first.communicate(timeout=30)
    assert saved is not None and 0 < len(saved.files) < 400, (
        "the first run was not stopped half-way"
    )
    kept = Manifest.load(found[0].parent)
    assert kept is not None

    # The second run is a plain one (full batches, no pauses): it only has to carry on.
    again = subprocess.run(
        [sys.executable, "-m", "tui.cli", *arguments],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["added"] == 400 - len(kept.files)
    shared = typesense_backend(typesense_node, archive, tmp_path / "ix", collection)
    every = shared.search(SearchRequest("council", limit=400))  # more than one page of 250
    assert (every.total, len({hit.id for hit in every.hits})) == (400, 400)
    assert all("**council**" in hit.snippet.marked() for hit in every.hits)


# ---------------------------------------------------------------- keys


def test_a_search_only_key_searches_but_cannot_index_and_no_key_is_shown(
    engines: Engines,
    typesense_node: RunningCluster,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    key = create_search_key(typesense_node.client(), (engines.collection,))
    monkeypatch.setenv(API_KEY_ENV, key.reveal())
    where = ["--backend", backend_url(typesense_node, engines.collection)]
    where += ["--archive", str(engines.archive)]
    assert main(["search", "fintech", "--json", *where]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["total"] == 10
    assert main(["show", "wire-2022-0002", *where]) == 0
    capsys.readouterr()

    assert main(["index", str(engines.archive), *where[:2]]) == 1
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        f"newsdesk: error: the Typesense API key may not change collection "
        f"'{engines.collection}' (a search-only key?); index with the admin key in "
        "NEWSDESK_TYPESENSE_API_KEY or api_key_file"
    ]
    assert key.reveal() not in out + err

    monkeypatch.setenv(API_KEY_ENV, "not-" + key.reveal())
    assert main(["search", "fintech", *where]) == 1
    out, err = capsys.readouterr()
    assert len(err.splitlines()) == 1
    assert "API key was refused" in err
    assert key.reveal() not in out + err
