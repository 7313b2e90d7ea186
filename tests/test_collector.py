"""Full garbage collections wait for the reader's pauses."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from tests.conftest_app import Sample, make_app, pilot_test, settle
from tui.collector import HELD_BACK, PausedCollections


@pytest.fixture
def thresholds() -> Iterator[tuple[int, int, int]]:
    """Whatever a test does, the collector's thresholds are as they were afterwards."""
    before = gc.get_threshold()
    yield before
    gc.set_threshold(*before)


def test_typing_holds_full_collections_back_until_a_pause(
    thresholds: tuple[int, int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    young, middle, full = thresholds
    idle = False
    collections = PausedCollections(lambda: idle)
    collected: list[bool] = []
    monkeypatch.setattr(gc, "collect", lambda *args: collected.append(True) or 0)
    collections.typing()
    collections.typing()  # (a second key changes nothing)
    assert gc.get_threshold() == (young, middle, full * HELD_BACK)
    collections.tick()  # still typing
    assert collections.holding and collected == []
    idle = True
    monkeypatch.setattr(gc, "get_count", lambda: (0, 0, full))  # a full collection is due
    collections.tick()
    assert not collections.holding and gc.get_threshold() == thresholds
    assert collected == [True]
    collections.tick()  # nothing more in the same pause
    assert collected == [True]


def test_a_pause_with_no_collection_due_collects_nothing(
    thresholds: tuple[int, int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    collections = PausedCollections(lambda: True)
    collected: list[bool] = []
    monkeypatch.setattr(gc, "collect", lambda *args: collected.append(True) or 0)
    monkeypatch.setattr(gc, "get_count", lambda: (0, 0, 0))
    collections.typing()
    collections.tick()
    assert gc.get_threshold() == thresholds and collected == []


@pilot_test
async def test_the_app_holds_collections_back_while_keys_come_and_not_after_it_ends(
    sample: Sample,
) -> None:
    before = gc.get_threshold()
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", "p", "o")
        assert gc.get_threshold()[2] == before[2] * HELD_BACK
    assert gc.get_threshold() == before
