"""One generation of an open index: its searcher and everything cached for it.

A new generation (after a commit) gets a new view, so caches never outlive the documents
they describe. The view answers the engine's questions in document numbers: which documents
match, in what order, and what each one's hit looks like.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path
from typing import Any

from whoosh import query

from index.api.records import FacetField, Highlight, SearchHit, SearchRequest, Snippet
from index.corpus.article import PARAGRAPH_SEPARATOR, Article
from index.corpus.record import RECORD_VERSION, BadRecord, article_from_record, unpack
from index.engines.whoosh.docsets import DocSets
from index.engines.whoosh.every import rank_every
from index.engines.whoosh.highlight import make_snippet
from index.engines.whoosh.keys import rel_of_key
from index.engines.whoosh.ranking import ScoreCache, bm25f_scores, top, unscored
from index.engines.whoosh.scoring import NewsWeighting
from index.engines.whoosh.topk import LiftBounds, top_k
from index.engines.whoosh.translate import scoring_terms

FACET_COLUMNS: dict[FacetField, str] = {
    "source": "source_facet",
    "section": "section_facet",
    "year": "year",
}
_ORDER_CACHE = 8
_FIRST_PAGES = 200
"""Hits ordered on a first search; scrolling past them orders every hit once."""
_FEW = 4
"""Matches up to this many times the hits wanted are all scored (skipping blocks of
postings pays off only when most matches stay out of the first pages)."""
_MANY = 8
"""Scoring words past which every match is scored (a prefix's expansions): their bounds,
summed, leave few matches out, and finding that out costs more than scoring them."""


class View:
    """A searcher of one index generation, with its document sets and caches."""

    def __init__(self, ix: Any, archive: Path, snippet_chars: int) -> None:
        self.weighting = NewsWeighting()
        self.searcher = ix.searcher(weighting=self.weighting)
        self.docsets = DocSets(self.searcher, FACET_COLUMNS)
        self._archive = archive
        self._snippet_chars = snippet_chars
        self._orders: OrderedDict[tuple[Any, ...], list[tuple[float, int]]] = OrderedDict()
        self._id_sets: dict[frozenset[str], frozenset[int]] = {}
        self._scores = ScoreCache()
        self._lift: LiftBounds | None = None

    def close(self) -> None:
        """Release the searcher's files."""
        self.searcher.close()

    def ids(self, ids: frozenset[str]) -> frozenset[int]:
        """Document numbers of the articles with these ids (cached per set of ids)."""
        found = self._id_sets.get(ids)
        if found is None:
            terms = (self.docsets.term("id", i) for i in ids)
            found = frozenset().union(*terms) if ids else frozenset()
            self._id_sets[ids] = found
            while len(self._id_sets) > _ORDER_CACHE:
                self._id_sets.pop(next(iter(self._id_sets)))
        return found

    def date_notices(self) -> tuple[str, ...]:
        """Say so when date: cannot see every article (some or all have no date)."""
        undated = self.docsets.undated()
        if not undated:
            return ()
        if len(undated) == len(self.docsets.live()):
            return ("no article in this archive has a date of its own, so date: finds none",)
        return (f"{len(undated):,} articles have no date of their own; date: leaves them out",)

    def stored_article(self, stored: dict[str, Any]) -> Article:
        """The article record stored with a document.

        Raises:
            BadRecord: When the document has no readable record.
        """
        data = stored.get("record")
        if not isinstance(data, bytes):
            raise BadRecord("no stored record")
        return article_from_record(unpack(data), self._archive)

    def matches(self, q: query.Query, request: SearchRequest) -> frozenset[int] | set[int]:
        """Documents matching the query, the facet filters and the id filters."""
        docsets = self.docsets
        matches = docsets.of(q)
        by_field: dict[str, set[int]] = {}
        for item in request.filters:
            column = FACET_COLUMNS[item.field]
            by_field.setdefault(item.field, set()).update(docsets.term(column, item.value))
        for allowed in sorted(by_field.values(), key=len):
            matches = matches & allowed
        if request.include_ids is not None:
            matches = matches & self.ids(request.include_ids)
        if request.exclude_ids:
            matches = matches - self.ids(request.exclude_ids)
        return matches

    def ordered(
        self,
        q: query.Query,
        request: SearchRequest,
        sort: str,
        matches: frozenset[int] | set[int],
    ) -> list[tuple[float, int]]:
        """(score, docnum) pairs covering at least the requested page, best first."""
        wanted = request.offset + request.limit
        key = (q, sort, request.filters, request.include_ids, request.exclude_ids)
        cached = self._orders.get(key)
        if cached is not None and (len(cached) >= wanted or len(cached) == len(matches)):
            self._orders.move_to_end(key)
            return cached
        # The first pages are cheap (the page asked for alone, when bounds can rank it);
        # once the user scrolls far, order every hit once.
        limit: int | None = max(wanted, _FIRST_PAGES)
        if wanted > _FIRST_PAGES or (cached is not None and sort != "relevance"):
            limit = None
        if sort == "relevance":
            found = self._ranked(q, matches, request, limit, wanted)
        else:
            newest = sort == "newest"
            found = [(0.0, d) for d in self.docsets.in_date_order(matches, newest, limit)]
        self._orders[key] = found
        while len(self._orders) > _ORDER_CACHE:
            self._orders.popitem(last=False)
        return found

    def _ranked(
        self,
        q: query.Query,
        matches: frozenset[int] | set[int],
        request: SearchRequest,
        limit: int | None,
        first: int | None = None,
    ) -> list[tuple[float, int]]:
        """The first ``limit`` matches (None: all) ranked by BM25F times a mild recency
        lift; only the first ``first`` when bounds can rank those alone.

        Which documents match is already known (``matches``); ranking only needs their
        scores, the sum of each scoring word's BM25F score (see ranking.py). The recency
        lift (scoring.py) then lets a fresh article beat an old one of about the same
        relevance, never a clearly better match. The first pages of many matches come from
        topk.py when its bounds can tell them (the same hits and scores).
        """
        if not matches:
            return []  # (Whoosh would read an empty filter as no filter at all)
        words = scoring_terms(q)
        if not words:  # only dates or filters: nothing to rank by but time
            newest = self.docsets.in_date_order(matches, True, limit)
            return [(0.0, docnum) for docnum in newest]
        docsets = self.docsets
        page = limit if first is None or limit is None else min(first, limit)
        if page is not None and len(words) <= _MANY:
            # A first page: from block bounds when matches far outnumber it, else by scoring
            # matches word by word; both take the same arguments.
            page_of = (self.searcher, self.weighting, words, matches, self.lift(), page)
            if len(matches) > _FEW * page:
                best = top_k(*page_of, kept=docsets.kept_postings, cache=self._scores)
                if best is not None:
                    if len(best) < page:  # every match holding a scoring word is there
                        others = matches - {docnum for _, docnum in best}
                        newest = self.docsets.in_date_order(others, True, page - len(best))
                        best.extend((0.0, docnum) for docnum in newest)
                    return best
            ranked_every = rank_every(
                *page_of,
                known=docsets.known_counts,
                kept=docsets.kept_postings,
                cache=self._scores,
            )
            if ranked_every is not None:
                best, unheld = ranked_every
                if len(best) < page:  # matches holding no scoring word come last
                    newest = self.docsets.in_date_order(unheld, True, page - len(best))
                    best.extend((0.0, docnum) for docnum in newest)
                return best
        scores = bm25f_scores(
            self.searcher,
            self.weighting,
            words,
            matches,
            known=docsets.known_counts,
            kept=docsets.kept_postings,
            cache=self._scores,
        )
        ranked = top(scores, self.lift().lift, limit)
        if len(scores) < len(matches) and (limit is None or len(ranked) < limit):
            # Matches holding no scoring word (an OR branch of prefixes, say) come last,
            # newest first.
            wanted = None if limit is None else limit - len(ranked)
            rest = self.docsets.in_date_order(unscored(matches, scores), True, wanted)
            ranked.extend((0.0, docnum) for docnum in rest)
        return ranked if limit is None else ranked[:limit]

    def lift(self) -> LiftBounds:
        """Every document's recency lift, with its highest value per run of documents."""
        if self._lift is None:
            self._lift = LiftBounds(self.weighting.factors(self.searcher))
        return self._lift

    def hit(self, docnum: int, score: Any, highlight: Highlight, snippets: bool) -> SearchHit:
        stored = self.searcher.stored_fields(docnum)
        info = stored.get("info") or {}
        snippet = Snippet()
        if snippets:
            snippet = self._snippet(stored, info, highlight)
        return SearchHit(
            id=stored["id"],
            path=str(self._archive / rel_of_key(stored["file"])),
            title=stored.get("title", ""),
            source=stored.get("source_facet"),
            date=info.get("date"),
            score=float(score) if isinstance(score, int | float) else 0.0,
            snippet=snippet,
            section=stored.get("section_facet"),
            url=info.get("url"),
        )

    def _snippet(
        self, stored: dict[str, Any], info: dict[str, Any], highlight: Highlight
    ) -> Snippet:
        lead = info.get("lead", "")
        if not highlight:
            return make_snippet(lead, highlight, self._snippet_chars)
        try:
            body = stored_body(stored)
        except BadRecord:
            body = lead
        return make_snippet(body or lead, highlight, self._snippet_chars)


def stored_body(stored: dict[str, Any]) -> str:
    """The body of the article record stored with a document (what ``stored_article``'s
    article holds), without building the rest of the article: a snippet needs no quotes.

    Raises:
        BadRecord: When the document has no readable record.
    """
    data = stored.get("record")
    if not isinstance(data, bytes):
        raise BadRecord("no stored record")
    record = unpack(data)
    if record.get("v") != RECORD_VERSION:
        raise BadRecord(f"stored record version {record.get('v')!r}, expected {RECORD_VERSION}")
    paragraphs = record.get("paragraphs")
    if not isinstance(paragraphs, list) or not all(isinstance(p, str) for p in paragraphs):
        raise BadRecord("damaged stored record (paragraphs)")
    return PARAGRAPH_SEPARATOR.join(paragraphs)
