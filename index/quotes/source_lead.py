"""What opens a speaker phrase without being the speaker: when, what the news came with, and
who quoted the speaker.

"Last month the SEC said ..." and "The revelation came as the Russian government said ..."
are spoken by the SEC and the Russian government; the words before them set the scene.
"""

from __future__ import annotations

import re

from index.quotes.lexicon.grammar import NOT_PHRASE_WORDS
from index.quotes.lexicon.people import HONORIFICS, NAME_HOMOGRAPHS

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)"
)
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# "last month", "Late last week", "this March": a time, never a name ("Last Night of the
# Proms" and "This Morning" are names, in capitals).
_PERIOD = (
    rf"(?:(?:[Ll]ate|[Ee]arly)\s+)?(?:[Ll]ast|[Tt]his|[Nn]ext)\s+"
    rf"(?:week|month|year|night|weekend|{_DAY}|{_MONTH})"
)
# "On Friday", "Earlier", "In a statement": the scene, before a comma or "the".
_WHEN = (
    rf"(?:[Oo]n\s+)?{_DAY}|[Ee]arlier|[Ll]ater|[Yy]esterday|[Mm]eanwhile|[Ii]nstead|"
    r"[Ii]n\s+(?:a|an|its|his|her|their)\s+(?:statement|report|interview)|"
    # "Even without changes the commission", "Under the deal the union": a short phrase of
    # a preposition and lower-case words
    r"(?:[Ee]ven\s+)?(?:[Ww]ithout|[Uu]nder|[Dd]espite|[Aa]mid|[Aa]fter|[Bb]efore)\s+"
    r"(?:(?:a|an|the|this|that|its|his|her|their|such)\s+)?[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?"
)
_LEAD = re.compile(rf"{_PERIOD}\s*,?\s+(?=\S)|(?:{_WHEN})\s*,\s*|(?:{_WHEN})\s+(?=(?:the|a|an)\s)")
# "The revelation came as", "Its comments came after", "The news comes amid".
_CAME_WITH = re.compile(
    r"^[^,]{0,60}?\b(?:came|comes|come)\s+(?:as|after|amid|when|just\s+as)\s+(?=\S)", re.I
)

_VERB = re.compile(r"\b[a-z]+ed\b")
# "Despite receiving", "After reading": an opening participle phrase without its comma.
_DOING = re.compile(
    r"(?:Despite|After|Before|While|Whilst|Since|On|Upon|Without)\s+[a-z]{3,}ing\s+(?=\S)"
)
# "The paper reports that", "His book claims that": another's report, inside which the
# speaker is named.
_REPORTS_THAT = re.compile(
    r"\s(?:reports|reported|claims|claimed)\s+"
    r"that\s+(?=\S)"
)
# '"...," the newspaper quoted the chief executive as saying': the one quoted speaks.
_QUOTED_AS = re.compile(
    r"^.{1,80}?\s(?:(?:quoted|cited)\s+(?!by\b)(?P<who>.+?)(?:\s+as)?|"
    r"(?:reports|reported)\s+(?!by\b)(?P<reported>.+?)\s+as)$"
)


def strip_lead(phrase: str) -> str:
    """``phrase`` without the time or the news it opens with, or only the one it quotes
    (unchanged if nothing is left)."""
    text = phrase
    lead = _LEAD.match(text)
    if lead is not None:
        text = text[lead.end() :]
    doing = _DOING.match(text)
    if doing is not None and "," not in text:
        text = text[doing.end() :]  # "Despite receiving a note from X (which said)": the note
    came = _CAME_WITH.match(text)
    if came is not None and _VERB.search(text, came.end()) is None:
        text = text[came.end() :]  # (not "came after X suspended a candidate": a clause)
    reported = _REPORTS_THAT.search(text)
    if reported is not None and "," not in text[reported.end() :]:
        text = text[reported.end() :]  # ("The paper reports that Dahl (told ...)": Dahl)
    quoted = _QUOTED_AS.match(text)
    if quoted is not None:
        text = quoted.group("who") or quoted.group("reported")
    return text if text.strip() else phrase


# A finite auxiliary makes a clause of a subject phrase ("The builder of the dam is continuing
# work on ..."), unless a relative clause holds it ("users who had tested the software").
_AUXILIARY = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|could|can|should|must)\b")
_RELATIVE = re.compile(r"\b(?:who|which|that|whose|whom|where|when)\b", re.I)
# A pronoun and a verb open a clause, not a speaker phrase: "But he accused the board of ...".
_PRONOUN_CLAUSE = re.compile(
    r"(?:(?:[Bb]ut|[Aa]nd|[Yy]et|[Ss]o)\s+)?(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)\s+"
    r"(?!himself|herself|themselves|ourselves|both|all|alone)[a-z]"
)


# A verb and its object pronoun: "A review by the ONS found it (had made ...)".
_VERB_AND_OBJECT = re.compile(
    r"\s(?:[a-z]{3,}ed|found|told|made|took|gave|saw|thought|knew|held|kept|sent|got)\s+"
    r"(?:it|him|them)$"
)


def is_clause(phrase: str) -> bool:
    """Whether ``phrase`` is a clause with a verb of its own, so no one's name or description
    (one without commas: a part set off by commas may be an aside, or the name come last; one
    opening on a pronoun and a verb: "But he accused the board of ...")."""
    if _PRONOUN_CLAUSE.match(phrase):
        return True
    verb = _VERB_AND_OBJECT.search(phrase)
    if verb is not None and _RELATIVE.search(phrase, 0, verb.start()) is None:
        return True  # (but "groups that have endorsed him": a relative clause's verb)
    if "," in phrase:
        return False
    verb = _AUXILIARY.search(phrase)
    return verb is not None and _RELATIVE.search(phrase, 0, verb.start()) is None


def clause_word(tokens: list[str], words: list[str]) -> bool:
    """Whether a word of ``NOT_PHRASE_WORDS`` among ``words`` is a clause word, not a name.

    ``May`` after a capitalised word and ``Will`` before a name (not before ``Mr.``: ``Will
    Mr. Clarke ...`` asks a question) are names.
    """
    for at, word in enumerate(words):
        if word not in NOT_PHRASE_WORDS:
            continue
        if tokens[at].isupper() and len(word) > 1:
            continue  # "A US Embassy spokesman": an acronym, not the pronoun "us"
        if word in NAME_HOMOGRAPHS and tokens[at][:1].isupper():
            if at and tokens[at - 1][:1].isupper():
                continue
            following = words[at + 1] if at + 1 < len(words) else ""
            if (
                following
                and tokens[at + 1][:1].isupper()
                and following.rstrip(".") not in HONORIFICS
            ):
                continue
        return True
    return False


# A list of capitalised words inside a body's name: "Department for Culture, Media and Sport".
_LISTED_NAME = re.compile(
    r"\b(?:for|of)\s+(?:the\s+)?[A-Z][\w&'\u2019-]*(?:,\s+[A-Z][\w&'\u2019-]*)+,?\s+and\s+[A-Z]"
)


def comma_parts(text: str) -> list[str]:
    """``text`` split at its commas, except those of a list inside a body's name."""
    if "," not in text:
        return [text]
    kept = [found.span() for found in _LISTED_NAME.finditer(text)]
    parts: list[str] = []
    start = 0
    for at, char in enumerate(text):
        if char == "," and not any(begin < at < end for begin, end in kept):
            parts.append(text[start:at])
            start = at + 1
    parts.append(text[start:])
    return parts
