"""Read a speaker phrase: who it names, as what kind of source, in which role and gender."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from index.quotes.cues import trie_pattern
from index.quotes.lexicon import (
    FEMALE_NAMES,
    FEMALE_WORDS,
    HONORIFICS,
    MALE_NAMES,
    MALE_WORDS,
    NOT_NAME_WORDS,
    NOT_PHRASE_WORDS,
    ORG_WORDS,
    PLACE_NAMES,
    PLACE_WORDS,
    PRONOUN_GENDER,
    SPEAKER_NOUNS,
    Gender,
    word_set,
)

SourceKind = Literal["person", "org", "group", "pronoun"]

_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_ABBREVIATED = (
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Adm|Prof|Rev|St|Jr|Sr|Ft|Mt|Pres)\."
)
_WORD = (
    rf"(?:{_ABBREVIATED}|[{_UPPER}]\.(?:[{_UPPER}]\.)*|"
    rf"[{_UPPER}](?:[\w\-]|['\u2019](?=[A-Za-z])(?!s\b))*)"
)
_PARTICLE = r"(?:de|da|del|della|di|du|van|von|der|den|bin|ibn|al|el|la|le|dos|das|ter|y)"
_NOT_START = (
    "(?!"
    + trie_pattern(
        [
            "In",
            "On",
            "At",
            "The",
            "But",
            "And",
            "For",
            "If",
            "When",
            "As",
            "After",
            "Before",
            "With",
            "From",
            "By",
            "To",
            "Of",
            "A",
            "An",
            "It",
            "He",
            "She",
            "They",
            "We",
            "This",
            "That",
            "There",
            "So",
            "Yet",
            "Or",
            "While",
            "Since",
            "Because",
            "Although",
            "Though",
            "According",
            "Asked",
            "Speaking",
            "Still",
            "Meanwhile",
            "However",
            "Then",
            "Now",
            "Today",
            "Later",
            "Earlier",
        ]
    )
    + r"\b)"
)
NAME_RUN = re.compile(
    rf"(?=[{_UPPER}])(?<![\w'\u2019]){_NOT_START}{_WORD}"
    rf"(?:[ \u00a0]+(?:{_PARTICLE}[ \u00a0]+)?{_WORD})*"
    rf"(?:,?[ \u00a0](?:Jr|Sr)\.?|[ \u00a0](?:II|III|IV))?"
)
"""A run of capitalised words (with name particles and initials), possibly a name."""

_POSSESSIVE = re.compile(r"['\u2019]s?$")
_PARENTHETICAL = re.compile(r"\s*\([^()]{0,60}\)")
_SPACES = re.compile(r"\s+")
_LEAD = re.compile(
    r"^(?:(?:but|and|so|yet|still|meanwhile|however|instead|now|then|later|also|even|"
    r"indeed|moreover|further|furthermore|finally|afterward|afterwards|separately|"
    r"similarly|likewise|nonetheless|nevertheless|by\s+contrast|in\s+response|"
    r"in\s+addition|for\s+(?:his|her|their|its)\s+part|at\s+the\s+same\s+time|while|when|as|"
    r"if|although|though|because|since|after|before|once|until|whereas)\b[\s,]*)+",
    re.I,
)
_LEAD_WORDS = word_set(
    """but and so yet still meanwhile however instead now then later also even indeed moreover
    further furthermore finally afterward afterwards separately similarly likewise
    nonetheless nevertheless by in for at while when as if although though because since
    after before once until whereas"""
)
_RELATIVE = re.compile(r"^(?:who|which|whose|whom)\b", re.I)
_ROLE_STOP = re.compile(
    r"\s+(?:who|which|whose|that|during|while|when|after|before|since|because|where|"
    r"in\s+(?:a|an|his|her|their|its)\s+(?:statement|interview|speech|email|e-mail|letter|"
    r"tweet|post|release|memo|call|conversation|appearance|op-ed|essay|column)|"
    r"on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|twitter|facebook)|"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"last\s+(?:week|month|year|night)|this\s+(?:week|month|year)|earlier|told|said|says)\b.*$",
    re.I | re.S,
)
_AGE = re.compile(r"^\d{1,3}$")
# "Sen. Barbara Mikulski of Maryland": where someone is from, after the name.
_ORIGIN = re.compile(r"(?:of|from)\s+(?:the\s+)?[A-Z][\w.\-']*(?:\s+[A-Z][\w.\-']*){0,3}")
_PREPOSITIONS = word_set(
    """of for at in on from with to by about against under near inside outside within"""
)
_DETERMINERS = word_set("""the a an another one two three several some many most other""")
_ROLE_HEADS = word_set(
    """deputy head chief director chairman chairwoman chair president vice secretary minister
    spokesman spokeswoman spokesperson governor mayor senator representative leader member
    professor adviser advisor aide founder ceo executive manager editor author analyst
    expert lawyer attorney official officer commissioner ambassador lord general judge
    justice speaker host anchor correspondent reporter economist strategist consultant
    pollster historian candidate nominee partner owner co-founder cofounder principal
    superintendent administrator coordinator organizer activist researcher scientist fellow
    scholar lecturer dean chancellor treasurer clerk sheriff captain commander former then
    longtime acting interim senior top assistant associate managing general national
    regional state"""
)


@dataclass(frozen=True, slots=True)
class Source:
    """A speaker phrase read from text.

    Attributes:
        name: Name as written without honorifics (``Peter Estlin``), or the phrase itself for
            organisations and groups (``the ministry``); empty for pronouns.
        kind: ``person``, ``org``, ``group`` or ``pronoun``.
        role: Role given in the phrase (appositive or before the name), if any.
        gender: ``m``/``f`` for people when known, ``p`` for plural pronouns, ``o`` for it.
        pronoun: The pronoun, lower case, when ``kind`` is ``pronoun``.
    """

    name: str
    kind: SourceKind
    role: str | None = None
    gender: Gender = None
    pronoun: str = ""


def clean_phrase(text: str) -> str:
    """Trim spaces, edge punctuation and leading discourse words from a phrase."""
    if "(" in text:
        text = _PARENTHETICAL.sub("", text)
    if "  " in text or "\n" in text or "\u00a0" in text or "\t" in text:
        text = _SPACES.sub(" ", text)
    text = text.strip(" ,;:\u2014\u2013-\u00a0")
    first = text.split(" ", 1)[0].lower().rstrip(",")
    if first in _LEAD_WORDS:
        text = _LEAD.sub("", text).strip(" ,;:\u2014\u2013-")
    return text


def _words(text: str) -> list[str]:
    return [w.strip(".,;:()[]\"'\u2019\u2018\u201c\u201d").lower() for w in text.split()]


def gender_of_name(name: str, hint: str = "") -> Gender:
    """Guess a person's gender from a first name, an honorific or a role word in ``hint``."""
    for word in _words(hint) if hint.strip() else ():
        if word in MALE_WORDS:
            return "m"
        if word in FEMALE_WORDS:
            return "f"
        title = HONORIFICS.get(word.rstrip("."))
        if title is not None:
            return "m" if title == "m" else "f"
    first = name.split(" ", 1)[0].strip(".,;:()\"'\u2019").lower()
    if first:
        if first in MALE_NAMES and first not in FEMALE_NAMES:
            return "m"
        if first in FEMALE_NAMES and first not in MALE_NAMES:
            return "f"
    return None


def split_title(run: str) -> tuple[str, str]:
    """Split leading honorifics and titles off a capitalised run: ``Sen. Ted Cruz``."""
    tokens = run.split()
    cut = 0
    while cut < len(tokens) - 1 and tokens[cut].rstrip(".").lower() in HONORIFICS:
        cut += 1
    # "Secretary of State John Kerry": titles may contain "of X".
    if 0 < cut < len(tokens) - 2 and tokens[cut] == "of":
        cut += 2
        while cut < len(tokens) - 1 and tokens[cut].rstrip(".").lower() in HONORIFICS:
            cut += 1
    return " ".join(tokens[:cut]), " ".join(tokens[cut:])


def _bare(token: str) -> str:
    """A token without a possessive ending or dots, lower case."""
    if token.endswith(("'s", "\u2019s")):
        token = token[:-2]
    elif token.endswith(("'", "\u2019")):
        token = token[:-1]
    return token.strip(".").lower()


_QUANTIFIERS = word_set(
    """one two three four five six seven eight nine ten some many most several few half all
    both each none majority about nearly almost roughly more fewer another"""
)
_NUMBER = re.compile(r"\d[\d,.]*%?$")
_GROUP_PRONOUNS = word_set("some many others most few several both all critics")
_COURTESY = word_set("mr mrs ms miss mister madam madame sir dame messrs dr")
_COMPASS = frozenset(("new", "north", "south", "east", "west", "of", "the", "st"))


def is_org_name(name: str) -> bool:
    """Whether a capitalised phrase names an organisation, publication or place."""
    tokens = name.split()
    if not tokens:
        return False
    bares = [_bare(token) for token in tokens]
    named = bares[0] in MALE_NAMES or bares[0] in FEMALE_NAMES
    for bare in bares:
        if bare in ORG_WORDS or (bare in PLACE_WORDS and not named):
            return True
    if all(bare in PLACE_NAMES or bare in _COMPASS for bare in bares):
        return True
    # Acronyms such as "FBI" or "U.S." are organisations or places, not people.
    first = tokens[0].rstrip("'\u2019s") if len(tokens) == 1 else ""
    return len(first) >= 2 and first.replace(".", "").isupper()


def strip_possessive(text: str) -> str:
    """Drop a trailing possessive from a name (``Clinton's`` -> ``Clinton``)."""
    return _POSSESSIVE.sub("", text) if text.endswith(("'s", "\u2019s", "'", "\u2019")) else text


def _last_name_run(text: str) -> re.Match[str] | None:
    """The last capitalised run in ``text`` that is not inside a prepositional phrase."""
    best: re.Match[str] | None = None
    for match in NAME_RUN.finditer(text):
        before = text[: match.start()].split()
        if not _in_prepositional_phrase(before):
            best = match
    return best


def _in_prepositional_phrase(before: list[str]) -> bool:
    """Whether a name preceded by the words ``before`` sits in a prepositional phrase."""
    if not before:
        return False
    last = before[-1].lower()
    if last in _PREPOSITIONS:
        # "Secretary of State John Kerry": a title may own an "of" phrase.
        return not (
            last == "of"
            and len(before) >= 2
            and before[-2].rstrip(".").lower() in HONORIFICS
            and before[-2][:1].isupper()
        )
    return last == "the" and len(before) >= 2 and before[-2].lower() in _PREPOSITIONS


def person_or_org(run: str, text_before: str) -> Source | None:
    """Read a capitalised run (with what precedes it in the phrase) as a person or an org."""
    title, name = split_title(run)
    name = strip_possessive(name.strip(" ,"))
    if not name:
        return None
    tokens = name.split()
    while tokens and tokens[0].lower().rstrip(".") in NOT_NAME_WORDS and not title:
        tokens = tokens[1:]
    while tokens and tokens[-1].lower().rstrip(".") in NOT_NAME_WORDS:
        tokens = tokens[:-1]
    if not tokens or (len(tokens) == 1 and len(tokens[0].rstrip(".")) < 2):
        return None
    name = " ".join(tokens)
    lowered_before = text_before.strip().lower()
    if is_org_name(name) or lowered_before.endswith("the"):
        org = f"{text_before.strip()} {run}".strip() if lowered_before.endswith("the") else run
        return Source(name=strip_possessive(org), kind="org")
    if (
        len(tokens) == 1
        and tokens[0].endswith("s")
        and tokens[0][:-1].lower()
        in (
            "democrat",
            "republican",
            "american",
            "conservative",
            "liberal",
            "progressive",
            "independent",
        )
    ):
        return Source(name=name, kind="group", gender="p")
    if title.rstrip(".").lower() in _COURTESY:
        title = ""
    role = " ".join(part for part in (text_before.strip(), title) if part) or None
    return Source(
        name=name, kind="person", role=role, gender=gender_of_name(name, f"{title} {text_before}")
    )


def _is_role(text: str) -> bool:
    """Whether an appositive reads like a role (``deputy head of ...``, ``a spokesman``)."""
    words = text.split()
    if not words or len(words) > 25 or not clean_phrase(text):
        return False
    first = words[0].strip(",").lower()
    if first.endswith(("ing", "ed")) and first not in _ROLE_HEADS:
        return False
    if first in PRONOUN_GENDER:
        return False
    if any(w.lower() in NOT_PHRASE_WORDS for w in words):
        return False
    if first in _DETERMINERS or first in _ROLE_HEADS or first.endswith(("'s", "\u2019s")):
        return True
    if words[0][0].islower():
        return True
    # Capitalised titles: "Lord Mayor of the City of London", "Deputy Minister".
    return any(w.lower() in _ROLE_HEADS or w.lower() in HONORIFICS for w in words[:3])


def _nominal(text: str) -> Source | None:
    """Read a phrase without a usable name: ``the ministry``, ``a senior official``."""
    words = _words(text)
    if not words or len(words) > 10:
        return None
    head_words = []
    while words and words[0] in ("only", "just", "nearly", "almost", "about", "roughly"):
        words = words[1:]
    if len(words) >= 2 and words[1] in ("percent", "%"):
        words = [words[0], *words[2:]]
    if words and (words[0] in _QUANTIFIERS or _NUMBER.match(words[0]) or "-" in words[0]):
        # "one of the prosecutors", "85% of Democrats", "six in 10", "twenty-four percent".
        of = next((i for i, word in enumerate(words) if word in ("of", "in")), -1)
        rest = words[of + 1 :] if 0 < of < 4 else words[1:]
        while rest and (rest[0] in _DETERMINERS or _NUMBER.match(rest[0])):
            rest = rest[1:]
        if not rest:
            return Source(name=text.strip(), kind="group", gender="p")
        if 0 < of < 4:
            words = rest
    for word in words:
        if word in _PREPOSITIONS or word in ("who", "which", "that"):
            break
        head_words.append(word)
    if not head_words:
        return None
    if len(head_words) == 1 and head_words[0] in _GROUP_PRONOUNS:
        # "Some note that ...", "Others say ...".
        return Source(name=text.strip(), kind="group", gender="p")
    head = head_words[-1].removesuffix("'s").removesuffix("\u2019s")
    if head in NOT_NAME_WORDS or head in NOT_PHRASE_WORDS or head in ("and", "or", "nor"):
        return None
    if head.endswith(("ed", "ing")) and head not in SPEAKER_NOUNS:
        return None
    determined = head_words[0] in _DETERMINERS and 2 <= len(head_words) <= 6
    if (
        head in SPEAKER_NOUNS
        or head.endswith(("ers", "ists", "ians", "ants", "ents"))
        or (determined and head.isalpha())
    ):
        kind: SourceKind = "group" if head.endswith("s") and head not in ("ministry",) else "org"
        if head in MALE_WORDS or head in FEMALE_WORDS or head in _ROLE_HEADS:
            kind = "person"
        gender: Gender = "m" if head in MALE_WORDS else "f" if head in FEMALE_WORDS else None
        return Source(name=text.strip(), kind=kind, gender=gender)
    return None


def parse_source(phrase: str) -> Source | None:
    """Read a speaker phrase such as ``the company's chief, Jane Roe`` or ``Mr Estlin``.

    Args:
        phrase: The words that stand in the subject (or object of ``according to``) slot.

    Returns:
        The source the phrase names, or None when it does not read as a speaker.
    """
    text = clean_phrase(phrase)
    if not text or len(text) > 250:
        return None
    lowered = text.lower()
    if lowered in PRONOUN_GENDER:
        return Source(name="", kind="pronoun", gender=PRONOUN_GENDER[lowered], pronoun=lowered)
    parts = [part.strip() for part in text.split(",")]
    parts = [part for part in parts if part and not _AGE.match(part)]
    if not parts:
        return None
    head = parts[0]
    rest = parts[1:]
    role: str | None = None
    if rest and _RELATIVE.match(rest[0]):
        last = _simple_source(rest[-1]) if len(rest) > 1 else None
        if last is not None and (last.kind == "pronoun" or rest[-1][:1].isupper()):
            # "Trump, who ..., fits the bill, he": another subject after the relative clause.
            return None
        rest = []
    if rest:
        head_source = _simple_source(head)
        described = [part for part in rest if not _place_like([part])]
        appositive = _ROLE_STOP.sub("", ", ".join(described)).strip() if described else ""
        if head_source is not None and head_source.kind == "person":
            if appositive and _is_role(appositive):
                role = appositive
            elif described and _is_role(_ROLE_STOP.sub("", described[0]).strip()):
                role = _ROLE_STOP.sub("", described[0]).strip()
            if role or any(ch.isupper() for ch in head_source.name[:1]):
                # A named person followed by description, origin or age.
                return Source(
                    name=head_source.name,
                    kind="person",
                    role=role or head_source.role,
                    gender=head_source.gender or gender_of_name(head_source.name, role or ""),
                )
        second = _simple_source(rest[0])
        if (
            second is not None
            and second.kind == "person"
            and (_is_role(head) or (head_source is not None and head_source.kind != "person"))
        ):
            return Source(
                name=second.name,
                kind="person",
                role=head,
                gender=second.gender or gender_of_name(second.name, head),
            )
        if head_source is not None and head_source.kind != "pronoun":
            first = rest[0].split()[0].lower()
            if not described or first.endswith(("ing", "ed")):
                return head_source
        return None
    return _simple_source(head)


def _place_like(parts: list[str]) -> bool:
    """Appositives such as ``of North Philadelphia`` or ``R-Texas`` that are not roles."""
    return all(
        len(part.split()) <= 4
        and (part.startswith(("of ", "from ", "in ")) or part[:1].isupper())
        and _bare(part.split()[0]) not in MALE_NAMES
        and _bare(part.split()[0]) not in FEMALE_NAMES
        for part in parts
    )


def _simple_source(text: str) -> Source | None:
    """Read a phrase without commas."""
    words = _words(text)
    if not words or len(words) > 14:
        return None
    if any(word in NOT_PHRASE_WORDS for word in words):
        return None
    if words[0] in PRONOUN_GENDER and len(words) > 1:
        return None
    run = _last_name_run(text)
    if run is not None:
        after = text[run.end() :].strip()
        if not after or after.lower() in ("himself", "herself") or _ORIGIN.fullmatch(after):
            source = person_or_org(run.group(), text[: run.start()])
            if source is not None:
                return source
    return _nominal(text)
