"""Limits on what is read, in a module of its own so that opening an index loads no reader."""

from __future__ import annotations

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
"""Files (and JSON lines) larger than this are skipped; configurable."""
