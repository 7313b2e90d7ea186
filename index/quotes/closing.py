"""An attribution that closes the sentence holding quoted words: ``..., said Ada Vik.``

News often quotes a few words early in a sentence and names who said them only at its
end: ``"Very unlikely" that the pier reopens this year, said Ada Vik.`` or ``The inquiry
found no "links of any weight" between the fires, the fire chief, Ada Vik, said on Friday.``
The attribution then covers the whole sentence, quoted words included, and wins over the
subject of a verb before them (the inquiry found ...), which only reports what was found.
"""

from __future__ import annotations

import re

from index.quotes.cues import ADVERB
from index.quotes.names import Source
from index.quotes.phrase_cuts import affiliated_person, cut_phrase
from index.quotes.speakers import parse_source

CLOSING = "mixed-closing-said"

# Verbs that end a sentence as its attribution, in either order with the speaker.
_VERBS = (
    r"said|says|added|adds|wrote|writes|explained|noted|recalled|argued|insisted|suggested|"
    r"warned|claimed"
)
_QUOTE_MARKS = '"\u201c\u201d'
# `, said the fire chief, Ada Vik, on Friday.`: the verb first, the speaker after it.
_INVERTED = re.compile(
    rf",\s+(?:{ADVERB}\s+)?(?P<cue>{_VERBS})\s+(?P<source>[^{_QUOTE_MARKS};:]{{2,160}}?)"
    r"\s*[.!?]?\s*$"
)
# `, Ada Vik said on Friday.` / `, the fire chief, Ada Vik, said.` / `, she added.`
_SUBJECT_FIRST = re.compile(
    rf",\s+(?P<source>(?:[A-Z]|(?:he|she|they|the|our|a|an|its|his|her|their)\b)[^{_QUOTE_MARKS};:]{{0,120}}?),?"
    rf"\s+(?:{ADVERB}\s+)?(?P<cue>{_VERBS})\b(?P<adjunct>[^,{_QUOTE_MARKS};:]{{0,40}})"
    r"[.!?]?\s*$"
)


def closing_attribution(text: str, after: int, end: int) -> tuple[Source, int, str] | None:
    """The speaker named at the end of a sentence, after its last quoted words.

    Args:
        text: The paragraph.
        after: Offset just past the sentence's last quoted span.
        end: Offset of the end of the sentence.

    Returns:
        The speaker phrase, its offset and the cue, or None when the sentence does not end
        with ``, said NAME`` or ``, NAME said``.
    """
    tail = text[after:end]
    if any(mark in tail for mark in _QUOTE_MARKS):
        return None
    inverted = _INVERTED.search(tail)
    if inverted is not None:
        phrase = inverted.group("source")
        source = parse_source(cut_phrase(phrase))
        if source is not None and source.kind != "pronoun":
            return source, after + inverted.start("source"), inverted.group("cue")
    subject = _SUBJECT_FIRST.search(tail)
    if subject is not None:
        phrase = subject.group("source").rstrip(", ")
        source = parse_source(phrase)
        if source is None:
            # `, Ada Vik of the harbour board said`: a full name, then where they work.
            source = affiliated_person(phrase)
        if source is not None:
            return source, after + subject.start("source"), subject.group("cue")
    return None
