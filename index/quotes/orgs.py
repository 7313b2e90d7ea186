"""Organisations in running text: acronyms an article defines, and names only ever capitalised.

``it said`` stands for an organisation; these readings find organisations whose names carry
no word such as ``Bank`` or ``Council`` that tells them apart from people.
"""

from __future__ import annotations

import re

from index.quotes.cues import REPORTING_VERB_SET
from index.quotes.lexicon.bodies import FIRM_NAME_ENDS
from index.quotes.lexicon.grammar import AUXILIARIES, IRREGULAR_VERBS, QUANTIFIERS
from index.quotes.lexicon.people import (
    COURTESY_TITLES,
    DEMONYMS,
    FEMALE_NAMES,
    FIRST_NAMES,
    MALE_NAMES,
    ORG_WORDS,
    SPEAKER_NOUNS,
)
from index.quotes.registry import Registry

# "The Parents Television Council (PTC)": a name, then the acronym it goes by.
_DEFINED_ACRONYM = re.compile(
    r"(?P<name>[A-Z][\w&'\u2019-]*(?:\s+(?:(?:of|for|and|on|the)\s+)?[A-Z][\w&'\u2019-]*){1,6})"
    r"\s+\((?P<acronym>[A-Z]{2,6})\)"
)


def scan_acronyms(text: str, registry: Registry) -> None:
    """Note the acronyms a paragraph defines: ``Parents Television Council (PTC)``."""
    for found in _DEFINED_ACRONYM.finditer(text):
        name, acronym = found.group("name"), found.group("acronym")
        initials = "".join(word[0] for word in name.split() if word[0].isupper())
        if (initials.endswith(acronym) and initials.startswith(acronym[0])) or acronym in initials:
            words = name.split()
            start = len(words) - len(acronym)
            while start > 0 and words[start][0] != acronym[0]:
                start -= 1
            registry.aliases.setdefault(acronym, " ".join(words[max(0, start) :]))


# The word after a name, past an appositive ("Nordplan, the planner, posted") or the comma
# that closes one around the name ("The agency, Nordplan, posted").
# (``+`` after a repeat: what must follow is not in its class, so giving back never helps)
_NEXT_WORD = re.compile(r"(?:,[^,.;:\"\u201c\u201d]{1,60}+(?=,))?,? ([a-z]+)\b")


_FINITE_VERBS = IRREGULAR_VERBS | AUXILIARIES | REPORTING_VERB_SET
# What follows a present-tense verb ("Kraft plans to cut", "Halvard makes the ferries").
_OBJECT_NEXT = re.compile(r" (?:to|a|an|the|its|their|his|her|that|more|new)\b")


# (past adverbs: "Democrats also focused", "Nordplan quickly rose")
_LOWER_NEXT = re.compile(
    r"(?: (?:also|still|now|then|never|already|just|even|later|again|[a-z]+ly))* ([a-z]+)\b"
)


def modifies_next(text: str, end: int) -> bool:
    """Whether the word ending at ``end`` is followed by a lower-case word that is no verb:
    it describes that noun (``Group advertising revenues rose``), so it is no subject."""
    after = _LOWER_NEXT.match(text, end)
    if after is None:
        return False
    word = after.group(1)
    return not (word.endswith(("ed", "s")) or word in _FINITE_VERBS)


def a_name_in(article: str, word: str) -> bool:
    """Whether ``word`` is written as a name in ``article``: never in lower case, and at least
    once capitalised after a lower-case word (``shares in Nordplan``), not only opening a
    sentence as any word may (``Growth slowed``)."""
    named = False
    for written in (word[:1].lower() + word[1:], word[:1].upper() + word[1:]):
        at = article.find(written)
        while at != -1:
            before = article[at - 1 : at]
            after = article[at + len(written) : at + len(written) + 1]
            if (not before or before.isspace()) and not after.isalnum():
                if written[:1].islower():
                    return False
                # (or owning something: "Nordplan's new ferry", as a common word rarely does)
                owns = article[at + len(written) : at + len(written) + 2] in ("'s", "\u2019s")
                named = named or owns or (at > 1 and article[at - 2].islower())
            at = article.find(written, at + 1)
    return named


def speaking_name(text: str, start: int, word: str, article: str) -> bool:
    """Whether ``word``, opening a sentence at ``start`` as the subject of a verb of saying,
    is a name though never written mid-sentence ("Microsoft has said ..."): no speaker noun
    ("Analysts said") and never written in lower case."""
    before = text[:start].rstrip()
    return (
        (not before or before[-1] in '.!?"\u201d')
        and word.lower() not in SPEAKER_NOUNS
        and word.lower() not in FIRST_NAMES
        and f" {word[:1].lower()}{word[1:]}" not in article
    )


def subject_org(text: str, end: int, word: str, article: str) -> bool:
    """Whether an unknown capitalised word ending at ``end`` may be the subject of the verb after
    it (``Nordplan posted ...``), as a name the article gives (the caller checks its place).

    Such a word names an organisation that a later ``it said`` may stand for; a common word
    capitalised at the start of a sentence (``Profits rose``, ``Growth slowed``) does not.
    """
    if word.endswith("s") or not word.isalpha() or word in QUANTIFIERS or word in DEMONYMS:
        return False
    verb = _NEXT_WORD.match(text, end)
    if verb is None:
        return False
    found = verb.group(1)
    present = found.endswith("s") and _OBJECT_NEXT.match(text, verb.end()) is not None
    if not (found.endswith("ed") or found in _FINITE_VERBS or present):
        return False  # ("Venezuelan authorities have said": a word before a noun)
    return a_name_in(article, word)


# A capitalised name with connecting words: "The Bank of England", "the Institute for
# Geography and Statistics (IBGE)", "the Information Commissioner's Office".
_ORG_PHRASE = re.compile(
    r"(?:[Tt]he\s+)?(?P<name>[A-Z][\w&.\u2019'-]*(?:\s+(?:(?:of|for|and|on|the|de|&)\s+)*"
    r"[A-Z][\w&.\u2019'-]*)*)(?:\s+\([A-Z][A-Za-z]{1,7}\))?"
)
_CONNECTORS = frozenset(("of", "for", "and", "on", "the", "de", "&"))
# Heads of a name that are organisations before a connecting word only ("Chambers of
# Commerce"; "Guy Chambers" is a person).
_HEADS_BEFORE_CONNECTOR = ORG_WORDS | frozenset(("chamber", "chambers"))


def org_phrase(text: str) -> str | None:
    """The whole name of an organisation written as one capitalised phrase, else None.

    An organisation word (:data:`ORG_WORDS`) must come before the first connecting word
    ("Bank of", "Institute for") or end a name without one ("Commissioner's Office"), and no
    word may be a first name or a courtesy title ("Fed chairman Alan Greenspan").
    """
    found = _ORG_PHRASE.fullmatch(text.strip())
    if found is None:
        return None
    words = [w.lower().removesuffix("'s").removesuffix("\u2019s") for w in found["name"].split()]
    if len(words) < 2:
        return None
    if any(w in MALE_NAMES or w in FEMALE_NAMES or w in COURTESY_TITLES for w in words):
        return None
    first = next((at for at, w in enumerate(words) if w in _CONNECTORS), None)
    if first is None and words[-1] not in ORG_WORDS:
        return None  # ("Home Office minister Des Browne": a person with a role)
    if first is not None and _HEADS_BEFORE_CONNECTOR.isdisjoint(words[:first]):
        return None  # ("Ada Vik of the Harbour Board": a person, then where they work)
    name = text.strip()
    name = name[: found.end("name")] if found.end("name") < len(name) else name
    owner = _PLACE_OWNER.match(name)
    if owner is not None and words[-1] in FIRM_NAME_ENDS:
        return name[owner.end() :]  # "South Korea's Hyundai Motor": the firm, not its country
    return name


# A capitalised owner before a firm's name ("South Korea's Hyundai Motor").
_PLACE_OWNER = re.compile(r"(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*['\u2019]s\s+(?=[A-Z])")


# The words of a name before a connecting word that a later capitalised run ends: "the
# Department of Trade and " before "Industry".
_NAME_BEFORE_CONNECTOR = re.compile(
    r"(?:[Tt]he\s+)?[A-Z][\w&.\u2019'-]*(?:\s+(?:(?:of|for|and|on|the|de|&)\s+)*[A-Z][\w&.\u2019'-]*)*"
    r"\s+(?:of|for|and|&)\s+(?:the\s+)?$"
)
_CONNECTED = ("and ", "of ", "for ", "& ", "of the ", "and the ", "for the ")


def whole_org_name(text: str, start: int, end: int) -> tuple[int, str] | None:
    """Where the whole name of an organisation starts that the capitalised run
    ``text[start:end]`` only ends, after a connecting word ("Industry" of "the Department of
    Trade and Industry"), and that name, to be read in its place; the run's own start when the
    name stands after a comma (an appositive, no subject). None when the run is a name of its
    own ("General Motors and Toyota": two firms)."""
    if not text[max(0, start - 8) : start].endswith(_CONNECTED):
        return None
    head = _NAME_BEFORE_CONNECTOR.search(text, max(0, start - 80), start)
    if head is None:
        return None
    before = text[head.start() : start - 4].rsplit(maxsplit=1)[-1].lower()
    if text[start - 4 : start] == "and " and (
        " " in text[start:end].strip() or before in ORG_WORDS or before in FIRM_NAME_ENDS
    ):
        return None  # ("... and Easter Seals", "General Motors and Toyota": another body)
    name = org_phrase(text[head.start() : end])
    if name is None:
        return None
    comma = text[max(0, head.start() - 3) : head.start()].rstrip().endswith(",")
    return (start if comma else head.start()), name
