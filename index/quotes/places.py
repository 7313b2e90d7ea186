"""Places in a speaker phrase: "in Bergen, Norway", "of North Philadelphia", "R-Texas"."""

from __future__ import annotations

import re

from index.quotes.lexicon.people import FEMALE_NAMES, MALE_NAMES
from index.quotes.names import bare_token

# An opener ending on a place: "Speaking at a rally in Bergen".
ENDS_ON_PLACE = re.compile(r"\b(?i:in|at|near|from|outside|of)\s+(?:[A-Z][\w.'\u2019-]*\s*)+$")


def place_like(parts: list[str]) -> bool:
    """Appositives such as ``of North Philadelphia`` or ``R-Texas`` that are not roles."""
    return all(
        len(part.split()) <= 4
        and (part.startswith(("of ", "from ", "in ")) or part[:1].isupper())
        and bare_token(part.split()[0]) not in MALE_NAMES
        and bare_token(part.split()[0]) not in FEMALE_NAMES
        for part in parts
    )
