"""Decoding web pages: byte-order mark, then the HTTP header, then the page's own declaration.

Declarations are often wrong, so the bytes get the last word: a page declared in a legacy
charset whose bytes are valid UTF-8 is read as UTF-8, and a page declared (or assumed) UTF-8
whose bytes are not is read as Windows-1252, with a warning either way.
"""

from __future__ import annotations

import codecs
import re

from index.formats.decode import Decoded, NotText

_SNIFF_BYTES = 4096
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.I
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})""")
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.I)
# Browsers read these labels as Windows-1252, which is a superset of them.
_AS_CP1252 = frozenset({"latin-1", "iso8859-1", "ascii", "cp1252"})
_NOT_PAGE_CODECS = frozenset({"idna", "punycode", "unicode-escape", "raw-unicode-escape"})
_UTF16 = ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def charset_of(content_type: str | None) -> str | None:
    """The ``charset`` parameter of an HTTP ``Content-Type`` header, if any."""
    if not content_type:
        return None
    found = _HEADER_CHARSET.search(content_type)
    return found.group(1) if found else None


def decode_markup(data: bytes, declared: str | None = None) -> Decoded:
    """Decode an HTML or XML document; ``declared`` is the charset its HTTP header named.

    Raises:
        NotText: When the bytes look binary.
    """
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(data[3:].decode("utf-8", errors="replace"))
    for bom, utf16 in _UTF16:
        if data.startswith(bom):
            return Decoded(data[2:].decode(utf16, errors="replace"))
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise NotText("binary file (contains NUL bytes)")
    label, origin = declared, "the HTTP header"
    if not _codec(label):
        head = data[:_SNIFF_BYTES]
        found = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
        label = found.group(1).decode("ascii") if found else None
        origin = "the page"
    codec = _codec(label)
    if label and codec is None:
        return _utf8_or_cp1252(data, f"unknown charset {label!r} in {origin}", loud=True)
    if codec is None or codec == "utf-8":
        return _utf8_or_cp1252(data, f"declared {label} in {origin}" if label else None)
    if codec in _AS_CP1252:
        codec = "cp1252"
    if not data.isascii():
        # Non-ASCII bytes that happen to form valid UTF-8 in a legacy encoding are rare.
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return Decoded(text, f"declared {label} in {origin} but the bytes are UTF-8")
    try:
        return Decoded(data.decode(codec))
    except UnicodeDecodeError as exc:
        warning = f"invalid {label} at byte {exc.start} ({origin}); bad bytes replaced"
        return Decoded(data.decode(codec, errors="replace"), warning)


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    name = info.name
    if not getattr(info, "_is_text_encoding", True) or name in _NOT_PAGE_CODECS:
        return None
    # A page cannot really be UTF-16 without a byte-order mark and still declare it in ASCII.
    return "utf-8" if name.startswith("utf-16") or name == "utf-8-sig" else name


def _utf8_or_cp1252(data: bytes, why: str | None, *, loud: bool = False) -> Decoded:
    try:
        return Decoded(data.decode("utf-8"), f"{why}; decoded as UTF-8" if loud else None)
    except UnicodeDecodeError as exc:
        where = f"invalid UTF-8 at byte {exc.start}"
    warning = f"{why}; {where}" if why else where
    return Decoded(data.decode("cp1252", errors="replace"), f"{warning}; decoded as cp1252")
