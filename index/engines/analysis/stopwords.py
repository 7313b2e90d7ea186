"""The words left out of the index: so common in news that alone they find everything.

Kept short on purpose. Each word here is dropped from indexed text and from queries, so a
phrase simply steps over it (``"talks in Paris"`` finds *talks at Paris* too). Words that are
also names, months or countries stay searchable: ``US``, ``May``, ``Will``; so do ``not`` and
``no``, which turn a quote around (``"not guilty"``).
"""

from __future__ import annotations

STOP_WORDS: frozenset[str] = frozenset(
    """
    a an the
    and but or if
    as at by for from in into of on to with
    are be been is was were
    had has have
    he her his it its she their they this that we you your
    """.split()  # noqa: SIM905 (a list of words reads best as words)
)
"""Folded words never indexed (one-letter words are not indexed either)."""
