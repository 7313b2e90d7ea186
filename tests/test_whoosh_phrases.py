"""Phrases answered from pair terms and positions agree with Whoosh's own phrase matching.

Pairs of common words are indexed as terms beside the words (``index.engines.whoosh.pairs``);
a phrase uses them instead of positions where it can. Every case here is checked against
Whoosh's positional matcher on the same index and against the articles a reader would expect,
on one segment and on several segments with deletions.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from whoosh import query as wq
from whoosh.codec.whoosh3 import W3Codec
from whoosh.filedb.filestore import FileStorage

from index.api.parse import parse_query
from index.corpus.article import Article
from index.engines.whoosh.codec import NewsCodec
from index.engines.whoosh.docsets import DocSets
from index.engines.whoosh.pairs import COMMON_TERMS, FREQUENT_TERMS, indexed_pairs, pair_terms
from index.engines.whoosh.schema import article_document, build_schema
from index.engines.whoosh.translate import Translator

ARTICLES = {
    "across-paragraphs": ("Budget talks", ["Prices rose sharply last", "year the council said."]),
    "stop-words": ("Council vote", ["The minister said on Monday that the plan was set."]),
    "punctuation": ("Rates", ["Rates rose last, year; prices fell (last year)."]),
    "repeated": ("Year after year", ["It was year after year, year year of the same."]),
    "apart": ("Plans", ["He said last week that last year was hard."]),
    "together": ("Plans again", ["She said last year was hard."]),
    "title-only": ("Last year in review", ["Nothing about that here."]),
    "title-body": ("Looking back at last", ["Year of change for the bank."]),
    "rare-word": ("Zorblax", ["The Zorblax council met last week."]),
    "deleted": ("Gone", ["The bank said last year that it would close."]),
    "late-segment": ("Later", ["Police said on Tuesday the deal was done."]),
    "frequent-beside-rare": ("Quiet port", ["A Zorblax said nothing more."]),
}
DELETED = "deleted"

PHRASES = {
    '"last year"': {"across-paragraphs", "punctuation", "apart", "together", "title-only"},
    '"said last year"': {"together"},
    '"said Monday"': {"stop-words"},
    '"said on Monday"': {"stop-words"},
    '"year year"': {"repeated"},
    '"year after year"': {"repeated"},
    '"last year was hard"': {"apart", "together"},
    '"said last week"': {"apart"},
    '"last week"': {"apart", "rare-word"},
    '"Zorblax council"': {"rare-word"},
    '"council met last week"': {"rare-word"},
    '"looking back"': {"title-body"},
    '"last year" title:"last year"': {"title-only"},
    'title:"last year"': {"title-only"},
    'title:"back at last year"': set(),
    '"police said"': {"late-segment"},
    '"said Tuesday deal"': {"late-segment"},
    '"said deal"': set(),
    '"bank said last year"': set(),
    '"year said"': set(),
    '"week year"': set(),
    '"Zorblax said"': {"frequent-beside-rare"},
    '"Zorblax said nothing"': {"frequent-beside-rare"},
    '"said nothing more"': {"frequent-beside-rare"},
    '"Zorblax council said"': set(),
    '"council Zorblax"': set(),
}


def _documents() -> list[dict[str, Any]]:
    docs = []
    for name, (title, paragraphs) in ARTICLES.items():
        article = Article(
            id=name, path=f"/archive/{name}.txt", title=title, paragraphs=tuple(paragraphs)
        )
        docs.append(article_document(article, f"{name}.txt", (0, 0, "")))
    return docs


@pytest.fixture(
    scope="module",
    params=[
        ("one segment", NewsCodec),
        ("segments with deletions", NewsCodec),
        # Whoosh's own blocks: positions are decoded document by document.
        ("segments with deletions", W3Codec),
    ],
)
def searcher(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Any]:
    ix = FileStorage(str(tmp_path_factory.mktemp("phrases"))).create_index(build_schema())
    docs = _documents()
    layout, codec = request.param
    if layout == "one segment":
        with ix.writer(codec=codec()) as writer:
            for doc in docs:
                if doc["id"] != DELETED:
                    writer.add_document(**doc)
    else:
        for batch in (docs[0::2], docs[1::2]):
            writer = ix.writer(codec=codec())
            for doc in batch:
                writer.add_document(**doc)
            writer.commit(merge=False)
        with ix.writer(codec=codec()) as writer:
            writer.delete_by_term("id", DELETED)
    with ix.searcher() as opened:
        yield opened


def _ids(searcher: Any, docnums: set[int]) -> set[str]:
    return {searcher.stored_fields(d)["id"] for d in docnums}


def _oracle(searcher: Any, q: wq.Query) -> set[int]:
    """Whoosh's positional matching for phrases, sets for the boolean logic around them."""
    reader = searcher.reader()
    live = {d for d in range(searcher.doc_count_all()) if not reader.is_deleted(d)}
    if isinstance(q, wq.And):
        return set.intersection(*(_oracle(searcher, c) for c in q.subqueries))
    if isinstance(q, wq.Or):
        return set().union(*(_oracle(searcher, c) for c in q.subqueries))
    return set(searcher.docs_for_query(q)) & live


@pytest.mark.parametrize(("text", "expected"), PHRASES.items())
def test_phrases_find_what_positions_find(searcher: Any, text: str, expected: set[str]) -> None:
    tree = parse_query(text)
    assert tree is not None
    q = Translator(searcher.reader(), list, lambda ids: frozenset()).translate(tree)
    found = set(DocSets(searcher, {}).of(q))
    assert found == _oracle(searcher, q), text
    assert _ids(searcher, found) == expected, text


def test_phrases_of_common_words_are_answered_by_pair_terms(searcher: Any) -> None:
    # Prove the pairs are there and used: each two-word phrase of common words equals its
    # pair term's documents, and the pair field holds no pair with a rarer word.
    reader = searcher.reader()
    pairs = {text.decode() for text in reader.lexicon("body_pairs")}
    assert {"last year", "said monday", "year year", "said last", "zorblax said"} <= pairs
    # (a rare word is paired only beside a frequent one)
    assert {pair for pair in pairs if "zorblax" in pair} == {"zorblax said"}
    docsets = DocSets(searcher, {})
    # across the paragraph break, as positions see it
    assert "across-paragraphs" in _ids(searcher, set(docsets.term("body_pairs", "last year")))
    assert docsets.phrase("body", ["last", "year"]) == set(docsets.term("body_pairs", "last year"))


def test_pair_terms_keep_to_adjacent_common_words_or_a_frequent_one() -> None:
    assert {"said", "last", "year", "monday"} <= COMMON_TERMS
    assert {"council", "vote", "price", "rate"} <= COMMON_TERMS - FREQUENT_TERMS
    assert {"said", "year"} <= FREQUENT_TERMS
    assert "zorblax" not in COMMON_TERMS | FREQUENT_TERMS
    assert pair_terms(["council", "vote", "zorblax", "price", "rate", "rate"]) == {
        "council vote",
        "price rate",
        "rate rate",
    }
    assert pair_terms(["harbour", "zorblax", "said", "harbour"]) == {
        "zorblax said",
        "said harbour",
    }
    assert indexed_pairs(["vote", "zorblax", "price", "rate"]) == [(2, "price rate")]
    assert indexed_pairs(["said", "zorblax", "council"]) == [(0, "said zorblax")]


def test_an_index_without_pair_fields_still_answers_phrases(tmp_path: Path) -> None:
    schema = build_schema()
    schema.remove("body_pairs")
    schema.remove("title_pairs")
    ix = FileStorage(str(tmp_path)).create_index(schema)
    with ix.writer(codec=NewsCodec()) as writer:
        for doc in _documents():
            writer.add_document(
                **{k: v for k, v in doc.items() if k not in ("body_pairs", "title_pairs")}
            )
    with ix.searcher() as opened:
        found = DocSets(opened, {}).phrase("body", ["said", "last", "year"])
        assert found is not None and _ids(opened, found) == {"together", "deleted"}


@pytest.mark.parametrize(
    ("words", "phrases"),
    [
        ((), (("last", "year"),)),
        (("council",), (("last", "year"), ("said", "monday"))),
        (("year",), (("year", "year"),)),
        (("price",), (("zorblax", "council"),)),
    ],
)
def test_snippet_hit_counts_equal_the_hits_placed(
    words: tuple[str, ...], phrases: tuple[tuple[str, ...], ...]
) -> None:
    # Snippets count a paragraph's hits without placing them when no phrase can be there.
    from index.api.records import Highlight
    from index.engines.whoosh.highlight import _hit_count, hit_spans

    highlight = Highlight(words, phrases)
    paragraphs = [p for _, (title, body) in ARTICLES.items() for p in (title, *body)]
    counted = 0
    for paragraph in paragraphs:
        found = _hit_count(paragraph, highlight, frozenset(words))
        assert found == len(hit_spans(paragraph, highlight)), paragraph
        counted += found
    assert counted
