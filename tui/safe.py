"""Making untrusted article text inert before it reaches a terminal."""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls (0x9b is an 8-bit CSI), and the Unicode
# bidirectional embeddings, overrides and isolates that can reorder what a reader sees.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def inert(text: str) -> str:
    """``text`` without characters a terminal would act on (tabs and newlines kept)."""
    return _UNSAFE.sub("", text)


def inert_line(text: str) -> str:
    """``text`` on one line: unsafe characters dropped, line breaks and tabs made spaces."""
    return _UNSAFE_ONE_LINE.sub(lambda m: " " if m.group() in "\n\t\r" else "", text)
