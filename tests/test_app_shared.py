"""The app on a shared index: ``--backend``, a cluster between leaders, a search-only key, and
a reading-state file with problems. The local index stands in for the shared one; only what
the shared engine raises is put in front of it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from textual.notifications import Notification, Notify

from index.api.errors import IndexUnavailable, SearchOnlyKey
from index.api.records import SearchRequest, SearchResult, UpdateReport
from index.engines import open_archive as real_open_archive
from index.pipeline.reading import state_path
from tests.conftest_app import (
    Sample,
    make_app,
    pilot_test,
    sample_copy,
    search,
    settle,
)
from tui.app import NewsdeskApp
from tui.config import Config

RECONNECTING = "cluster: reconnecting (no node answered)"


class Shared:
    """A backend that answers as the local one does, unless told to fail as a cluster does."""

    def __init__(self, backend: Any) -> None:
        self._backend = backend
        self.down = False
        self.search_only = False
        self.updates = 0
        self.refreshes = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self._backend, name)

    def search(self, request: SearchRequest) -> SearchResult:
        if self.down:
            raise IndexUnavailable(RECONNECTING)
        result: SearchResult = self._backend.search(request)
        return result

    def update(self, **kwargs: Any) -> UpdateReport:
        self.updates += 1
        if self.down:
            raise IndexUnavailable(RECONNECTING)
        if self.search_only:
            raise SearchOnlyKey("this key may only search the shared index")
        report: UpdateReport = self._backend.update(**kwargs)
        return report

    def refresh(self) -> bool:
        self.refreshes += 1
        changed: bool = self._backend.refresh()
        return changed


@pytest.fixture
def sample(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Sample:
    return sample_copy(tmp_path_factory, tmp_path, monkeypatch)


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Shared, dict[str, Any]]]:
    """Every backend the app opens, with the options it was opened with."""
    seen: list[tuple[Shared, dict[str, Any]]] = []

    def open_shared(archive: Path, index_dir: Path | None, **options: Any) -> Shared:
        local = {k: v for k, v in options.items() if k not in ("backend", "config_dir")}
        local["backend_config"] = None
        shared = Shared(real_open_archive(archive, index_dir, **local))
        seen.append((shared, options))
        return shared

    monkeypatch.setattr("index.engines.open_archive", open_shared)
    return seen


@pilot_test
async def test_the_backend_url_reaches_the_engine(
    sample: Sample, opened: list[tuple[Shared, dict[str, Any]]]
) -> None:
    app = NewsdeskApp(
        sample.archive,
        sample.index_dir,
        Config(),
        watch_interval=None,
        preview_delay=0,
        backend="typesense://127.0.0.1:8108",
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.main.headlines.total == 55
    assert [options["backend"] for _, options in opened] == ["typesense://127.0.0.1:8108"]


@pilot_test
async def test_a_cluster_between_leaders_is_the_status_line_until_it_answers(
    sample: Sample, opened: list[tuple[Shared, dict[str, Any]]]
) -> None:
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        shared = opened[0][0]
        shared.down = True
        await search(pilot, "fintech")
        assert RECONNECTING in app.main.status.plain
        await pilot.press("ctrl+r")  # the update is refused the same way: said, not a crash
        await settle(pilot)
        assert RECONNECTING in app.main.status.plain
        assert "index update failed" not in app.main.status.plain
        shared.down = False
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert app.main.status.plain.rstrip().endswith("archive \u00b7 55 articles")
        await search(pilot, "port strike")
        assert app.main.headlines.total == 3
        assert RECONNECTING not in app.main.status.plain


@pilot_test
async def test_a_failed_first_search_still_starts_the_first_update(
    sample: Sample, opened: list[tuple[Shared, dict[str, Any]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    failing = True

    def open_failing(archive: Path, index_dir: Path | None, **options: Any) -> Shared:
        shared = Shared(real_open_archive(archive, index_dir))
        shared.down = failing
        opened.append((shared, options))
        return shared

    monkeypatch.setattr("index.engines.open_archive", open_failing)
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        shared = opened[0][0]
        assert RECONNECTING in app.main.status.plain
        # (A damaged index is rebuilt by this first update; here it is refused as well.)
        assert shared.updates == 1


@pilot_test
async def test_a_search_only_key_searches_the_index_as_it_is(
    sample: Sample, opened: list[tuple[Shared, dict[str, Any]]]
) -> None:
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        shared = opened[0][0]
        shared.search_only = True
        refreshes = shared.refreshes
        await pilot.press("ctrl+r")
        await settle(pilot)
        status = app.main.status.plain
        assert "archive \u00b7 55 articles" in status
        assert "failed" not in status and "busy" not in status
        assert shared.refreshes == refreshes + 1  # others' changes are still picked up
        await search(pilot, "fintech")
        assert app.main.headlines.total == 10


@pilot_test
async def test_problems_with_the_reading_state_are_notified(sample: Sample) -> None:
    path = state_path(sample.archive.resolve())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"read": [1, "x"], "bookmarks": {}}), encoding="utf-8")
    notes: list[Notification] = []

    def hook(message: object) -> None:
        if isinstance(message, Notify):
            notes.append(message.notification)

    app = make_app(sample)
    async with app.run_test(size=(100, 30), message_hook=hook) as pilot:
        await settle(pilot)
        assert app.main.headlines.total == 55
    assert [note.title for note in notes] == ["Reading state"]
    assert "1 entry cannot be used (read[0])" in notes[0].message
