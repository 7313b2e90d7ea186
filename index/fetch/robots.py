"""robots.txt, read once per host and obeyed (RFC 9309), with its Crawl-delay."""

from __future__ import annotations

from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from index.fetch.http import Client, FetchFailed

MAX_CRAWL_DELAY = 30.0
"""A Crawl-delay above this is taken as this (a feed reader makes few requests)."""

_AGENT = "newsdesk"


class Robots:
    """Whether a URL may be fetched, by its host's robots.txt."""

    def __init__(self, client: Client) -> None:
        self._client = client
        self._rules: dict[str, RobotFileParser | bool] = {}

    def allowed(self, url: str) -> bool:
        """True when the host's robots.txt lets newsdesk fetch ``url``."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}".lower()
        rules = self._rules.get(origin)
        if rules is None:
            rules = self._rules[origin] = self._load(origin, parts.netloc.lower())
        if isinstance(rules, bool):
            return rules
        return rules.can_fetch(_AGENT, url)

    def _load(self, origin: str, host: str) -> RobotFileParser | bool:
        try:
            response = self._client.get(f"{origin}/robots.txt")
        except FetchFailed:
            return False  # unreachable: RFC 9309 says assume everything is disallowed
        if 400 <= response.status < 500:
            return True  # no robots.txt: everything is allowed
        if response.status != 200:
            return False
        parser = RobotFileParser()
        parser.parse(response.body.decode("utf-8", errors="replace").splitlines())
        delay = parser.crawl_delay(_AGENT)
        if delay:
            self._client.pacer.slow_down(host, min(float(delay), MAX_CRAWL_DELAY))
        return parser
