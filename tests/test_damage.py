"""A damaged, read-only, full or stopped index: one clear line, and recovery beside it."""

from __future__ import annotations

import contextlib
import errno
import io
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from whoosh.filedb import filestore
from whoosh.filedb.structfile import StructFile

from index.api.errors import IndexDamaged
from index.api.records import Progress, SearchRequest
from index.engines import open_archive
from index.engines.whoosh.build import update_index
from index.engines.whoosh.storage import INDEX_MARKER, whoosh_dir
from tui.cli import main

ARTICLES = 12


def write_archive(root: Path, count: int = ARTICLES, start: int = 0) -> Path:
    """Small articles of our own words: each holds 'lantern' and its own 'wordN'."""
    root.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + count):
        (root / f"a{i:03d}.txt").write_text(
            f"Lantern note {i}\n\nThe lantern keeper wrote word{i} in the log.\n\n"
            + "The harbour stayed calm and the boats came home. " * 20
            + "\n"
        )
    return root


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path]:
    """An archive and its freshly built index folder."""
    archive = write_archive(tmp_path / "archive")
    index_dir = tmp_path / "ix"
    update_index(archive, index_dir)
    return archive, index_dir


def segment(index_dir: Path) -> Path:
    return next(whoosh_dir(index_dir).glob("*.seg"))


def halve(index_dir: Path) -> None:
    seg = segment(index_dir)
    seg.write_bytes(seg.read_bytes()[: seg.stat().st_size // 2])


def empty(index_dir: Path) -> None:
    segment(index_dir).write_bytes(b"")


def scribble_toc(index_dir: Path) -> None:
    toc = next(whoosh_dir(index_dir).glob("*.toc"))
    data = bytearray(toc.read_bytes())
    data[60:90] = b"x" * 30
    toc.write_bytes(bytes(data))


def flip(index_dir: Path) -> None:
    seg = segment(index_dir)
    data = bytearray(seg.read_bytes())
    for i in range(500, len(data), 701):
        data[i] ^= 0xFF
    seg.write_bytes(bytes(data))


DAMAGE: dict[str, Callable[[Path], None]] = {
    "segment cut in half": halve,
    "segment emptied": empty,
    "table of contents overwritten": scribble_toc,
    "bytes flipped": flip,
}


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def leftovers(index_dir: Path) -> list[str]:
    """Folders and files a rebuild or a stopped build must not leave behind."""
    current = whoosh_dir(index_dir)
    beside = [p.name for p in index_dir.iterdir() if p.name.startswith(f"{current.name}.")]
    inside = [p.name for p in current.iterdir() if p.name.endswith(".tmp") or ".toc." in p.name]
    return beside + inside


def unreferenced(index_dir: Path) -> set[str]:
    """Segment files that the current table of contents does not name."""
    storage = filestore.FileStorage(str(whoosh_dir(index_dir)))
    with storage.open_index().reader() as reader:
        segments = [leaf.segment() for leaf, _ in reader.leaf_readers()]
    names = {segment.segment_id() for segment in segments if segment is not None}
    return {
        p.name
        for p in whoosh_dir(index_dir).glob("MAIN_*")
        if p.name != "MAIN_WRITELOCK" and p.name.split(".")[0] not in names
    }


@pytest.mark.parametrize("damage", DAMAGE)
def test_damage_is_one_line_and_the_next_update_rebuilds(
    built: tuple[Path, Path], damage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    archive, index_dir = built
    DAMAGE[damage](index_dir)
    where = ["--archive", str(archive), "--index-dir", str(index_dir)]
    for command in (["search", "lantern", "--no-update"], ["show", "a000.txt", "--no-update"]):
        code, out, err = cli(capsys, *command, *where)
        assert code == 1 and out == ""
        assert err.count("\n") == 1 and err.startswith(f"newsdesk: error: the index in {index_dir}")
        assert "is damaged" in err and "newsdesk index --rebuild" in err
    code, out, err = cli(capsys, "index", str(archive), "--index-dir", str(index_dir))
    assert code == 0, err
    assert f"{ARTICLES} added" in out and "damaged index rebuilt" in out
    code, out, err = cli(capsys, "search", "lantern", "--json", *where)
    assert code == 0 and f'"total": {ARTICLES}' in out
    assert leftovers(index_dir) == []


@pytest.mark.parametrize("damage", DAMAGE)
def test_rebuild_recovers_from_damage(
    built: tuple[Path, Path], damage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    archive, index_dir = built
    DAMAGE[damage](index_dir)
    code, out, err = cli(capsys, "index", str(archive), "--index-dir", str(index_dir), "--rebuild")
    assert code == 0, err
    assert out.startswith(f"{archive}: rebuilt") and f"{ARTICLES} added" in out
    backend = open_archive(archive, index_dir)
    assert backend.search(SearchRequest("lantern")).total == ARTICLES
    backend.close()
    assert leftovers(index_dir) == []


def test_a_damaged_index_opens_and_its_first_update_rebuilds_it(built: tuple[Path, Path]) -> None:
    """What the app does at start: open, find no articles, update."""
    archive, index_dir = built
    halve(index_dir)
    backend = open_archive(archive, index_dir)
    assert backend.status().articles == 0
    with pytest.raises(IndexDamaged, match="is damaged"):
        backend.search(SearchRequest("lantern"))
    report = backend.update()
    assert report.rebuilt and report.added == ARTICLES
    assert backend.search(SearchRequest("lantern")).total == ARTICLES
    assert backend.status().articles == ARTICLES
    backend.close()


def test_the_app_rebuilds_a_damaged_index_when_it_starts(built: tuple[Path, Path]) -> None:
    import asyncio

    from tests.conftest_app import Sample, make_app, settle

    archive, index_dir = built
    empty(index_dir)

    async def run() -> None:
        app = make_app(Sample(archive, index_dir))
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            await settle(pilot)
            assert app.main.headlines.total == ARTICLES

    asyncio.run(run())


def test_damage_found_while_reading_is_one_error(built: tuple[Path, Path]) -> None:
    """Bytes flipped after the index was opened (and checked) surface as IndexDamaged."""
    archive, index_dir = built
    backend = open_archive(archive, index_dir)
    hits = backend.search(SearchRequest("lantern", limit=ARTICLES)).hits
    # Damage the compressed stored records in place, behind the open file's back.
    seg = segment(index_dir)
    data = bytearray(seg.read_bytes())
    for i in range(len(data) // 3, len(data) * 2 // 3):
        data[i] = 0
    with seg.open("r+b") as handle:
        handle.write(bytes(data))
    failures = []
    for hit in hits:
        try:
            backend.article(hit.id)
        except IndexDamaged as exc:
            failures.append(str(exc))
        except Exception as exc:  # the test wants to see any other failure
            pytest.fail(f"{type(exc).__name__}: {exc}")
    assert failures and all("\n" not in f and "is damaged" in f for f in failures)
    backend.close()


def test_a_failed_rebuild_keeps_the_old_index(built: tuple[Path, Path]) -> None:
    archive, index_dir = built

    class Stop(Exception):
        pass

    def stop(progress: Progress) -> None:
        if progress.phase == "index" and progress.done == 5:
            raise Stop

    with pytest.raises(Stop):
        update_index(archive, index_dir, rebuild=True, progress=stop)
    assert leftovers(index_dir) == []
    backend = open_archive(archive, index_dir)
    assert backend.search(SearchRequest("lantern")).total == ARTICLES
    backend.close()


def test_another_process_sees_the_rebuilt_index(built: tuple[Path, Path]) -> None:
    archive, index_dir = built
    reader = open_archive(archive, index_dir)
    write_archive(archive, 3, start=ARTICLES)
    update_index(archive, index_dir, rebuild=True)
    assert reader.refresh()
    assert reader.search(SearchRequest("lantern")).total == ARTICLES + 3
    reader.close()


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """Make ``folder`` read-only: permissions, or for root a read-only bind mount."""
    if os.geteuid() != 0:
        modes = {p: p.stat().st_mode for p in [folder, *folder.rglob("*")]}
        for path in modes:
            path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            for path, mode in modes.items():
                path.chmod(mode)
        return
    mounted = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("root cannot make a read-only folder here (no bind mounts)")
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], check=True)
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_read_only_index_is_searched_as_it_is(
    built: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    archive, index_dir = built
    write_archive(archive, 2, start=ARTICLES)  # the index is behind, and cannot catch up
    where = ["--archive", str(archive), "--index-dir", str(index_dir)]
    with read_only(index_dir):
        code, out, err = cli(capsys, "search", "lantern", "--json", *where)
        assert code == 0 and f'"total": {ARTICLES}' in out
        assert err.count("\n") == 1 and "searching the index as it is" in err
        code, out, err = cli(capsys, "show", "a003.txt", *where)
        assert code == 0 and "word3" in out
        code, out, err = cli(capsys, "index", str(archive), "--index-dir", str(index_dir))
        assert code == 1 and err.count("\n") == 1 and "cannot be written" in err


def test_the_index_folder_is_marked(built: tuple[Path, Path]) -> None:
    _, index_dir = built
    marker = (index_dir / INDEX_MARKER).read_text()
    assert marker.startswith("Signature: 8a477f597d28d172789f06886806bc55\n")


def full_disk(free: int) -> Callable[..., StructFile]:
    """``FileStorage.create_file`` on a disk with ``free`` bytes left for index files."""
    left = [free]

    class Filling(io.FileIO):
        def write(self, data: Any) -> int:
            if len(data) > left[0]:
                raise OSError(errno.ENOSPC, "No space left on device", self.name)
            left[0] -= len(data)
            return super().write(data)

    def create_file(
        storage: filestore.FileStorage, name: str, excl: bool = False, mode: str = "wb", **kw: Any
    ) -> StructFile:
        path = os.path.join(storage.folder, name)
        return StructFile(Filling(path, mode.replace("b", "")), name=name, **kw)

    return create_file


@pytest.mark.parametrize("rebuild", [False, True])
def test_a_full_disk_leaves_no_partial_files(
    built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, rebuild: bool
) -> None:
    archive, index_dir = built
    before = sorted(os.listdir(whoosh_dir(index_dir)))
    write_archive(archive, 30, start=ARTICLES)
    monkeypatch.setattr(filestore.FileStorage, "create_file", full_disk(60_000))
    with pytest.raises(OSError) as failed:
        update_index(archive, index_dir, rebuild=rebuild)
    assert failed.value.errno == errno.ENOSPC
    monkeypatch.undo()
    assert sorted(os.listdir(whoosh_dir(index_dir))) == before
    assert leftovers(index_dir) == []
    backend = open_archive(archive, index_dir)
    assert backend.search(SearchRequest("lantern")).total == ARTICLES
    backend.update()
    assert backend.search(SearchRequest("lantern")).total == ARTICLES + 30
    backend.close()


@pytest.mark.slow
def test_a_full_tmpfs_leaves_no_partial_files(tmp_path: Path) -> None:
    """The same on a real, small file system (root only: it mounts a tmpfs)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    archive = write_archive(tmp_path / "archive", 20)
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk)]).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        index_dir = disk / "ix"
        update_index(archive, index_dir)
        before = sorted(os.listdir(whoosh_dir(index_dir)))
        write_archive(archive, 1500, start=20)
        with pytest.raises(OSError) as failed:
            update_index(archive, index_dir, procs=2)
        assert failed.value.errno == errno.ENOSPC or "No space left" in str(failed.value)
        assert sorted(os.listdir(whoosh_dir(index_dir))) == before
        assert leftovers(index_dir) == []
        backend = open_archive(archive, index_dir)
        assert backend.search(SearchRequest("lantern")).total == 20
        backend.close()
    finally:
        subprocess.run(["umount", "--lazy", str(disk)], check=True)


def index_command(archive: Path, index_dir: Path, *extra: str) -> list[str]:
    command = [sys.executable, "-m", "tui.cli", "index", str(archive)]
    return [*command, "--index-dir", str(index_dir), *extra]


def sigterm_when_building(command: list[str], index_dir: Path) -> int:
    """Run ``command``; SIGTERM its process group once a build has begun; its exit code."""
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        building = [whoosh_dir(index_dir) / "MAIN.tmp", whoosh_dir(index_dir).with_suffix(".new")]
        while process.poll() is None and not any(p.exists() for p in building):
            time.sleep(0.005)
        assert process.poll() is None, "the build ended before it could be stopped"
        os.killpg(process.pid, 15)
        return process.wait(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, 9)


@pytest.mark.slow
@pytest.mark.parametrize("procs", ["1", "2"])
def test_sigterm_during_a_build_leaves_no_temporary_files(tmp_path: Path, procs: str) -> None:
    archive = write_archive(tmp_path / "archive", 500)
    index_dir = tmp_path / "ix"
    code = sigterm_when_building(index_command(archive, index_dir, "--procs", procs), index_dir)
    assert code == 128 + 15
    assert leftovers(index_dir) == [] and unreferenced(index_dir) == set()
    finished = subprocess.run(index_command(archive, index_dir), capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    backend = open_archive(archive, index_dir)
    assert backend.search(SearchRequest("lantern")).total == 500
    backend.close()


@pytest.mark.slow
def test_sigterm_during_a_rebuild_keeps_the_old_index(tmp_path: Path) -> None:
    archive = write_archive(tmp_path / "archive", 500)
    index_dir = tmp_path / "ix"
    update_index(archive, index_dir)
    code = sigterm_when_building(index_command(archive, index_dir, "--rebuild"), index_dir)
    assert code == 128 + 15
    assert leftovers(index_dir) == [] and unreferenced(index_dir) == set()
    backend = open_archive(archive, index_dir)
    assert backend.search(SearchRequest("lantern")).total == 500
    backend.close()


def test_an_index_left_half_switched_is_completed(built: tuple[Path, Path]) -> None:
    """A rebuild killed between its two renames: the complete new index is taken."""
    archive, index_dir = built
    current = whoosh_dir(index_dir)
    write_archive(archive, 1, start=ARTICLES)
    fresh = index_dir.parent / "fresh"
    update_index(archive, fresh)
    shutil.move(str(whoosh_dir(fresh)), str(current.with_name(current.name + ".ready")))
    shutil.rmtree(current)
    backend = open_archive(archive, index_dir)
    assert backend.search(SearchRequest("lantern")).total == ARTICLES + 1
    backend.close()
