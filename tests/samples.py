"""Archives for tests, without Textual: the sample archive indexed once per test run, and
small archives of our own words.

The sample archive is indexed once for the whole run (the xdist workers share it, under a
lock) with fixed file times; tests copy it, never change it.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from index.engines import open_archive

REPO = Path(__file__).resolve().parent.parent
SAMPLE_DATA = REPO / "sample_data"
FIXED_MTIME = 1_700_000_000
"""Every sample file gets this mtime, so nothing depends on when the clone was made."""


@dataclass(frozen=True)
class Sample:
    """An archive and its index folder."""

    archive: Path
    index_dir: Path


def copy_archive(source: Path, target: Path) -> Path:
    """Copy an archive folder, giving every file the same fixed mtime."""
    shutil.copytree(source, target)
    for folder, _, files in os.walk(target):
        for name in files:
            os.utime(Path(folder) / name, (FIXED_MTIME, FIXED_MTIME))
    return target


def write_archive(folder: Path, articles: dict[str, str]) -> Path:
    """An archive of our own: ``{file name: text}`` written into ``folder``, fixed mtimes."""
    folder.mkdir(parents=True)
    for name, text in articles.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        os.utime(path, (FIXED_MTIME, FIXED_MTIME))
    return folder


def built_sample(factory: pytest.TempPathFactory) -> Sample:
    """The sample archive and its index, built once per test run (never change them)."""
    base = factory.getbasetemp()
    # Under xdist every worker has its own folder in the run's folder: build there, once.
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    root = shared / "built-sample"
    sample = Sample(root / "archive", root / "index")
    with open(shared / "built-sample.lock", "a") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        if not (root / "built").exists():
            shutil.rmtree(root, ignore_errors=True)
            copy_archive(SAMPLE_DATA, sample.archive)
            backend = open_archive(sample.archive, sample.index_dir)
            try:
                backend.update()
            finally:
                backend.close()
            (root / "built").touch()
    return sample


def copied_sample(factory: pytest.TempPathFactory, folder: Path) -> Sample:
    """A copy, in ``folder``, of the sample archive and the index built once per test run."""
    built = built_sample(factory)
    sample = Sample(folder / "archive", folder / "index")
    shutil.copytree(built.archive, sample.archive)  # copy2 keeps the fixed mtimes
    shutil.copytree(built.index_dir, sample.index_dir)
    return sample
