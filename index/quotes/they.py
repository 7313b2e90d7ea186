"""``They said``: the group that spoke just before (``The Greens say ... They say ...``)."""

from __future__ import annotations

import bisect

from index.quotes.registry import SUBJECT_WEIGHT, Registry

GROUP_REACH = 600
"""How far (characters) ``they`` reaches back to a group that spoke."""

_SINGULAR_IN_S = frozenset(("news", "times", "services", "sciences", "affairs", "politics"))


def plural_name(name: str) -> bool:
    """Whether a name reads as plural, for ``they``: ``The Tories``, ``Liberal Democrats``
    (not ``BBC News`` or ``The Times``, names of one thing)."""
    last = name.rsplit(maxsplit=1)[-1].lower()
    return last.endswith("s") and not last.endswith("ss") and last not in _SINGULAR_IN_S


def resolve_they(registry: Registry, position: int) -> str | None:
    """The group that spoke, or plural organisation named as a subject, last before
    ``position``, close enough for ``they``."""
    best: tuple[int, str] | None = None
    groups = registry.groups
    at = bisect.bisect_left(groups, (position, "")) - 1
    if at >= 0 and position - groups[at][0] <= GROUP_REACH:
        best = groups[at]
    at = bisect.bisect_left(registry.positions, position) - 1
    while at >= 0 and position - registry.positions[at] <= GROUP_REACH:
        index = registry.mentioned[at]
        if (
            registry.weights[at] >= SUBJECT_WEIGHT
            and registry.org_like(index)
            and plural_name(registry.entities[index].name)
        ):
            if best is None or registry.positions[at] > best[0]:
                best = (registry.positions[at], registry.entities[index].name)
            break
        at -= 1
    return best[1] if best is not None else None
