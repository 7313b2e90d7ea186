"""Link mentions of people across an article: full names, surnames, titles and pronouns."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from index.quotes.apposition import appositive_role, set_off_after_subject
from index.quotes.described_before import DESCRIBED_BEFORE, role_set_before
from index.quotes.described_orgs import DESCRIBED_ORG, described_org, note_described_org, note_head
from index.quotes.descriptions import (
    DESCRIPTION_NAME,
    description_mentions,
    is_demonym,
    resolve_description,
)
from index.quotes.lexicon.grammar import NOT_NAME_WORDS
from index.quotes.lexicon.people import (
    COURTESY_TITLES,
    FEMALE_NAMES,
    FIRST_NAME_MONTHS,
    FIRST_NAMES,
    HONORIFICS,
    MALE_NAMES,
    PEERAGE_TITLES,
    PLACE_NAMES,
    Gender,
)
from index.quotes.mention_position import (
    BEFORE_DESCRIBED,
    FOLLOWED_BY_SPEECH,
    position_of,
    speaks,
    weight_of,
)
from index.quotes.name_tail import of_tail
from index.quotes.names import (
    MAX_RUN_WORDS,
    after_date_lead,
    ends_in_stray_word,
    gender_of_name,
    is_org_name,
    is_personal_title,
    leading_non_names,
    name_runs,
    runs_before_quote,
    split_title,
    strip_possessive,
)
from index.quotes.openers import opener_comma
from index.quotes.orgs import (
    a_name_in,
    modifies_next,
    scan_acronyms,
    speaking_name,
    subject_org,
    whole_org_name,
)
from index.quotes.registry import SUBJECT_WEIGHT, Registry
from index.quotes.role_words import gender_before, role_before
from index.quotes.rules import ALL_ON, Switches
from index.quotes.sentences import is_headline
from index.quotes.titled import title_through_of

_MAX_NAME_WORDS = 4


_AMPERSAND = re.compile(r" & [A-Z][\w'\u2019-]*(?: [A-Z][\w'\u2019-]*)*")


ORG_IT = "org-it"
PASSING_NAME = "passing-name"


def scan_people(
    paragraphs: list[str],
    bases: list[int],
    skips: list[list[tuple[int, int]]],
    registry: Registry,
    switches: Switches = ALL_ON,
) -> None:
    """Register the people named in each paragraph outside its ``skips`` ranges (quotes).

    A capitalised run counts as a person when it carries an honorific, starts with a known
    first name, has two or more name-like words, or is followed by a speech verb; single
    words otherwise only count when they repeat someone already known.
    """
    article = "\n".join(paragraphs) if switches.on(ORG_IT) else ""
    for text, base, skip in zip(paragraphs, bases, skips, strict=True):
        if is_headline(text):
            continue
        _scan_paragraph(text, base, skip, registry, article, switches)
        if "(" in text:
            scan_acronyms(text, registry)
    if switches.on(PASSING_NAME):
        registry.adopt_full_names()
    if not switches.on(DESCRIPTION_NAME):
        return
    # ("The prime minister used his speech": a mention of whom it stands for, like a name)
    for text, base, skip in zip(paragraphs, bases, skips, strict=True):
        for start, end, description in description_mentions(text, skip):
            index = resolve_description(description, base + start, registry)
            if index is not None:
                registry.mention(index, base + start, weight_of(position_of(text, start, end)))


# (a named tuple rather than a frozen dataclass: as immutable, and cheaper to build, which
# the extractor does many times per paragraph)
class _RunName(NamedTuple):
    """What a capitalised run says about the person it may name, whatever surrounds it."""

    name: str  # without titles, possessive and stray capitalised words
    title: str  # the titles split off the front (``Sen.``, ``House Speaker``)
    words: int  # number of words in ``name``
    first: str  # the first word of ``name``, lower case
    gender: Gender  # implied by the first name or the title
    role: str | None  # the title, unless it is only a courtesy title (``Mr.``)
    peer: str | None  # "Lord" of "Lord Falconer", a peer named by title and one name


_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
# First words of places' names, never of a person's.
_PLACE_OPENERS = frozenset(
    ("los", "las", "san", "santa", "hong", "buenos", "new", "tel", "abu", "kuala", "sri")
)
# Verbs that open a question inside a run of capitals: no part of a name.
_QUESTION_VERBS = frozenset(("was", "is", "were", "are", "has", "had", "did", "does"))
# The words that join a run to the title before it: "of", "for", "and".
_TITLE_TAIL = re.compile(r"\b(?:of|for|and) $")


# Endings of words that are no names ("European Indoor Championships", "Renewable Future").
_NOUN_ENDING = re.compile(r"(?:able|ible|ive|ous|ure|ships?|ity|ment|tion|oor)$")


def _demonym(word: str) -> bool:
    """Whether a capitalised word is a nationality before a name (``Australian``, ``Swede``),
    not a first name (``Brian``, ``Julian``)."""
    lowered = word.lower()
    return lowered not in FIRST_NAMES and is_demonym(lowered)


# A name's own verb of saying and the pronoun of its statement: "Hewitt said he had ...".
_SAID_PRONOUN = re.compile(
    r"\s+(?:also\s+)?(?:said|says|added|insisted|argued)\s+(?:that\s+)?(he|she)\b"
)


# A name's own verb and the possessive of what it did it to: "Williams blamed her defeat".
_OWN = re.compile(
    r"\s+(?:though\s+|also\s+|then\s+|later\s+|\w+ly\s+)?[a-z]+(?:ed|es|s)\s+(his|her)\s+"
    r"(?!(?:to|for|and|in|on|at|with|of|as|that|the|a|an|into|from|by|up|out|off|back)\b)[a-z]"
)


def _gender_after(text: str, end: int) -> Gender:
    """The gender the words after a name give it: "Hewitt said he had had ...", "Williams
    though blamed her defeat on ..."; None when they give none."""
    said = _SAID_PRONOUN.match(text, end) or _OWN.match(text, end)
    if said is None:
        return None
    return "m" if said.group(1) in ("he", "his") else "f"


@lru_cache(maxsize=4096)  # pure; names recur within an article
def _run_name(run: str) -> _RunName | None:
    """Read a capitalised run as a person's name; None when it cannot be one.

    A run that is only stray words, longer than a name, or an organisation or place is no
    one, whatever surrounds it.
    """
    if run.count(" ") > MAX_RUN_WORDS:
        return None  # (a run of capitalised words that long is no one's name)
    title, name = split_title(run)
    tokens = strip_possessive(name.rstrip(",. ")).split()
    tokens = tokens[leading_non_names(tokens) :]
    for at in range(len(tokens) - 1, 0, -1):
        if tokens[at].istitle() and tokens[at].lower() in _QUESTION_VERBS:
            # "VOTE Was Ada Vik right to go?": the name after it ("Ada Vik Is Right": a
            # headline's clause, no name)
            tokens = tokens[at + 1 :] if at + 2 < len(tokens) else []
            break
    if (
        len(tokens) > 2
        and _demonym(tokens[0])
        and (
            tokens[1].lower() in FIRST_NAMES
            or (len(tokens) == 3 and not any(_NOUN_ENDING.search(t) for t in tokens[1:]))
        )
    ):
        title, tokens = f"{title} {tokens[0]}".strip(), tokens[1:]  # "Swede Jon Dahl"
    if not tokens or len(tokens) > _MAX_NAME_WORDS or tokens[0].lower() in _PLACE_OPENERS:
        return None  # (nor "Los Angeles", "Hong Kong": a place)
    if ends_in_stray_word(tokens) or _PLURAL_ACRONYM.fullmatch(tokens[-1]):
        return None  # ("Smith Tuesday", "Lib Dem MPs": no one's name)
    if tokens[0].lower().rstrip(".") in HONORIFICS and not (
        len(tokens) == 2 and not title and tokens[0].lower() in FIRST_NAMES  # ("Dean Boyd")
    ):
        return None
    name = " ".join(tokens)
    if is_org_name(name) and not is_personal_title(title):  # ("Dr Fox" is someone)
        return None
    role = None
    # ("Tory treasurer Lord Ashcroft": the peer's title is part of how he is named, not his role)
    words = title.split()
    peer = words[-1] if words and words[-1].lower() in PEERAGE_TITLES and len(tokens) == 1 else None
    while words and words[-1].lower() in PEERAGE_TITLES:
        words.pop()
    if words and words[-1].rstrip(".").lower() not in COURTESY_TITLES:
        role = " ".join(words)  # "Finance Minister Rafael Montague set out ..."
    gender = gender_of_name(name, title)
    return _RunName(name, title, len(tokens), tokens[0].lower(), gender, role, peer)


def _runs_outside(text: str, skip: list[tuple[int, int]]) -> list[re.Match[str]]:
    """The name runs of ``text`` that start outside the ``skip`` ranges (its quotes, in order).

    Scanning the stretches between quotes one by one finds the runs that one scan of the whole
    paragraph would, without reading the quotes: no quote mark is a letter, and an apostrophe
    only joins a run before a letter, so no run started inside a quote goes on past its
    closing mark (and ``runs_before_quote`` reads a run that reaches an opening mark in full).
    """
    if not skip:
        return list(name_runs(text))
    runs: list[re.Match[str]] = []
    pos = 0
    for open_at, close in skip:
        if pos < open_at:
            runs.extend(runs_before_quote(text, pos, open_at))
        pos = close
    runs.extend(name_runs(text, pos))
    return runs


@lru_cache(maxsize=4096)  # pure; most runs are asked about once per mention
def _org_name(run: str) -> str | None:
    """The organisation a capitalised run names (``The SEC``); None for a person or a place."""
    name = strip_possessive(run.rstrip(".,"))
    # (the cheap tests first: most runs name no organisation, and need no reading as a name)
    if not is_org_name(name) or name.lower() in PLACE_NAMES or (" " not in name and len(name) < 2):
        return None
    if _run_name(run) is not None:
        return None  # someone's name ("CNN President Jeff Zucker")
    return name


def _scan_org(text: str, base: int, start: int, end: int, name: str, registry: Registry) -> bool:
    """Note an organisation named as a subject or speaker (``The SEC unveiled``), that a later
    ``it said`` finds; True if so. ``name`` is ``_org_name(text[start:end])``, already read."""
    position = position_of(text, start, end)
    if position in ("subject", "speaker") and (" " in name or not modifies_next(text, end)):
        note_head(registry, registry.add_org(name, base + start, weight_of(position)), text, start)
        return True
    if " " in name:  # named in passing: only "the commission" may stand for it (name-tail)
        registry.passing.append((base + start, name + of_tail(text, end)))
    return False


def _scan_paragraph(
    text: str,
    base: int,
    skip: list[tuple[int, int]],
    registry: Registry,
    article: str = "",
    switches: Switches = ALL_ON,
) -> None:
    """Register the people (and, given the ``article`` text, organisations) of a paragraph."""
    orgs = bool(article)
    by_token = registry.by_token
    for match in _runs_outside(text, skip):
        start = match.start()
        run = match.group()
        end = match.end()
        if orgs and text.startswith(" & ", end) and (joined := _AMPERSAND.match(text, end)):
            run, end = text[start : joined.end()], joined.end()  # "Independent News & Media"
        if orgs and (whole := whole_org_name(text, start, end)) is not None:
            _scan_org(text, base, whole[0], end, whole[1], registry)  # (not "Industry" alone)
            continue
        if orgs:
            org = _org_name(run)
            if org is not None and _scan_org(text, base, start, end, org, registry):
                continue
            if switches.on(DESCRIBED_ORG) and (found := described_org(text, start, end, org)):
                weight = weight_of(position_of(text, start, end))
                note_described_org(registry, found, base + start, weight)
                continue
        if " " not in run:
            # Most runs are one capitalised word; settle the common cases cheaply.
            first = run.rstrip(".,").lower()
            if first.endswith(("'s", "\u2019s")):
                first = first[:-2]
            if first in NOT_NAME_WORDS or first in HONORIFICS:
                continue
            if first in by_token and text[max(0, start - 4) : start] != "the ":
                # Someone already known: just note the mention.
                index = registry.find(strip_possessive(run.rstrip(".,")))
                if index is not None and registry.entities[index].person:
                    registry.mention(index, base + start, weight_of(position_of(text, start, end)))
                    if registry.entities[index].gender is None and len(by_token[first]) == 1:
                        # (not when the surname is a family's: "Trump says he" is not Ivanka)
                        registry.entities[index].gender = _gender_after(text, end)
                    continue
            if (
                first not in MALE_NAMES
                and first not in FEMALE_NAMES
                and first not in by_token
                and not speaks(text, end)
            ):
                if (
                    orgs
                    and subject_org(text, end, first, article)
                    and position_of(text, start, end) == "subject"
                ):
                    registry.add_org(run, base + start, SUBJECT_WEIGHT)
                continue
        # Every test below only skips the run, so the cheap ones that need no context go first.
        read = _run_name(run)
        after_the = text[max(0, start - 5) : start].lower().endswith("the ")
        if read is None or (after_the and not read.role):  # ("the Tory MP Ada Vik" is someone)
            continue
        if read.first in FIRST_NAME_MONTHS and after_date_lead(text[max(0, start - 12) : start]):
            # "since June Ada Vik said": the month is a date, not her first name.
            read = _run_name(run.split(" ", 1)[1])
            if read is None:
                continue
        elif read.words == 3 and _TITLE_TAIL.search(text, max(0, start - 6), start):
            # "Secretary of State for Roads, Rivers and Ports Helen Kerr": the first word ends
            # the title; a first name after it starts the name.
            second = run.split(" ", 2)[1].lower()
            if read.first not in FIRST_NAMES and second in FIRST_NAMES:
                read = _run_name(run.split(" ", 1)[1])
                if read is None:
                    continue
        # A lone capitalised word is someone only if already known or about to speak.
        if (
            read.words == 1
            and not read.title
            and read.first not in MALE_NAMES
            and read.first not in FEMALE_NAMES
            and read.first not in by_token
            and not FOLLOWED_BY_SPEECH.match(text, end)
        ):
            continue
        gender = read.gender or gender_before(text, start)
        gender = gender or _gender_after(text, end)
        position = position_of(text, start, end)
        if after_the and read.role and position == "other":  # "The Tory MP Ada Vik has not"
            position = "subject" if position_of(text, start - 4, end) == "subject" else position
        if position == "subject" and set_off_after_subject(text, start, end, base, registry):
            position = "other"
        known = registry.find(read.name)
        if known is None and not read.title and BEFORE_DESCRIBED.match(text, end):
            continue  # "Double Olympic champion Hicham El Guerrouj": words before a role
        if (
            not (read.title or gender or position == "speaker")
            and (read.words < 2 or position == "oblique")
            and known is None
        ):
            if read.words > 1 and switches.on(PASSING_NAME):
                # "a stake held by Ada Vik": no one to refer back to, but "Ms Vik" later is her.
                registry.note_full_name(read.name, appositive_role(text, end))
            continue
        role = appositive_role(text, end)
        titled = False
        if role is None and read.role is None:
            role = role_before(text, start)  # "London mayor Ken Livingstone"
            if role is None and switches.on(DESCRIBED_BEFORE):
                role = role_set_before(text, start, end)  # "the mayor, Ken Livingstone,"
        if role is None and read.role is not None:
            role, titled = title_through_of(text, start, run) or read.role, True
        index = registry.add(
            read.name,
            base + start,
            gender,
            role,
            True,
            weight_of(position),
            known=known,
            titled=titled,
            peer=read.peer,
        )
        if position == "oblique" and (comma := opener_comma(text, start)) is not None:
            registry.in_opener[base + start] = base + comma
        if known is None and read.words == 1 and not (read.title or gender) and orgs:
            registry.entities[index].bare = len(read.name) > 1 and (
                a_name_in(article, read.first)
                or (position == "speaker" and speaking_name(text, start, read.name, article))
            )
