"""Speaker phrases without a name: groups, counts and descriptions (``a senior official``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from index.quotes.lexicon.grammar import (
    AUXILIARIES,
    COUNT_WORDS,
    DETERMINERS,
    FRACTIONS,
    LY_NOT_ADVERBS,
    NOT_NAME_WORDS,
    NOT_PHRASE_WORDS,
    OBJECT_DETERMINERS,
    PHRASE_PREPOSITIONS,
    QUANTIFIERS,
    TIME_NOUNS,
)
from index.quotes.lexicon.people import (
    ANAPHORIC_HEADS,
    DESCRIPTION_HEADS,
    FEMALE_WORDS,
    GROUP_PRONOUNS,
    MALE_WORDS,
    POSTMODIFIERS,
    ROLE_HEADS,
    SPEAKER_NOUNS,
    SURVEYED,
    Gender,
)
from index.quotes.lexicon.speech import GESTURE_NOUNS
from index.quotes.names import Source, SourceKind

# Nouns for a person, not a body, after "the" and a capitalised word ("the Norway skipper").
_PERSON_HEADS = ANAPHORIC_HEADS | DESCRIPTION_HEADS

Read = Callable[[str], Source | None]
"""Reads a phrase without commas as a speaker (``speakers``'s reader, for nested phrases)."""


NUMBER = re.compile(r"\d[\d,.]*%?$")
PERSON_BY_AGE_OR_FAMILY = re.compile(
    r"\d+-year-old|(?:grand)?(?:mother|father)-of-(?:one|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|\d+)"
)
"""A person described by age or family: "the 25-year-old", "the mother-of-two"."""


_PARTICLES = frozenset(("through", "over", "into", "across", "out", "up"))

# A body's name with its own "for" or "of" before the noun it describes: "a Department for
# Culture, Media and Sport spokeswoman", "a Ministry of Defence official".
_NAMED_BODY_BEFORE_NOUN = re.compile(
    r"(?:[Aa]n?|[Tt]he|[Oo]ne)\s+[A-Z][\w&'\u2019.-]*"
    r"(?:,?\s+(?:(?:of|for|and|on|the|&)\s+)*[A-Z][\w&'\u2019.-]*)*\s+(?P<noun>[a-z]+)"
)


def _verb_first(words: list[str], tokens: list[str]) -> bool:
    """Whether a lower-case phrase opens on a verb: a past tense before its object
    (``emailed a news article``), or an adverb before a past tense (``passionately rebuked``).
    """
    first, second = words[0], words[1]
    if first.endswith("ed") and (second in OBJECT_DETERMINERS or second in _PARTICLES):
        return True  # ("combed through the filings": a verb and its particle too)
    return (
        first.endswith("ly")
        and len(first) > 4
        and first not in LY_NOT_ADVERBS
        and second.endswith("ed")
        and tokens[1].islower()
    )


def nominal(text: str, words: list[str]) -> Source | None:
    """Read a phrase without a usable name: ``the ministry``, ``a senior official``.

    ``words`` are ``words_of(text)``, which the caller has already computed.
    """
    if not words or len(words) > 30:
        return None
    tokens = text.split()
    # (a word ending in "ed" needs "ed" in the text: most phrases are not read pair by pair)
    if (
        "ed" in text
        and any(
            earlier[:1].isupper()
            and word.endswith("ed")
            and word.islower()
            # ("Democratic registered voters": a participle before the plural noun it describes)
            and not (
                number == len(tokens) - 4 and tokens[-1].endswith("s") and tokens[-1].islower()
            )
            # ("Cuban-Americans polled": the people a poll asked)
            and not (number == len(tokens) - 3 and word in SURVEYED)
            for number, (earlier, word) in enumerate(pairwise(tokens[1:]))
        )
    ):
        # "Mr Montague quoted his father": a name and its verb, not one noun phrase.
        return None
    if len(tokens) > 1 and tokens[0].islower() and _verb_first(words, tokens):
        return None  # "emailed a news article", "passionately rebuked critics": a predicate
    if (
        len(words) > 2
        and words[0].endswith("ing")
        and words[1] in OBJECT_DETERMINERS
        and words[0] not in SPEAKER_NOUNS
    ):
        return None  # "holding a conference call ...": a participle and its object
    head_words = []
    while words and words[0] in ("only", "just", "nearly", "almost", "about", "roughly"):
        words = words[1:]
    if words[:2] == ["at", "least"]:
        words = words[2:]  # "at least a dozen members"
    if len(words) >= 2 and words[0] in ("a", "one") and words[1] in FRACTIONS:
        words = ["half", *words[2:]]  # "a third of the voters" counts them as "half" does
    if len(words) == 1 and NUMBER.match(words[0]) and not words[0].endswith("%"):
        return None  # "On July 6, 2015, Sanders ...": a year is nobody ("42%" is a group).
    if len(words) >= 2 and words[1] in ("percent", "%"):
        words = [words[0], *words[2:]]
    if words and (words[0] in QUANTIFIERS or NUMBER.match(words[0]) or "-" in words[0]):
        # "one of the prosecutors", "85% of Democrats", "six in 10", "twenty-four percent".
        of = next((i for i, word in enumerate(words) if word in ("of", "in")), -1)
        if of > 1 and not all(NUMBER.match(w) or w in COUNT_WORDS for w in words[1:of]):
            of = -1  # "several supporters of reform": the "of" phrase is the noun's own.
        rest = words[of + 1 :] if 0 < of < 4 else words[1:]
        while rest and (rest[0] in DETERMINERS or NUMBER.match(rest[0])):
            rest = rest[1:]
        if not rest or (0 < of < 4 and rest[-1].isalpha() and rest[-1] not in NOT_PHRASE_WORDS):
            # "many in the crowd", "a third of the voters", "85% of Democrats".
            return Source(name=text.strip(), kind="group", gender="p")
        if 0 < of < 4:
            words = rest
    body = _NAMED_BODY_BEFORE_NOUN.fullmatch(text.strip())
    named_body = body is not None and body["noun"] in SPEAKER_NOUNS
    for number, word in enumerate(words):
        if (word in PHRASE_PREPOSITIONS and not named_body) or word in ("who", "which", "that"):
            break
        if number >= 2 and word.endswith("ed") and word not in SPEAKER_NOUNS:
            break  # "a statement posted on the website": the noun before the participle.
        head_words.append(word)
    if not head_words or len(head_words) > 8 or (len(words) > 10 and len(head_words) == len(words)):
        return None
    if len(head_words) == 1 and head_words[0] in GROUP_PRONOUNS:
        # "Some note that ...", "Others say ...".
        return Source(name=text.strip(), kind="group", gender="p")
    if len(head_words) >= 2 and head_words[-1] in SURVEYED and head_words[-2].endswith("s"):
        return Source(name=text.strip(), kind="group", gender="p")  # "voters polled"
    head = head_words[-1].removesuffix("'s").removesuffix("\u2019s")
    if head in NOT_NAME_WORDS or head in NOT_PHRASE_WORDS or head in ("and", "or", "nor"):
        return None
    if head in TIME_NOUNS or head in GESTURE_NOUNS:
        return None
    if head.endswith(("ed", "ing")) and head not in SPEAKER_NOUNS:
        return None
    if "-" in head and PERSON_BY_AGE_OR_FAMILY.fullmatch(head):
        # "the 25-year-old", "the father-of-three": someone the article has named
        parent: Gender = "f" if "mother" in head else "m" if "father" in head else None
        return Source(name=text.strip(), kind="person", gender=parent)
    plural = head.endswith("s") and not head.endswith(("ss", "us", "is"))
    determined = (
        head_words[0] in DETERMINERS
        # "Romney's associates": a possessive determines a plural noun.
        or (plural and head_words[0].endswith(("'s", "\u2019s")) and len(head_words) == 2)
    ) and 2 <= len(head_words) <= 6
    if (
        head in SPEAKER_NOUNS
        or head in ROLE_HEADS  # "Connecticut's tax commissioner"
        or (head.endswith("men") and f"{head[:-3]}man" in SPEAKER_NOUNS)  # "spokesmen"
        or head.endswith(("ers", "ists", "ians", "ants", "ents"))
        or (determined and head.replace("-", "").isalpha())
    ):
        kind: SourceKind = "group" if head.endswith("s") and head not in ("ministry",) else "org"
        if (
            head in MALE_WORDS
            or head in FEMALE_WORDS
            or head in ROLE_HEADS
            or head in _PERSON_HEADS
        ):
            kind = "person"  # ("the Norway skipper", "the Salford MP")
        gender: Gender = "m" if head in MALE_WORDS else "f" if head in FEMALE_WORDS else None
        return Source(name=text.strip(), kind=kind, gender=gender)
    return None


def postmodified(text: str, words: list[str]) -> Source | None:
    """A speaker noun described after it: ``people close to Clinton``, ``aides here``."""
    at = next(i for i, word in enumerate(words) if i and word in POSTMODIFIERS)
    if at > 9:
        return None
    head = nominal(" ".join(text.split()[:at]), words[:at])
    if head is None:
        return None
    return Source(name=text.strip(), kind=head.kind, gender=head.gender)


def restricted_group(text: str, words: list[str]) -> Source | None:
    """A noun narrowed by a relative clause: ``Supporters who have heard him speak``.

    Only nouns are read this way (``those who back her``, ``the man who sold it``); a name
    before ``who`` without a comma is too rarely a speaker to guess at.
    """
    if words[0] == "those" and 2 <= len(words) <= 4 and NOT_PHRASE_WORDS.isdisjoint(words[1:]):
        return Source(name=text.strip(), kind="group", gender="p")  # "those surveyed"
    # ("that" only after a plural: "groups that back her", not "a report that she wrote")
    at = next(
        (
            i
            for i, word in enumerate(words)
            if word == "who" or (word == "that" and i and words[i - 1].endswith("s"))
        ),
        -1,
    )
    if not 1 <= at <= 4:
        return None
    for word in words[at + 2 :]:
        if word in ("that", "which", "who", "to"):
            break
        if word in AUXILIARIES:
            # "The officer who shot him was not wearing a camera": the sentence's own verb
            # follows the clause, so this is a statement, not who makes it.
            return None
    if words[:at] != ["those"]:
        if not NOT_PHRASE_WORDS.isdisjoint(words[:at]):
            return None
        source = nominal(" ".join(text.split()[:at]), words[:at])
        if source is None:
            return None
        # The whole phrase names them: "Supporters" alone would say too little.
        return Source(name=text.strip(), kind=source.kind, gender=source.gender)
    return Source(name=text.strip(), kind="group", gender="p")


def counted_those(text: str, words: list[str], read: Read) -> Source | None:
    """A count of a group: ``27 percent of those who named a candidate``."""
    at = words.index("those")
    if not 2 <= at <= 4 or words[at - 1] != "of":
        return None
    count = words[: at - 1]
    if not all(
        NUMBER.match(word)
        or word in QUANTIFIERS
        or word in COUNT_WORDS
        or word in ("only", "just", "over", "under", "than", "less", "at", "least")
        or "-" in word
        for word in count
    ):
        return None
    group = read(" ".join(text.split()[at:]))
    if group is None or group.kind != "group":
        return None
    return Source(name=text.strip(), kind="group", gender="p")


def described_by_participle(text: str, words: list[str], read: Read) -> Source | None:
    """A group described by an -ing phrase: ``Democrats trying to win back the Senate``."""
    stop = min(len(words) - 1, 5)
    if not any(word.endswith("ing") for word in words[1:stop]):
        return None  # (the common case, told without splitting the text)
    tokens = text.split()
    at = next(
        (
            i
            for i in range(1, stop)
            if words[i].endswith("ing")
            and tokens[i].islower()
            and words[i - 1].endswith(("s", "men", "people"))  # a plural
            and not words[i - 1].endswith(("'s", "\u2019s"))  # "the office's handling of"
        ),
        -1,
    )
    if at == -1 or words[at] in SPEAKER_NOUNS or not NOT_PHRASE_WORDS.isdisjoint(words[at:]):
        return None
    head = read(" ".join(tokens[:at]))
    if head is None or head.kind not in ("group", "org"):
        return None
    return Source(name=text.strip(), kind="group", gender="p")
