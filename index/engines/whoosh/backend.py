"""The Whoosh implementation of :class:`index.api.backend.Backend`."""

from __future__ import annotations

import functools
import threading
import time
from collections import OrderedDict
from pathlib import Path
from typing import Any

from whoosh import query, sorting
from whoosh.index import EmptyIndexError

from index.api.backend import ReadingStore
from index.api.errors import ArticleNotFound, IndexMissing
from index.api.parse import parse_query
from index.api.query import State, has_dates, resolve_states, walk
from index.api.records import (
    FacetField,
    Highlight,
    HitFinder,
    IndexStatus,
    ProgressFn,
    SearchHit,
    SearchRequest,
    SearchResult,
    Snippet,
    SpeakerCount,
    SpeakerQuote,
    UpdateReport,
)
from index.corpus.article import Article
from index.corpus.record import BadRecord, article_from_record, unpack
from index.engines.whoosh.docsets import DocSets
from index.engines.whoosh.highlight import hit_spans, make_snippet
from index.engines.whoosh.ranking import bm25f_scores, top, unscored
from index.engines.whoosh.schema import build_schema
from index.engines.whoosh.scoring import NewsWeighting
from index.engines.whoosh.spelling import load_vocabulary, suggest
from index.engines.whoosh.storage import open_storage, whoosh_dir
from index.engines.whoosh.translate import Translator, highlight_of, scoring_terms
from index.pipeline.reading import StateFile, state_path
from index.pipeline.store import MANIFEST_NAME, write_lock

_FACET_COLUMNS: dict[FacetField, str] = {
    "source": "source_facet",
    "section": "section_facet",
    "year": "year",
}
_ORDER_CACHE = 8
_FIRST_PAGES = 200
"""Hits ordered on a first search; scrolling past them orders every hit once."""


class WhooshBackend:
    """An archive indexed with Whoosh, searched in-process."""

    def __init__(
        self,
        archive: Path,
        index_dir: Path,
        *,
        max_bytes: int,
        snippet_chars: int = 200,
        create: bool = True,
    ) -> None:
        self._archive = archive
        self.index_dir = index_dir
        self._max_bytes = max_bytes
        self._snippet_chars = snippet_chars
        self._lock = threading.RLock()
        self._orders: OrderedDict[tuple[Any, ...], list[tuple[float, int]]] = OrderedDict()
        storage = open_storage(index_dir)
        try:
            self._ix = storage.open_index()
        except (EmptyIndexError, OSError):
            if not create:
                raise IndexMissing(f"no index for {archive} in {index_dir}") from None
            with write_lock(index_dir, wait=10.0):
                storage.create()
                try:
                    self._ix = storage.open_index()
                except EmptyIndexError:
                    self._ix = storage.create_index(build_schema())
        self._words: list[str] | None = None
        self._sets: DocSets | None = None
        self._weighting = NewsWeighting()
        self._searcher = self._ix.searcher(weighting=self._weighting)
        self._id_sets: dict[frozenset[str], frozenset[int]] = {}
        self._reading = StateFile(state_path(archive))

    def _vocabulary(self) -> list[str]:
        if self._words is None:
            self._words = load_vocabulary(whoosh_dir(self.index_dir))
        return self._words

    @property
    def archive(self) -> Path:
        """The archive folder."""
        return self._archive

    @property
    def reading(self) -> ReadingStore:
        """The reader's marks on this archive (kept beside the index, per user)."""
        return self._reading

    # -- searching -------------------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResult:
        """Run a search in the whole query language (``is:`` included).

        Raises:
            QueryError: For a query that cannot be understood (the message says why).
        """
        started = time.perf_counter()
        text = request.query.strip()
        tree = parse_query(text)  # refused at once, before any engine work
        if tree is not None and any(isinstance(leaf, State) for leaf in walk(tree)):
            marks = self._reading.load()
            tree = resolve_states(tree, marks.read, frozenset(marks.bookmarks))
        with self._lock:
            reader = self._searcher.reader()
            docsets = self._docsets()
            translator = Translator(reader, self._vocabulary, self._ids)
            q = translator.translate(tree) if tree is not None else query.Every()
            sort = request.sort
            if tree is None and sort == "relevance":
                sort = "newest"  # no words to rank by: the newest articles first
            try:
                matches = self._matches(docsets, q, request)
                order = self._ordered(docsets, q, request, sort, matches)
            finally:
                docsets.forget_postings()
            page = order[request.offset : request.offset + request.limit]
            highlight = highlight_of(q)
            hits = tuple(
                self._hit(docnum, score, highlight, request.snippets) for score, docnum in page
            )
            facets = docsets.count_facets(matches) if request.facets else {}
            suggestion = None
            if tree is not None and len(matches) < 3:
                suggestion = suggest(text, tree, reader, self._vocabulary())
            notices = self._date_notices(docsets) if tree is not None and has_dates(tree) else ()
        return SearchResult(
            request=request,
            total=len(matches),
            hits=hits,
            seconds=time.perf_counter() - started,
            highlight=highlight,
            facets=facets,
            suggestion=suggestion,
            notices=notices,
        )

    def _date_notices(self, docsets: DocSets) -> tuple[str, ...]:
        """Say so when date: cannot see every article (some or all have no date)."""
        undated = docsets.undated()
        if not undated:
            return ()
        if len(undated) == len(docsets.live()):
            return ("no article in this archive has a date of its own, so date: finds none",)
        return (f"{len(undated):,} articles have no date of their own; date: leaves them out",)

    def _ids(self, ids: frozenset[str]) -> frozenset[int]:
        """Document numbers of the articles with these ids (cached per set of ids)."""
        found = self._id_sets.get(ids)
        if found is None:
            docsets = self._docsets()
            found = frozenset().union(*(docsets.term("id", i) for i in ids)) if ids else frozenset()
            self._id_sets[ids] = found
            while len(self._id_sets) > _ORDER_CACHE:
                self._id_sets.pop(next(iter(self._id_sets)))
        return found

    def hit_finder(self, highlight: Highlight) -> HitFinder:
        """Finds hits as this index matches words: stemmed and accent-folded."""
        return functools.partial(hit_spans, highlight=highlight)

    def _docsets(self) -> DocSets:
        if self._sets is None:
            self._sets = DocSets(self._searcher, _FACET_COLUMNS)
        return self._sets

    def _matches(
        self, docsets: DocSets, q: query.Query, request: SearchRequest
    ) -> frozenset[int] | set[int]:
        """Documents matching the query, the facet filters and the id filters."""
        matches = docsets.of(q)
        by_field: dict[str, set[int]] = {}
        for item in request.filters:
            column = _FACET_COLUMNS[item.field]
            by_field.setdefault(item.field, set()).update(docsets.term(column, item.value))
        for allowed in sorted(by_field.values(), key=len):
            matches = matches & allowed
        if request.include_ids is not None:
            matches = matches & self._ids(request.include_ids)
        if request.exclude_ids:
            matches = matches - self._ids(request.exclude_ids)
        return matches

    def _ordered(
        self,
        docsets: DocSets,
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
        # The first pages are cheap; once the user scrolls far, order every hit once.
        limit: int | None = max(wanted, _FIRST_PAGES)
        if cached is not None or wanted > _FIRST_PAGES:
            limit = None
        if sort == "relevance":
            found = self._ranked(q, matches, request, limit)
        else:
            newest = sort == "newest"
            found = [(0.0, d) for d in docsets.in_date_order(matches, newest, limit)]
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
    ) -> list[tuple[float, int]]:
        """The matches ranked by BM25F times a mild recency lift.

        Which documents match is already known (``matches``); ranking only needs their
        scores, the sum of each scoring word's BM25F score (see index.ranking). The recency
        lift (index.scoring) then lets a fresh article beat an old one of about the same
        relevance, never a clearly better match.
        """
        if not matches:
            return []  # (Whoosh would read an empty filter as no filter at all)
        words = scoring_terms(q)
        if not words:  # only dates or filters: nothing to rank by but time
            newest = self._docsets().in_date_order(matches, True, limit)
            return [(0.0, docnum) for docnum in newest]
        docsets = self._docsets()
        scores = bm25f_scores(
            self._searcher,
            self._weighting,
            words,
            matches,
            known=docsets.known_counts,
            kept=docsets.kept_postings,
        )
        lift = self._weighting.factors(self._searcher)
        ranked = top(scores, lift, limit)
        if len(scores) < len(matches) and (limit is None or len(ranked) < limit):
            # Matches holding no scoring word (an OR branch of prefixes, say) come last,
            # newest first.
            wanted = None if limit is None else limit - len(ranked)
            rest = self._docsets().in_date_order(unscored(matches, scores), True, wanted)
            ranked.extend((0.0, docnum) for docnum in rest)
        return ranked if limit is None else ranked[:limit]

    def _hit(self, docnum: int, score: Any, highlight: Highlight, snippets: bool) -> SearchHit:
        stored = self._searcher.stored_fields(docnum)
        info = stored.get("info") or {}
        snippet = Snippet()
        if snippets:
            snippet = self._snippet(stored, info, highlight)
        return SearchHit(
            id=stored["id"],
            path=str(self._archive / stored["file"]),
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
            body = self._stored_article(stored).body
        except BadRecord:
            body = lead
        return make_snippet(body or lead, highlight, self._snippet_chars)

    # -- articles --------------------------------------------------------------------------

    def article(self, ref: str) -> Article:
        """One article by id or by the path of its file, as indexed (the stored record).

        Raises:
            ArticleNotFound: When no indexed article has that id or comes from that file.
        """
        with self._lock:
            stored = self._searcher.document(id=ref)
            if stored is None:
                rel = self._relative(ref)
                stored = self._searcher.document(file=rel) if rel is not None else None
        if stored is None:
            raise ArticleNotFound(f"no article with id or path {ref!r} in {self._archive}")
        try:
            return self._stored_article(stored)
        except BadRecord as exc:
            raise ArticleNotFound(
                f"{ref}: {exc}; rebuild the index (newsdesk index --rebuild)"
            ) from None

    def _relative(self, ref: str) -> str | None:
        """The archive-relative path of a file named by ``ref``, or None when it is not one."""
        path = Path(ref).expanduser()
        candidates = [path] if path.is_absolute() else [Path.cwd() / path, self._archive / path]
        for candidate in candidates:
            if candidate.is_file():
                try:
                    return candidate.resolve().relative_to(self._archive).as_posix()
                except ValueError:
                    return None
        return None

    def _stored_article(self, stored: dict[str, Any]) -> Article:
        data = stored.get("record")
        if not isinstance(data, bytes):
            raise BadRecord("no stored record")
        return article_from_record(unpack(data), self._archive)

    def related(self, ref: str, limit: int = 10) -> tuple[SearchHit, ...]:
        """Articles most like the given one (by id or path; more-like-this on title and body)."""
        article = self.article(ref)
        with self._lock:
            docnum = self._searcher.document_number(id=article.id)
            if docnum is None:
                return ()
            text = f"{article.title}\n{article.body}"
            results = self._searcher.more_like(docnum, "body", text=text, top=limit, numterms=12)
            return tuple(self._hit(hit.docnum, hit.score, Highlight(), False) for hit in results)

    def speakers(self, limit: int | None = None) -> tuple[SpeakerCount, ...]:
        """Speakers across the archive, most quoted first."""
        with self._lock:
            reader = self._searcher.reader()
            counts: list[SpeakerCount] = []
            if "speaker_name" not in reader.indexed_field_names():
                return ()
            for btext in reader.lexicon("speaker_name"):
                postings = reader.postings("speaker_name", btext)
                articles = quotes = 0
                while postings.is_active():
                    if not reader.is_deleted(postings.id()):
                        articles += 1
                        quotes += int(postings.weight())
                    postings.next()
                if articles:
                    counts.append(SpeakerCount(btext.decode("utf-8"), quotes, articles))
        counts.sort(key=lambda s: (-s.quotes, -s.articles, s.name))
        return tuple(counts[:limit] if limit else counts)

    def quotes_by(self, speaker: str, limit: int = 200) -> tuple[SpeakerQuote, ...]:
        """Quotes by one speaker across the archive, newest article first."""
        with self._lock:
            results = self._searcher.search(
                query.Term("speaker_name", speaker),
                limit=None,
                sortedby=sorting.FieldFacet("date", reverse=True),
            )
            stored_docs = [self._searcher.stored_fields(docnum) for _, docnum in results.top_n]
        found: list[SpeakerQuote] = []
        for stored in stored_docs:
            try:
                article = self._stored_article(stored)
            except BadRecord:
                continue
            date = article.date
            for quote in article.quotes:
                if quote.speaker == speaker:
                    found.append(
                        SpeakerQuote(quote, article.id, article.title, article.source, date)
                    )
            if len(found) >= limit:
                break
        return tuple(found[:limit])

    # -- index upkeep ----------------------------------------------------------------------

    def status(self) -> IndexStatus:
        """Size and freshness of the index."""
        manifest = whoosh_dir(self.index_dir) / MANIFEST_NAME
        try:
            updated: float | None = manifest.stat().st_mtime
        except OSError:
            updated = None
        with self._lock:
            count = self._searcher.doc_count()
            stale = not self._searcher.up_to_date()
        return IndexStatus(str(self._archive), str(self.index_dir), count, stale, updated)

    def update(
        self, *, rebuild: bool = False, progress: ProgressFn | None = None, wait: float = 0.0
    ) -> UpdateReport:
        """Bring the index up to date with the archive folder."""
        from index.engines.whoosh.build import update_index  # writing code loads only when needed

        report = update_index(
            self._archive,
            self.index_dir,
            rebuild=rebuild,
            max_bytes=self._max_bytes,
            progress=progress,
            wait=wait,
        )
        self.refresh()
        return report

    def refresh(self) -> bool:
        """Pick up changes another process committed; True when there were any."""
        with self._lock:
            if self._searcher.up_to_date():
                return False
            # A fresh searcher rather than Searcher.refresh(): Whoosh 2.7 fails to refresh a
            # reader of an empty index, and reusing segment readers saves little here.
            old, self._searcher = self._searcher, self._ix.searcher(weighting=self._weighting)
            old.close()
            self._orders.clear()
            self._id_sets.clear()
            self._words = None
            self._sets = None
            return True

    def close(self) -> None:
        """Release open files."""
        with self._lock:
            self._searcher.close()
