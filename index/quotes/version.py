"""The quote extractor's version, importable without loading the extractor."""

from __future__ import annotations

EXTRACTOR_VERSION = 20
"""Bump when what ``index.quotes.extract_quotes`` finds changes: an index holds speakers and
quote text, so the articles stored in one built with another extractor version are annotated
again (and only those whose quotes change are written again)."""
