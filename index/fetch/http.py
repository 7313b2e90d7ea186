"""A polite HTTP client: a real User-Agent, timeouts, capped bodies and redirects, paced per host.

Only the standard library: no new dependency for a handful of GET requests.
"""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urljoin, urlsplit

from index.api.errors import NewsdeskError
from index.formats.sizes import too_large

CONTACT = "https://pypi.org/project/newsdesk/"
"""Where a site's operator learns what newsdesk is (part of the User-Agent)."""

_CHUNK = 1 << 16
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


class FetchFailed(NewsdeskError):
    """A download did not give a usable answer; the message is the reason."""


def user_agent() -> str:
    """``newsdesk/VERSION (+CONTACT)``."""
    try:
        release = version("newsdesk")
    except PackageNotFoundError:
        release = "0"
    return f"newsdesk/{release} (+{CONTACT})"


@dataclass(frozen=True, slots=True)
class Limits:
    """How patient and how trusting a download is.

    Attributes:
        timeout: Seconds to wait for the connection or for any read.
        deadline: Seconds one download (with its redirects) may take in all.
        max_bytes: Largest body accepted (after decompression).
        max_redirects: Redirects followed before giving up.
        delay: Seconds between two requests to the same host (robots.txt may ask for more).
    """

    timeout: float = 20.0
    deadline: float = 60.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    delay: float = 1.0


@dataclass(frozen=True, slots=True)
class Response:
    """A final answer (no redirect): its status, address after redirects, headers and body."""

    status: int
    url: str
    headers: Mapping[str, str]
    body: bytes = b""


@dataclass(slots=True)
class Pacer:
    """Spaces requests to one host ``delay`` seconds apart (or a host's own longer delay)."""

    delay: float
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    _last: dict[str, float] = field(default_factory=dict)
    _delays: dict[str, float] = field(default_factory=dict)

    def slow_down(self, host: str, seconds: float) -> None:
        """Ask for at least ``seconds`` between requests to ``host``."""
        self._delays[host] = max(seconds, self.delay)

    def wait(self, host: str) -> None:
        """Sleep until ``host`` may be asked again, and mark the request."""
        last = self._last.get(host)
        if last is not None:
            remaining = last + self._delays.get(host, self.delay) - self.clock()
            if remaining > 0:
                self.sleep(remaining)
        self._last[host] = self.clock()


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # each hop is followed (and checked) by Client.get


class Client:
    """GET requests under :class:`Limits`, paced per host."""

    def __init__(self, limits: Limits, pacer: Pacer | None = None) -> None:
        self.limits = limits
        self.pacer = pacer or Pacer(limits.delay)
        self.agent = user_agent()
        self._opener = urllib.request.build_opener(_NoRedirects())

    def get(
        self,
        url: str,
        headers: Mapping[str, str] | None = None,
        allowed: Callable[[str], bool] | None = None,
    ) -> Response:
        """Download ``url``, following redirects; ``allowed`` vets every address on the way.

        Raises:
            FetchFailed: On a network error, a timeout, a redirect loop, a body too large.
        """
        started = time.monotonic()
        seen = {url}
        for _ in range(self.limits.max_redirects + 1):
            if allowed is not None and not allowed(url):
                raise FetchFailed(f"{url}: disallowed by robots.txt")
            response = self._one(url, headers or {}, started)
            if response.status not in _REDIRECTS:
                return response
            target = response.headers.get("location")
            if not target:
                raise FetchFailed(f"HTTP {response.status} without a Location")
            url = urljoin(url, target)
            if urlsplit(url).scheme not in ("http", "https"):
                raise FetchFailed(f"redirect to a non-web address ({url[:80]})")
            if url in seen:
                raise FetchFailed(f"redirect loop (back to {url})")
            seen.add(url)
        raise FetchFailed(f"more than {self.limits.max_redirects} redirects")

    def _one(self, url: str, headers: Mapping[str, str], started: float) -> Response:
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchFailed("not an http(s) address")
        self.pacer.wait(urlsplit(url).netloc.lower())
        request = urllib.request.Request(
            url,
            headers={"User-Agent": self.agent, "Accept-Encoding": "gzip", **headers},
        )
        remaining = self.limits.deadline - (time.monotonic() - started)
        if remaining <= 0:
            raise FetchFailed(f"took longer than {self.limits.deadline:g} s")
        try:
            try:
                answer = self._opener.open(request, timeout=min(self.limits.timeout, remaining))
            except urllib.error.HTTPError as error:
                answer = error  # 3xx, 304 and errors still carry a status and headers
            with answer:
                status = answer.status or 0
                found = {k.lower(): v for k, v in answer.headers.items()}
                body = b""
                if status == 200:
                    body = self._body(answer, found, started)
        except FetchFailed:
            raise
        except TimeoutError:
            raise FetchFailed(f"timed out after {self.limits.timeout:g} s") from None
        except http.client.IncompleteRead:
            raise FetchFailed("connection closed before the whole body arrived") from None
        except urllib.error.URLError as exc:
            raise FetchFailed(f"cannot connect ({_why(exc.reason)})") from None
        except (OSError, http.client.HTTPException) as exc:
            raise FetchFailed(f"network error ({_why(exc)})") from None
        return Response(status, url, found, body)

    def _body(self, answer: object, headers: Mapping[str, str], started: float) -> bytes:
        limit = self.limits.max_bytes
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchFailed(too_large(int(declared), limit))
        chunks: list[bytes] = []
        size = 0
        read = answer.read  # type: ignore[attr-defined]
        while True:
            if time.monotonic() - started > self.limits.deadline:
                raise FetchFailed(f"took longer than {self.limits.deadline:g} s")
            chunk = read(_CHUNK)
            if not chunk:
                break
            size += len(chunk)
            if size > limit:
                raise FetchFailed(too_large(size, limit))
            chunks.append(chunk)
        if declared.isdigit() and size < int(declared):
            raise FetchFailed("connection closed before the whole body arrived")
        body = b"".join(chunks)
        if headers.get("content-encoding", "").lower() in ("gzip", "x-gzip"):
            body = _gunzip(body, limit)
        return body


def _gunzip(body: bytes, limit: int) -> bytes:
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        data = inflater.decompress(body, limit + 1)
    except zlib.error as exc:
        raise FetchFailed(f"damaged gzip body ({exc})") from None
    if len(data) > limit:
        raise FetchFailed(f"{too_large(len(data), limit)} once decompressed")
    return data


def _why(reason: object) -> str:
    if isinstance(reason, TimeoutError):
        return "timed out"
    text = str(reason).strip()
    return text[:160] or type(reason).__name__
