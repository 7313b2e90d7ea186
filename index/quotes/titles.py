"""Titles in quote marks: shows, books, slogans (``on CBS's "Face the Nation"``), not quotes."""

from __future__ import annotations

import re
from functools import lru_cache

from index.quotes.lexicon.grammar import CONTRACTED, TITLE_LEADS, TITLE_SMALL_WORDS
from index.quotes.marks import QuotedSpan

_WORD = re.compile(r"[\w'\u2019\-]+")


@lru_cache(maxsize=1024)  # pure; asked several times of each quoted span
def is_title(text: str) -> bool:
    """Whether quoted words read like a title or a name (``"Shaping Tomorrow's City Today"``)."""
    if text.rstrip()[-1:] in ".!?,":
        return False  # (tested first: most quotes end so, and then no words need reading)
    words = _WORD.findall(text)
    if not words or len(words) > 12:
        return False
    content = [word for word in words if word.lower() not in TITLE_SMALL_WORDS]
    if not content:
        return False
    capitalised = sum(1 for word in content if word[0].isupper() or word[0].isdigit())
    return capitalised == len(content)


# The word before an opening mark, and whether it is a possessive (`NRK's`); a colon may
# stand between (`under the headline: "..."`).
# (possessive repeats: what follows each is no word character, so giving one back never
# helps a match, and a failed start is dropped at once)
_LAST_WORD = re.compile(r"(\w++)(['\u2019]s)?(:)?\s++\Z")


def is_span_title(text: str, span: QuotedSpan) -> bool:
    """Whether a quoted span is a title, counting one the sentence runs into.

    American style puts the sentence's full stop or comma inside the marks, so a title at the
    end of a clause ends in one: ``on CNN's "State of the Union."``. Such a span is a title
    only after ``on``, ``titled``, ``headline`` (a colon between or not), ``according to``, a
    possessive or a year; capitals alone
    or after a verb (``shouted "Not Today."``) are still someone's words.
    """
    inner = text[span.start : span.end]
    if is_title(inner):
        return True
    stripped = inner.rstrip()
    if stripped[-1:] not in ".," or len(stripped) > 60:
        return False
    before = _LAST_WORD.search(text, max(0, span.open - 30), span.open)
    if before is None:
        return False
    lead = before[1]
    if before[3] and lead.lower() not in TITLE_LEADS:
        return False  # a colon after anything else introduces words: `In 2004: "We won."`
    possessive = before[2] and lead.lower() not in CONTRACTED
    according = lead.lower() == "to" and text[
        max(0, before.start() - 10) : before.start()
    ].lower().endswith("according ")
    if not (lead.lower() in TITLE_LEADS or possessive or lead.isdigit() or according):
        return False
    return len(_WORD.findall(stripped)) >= 2 and is_title(stripped[:-1])
