"""Words after a verb of saying that are no statement: a label, a time, a thing written.

``the results they noted as interesting``: a label the verb gives; ``said as he left``: when
it was said; ``they are writing their third album``: the act of writing and what is
written, not reported speech. (A relative clause is a statement all the same: in ``the
plan, which they say has failed`` the plan has failed, by their word, as PolNeAR's
annotators read it too.)
"""

from __future__ import annotations

import re

# Forms of "write" that name the act of writing unless a "that" follows.
_WRITING = frozenset(("write", "writing"))
_WRITTEN = _WRITING | frozenset(("wrote", "writes"))


# "who they say they are", "what he said it was": the idiom of an identity, nothing reported.
_IDENTITY = re.compile(r"(?:they|he|she|it|we|you|i)(?:'re|\s+(?:is|are|was|were|am)\b)", re.I)

_REFLEXIVE = re.compile(r"(?:him|her|it|them)sel(?:f|ves)\s+(?:the\s+)?[A-Z]")
# The rest of an outlet's name after its first word: "(told Reuters) news agency".
_OUTLET = re.compile(r"(?:news\s+)?(?:agency|service|wire|network|newspaper|magazine|radio)")

# Verbs of saying that also take a thing for object.
_THING_VERBS = ("reveal", "announc", "add", "confirm")
# What they report then: a clause ("that ...", "she had ...", "how ..."), not a thing.
_CLAUSE = re.compile(
    r"(?:that|how|why|what|whether|when|where|who)\b|(?:\S+\s+){0,6}?(?:is|are|was|were|has|have|"
    r"had|will|would|could|should|can|may|might|must|did|does|do)\b"
)
# "asked him a question", "asked two more questions": that something was asked, not what.
_A_QUESTION = re.compile(r"(?:[\w-]+\s+){0,5}questions?")

# "said as many as 300 jobs could go": a number, and the statement goes on.
_AS_COUNT = frozenset(("many", "few"))


def no_statement(text: str, start: int, end: int, verb: str, subject_at: int = -1) -> bool:
    """Whether ``text[start:end]`` after ``verb`` is no reported statement: a label ("noted
    as interesting"), a time ("said as he left"), or what is being written ("writing a
    book"). "As" opens a statement only before a comma that ends its own clause ("said as
    the pier was shut, the ferry would stop") or a count ("as many as")."""
    if text.startswith("as ", start):
        second = text[start + 3 : start + 12].split(maxsplit=1)[:1]
        return not (second and second[0] in _AS_COUNT) and "," not in text[start:end]
    if verb.startswith("call") and _REFLEXIVE.match(text, start):
        return True  # ("a man calling himself Salam Pax": a name he goes by, not a claim)
    if verb.startswith("report") and (
        text.startswith("back ", start)
        or (text.startswith("to ", start) and " that " not in text[start:end])
    ):
        return True  # ("will report back to the council", "will report to MPs": to whom)
    if verb.startswith(_THING_VERBS) and not _CLAUSE.match(text, start, end):
        # ("revealed the full scale of the cuts", "announced plans for an album", "added the
        # crown to her titles", "confirmed his place": a thing, no statement)
        return True
    if verb.startswith("ask") and _A_QUESTION.fullmatch(text, start, end):
        return True  # ("when the host asked him a question": what was asked is not given)
    if _OUTLET.fullmatch(text, start, end):
        return True  # ('..., she told Reuters news agency.': the rest of whom she told)
    if (
        subject_at > 0
        and _IDENTITY.match(text, start)
        and text[max(0, subject_at - 6) : subject_at].rstrip().lower().endswith(("who", "what"))
    ):
        return True  # ("to check whether a user is who they say they are": no statement)
    if verb in _WRITTEN and text.startswith(("which ", "that "), subject_at):
        return True  # ("a film which he wrote, directed and starred in": what he wrote)
    return verb in _WRITING and not text.startswith("that ", start)
