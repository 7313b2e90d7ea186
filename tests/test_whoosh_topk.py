"""First pages ranked without scoring every match are the first pages of ranking them all.

An index of generated articles (common words in most bodies and in some titles, lengths and
word counts that vary, dates over a decade for the recency lift, exact duplicates for ties)
is large enough that each common word has dozens of posting blocks. Every first page the
engine ranks by bounds must equal, hit for hit and score for score, the same page cut from
ranking every match.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from index.api.parse import parse_query
from index.api.records import Filter, SearchRequest
from index.engines.whoosh import topk
from index.engines.whoosh import view as view_module
from index.engines.whoosh.every import rank_every
from index.engines.whoosh.ranking import Formula, bm25f_scores, top, unscored
from index.engines.whoosh.translate import Translator, scoring_terms
from index.engines.whoosh.view import View
from tests.whoosh_documents import write_index

pytestmark = pytest.mark.xdist_group("whoosh-topk")

ARTICLES = 3000
COMMON = {"year": 0.97, "government": 0.85, "week": 0.8, "day": 0.7, "minister": 0.5}
"""Common words and the share of bodies holding them."""
SOURCES = ("north.example", "south.example", "east.example", "west.example")
QUERIES = (
    "year",
    "government",
    "week",
    "day",
    "minister",
    "year week",
    "government day",
    "year OR week",
    "government OR harbour",
    "week OR minister OR day",
    "year harbour",
    "title:year",
    "year -week",
    "government -harbour",
    '"year week"',
    '"storm storm"',
    '"storm storm storm"',
    "harbo*",
    "harbour",
    "storm",
    "storm OR week",
    "storm OR date:[2014-01 TO 2015-06]",
)
"""Single common words, two of them, ORs, a field, NOTs, phrases (of common words: a pair
term; of a word often repeated: its positions), a prefix, a rarer word."""


def _articles(seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    filler = [f"w{n}" for n in range(400)]
    docs: list[dict[str, Any]] = []
    for n in range(ARTICLES):
        if docs and rng.random() < 0.03:  # an exact copy (same date too): a tie
            copy = dict(rng.choice(docs))
            copy.update(id=f"a{n}", file=f"f{n}.txt")
            docs.append(copy)
            continue
        words = rng.choices(
            filler, weights=[1 / (k + 1) for k in range(400)], k=rng.randint(20, 600)
        )
        for word, share in COMMON.items():
            if rng.random() < share:
                for _ in range(rng.choice((1, 1, 2, 3, 5, 9))):
                    words.insert(rng.randrange(len(words) + 1), word)
        if rng.random() < 0.05:
            words.append("harbour")
        if rng.random() < 0.35:  # a word often many times in a body
            words.extend(["storm"] * rng.randint(1, 12))
        title = rng.choices(filler[:50], k=rng.randint(4, 9))
        for word in COMMON:
            if rng.random() < 0.12:
                title.insert(rng.randrange(len(title) + 1), word)
        if rng.random() < 0.08:  # in the titles of some: a few short ones, most long
            short = rng.random() < 0.15
            title = ["storm", *rng.choices(filler[:50], k=1 if short else rng.randint(15, 30))]
        doc: dict[str, Any] = {
            "id": f"a{n}",
            "file": f"f{n}.txt",
            "title": " ".join(title),
            "title_pairs": " ".join(title),
            "body": " ".join(words),
            "body_pairs": " ".join(words),
            "source_facet": rng.choice(SOURCES),
            "date": 0,
        }
        if rng.random() < 0.9:
            year, month, day = rng.randint(2014, 2024), rng.randint(1, 12), rng.randint(1, 28)
            compact = f"{year}{month:02d}{day:02d}"
            doc.update(date=int(compact), year=compact[:4], month=compact[:6], day=compact)
        docs.append(doc)
    return docs


@pytest.fixture(scope="module", params=["one segment", "segments with deletions"])
def view(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[View]:
    folder = tmp_path_factory.mktemp("topk")
    docs = _articles()
    if request.param == "one segment":
        ix = write_index(folder, docs)
    else:
        batches = (docs[:1200], docs[1200:2100], docs[2100:])
        ix = write_index(folder, docs, batches, [("id", doc["id"]) for doc in docs[::17]])
    opened = View(ix, Path(folder), 200)
    yield opened
    opened.close()


def _query(view: View, text: str) -> Any:
    tree = parse_query(text)
    assert tree is not None
    reader = view.searcher.reader()
    return Translator(reader, lambda: ["harbour"], view.ids).translate(tree)


def _requests() -> list[SearchRequest]:
    one = (Filter("source", SOURCES[0]),)
    two = (Filter("source", SOURCES[1]), Filter("source", SOURCES[2]))
    return [
        SearchRequest(limit=1),
        SearchRequest(limit=20),
        SearchRequest(limit=100),
        SearchRequest(offset=100, limit=100),  # the app's second page
        SearchRequest(limit=20, filters=one),
        SearchRequest(limit=20, filters=two, facets=True),
        SearchRequest(limit=20, exclude_ids=frozenset(f"a{n}" for n in range(0, ARTICLES, 3))),
    ]


def test_the_words_have_many_posting_blocks(view: View) -> None:
    reader = view.searcher.reader()
    for leaf, _ in reader.leaf_readers():
        read = topk.read_postings(leaf, "body", "year")
        assert read is not None and len(read.blocks) >= 6
    assert reader.doc_frequency("title", "year") >= 200


@pytest.mark.parametrize("text", QUERIES)
def test_first_pages_equal_the_pages_of_ranking_every_match(view: View, text: str) -> None:
    q = _query(view, text)
    for request in _requests():
        matches = view.matches(q, request)
        everything = view._ranked(q, matches, request, None)
        wanted = request.offset + request.limit
        for limit in {wanted, max(wanted, 200), 1}:
            assert view._ranked(q, matches, request, limit) == everything[:limit], (request, limit)
        page = view.ordered(q, request, "relevance", matches)
        assert page[request.offset : wanted] == everything[request.offset : wanted], request


@pytest.mark.parametrize("text", QUERIES)
def test_paging_through_results_shows_the_pages_of_ranking_every_match(
    view: View, text: str
) -> None:
    """Page after page as the command line and the app ask for them (each first page may
    be ranked alone, the next ones again, far pages from every match)."""
    q = _query(view, text)
    for size in (20, 100):
        view._orders.clear()
        request = SearchRequest(limit=size)
        matches = view.matches(q, request)
        everything = view._ranked(q, matches, request, None)
        for offset in range(0, 400, size):
            page = SearchRequest(offset=offset, limit=size)
            shown = view.ordered(q, page, "relevance", matches)[offset : offset + size]
            assert shown == everything[offset : offset + size], (size, offset)


@pytest.mark.parametrize("text", QUERIES)
def test_first_pages_of_few_matches_too(
    view: View, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ranked by bounds however few the matches (the engine scores them all), pages as
    long as all of them or longer included: matches without a scoring word come last."""
    monkeypatch.setattr(view_module, "_FEW", 0)
    q = _query(view, text)
    for request in _requests()[4:]:
        matches = view.matches(q, request)
        everything = view._ranked(q, matches, request, None)
        for limit in (1, 20, 200, len(matches) // 2 + 1, len(matches), len(matches) + 5):
            assert view._ranked(q, matches, request, limit) == everything[:limit], (request, limit)


def test_common_words_rank_without_scoring_most_matches(
    view: View, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bounds are used: most matches of a common word are never scored."""
    scored: list[int] = []
    scores_of = topk.TermPostings.scores_of

    def counting(self: Any, docs: list[int]) -> list[float]:
        scored.append(len(docs))
        return scores_of(self, docs)

    monkeypatch.setattr(topk.TermPostings, "scores_of", counting)
    for text in ("year", "government", "week", "year week", "year OR week"):
        q = _query(view, text)
        matches = view.matches(q, SearchRequest())
        terms = scoring_terms(q)
        scored.clear()
        best = topk.top_k(view.searcher, view.weighting, terms, matches, view.lift(), 200)
        assert best is not None, text
        assert max(scored) < len(matches) / 3, text


@pytest.mark.parametrize(
    "broken",
    [
        pytest.param(lambda bound: lambda self, *a: bound(self, *a) * 0.9, id="bounds 10% low"),
        pytest.param(
            lambda bound: lambda self, weight, length, lengths: bound(self, 1.0, length, lengths),
            id="bounds for one occurrence",
        ),
    ],
)
def test_wrong_bounds_change_first_pages(
    view: View, monkeypatch: pytest.MonkeyPatch, broken: Any
) -> None:
    """The comparison above can tell a wrong bound: some first page then differs from the
    first page of ranking every match. (A word common in bodies, and in a few long
    titles, puts the first pages near the bound.)"""
    monkeypatch.setattr(Formula, "bound", broken(Formula.bound))
    assert _differing(view)


def test_ignoring_the_recency_lift_changes_first_pages(
    view: View, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(topk.LiftBounds, "most", lambda self, first, last: 1.0)
    assert _differing(view)


def _differing(view: View) -> list[tuple[str, int]]:
    """(query, limit) of the first pages that differ from ranking every match."""
    differ = []
    for text in ("storm", "storm OR week", "storm minister"):
        q = _query(view, text)
        request = SearchRequest()
        matches = view.matches(q, request)
        everything = view._ranked(q, matches, request, None)
        for limit in range(10, 410, 10):
            if view._ranked(q, matches, request, limit) != everything[:limit]:
                differ.append((text, limit))
    return differ


@pytest.mark.parametrize(
    "text", ["w1*", "w2* OR storm", "w3* year", "w2* -harbour", "storm OR w1*"]
)
@pytest.mark.parametrize("held", [0, topk.HELD])
def test_many_scoring_words_rank_the_same_with_bounds_or_without(
    view: View, text: str, held: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A prefix's many expansions are scored match by match (past ``_MANY`` words, or when
    the leading words are held by most matches); with bounds tried anyway, the pages are
    the same."""
    q = _query(view, text)
    request = SearchRequest(limit=20)
    matches = view.matches(q, request)
    assert len(scoring_terms(q)) > view_module._MANY and len(matches) > 100, text
    everything = view._ranked(q, matches, request, None)
    monkeypatch.setattr(view_module, "_MANY", 1000)
    monkeypatch.setattr(topk, "HELD", held)
    for limit in (1, 20, 100):
        assert view._ranked(q, matches, request, limit) == everything[:limit], limit


@pytest.mark.parametrize("text", [*QUERIES, "w1*", "w2* OR storm"])
def test_every_match_ranked_by_lookups_is_ranked_as_by_scoring_every_posting(
    view: View, text: str
) -> None:
    q = _query(view, text)
    words = scoring_terms(q)
    lift = view.weighting.factors(view.searcher)
    docsets = view.docsets
    for request in _requests():
        matches = view.matches(q, request)
        scores = bm25f_scores(view.searcher, view.weighting, words, matches)
        for limit in (1, 20, 200):
            for kept in (None, docsets.kept_postings):
                found = rank_every(
                    view.searcher,
                    view.weighting,
                    words,
                    matches,
                    view.lift(),
                    limit,
                    kept=kept,
                    cache=view._scores if kept else None,
                )
                assert found is not None, text
                best, unheld = found
                assert best == top(scores, lift, limit), (request, limit)
                assert unheld == sorted(unscored(matches, scores)), request


def test_every_match_of_a_counted_phrase_is_left_to_its_counts(view: View) -> None:
    q = _query(view, '"year week day"')
    matches = view.matches(q, SearchRequest())
    known = view.docsets.known_counts
    words = scoring_terms(q)
    assert any(known(w.fieldname, w.text, matches) is not None for w in words)
    found = rank_every(view.searcher, view.weighting, words, matches, view.lift(), 20, known)
    assert found is None


@pytest.mark.parametrize("share", [0.005, 0.03, 0.2])
def test_few_matches_score_as_in_ranking_every_posting(view: View, share: float) -> None:
    """A few wanted documents among many postings are looked up in their blocks alone: the
    same scores, bit for bit, as scoring every posting."""
    from index.engines.whoosh.ranking import bm25f_scores

    q = _query(view, "year government week storm")
    terms = scoring_terms(q)
    everything = view.docsets.live()
    every_score = bm25f_scores(view.searcher, view.weighting, terms, everything)
    rng = random.Random(share)
    wanted = set(rng.sample(sorted(everything), int(len(everything) * share)))
    few = bm25f_scores(view.searcher, view.weighting, terms, wanted)
    assert few == {d: s for d, s in every_score.items() if d in wanted}
    assert len(few) > 5


def test_phrases_checked_by_positions_rank_from_bounds(view: View) -> None:
    """A phrase whose positions were read (its words' counts known) ranks from the bounds
    too: the counts are the postings' weights."""
    q = _query(view, '"storm storm"')
    matches = view.matches(q, SearchRequest())
    terms = scoring_terms(q)
    assert any(view.docsets.known_counts(t.fieldname, t.text, matches) for t in terms)
    assert len(matches) > 4 * 20
    best = topk.top_k(view.searcher, view.weighting, terms, matches, view.lift(), 20)
    assert best is not None
    assert best == view._ranked(q, matches, SearchRequest(), None)[:20]
