"""A statement that opens on its own speaker and verb of saying: not the outer source's.

"According to the Times, ferry boss Ada Vik said ...", "Nordplan says the deal is close,
the FT reports": the words are Vik's and Nordplan's, whom the paper reports; the verb after
their names reports them.
"""

from __future__ import annotations

import re

# A statement that opens on its own speaker and verb of saying: "ferry boss Ada Vik said".
_OWN_REPORT = re.compile(
    r"(?:[\w'\u2019.-]+\s+){0,4}?[A-Z][\w'\u2019.-]*\s+(?:has\s+|had\s+)?(?:said|says|told|"
    r"tells|added|adds|insisted|insists|warned|warns|claimed|claims|argued|argues)\b"
)


def opens_own_report(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` opens on its own speaker and verb ("Ada Vik said ...")."""
    return _OWN_REPORT.match(text, start, end) is not None
