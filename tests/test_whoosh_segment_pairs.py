"""Words common in one segment are paired there, and phrases of them use those pairs.

An archive about one place makes that place's name as common as "said": each segment chooses
the words common in its own first articles and indexes their adjacent pairs too
(``index.engines.whoosh.pairs``). A phrase must find exactly what Whoosh's positional matching
finds whichever segments pair its words, after deletions and merges, and must not read
positions in a segment whose pairs answer it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from whoosh import query as wq
from whoosh import writing
from whoosh.filedb.filestore import FileStorage

import index.engines.whoosh.docsets as docsets_module
from index.corpus.article import Article
from index.engines.analysis.terms import news_term
from index.engines.whoosh.codec import NewsCodec
from index.engines.whoosh.docsets import DocSets
from index.engines.whoosh.pairs import (
    COMMON_TERMS,
    FREQUENT_TERMS,
    SEGMENT_PAIRS,
    segment_words,
    shared_words,
)
from index.engines.whoosh.schema import article_document, build_schema
from index.engines.whoosh.writer import NewsWriter, SegmentPairs

# Made-up words, in no fixed list: "quorn" and "valt" fill the first batch of articles.
WORDS = ("quorn", "valt", "dresk", "mibble", "tarrow")
FIRST = {
    "a-phrase": ("Quorn valt again", ["The quorn valt rose.", "Dresk went on."]),
    "a-apart": ("Notes", ["Quorn and then valt, but dresk quorn."]),
    "a-reversed": ("Valt quorn", ["Valt quorn is not it."]),
    "a-break": ("Split", ["The last word is quorn", "valt begins this one."]),
    "a-three": ("Three", ["A quorn valt dresk came by."]),
    "a-deleted": ("Gone", ["This quorn valt was deleted."]),
    "a-plain": ("Plain", ["Quorn here, valt there, mibble everywhere."]),
    "a-late": ("Late", ["After the sample, quorn valt dresk again."]),
}
SECOND = {
    "b-phrase": ("Other", ["A lone quorn valt in the second batch."]),
    "b-apart": ("Other again", ["Valt, and a quorn."]),
    "b-tarrow": ("Tarrow", ["Mibble tarrow and quorn valt dresk."]),
}
DELETED = "a-deleted"
PHRASES = {
    '"quorn valt"': {"a-phrase", "a-break", "a-three", "a-late", "b-phrase", "b-tarrow"},
    '"valt quorn"': {"a-reversed", "b-apart"},  # stop words are not indexed
    '"dresk quorn"': {"a-apart"},
    '"quorn valt dresk"': {"a-three", "a-late", "b-tarrow"},
    '"valt dresk"': {"a-apart", "a-three", "a-late", "b-tarrow"},  # over a stop word
    '"mibble tarrow"': {"b-tarrow"},
    '"quorn mibble"': set(),
    'title:"quorn valt"': {"a-phrase"},
}


def _documents(articles: dict[str, tuple[str, list[str]]]) -> list[dict[str, Any]]:
    return [
        article_document(
            Article(id=name, path=f"/a/{name}.txt", title=title, paragraphs=tuple(body)),
            f"{name}.txt",
            (0, 0, ""),
        )
        for name, (title, body) in articles.items()
    ]


def _write(ix: Any, docs: list[dict[str, Any]], sample: int, merge: Any) -> None:
    writer = NewsWriter(ix, pair_sample=sample, codec=NewsCodec())
    for doc in docs:
        writer.add_document(**doc)
    writer.commit(mergetype=merge)


LAYOUTS = {
    # (sample of the first batch, of the second, how the second is committed)
    "both paired": (4, 2, writing.NO_MERGE),
    "first paired": (4, 10_000, writing.NO_MERGE),
    "neither paired": (10_000, 10_000, writing.NO_MERGE),
    "merged": (4, 2, writing.OPTIMIZE),
}


@pytest.fixture(scope="module", params=list(LAYOUTS))
def searcher(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Any]:
    first, second, merge = LAYOUTS[request.param]
    ix = FileStorage(str(tmp_path_factory.mktemp("pairs"))).create_index(build_schema())
    _write(ix, _documents(FIRST), first, writing.NO_MERGE)
    _write(ix, _documents(SECOND), second, merge)
    with ix.writer() as writer:
        writer.delete_by_term("id", DELETED)
    ix = FileStorage(ix.storage.folder).open_index()  # what a later process reads
    with ix.searcher() as opened:
        opened.layout = request.param
        yield opened


def _segment_words(searcher: Any) -> list[frozenset[str]]:
    return [
        getattr(leaf.segment(), SEGMENT_PAIRS, frozenset())
        for leaf, _ in searcher.reader().leaf_readers()
    ]


def _ids(searcher: Any, docnums: set[int]) -> set[str]:
    return {searcher.stored_fields(d)["id"] for d in docnums}


@pytest.mark.parametrize(("text", "expected"), PHRASES.items())
def test_phrases_find_what_positions_find(searcher: Any, text: str, expected: set[str]) -> None:
    field, _, phrase = text.rpartition(":")
    words = [news_term(word) for word in phrase.strip('"').split()]
    found = DocSets(searcher, {}).phrase(field or "body", words)
    assert found is not None
    reader = searcher.reader()
    live = {d for d in range(searcher.doc_count_all()) if not reader.is_deleted(d)}
    oracle = set(searcher.docs_for_query(wq.Phrase(field or "body", words))) & live
    assert found == oracle, text
    assert _ids(searcher, found) == expected, text


def test_each_segment_records_the_words_it_pairs(searcher: Any) -> None:
    words = _segment_words(searcher)
    layout = searcher.layout
    if layout == "merged":
        # A merge keeps the words both parts paired (the first batch's "dresk" was not in
        # the second's first two articles).
        assert len(words) == 1
        assert {"quorn", "valt"} <= words[0] and "dresk" not in words[0]
        return
    first, second = words
    if layout == "neither paired":
        assert first == second == frozenset()
        return
    assert {"quorn", "valt", "dresk"} <= first  # each in one of the first four articles
    assert news_term("mibble") not in first  # in none of them
    assert "said" not in first and not first & COMMON_TERMS
    expected = frozenset() if layout == "first paired" else {"quorn", "valt", "lone", "batch"}
    assert second == expected
    pairs = {text.decode() for text in searcher.reader().lexicon("body_pairs")}
    assert {"quorn valt", "valt dresk", "valt quorn"} <= pairs
    assert "a quorn" not in pairs  # stop words are not indexed at all


def test_a_phrase_reads_no_positions_where_pairs_answer_it(
    searcher: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[set[int]] = []
    real = docsets_module.position_keys

    def spy(reader: Any, fieldname: str, word: str, docs: Any) -> Any:
        read.append(set(docs))
        return real(reader, fieldname, word, docs)

    monkeypatch.setattr(docsets_module, "position_keys", spy)
    monkeypatch.setattr(docsets_module, "dense_phrase", lambda *args: None)
    found = DocSets(searcher, {}).phrase("body", ["quorn", "valt"])
    assert found is not None and "a-phrase" in _ids(searcher, found)
    spans = [
        (base, base + leaf.doc_count_all(), getattr(leaf.segment(), SEGMENT_PAIRS, None))
        for leaf, base in searcher.reader().leaf_readers()
    ]
    paired = [(start, end) for start, end, words in spans if words and {"quorn", "valt"} <= words]
    unpaired = [(start, end) for start, end, words in spans if (start, end) not in paired]
    looked_at = set().union(*read)
    assert not any(start <= d < end for d in looked_at for start, end in paired)
    if unpaired:
        assert read, "positions are read where no pairs answer"
    else:
        assert not read


def test_the_words_a_segment_pairs() -> None:
    frequency = Counter({"quorn": 50, "valt": 5, "dresk": 4, "said": 90, "council": 60})
    assert "said" in FREQUENT_TERMS and "council" in COMMON_TERMS
    # 5% of 100 sampled articles: five of them; the fixed lists' words are left out.
    assert segment_words(frequency, 100) == {"quorn", "valt"}
    assert shared_words([None, frozenset({"quorn", "valt"}), frozenset({"valt"})]) == {"valt"}
    assert shared_words([None]) == frozenset()


def test_an_article_indexed_without_the_chosen_pairs_leaves_the_segment_unpaired() -> None:
    pairs = SegmentPairs(sample=1)
    terms: dict[Any, Any] = {}
    pairs.add(terms, ["quorn", "valt"], 0, body=True)
    assert pairs.chosen() == {"quorn", "valt"}
    assert b"quorn valt" in terms
    pairs.partial = True
    assert pairs.chosen() == frozenset()
    assert SegmentPairs(sample=1).chosen() is None  # no article: constrains no merge


def test_an_index_reopened_keeps_each_segments_words(tmp_path: Path) -> None:
    ix = FileStorage(str(tmp_path)).create_index(build_schema())
    _write(ix, _documents(FIRST), 4, writing.NO_MERGE)
    reopened = FileStorage(str(tmp_path)).open_index()
    with reopened.reader() as reader:
        [(leaf, _)] = list(reader.leaf_readers())
        assert {"quorn", "valt"} <= getattr(leaf.segment(), SEGMENT_PAIRS)
