"""An organisation's initials stand for its full name, given in the article before.

"General Motors has warned ... GM said": GM is General Motors, though the article never
writes "General Motors (GM)". The letters must be the initials of the capitalised words of
one organisation (or bare name) the article named earlier, and of no other.
"""

from __future__ import annotations

import re

from index.quotes.registry import Registry

_INITIALS = re.compile(r"[A-Z]{2,5}")
_SKIPPED = frozenset(("of", "and", "for", "the", "&", "de"))


def spelled_out(registry: Registry, acronym: str) -> str | None:
    """The full name ``acronym`` abbreviates, if exactly one entity's name has those initials."""
    if not _INITIALS.fullmatch(acronym):
        return None
    found: str | None = None
    for entity in registry.entities:
        words = [word for word in entity.name.split() if word.lower() not in _SKIPPED]
        if len(words) != len(acronym) or not all(word[:1].isupper() for word in words):
            continue
        if "".join(word[0] for word in words) == acronym and entity.name != found:
            if found is not None:
                return None  # (two names with those initials: neither)
            found = entity.name
    return found
