"""Whose second verb a quote follows: ``Ada Vik thanked the crew and added: "..."``.

The speaker is the subject of the clause the verb goes on; in a sentence of two clauses
joined by "but" (``X claimed ... but his lawyer, Ada Vik, told ... and added:``) that is the
clause after the last "but", else the sentence's own subject.
"""

from __future__ import annotations

from collections.abc import Sequence

from index.quotes.marks import QuotedSpan
from index.quotes.names import Source
from index.quotes.subjects import Known, clause_subject


def and_verb_subject(
    text: str, lo: int, hi: int, spans: Sequence[QuotedSpan], known: Known
) -> tuple[Source, int] | None:
    """The subject of the clause whose last verb, ``and``/``but`` + verb, ends ``text[lo:hi]``
    (the words before a quote), and where it starts; None when there is none."""
    head = text[lo:hi]
    but = head.rfind(" but ", 0, len(head.rstrip()) - 4)
    found = clause_subject(text, lo + but + 5, hi, spans, known) if but > 0 else None
    return found or clause_subject(text, lo, hi, spans, known)
