"""Rule ``named-before``: words in marks right after ``called`` are the caller's words.

``In a speech Ines Roth called "reckless," Tom Berg voiced a wish to "sink the ferry."``:
the first words belong to Ines Roth, though a subject and a verb follow them, and the second
to Tom Berg, whose clause introduces them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from index.quotes.marks import QuotedSpan
from index.quotes.names import Source
from index.quotes.subjects import Known, verb_subject

NAMED_BEFORE = "named-before"

# A verb that names what follows it in marks, right before the opening mark.
_NAMED_BEFORE = re.compile(
    r"\b(?:called|calls|dubbed|dubs|termed|terms|labell?ed|branded|described\s+as|"
    r"describes\s+as)[\s,]*$"
)
# A subject opening the words between two quoted fragments (`," Berg ...`, `," a clerk`).
_NAMED_SUBJECT = re.compile(
    r"[\s,\u201d\u2019\"']*(?:(?:[Tt]he|[Aa]n?)\s+[a-z]|(?:the\s+)?[A-Z][a-z])"
)
# Cues after a quote that attribute it whatever came before (`..., Berg said`).
_SAYS = frozenset(
    {"said", "says", "added", "adds", "told", "tells", "wrote", "writes", "reported", "reports"}
)


def named_before(text: str, open_at: int, cue: str) -> bool:
    """Whether the quote opening at ``open_at`` is named by the verb before it, so that a
    verb after it other than ``said`` (``cue``) does not attribute it."""
    return (
        cue not in _SAYS and _NAMED_BEFORE.search(text, max(0, open_at - 24), open_at) is not None
    )


def subject_between(
    text: str, fragments: Sequence[QuotedSpan], spans: Sequence[QuotedSpan], known: Known
) -> tuple[int, tuple[Source, int, str]] | None:
    """The first fragment that a subject of its own introduces, after a fragment set off by
    a comma (``"reckless," Tom Berg voiced a wish to "..."``), with that subject."""
    for number in range(1, len(fragments)):
        before, lo, hi = fragments[number - 1], fragments[number - 1].close, fragments[number].open
        set_off = text[before.start : before.end].rstrip().endswith(",") or text.startswith(",", lo)
        if not set_off or _NAMED_SUBJECT.match(text, lo, hi) is None:
            continue
        found = verb_subject(text, lo, hi, spans, known)
        if found is not None and found[0].kind != "pronoun":
            return number, found
    return None
