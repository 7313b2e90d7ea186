"""Two named speakers joined by "and" speak together.

``Munich Re and Swiss Re said``, ``The Conservatives and Lib Dems said``, ``Mr Vik and Mr Dahl
said``: both say it, so the speaker is the pair, not the last name before the verb. Each side
must be a name and nothing else (a person, a body or a party, written with capitals). A title
or a body's name that holds an "and" (``Trade and Fisheries Secretary Eva Lind``, ``a Work and
Pensions spokeswoman``) reads as one side with words left over, and is left alone; so is a
pair with titles (``Harbour Chief Tom Berg and Port Captain Jon Dahl``), whose last name
speaks as before.
"""

from __future__ import annotations

from collections.abc import Callable

from index.quotes.lexicon.people import HONORIFICS
from index.quotes.names import Source

_CONNECTORS = frozenset(("of", "for", "the", "de", "van", "von", "&"))


def _bare(phrase: str) -> str:
    return phrase.removeprefix("The ").removeprefix("the ").strip()


def _named(phrase: str) -> bool:
    """Whether every word of a phrase is capitalised or joins a name ("Bank of Voss")."""
    return all(word[:1].isupper() or word in _CONNECTORS for word in _bare(phrase).split())


def _reads_whole(source: Source, phrase: str) -> bool:
    """Whether ``source`` is all of ``phrase`` but a courtesy title ("Mr Vik" is "Vik")."""
    words = _bare(phrase).split()
    while len(words) > 1 and words[0].rstrip(".").lower() in HONORIFICS:
        words = words[1:]
    return _bare(source.name) == " ".join(words)


def named_pair(text: str, read: Callable[[str], Source | None]) -> Source | None:
    """The pair ``text`` names ("Ada Vik and Jon Dahl"), read side by side with ``read``, or
    None when it is not two names joined by one "and", each a speaker on its own: not
    "Trade and Industry Secretary Ada Vik" (one title) nor "a Work and Pensions spokesman"."""
    phrase = text.strip()
    if phrase.count(" and ") != 1 or "," in phrase or "(" in phrase:
        return None
    left, right = phrase.split(" and ")
    if not (_named(left) and _named(right)):
        return None
    first, second = read(left), read(right)
    if first is None or second is None:
        return None
    if not (_reads_whole(first, left) and _reads_whole(second, right)):
        return None  # ("Trade and Industry Secretary Ada Vik": the title ran over the "and")
    return Source(name=f"{first.name} and {second.name}", kind="group", gender="p")
