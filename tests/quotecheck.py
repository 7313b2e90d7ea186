"""What every extracted quote must satisfy against the body it came from."""

from __future__ import annotations

from index.corpus.article import Quote
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
