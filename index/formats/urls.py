"""One spelling per web address, so the same page read from a file, a feed and a WARC is one URL."""

from __future__ import annotations

import re
import string
from urllib.parse import parse_qsl, quote, urlencode, urljoin, urlsplit, urlunsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}
_TRACKING_PREFIXES = ("utm_", "mtm_", "pk_", "_hs")
_TRACKING_NAMES = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "ocid",
        "cmpid",
        "smid",
        "ref_src",
        "ref_url",
        "wt.mc_id",
        "at_medium",
        "at_campaign",
    }
)
# Characters a path keeps as they are; everything else is percent-encoded once.
_PATH_SAFE = "/:@!$&'()*+,;=-._~%"
_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
_UNRESERVED = frozenset(string.ascii_letters + string.digits + "-._~")


def normalize_url(url: str) -> str | None:
    """The normal form of an http(s) address, or None when ``url`` is not one.

    Lower-case scheme and host, no default port, no user name, no fragment, no trailing slash
    (except the root), ``.``/``..`` resolved, escapes in one case, tracking parameters
    (``utm_*``, ``fbclid``, ...) dropped and the remaining parameters sorted.
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if scheme not in _DEFAULT_PORTS or not host:
        return None
    netloc = host if ":" not in host else f"[{host}]"
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        netloc += f":{port}"
    path = _clean_path(parts.path)
    query = _clean_query(parts.query)
    return urlunsplit((scheme, netloc, path, query, ""))


def absolute_url(href: str | None, base: str | None) -> str | None:
    """``href`` resolved against ``base`` and normalized; None unless it is an http(s) URL."""
    if not href:
        return None
    return normalize_url(urljoin(base, href.strip()) if base else href)


def _clean_path(path: str) -> str:
    # urljoin resolves "." and ".." segments the way a browser does.
    path = urlsplit(urljoin("http://h/", path or "/")).path
    path = quote(_ESCAPE.sub(_unescape_unreserved, path), safe=_PATH_SAFE)
    return path.rstrip("/") or "/"


def _unescape_unreserved(match: re.Match[str]) -> str:
    char = chr(int(match.group(0)[1:], 16))
    return char if char in _UNRESERVED else match.group(0).upper()


def _clean_query(query: str) -> str:
    if not query:
        return ""
    pairs = [
        (name, value)
        for name, value in parse_qsl(query, keep_blank_values=True)
        if not _is_tracking(name)
    ]
    return urlencode(sorted(pairs))


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in _TRACKING_NAMES or lowered.startswith(_TRACKING_PREFIXES)
