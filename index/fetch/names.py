"""Stable archive file names from URLs: the same URL always lands in the same file."""

from __future__ import annotations

import hashlib
import re
from pathlib import PurePosixPath
from urllib.parse import urlsplit

_UNSAFE = re.compile(r"[^a-z0-9]+")
_SLUG_CHARS = 60


def file_for(url: str, suffix: str) -> PurePosixPath:
    """``host/slug-hash.suffix``: readable, unique per URL, safe on every file system."""
    parts = urlsplit(url)
    host = _UNSAFE.sub("-", (parts.hostname or "unknown").lower()).strip("-") or "unknown"
    words = [w for w in parts.path.split("/") if w]
    last = words[-1].rsplit(".", 1)[0] if words else "index"
    slug = _UNSAFE.sub("-", last.lower()).strip("-")[:_SLUG_CHARS].strip("-") or "page"
    digest = hashlib.sha1(url.encode("utf-8")).hexdigest()[:10]
    return PurePosixPath(host) / f"{slug}-{digest}{suffix}"
