"""Quote extraction: who said what in an article body (placeholder until the extractor lands)."""

from __future__ import annotations

from collections.abc import Sequence

from index.model import Quote


def extract_quotes(paragraphs: Sequence[str]) -> tuple[Quote, ...]:
    """Return the quotations in ``paragraphs``, in reading order."""
    return ()
