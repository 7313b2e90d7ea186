"""Phrases of words of like frequency, matched from every posting of their words at once,
agree with Whoosh's own positional matching.

Random articles of a few made-up words (none of them paired, so positions decide) are
indexed on one segment, and on several segments with deletions; every phrase of one to four
of the words finds what Whoosh's phrase matcher finds, and the word counts the check leaves
for ranking are the postings' own.
"""

from __future__ import annotations

import random
import tempfile
from collections.abc import Iterator, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh import query as wq

from index.corpus.article import Article
from index.engines.whoosh.docsets import DocSets
from index.engines.whoosh.pairs import COMMON_TERMS, FREQUENT_TERMS
from index.engines.whoosh.phrases import dense_phrase
from index.engines.whoosh.schema import article_document
from tests.whoosh_documents import write_index

VOCABULARY = ("zorblax", "quillon", "fentarro", "moxilla", "daskwith")
"""Made-up words: never among the paired common words, so phrases of them use positions."""

Text = list[list[str]]
"""An article body: paragraphs of words."""


def _document(number: int, body: Text) -> dict[str, Any]:
    name = f"a{number}"
    article = Article(
        id=name,
        path=f"/archive/{name}.txt",
        title=f"Article {number}",
        paragraphs=tuple(" ".join(words) for words in body if words) or ("empty",),
    )
    return article_document(article, f"{name}.txt", (0, 0, ""))


def _index(folder: Path, bodies: Sequence[Text], segments: int) -> Any:
    docs = [_document(n, body) for n, body in enumerate(bodies)]
    if segments == 1:
        return write_index(folder, docs)
    batches = [docs[i::segments] for i in range(segments)]
    deleted = [("id", doc["id"]) for doc in docs[::5]]
    return write_index(folder, docs, batches, deleted)


def _terms(searcher: Any, words: Sequence[str]) -> list[str]:
    analyzer = searcher.reader().schema["body"].analyzer
    return [analyzer.term(word) for word in words]


def _whoosh(searcher: Any, terms: list[str]) -> set[int]:
    """Whoosh's positional matching, live documents only."""
    reader = searcher.reader()
    q = wq.Phrase("body", terms) if len(terms) > 1 else wq.Term("body", terms[0])
    return {d for d in searcher.docs_for_query(q) if not reader.is_deleted(d)}


def _check(searcher: Any, phrases: Sequence[Sequence[str]]) -> None:
    reader = searcher.reader()
    for words in phrases:
        terms = _terms(searcher, words)
        expected = _whoosh(searcher, terms)
        docsets = DocSets(searcher, {})
        assert docsets.phrase("body", terms) == expected, words
        if len(terms) < 2 or not all(reader.doc_frequency("body", t) for t in terms):
            continue
        found = dense_phrase(reader, "body", terms)
        assert found is not None
        assert found[0] == expected, words
        for term, counts in found[1].items():
            postings = reader.postings("body", term)
            actual = {}
            while postings.is_active():
                actual[postings.id()] = int(postings.weight())
                postings.next()
            made = counts.made()  # (deleted documents' counts too: their postings stay)
            assert all(made[d] == actual[d] for d in actual if d in made), words
            assert all(reader.is_deleted(d) for d in made.keys() - actual.keys()), words


def test_the_made_up_words_are_not_paired() -> None:
    assert not set(VOCABULARY) & (COMMON_TERMS | FREQUENT_TERMS)


bodies = st.lists(
    st.lists(st.lists(st.sampled_from(VOCABULARY), max_size=12), min_size=1, max_size=3),
    min_size=1,
    max_size=25,
)
phrase_words = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=4)


@settings(max_examples=25, deadline=None)
@given(
    bodies=bodies,
    phrases=st.lists(phrase_words, min_size=1, max_size=6),
    segments=st.sampled_from([1, 3]),
)
def test_dense_phrases_find_what_whoosh_finds(
    bodies: list[Text], phrases: list[list[str]], segments: int
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        ix = _index(Path(folder), bodies, segments)
        with ix.searcher() as searcher:
            _check(searcher, phrases)


@pytest.fixture(scope="module", params=[1, 3])
def many_blocks(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Any]:
    """Hundreds of articles: each word's postings span several blocks per segment."""
    rng = random.Random(5)
    weights = (8, 6, 5, 3, 1)
    bodies = [
        [
            rng.choices(VOCABULARY, weights, k=rng.randrange(0, 30))
            for _ in range(rng.randrange(1, 3))
        ]
        for _ in range(700)
    ]
    ix = _index(tmp_path_factory.mktemp("dense"), bodies, request.param)
    with ix.searcher() as searcher:
        yield searcher


def test_dense_phrases_across_many_blocks(many_blocks: Any) -> None:
    rng = random.Random(9)
    phrases = [list(pair) for pair in pairwise(VOCABULARY)]
    phrases += [rng.choices(VOCABULARY, k=rng.randrange(2, 5)) for _ in range(30)]
    _check(many_blocks, phrases)
