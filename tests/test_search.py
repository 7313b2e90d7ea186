"""The search API on the bundled sample archive: query language, ranking, facets, and more."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.backend import Backend, open_archive
from index.errors import ArticleNotFound, QueryError
from index.model import Filter, SearchRequest
from index.userstate import ReadingState, apply_state_filters

SAMPLE_DATA = Path(__file__).resolve().parent.parent / "sample_data"


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Backend]:
    root = tmp_path_factory.mktemp("search")
    archive = root / "archive"
    shutil.copytree(SAMPLE_DATA, archive)
    opened = open_archive(archive, root / "index")
    opened.update()
    yield opened
    opened.close()


def titles(backend: Backend, query: str, **kwargs: object) -> list[str]:
    result = backend.search(SearchRequest(query, limit=100, **kwargs))  # type: ignore[arg-type]
    assert result.total == len(result.hits)
    return [hit.title for hit in result.hits]


def files(backend: Backend, query: str, **kwargs: object) -> set[str]:
    result = backend.search(SearchRequest(query, limit=100, **kwargs))  # type: ignore[arg-type]
    return {Path(hit.path).name for hit in result.hits}


def test_words_match_with_stemming_and_accents(backend: Backend) -> None:
    assert len(titles(backend, "fintech")) == 10
    assert files(backend, "vaccines") == files(backend, "vaccine")
    assert files(backend, "lodz") == files(backend, "Łódź")
    assert "2020-12-09-lodz-rsv-vaccine-trial-enrolment.txt" in files(backend, "lodz")


def test_all_words_must_match_by_default(backend: Backend) -> None:
    both = files(backend, "shanghai fintech")
    assert both == files(backend, "shanghai AND fintech")
    assert both < files(backend, "shanghai") | files(backend, "fintech")
    assert ids(backend, "shanghai OR drought") == ids(backend, "shanghai") | ids(backend, "drought")


def test_phrases(backend: Backend) -> None:
    assert files(backend, '"port strike"') == {
        "2021-09-29-port-strike-ends-with-deal.txt",
        "wire-feed.jsonl",
    }
    assert len(files(backend, "port strike")) > len(files(backend, '"port strike"'))


def ids(backend: Backend, query: str) -> set[str]:
    return {hit.id for hit in backend.search(SearchRequest(query, limit=100)).hits}


def test_negation_forms(backend: Backend) -> None:
    everything = ids(backend, "fintech")
    shanghai = ids(backend, "shanghai")
    assert len(everything - shanghai) == 7
    assert ids(backend, "fintech -shanghai") == everything - shanghai
    assert ids(backend, "fintech NOT shanghai") == everything - shanghai


def test_fields(backend: Backend) -> None:
    assert all("fintech" in t.lower() for t in titles(backend, "title:fintech"))
    assert len(titles(backend, "title:fintech")) == 7
    assert len(titles(backend, "source:meridian")) == 10
    assert set(titles(backend, "section:sport")) == set(titles(backend, "section:Sport"))
    assert len(titles(backend, "section:sport")) == 4
    assert len(titles(backend, "tag:drought")) == 2
    assert titles(backend, "author:hallett") == titles(backend, 'author:"Tom Hallett"')
    assert len(titles(backend, "author:hallett")) == 4
    assert "2022-04-07-harbour-fintech-hub-opens.md" in files(backend, "speaker:okafor")
    assert files(backend, "speaker:okafor") <= files(backend, "okafor")


def test_dates(backend: Backend) -> None:
    def dates(query: str) -> list[str]:
        result = backend.search(SearchRequest(query, limit=100, sort="oldest"))
        return [h.date or "" for h in result.hits]

    assert dates("date:2021") == [
        "2021-03-30",
        "2021-09-14",
        "2021-09-20",
        "2021-09-29",
        "2021-10-18",
    ]
    assert dates("date:2019-06") == ["2019-06-12"]
    assert dates("date:2019-06-12") == ["2019-06-12"]
    assert dates("date:[2019-01 TO 2019-06]") == ["2019-06-12"]
    assert dates("date:>2025") == ["2026-01-20", "2026-06-03"]
    assert dates("date:<2017") == ["2016-05-17", "2016-10-04", "2016-11-09"]
    assert dates("date:<=2017") == dates("date:[TO 2017]")
    assert dates("fintech date:2022") == ["2022-04-07", "2022-11-23"]
    assert all(d >= "2025-01-01" for d in dates("date:>=2025-01"))


def test_undated_articles_are_not_in_date_queries_and_sort_last(backend: Backend) -> None:
    everything = backend.search(SearchRequest("", sort="oldest", limit=100))
    dates = [h.date for h in everything.hits]
    undated = dates.count(None)
    assert undated == 7  # the plain-text files carry no date; their mtime is not searched
    assert dates[-undated:] == [None] * undated
    assert dates[:-undated] == sorted(dates[:-undated])  # type: ignore[type-var]
    newest = backend.search(SearchRequest("", sort="relevance", limit=3))
    assert [h.date for h in newest.hits] == ["2026-06-03", "2026-01-20", "2025-11-12"]


def test_prefix_and_fuzzy(backend: Backend) -> None:
    assert files(backend, "vaccin*") == files(backend, "vaccine")
    assert files(backend, "fintec~") == files(backend, "fintech")
    assert files(backend, "harb*") >= files(backend, "harbour") | files(backend, "harbours")
    assert len(files(backend, "harb*")) >= 10


def test_relevance_favours_title_matches(backend: Backend) -> None:
    ranked = titles(backend, "lighthouse")
    assert "lighthouse" in ranked[0].lower()


def test_sort_orders(backend: Backend) -> None:
    newest = backend.search(SearchRequest("fintech", sort="newest", limit=20))
    dates = [h.date for h in newest.hits if h.date]
    assert dates == sorted(dates, reverse=True)
    oldest = backend.search(SearchRequest("fintech", sort="oldest", limit=20))
    assert [h.date for h in oldest.hits if h.date] == sorted(dates)


def test_paging_covers_every_hit_once(backend: Backend) -> None:
    whole = backend.search(SearchRequest("", limit=100)).hits
    pages = [
        hit
        for offset in range(0, len(whole), 7)
        for hit in backend.search(SearchRequest("", offset=offset, limit=7)).hits
    ]
    assert [h.id for h in pages] == [h.id for h in whole]
    assert len({h.id for h in whole}) == len(whole) == 55


def test_snippets_mark_the_hits(backend: Backend) -> None:
    result = backend.search(SearchRequest("fintech", limit=3))
    for hit in result.hits:
        marked = [text.lower() for text, is_hit in hit.snippet.parts if is_hit]
        assert marked and all(text == "fintech" for text in marked)
        assert "**" in hit.snippet.marked()
    assert result.terms == ("fintech",)


def test_facets_count_and_filter(backend: Backend) -> None:
    result = backend.search(SearchRequest("fintech", facets=True))
    sources = {f.value: f.count for f in result.facets["source"]}
    assert sources["The Meridian Post"] == 4 and sources["chinadaily.com.cn"] == 2
    assert sum(f.count for f in result.facets["year"]) == 8  # two fintech pieces are undated
    filtered = backend.search(
        SearchRequest("fintech", filters=(Filter("source", "The Meridian Post"),), facets=True)
    )
    assert filtered.total == 4
    assert {f.value for f in filtered.facets["source"]} == {"The Meridian Post"}
    both = backend.search(
        SearchRequest(
            "fintech",
            filters=(Filter("source", "The Meridian Post"), Filter("year", "2022")),
        )
    )
    assert [h.date for h in both.hits] == ["2022-04-07"]
    either = backend.search(
        SearchRequest(
            "fintech",
            filters=(Filter("source", "The Meridian Post"), Filter("source", "chinadaily.com.cn")),
        )
    )
    assert either.total == 6


def test_did_you_mean(backend: Backend) -> None:
    for typo, fixed in (("fintek", "fintech"), ("shanghia", "shanghai"), ("drougth", "drought")):
        result = backend.search(SearchRequest(typo))
        assert result.total == 0 and result.suggestion == fixed
    assert backend.search(SearchRequest("Shanghia fintech")).suggestion == "Shanghai fintech"
    assert backend.search(SearchRequest("fintech")).suggestion is None


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"unclosed phrase', "unbalanced quote mark"),
        ("(fintech OR shanghai", "'(' is never closed"),
        ("fintech)", "')' without '('"),
        ("date:[2019 TO 2020", "'[' is never closed"),
        ("AND fintech", "'AND' needs a word before it"),
        ("fintech OR", "'OR' needs a word after it"),
        ("*", "wildcard needs at least 2 letters"),
        ("f*", "wildcard needs at least 2 letters"),
        ("a*b*c*", "wildcard needs at least 2 letters"),
        ("fi*n*a*", "at most two wildcards"),
        ("colour:red", "unknown field 'colour:'"),
        ("date:2019-13", "no month 13"),
        ("date:sometime", "is not a date"),
        ("x" * 10_001, "the query is too long"),
        (" ".join(["word"] * 100), "too many words"),
    ],
)
def test_bad_queries_say_what_is_wrong(backend: Backend, query: str, message: str) -> None:
    with pytest.raises(
        QueryError, match=message.replace("(", r"\(").replace(")", r"\)").replace("[", r"\[")
    ):
        backend.search(SearchRequest(query))


def test_article_lookup_by_id_and_path(backend: Backend) -> None:
    hit = backend.search(SearchRequest("title:incubator", limit=1)).hits[0]
    article = backend.article(hit.id)
    assert article.title == hit.title and article.quotes
    assert backend.article(hit.path).id == hit.id
    wire = backend.article("wire-2022-0002")
    assert wire.format == "jsonl" and "QuidLoop" in wire.title
    with pytest.raises(ArticleNotFound):
        backend.article("no-such-article")


def test_related_articles(backend: Backend) -> None:
    strike = backend.search(SearchRequest('title:"port strike"', limit=1)).hits[0]
    related = backend.related(strike.id, limit=5)
    assert strike.id not in {h.id for h in related}
    assert any("strike" in h.title.lower() or "dockworkers" in h.title.lower() for h in related[:3])


def test_speakers_and_their_quotes(backend: Backend) -> None:
    speakers = backend.speakers()
    counts = [s.quotes for s in speakers]
    assert counts == sorted(counts, reverse=True)
    top = {s.name for s in speakers[:6]}
    assert any("Lindqvist" in name for name in top)
    assert any("Okafor" in name for name in top)
    okafor = next(s for s in speakers if s.name.endswith("Okafor"))
    quotes = backend.quotes_by(okafor.name)
    assert len(quotes) == okafor.quotes
    assert len({q.article_id for q in quotes}) == okafor.articles
    dates = [q.date for q in quotes if q.date]
    assert dates == sorted(dates, reverse=True)


def test_reading_state_filters(backend: Backend) -> None:
    everything = backend.search(SearchRequest("fintech", limit=100))
    first, second = everything.hits[0].id, everything.hits[1].id
    state = ReadingState(read=frozenset({first}), bookmarks={second: 1.0})
    unread = backend.search(
        apply_state_filters(SearchRequest("fintech is:unread", limit=100), state)
    )
    assert unread.total == everything.total - 1 and first not in {h.id for h in unread.hits}
    marked = backend.search(apply_state_filters(SearchRequest("is:bookmarked", limit=100), state))
    assert [h.id for h in marked.hits] == [second]
    read = backend.search(apply_state_filters(SearchRequest("is:read fintech"), state))
    assert [h.id for h in read.hits] == [first]
    with pytest.raises(QueryError, match="unknown filter 'is:starred'"):
        apply_state_filters(SearchRequest("is:starred"), state)


def test_hits_always_agree_with_the_total(backend: Backend) -> None:
    """Found by Hypothesis: an empty match set must not fall back to unfiltered ranking."""
    for text in ("10:00", "fintech date:1999", "title:zzzz body:fintech"):
        result = backend.search(SearchRequest(text, limit=50))
        assert result.total == len(result.hits) == 0


def test_every_hit_is_ranked_even_without_a_scoring_word(backend: Backend) -> None:
    """A prefix only filters; hits matched only through it still appear, after scored ones."""
    result = backend.search(SearchRequest("harb* OR lighthouse", limit=100))
    assert (
        result.total == len(result.hits) == len(ids(backend, "harb*") | ids(backend, "lighthouse"))
    )
    scores = [hit.score for hit in result.hits]
    assert scores == sorted(scores, reverse=True)
    assert scores[0] > 0 and scores[-1] == 0


def test_bm25f_scores_agree_with_whoosh(backend: Backend) -> None:
    """index.ranking scores blocks itself; it must score exactly as Whoosh's own BM25F."""
    from whoosh import query as wq

    from index.docsets import DocSets
    from index.query import make_parser, parse_query, scoring_terms
    from index.ranking import bm25f_scores

    searcher = backend._searcher  # type: ignore[attr-defined]
    weighting = backend._weighting  # type: ignore[attr-defined]
    docsets = DocSets(searcher, {})
    parser = make_parser(searcher.schema)
    counted = kept = 0
    for text in (
        "fintech",
        "port strike",
        '"City of London"',
        '"port strike"',
        "title:drought OR harbour",
        "said",
    ):
        q = parse_query(parser, text, searcher.reader()).query
        matches = set(docsets.of(q))
        words = scoring_terms(q)
        # (a phrase check counts its words; ranking may use those counts instead of postings)
        counted += any(docsets.known_counts(t.fieldname, t.text, matches) for t in words)
        # (finding the matches read the terms' postings; ranking may score from those)
        kept += any(docsets.kept_postings(t.fieldname, t.text, 0) for t in words)
        ours = bm25f_scores(
            searcher, weighting, words, matches, docsets.known_counts, docsets.kept_postings
        )
        docsets.forget_postings()
        scorer = words[0] if len(words) == 1 else wq.Or(words)
        theirs = {d: s for s, d in searcher.search(scorer, limit=None, filter=matches).top_n}
        assert ours.keys() == theirs.keys() and ours, text
        for docnum, score in theirs.items():
            assert ours[docnum] == pytest.approx(score, rel=1e-6), text
    assert counted and kept


def test_phrase_sets_agree_with_whoosh(backend: Backend) -> None:
    """DocSets verifies phrases itself; it must find exactly what Whoosh's matcher finds."""
    from index.docsets import DocSets
    from index.query import make_parser, parse_query

    searcher = backend._searcher  # type: ignore[attr-defined]
    docsets = DocSets(searcher, {})
    parser = make_parser(searcher.schema)
    for text in (
        '"port strike"',
        '"City of London"',
        '"fintech hub"',
        '"finance minister"',
        '"said the"',
        '"strike port"',
        '"Lujiazui Financial City"',
    ):
        q = parse_query(parser, text, searcher.reader()).query
        assert set(docsets.of(q)) == set(searcher.docs_for_query(q)), text


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_any_phrase_from_the_archive_matches_what_whoosh_matches(
    backend: Backend, data: st.DataObject
) -> None:
    """Runs of two to four words from real article text, stop words and all."""
    import re

    from index.docsets import DocSets
    from index.query import make_parser, parse_query

    searcher = backend._searcher  # type: ignore[attr-defined]
    paths = sorted(p for p in SAMPLE_DATA.rglob("*.*") if p.suffix in (".txt", ".md", ".jsonl"))
    text = data.draw(st.sampled_from(paths)).read_text(encoding="utf-8")
    words = re.findall(r"[A-Za-z]+", text)
    start = data.draw(st.integers(0, len(words) - 5))
    phrase = " ".join(words[start : start + data.draw(st.integers(2, 4))])
    q = parse_query(make_parser(searcher.schema), f'"{phrase}"', searcher.reader()).query
    assert set(DocSets(searcher, {}).of(q)) == whoosh_oracle(searcher, q), phrase


QUERY_PARTS = [
    "fintech", "port", "strike", "shanghai", "london", "harbour", "minister", "vaccine",
    "date:2021", "date:[2019 TO 2022-06]", "-london", "NOT drought", "OR", "AND",
    '"port strike"', '"finance minister"', "vaccin*", "fintec~", "title:fintech",
    "source:meridian", "speaker:okafor", "(shanghai OR drought)",
]  # fmt: skip


def whoosh_oracle(searcher: object, q: object) -> set[int]:
    """Whoosh's matching for leaves, Python sets for boolean logic.

    (Whoosh's AndNot matcher itself is wrong: at 47 articles it kept an article containing
    the excluded word; so booleans are combined here, leaves are matched by Whoosh.)
    """
    from whoosh import query

    if isinstance(q, query.And):
        results = [whoosh_oracle(searcher, c) for c in q.subqueries]
        return set.intersection(*results) if results else set()
    if isinstance(q, query.Or):
        return set().union(*(whoosh_oracle(searcher, c) for c in q.subqueries))
    if isinstance(q, query.AndNot):
        return whoosh_oracle(searcher, q.a) - whoosh_oracle(searcher, q.b)
    if isinstance(q, query.Not):
        return set(range(searcher.doc_count_all())) - whoosh_oracle(searcher, q.query)  # type: ignore[attr-defined]
    if isinstance(q, query.ConstantScoreQuery):
        return whoosh_oracle(searcher, q.child)
    return set(searcher.docs_for_query(q))  # type: ignore[attr-defined]


@settings(max_examples=120, deadline=None)
@given(parts=st.lists(st.sampled_from(QUERY_PARTS), min_size=1, max_size=4))
def test_match_sets_agree_with_whoosh_matching(backend: Backend, parts: list[str]) -> None:
    """Counting by set algebra must equal Whoosh's matching of the same parsed query."""
    from index.docsets import DocSets
    from index.query import make_parser, parse_query

    searcher = backend._searcher  # type: ignore[attr-defined]
    try:
        q = parse_query(make_parser(searcher.schema), " ".join(parts), searcher.reader()).query
    except QueryError:
        return
    assert set(DocSets(searcher, {}).of(q)) == whoosh_oracle(searcher, q)
