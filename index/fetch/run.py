"""Fetching feeds and the pages they link into an archive folder, resumably.

Each URL given is fetched (conditionally when fetched before); a feed is saved as it came and
every page it links is saved as one ``.html`` file named after its URL. A page already saved
is not asked for again. Files are written under a hidden temporary name and renamed, and the
state is saved after every download, so a killed run leaves no partial article and the next
run carries on where it stopped.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from index.fetch.http import Client, FetchFailed, Limits, Response
from index.fetch.names import file_for
from index.fetch.robots import Robots
from index.fetch.state import FetchState, Seen
from index.formats.feed import feed_links, root_element
from index.formats.urls import normalize_url

FetchProgress = Callable[[int, int], None]
"""Receives (URLs done, URLs known so far) as a fetch goes on."""

Role = Literal["given", "linked"]
_FEED_ROOTS = {"rss": ".rss", "rdf": ".rss", "feed": ".atom"}


@dataclass(frozen=True, slots=True)
class Failure:
    """A URL that could not be fetched, and why."""

    url: str
    reason: str


@dataclass(frozen=True, slots=True)
class FetchReport:
    """What a fetch did.

    Attributes:
        new: Archive-relative files written for the first time.
        updated: Archive-relative files rewritten because the server had a newer version.
        unchanged: URLs the server (or the archive) already had as saved.
        failed: URLs that could not be fetched, with the reason.
        duplicates: Links met again (in another feed, twice in one, or as a given URL).
        seconds: Time taken.
    """

    new: tuple[str, ...]
    updated: tuple[str, ...]
    unchanged: int
    failed: tuple[Failure, ...]
    duplicates: int
    seconds: float


@dataclass(slots=True)
class _Run:
    archive: Path
    client: Client
    robots: Robots
    state: FetchState
    queue: deque[tuple[str, Role]] = field(default_factory=deque)
    known: set[str] = field(default_factory=set)
    new: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    unchanged: int = 0
    duplicates: int = 0

    def add(self, url: str, role: Role) -> None:
        if url in self.known:
            self.duplicates += 1
        else:
            self.known.add(url)
            self.queue.append((url, role))


def fetch(
    urls: Sequence[str],
    archive: Path,
    *,
    limits: Limits | None = None,
    progress: FetchProgress | None = None,
    client: Client | None = None,
) -> FetchReport:
    """Fetch ``urls`` (feeds, or pages) and the pages the feeds link into ``archive``."""
    started = time.monotonic()
    client = client or Client(limits or Limits())
    run = _Run(archive, client, Robots(client), FetchState(archive))
    for given in urls:
        url = normalize_url(given)
        if url is None:
            run.failed.append(Failure(given, "not an http(s) address"))
        else:
            run.add(url, "given")
    done = 0
    while run.queue:
        url, role = run.queue.popleft()
        try:
            _fetch_one(run, url, role)
        except FetchFailed as exc:
            run.failed.append(Failure(url, str(exc)))
        except OSError as exc:
            run.failed.append(Failure(url, f"cannot save: {exc.strerror or exc}"))
        done += 1
        if progress is not None:
            progress(done, done + len(run.queue))
    return FetchReport(
        tuple(run.new),
        tuple(run.updated),
        run.unchanged,
        tuple(run.failed),
        run.duplicates,
        time.monotonic() - started,
    )


def _fetch_one(run: _Run, url: str, role: Role) -> None:
    seen = run.state.get(url)
    saved = run.archive / seen.file if seen else None
    have = saved is not None and saved.is_file()
    if role == "linked" and (have or (run.archive / file_for(url, ".html")).is_file()):
        run.unchanged += 1  # a saved article is not asked for again
        return
    headers = _validators(seen) if have else {}
    response = run.client.get(url, headers, run.robots.allowed)
    if response.status == 304 and have and saved is not None and seen is not None:
        run.unchanged += 1
        if saved.suffix != ".html":
            _follow(run, saved.read_bytes())  # links of a killed run may still be missing
        return
    if response.status != 200:
        raise FetchFailed(f"HTTP {response.status}")
    body = response.body
    suffix = _kind(response, url, role)
    rel = seen.file if have and seen is not None else file_for(url, suffix).as_posix()
    if suffix == ".html":
        body = _with_source(body, url)
    _write(run.archive / rel, body)
    (run.updated if have else run.new).append(rel)
    etag = response.headers.get("etag")
    run.state.put(url, Seen(rel, etag, response.headers.get("last-modified")))
    if suffix != ".html":
        _follow(run, body)


def _follow(run: _Run, feed: bytes) -> None:
    for link in feed_links(feed):
        run.add(link, "linked")


def _kind(response: Response, url: str, role: Role) -> str:
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    root = root_element(response.body)
    if root in _FEED_ROOTS:
        if role == "linked":
            raise FetchFailed("a feed, not an article page")
        return _FEED_ROOTS[root]
    if root == "html" or "html" in content_type:
        return ".html"
    raise FetchFailed(f"neither a feed nor a web page ({content_type or 'no content type'})")


def _validators(seen: Seen | None) -> dict[str, str]:
    headers = {}
    if seen is not None and seen.etag:
        headers["If-None-Match"] = seen.etag
    if seen is not None and seen.last_modified:
        headers["If-Modified-Since"] = seen.last_modified
    return headers


def _with_source(page: bytes, url: str) -> bytes:
    """The page with the browser-style note of where it came from (the reader's URL fallback)."""
    note = f"<!-- saved from url=({len(url):04d}){url} -->\n".encode("ascii", "replace")
    cut = 3 if page.startswith(b"\xef\xbb\xbf") else 0
    if page[cut:].lstrip().startswith(b"<?xml"):
        cut = page.find(b"?>") + 2
    return page[:cut] + note + page[cut:]


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # A hidden temporary name: the archive scan never sees a half-written article.
    temp = path.with_name(f".{path.name}.part")
    try:
        temp.write_bytes(data)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
