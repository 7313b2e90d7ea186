"""Crash safety and concurrency: SIGKILL the indexer anywhere; read while another process writes."""

from __future__ import annotations

import multiprocessing as mp
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from index.api.records import SearchRequest
from index.engines import open_archive
from index.engines.whoosh.build import update_index
from index.engines.whoosh.storage import whoosh_dir

pytestmark = pytest.mark.slow

WORDS = [
    "harbour",
    "council",
    "budget",
    "strike",
    "port",
    "fintech",
    "drought",
    "vaccine",
    "museum",
    "election",
    "chip",
]


def write_articles(root: Path, count: int, start: int = 0, tag: str = "") -> None:
    """Small, varied articles: every one holds the word 'common' and its own 'uniqN' word."""
    rng = random.Random(count + start)
    for i in range(start, start + count):
        folder = root / f"f{i % 7}"
        folder.mkdir(parents=True, exist_ok=True)
        body = " ".join(rng.choice(WORDS) for _ in range(120))
        (folder / f"a{i:05d}.txt").write_text(
            f"Article {i} {tag}\n\ncommon uniq{i} {body}.\n\n"
            f'"We will see," said Ana Ruiz{i % 5}, head of the office.\n'
        )


def index_command(archive: Path, index_dir: Path, procs: int = 1) -> list[str]:
    return [
        sys.executable, "-m", "tui.cli", "index", str(archive),
        "--index-dir", str(index_dir), "--procs", str(procs),
    ]  # fmt: skip


def total(archive: Path, index_dir: Path, query: str = "common") -> int:
    backend = open_archive(archive, index_dir)
    try:
        return backend.search(SearchRequest(query, limit=1)).total
    finally:
        backend.close()


def clean_build_seconds(archive: Path, tmp: Path, procs: int) -> float:
    started = time.perf_counter()
    subprocess.run(index_command(archive, tmp / "clean", procs), check=True, capture_output=True)
    return time.perf_counter() - started


@pytest.mark.parametrize(("procs", "files"), [(1, 300), (2, 450)])
def test_sigkill_at_random_moments_never_breaks_the_index(
    tmp_path: Path, procs: int, files: int
) -> None:
    archive = tmp_path / "archive"
    write_articles(archive, files)
    full = clean_build_seconds(archive, tmp_path, procs)
    rng = random.Random(procs)
    index_dir = tmp_path / "ix"
    for attempt in range(6):
        if attempt == 3:  # later kills land in incremental updates
            write_articles(archive, 40, start=files + attempt * 40, tag="new")
            (archive / "f0" / "a00000.txt").unlink()
        process = subprocess.Popen(
            index_command(archive, index_dir, procs),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # so the kill reaches the workers too
        )
        time.sleep(rng.uniform(0.05, full * 1.1))
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        # Whatever the moment, the index opens and answers from one whole generation: every
        # article holds 'common', and every hit opens.
        backend = open_archive(archive, index_dir)
        result = backend.search(SearchRequest("common", limit=3))
        assert result.total == backend.status().articles <= files + 120
        for hit in result.hits:
            assert backend.article(hit.id).id == hit.id
        backend.close()
    # The next run completes the update and the index matches a clean build.
    finished = subprocess.run(
        index_command(archive, index_dir, procs), capture_output=True, text=True
    )
    assert finished.returncode == 0, finished.stderr
    expected = sum(1 for _ in archive.rglob("*.txt"))
    assert total(archive, index_dir) == expected
    assert total(archive, index_dir, "uniq0") == 0  # the deleted article is gone
    again = update_index(archive, index_dir)
    assert (again.added, again.updated, again.removed) == (0, 0, 0)


def _reader(archive: str, index_dir: str, seconds: float, queue: mp.Queue) -> None:  # type: ignore[type-arg]
    backend = open_archive(Path(archive), Path(index_dir))
    answered, errors = 0, []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            backend.refresh()
            result = backend.search(SearchRequest("common", limit=5))
            for hit in result.hits:
                backend.article(hit.id)
            answered += 1
        except Exception as exc:  # the test wants to see any failure at all
            if "no article" not in str(exc):  # a file deleted by the writer since indexing
                errors.append(f"{type(exc).__name__}: {exc}")
    queue.put((answered, errors))


def test_reader_keeps_answering_while_another_process_writes(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    write_articles(archive, 150)
    update_index(archive, tmp_path / "ix")
    queue: mp.Queue = mp.get_context("spawn").Queue()  # type: ignore[type-arg]
    reader = mp.get_context("spawn").Process(
        target=_reader, args=(str(archive), str(tmp_path / "ix"), 6.0, queue)
    )
    reader.start()
    deadline = time.monotonic() + 5.0
    round_ = 0
    while time.monotonic() < deadline:
        round_ += 1
        write_articles(archive, 10, start=1000 + round_ * 10, tag=f"round{round_}")
        for path in sorted(archive.rglob("*.txt"))[:5]:
            path.write_text(path.read_text() + f"\nedit {round_}\n")
        update_index(archive, tmp_path / "ix", wait=5.0)
    answered, errors = queue.get(timeout=30)
    reader.join(timeout=10)
    assert errors == []
    assert answered > 20 and round_ >= 3


def test_two_indexers_on_one_archive_never_corrupt_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = tmp_path / "archive"
    write_articles(archive, 250)
    index_dir = tmp_path / "ix"
    runs = [
        subprocess.Popen(index_command(archive, index_dir), stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outcomes = [(run.wait(), run.stderr.read() if run.stderr else "") for run in runs]
    for code, stderr in outcomes:
        assert code == 0 or (code == 1 and "being updated by another newsdesk process" in stderr)
    assert any(code == 0 for code, _ in outcomes)
    assert total(archive, index_dir) == 250
    waited = subprocess.run(
        [*index_command(archive, index_dir), "--wait", "30"], capture_output=True, text=True
    )
    assert waited.returncode == 0


ABORT_SCRIPT = """
import sys
from pathlib import Path
from index.engines.whoosh import build, parallel
from index.engines.whoosh.build import update_index

class Stop(Exception):
    pass

def stop_early(progress):
    if progress.phase == "index" and progress.done >= 20:
        raise Stop()

if __name__ == "__main__":
    build.PARALLEL_THRESHOLD = 10
    parallel.BATCH_FILES = 1  # many queued jobs: more than the pipe to the workers holds
    try:
        update_index(Path(sys.argv[1]), Path(sys.argv[2]), procs=2, progress=stop_early)
    except Stop:
        print("stopped")
"""


def test_a_build_given_up_half_way_lets_the_process_exit(tmp_path: Path) -> None:
    """Stopping a parallel build must not leave queue threads blocking interpreter exit."""
    archive = tmp_path / "archive"
    write_articles(archive, 600)
    script = tmp_path / "abort.py"
    script.write_text(ABORT_SCRIPT)
    done = subprocess.run(
        [sys.executable, str(script), str(archive), str(tmp_path / "ix")],
        capture_output=True,
        text=True,
        timeout=60,  # a hang is the failure this test exists to catch
    )
    assert done.stdout.strip() == "stopped", done.stderr
    # Nothing was committed, and what the workers wrote is gone.
    folder = whoosh_dir(tmp_path / "ix")
    assert not (folder / "MAIN.tmp").exists()
    assert list(folder.glob("MAIN_*.*")) == []  # no segment file
    assert open_archive(archive, tmp_path / "ix").search(SearchRequest("common")).total == 0
