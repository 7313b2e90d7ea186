"""Shared fixtures: every test runs with its own data and config folders, never the user's."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

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


@pytest.fixture(autouse=True)
def lasting_notes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the status line's passing notes (``Sorted by oldest``) until the test ends.

    They go after three seconds, which a loaded machine can spend between a key and the
    check of what it did. Only where the app's modules are loaded already: importing them
    here would load Textual into tests that check what a search imports.
    """
    status = sys.modules.get("tui.widgets.status")
    if status is not None:
        monkeypatch.setattr(status, "NOTE_SECONDS", 600.0)


@pytest.fixture
def sample_archive(tmp_path: Path) -> Iterator[Path]:
    """A private copy of the bundled sample archive (tests may change it)."""
    target = tmp_path / "archive"
    shutil.copytree(SAMPLE_DATA, target)
    yield target


def without_shared(what: str) -> NoReturn:
    """Skip a test that needs ``what`` from ../shared, which a user's clone lacks; in CI
    (``CI`` set), where ../shared is present, fail instead: nothing is skipped there silently."""
    message = f"{what} is not available in this clone"
    if os.environ.get("CI"):
        pytest.fail(f"CI must run this test: {message}")
    pytest.skip(message)


@pytest.fixture
def seed_file() -> Path:
    """The seed article from ../shared (skips when this clone has no ../shared)."""
    if not SEED.is_file():
        without_shared("../shared/seed")
    return SEED


@pytest.fixture
def sample(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Sample:
    """This test's copy of the indexed sample archive (for the app's tests)."""
    from tests.conftest_app import sample_copy  # (imports Textual: only where used)

    return sample_copy(tmp_path_factory, tmp_path, monkeypatch)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Keep each Typesense server's tests on one xdist worker, so each starts its server once
    (tests on the single node go with it, whatever their file); tests on the 3-node cluster
    are slow (elections), run in CI with ``-m slow``."""
    for item in items:
        name = item.path.name
        fixtures = getattr(item, "fixturenames", ())
        if "_typesense_cluster_session" in fixtures:
            item.add_marker(pytest.mark.slow)
            item.add_marker(pytest.mark.xdist_group("typesense-cluster"))
        elif "typesense_node" in fixtures:
            item.add_marker(pytest.mark.xdist_group("typesense-node"))
        elif name in ("test_typesense_cluster.py", "test_typesense_faults.py"):
            item.add_marker(pytest.mark.xdist_group("typesense-cluster"))
        elif name.startswith("test_typesense"):
            item.add_marker(pytest.mark.xdist_group("typesense-node"))
