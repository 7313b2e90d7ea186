"""Who speaks after an opening adverbial that has no comma to end it.

``At a rally in Leeds Mr Dahl said``: the capitalised run ``Leeds Mr Dahl`` takes in the place
too, so the name is read from its courtesy title or first name on.
"""

from __future__ import annotations

import re

from index.quotes.lexicon.people import COURTESY_TITLES, FIRST_NAMES, PEERAGE_TITLES
from index.quotes.media_names import paper_ends_before
from index.quotes.names import Source, name_runs
from index.quotes.speakers import parse_source

# An adverbial that opens a sentence without a comma ("At a rally in Leeds Mr Dahl said").
_OPENING_ADVERBIAL = re.compile(
    r"(?:(?:and|but)\s+)?(?:in|at|on|during|after|before|from|speaking\s+(?:in|at|on|to)|"
    r"addressing|visiting|writing\s+in)\s[^,;:\"\u201c\u201d]{1,100}$",
    re.I,
)


def named_after_adverbial(segment: str) -> tuple[Source, int] | None:
    """The person named last in an opening adverbial without its comma.

    ``At a rally in Leeds Mr Dahl``: the capitalised run ``Leeds Mr Dahl`` takes in the place
    too; the name starts at the courtesy title or first name within it.
    """
    tail = segment.rstrip()
    if not _OPENING_ADVERBIAL.fullmatch(tail):
        return None
    run = None
    for run in name_runs(tail):  # noqa: B007 - the last one is wanted
        pass
    if run is None or run.end() != len(tail) or run.start() == 0:
        return None
    words = run.group().split()
    offsets = [match.start() for match in re.finditer(r"\S+", run.group())]
    for at, word in enumerate(words):
        bare = word.rstrip(".").lower()
        titled = bare in COURTESY_TITLES or bare in PEERAGE_TITLES or bare in FIRST_NAMES
        # ("Speaking to the Washington Post Trump": the paper, then the one who spoke)
        if at and ((titled and at < len(words) - 1) or paper_ends_before(words, at, tail)):
            source = parse_source(" ".join(words[at:]))
            if source is not None and source.kind == "person":
                return source, run.start() + offsets[at]
    return None
