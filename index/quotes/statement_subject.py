"""Whom a statement names as its own subject: not the one a pronoun after it stands for.

In "Mr Vik has failed, he claimed" the speaker is not Vik: news would write "Mr Vik
claimed". The pronoun then stands for whoever was spoken of before the statement.
"""

from __future__ import annotations

import bisect

from index.quotes.registry import Registry

# (characters from the statement's start: "Mr Vik", "But Mr Vik"; not "Though Mr Vik", whose
# clause may well be the speaker's own)
_SUBJECT_REACH = 5


def names_subject(
    registry: Registry, index: int, statement: tuple[int, int], position: int
) -> bool:
    """Whether entity ``index`` is named in the first words of ``statement``, a statement
    that comes before the pronoun at ``position`` (its own subject, then)."""
    if statement[1] >= position:
        return False
    at = bisect.bisect_left(registry.positions, statement[0])
    stop = min(statement[1], statement[0] + _SUBJECT_REACH)
    while at < len(registry.positions) and registry.positions[at] < stop:
        if registry.mentioned[at] == index:
            return True
        at += 1
    return False
