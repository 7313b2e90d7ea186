"""Quote extraction: who said what in an article body.

``extract_quotes`` finds direct quotes (inside quote marks), mixed quotes (quoted fragments in
reported speech) and indirect speech (``X said that ...``), with speakers resolved to their
fullest name and the role they were introduced with.
"""

from __future__ import annotations

from index.quotes.extract import extract_quotes

__all__ = ["extract_quotes"]
