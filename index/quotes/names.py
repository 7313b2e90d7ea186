"""Names in text: capitalised runs, titles, possessives, organisations and gender."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Literal, NamedTuple

from index.quotes.cues import trie_pattern
from index.quotes.lexicon.bodies import POSSESSIVE_NAME_HEADS
from index.quotes.lexicon.grammar import LEAD_WORDS, NOT_NAME_WORDS, NOT_RUN_START_WORDS
from index.quotes.lexicon.people import (
    COURTESY_TITLES,
    DATE_LEADS,
    FEMALE_NAMES,
    FEMALE_WORDS,
    FIRST_NAME_MONTHS,
    FIRST_NAMES,
    HONORIFICS,
    LEADING_ROLES,
    MALE_NAMES,
    MALE_WORDS,
    NAME_ABBREVIATIONS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    ORG_SURNAMES,
    ORG_WORDS,
    PEERAGE_TITLES,
    PLACE_NAMES,
    PLACE_PREFIXES,
    PLACE_WORDS,
    SURNAME_HOMOGRAPHS,
    TITLES_AFTER_PLACE,
    Gender,
)

SourceKind = Literal["person", "org", "group", "pronoun"]

MAX_RUN_WORDS = 12
"""Spaces in the longest capitalised run that may name someone (titles and a name)."""

# Latin capitals, with those of Latin Extended-A ("Łucja", "Šimon", "Żaneta"), listed one by one
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de" + "".join(
    chr(code) for code in range(0x100, 0x180) if chr(code).isupper()
)
_ABBREVIATED = "(?:" + trie_pattern(NAME_ABBREVIATIONS) + r")\."
# A capitalised word may hold apostrophes before a letter (O'Brien) but not a possessive 's,
# unless a body's name goes on after it: "the Musicians' Union", "the People's Party".
# Written as "letters, then (apostrophe, letters)*" rather than "(letter|apostrophe)*": the
# same matches, but ``re`` runs the plain letter runs in its fast single-character loop.
_BODY_HEAD = "(?:" + trie_pattern({head.capitalize() for head in POSSESSIVE_NAME_HEADS}) + r")\b"
_BODY_POSSESSIVE = rf"(?:(?<=s)['\u2019]|['\u2019]s)(?=[ \u00a0]+{_BODY_HEAD})"
_PLAIN = rf"[\w\-]*(?:['\u2019](?=[A-Za-z])(?!s\b)[\w\-]*)*(?:{_BODY_POSSESSIVE})?"
_WORD = rf"(?:{_ABBREVIATED}|[{_UPPER}]\.(?:[{_UPPER}]\.)*|[{_UPPER}]{_PLAIN})"
_PARTICLE = "(?:" + trie_pattern(NAME_PARTICLES) + ")"
_NOT_START = "(?!" + trie_pattern(NOT_RUN_START_WORDS) + r"\b)"
NAME_RUN = re.compile(
    rf"(?=[{_UPPER}])(?<![\w'\u2019]){_NOT_START}{_WORD}"
    rf"(?:[ \u00a0]+(?:{_PARTICLE}[ \u00a0]+)?{_WORD})*"
    rf"(?:,?[ \u00a0](?:Jr|Sr)\.?|[ \u00a0](?:II|III|IV))?"
)

"""A run of capitalised words (with name particles and initials), possibly a name."""


# NAME_RUN written to start with its first capital, so that ``re`` skips ahead to the next
# capital (NAME_RUN starts with assertions, which ``re`` tries at every offset: searching with
# it directly is several times slower on plain text). The same matches: one branch per capital,
# each starting with the capital as a literal (which ``re`` tests before entering a branch),
# then NAME_RUN's leading lookbehind, and the first word's alternatives (words that may not
# start a run, abbreviations, initials, a plain word) for that capital, as tries.
def _first_word(capital: str) -> str:
    """NAME_RUN's first word, for a run that starts with ``capital``."""
    not_start = [word[1:] for word in NOT_RUN_START_WORDS if word[0] == capital]
    abbreviations = [word[1:] for word in NAME_ABBREVIATIONS if word[0] == capital]
    pattern = re.escape(capital) + r"(?<![\w'\u2019].)"
    if not_start:
        pattern += rf"(?!{trie_pattern(not_start)}\b)"
    branches = [rf"{trie_pattern(abbreviations)}\." if abbreviations else ""]
    branches += [rf"\.(?:[{_UPPER}]\.)*", _PLAIN]
    return pattern + "(?:" + "|".join(branch for branch in branches if branch) + ")"


# The capitals of ``[_UPPER]`` (all below U+0180).
_CAPITALS = [chr(code) for code in range(0x180) if re.fullmatch(f"[{_UPPER}]", chr(code))]
_RUN_SCAN = re.compile(
    "(?:" + "|".join(_first_word(capital) for capital in _CAPITALS) + ")"
    rf"(?:[ \u00a0]+(?:{_PARTICLE}[ \u00a0]+)?{_WORD})*"
    rf"(?:,?[ \u00a0](?:Jr|Sr)\.?|[ \u00a0](?:II|III|IV))?"
)


def name_runs(text: str, start: int = 0, stop: int | None = None) -> Iterator[re.Match[str]]:
    """The matches of ``NAME_RUN.finditer(text, start)`` that begin before ``stop``.

    Found without trying NAME_RUN at every offset; a run may go on past ``stop``.
    """
    if stop is None:
        return _RUN_SCAN.finditer(text, start)
    # Up to ``stop`` only: a scan of the whole rest would also read on into what follows.
    return _runs_before(text, start, stop)


def runs_before_quote(text: str, start: int, mark: int) -> list[re.Match[str]]:
    """``list(name_runs(text, start, mark))`` where ``text[mark]`` is an opening quote mark.

    One scan that stops at the mark. The mark is no letter, space or dash, so the scan reads
    every run before it as a scan of the whole text would, except that a run may take in an
    opening apostrophe glued to its last word (``Smith-'Yes``): a run that reaches the mark
    is matched again on the whole text.
    """
    runs = list(_RUN_SCAN.finditer(text, start, mark))
    if runs and runs[-1].end() == mark:
        again = _RUN_SCAN.match(text, runs[-1].start())
        if again is not None:  # (always: it matched up to the mark)
            runs[-1] = again
    return runs


# Where a run may start: its first capital, not preceded by a word character or apostrophe.
_RUN_START = re.compile(rf"[{_UPPER}](?<![\w'\u2019].)")


def _runs_before(text: str, start: int, stop: int) -> Iterator[re.Match[str]]:
    """``name_runs`` for runs that begin before ``stop``: each capital before it is tried."""
    end = 0
    for capital in _RUN_START.finditer(text, start, stop):
        at = capital.start()
        if at >= end:
            match = NAME_RUN.match(text, at)  # (faster than _RUN_SCAN at one offset)
            if match is not None:
                end = match.end()
                yield match


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


# (a named tuple rather than a frozen dataclass: as immutable, and cheaper to build, which
# the extractor does many times per paragraph)
class Source(NamedTuple):
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
    if text[:1] == "\u201d" or (text[:1] == '"' and text.count('"') % 2):
        # '," Mr. Obama said': the mark that closed the quote before is no part of it.
        text = text[1:].lstrip(" ,")
    first = text.split(" ", 1)[0].lower().rstrip(",")
    if first in LEAD_WORDS:
        text = _LEAD.sub("", text).strip(" ,;:\u2014\u2013-")
    return text


def words_of(text: str) -> list[str]:
    """The words of ``text``, lower case, without edge punctuation."""
    # (Lower-cased once for the whole text: case never turns a letter into a space or into
    # one of the stripped marks.)
    return [w.strip(".,;:()[]\"'\u2019\u2018\u201c\u201d") for w in text.lower().split()]


@lru_cache(maxsize=4096)  # pure; names recur within an article
def gender_of_name(name: str, hint: str = "") -> Gender:
    """Guess a person's gender from a first name, an honorific or a role word in ``hint``."""
    for word in words_of(hint) if hint.strip() else ():
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


@lru_cache(maxsize=4096)  # pure; names recur within an article
def split_title(run: str) -> tuple[str, str]:
    """Split leading honorifics and titles off a capitalised run: ``Sen. Ted Cruz``."""
    tokens = run.split()
    # "Pollster Andy Smith", "Singer Vik", "Fly-half Ada Vik": a role noun (or a compound
    # such as "Oslo-based") capitalised at the start of a sentence.
    cut = _leading_words(tokens) if len(tokens) > 1 else 0
    while cut < len(tokens) - 1 and tokens[cut].rstrip(".").lower() in HONORIFICS:
        if cut == len(tokens) - 2 and _first_name_too(tokens[cut]):
            break  # "Dean Boyd": a first name that is also a title, before a surname
        cut += 1
    # "New Jersey Gov. Chris Christie", "House Speaker Paul Ryan": a title after a place.
    for index in range(len(tokens) - 2, cut, -1):
        word = tokens[index].rstrip(".")
        if word.lower() in TITLES_AFTER_PLACE and word[:1].isupper():
            rest = [t for t in tokens[index + 1 :] if t.rstrip(".,") not in NAME_SUFFIXES]
            if rest:
                cut = index + 1
                # "Tory Treasurer Lord Ashcroft": an honorific after the title.
                while cut < len(tokens) - 1 and tokens[cut].rstrip(".").lower() in HONORIFICS:
                    cut += 1
                break
    if cut == 0:
        # "Harrogate Mr Kennedy": a place or dateline before a courtesy title is no part of
        # the name.
        for index in range(1, len(tokens) - 1):
            if tokens[index].rstrip(".").lower() in COURTESY_TITLES and tokens[index][:1].isupper():
                cut = index + 1
                break
    # "Secretary of State John Kerry": titles may contain "of X".
    if 0 < cut < len(tokens) - 2 and tokens[cut] == "of":
        cut += 2
        while cut < len(tokens) - 1 and tokens[cut].rstrip(".").lower() in HONORIFICS:
            cut += 1
    return " ".join(tokens[:cut]), " ".join(tokens[cut:])


# A capitalised compound whose later parts are lower case: "Fly-half", "Oslo-based".
_DESCRIPTIVE_COMPOUND = re.compile(rf"[{_UPPER}][a-z]*(?:-[a-z]+)+")


def _first_name_too(token: str) -> bool:
    """Whether a title is also a first name (``Dean``), written in full, without a dot."""
    word = token.lower()
    return not token.endswith(".") and word in FIRST_NAMES


def _leading_words(tokens: list[str]) -> int:
    """How many of a run's first words are a role or description before the name after them."""
    first = tokens[0]
    if first.lower() in LEADING_ROLES:
        return int(tokens[1].lower().rstrip(".,") not in NOT_NAME_WORDS)
    if _DESCRIPTIVE_COMPOUND.fullmatch(first) is not None:
        return 1
    if first.lower() in NOT_NAME_WORDS:
        return 0
    # "Defiant Matt Tasker", "Liberal Democrat Ada Vik": words that are no first names
    # before a first name and a surname.
    for at, word in enumerate(tokens[: _MAX_LEADING + 1]):
        lowered = word.lower()
        if lowered in FIRST_NAMES:
            following = tokens[at + 1] if at + 1 < len(tokens) else ""
            named = following[:1].isupper() and following.lower().rstrip(".,") not in NOT_NAME_WORDS
            # (one word alone must read as a description: "Giovanni Maria Vian" is a name)
            described = at > 1 or (at == 1 and _describes(tokens[0]))
            return at if named and described else 0
        if not _PLAIN_WORD.fullmatch(word):
            return 0
    return 0


def _describes(word: str) -> bool:
    """Whether a capitalised word reads as a description rather than a first name: an
    acronym (``MP``), a known title or party word, or an ending of adjectives and nouns of
    people (``Defiant``, ``Rival``, ``Backbencher``, ``Tories``)."""
    lowered = word.lower()
    return (
        word.isupper()
        or lowered in HONORIFICS
        or lowered in PEERAGE_TITLES
        or lowered in TITLES_AFTER_PLACE
        or lowered in ORG_WORDS
        or lowered.endswith(_DESCRIPTIVE_ENDINGS)
    )


# (at most three words before a first name: "Environmental Audit Committee Ada Vik")
_MAX_LEADING = 3
_PLAIN_WORD = re.compile(rf"[{_UPPER}](?:[a-z]+|[{_UPPER}]+)(?:-[{_UPPER}][a-z]+)?")
_DESCRIPTIVE_ENDINGS = (
    "an", "ese", "ish", "ed", "ing", "ive", "ful", "al", "ant", "ent", "er", "ist", "ic",
    "ary", "ory", "crat", "ies", "ers", "ors", "ists", "ans",
)  # fmt: skip


def is_personal_title(title: str) -> bool:
    """Whether a title only a person carries ends ``title`` (``Dr``, ``Lord``, not ``Senate``)."""
    last = title.rsplit(maxsplit=1)[-1].rstrip(".").lower() if title.strip() else ""
    return last in COURTESY_TITLES or last in PEERAGE_TITLES


def bare_token(token: str) -> str:
    """A token without a possessive ending or dots, lower case."""
    if token.endswith(("'s", "\u2019s")):
        token = token[:-2]
    elif token.endswith(("'", "\u2019")):
        token = token[:-1]
    return token.strip(".").lower()


@lru_cache(maxsize=4096)  # pure; names recur within an article
def is_org_name(name: str) -> bool:
    """Whether a capitalised phrase names an organisation, publication or place."""
    tokens = name.split()
    if not tokens:
        return False
    bares = []
    for token in tokens:  # (``bare_token`` of each, inline: this runs for every new run)
        if token.endswith(("'s", "\u2019s")):
            token = token[:-2]
        elif token.endswith(("'", "\u2019")):
            token = token[:-1]
        bares.append(token.strip(".").lower())
    named = bares[0] in FIRST_NAMES
    places = True  # whether every word is a place name or a place prefix
    for bare in bares:
        if bare in ORG_WORDS and not (named and bare in ORG_SURNAMES):
            return True  # ("Fox News" is a network, "Liam Fox" a person)
        if bare in PLACE_WORDS and not named:
            return True
        if places and bare not in PLACE_NAMES and bare not in PLACE_PREFIXES:
            places = False
    if places:
        return True
    # Acronyms such as "FBI" or "U.S." are organisations or places, not people.
    first = tokens[0].rstrip("'\u2019s") if len(tokens) == 1 else ""
    return len(first) >= 2 and first.replace(".", "").isupper()


def strip_possessive(text: str) -> str:
    """Drop a trailing possessive from a name (``Clinton's`` -> ``Clinton``)."""
    return _POSSESSIVE.sub("", text) if text.endswith(("'s", "\u2019s", "'", "\u2019")) else text


def ends_in_stray_word(tokens: list[str]) -> bool:
    """Whether the last of a name's tokens is a stray word (``Smith Tuesday``), not a name."""
    last = tokens[-1].lower().rstrip(".")
    if last not in NOT_NAME_WORDS:
        return False
    if last in SURNAME_HOMOGRAPHS and len(tokens) > 1:
        first = bare_token(tokens[-2])
        return first not in FEMALE_NAMES and first not in MALE_NAMES
    return True


def leading_non_names(tokens: list[str], before: str = "") -> int:
    """How many of a run's first tokens are words that open sentences but no name (``Both``,
    ``Yesterday``).

    A month that is also a first name opens the run and comes before a capitalised word is
    a name (``Jan Tebbe``), unless ``before`` (the text before the run) ends in a word of
    time: ``last June``, ``since April``.
    """
    at = 0
    while at < len(tokens):
        word = tokens[at].lower().rstrip(".")
        if word not in NOT_NAME_WORDS:
            break
        if (
            at == 0
            and word in FIRST_NAME_MONTHS
            and not tokens[0].endswith(".")
            and len(tokens) > 1
            and tokens[1][:1].isupper()
            and tokens[1].lower().rstrip(".,") not in NOT_NAME_WORDS
            and tokens[1].lower().rstrip(".,") not in HONORIFICS
            and not after_date_lead(before)
        ):
            break
        at += 1
    return at


def after_date_lead(before: str) -> bool:
    """Whether ``before`` ends in a word that makes a month after it a date (``since``)."""
    words = before.rsplit(maxsplit=1)
    return bool(words) and words[-1].lower() in DATE_LEADS
