"""Rule ``document-owner``: what someone's document says, they say.

"Mr Crosby's statement said", "its report says", "his letter to the council added": the
speaker is the one who wrote it (Crosby, the body "its" stands for, the man "his" stands
for), not the paper.
"""

from __future__ import annotations

import re

from index.quotes.lexicon.people import ORG_WORDS
from index.quotes.names import Source
from index.quotes.speakers import parse_source

DOCUMENT_OWNER = "document-owner"

_DOCUMENT = (
    r"(?:(?:new|latest|own|annual|written|official|first|final)\s+)?"
    r"(?:statement|report|letter|book|memo|memoir|email|e-mail|blog|website|manifesto|note|"
    r"study|survey|column|article|submission|filing|complaint|lawsuit|ruling|judgment|paper)"
    # ("his letter to the council", "its report on the pier")
    r"(?:\s+(?:to|on|about|into|for)\s+[^,;:]{1,60})?"
)
_OWNED = re.compile(
    rf"(?P<owner>[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){{0,3}})['\u2019]s\s+{_DOCUMENT}"
)
_PRONOUN_OWNED = re.compile(rf"(?P<owner>[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+{_DOCUMENT}")
# "a report by the Pew Research Center", "a study from Nordbank": who wrote it, after it.
_BY = re.compile(
    r"(?:[Tt]he|[Aa]n?)\s+(?:(?:new|latest|annual|full|final)\s+)?(?:report|study|survey|paper|"
    r"review|analysis)\s+(?:by|from)\s+(?P<owner>(?:the\s+)?(?:[A-Z][\w.&'\u2019-]*\s*){1,6})"
)
# "a World Bank report", "the ADB study": who wrote it, before it.
_NAMED_BEFORE = re.compile(
    r"(?:(?P<the>[Tt]he)|[Aa]n?)\s+(?P<owner>(?:[A-Z][\w.&'\u2019-]*\s+){1,5})(?:new\s+)?(?:report|study|"
    r"survey|review|analysis)"
)
_SUBJECT = {"its": "it", "his": "he", "her": "she", "their": "they"}


def document_owner(phrase: str) -> str | None:
    """The phrase for who owns the document ``phrase`` names (``Mr Crosby``, ``it``), if any."""
    phrase = phrase.strip()
    found = _OWNED.fullmatch(phrase)
    if found is not None:
        return found["owner"]
    found = _PRONOUN_OWNED.fullmatch(phrase)
    if found is not None:
        return _SUBJECT[found["owner"].lower()]
    found = _BY.fullmatch(phrase)
    if found is not None:
        return found["owner"].strip()
    found = _NAMED_BEFORE.fullmatch(phrase)
    if found is None:
        return None
    # ("the Harbour Board report": the Harbour Board; "the Gartner report": Gartner)
    owner = found["owner"].strip()
    named_so = found["the"] and owner.rsplit(maxsplit=1)[-1].lower() in ORG_WORDS
    return f"{found['the']} {owner}" if named_so else owner


def owner_source(source: Source) -> Source:
    """The owner of the document ``source`` names, as a source, or ``source`` itself."""
    owner = document_owner(source.name) if source.kind == "org" else None
    return (parse_source(owner) or source) if owner is not None else source
