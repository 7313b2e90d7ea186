"""Bytes to clean text: encoding detection, binary sniffing and control-character removal."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_SNIFF_BYTES = 8192
# C0 controls except tab and newline, DEL, and C1 controls. ESC (\x1b) is among them, so
# terminal escape sequences cannot survive decoding as live sequences.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile("\r\n?|[\u2028\u2029\x85\x0b\x0c]")
_BINARY_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


class NotText(ValueError):
    """The bytes are not text we can read (binary, or an undecodable UTF-16)."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text and, when the bytes were not clean UTF-8, a warning saying so."""

    text: str
    warning: str | None = None


def decode_bytes(data: bytes) -> Decoded:
    """Decode article bytes: UTF-8 (BOM allowed), UTF-16 with BOM, else cp1252 or latin-1.

    Raises:
        NotText: When the bytes look binary.
    """
    prefix = ""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        if not _looks_utf16(data[2 : 2 + _SNIFF_BYTES]):
            # A stray UTF-16 mark before 8-bit text: reading the rest as UTF-16 would turn
            # every pair of letters into one CJK character.
            data = data[2:]
            prefix = "starts with a UTF-16 byte-order mark but is not UTF-16"
        else:
            try:
                return Decoded(clean_text(data.decode("utf-16")))
            except UnicodeDecodeError as exc:
                raise NotText(f"invalid UTF-16 ({exc.reason} at byte {exc.start})") from None
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        raise NotText("binary file (contains NUL bytes)")
    if head and len(_BINARY_CONTROL.findall(head)) > len(head) // 20:
        raise NotText("binary file (too many control bytes)")
    try:
        return Decoded(clean_text(data.decode("utf-8")), prefix and f"{prefix}; decoded as UTF-8")
    except UnicodeDecodeError as exc:
        where = f"invalid UTF-8 at byte {exc.start}"
        if prefix:
            where = f"{prefix}; {where}"
    try:
        return Decoded(clean_text(data.decode("cp1252")), f"{where}; decoded as cp1252")
    except UnicodeDecodeError:
        return Decoded(clean_text(data.decode("latin-1")), f"{where}; decoded as latin-1")


def _looks_utf16(payload: bytes) -> bool:
    """Whether the bytes after a UTF-16 byte-order mark can be UTF-16 text.

    UTF-16 text always holds NUL or low control bytes: the high byte of every ASCII character
    (spaces, digits, punctuation) is NUL, and CJK punctuation (U+3001, U+3002, U+FF0C) has a
    control byte as its low byte. Bytes with neither are 8-bit text after a stray mark.
    """
    return not payload or b"\x00" in payload or _BINARY_CONTROL.search(payload) is not None


def clean_text(text: str) -> str:
    """Normalise line endings to ``\\n`` and drop control characters other than tab and newline."""
    return _CONTROL.sub("", _LINE_BREAKS.sub("\n", text))
