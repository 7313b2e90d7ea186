"""`newsdesk fetch` against a local HTTP server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from index.fetch.http import Limits, Pacer
from index.fetch.run import FetchReport, fetch
from index.pipeline.read import read_file
from index.pipeline.scan import scan_archive
from tests.webpages import Page, rss
from tui.cli import main
from tui.config import load_config

MB = 1024 * 1024
LIMITS = Limits(timeout=0.5, deadline=5.0, max_bytes=5 * MB, max_redirects=5, delay=0.0)
LINKED = ["ferry", "library", "slow", "missing", "loop", "huge", "cut", "feedlink"]


@dataclass
class Site:
    """What the test server serves and what it was asked."""

    base: str = ""
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    feed_etag: str = '"v1"'
    robots: str = "User-agent: *\nDisallow: /private/\n"

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]

    def feed(self) -> str:
        items = [{"title": f"Story {name}", "link": f"{self.base}/news/{name}"} for name in LINKED]
        items.append({"title": "Secret", "link": f"{self.base}/private/secret"})
        items.append({"title": "Again", "link": f"{self.base}/news/ferry?utm_source=rss#top"})
        return rss(items)


def page(title: str, canonical: str | None = None) -> bytes:
    return Page(title=title, canonical=canonical, date="2024-03-18").html().encode()


class Handler(BaseHTTPRequestHandler):
    site: Site

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep the test output clean

    def do_GET(self) -> None:
        self.site.requests.append((self.path, dict(self.headers.items())))
        route = getattr(self, "_" + self.path.strip("/").replace("/", "_").replace(".", "_"), None)
        try:
            if route is None:
                self._send(404, b"<html><body>not here</body></html>")
            else:
                route()
        except OSError:
            pass  # the client hung up (after its timeout, or on a body too large)

    def _send(self, status: int, body: bytes = b"", kind: str = "text/html", **extra: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in extra.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def _robots_txt(self) -> None:
        self._send(200, self.site.robots.encode(), "text/plain")

    def _feed_xml(self) -> None:
        if self.headers.get("If-None-Match") == self.site.feed_etag:
            self._send(304)
        else:
            body = self.site.feed().encode()
            self._send(200, body, "application/rss+xml", ETag=self.site.feed_etag)

    def _news_ferry(self) -> None:
        self._send(200, page("Night ferry returns", f"{self.site.base}/news/ferry"))

    def _news_library(self) -> None:
        self._send(200, page("Library opens on Sundays"))

    def _news_slow(self) -> None:
        time.sleep(1.5)
        self._send(200, page("Too slow"))

    def _news_loop(self) -> None:
        self._send(302, Location="/news/loop2")

    def _news_loop2(self) -> None:
        self._send(302, Location="/news/loop")

    def _news_huge(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(50 * MB))
        self.end_headers()
        chunk = b" " * MB
        for _ in range(50):
            self.wfile.write(chunk)

    def _news_cut(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        self.wfile.write(page("Cut short")[:500])
        self.close_connection = True

    def _news_feedlink(self) -> None:
        self._send(200, self.site.feed().encode(), "application/rss+xml")

    def _story_html(self) -> None:
        self._send(200, page("A page given by its address"))

    def _data_json(self) -> None:
        self._send(200, b'{"not": "a feed"}', "application/json")

    def _moved(self) -> None:
        self._send(301, Location="/feed.xml")


@pytest.fixture
def site() -> Iterator[Site]:
    state = Site()
    handler = type("SiteHandler", (Handler,), {"site": state})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    # (a short poll interval: shutdown() at the end of each test waits for one)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def reasons(report: FetchReport, site: Site) -> dict[str, str]:
    return {f.url.removeprefix(site.base): f.reason for f in report.failed}


def test_fetch_saves_the_feed_and_its_pages(site: Site, tmp_path: Path) -> None:
    report = fetch([f"{site.base}/feed.xml"], tmp_path, limits=LIMITS)
    assert reasons(report, site) == {
        "/news/slow": "timed out after 0.5 s",
        "/news/missing": "HTTP 404",
        "/news/loop": f"redirect loop (back to {site.base}/news/loop)",
        "/news/huge": "too large (52.4 MB; the limit is 5.2 MB)",
        "/news/cut": "connection closed before the whole body arrived",
        "/news/feedlink": "a feed, not an article page",
        "/private/secret": f"{site.base}/private/secret: disallowed by robots.txt",
    }
    assert report.duplicates == 1
    assert (len(report.new), report.updated, report.unchanged) == (3, (), 0)
    assert "/private/secret" not in site.paths()
    files = sorted(entry.rel for entry in scan_archive(tmp_path).files)
    assert files == sorted(report.new)
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".part")]
    feed = next(tmp_path.glob("127-0-0-1/feed-*.rss"))
    assert len(list(read_file(feed))) == len(LINKED) + 1  # the repeated link is read once


def test_saved_pages_read_as_articles_with_their_url(site: Site, tmp_path: Path) -> None:
    fetch([f"{site.base}/feed.xml"], tmp_path, limits=LIMITS)
    pages = {a.title: a for p in tmp_path.rglob("*.html") for a in read_file(p)}
    assert set(pages) == {"Night ferry returns", "Library opens on Sundays"}
    assert pages["Night ferry returns"].url == f"{site.base}/news/ferry"
    # No canonical link in the page: the address it was fetched from.
    assert pages["Library opens on Sundays"].url == f"{site.base}/news/library"
    assert "fish auction" in pages["Library opens on Sundays"].body


def test_second_fetch_asks_conditionally_and_fetches_nothing_twice(
    site: Site, tmp_path: Path
) -> None:
    fetch([f"{site.base}/feed.xml"], tmp_path, limits=LIMITS)
    site.requests.clear()
    report = fetch([f"{site.base}/feed.xml"], tmp_path, limits=LIMITS)
    feed_asks = [headers for path, headers in site.requests if path == "/feed.xml"]
    assert [h.get("If-None-Match") for h in feed_asks] == ['"v1"']
    assert "/news/ferry" not in site.paths()
    assert "/news/library" not in site.paths()
    assert "/news/missing" in site.paths()  # failures are tried again
    assert (report.new, report.updated, report.unchanged) == ((), (), 3)


def test_changed_feed_is_saved_again(site: Site, tmp_path: Path) -> None:
    first = fetch([f"{site.base}/feed.xml"], tmp_path, limits=LIMITS)
    site.feed_etag = '"v2"'
    again = fetch([f"{site.base}/feed.xml"], tmp_path, limits=LIMITS)
    feed_file = next(f for f in first.new if f.endswith(".rss"))
    assert again.updated == (feed_file,)


def test_a_killed_fetch_carries_on(site: Site, tmp_path: Path) -> None:
    def kill_after_two(done: int, total: int) -> None:
        if done == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        fetch([f"{site.base}/feed.xml"], tmp_path, limits=LIMITS, progress=kill_after_two)
    assert [p for p in site.paths() if p.startswith("/news/")] == ["/news/ferry"]
    site.requests.clear()
    report = fetch([f"{site.base}/feed.xml"], tmp_path, limits=LIMITS)
    assert "/news/ferry" not in site.paths()
    assert "/news/library" in site.paths()
    assert len(report.new) == 1  # the library page; the feed and the ferry were saved before


def test_user_agent_names_newsdesk(site: Site, tmp_path: Path) -> None:
    fetch([f"{site.base}/story.html"], tmp_path, limits=LIMITS)
    agents = {headers["User-Agent"] for _, headers in site.requests}
    [agent] = agents
    assert agent.startswith("newsdesk/")
    assert "(+http" in agent


def test_given_page_that_is_not_a_feed_is_saved_as_a_page(site: Site, tmp_path: Path) -> None:
    report = fetch([f"{site.base}/story.html", f"{site.base}/data.json"], tmp_path, limits=LIMITS)
    [saved] = report.new
    assert saved.endswith(".html")
    [article] = read_file(tmp_path / saved)
    assert article.title == "A page given by its address"
    assert reasons(report, site) == {
        "/data.json": "neither a feed nor a web page (application/json)"
    }


def test_redirect_is_followed_and_bad_addresses_refused(site: Site, tmp_path: Path) -> None:
    report = fetch([f"{site.base}/moved", "ftp://example.com/feed"], tmp_path, limits=LIMITS)
    assert [f.reason for f in report.failed if f.url == "ftp://example.com/feed"] == [
        "not an http(s) address"
    ]
    assert any(name.endswith(".rss") for name in report.new)


def test_unreachable_robots_means_nothing_is_fetched(site: Site, tmp_path: Path) -> None:
    site.robots = "User-agent: newsdesk\nDisallow: /\n"
    report = fetch([f"{site.base}/feed.xml"], tmp_path, limits=LIMITS)
    assert site.paths() == ["/robots.txt"]
    assert report.new == ()


def test_pacer_spaces_requests_to_one_host() -> None:
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(round(seconds, 3))
        now[0] += seconds

    pacer = Pacer(2.0, sleep=sleep, clock=lambda: now[0])
    pacer.wait("a.example")
    pacer.wait("b.example")
    now[0] += 0.5
    pacer.wait("a.example")
    pacer.slow_down("b.example", 7.0)
    pacer.wait("b.example")
    assert slept == [1.5, 5.0]


def test_fetch_command_prints_a_summary(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "news"
    args = ["fetch", f"{site.base}/feed.xml", "--archive", str(archive), "--delay", "0"]
    assert main([*args, "--timeout", "0.5"]) == 0
    out, err = capsys.readouterr()
    assert "3 new, 0 updated, 0 unchanged, 7 failed, 1 duplicate (" in out
    assert f"newsdesk: failed {site.base}/news/missing: HTTP 404" in err.splitlines()


def test_fetch_command_reads_feeds_from_the_config(
    site: Site, tmp_path: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = isolated_home / "config" / "newsdesk" / "config.yaml"
    config.parent.mkdir(parents=True)
    config.write_text(f"feeds:\n  - {site.base}/story.html\n", encoding="utf-8")
    assert main(["fetch", "--archive", str(tmp_path / "news"), "--json", "--delay", "0"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [Path(name).suffix for name in report["new"]] == [".html"]
    assert (report["failed"], report["duplicates"]) == ([], 0)


def test_fetch_command_needs_an_address_and_an_archive(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["fetch", "--archive", str(tmp_path)]) == 1
    assert main(["fetch", "https://example.com/feed"]) == 1  # never into the bundled samples
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "newsdesk: error: no URL given and no feeds: in config.yaml",
        "newsdesk: error: name the archive to fetch into with --archive PATH",
    ]


def test_bad_feeds_setting_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("feeds: https://example.com/rss\n", encoding="utf-8")
    config, problems = load_config(path)
    assert config.feeds == ()
    assert problems == [f"{path}: feeds: expected a list of feed addresses; using the default"]
