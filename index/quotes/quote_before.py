"""Whether a verb of saying attributes the quote just before it rather than a statement."""

from __future__ import annotations

import re
from collections.abc import Sequence

from index.quotes.marks import QuotedSpan, spans_between
from index.quotes.sentences import is_sentence_end
from index.quotes.titles import is_span_title

# (periods are allowed, but none of them may end a sentence: '," Mr. Obama said')
_AFTER_QUOTE_GAP = re.compile(r"[\s,;:\u2014\u2013-]*[^!?\"\u201c\u201d]{0,80}")
_THAT_NEXT = re.compile(r"\s+(?:\w+\s+){0,4}?that\b")
_CLOSING_VERBS = frozenset(
    ("said", "says", "added", "adds", "wrote", "writes", "argued", "warned", "believes")
)
# What may follow a verb that ends its sentence: a short adjunct ("on Monday"), then the end.
_SENTENCE_ENDS = re.compile(
    r"(?:\s+(?:on|in|at|last|this|yesterday|today|earlier|later|during|after|before)\b"
    r"[^.;:!?\"\u201c\u201d]{0,40})?\s*(?:[.!?]|$)"
)


def attributes_quote(
    text: str, spans: Sequence[QuotedSpan], lo: int, verb_start: int, verb_end: int, hi: int
) -> bool:
    """Whether the verb attributes the quote just before it (`"...," Rubio said in Iowa.`)."""
    # (a title before the verb is no quote it could attribute: 'on NRK's "Harbour Hour,"
    # Ada Vik said the pier is safe')
    closes = 0
    inner = ""
    for number in reversed(spans_between(spans, lo, verb_start)):
        span = spans[number]
        if span.close <= verb_start and not is_span_title(text, span):
            closes = span.close
            inner = text[span.end - 1 : span.end] if span.end > span.start else ""
            break
    if not closes:
        return False
    gap = text[closes:verb_start]
    words = gap.split()
    if len(words) > 8 or not _AFTER_QUOTE_GAP.fullmatch(gap):
        return False
    if (
        inner.isalnum()
        and "," in gap
        and gap.split(",", 1)[0].strip()
        and text[verb_start:verb_end].lower() in _CLOSING_VERBS
        and _SENTENCE_ENDS.match(text, verb_end, hi)
    ):
        # 'a "fresh start" for the islands, Ada Vik said.': the quoted words run on into the
        # statement, which the verb closing the sentence attributes as a whole.
        return False
    dot = gap.find(".")
    while dot != -1:
        if is_sentence_end(text, closes + dot):
            return False
        dot = gap.find(".", dot + 1)
    if words and words[-1] in ("and", "but"):
        # 'called him "crazy" and said ...': a second verb of the sentence's subject.
        return False
    return not _THAT_NEXT.match(text, verb_end, hi)
