"""How a size over the limit is reported, the same way for every web format."""

from __future__ import annotations


def too_large(size: int, limit: int) -> str:
    """The reason a file or record of ``size`` bytes is refused under ``limit``."""
    return f"too large ({size / 1e6:.1f} MB; the limit is {limit / 1e6:.1f} MB)"
