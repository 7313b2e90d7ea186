"""A speaker set off by commas inside a statement: ``The pier, Vik said, is safe``."""

from __future__ import annotations

import re

from index.quotes.names import Source
from index.quotes.statements import skip_adjuncts
from index.quotes.subjects import subject_before

# What goes on after an attribution set off by commas when it interrupts one statement: the
# statement's verb ("The pier, Vik said, is safe").
_PREDICATE_NEXT = re.compile(
    r"\s*,\s*(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|"
    r"does|did|remains|remained|[a-z]{3,}ed)\s"
)


def continues_after(text: str, verb_end: int, hi: int) -> bool:
    """Whether the statement goes on with its verb after ``, X said,``."""
    return _PREDICATE_NEXT.match(text, skip_adjuncts(text, verb_end, hi), hi) is not None


_MAX_ASIDE_WORDS = 8


def aside_subject(text: str, lo: int, head_end: int) -> tuple[Source, int] | None:
    """The speaker phrase between the statement's last comma and the verb.

    Its offset is where the phrase starts, so that the statement ends at the comma
    (``Pivoting too soon, a wide array of economists say, hurt growth``).
    """
    comma = text.rfind(",", lo, head_end)
    if comma <= lo or len(text[comma + 1 : head_end].split()) > _MAX_ASIDE_WORDS:
        return None
    found = subject_before(text, comma + 1, head_end)
    if found is None:
        return None
    start = comma + 1
    while start < head_end and text[start].isspace():
        start += 1
    return found[0], start
