"""Making untrusted article text inert before it reaches a terminal."""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls (0x9b is an 8-bit CSI), and the Unicode
# bidirectional embeddings, overrides and isolates that can reorder what a reader sees.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Lone surrogates: the bytes of a file name that is not UTF-8 (os.fsdecode). Printed, they
# fail to encode or go out raw (a 0x9b byte is a CSI to some terminals): shown as \xNN.
_SURROGATE = re.compile("[\udc80-\udcff]")


def _escape_bytes(text: str) -> str:
    return _SURROGATE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", text)


def inert(text: str) -> str:
    """``text`` without characters a terminal would act on (tabs and newlines kept)."""
    return _UNSAFE.sub("", _escape_bytes(text))


def inert_line(text: str) -> str:
    """``text`` on one line: unsafe characters dropped, line breaks and tabs made spaces."""
    return _UNSAFE_ONE_LINE.sub(lambda m: " " if m.group() in "\n\t\r" else "", _escape_bytes(text))
