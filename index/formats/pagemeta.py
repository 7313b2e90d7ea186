"""A page's metadata (title, author, date, site, section, tags, canonical URL), by trafilatura.

trafilatura's own ``extract_metadata`` also looks for a licence in every footer link, which on
a page with a large footer costs as much as extracting the article, and newsdesk keeps no
licence. So its metadata steps are called here one by one, each only when the ones before
left its field empty: meta tags and JSON-LD first, the page's markup after.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from functools import cache
from typing import Any


@dataclass(frozen=True, slots=True)
class PageMeta:
    """Metadata found in one page (raw strings, cleaned by the caller)."""

    title: str | None = None
    author: str | None = None
    url: str | None = None
    sitename: str | None = None
    hostname: str | None = None
    date: str | None = None
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


def page_metadata(tree: Any) -> PageMeta:
    """The metadata of a parsed page (an lxml tree from trafilatura's ``load_html``)."""
    from htmldate import find_date
    from trafilatura import metadata as steps

    found = steps.examine_meta(tree)
    if found.author and " " not in found.author:
        found.author = None  # a one-word "author" is a user name or the site, not a byline
    with contextlib.suppress(Exception):  # JSON-LD in the wild breaks its parser many ways
        found = steps.extract_meta_json(tree, found)
    url = found.url or steps.extract_url(tree)
    return PageMeta(
        title=found.title or steps.extract_title(tree),
        author=found.author or steps.extract_author(tree),
        url=url,
        sitename=found.sitename or steps.extract_sitename(tree),
        hostname=found.hostname or _hostname(url),
        date=find_date(tree, url=url, **_date_params()),
        categories=tuple(found.categories or steps.extract_catstags("category", tree)),
        tags=tuple(found.tags or steps.extract_catstags("tag", tree)),
    )


@cache
def _date_params() -> dict[str, Any]:
    from trafilatura.settings import set_date_params

    # Dates from the markup and the URL only: the text-wide search takes a copyright line
    # ("© 2024") for the publication date.
    return set_date_params(extensive=False)


def _hostname(url: str | None) -> str | None:
    if not url:
        return None
    from urllib.parse import urlsplit

    return urlsplit(url).hostname
