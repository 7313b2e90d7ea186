"""The Whoosh implementation of :class:`index.backend.Backend`."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from pathlib import Path
from typing import Any

from whoosh import query, sorting
from whoosh.index import EmptyIndexError

from index.docsets import DocSets
from index.errors import ArticleNotFound, IndexMissing, UnreadableFile
from index.highlight import make_snippet
from index.model import (
    Article,
    FacetField,
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
from index.query import make_parser, parse_query, plain_words, scoring_terms
from index.ranking import bm25f_scores, top, unscored
from index.read import read_file, read_record
from index.schema import build_schema
from index.scoring import NewsWeighting
from index.spelling import load_vocabulary, suggest
from index.store import MANIFEST_NAME, open_storage, whoosh_dir, write_lock

_FACET_COLUMNS: dict[FacetField, str] = {
    "source": "source_facet",
    "section": "section_facet",
    "year": "year",
}
_HIGHLIGHT_FIELDS = frozenset({"title", "body", "captions", "quotes", "speaker"})
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
        self._parser = make_parser(self._ix.schema)

    def _vocabulary(self) -> list[str]:
        if self._words is None:
            self._words = load_vocabulary(whoosh_dir(self.index_dir))
        return self._words

    @property
    def archive(self) -> Path:
        """The archive folder."""
        return self._archive

    # -- searching -------------------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResult:
        """Run a search. Raises :class:`index.errors.QueryError` for a bad query."""
        started = time.perf_counter()
        with self._lock:
            reader = self._searcher.reader()
            text = request.query.strip()
            parsed = parse_query(self._parser, text, reader, self._vocabulary) if text else None
            q = parsed.query if parsed else query.Every()
            sort = request.sort
            if parsed is None and sort == "relevance":
                sort = "newest"  # no words to rank by: the newest articles first
            docsets = self._docsets()
            try:
                matches = self._matches(docsets, q, request)
                order = self._ordered(docsets, q, request, sort, matches)
            finally:
                docsets.forget_postings()
            page = order[request.offset : request.offset + request.limit]
            terms = tuple(dict.fromkeys(t for f, t in plain_words(q) if f in _HIGHLIGHT_FIELDS))
            hits = tuple(
                self._hit(docnum, score, terms, request.snippets) for score, docnum in page
            )
            facets = docsets.count_facets(matches) if request.facets else {}
            suggestion = None
            if parsed is not None and len(matches) < 3:
                suggestion = suggest(text, reader, self._vocabulary())
        return SearchResult(
            request=request,
            total=len(matches),
            hits=hits,
            seconds=time.perf_counter() - started,
            terms=terms,
            facets=facets,
            suggestion=suggestion,
        )

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
            matches = matches & self._docnums(docsets, request.include_ids)
        if request.exclude_ids:
            matches = matches - self._docnums(docsets, request.exclude_ids)
        return matches

    def _docnums(self, docsets: DocSets, ids: frozenset[str]) -> set[int]:
        found: set[int] = set()
        for article_id in ids:
            found |= docsets.term("id", article_id)
        return found

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

    def _hit(self, docnum: int, score: Any, terms: tuple[str, ...], snippets: bool) -> SearchHit:
        stored = self._searcher.stored_fields(docnum)
        info = stored.get("info") or {}
        snippet = Snippet()
        if snippets:
            snippet = self._snippet(stored, info, terms)
        return SearchHit(
            id=stored["id"],
            path=str(self._archive / stored["file"]),
            title=stored.get("title", ""),
            source=stored.get("source_facet"),
            date=None if info.get("fallback") else info.get("date"),
            score=float(score) if isinstance(score, int | float) else 0.0,
            snippet=snippet,
            section=stored.get("section_facet"),
            url=info.get("url"),
        )

    def _snippet(
        self, stored: dict[str, Any], info: dict[str, Any], terms: tuple[str, ...]
    ) -> Snippet:
        lead = info.get("lead", "")
        if not terms:
            return make_snippet(lead, (), self._snippet_chars)
        try:
            article = self._read(stored, quotes=False)
        except (UnreadableFile, ArticleNotFound):
            return make_snippet(lead, terms, self._snippet_chars)
        return make_snippet(article.body or lead, terms, self._snippet_chars)

    # -- articles --------------------------------------------------------------------------

    def article(self, ref: str) -> Article:
        """One article by id or path, with its quotes. Raises ``ArticleNotFound``."""
        with self._lock:
            stored = self._searcher.document(id=ref)
        if stored is not None:
            return self._read(stored, quotes=True)
        path = Path(ref).expanduser()
        candidates = [path] if path.is_absolute() else [Path.cwd() / path, self._archive / path]
        for candidate in candidates:
            if candidate.is_file():
                rel = _relative(candidate.resolve(), self._archive)
                try:
                    return next(read_file(candidate, rel=rel, max_bytes=self._max_bytes))
                except UnreadableFile as exc:
                    raise ArticleNotFound(str(exc)) from None
        raise ArticleNotFound(f"no article with id or path {ref!r} in {self._archive}")

    def _read(self, stored: dict[str, Any], *, quotes: bool) -> Article:
        info = stored.get("info") or {}
        rel = stored["file"]
        path = self._archive / rel
        try:
            if info.get("line"):
                offset = info.get("offset", 0)
                return read_record(path, rel, info["line"], offset, self._max_bytes, quotes=quotes)
            return next(read_file(path, rel=rel, max_bytes=self._max_bytes, quotes=quotes))
        except UnreadableFile as exc:
            raise ArticleNotFound(f"{exc} (the index may be out of date)") from None

    def related(self, article_id: str, limit: int = 10) -> tuple[SearchHit, ...]:
        """Articles most like the given one (more-like-this on title and body)."""
        article = self.article(article_id)
        with self._lock:
            docnum = self._searcher.document_number(id=article_id)
            if docnum is None:
                return ()
            text = f"{article.title}\n{article.body}"
            results = self._searcher.more_like(docnum, "body", text=text, top=limit, numterms=12)
            return tuple(self._hit(hit.docnum, hit.score, (), False) for hit in results)

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
                article = self._read(stored, quotes=True)
            except ArticleNotFound:
                continue
            for quote in article.quotes:
                if quote.speaker == speaker:
                    date = None if article.date_is_fallback else article.date
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
        from index.build import update_index  # writing code loads only when needed

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
            self._words = None
            self._sets = None
            return True

    def close(self) -> None:
        """Release open files."""
        with self._lock:
            self._searcher.close()


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
