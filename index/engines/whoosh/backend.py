"""The Whoosh implementation of :class:`index.api.backend.Backend`."""

from __future__ import annotations

import functools
import threading
import time
from pathlib import Path

from whoosh import query, sorting

from index.api.backend import ReadingStore
from index.api.errors import ArticleNotFound, IndexDamaged, IndexMissing, IndexReadOnly
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
    SpeakerCount,
    SpeakerQuote,
    UpdateReport,
)
from index.corpus.article import Article
from index.corpus.record import BadRecord
from index.engines.whoosh.freshness import folders_unchanged
from index.engines.whoosh.highlight import hit_spans
from index.engines.whoosh.keys import file_key
from index.engines.whoosh.opening import (
    create_empty,
    open_for_reading,
    read_only,
    reported_as_damage,
)
from index.engines.whoosh.spelling import load_vocabulary, suggest
from index.engines.whoosh.storage import whoosh_dir
from index.engines.whoosh.translate import Translator, highlight_of
from index.engines.whoosh.view import View
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


_reading_index = reported_as_damage(lambda backend: backend.index_dir)
"""Damage met while reading the index is reported as one :class:`IndexDamaged` line."""


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
        outside_links: bool = False,
    ) -> None:
        self._archive = archive
        self._outside_links = outside_links
        self.index_dir = index_dir
        self._max_bytes = max_bytes
        self._snippet_chars = snippet_chars
        self._lock = threading.RLock()
        self._words: list[str] | None = None
        self._opened: View | None = None
        self._damage: IndexDamaged | None = None
        self._reading = StateFile(state_path(archive))
        self._folder = whoosh_dir(index_dir)
        """The Whoosh folder the open view reads (another extractor's while that one is
        annotated again)."""
        try:
            self._reopen()
        except IndexMissing:
            if not create:
                raise IndexMissing(f"no index for {archive} in {index_dir}") from None
            try:
                with write_lock(index_dir, wait=10.0):
                    create_empty(index_dir)
            except OSError as exc:
                raise IndexMissing(
                    f"no index for {archive} in {index_dir}, and none can be made there "
                    f"({exc.strerror or type(exc).__name__})"
                ) from None
            self._reopen()

    def _reopen(self) -> None:
        """Open the latest index generation; a damaged one leaves the backend damaged."""
        try:
            ix, view = open_for_reading(
                self.index_dir,
                lambda ix: View(ix, self._archive, self._snippet_chars),
                carried=True,
            )
        except IndexDamaged as exc:
            self._damage = exc
            return
        self._folder = Path(ix.storage.folder)
        old, self._opened, self._damage, self._words = self._opened, view, None, None
        if old is not None:
            old.close()

    @property
    def _view(self) -> View:
        """The open generation.

        Raises:
            IndexDamaged: When the index could not be read; :meth:`update` rebuilds it.
        """
        if self._opened is None or self._damage is not None:
            raise self._damage or IndexMissing(f"no index in {self.index_dir}")
        return self._opened

    def _vocabulary(self) -> list[str]:
        if self._words is None:
            self._words = load_vocabulary(self._folder)
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

    @_reading_index
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
            view = self._view
            reader = view.searcher.reader()
            translator = Translator(reader, self._vocabulary, view.ids)
            q = translator.translate(tree) if tree is not None else query.Every()
            sort = request.sort
            if tree is None and sort == "relevance":
                sort = "newest"  # no words to rank by: the newest articles first
            matches = view.matches(q, request)
            order = view.ordered(q, request, sort, matches)
            page = order[request.offset : request.offset + request.limit]
            highlight = highlight_of(q)
            hits = tuple(
                view.hit(docnum, score, highlight, request.snippets) for score, docnum in page
            )
            facets = view.docsets.count_facets(matches) if request.facets else {}
            suggestion = None
            if tree is not None and len(matches) < 3:
                suggestion = suggest(text, tree, reader, self._vocabulary())
            notices = view.date_notices() if tree is not None and has_dates(tree) else ()
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

    def hit_finder(self, highlight: Highlight) -> HitFinder:
        """Finds hits as this index matches words: stemmed and accent-folded."""
        return functools.partial(hit_spans, highlight=highlight)

    # -- articles --------------------------------------------------------------------------

    @_reading_index
    def article(self, ref: str) -> Article:
        """One article by id or by the path of its file, as indexed (the stored record).

        Raises:
            ArticleNotFound: When no indexed article has that id or comes from that file.
        """
        with self._lock:
            view = self._view
            stored = view.searcher.document(id=ref) if ref == file_key(ref) else None
            if stored is None:
                rel = self._relative(ref)
                stored = view.searcher.document(file=file_key(rel)) if rel is not None else None
        if stored is None:
            raise ArticleNotFound(f"no article with id or path {ref!r} in {self._archive}")
        try:
            return view.stored_article(stored)
        except BadRecord as exc:
            raise IndexDamaged(str(self.index_dir), f"the record of {ref}: {exc}") from None

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

    @_reading_index
    def related(self, ref: str, limit: int = 10) -> tuple[SearchHit, ...]:
        """Articles most like the given one (by id or path; more-like-this on title and body)."""
        article = self.article(ref)
        with self._lock:
            view = self._view
            docnum = view.searcher.document_number(id=article.id)
            if docnum is None:
                return ()
            text = f"{article.title}\n{article.body}"
            results = view.searcher.more_like(docnum, "body", text=text, top=limit, numterms=12)
            return tuple(view.hit(hit.docnum, hit.score, Highlight(), False) for hit in results)

    @_reading_index
    def speakers(self, limit: int | None = None) -> tuple[SpeakerCount, ...]:
        """Speakers across the archive, most quoted first; names that differ only in case
        (``Analysts``, ``analysts``) are one speaker, listed in their most quoted spelling."""
        groups: dict[str, list[tuple[int, str, set[int]]]] = {}
        with self._lock:
            reader = self._view.searcher.reader()
            if "speaker_name" not in reader.indexed_field_names():
                return ()
            for btext in reader.lexicon("speaker_name"):
                postings = reader.postings("speaker_name", btext)
                docs: set[int] = set()
                quotes = 0
                while postings.is_active():
                    if not reader.is_deleted(postings.id()):
                        docs.add(postings.id())
                        quotes += int(postings.weight())
                    postings.next()
                if docs:
                    name = btext.decode("utf-8")
                    groups.setdefault(name.casefold(), []).append((quotes, name, docs))
        counts = []
        for spellings in groups.values():
            _, name, _ = max(spellings, key=lambda s: (s[0], s[1]))
            quoted = sum(quotes for quotes, _, _ in spellings)
            counts.append(SpeakerCount(name, quoted, len(set().union(*(d for *_, d in spellings)))))
        counts.sort(key=lambda s: (-s.quotes, -s.articles, s.name))
        return tuple(counts[:limit] if limit else counts)

    def _speaker_names(self, wanted: str) -> set[str]:
        """The indexed speaker names ``wanted`` stands for: the same name in any case, else
        every name holding all its words (``okafor`` -> ``Grace Okafor``)."""
        key = wanted.casefold().split()
        with self._lock:
            reader = self._view.searcher.reader()
            if "speaker_name" not in reader.indexed_field_names():
                return set()
            names = [btext.decode("utf-8") for btext in reader.lexicon("speaker_name")]
        same = {name for name in names if name.casefold().split() == key}
        return same or {name for name in names if set(key) <= set(name.casefold().split())}

    @_reading_index
    def quotes_by(self, speaker: str, limit: int = 200) -> tuple[SpeakerQuote, ...]:
        """Quotes by one speaker across the archive, newest article first.

        ``speaker`` matches in any case, or by part of the name (a surname).
        """
        names = self._speaker_names(speaker)
        if not names:
            return ()
        with self._lock:
            view = self._view
            results = view.searcher.search(
                query.Or([query.Term("speaker_name", name) for name in sorted(names)]),
                limit=None,
                sortedby=sorting.FieldFacet("date", reverse=True),
            )
            stored_docs = [view.searcher.stored_fields(docnum) for _, docnum in results.top_n]
        found: list[SpeakerQuote] = []
        for stored in stored_docs:
            try:
                article = view.stored_article(stored)
            except BadRecord:
                continue
            for quote in article.quotes:
                if quote.speaker and quote.speaker.replace(",", " ") in names:
                    found.append(
                        SpeakerQuote(quote, article.id, article.title, article.source, article.date)
                    )
            if len(found) >= limit:
                break
        return tuple(found[:limit])

    # -- index upkeep ----------------------------------------------------------------------

    def status(self) -> IndexStatus:
        """Size and freshness of the index."""
        manifest = self._folder / MANIFEST_NAME
        try:
            updated: float | None = manifest.stat().st_mtime
        except OSError:
            updated = None
        with self._lock:
            if self._opened is None or self._damage is not None:
                return IndexStatus(str(self._archive), str(self.index_dir), 0, True, updated)
            count = self._opened.searcher.doc_count()
            carried = self._folder != whoosh_dir(self.index_dir)
            stale = carried or not self._opened.searcher.up_to_date()
        return IndexStatus(str(self._archive), str(self.index_dir), count, stale, updated)

    def update(
        self,
        *,
        rebuild: bool = False,
        progress: ProgressFn | None = None,
        wait: float = 0.0,
        procs: int | None = None,
        quick: bool = False,
    ) -> UpdateReport:
        """Bring the index up to date with the archive folder (``quick``: changed folders)."""
        quick = quick and not rebuild and self._damage is None  # a damaged index is rebuilt
        if quick and folders_unchanged(self._archive, self.index_dir):
            self.refresh()
            return UpdateReport(0, 0, 0, (), (), 0.0)
        from index.engines.whoosh.build import update_index  # writing code loads only when needed

        try:
            report = update_index(
                self._archive,
                self.index_dir,
                rebuild=rebuild,
                procs=procs,
                max_bytes=self._max_bytes,
                progress=progress,
                wait=wait,
                quick=quick,
                outside_links=self._outside_links,
            )
        except OSError as exc:
            if read_only(exc):
                raise IndexReadOnly(
                    f"the index in {self.index_dir} cannot be written ({exc.strerror})"
                ) from None
            raise
        self.refresh()
        return report

    def refresh(self) -> bool:
        """Pick up changes another process committed; True when there were any."""
        with self._lock:
            opened = self._opened
            current = self._folder == whoosh_dir(self.index_dir)
            if (
                opened is not None
                and self._damage is None
                and current
                and opened.searcher.up_to_date()
            ):
                return False
            if not current and not whoosh_dir(self.index_dir).is_dir():
                return False  # still reading the index a new extractor starts from
            # A fresh view rather than Searcher.refresh(): Whoosh 2.7 fails to refresh a
            # reader of an empty index, and every cache belongs to the old documents anyway.
            self._reopen()
            return self._opened is not opened and self._damage is None

    @_reading_index
    def warm_up(self) -> None:
        """Compute every document's recency lift (about 20 ms at 100k articles), which the
        first search ranked by relevance would wait for."""
        with self._lock:
            self._view.lift()

    def close(self) -> None:
        """Release open files."""
        with self._lock:
            if self._opened is not None:
                self._opened.close()
