"""Index upkeep: add, update, delete, rebuild, locks, manifests and parallel builds."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from whoosh.filedb.filestore import FileStorage

from index.api.errors import IndexLocked
from index.api.records import SearchRequest
from index.engines import open_archive
from index.engines.whoosh import build
from index.engines.whoosh import parallel as workers
from index.engines.whoosh.build import update_index
from index.engines.whoosh.storage import whoosh_dir
from index.pipeline.store import MANIFEST_NAME, Manifest, WriteLock, default_index_dir
from index.quotes import version as quotes_version

ARTICLE = "{title}\n\nThe {word} story continues here with more detail.\n"


def make_archive(root: Path, count: int, word: str = "harbour") -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (root / f"a{i:04d}.txt").write_text(ARTICLE.format(title=f"Title {i}", word=word))
    return root


def titles(index_dir: Path, archive: Path, query: str) -> list[str]:
    backend = open_archive(archive, index_dir)
    try:
        result = backend.search(SearchRequest(query, limit=1000, sort="oldest"))
        return sorted(hit.title for hit in result.hits)
    finally:
        backend.close()


def test_default_index_dir_is_in_xdg_data_and_keyed_by_archive(tmp_path: Path) -> None:
    first = default_index_dir(tmp_path / "one")
    second = default_index_dir(tmp_path / "two")
    assert first != second
    assert str(first).startswith(os.environ["XDG_DATA_HOME"])
    assert first == default_index_dir(tmp_path / "one")


def test_add_update_delete_cycle(tmp_path: Path) -> None:
    archive = make_archive(tmp_path / "arch", 3)
    ix = tmp_path / "ix"
    report = update_index(archive, ix)
    assert (report.added, report.updated, report.removed) == (3, 0, 0)
    assert titles(ix, archive, "harbour") == ["Title 0", "Title 1", "Title 2"]

    nothing = update_index(archive, ix)
    assert (nothing.added, nothing.updated, nothing.removed) == (0, 0, 0)

    (archive / "a0001.txt").write_text(ARTICLE.format(title="Renamed", word="lighthouse"))
    (archive / "a0002.txt").unlink()
    (archive / "new.md").write_text("---\ntitle: Fresh\n---\nA harbour note.\n")
    report = update_index(archive, ix)
    assert (report.added, report.updated, report.removed) == (1, 1, 1)
    assert titles(ix, archive, "harbour") == ["Fresh", "Title 0"]
    assert titles(ix, archive, "lighthouse") == ["Renamed"]


def test_touched_but_unchanged_file_is_not_reindexed(tmp_path: Path) -> None:
    archive = make_archive(tmp_path / "arch", 2)
    ix = tmp_path / "ix"
    update_index(archive, ix)
    later = os.stat(archive / "a0000.txt").st_mtime_ns + 5_000_000_000
    os.utime(archive / "a0000.txt", ns=(later, later))
    report = update_index(archive, ix)
    assert (report.added, report.updated) == (0, 0)


def test_same_size_same_mtime_change_is_caught_by_hash(tmp_path: Path) -> None:
    """A racy edit: same size, mtime restored; the content hash still notices."""
    archive = make_archive(tmp_path / "arch", 1)
    ix = tmp_path / "ix"
    path = archive / "a0000.txt"
    update_index(archive, ix)
    st = os.stat(path)
    path.write_text(path.read_text().replace("harbour", "seaport"))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    report = update_index(archive, ix)
    assert report.updated == 1
    assert titles(ix, archive, "seaport") == ["Title 0"]


def test_an_index_from_another_quote_extractor_is_annotated_again_and_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The index stores speakers: when the extractor changes, every stored article is
    # annotated again (tests/test_reannotate.py), in a new folder; the old one goes.
    archive = make_archive(tmp_path / "arch", 3)
    ix = tmp_path / "ix"
    update_index(archive, ix)
    stale = whoosh_dir(ix)
    assert update_index(archive, ix).added == 0
    monkeypatch.setattr(quotes_version, "EXTRACTOR_VERSION", quotes_version.EXTRACTOR_VERSION + 1)
    assert whoosh_dir(ix) != stale
    report = update_index(archive, ix)
    assert (report.added, report.updated, report.requoted) == (0, 0, (3, 0))
    assert not stale.exists() and whoosh_dir(ix).is_dir()
    assert len(titles(ix, archive, "harbour")) == 3


def test_reopened_after_the_quote_extractor_changed_every_article_is_annotated_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = make_archive(tmp_path / "arch", 3)
    backend = open_archive(archive, tmp_path / "ix")
    try:
        assert backend.update().added == 3
        assert backend.update().added == 0
    finally:
        backend.close()
    monkeypatch.setattr(quotes_version, "EXTRACTOR_VERSION", quotes_version.EXTRACTOR_VERSION + 1)
    backend = open_archive(archive, tmp_path / "ix")
    try:
        assert backend.update().requoted == (3, 0)
        assert backend.search(SearchRequest("harbour")).total == 3
    finally:
        backend.close()


def test_rebuild_reindexes_everything(tmp_path: Path) -> None:
    archive = make_archive(tmp_path / "arch", 4)
    ix = tmp_path / "ix"
    update_index(archive, ix)
    report = update_index(archive, ix, rebuild=True)
    assert report.rebuilt and report.added == 4
    assert len(titles(ix, archive, "harbour")) == 4


def test_skipped_files_are_reported_once_and_counted_until_fixed(tmp_path: Path) -> None:
    archive = make_archive(tmp_path / "arch", 1)
    (archive / "bad.md").write_text("---\n[1, 2]\n---\nbody\n")
    ix = tmp_path / "ix"
    first = update_index(archive, ix)
    assert [(Path(s.path).name, s.reason) for s in first.skipped] == [
        ("bad.md", "front matter must be a mapping of keys to values, not list")
    ]
    again = update_index(archive, ix)
    assert again.skipped == () and again.skipped_total == 1
    (archive / "bad.md").write_text("---\ntitle: Fixed harbour\n---\nbody\n")
    fixed = update_index(archive, ix)
    assert fixed.skipped == () and fixed.updated == 0 and fixed.added == 1
    assert fixed.skipped_total == 0


def test_live_lock_is_respected_with_a_clear_message(tmp_path: Path) -> None:
    archive = make_archive(tmp_path / "arch", 1)
    ix = tmp_path / "ix"
    holder = WriteLock(ix)
    holder.acquire()
    try:
        with pytest.raises(IndexLocked, match=r"another newsdesk process \(pid \d+"):
            update_index(archive, ix)
    finally:
        holder.release()
    assert update_index(archive, ix).added == 1


def test_stale_lock_file_from_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    archive = make_archive(tmp_path / "arch", 1)
    ix = tmp_path / "ix"
    ix.mkdir()
    (ix / "write.lock").write_text("pid 999999 on elsewhere since 01:02:03")
    lock = WriteLock(ix)
    lock.acquire()
    assert lock.stale_holder == "pid 999999 on elsewhere since 01:02:03"
    lock.release()
    assert update_index(archive, ix).added == 1


def test_manifest_out_of_step_with_index_is_rebuilt_from_the_index(tmp_path: Path) -> None:
    """Simulates a crash between the index commit and the manifest write."""
    archive = make_archive(tmp_path / "arch", 3)
    ix = tmp_path / "ix"
    update_index(archive, ix)
    Manifest(-5, {}).save(whoosh_dir(ix))  # a stale manifest of another generation
    (archive / "a0000.txt").unlink()
    report = update_index(archive, ix)
    assert (report.added, report.removed) == (0, 1)
    assert titles(ix, archive, "harbour") == ["Title 1", "Title 2"]
    manifest = Manifest.load(whoosh_dir(ix))
    assert manifest is not None and sorted(manifest.files) == ["a0001.txt", "a0002.txt"]


@pytest.mark.parametrize("segment_docs", [workers.SEGMENT_DOCS, 7])
def test_parallel_build_matches_sequential(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, segment_docs: int
) -> None:
    """Workers each write a segment, or several when one would hold over ``segment_docs``
    articles (a segment is built in memory); the index answers as one built in one process."""
    archive = make_archive(tmp_path / "arch", 30)
    (archive / "broken.txt").write_bytes(b"\x00\x00binary")
    shutil.copytree(Path(__file__).resolve().parent.parent / "sample_data", archive / "samples")
    monkeypatch.setattr(build, "PARALLEL_THRESHOLD", 5)
    monkeypatch.setattr(workers, "SEGMENT_DOCS", segment_docs)
    monkeypatch.setattr(workers, "BATCH_FILES", 5)  # both workers get files
    seen: list[int] = []
    parallel = update_index(
        archive, tmp_path / "par", procs=2, progress=lambda p: seen.append(p.done)
    )
    sequential = update_index(archive, tmp_path / "seq", procs=1)
    assert parallel.added == sequential.added > 30
    with FileStorage(str(whoosh_dir(tmp_path / "par"))).open_index().reader() as reader:
        segments = len(list(reader.leaf_readers()))
    if segment_docs > parallel.added:
        assert segments == 2  # one per worker
    else:
        assert segments > 4
    assert [s.reason for s in parallel.skipped] == [s.reason for s in sequential.skipped]
    assert max(seen) == parallel.added + len(parallel.skipped)
    for query in ("harbour", "fintech", "speaker:okafor", "date:2021"):
        assert titles(tmp_path / "par", archive, query) == titles(tmp_path / "seq", archive, query)
    # the parallel index keeps working incrementally
    (archive / "a0003.txt").unlink()
    assert update_index(archive, tmp_path / "par").removed == 1


def test_missing_archive_is_a_clear_error(tmp_path: Path) -> None:
    from index.api.errors import IndexMissing

    with pytest.raises(IndexMissing, match="no such folder"):
        update_index(tmp_path / "nope", tmp_path / "ix")


def test_date_order_holds_across_segments_and_deletions(tmp_path: Path) -> None:
    archive = tmp_path / "arch"
    archive.mkdir()
    for i, day in enumerate(["2021-05-01", "2019-01-02", "2023-03-04", "2020-07-08"]):
        (archive / f"a{i}.md").write_text(f"---\ntitle: T{i}\ndate: {day}\n---\nharbour\n")
    ix = tmp_path / "ix"
    update_index(archive, ix)
    (archive / "a1.md").unlink()  # a deletion in the first segment
    (archive / "b.md").write_text("---\ntitle: New\ndate: 2022-02-02\n---\nharbour\n")
    (archive / "c.md").write_text("---\ntitle: Undated\n---\nharbour\n")
    update_index(archive, ix)  # a second segment
    backend = open_archive(archive, ix)
    newest = [h.title for h in backend.search(SearchRequest("", sort="newest", limit=10)).hits]
    oldest = [h.title for h in backend.search(SearchRequest("", sort="oldest", limit=10)).hits]
    backend.close()
    assert newest == ["T2", "New", "T0", "T3", "Undated"]
    assert oldest == ["T3", "T0", "New", "T2", "Undated"]


def test_unreadable_manifest_is_rebuilt_from_the_index(tmp_path: Path) -> None:
    archive = make_archive(tmp_path / "arch", 3)
    ix = tmp_path / "ix"
    update_index(archive, ix)
    (whoosh_dir(ix) / MANIFEST_NAME).write_bytes(b"not a manifest")
    report = update_index(archive, ix)
    assert (report.added, report.updated, report.removed) == (0, 0, 0)
    assert Manifest.load(whoosh_dir(ix)) is not None


def test_many_skipped_files_are_reported_once_with_reasons_kept(tmp_path: Path) -> None:
    archive = make_archive(tmp_path / "arch", 1)
    for i in range(300):
        (archive / f"empty{i:03d}.txt").write_text("")
    ix = tmp_path / "ix"
    first = update_index(archive, ix)
    assert len(first.skipped) == 300 and first.added == 1
    second = update_index(archive, ix)
    assert second.skipped == () and second.skipped_total == 300
    assert update_index(archive, ix, quick=True).skipped == ()
    manifest = Manifest.load(whoosh_dir(ix))
    assert manifest is not None and manifest.files["empty000.txt"].reason == first.skipped[0].reason


def test_quick_update_sees_added_removed_and_renamed_files(tmp_path: Path) -> None:
    archive = make_archive(tmp_path / "arch", 3)
    (archive / "sub" / "deeper").mkdir(parents=True)
    (archive / "sub" / "deeper" / "x.txt").write_text(ARTICLE.format(title="Deep", word="harbour"))
    ix = tmp_path / "ix"
    update_index(archive, ix)
    assert update_index(archive, ix, quick=True).added == 0
    (archive / "sub" / "deeper" / "y.txt").write_text(ARTICLE.format(title="New", word="harbour"))
    (archive / "a0000.txt").rename(archive / "sub" / "moved.txt")
    report = update_index(archive, ix, quick=True)
    assert (report.added, report.removed) == (2, 1)
    assert "New" in titles(ix, archive, "harbour") and len(titles(ix, archive, "harbour")) == 5


def test_quick_update_finds_nothing_without_reading_the_manifest(tmp_path: Path) -> None:
    archive = make_archive(tmp_path / "arch", 3)
    ix = tmp_path / "ix"
    update_index(archive, ix)
    old = os.stat(archive).st_mtime_ns - 10_000_000_000
    os.utime(archive, ns=(old, old))  # out of the racy window: the folder can be trusted
    update_index(archive, ix)
    (whoosh_dir(ix) / MANIFEST_NAME).write_bytes(b"unreadable")
    report = update_index(archive, ix, quick=True)
    assert (report.added, report.updated, report.removed) == (0, 0, 0)
    assert (whoosh_dir(ix) / MANIFEST_NAME).read_bytes() == b"unreadable"


def test_full_update_sees_a_file_rewritten_in_place(tmp_path: Path) -> None:
    archive = make_archive(tmp_path / "arch", 2)
    ix = tmp_path / "ix"
    update_index(archive, ix)
    with (archive / "a0001.txt").open("a") as handle:
        handle.write("\nA lighthouse paragraph added in place.\n")
    assert update_index(archive, ix).updated == 1
    assert titles(ix, archive, "lighthouse") == ["Title 1"]


def test_links_out_of_the_archive_are_skipped_unless_allowed(tmp_path: Path) -> None:
    archive = make_archive(tmp_path / "arch", 1)
    private = tmp_path / "private"
    private.mkdir()
    (private / "secret.txt").write_text("Secret\n\nThe zebra plan.\n")
    (archive / "shared").symlink_to(private)
    (archive / "passwd.txt").symlink_to(private / "secret.txt")
    (archive / "inside.txt").symlink_to(archive / "a0000.txt")
    ix = tmp_path / "ix"
    report = update_index(archive, ix)
    assert sorted((Path(s.path).name, s.reason) for s in report.skipped) == [
        ("passwd.txt", "symbolic link to outside the archive"),
        ("shared", "symbolic link to outside the archive"),
    ]
    assert report.added == 2 and titles(ix, archive, "zebra") == []
    allowed = update_index(archive, tmp_path / "ix2", outside_links=True)
    assert allowed.added == 4 and titles(tmp_path / "ix2", archive, "zebra") == ["Secret", "Secret"]


def test_a_folder_1200_levels_deep_is_scanned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = make_archive(tmp_path / "arch", 1)
    monkeypatch.chdir(archive)  # relative steps: the absolute path would pass PATH_MAX
    try:
        for _ in range(1200):
            os.mkdir("d")
            os.chdir("d")
        Path("deep.txt").write_text(ARTICLE.format(title="Deep", word="abyss"))
        os.chdir(tmp_path)
        report = update_index(archive, tmp_path / "ix")
        assert report.added == 2 and titles(tmp_path / "ix", archive, "abyss") == ["Deep"]
    finally:
        _remove_chain(archive)  # pytest's clean-up of tmp_path recurses: too deep for it
    assert not (archive / "d").exists()


def _remove_chain(top: Path) -> None:
    """Remove a chain of folders named ``d`` under ``top`` deepest first, without recursion."""
    os.chdir(top)
    depth = 0
    while os.path.isdir("d"):
        os.chdir("d")
        depth += 1
    for name in os.listdir("."):
        os.remove(name)
    for _ in range(depth):
        os.chdir("..")
        os.rmdir("d")


def test_an_index_folder_inside_the_archive_is_never_scanned(tmp_path: Path) -> None:
    archive = make_archive(tmp_path / "arch", 1)
    ix = archive / "ix"
    update_index(archive, ix)
    (whoosh_dir(ix) / "notes.txt").write_text("Notes\n\nA zebra.\n")
    cache = archive / "cache"
    cache.mkdir()
    (cache / "CACHEDIR.TAG").write_text("Signature: 8a477f597d28d172789f06886806bc55\n")
    (cache / "words.txt").write_text("Words\n\nA zebra.\n")
    report = update_index(archive, ix)
    assert report.added == 0 and titles(ix, archive, "zebra") == []
