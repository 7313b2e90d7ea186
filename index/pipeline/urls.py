"""One spelling per web page, so that copies of an article found by its URL share one id.

The same page reaches an archive as ``http://www.example.com/a/?utm_source=x#top`` in one
crawl and ``https://example.com/a`` in a feed; both stand for one article. (The URL an
article shows is the reader's own, :func:`index.formats.urls.normalize_url`, which keeps the
scheme and host as published; this key is only for telling copies apart.)
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING = re.compile(r"utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_ga", re.I)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def page_key(url: str) -> str:
    """``url`` as the page it names: https, host in lower case without ``www.``, no default
    port, fragment or tracking parameters, the other parameters sorted, no trailing slash.

    Text that is not an http(s) URL comes back stripped and otherwise as it was.
    """
    text = url.strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:  # a malformed host or port: compare the text itself
        return text
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if scheme not in _DEFAULT_PORTS or not host:
        return text
    host = host.removeprefix("www.")
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    path = parts.path.rstrip("/") or "/"
    params = sorted(
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not _TRACKING.fullmatch(key)
    )
    return urlunsplit(("https", host, path, urlencode(params), ""))
