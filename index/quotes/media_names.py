"""A publication's name run into the name of the person who spoke to it.

``Speaking to the Washington Post Trump said``: the capitalised run ``Washington Post Trump``
is a paper and then a person, not one organisation. The person starts after a word that
ends a paper's name (``Post``, ``Times``) or after an acronym opening the run (``BBC``).
"""

from __future__ import annotations

import re
from itertools import pairwise

from index.quotes.lexicon.bodies import MEDIA_NAME_WORDS
from index.quotes.lexicon.people import COURTESY_TITLES, FIRST_NAMES


def paper_ends_before(words: list[str], at: int, phrase: str) -> bool:
    """Whether the words of a capitalised run before ``words[at]`` end a paper's name, in a
    ``phrase`` written in sentence case (a headline capitalises every word)."""
    last = words[at - 1] if at else ""
    return (
        bool(last)
        and any(word.islower() for word in phrase.split())
        and (
            last.lower() in MEDIA_NAME_WORDS or (at == 1 and 2 <= len(last) <= 5 and last.isupper())
        )
    )


_WORD = re.compile(r"\S+")
# Words that end an outlet's name besides a paper's: "told BBC Sport", "told BBC Radio".
_OUTLET_ENDS = frozenset(("sport", "radio", "television", "tv", "online", "news", "website"))


def person_after_paper(addressee: str) -> int | None:
    """Where a person's name starts inside what a verb like "told" seems to address, when an
    outlet's name runs into it ("told the BBC Michael Howard has ...": the statement starts at
    "Michael"); None when it does not. The person is a first name or a courtesy title right
    after a word that ends an outlet's name or an acronym."""
    words = list(_WORD.finditer(addressee))
    for before, word in pairwise(words):
        token = word.group().rstrip(".,").lower()
        if token not in FIRST_NAMES and token not in COURTESY_TITLES:
            continue
        last = before.group()
        if (
            last.lower() in MEDIA_NAME_WORDS
            or last.lower() in _OUTLET_ENDS
            or (2 <= len(last) <= 5 and last.isupper())
        ):
            return word.start()
        return None
    return None
