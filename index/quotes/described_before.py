"""Rule ``described-before``: a description set off before a name is that person's role.

British news often puts the title first, with a comma: ``the transport secretary, Ada Vik,
opened ...`` or ``led by the Bishop of Carrow, Dr Jon Dahl.`` The description then names the
same person, so a later ``the transport secretary said`` (or ``The Bishop of Carrow said``) is
her. Only a description headed by a word for a person's office counts, and only when the name
closes the aside (a comma, a full stop or a bracket comes next): in ``in a letter to the
transport secretary, Jon Dahl said ...`` Dahl is someone else, who speaks.
"""

from __future__ import annotations

import re

from index.quotes.groups import nominal
from index.quotes.lexicon.people import ROLE_HEADS
from index.quotes.names import words_of

DESCRIBED_BEFORE = "described-before"

# "the" and at most six words without a comma or a full stop, then ", " right before the name.
_DESCRIPTION = re.compile(
    r"(?:^|(?<=[\s(]))[Tt]he\s+((?:[\w'\u2019&-]+\s+){0,6}?[\w'\u2019-]+),\s+$"
)
_CLOSES = re.compile(r"\s*(?:[,;)]|\.(?:\s|$)|$)")


def role_set_before(text: str, start: int, end: int) -> str | None:
    """The role ``the transport secretary, `` before the name at ``start:end`` gives it
    ("the transport secretary"), when the name closes the aside; else None."""
    if start < 6 or text[start - 2 : start] != ", " or _CLOSES.match(text, end) is None:
        return None
    found = _DESCRIPTION.search(text, max(0, start - 80), start)
    if found is None:
        return None
    phrase = found.group(1)
    words = words_of("the " + phrase)
    described = nominal("the " + phrase, words)
    if described is None or described.kind != "person":
        return None
    head = next((word for word in words[1:] if word in ("of", "for")), None)
    head_word = words[words.index(head) - 1] if head else words[-1]
    if head_word not in ROLE_HEADS:
        return None  # ("the 25-year-old, Ada Vik": no office)
    return found.group().rstrip(", ")  # (as written: "The chair of the port board")
