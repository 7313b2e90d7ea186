"""The search API on the bundled sample archive: query language, ranking, facets, and more."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from index.api.backend import Backend
from index.api.errors import ArticleNotFound, QueryError
from index.api.records import Filter, SearchRequest
from index.engines import open_archive
from tests.samples import copied_sample


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Backend]:
    sample = copied_sample(tmp_path_factory, tmp_path_factory.mktemp("search"))
    opened = open_archive(sample.archive, sample.index_dir)
    assert opened.update().added == 0  # (the copy is up to date)
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
    assert result.highlight.terms == ("fintech",)


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
    backend.reading.set_read(first, True)
    backend.reading.set_bookmark(second, True)
    try:
        unread = backend.search(SearchRequest("fintech is:unread", limit=100))
        assert unread.total == everything.total - 1
        assert first not in {h.id for h in unread.hits}
        assert backend.search(SearchRequest("fintech -is:read", limit=100)).total == unread.total
        marked = backend.search(SearchRequest("is:bookmarked", limit=100))
        assert [h.id for h in marked.hits] == [second]
        read = backend.search(SearchRequest("is:read fintech"))
        assert [h.id for h in read.hits] == [first]
        with pytest.raises(QueryError, match="unknown filter 'is:starred'"):
            backend.search(SearchRequest("is:starred"))
    finally:
        backend.reading.set_read(first, False)
        backend.reading.set_bookmark(second, False)


def test_hits_always_agree_with_the_total(backend: Backend) -> None:
    """Found by Hypothesis: an empty match set must not fall back to unfiltered ranking."""
    for text in ("10:00", "fintech date:1999", "title:zzzz body:fintech"):
        result = backend.search(SearchRequest(text, limit=50))
        assert result.total == len(result.hits) == 0


def test_prefix_and_fuzzy_rank_like_the_words_they_stand_for(backend: Backend) -> None:
    """A prefix or fuzzy word is scored as the OR of its expansions (BM25F, recency lift)."""
    prefix = backend.search(SearchRequest("vaccin*", limit=100))
    spelled = backend.search(SearchRequest("vaccine OR vaccines OR vaccination OR vaccinated"))
    assert prefix.total == spelled.total > 1
    assert all(hit.score > 0 for hit in prefix.hits)
    assert [h.id for h in prefix.hits[:3]] == [h.id for h in spelled.hits[:3]]
    fuzzy = backend.search(SearchRequest("fintec~", limit=100))
    exact = backend.search(SearchRequest("fintech", limit=100))
    assert [(h.id, round(h.score, 6)) for h in fuzzy.hits] == [
        (h.id, round(h.score, 6)) for h in exact.hits
    ]
    mixed = backend.search(SearchRequest("harb* OR lighthouse", limit=100))
    assert mixed.total == len(ids(backend, "harb*") | ids(backend, "lighthouse"))
    scores = [hit.score for hit in mixed.hits]
    assert scores == sorted(scores, reverse=True) and scores[-1] > 0


def test_speakers_are_one_entry_whatever_the_case(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "a.txt").write_text(
        "Rates rise\n\nAnalysts said the rise was expected.\n\n"
        '"It was priced in," said Mara Lind, a trader.\n',
        encoding="utf-8",
    )
    (archive / "b.txt").write_text(
        'Rates hold\n\nThe bank held rates, analysts said.\n\n"We wait," Mara Lind said.\n',
        encoding="utf-8",
    )
    backend = open_archive(archive, tmp_path / "index")
    backend.update()
    speakers = backend.speakers()
    folded = [s.name.casefold() for s in speakers]
    assert len(folded) == len(set(folded))
    analysts = next(s for s in speakers if s.name.casefold() == "analysts")
    assert (analysts.quotes, analysts.articles) == (2, 2)
    assert len(backend.quotes_by("ANALYSTS")) == 2
    assert [q.quote.speaker for q in backend.quotes_by("lind")] == ["Mara Lind", "Mara Lind"]
    assert backend.quotes_by("nobody at all") == ()
    backend.close()
