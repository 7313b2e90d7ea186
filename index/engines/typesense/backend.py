"""The Typesense implementation of :class:`index.api.backend.Backend`.

Searches go to the cluster with short retries (a follower answers while a new leader is
elected; when no node can, the search fails fast with "cluster: reconnecting" and the app
retries); writes use the configured retries, which outlast an election. Reading state stays
local, per user, as with the embedded index: ``is:`` reaches the cluster as an id filter.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import json
import threading
from collections import Counter
from pathlib import Path
from typing import Any

from index.api.backend import ReadingStore
from index.api.errors import ArticleNotFound, IndexMissing, IndexUnavailable
from index.api.parse import parse_query
from index.api.query import State, resolve_states, walk
from index.api.records import (
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
from index.corpus.record import BadRecord, article_from_record
from index.engines.typesense import calls
from index.engines.typesense import filters as fx
from index.engines.typesense.client import build_client
from index.engines.typesense.schema import HIT_FIELDS, TEXT_FIELDS, archive_key, file_key
from index.engines.typesense.search import Searcher, search_hit
from index.engines.typesense.settings import TypesenseSettings
from index.engines.typesense.text import hit_spans, news_terms
from index.pipeline.reading import StateFile, state_path
from index.pipeline.store import MANIFEST_NAME

DEFAULT_PROCS = 2
"""Worker processes an update reads and annotates files with (the server needs CPU too)."""
SEARCH_RETRY_INTERVAL = 0.2
"""Searches move on to the next node quickly: a follower can answer at once."""
RELATED_TERMS = 12
_RELATED_CANDIDATES = 40
_SPEAKER_VALUES = 10_000


class TypesenseBackend:
    """An archive indexed in a Typesense collection (shared), with local reading state."""

    def __init__(
        self,
        archive: Path,
        state_dir: Path,
        settings: TypesenseSettings,
        *,
        max_bytes: int,
        snippet_chars: int = 200,
        procs: int | None = None,
        create: bool = True,
        outside_links: bool = False,
    ) -> None:
        self._archive = archive
        self._outside_links = outside_links
        self.index_dir = state_dir
        self._settings = settings
        self._max_bytes = max_bytes
        self._procs = procs or DEFAULT_PROCS
        reads = dataclasses.replace(
            settings,
            retries=max(2, 2 * len(settings.nodes)),
            retry_interval=SEARCH_RETRY_INTERVAL,
        )
        self._client = build_client(reads)
        self._searcher = Searcher(self._client, settings.collection, archive, snippet_chars)
        self._reading = StateFile(state_path(archive))
        self._lock = threading.Lock()
        self._seen: int | None = None
        self._down = False
        if not create and self._count() is None:
            raise IndexMissing(
                f"no index for {archive} in Typesense collection {settings.collection!r}"
            )

    @property
    def archive(self) -> Path:
        """The archive folder."""
        return self._archive

    @property
    def reading(self) -> ReadingStore:
        """The reader's marks on this archive (local, per user)."""
        return self._reading

    # -- searching -------------------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResult:
        """Run a search in the whole query language (``is:`` included).

        Raises:
            QueryError: For a query that cannot be understood or answered exactly here.
            IndexUnavailable: While no node of the cluster can answer.
        """
        text = request.query.strip()
        tree = parse_query(text)
        if tree is not None and any(isinstance(leaf, State) for leaf in walk(tree)):
            marks = self._reading.load()
            tree = resolve_states(tree, marks.read, frozenset(marks.bookmarks))
        try:
            result = self._searcher.search(request, tree, text)
        except IndexUnavailable:
            self._down = True
            raise
        self._down = False
        return result

    def hit_finder(self, highlight: Highlight) -> HitFinder:
        """Finds hits as this index matches words: stemmed and accent-folded."""
        return functools.partial(hit_spans, highlight=highlight)

    # -- articles --------------------------------------------------------------------------

    def _documents(self, condition: fx.Expr, fields: str, limit: int = 1) -> list[dict[str, Any]]:
        found = self._searcher.multi(
            [
                {
                    "q": "*",
                    "query_by": "t",
                    "filter_by": fx.render(condition),
                    "per_page": limit,
                    "include_fields": fields,
                    "sort_by": "published:desc",
                }
            ]
        )[0]
        return [hit["document"] for hit in found.get("hits", [])]

    def article(self, ref: str) -> Article:
        """One article by id or by the path of its file, from its stored record.

        Raises:
            ArticleNotFound: When no indexed article has that id or comes from that file.
        """
        docs = self._documents(fx.one_of("aid", [ref]), "record")
        if not docs:
            rel = self._relative(ref)
            if rel is not None:
                docs = self._documents(
                    fx.one_of("fkey", [file_key(archive_key(self._archive), rel)]), "record"
                )
        if not docs:
            raise ArticleNotFound(f"no article with id or path {ref!r} in {self._archive}")
        try:
            return article_from_record(json.loads(docs[0]["record"]), self._archive)
        except (BadRecord, ValueError, KeyError) as exc:
            raise ArticleNotFound(
                f"{ref}: {exc}; rebuild the index (newsdesk index --rebuild)"
            ) from None

    def _relative(self, ref: str) -> str | None:
        path = Path(ref).expanduser()
        candidates = [path] if path.is_absolute() else [Path.cwd() / path, self._archive / path]
        for candidate in candidates:
            with contextlib.suppress(ValueError, OSError):
                if candidate.is_file():
                    return candidate.resolve().relative_to(self._archive).as_posix()
        return None

    def related(self, ref: str, limit: int = 10) -> tuple[SearchHit, ...]:
        """Articles sharing the most of this one's distinctive words (title and text)."""
        article = self.article(ref)
        counts = Counter(news_terms(f"{article.title}\n{article.body}"))
        candidates = [term for term, _ in counts.most_common(_RELATED_CANDIDATES)]
        if not candidates:
            return ()
        frequencies = self._searcher.multi(
            [
                {"q": "*", "filter_by": fx.render(fx.has_word(TEXT_FIELDS, t)), "per_page": 0}
                for t in candidates
            ]
        )
        total = max(1, self._count() or 1)
        weight = {
            term: counts[term] * (total / (1 + int(answer["found"])))
            for term, answer in zip(candidates, frequencies, strict=True)
        }
        terms = sorted(weight, key=lambda t: -weight[t])[:RELATED_TERMS]
        # Typesense drops words from the end until enough articles match: the rarest last.
        answer = self._searcher.multi(
            [
                {
                    "q": " ".join(terms),
                    "query_by": ",".join(TEXT_FIELDS),
                    "query_by_weights": "3,1",
                    "prefix": "false,false",
                    "num_typos": 0,
                    "drop_tokens_threshold": limit + 1,
                    "filter_by": fx.render(fx.none_of("aid", [article.id])),
                    "per_page": limit,
                    "include_fields": ",".join(HIT_FIELDS),
                    "highlight_fields": "none",
                }
            ]
        )[0]
        return tuple(
            search_hit(hit["document"], self._archive, float(hit.get("text_match", 0)))
            for hit in answer["hits"]
        )

    def speakers(self, limit: int | None = None) -> tuple[SpeakerCount, ...]:
        """Speakers across the archive, most quoted first; names differing only in case are one."""
        answer = self._searcher.multi(
            [
                {
                    "q": "*",
                    "per_page": 0,
                    "facet_by": "quoted,speakers",
                    "max_facet_values": _SPEAKER_VALUES,
                }
            ]
        )[0]
        counts = {
            f["field_name"]: {c["value"]: int(c["count"]) for c in f["counts"]}
            for f in answer.get("facet_counts", [])
        }
        quoted, articles = counts.get("quoted", {}), counts.get("speakers", {})
        groups: dict[str, list[tuple[int, str]]] = {}
        for name, quotes in quoted.items():
            groups.setdefault(name.casefold(), []).append((quotes, name))
        found = []
        for spellings in groups.values():
            _, name = max(spellings)
            found.append(
                SpeakerCount(
                    name,
                    sum(q for q, _ in spellings),
                    sum(articles.get(n, 0) for _, n in spellings),
                )
            )
        found.sort(key=lambda s: (-s.quotes, -s.articles, s.name))
        return tuple(found[:limit] if limit else found)

    def quotes_by(self, speaker: str, limit: int = 200) -> tuple[SpeakerQuote, ...]:
        """Quotes by one speaker (any case, or by part of the name), newest article first."""
        key = speaker.casefold().split()
        if not key:
            return ()
        answer = self._searcher.multi(
            [
                {
                    "q": "*",
                    "per_page": 0,
                    "facet_by": "speakers",
                    "facet_query": f"speakers:{max(key, key=len)}",
                    "max_facet_values": 250,
                }
            ]
        )[0]
        names = [c["value"] for f in answer.get("facet_counts", []) for c in f["counts"]]
        same = {n for n in names if n.casefold().split() == key}
        wanted = same or {n for n in names if set(key) <= set(n.casefold().split())}
        found: list[SpeakerQuote] = []
        for doc in (
            self._documents(fx.one_of("speakers", wanted), "record", limit=250) if wanted else []
        ):
            try:
                article = article_from_record(json.loads(doc["record"]), self._archive)
            except (BadRecord, ValueError, KeyError):
                continue
            for quote in article.quotes:
                if quote.speaker and quote.speaker.replace(",", " ") in wanted:
                    found.append(
                        SpeakerQuote(quote, article.id, article.title, article.source, article.date)
                    )
            if len(found) >= limit:
                break
        return tuple(found[:limit])

    # -- index upkeep ----------------------------------------------------------------------

    def _count(self) -> int | None:
        """How many articles the collection holds (None: there is none)."""
        try:
            answer = self._searcher.multi([{"q": "*", "per_page": 0}])[0]
        except IndexMissing:
            return None
        return int(answer["found"])

    def status(self) -> IndexStatus:
        """Size of the shared index (the last known one while the cluster cannot answer)."""
        try:
            count = self._count() or 0
            self._seen, self._down = count, False
        except IndexUnavailable:
            count, self._down = self._seen or 0, True
        manifest = sorted(
            self.index_dir.glob(f"*/{MANIFEST_NAME}"), key=lambda p: p.stat().st_mtime
        )
        updated = manifest[-1].stat().st_mtime if manifest else None
        where = f"{self._settings.url} ({self.index_dir})"
        return IndexStatus(str(self._archive), where, count, False, updated)

    def update(
        self,
        *,
        rebuild: bool = False,
        progress: ProgressFn | None = None,
        wait: float = 0.0,
        procs: int | None = None,
        quick: bool = False,
    ) -> UpdateReport:
        """Bring the collection up to date with the archive folder (needs a key that may write).

        ``procs`` overrides the worker processes given when opening. ``quick`` trusts
        folders whose mtime is unchanged since the last complete update from this machine.

        Raises:
            IndexReadOnly: With a search-only key.
            IndexUnavailable: When the cluster cannot take writes.
        """
        from index.engines.typesense.indexing import update_collection

        settings = self._settings
        # One attempt per call: the retries are Writes', bounded in time.
        writer = build_client(
            dataclasses.replace(settings, retries=0), timeout=settings.import_timeout
        )
        # As long as the client's own retries would wait: past an election, under load too.
        budget = settings.retries * (settings.retry_interval + settings.connection_timeout)
        write = calls.Writes(settings.collection, settings.retry_interval, budget)
        try:
            return update_collection(
                writer,
                write,
                settings.collection,
                self._archive,
                self.index_dir,
                rebuild=rebuild,
                procs=procs or self._procs,
                max_bytes=self._max_bytes,
                progress=progress,
                wait=wait,
                on_change=self._searcher.forget,
                outside_links=self._outside_links,
                quick=quick,
            )
        finally:
            _close(writer)

    def warm_up(self) -> None:
        """Nothing to prepare: the server keeps its collection ready."""

    def refresh(self) -> bool:
        """Whether the collection changed (or came back after an outage) since last asked."""
        with self._lock:
            was_down = self._down
            try:
                count = self._count()
            except IndexUnavailable:
                self._down = True
                return False
            self._down = False
            changed = was_down or (self._seen is not None and count != self._seen)
            self._seen = count
            if changed:
                self._searcher.forget()
            return changed

    def close(self) -> None:
        """Close the connections."""
        _close(self._client)


def _close(client: Any) -> None:
    with contextlib.suppress(Exception):
        client.api_call.close()
