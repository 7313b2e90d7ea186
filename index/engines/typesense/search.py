"""Answering a :class:`SearchRequest` from a plan (see ``translate.py``) in one or two rounds.

Every search of a request goes out in one multi-search (a POST: long id filters fit, and a
search-only key may use it): each branch's first hits, the count and facets, the statistics
ranking needs. An OR that no filter can count exactly takes a second round for the ids of
its branches.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from index.api.errors import QueryError
from index.api.query import Node, has_dates
from index.api.records import (
    FacetCount,
    FacetField,
    SearchHit,
    SearchRequest,
    SearchResult,
    Snippet,
)
from index.engines.typesense import calls
from index.engines.typesense import filters as fx
from index.engines.typesense.ranking import WINDOW, Stats, rerank
from index.engines.typesense.schema import FACETS, HIT_FIELDS, LENGTH_FIELDS
from index.engines.typesense.snippets import make_snippet
from index.engines.typesense.suggest import suggest
from index.engines.typesense.translate import Branch, Plan, TextSearch, Translator

PAGE_MAX = 250
"""Most hits Typesense returns per page."""
UNION_CAP = 2_500
"""Most ids fetched to count an OR that no filter expresses."""
MERGE_CAP = 10_000
"""Deepest hit of an OR query (its branches are merged here)."""
FACET_LIMIT = 50
_DF_CACHE = 4_096


class Searcher:
    """Searches one collection (an alias) for one archive."""

    def __init__(self, client: Any, collection: str, archive: Path, snippet_chars: int) -> None:
        self._client = client
        self.collection = collection
        self._archive = archive
        self._snippet_chars = snippet_chars
        self._stats: Stats | None = None
        self._undated: int | None = None
        self._frequencies: dict[tuple[str, str], int] = {}

    def forget(self) -> None:
        """Drop what is cached about the collection (it changed)."""
        self._stats, self._undated = None, None
        self._frequencies.clear()

    def multi(self, searches: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        """Run ``searches`` in one request; their results in order."""
        if not searches:
            return []
        body = {"searches": [{"collection": self.collection, **s} for s in searches]}
        with calls.guarded(self.collection):
            answer = self._client.multi_search.perform(body, {})
        return calls.results(answer, self.collection)

    # -- statistics --------------------------------------------------------------------------

    def stats(self) -> Stats:
        """Size, average field lengths and newest date of the collection (cached)."""
        if self._stats is None:
            lengths = ",".join(LENGTH_FIELDS.values())
            every, newest, undated = self.multi(
                [
                    _count(fx.TRUE) | {"facet_by": lengths, "max_facet_values": 1},
                    _count(fx.TRUE)
                    | {"per_page": 1, "sort_by": "published:desc", "include_fields": "published"},
                    _count(fx.Clause("published:=0")),
                ]
            )
            averages = {
                field: float(_facet_stats(every, column).get("avg", 1.0) or 1.0)
                for field, column in LENGTH_FIELDS.items()
            }
            hits = newest.get("hits") or [{}]
            published = int(hits[0].get("document", {}).get("published", 0))
            self._stats = Stats(int(every["found"]), averages, published)
            self._undated = int(undated["found"])
        return self._stats

    def _frequency_searches(
        self, scoring: Sequence[tuple[str, str, float]]
    ) -> list[tuple[str, str]]:
        return [(f, t) for f, t, _ in scoring if (f, t) not in self._frequencies]

    # -- searching ---------------------------------------------------------------------------

    def search(self, request: SearchRequest, tree: Node | None, text: str) -> SearchResult:
        """Answer ``request`` (whose query parsed to ``tree``)."""
        started = time.perf_counter()
        plan = Translator(_request_filter(request)).plan(tree)
        if plan.nothing:
            return SearchResult(request, 0, (), time.perf_counter() - started, plan.highlight)
        sort = request.sort
        if sort == "relevance" and all(b.text.q == "*" for b in plan.branches):
            sort = "newest"  # no words to rank by: the newest articles first
        end = request.offset + request.limit
        single = len(plan.branches) == 1
        if not single and end > MERGE_CAP:
            raise QueryError(f"an OR query shows at most its first {MERGE_CAP:,} hits on Typesense")
        rank = sort == "relevance" and bool(plan.scoring) and end <= WINDOW
        stats = self.stats() if rank or (tree is not None and has_dates(tree)) else None
        include = [*HIT_FIELDS, "published", *(f for f, _, _ in plan.scoring if rank)]
        include += [LENGTH_FIELDS[f] for f, _, _ in plan.scoring] if rank else []
        searches: list[dict[str, Any]] = []
        pages: list[tuple[int, int]] = []  # (branch, first hit index of the page)
        plan_pages = _pages(request.offset if single else 0, end, rank)
        first_index = (plan_pages[0][0] - 1) * plan_pages[0][1]
        for number, branch in enumerate(plan.branches):
            for page, size in plan_pages:
                pages.append((number, (page - 1) * size))
                searches.append(_params(branch, sort, size, page, include))
        counter_at = None
        if (request.facets or not single) and plan.counter is not None:
            counter_at = len(searches)
            searches.append(_count(plan.counter.filter, plan.counter) | _facets(request))
        frequencies = self._frequency_searches(plan.scoring) if rank else []
        searches += [_count(fx.has_word([f], t)) for f, t in frequencies]
        answers = self.multi(searches)
        for (name, term), answer in zip(
            frequencies, answers[len(answers) - len(frequencies) :], strict=True
        ):
            self._remember(name, term, int(answer["found"]))
        found_by_branch: dict[int, int] = {}
        rows: list[tuple[int, int, dict[str, Any]]] = []
        for (number, first), answer in zip(pages, answers, strict=False):
            found_by_branch[number] = int(answer["found"])
            for i, hit in enumerate(answer.get("hits", [])):
                rows.append((number, first + i, hit))
        facet_answer = answers[counter_at] if counter_at is not None else answers[0]
        if single:
            total = found_by_branch.get(0, 0)
        elif plan.counter is not None:
            total = int(answers[counter_at or 0]["found"])
        else:
            total, facet_answer = self._union(plan, found_by_branch, request)
        ordered = _merge(rows, sort, single)
        if rank and stats is not None:
            frequencies_known = {
                (f, t): self._frequencies.get((f, t), 0) for f, t, _ in plan.scoring
            }
            docs = [doc for _, doc in ordered[:WINDOW]]
            reranked = rerank(docs, plan.scoring, frequencies_known, stats)
            ordered = [(score, doc) for score, doc in reranked] + ordered[WINDOW:]
        page_docs = ordered[request.offset - first_index : end - first_index]
        records = self._records([doc["id"] for _, doc in page_docs]) if request.snippets else {}
        hits = tuple(
            self._hit(doc, score, plan, records.get(doc["id"])) for score, doc in page_docs
        )
        suggestion = None
        if tree is not None and total < 3:
            suggestion = suggest(self.multi, text, tree)
        return SearchResult(
            request=request,
            total=total,
            hits=hits,
            seconds=time.perf_counter() - started,
            highlight=plan.highlight,
            facets=_facet_counts(facet_answer) if request.facets else {},
            suggestion=suggestion,
            notices=self._date_notices(stats) if stats and tree and has_dates(tree) else (),
        )

    def _remember(self, name: str, term: str, found: int) -> None:
        if len(self._frequencies) > _DF_CACHE:
            self._frequencies.clear()
        self._frequencies[(name, term)] = found

    def _union(
        self, plan: Plan, found: Mapping[int, int], request: SearchRequest
    ) -> tuple[int, dict[str, Any]]:
        """The exact size (and facets) of an OR no filter expresses: its branches' ids."""
        if sum(found.values()) > UNION_CAP:
            raise QueryError(
                f"this OR of phrases, prefixes or excluded words matches more than "
                f"{UNION_CAP:,} articles, too many to count exactly on the Typesense backend; "
                "narrow it with another word, a field or a date"
            )
        searches = [
            _params(branch, "newest", PAGE_MAX, page, ["id"])
            for number, branch in enumerate(plan.branches)
            for page in range(1, -(-found.get(number, 0) // PAGE_MAX) + 1)
        ]
        ids = {hit["document"]["id"] for answer in self.multi(searches) for hit in answer["hits"]}
        counted = self.multi([_count(fx.one_of("aid", ids)) | _facets(request)])[0]
        return len(ids), counted

    def _records(self, ids: list[str]) -> dict[str, str]:
        """The stored records of the hits shown (only they need one, for their snippets)."""
        chunks = [ids[i : i + PAGE_MAX] for i in range(0, len(ids), PAGE_MAX)]
        searches = [
            _count(fx.one_of("aid", chunk))
            | {"per_page": len(chunk), "include_fields": "id,record"}
            for chunk in chunks
        ]
        return {
            hit["document"]["id"]: hit["document"].get("record", "")
            for found in self.multi(searches)
            for hit in found["hits"]
        }

    def _hit(self, doc: dict[str, Any], score: float, plan: Plan, record: str | None) -> SearchHit:
        snippet = Snippet()
        if record is not None:
            try:
                paragraphs = json.loads(record).get("paragraphs", [])
            except ValueError:
                paragraphs = []
            snippet = make_snippet(paragraphs, plan.highlight, self._snippet_chars)
        return search_hit(doc, self._archive, score, snippet)

    def _date_notices(self, stats: Stats) -> tuple[str, ...]:
        undated = self._undated or 0
        if not undated:
            return ()
        if undated == stats.documents:
            return ("no article in this archive has a date of its own, so date: finds none",)
        return (f"{undated:,} articles have no date of their own; date: leaves them out",)


def search_hit(
    doc: Mapping[str, Any], archive: Path, score: float, snippet: Snippet | None = None
) -> SearchHit:
    """The result-list entry of a document (its ``HIT_FIELDS``)."""
    return SearchHit(
        id=str(doc["id"]),
        path=str(archive / str(doc.get("file", ""))),
        title=str(doc.get("title", "")),
        source=doc.get("source"),
        date=doc.get("date"),
        score=float(score),
        snippet=snippet or Snippet(),
        section=doc.get("section"),
        url=doc.get("url"),
    )


def _request_filter(request: SearchRequest) -> fx.Expr:
    by_field: dict[str, list[str]] = {}
    for item in request.filters:
        by_field.setdefault(item.field, []).append(item.value)
    parts = [fx.one_of(name, values) for name, values in by_field.items()]
    if request.include_ids is not None:
        parts.append(fx.one_of("aid", request.include_ids))
    parts.append(fx.none_of("aid", request.exclude_ids))
    return fx.all_of(parts)


def _strict(branch: Branch) -> dict[str, Any]:
    text = branch.text
    weights = ",".join("3" if name == "t" else "1" for name in text.fields)
    params: dict[str, Any] = {
        "q": text.q,
        "query_by": ",".join(text.fields),
        "query_by_weights": weights,
        "prefix": ",".join(["true" if text.prefix else "false"] * len(text.fields)),
        "num_typos": text.typos,
        "typo_tokens_threshold": 1_000_000 if text.typos else 0,
        "drop_tokens_threshold": 0,
        "highlight_fields": "none",
    }
    if text.prefix or text.typos:
        # Without it a prefix stands for its 4 most frequent words only, typos likewise.
        params["exhaustive_search"] = True
    if text.typos:
        params.update(min_len_1typo=1, min_len_2typo=1)
    rendered = fx.render(branch.filter)
    if rendered:
        params["filter_by"] = rendered
    return params


def _params(
    branch: Branch, sort: str, per_page: int, page: int, include: Sequence[str]
) -> dict[str, Any]:
    order = {
        "relevance": "_text_match:desc,published:desc",
        "newest": "published:desc",
        "oldest": "oldest:asc",
    }[sort]
    if branch.text.q == "*" and sort == "relevance":
        order = "published:desc"
    return _strict(branch) | {
        "sort_by": order,
        "per_page": per_page,
        "page": page,
        "include_fields": ",".join(dict.fromkeys(include)),
    }


def _count(condition: fx.Expr, branch: Branch | None = None) -> dict[str, Any]:
    """A count-only search: ``branch``'s text query (else every article) under ``condition``."""
    text = branch.text if branch is not None else TextSearch()
    return _strict(Branch(text, condition)) | {"per_page": 0}


def _facets(request: SearchRequest) -> dict[str, Any]:
    if not request.facets:
        return {}
    return {"facet_by": ",".join(FACETS), "max_facet_values": FACET_LIMIT}


def _pages(start: int, end: int, rank: bool) -> list[tuple[int, int]]:
    """(page, per_page) pairs covering hits ``start`` to ``end`` (the whole window to rank)."""
    if end <= PAGE_MAX:
        return [(1, max(end, WINDOW) if rank else end)]
    first, last = start // PAGE_MAX + 1, (end - 1) // PAGE_MAX + 1
    return [(page, PAGE_MAX) for page in range(first, last + 1)]


def _merge(
    rows: list[tuple[int, int, dict[str, Any]]], sort: str, single: bool
) -> list[tuple[float, dict[str, Any]]]:
    """The hits of every branch, each article once, in the requested order."""
    if single:
        return [(float(hit.get("text_match", 0)), hit["document"]) for _, _, hit in rows]

    def key(row: tuple[int, int, dict[str, Any]]) -> tuple[float, int, int]:
        number, position, hit = row
        doc = hit["document"]
        if sort == "newest":
            return (-float(doc.get("published", 0)), position, number)
        if sort == "oldest":
            return (float(doc.get("oldest", 0)), position, number)
        return (-float(hit.get("text_match", 0)), position, number)

    seen: set[str] = set()
    merged = []
    for row in sorted(rows, key=key):
        doc = row[2]["document"]
        if doc["id"] not in seen:
            seen.add(doc["id"])
            merged.append((float(row[2].get("text_match", 0)), doc))
    return merged


def _facet_stats(answer: Mapping[str, Any], field: str) -> dict[str, Any]:
    for facet in answer.get("facet_counts", []):
        if facet.get("field_name") == field:
            return dict(facet.get("stats", {}))
    return {}


def _facet_counts(answer: Mapping[str, Any]) -> dict[FacetField, tuple[FacetCount, ...]]:
    counted: dict[FacetField, tuple[FacetCount, ...]] = {}
    for facet in answer.get("facet_counts", []):
        name = facet.get("field_name")
        if name not in FACETS:
            continue
        pairs = [(str(c["value"]), int(c["count"])) for c in facet.get("counts", []) if c["count"]]
        if name == "year":
            pairs.sort(reverse=True)
        else:
            pairs.sort(key=lambda pair: (-pair[1], pair[0].casefold()))
        counted[name] = tuple(FacetCount(v, c) for v, c in pairs)
    return counted
