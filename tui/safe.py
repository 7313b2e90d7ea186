"""Making untrusted text (articles, file names, config keys) inert before it reaches a terminal."""

from __future__ import annotations

import json
import re
from typing import Any

# The Unicode bidirectional controls that can reorder what a reader sees: the Arabic letter
# mark, the left-to-right and right-to-left marks, embeddings, overrides and isolates.
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# C0 controls but tab and newline, DEL, C1 controls (0x9b is an 8-bit CSI), bidi controls, and
# lone surrogates (which no terminal stream can carry; article text never holds them).
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}\ud800-\udfff]")
_UNSAFE_ONE_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}]")
# Lone surrogates: the bytes of a file name that is not UTF-8 (``os.fsdecode`` keeps them so).
_SURROGATE = re.compile("[\ud800-\udfff]")
# What ``json.dumps(ensure_ascii=False)`` leaves raw but a terminal would act on (it escapes
# C0 itself), and the surrogates no UTF-8 stream can carry.
_JSON_UNSAFE = re.compile(f"[\x7f-\x9f{_BIDI}\ud800-\udfff]")


def inert(text: str) -> str:
    """``text`` without characters a terminal would act on (tabs and newlines kept)."""
    return _UNSAFE.sub("", text)


def unsafe_offsets(text: str) -> list[int]:
    """Where in ``text`` the characters :func:`inert` drops are."""
    return [match.start() for match in _UNSAFE.finditer(text)]


def inert_line(text: str) -> str:
    """``text`` on one line: unsafe characters dropped, line breaks and tabs made spaces, and
    the undecodable bytes of a file name shown as ``\\xNN``."""
    return _UNSAFE_ONE_LINE.sub(lambda m: " " if m.group() in "\n\t\r" else "", show_bytes(text))


def show_bytes(text: str) -> str:
    """``text`` with the undecodable bytes of a file name shown as ``\\xNN``."""
    return _SURROGATE.sub(_byte_escape, text)


def printable(text: str) -> str:
    """One line safe to write to any terminal (the same as :func:`inert_line`)."""
    return inert_line(text)


def json_text(value: Any, **options: Any) -> str:
    """``json.dumps`` with C0, C1, bidi controls and surrogates as ``\\uXXXX``, the rest readable.

    The output parses back to exactly ``value``; only the characters a terminal would act on
    (or that UTF-8 cannot carry) are escaped, so accented letters and other scripts stay as
    they are. ``options`` go to ``json.dumps`` (``indent``, ``separators``).
    """
    return _JSON_UNSAFE.sub(_json_escape, json.dumps(value, ensure_ascii=False, **options))


def _byte_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    # surrogateescape maps byte 0xNN to U+DCNN; any other lone surrogate is shown as itself.
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"
