"""Warming up: what the first ranked search would stop to compute is ready before it."""

from __future__ import annotations

import pytest

from index.api.records import SearchRequest
from index.engines import open_archive
from tests.samples import built_sample

QUERY = SearchRequest("harbour", limit=10, sort="relevance")


def test_warm_up_readies_the_recency_lifts_and_changes_no_answer(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    sample = built_sample(tmp_path_factory)
    cold = open_archive(sample.archive, sample.index_dir, create=False)
    warm = open_archive(sample.archive, sample.index_dir, create=False)
    try:
        assert warm._view._lift is None  # type: ignore[attr-defined]
        warm.warm_up()
        assert warm._view._lift is not None  # type: ignore[attr-defined]
        assert [(h.id, h.score) for h in warm.search(QUERY).hits] == [
            (h.id, h.score) for h in cold.search(QUERY).hits
        ]
    finally:
        cold.close()
        warm.close()
