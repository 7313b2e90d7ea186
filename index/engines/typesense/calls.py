"""Calls to the cluster, with its failures turned into the search API's one-line errors.

A node that does not answer, a 503 while a new leader is elected or while a majority is
missing: :class:`IndexUnavailable` ("cluster: reconnecting ..."), which the app shows as its
status line and retries. A key that may only search, used to write: :class:`SearchOnlyKey`.
No message ever holds a key: the client sends it in a header, and only the server's own
error text and the collection's name are repeated.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from index.api.errors import IndexMissing, IndexUnavailable, NewsdeskError, SearchOnlyKey
from index.engines.typesense.errors import TypesenseError

RECONNECTING = "cluster: reconnecting"
"""The status line while no node can answer (an election, or a majority down)."""
_ERROR_CHARS = 160
T = TypeVar("T")


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= _ERROR_CHARS else text[: _ERROR_CHARS - 1] + "\u2026"


def failure(code: int, message: str, collection: str, *, writing: bool = False) -> NewsdeskError:
    """The error for an HTTP ``code`` the cluster answered with."""
    if code == 401 or code == 403:
        if writing:
            return SearchOnlyKey(
                f"the Typesense API key may not change collection '{collection}' (a search-only "
                "key?); index with the admin key in NEWSDESK_TYPESENSE_API_KEY or api_key_file"
            )
        return TypesenseError(f"the Typesense API key was refused for collection '{collection}'")
    if code == 404:
        return IndexMissing(
            f"no newsdesk index in Typesense collection '{collection}' yet; build it with "
            "newsdesk index --backend URL"
        )
    if code == 400 and "field" in message.lower():
        return IndexMissing(
            f"Typesense collection '{collection}' was built by another version of newsdesk; "
            "rebuild it: newsdesk index --rebuild --backend URL"
        )
    if code in (0, 500, 502, 503, 504):
        return unavailable(writing)
    return TypesenseError(f"Typesense refused the request ({code}: {message})")


def mapped(exc: BaseException, collection: str, *, writing: bool = False) -> NewsdeskError:
    """The error the search API raises for a client exception."""
    import httpx
    from typesense import exceptions as ts

    codes: dict[type[BaseException], int] = {
        ts.RequestUnauthorized: 401,
        ts.RequestForbidden: 403,
        ts.ObjectNotFound: 404,
        ts.RequestMalformed: 400,
        ts.ObjectUnprocessable: 422,
        ts.ObjectAlreadyExists: 409,
        ts.ServerError: 500,
        ts.ServiceUnavailable: 503,
        ts.HTTPStatus0Error: 0,
    }
    code = next((c for kind, c in codes.items() if isinstance(exc, kind)), None)
    if code is not None:
        return failure(code, _reason(exc), collection, writing=writing)
    if isinstance(exc, httpx.HTTPError | ts.TypesenseClientError):
        return unavailable(writing)
    raise exc


def unavailable(writing: bool) -> IndexUnavailable:
    """The error while no node can answer (reads) or no leader can take writes."""
    if writing:
        return IndexUnavailable(
            "cluster: cannot write: no leader answered in time (is a majority of the nodes down?)"
        )
    return IndexUnavailable(f"{RECONNECTING} (no node answered)")


@contextlib.contextmanager
def guarded(collection: str, *, writing: bool = False) -> Iterator[None]:
    """Run a block of client calls; their failures leave it as the search API's errors."""
    import httpx
    from typesense.exceptions import TypesenseClientError

    try:
        yield
    except (TypesenseClientError, httpx.HTTPError) as exc:
        raise mapped(exc, collection, writing=writing) from None


def results(answer: Mapping[str, Any], collection: str) -> list[dict[str, Any]]:
    """The per-search results of a multi-search; the first failed one raises its error."""
    found = answer.get("results")
    if not isinstance(found, list):
        raise TypesenseError("Typesense answered a multi-search without results")
    for item in found:
        if "error" in item or "code" in item:
            raise failure(int(item.get("code", 500)), str(item.get("error", "")), collection)
    return found


@dataclass(frozen=True, slots=True)
class Writes:
    """Runs writes (and the reads that plan them) for ``collection``: each call is tried on
    the next node every ``interval`` seconds for ``budget`` seconds, which outlasts a leader
    election; then the last failure is raised. One attempt lasts at most the client's timeout,
    so a write never takes much longer than ``budget`` plus that timeout."""

    collection: str
    interval: float
    budget: float

    def __call__(self, action: Callable[[], T]) -> T:
        deadline = time.monotonic() + self.budget
        while True:
            try:
                with guarded(self.collection, writing=True):
                    return action()
            except IndexUnavailable:
                if time.monotonic() + self.interval >= deadline:
                    raise
                time.sleep(self.interval)
