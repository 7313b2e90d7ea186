"""Rule ``misspelt-name``: "Ms Chada said" after "Monica Chadha" is the same person.

Reporters misspell a surname now and then between one mention and the next. A bare surname
that names nobody yet, one letter away (a letter added, dropped, changed or two swapped) from
the surname of exactly one person the article names in full, is that person. Short surnames
are left alone: too many names lie one letter apart.
"""

from __future__ import annotations

from index.quotes.registry import Registry

MISSPELT_NAME = "misspelt-name"
_MIN_LENGTH = 5


def one_letter_apart(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with one letter added, dropped or changed, or two neighbours
    swapped (and not ``a`` itself)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    start = 0
    while start < len(a) and a[start] == b[start]:
        start += 1
    if len(a) < len(b):
        return a[start:] == b[start + 1 :]
    if a[start + 1 :] == b[start + 1 :]:
        return True
    swapped = start + 1 < len(a) and a[start] == b[start + 1] and a[start + 1] == b[start]
    return swapped and a[start + 2 :] == b[start + 2 :]


def misspelt_surname(registry: Registry, name: str) -> int | None:
    """The one person named in full whose surname ``name`` (a bare surname that names nobody
    else: at most itself, as the article's own scan read it) misspells, or None."""
    if " " in name or len(name) < _MIN_LENGTH or not name[:1].isupper():
        return None
    known = registry.find(name)
    if known is not None and registry.entities[known].name != name:
        return None  # (someone named in full has that surname)
    lowered = name.lower()
    found = {
        index
        for index, entity in enumerate(registry.entities)
        if entity.person
        and " " in entity.name
        and entity.name[:1].isupper()
        and one_letter_apart(entity.name.rsplit(maxsplit=1)[1].lower(), lowered)
    }
    return found.pop() if len(found) == 1 else None
