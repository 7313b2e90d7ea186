"""The engine's shortcuts give what the straightforward paths give: snippet bodies read
without building whole articles, facet counts from bitsets, matches as bitsets."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st
from whoosh import query as wq

from index.api.parse import parse_query
from index.api.records import SearchRequest
from index.corpus.record import BadRecord, article_from_record, pack, unpack
from index.engines.whoosh import column_sets
from index.engines.whoosh import postings as postings_module
from index.engines.whoosh.bitsets import bitset, value_bitsets
from index.engines.whoosh.docsets import DocSets
from index.engines.whoosh.postings import read_postings
from index.engines.whoosh.translate import Translator
from index.engines.whoosh.view import FACET_COLUMNS, View, stored_body
from tests.whoosh_documents import SAMPLE_DATA, sample_documents, write_index


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


@pytest.fixture(scope="module", params=["one segment", "segments with deletions"])
def view(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[View]:
    folder = tmp_path_factory.mktemp("shortcuts")
    docs = sample_documents()
    if request.param == "one segment":
        ix = write_index(folder, docs)
    else:
        batches = (docs[0::3], docs[1::3], docs[2::3])
        ix = write_index(folder, docs, batches, [("file", docs[n]["file"]) for n in (1, 5, 9)])
    opened = View(ix, SAMPLE_DATA, 200)
    yield opened
    opened.close()


@given(st.sets(st.integers(0, 300)), st.integers(0, 40))
def test_a_bitset_has_the_bits_of_its_documents(docs: set[int], more: int) -> None:
    size = max(docs, default=-1) + 1 + more
    bits = bitset(docs, size)
    assert {d for d in range(size) if bits >> d & 1} == docs
    assert bits.bit_count() == len(docs)


@given(st.lists(st.integers(0, 299)), st.sampled_from([3, 256, 300]))
def test_value_bitsets_hold_the_documents_of_each_value(numbers: list[int], values: int) -> None:
    by_doc = [n % values for n in numbers]
    expected = {v: sum(1 << d for d, n in enumerate(by_doc) if n == v) for v in set(by_doc) if v}
    assert dict(value_bitsets(by_doc, values)) == expected


@pytest.mark.parametrize("text", ["", "the", "harbour OR strike", "minister -storm", "said"])
def test_facets_counted_as_bitsets_are_the_facets_counted_one_by_one(
    view: View, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = parse_query(text)
    reader = view.searcher.reader()
    q = Translator(reader, list, view.ids).translate(tree) if tree else wq.Every()
    matches = view.matches(q, SearchRequest(text))
    one_by_one = DocSets(view.searcher, FACET_COLUMNS).count_facets(matches)
    monkeypatch.setattr(column_sets, "BITSET_MATCHES", 0)
    counter = column_sets.FacetCounts(reader, FACET_COLUMNS)
    first = counter.count(matches)
    assert not counter._bits  # a single count of many matches makes no value bitsets
    as_bitsets = counter.count(matches)
    assert len(counter._bits) == len(FACET_COLUMNS) or not matches
    assert as_bitsets == first == one_by_one
    assert any(one_by_one.values()) or not matches
    assert sum(c.count for c in one_by_one["year"]) <= len(matches)


def test_postings_read_again_are_the_postings_read_first(view: View) -> None:
    """The postings kept with a segment reader are what reading them again gives."""
    for leaf, _ in view.searcher.reader().leaf_readers():
        for word in ("the", "harbour", "absent-word"):
            first = read_postings(leaf, "body", word)
            assert read_postings(leaf, "body", word) is first
            fresh = postings_module._read_postings(leaf, "body", word)
            if first is None:
                assert fresh is None
                continue
            assert fresh is not None and fresh.blocks == first.blocks
            assert list(fresh.all()) == list(first.all())
