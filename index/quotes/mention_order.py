"""Which of several people a surname means at a point in the article: the one named last
before it ("Michael Howard ... Mr Howard said ... Australia's PM, John Howard"), not the one
the article names only later."""

from __future__ import annotations

import bisect
from collections.abc import Sequence


def by_last_mention(
    positions: Sequence[int], mentioned: Sequence[int], candidates: Sequence[int], position: int
) -> list[int]:
    """``candidates`` (entity indexes) ordered by their last mention before ``position``: those
    never mentioned before it first, the one mentioned last before it last."""
    wanted = set(candidates)
    last: dict[int, int] = {}
    for at in range(bisect.bisect_left(positions, position)):
        if mentioned[at] in wanted:
            last[mentioned[at]] = at
    return sorted(candidates, key=lambda index: last.get(index, -1))
