"""A publication's name run into the name of the person who spoke to it.

``Speaking to the Washington Post Trump said``: the capitalised run ``Washington Post Trump``
is a paper and then a person, not one organisation. The person starts after a word that
ends a paper's name (``Post``, ``Times``) or after an acronym opening the run (``BBC``).
"""

from __future__ import annotations

from index.quotes.lexicon.bodies import MEDIA_NAME_WORDS


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
