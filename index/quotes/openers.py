"""What opens a sentence before a name, and so says how the name stands in it: a participle
phrase ("Responding to criticism from Ola Berg, he said"), a body's description ("Irish
publishing group Nordplan Media has bought")."""

from __future__ import annotations

import re

from index.quotes.cues import trie_pattern
from index.quotes.lexicon.bodies import ORG_DESCRIPTION_HEADS

# A sentence opening with a participle or "Asked", no comma yet: "And responding to ..."
# ("According to X," names a source).
_IN_OPENER = re.compile(
    r"(?:^|[.!?]\s+)(?:(?:And|But)\s+[a-z]+ing|(?!According)[A-Z][a-z]+ing|Asked)\s+"
    r"(?:to|with|at|on|in|from|about|after|before|for|the|a|an|his|her|their|its|this|out|up|by)"
    r"\b[^,.;:!?\"\u201c\u201d]*$"
)


def opener_comma(text: str, start: int) -> int | None:
    """The comma that closes the participle phrase opening the sentence that the name at
    ``start`` is in, if it is in one."""
    if _IN_OPENER.search(text, max(0, start - 160), start) is None:
        return None
    comma = text.find(",", start)
    return comma if comma != -1 else None


# A subject opened by a description of a body: "Irish publishing group Nordplan Media".
_ORG_HEADS = tuple(sorted(ORG_DESCRIPTION_HEADS))
_ORG_PREMODIFIERS = re.compile(
    r"(^|[.!?;:,\u201d\u201c\"]\s*)(?:[A-Z][\w'\u2019.\-]*\s+){0,3}(?:[a-z]+\s+){0,2}"
    rf"(?:{trie_pattern(_ORG_HEADS)})$"
)


def described_body(tail: str) -> bool:
    """Whether the words before a name (``tail``, right-stripped) open the sentence with a
    description of a body, so the name is the subject: "Irish publishing group"."""
    return tail.endswith(_ORG_HEADS) and _ORG_PREMODIFIERS.search(tail) is not None
