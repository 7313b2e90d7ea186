"""Shared fixtures: every test runs with its own data and config folders, never the user's."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.conftest_app import Sample

REPO = Path(__file__).resolve().parent.parent
SAMPLE_DATA = REPO / "sample_data"
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "000_51ae7bb72821fe53.txt"

# Real Typesense servers for the tests that ask for them (typesense_node, typesense_cluster).
pytest_plugins = ["tests.typesense_server"]


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point XDG data/config folders at a temporary place for the whole test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("NEWSDESK_CONFIG", raising=False)
    return home


@pytest.fixture
def sample_archive(tmp_path: Path) -> Iterator[Path]:
    """A private copy of the bundled sample archive (tests may change it)."""
    target = tmp_path / "archive"
    shutil.copytree(SAMPLE_DATA, target)
    yield target


@pytest.fixture
def seed_file() -> Path:
    """The seed article from ../shared (skips when this clone has no ../shared)."""
    if not SEED.is_file():
        pytest.skip("../shared/seed is not available in this clone")
    return SEED


@pytest.fixture
def sample(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Sample:
    """This test's copy of the indexed sample archive (for the app's tests)."""
    from tests.conftest_app import sample_copy  # (imports Textual: only where used)

    return sample_copy(tmp_path_factory, tmp_path, monkeypatch)
