"""What every extracted quote must satisfy against the body it came from."""

from __future__ import annotations

from index.corpus.article import Quote
from index.quotes import extract_quotes
from index.quotes.join import join_pieces


def check_offsets(quote: Quote, body: str) -> None:
    """Assert that the quote's pieces are valid, ordered, and spell out its text."""
    spans = quote.spans
    assert (quote.start, quote.end) == (spans[0][0], spans[-1][1])
    assert len(quote.parts) != 1
    previous = 0
    for start, end in spans:
        assert previous <= start < end <= len(body)
        previous = end
    assert quote.text == join_pieces(body, spans, quote.kind)
    if quote.parts:
        assert all(body[start:end] in quote.text for start, end in quote.parts)


def speaker_of(
    paragraphs: tuple[str, ...], start: str, disabled: frozenset[str] = frozenset()
) -> str | None:
    """The speaker of the quote of ``paragraphs`` whose text starts with ``start``."""
    found = extract_quotes(paragraphs, disabled)
    quote = next((q for q in found if q.text.startswith(start)), None)
    assert quote is not None, f"no quote starts with {start!r}: {[q.text for q in found]}"
    return quote.speaker
