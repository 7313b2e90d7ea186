"""Names in a list: "the House of Commons, European Parliament, Scottish Parliament or ...".

A name right after a comma usually opens a clause, as its subject ("..., Ada Vik said"); but
between two other names of a list it is only an item, which no later "it" or "he" stands for.
"""

from __future__ import annotations

import re

# What follows an item of a list of names: another item, or "and"/"or" and the last one.
_NEXT_ITEM = re.compile(r"(?:,|\s+(?:and|or))\s+(?:the\s+)?[A-Z]")
# What comes before it: a comma after a capitalised word (the item before).
_ITEM_BEFORE = re.compile(r"[A-Z][\w'\u2019.&-]*,\s*$")


def in_name_list(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]``, after a comma, sits between two other names of
    a list ("..., Scottish Parliament, Welsh Assembly or Northern Ireland Assembly")."""
    return (
        _NEXT_ITEM.match(text, end) is not None
        and _ITEM_BEFORE.search(text, max(0, start - 40), start) is not None
    )
