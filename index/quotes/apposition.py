"""Names in apposition: set off by commas after their sentence's subject, no subject themselves."""

from __future__ import annotations

import re

from index.quotes.registry import Registry

_PRONOUN_SUBJECT = re.compile(r"(?:He|She|They|We|I)\s")

_SET_OFF_END = re.compile(r",|\.(?:\s|$)|\s+and\s")


def set_off_after_subject(text: str, start: int, end: int, base: int, registry: Registry) -> bool:
    """Whether a name set off by commas comes after its sentence's subject: it is then in
    apposition or a list (``He met the mayor, Ada Vik, and ...``), no subject itself."""
    if text[start - 2 : start] != ", " or not _SET_OFF_END.match(text, end):
        return False
    sentence = text.rfind(". ", 0, start) + 2 if ". " in text[:start] else 0
    if _PRONOUN_SUBJECT.match(text, sentence):
        return True
    return registry.last_subject(base + sentence, base + start) is not None
