"""Field lengths in one byte, as the local index keeps them, so both engines weigh them alike.

BM25 divides a field's word count by the average. The local index stores each count in one
byte on a logarithmic scale: byte ``b`` stands for ``round(27 * (1.033**b - 1))`` words (exact
up to 10, about 3 % apart above that, 106,374 at most), and a count is stored as the first
byte whose length is at least the count. Ranking elsewhere rounds counts the same way.
"""

from __future__ import annotations

from bisect import bisect_left

_BASE = 1.033
_SCALE = 27.0

LENGTH_OF_BYTE: tuple[int, ...] = tuple(round(_SCALE * (_BASE**b - 1)) for b in range(256))
"""The word count each byte stands for."""


def length_byte(words: int) -> int:
    """The byte a field of ``words`` words is stored as (255 for the longest)."""
    return min(255, bisect_left(LENGTH_OF_BYTE, words))


def stored_length(words: int) -> int:
    """``words`` rounded as a stored length: up to the next length a byte stands for."""
    return LENGTH_OF_BYTE[length_byte(words)]
