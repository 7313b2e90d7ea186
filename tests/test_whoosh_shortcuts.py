"""The engine's shortcuts give what the straightforward paths give: snippet bodies read
without building whole articles, facet counts from bitsets, matches as bitsets."""

from __future__ import annotations

import pytest

from index.corpus.record import BadRecord, article_from_record, pack, unpack
from index.engines.whoosh.view import stored_body
from tests.whoosh_documents import SAMPLE_DATA, sample_documents


def test_stored_body_is_the_stored_articles_body() -> None:
    docs = sample_documents()
    assert any("\n\n" in stored_body(doc) for doc in docs)  # (articles of many paragraphs)
    for doc in docs:
        article = article_from_record(unpack(doc["record"]), SAMPLE_DATA)
        assert stored_body(doc) == article.body


@pytest.mark.parametrize(
    "change",
    [
        {"v": 99},
        {"paragraphs": None},
        {"paragraphs": ["one", 2]},
    ],
)
def test_stored_body_of_a_damaged_record_is_refused(change: dict[str, object]) -> None:
    record = unpack(sample_documents()[0]["record"])
    with pytest.raises(BadRecord):
        stored_body({"record": pack({**record, **change})})
    with pytest.raises(BadRecord):
        stored_body({"record": b"{not json"})
    with pytest.raises(BadRecord):
        stored_body({})
