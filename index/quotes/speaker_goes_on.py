"""Rule ``speaker-goes-on``: "he said" after a statement goes on with its speaker.

In "Ada Vik said she and Nora Lunde had planned it. "It was hard," she said." the second
"she" is Vik, who was speaking, not Lunde, whom only Vik's statement named. A pronoun that
would land on someone named since the last speaker only inside that speaker's statement
stands for the speaker instead, when their gender fits.
"""

from __future__ import annotations

from typing import NamedTuple

from index.quotes.registry import Registry

SPEAKER_GOES_ON = "speaker-goes-on"


class Spoken(NamedTuple):
    """The last speaker's entity and the body spans of their statements since another spoke."""

    speaker: int
    spans: tuple[tuple[int, int], ...]


def speaker_goes_on(registry: Registry, chosen: int, last: Spoken | None, position: int) -> int:
    """The entity a pronoun at ``position`` stands for, given the one ``chosen`` for it and
    the ``last`` statement before it."""
    if last is None or chosen == last.speaker:
        return chosen
    if registry.entities[last.speaker].gender != registry.entities[chosen].gender:
        return chosen
    named = registry.last_mention_before(chosen, position)
    if any(start <= named < end <= position for start, end in last.spans):
        return last.speaker  # (named since only inside the speaker's own statements)
    return chosen


def spoken(last: Spoken | None, speaker: int, start: int, end: int) -> Spoken:
    """``last`` with the statement at ``[start, end)`` by ``speaker`` added."""
    if last is None or last.speaker != speaker:
        return Spoken(speaker, ((start, end),))
    return Spoken(speaker, (*last.spans, (start, end)))
