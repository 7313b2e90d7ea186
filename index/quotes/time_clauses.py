"""A time or reason clause that opens what follows a verb of saying, and is not what was said."""

from __future__ import annotations

import re

# "said in August after the firm announced cuts", "said when the host asked him": when or
# why it was said. (Not "as", "if" or "whether": "described as", "asked if" take content;
# nor "following": "said following his lead was hard" has a gerund for subject.)
_SUBORDINATE = re.compile(
    r"(?:after|before|when|while|whilst|once|until|because|since)\s+(?!that\b)", re.I
)
# The statement's own subject after a short time phrase: "said after the vote he would go", "said
# after a year Labour had changed".
_OWN_SUBJECT = re.compile(
    r"(?<=\s)(?:he|she|they|we|I|it|[A-Z][a-z]+|(?:the|its|his|her|their)\s+[a-z]+)\s+(?:also\s+|still\s+|now\s+|\w+ly\s+)?"
    r"(?:would|will|had|has|have|was|is|were|could|should|did|might|must|may|can)\b"
)


def time_clause_only(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is only a clause saying when it was said, no statement.

    ``said after the firm announced cuts``, ``said when the host asked him``: no statement.
    With a comma or a subject of its own (``said after the vote, the plan was dead``, ``said
    after the vote he would go``) the clause belongs to what was said.
    """
    opening = _SUBORDINATE.match(text, start)
    if opening is None:
        return False
    if text.find(",", start, end) >= 0:
        return False  # ("said while the plan was sound, it came late": all of it was said)
    subject = _OWN_SUBJECT.search(text, opening.end(), end)
    if subject is None:
        return True
    if subject.start() == opening.end():
        # "would not say when they would vote": a question; but in "said once Britain had
        # opted in it could not opt out" all of it was said.
        return text[start : start + 4].lower() == "when"
    # "after the firm announced it was closing": the pronoun is the clause's own object; but
    # in "said after the vote he would go" all of it was said.
    return text[opening.end() : subject.start()].rstrip().endswith("ed")
