"""Read a speaker phrase: who it names, as what kind of source, in which role and gender."""

from __future__ import annotations

import re
from functools import lru_cache

from index.quotes.capital_titles import capital_title
from index.quotes.groups import (
    counted_those,
    described_by_participle,
    nominal,
    postmodified,
    restricted_group,
)
from index.quotes.lexicon.grammar import (
    ASIDE_WORDS,
    AUXILIARIES,
    NOT_PHRASE_WORDS,
    SENTENCE_ASIDES,
)
from index.quotes.lexicon.people import (
    FEMALE_WORDS,
    INDEFINITE_SPEAKERS,
    MALE_WORDS,
    POSTMODIFIERS,
    PRONOUN_GENDER,
    ROLE_HEADS,
    SPEAKER_NOUNS,
    Gender,
)
from index.quotes.names import (
    Source,
    clean_phrase,
    gender_of_name,
    words_of,
)
from index.quotes.orgs import org_phrase
from index.quotes.pairs import named_pair
from index.quotes.person_or_org import person_or_org
from index.quotes.phrase_runs import last_name_run
from index.quotes.places import ENDS_ON_PLACE, place_like
from index.quotes.roles import ROLE_STOP, clause_parts, is_role, is_role_appositive, opens_sentence
from index.quotes.source_lead import clause_word, comma_parts, is_clause, strip_lead
from index.quotes.titled import titled_name

# Someone who speaks for another, named after them: "A spokesman for the Harbour Board".
# ... or who works at one: "The former chief financial officer at telecoms firm WorldCom".
_SPEAKS_FOR = re.compile(
    r"(?:[Aa]n?|[Tt]he|[Oo]ne)\s+(?:[\w-]+\s+){0,3}?(?:(?P<head>spokes(?:man|woman|person)|aide|"
    r"adviser|advisor)\s+(?:for|to)|(?:officer|executive|director|analyst|economist|lawyer|"
    r"strategist|manager)\s+at)\s+\S"
)
_RELATIVE = re.compile(r"^(?:who|which|whose|whom)\b", re.I)
_AGE = re.compile(r"^\d{1,3}$")
# "Sen. Barbara Mikulski of Maryland": where someone is from, after the name.
_ORIGIN = re.compile(
    r"(?:of|from)\s+(?:the\s+)?[A-Z][\w.\-'&]*(?:\s+(?:&\s+)?[A-Z][\w.\-'&]*){0,3}"
)  # ("of Acme Bank", "of Standard & Poor's", "of AT&T")
# Where a named person is, or the medium they used, after a full name: "Dossym Satpayev in
# Almaty", "Jeb Bush in a Medium post".
_LOCATED = re.compile(
    r"(?:in|at)\s+(?:the\s+)?[A-Z][\w.\-']*(?:\s+[A-Z][\w.\-']*){0,3}"
    r"|(?:in|on)\s+(?:a|an|his|her|their|its)\s+(?:[\w'\u2019-]+\s+){0,3}?(?:statement|"
    r"interview|speech|email|e-mail|letter|tweet|post|release|memo|op-ed|essay|column|book|"
    r"blog|video|podcast|filing|appearance)(?:\s+(?:with|to|on|for)\s+[^,]{1,40})?"
)


def _named_after_description(head: str, head_source: Source | None, after: str) -> bool:
    """Whether a description is followed by the name it describes: "shadow chancellor of
    the Exchequer, Ada Vik" (the description read whole as a name only by its capitals)."""
    if head_source is None or head_source.name != head or not is_role(head):
        return False
    if " and " in after:
        return False  # "the Department for Culture, Media and Sport": one name with commas
    named = _simple_source(after)
    return named is not None and named.kind == "person" and named.name[:1].isupper()


# (the closing dash may be gone: the phrase ends where the verb starts.)
_DASH_ASIDE = re.compile(r"\s+(?:--?|\u2014|\u2013)\s+(.+?)(?:\s+(?:--?|\u2014|\u2013)(?:\s+|$)|$)")
_CHURCH_STYLE = re.compile(r"\b[Tt]he\s+(?=(?:(?:Rt|Very|Most)\.?\s+)?Rev(?:d|\.)?\s)")


@lru_cache(maxsize=8192)
def parse_source(phrase: str) -> Source | None:
    """Read a speaker phrase such as ``the company's chief, Jane Roe`` or ``Mr Estlin``.

    Pure, so results are cached: ``he said`` and the same names recur across articles.

    Args:
        phrase: The words that stand in the subject (or object of ``according to``) slot.

    Returns:
        The source the phrase names, or None when it does not read as a speaker.
    """
    text = clean_phrase(phrase)
    if not text or len(text) > 250:
        return None
    text = strip_lead(text)  # "Last month the SEC", "The news came as the bank"
    if "Rev" in text:  # "the Rt Rev Jon Dahl", "the Rev. Ada Vik": a style opens the name
        text = _CHURCH_STYLE.sub("", text)
    if is_clause(text):
        return None
    if "-" in text or "\u2014" in text or "\u2013" in text:
        # "The judge -- who met the nominee -- said": an aside between dashes reads as one
        # between commas.
        text = _DASH_ASIDE.sub(r", \1,", text).rstrip(", ")
    lowered = text.lower()
    if lowered in PRONOUN_GENDER:
        return Source(name="", kind="pronoun", gender=PRONOUN_GENDER[lowered], pronoun=lowered)
    parts = [part.strip() for part in comma_parts(text)]
    parts = [
        part
        for part in parts
        if part and not _AGE.match(part) and part.lower() not in SENTENCE_ASIDES
    ]
    if len(parts) > 1 and opens_sentence(parts[0]):
        opener, parts = parts[0], parts[1:]  # "Most importantly, Mr Vik says": no one's role
        while len(parts) > 1 and ENDS_ON_PLACE.search(opener) and place_like(parts[:1]):
            parts = parts[1:]  # "Speaking in Bergen, Norway, Vik said": the place runs on
    if not parts:
        return None
    head = parts[0]
    rest = parts[1:]
    if rest and rest[0].split(" ", 1)[0].lower() in ("and", "but", "or"):
        return None  # "officials studied it, and a former official": two clauses
    but = next((at for at, part in enumerate(rest) if part.split()[0] in ("but", "yet")), 0)
    if but:
        tail = rest[but].split()[1:]
        if next(clause_parts(["", *rest[:but]]), None) is not None or not any(
            word in AUXILIARIES or word.endswith("ed") for word in tail
        ):
            # "The prince, 20, apologised, but critics (have called)": the subject of the
            # verb to come is after "but".
            return None
        rest = rest[:but]  # "Ada Vik, 31, of Bergen, but she was ...": the name, details
    role: str | None = None
    if rest and _RELATIVE.match(rest[0]):
        if (
            len(rest) == 1
            and rest[0].startswith(("which ", "whom "))
            and not phrase.rstrip(" \u00a0").endswith(",")
        ):
            # "The list, which the campaign (says)": the relative clause is still open, so its
            # own subject speaks, not the noun before it.
            return None
        last = _simple_source(rest[-1]) if len(rest) > 1 else None
        if (
            last is not None
            and (last.kind == "pronoun" or last.name[:1].isupper())
            and not phrase.rstrip(" \u00a0").endswith(",")
        ):
            # "Trump, who ..., fits the bill, he": another subject after the relative clause
            # (not "The alliance, which includes Sea Watch and the Rowing Club, said").
            return None
        rest = []
    if rest:
        head_source = _simple_source(head)
        described = [part for part in rest if not place_like([part])]
        appositive = ROLE_STOP.sub("", ", ".join(described)).strip() if described else ""
        clause = next(clause_parts(described), 0)
        if clause and is_role_appositive(before_clause := ", ".join(described[:clause])):
            # "Ada Vik, the harbour master, called on the town to ...": the role ends where
            # a clause starts (when it surely is one: "given a chance, received ..." is not).
            appositive = ROLE_STOP.sub("", before_clause).strip()
        if (
            head_source is not None
            and head_source.kind == "group"  # (a pair reads as a group: the cheap test first)
            and " and " in head
            and head_source == named_pair(head, _simple_source)
        ):
            return head_source  # "Munich Re and Swiss Re, the two biggest reinsurers, said"
        named_after = _named_after_description(head, head_source, rest[0])
        if head_source is not None and head_source.kind == "person" and not named_after:
            if appositive and is_role(appositive):
                role = appositive
            elif described and is_role(ROLE_STOP.sub("", described[0]).strip()):
                if not all(is_role(part) for part in described[1:]):
                    # "Shoukair, the pilot, had logged ..., EgyptAir": a clause, not a name.
                    return None
                role = ROLE_STOP.sub("", described[0]).strip()
            if not role and _named_last(rest):
                return None  # "After beating Ada Vik, Eva Holm and ..., Jon Dahl": a list
            if role or head_source.name.split()[-1][:1].isupper():
                # A named person followed by description, origin or age.
                return Source(
                    name=head_source.name,
                    kind="person",
                    role=role or head_source.role,
                    gender=head_source.gender or gender_of_name(head_source.name, role or ""),
                )
        aside = rest[0].split()[0].lower() in ASIDE_WORDS  # "..., including his wife, ..."
        second = None if aside else _simple_source(rest[0])
        if (
            second is not None
            and second.kind == "person"
            and (is_role(head) or (head_source is not None and head_source.kind != "person"))
            # ("The campaign plans to publish more soon, a spokesman": a verb makes it a
            # statement before an unnamed speaker, not a role)
            and (
                second.name[:1].isupper()
                or (AUXILIARIES.isdisjoint(words_of(head)) and " to " not in head)
            )
        ):
            return Source(
                name=second.name,
                kind="person",
                role=head,
                gender=second.gender or gender_of_name(second.name, head),
            )
        if head_source is not None and head_source.kind != "pronoun":
            first = rest[0].split()[0]
            if (
                not described
                # "..., speaking for the group, said" (but "..., named X, will admit ...,
                # organizers said" is a clause before another subject).
                or (
                    first.islower()
                    and first.endswith(("ing", "ed"))
                    and all(NOT_PHRASE_WORDS.isdisjoint(words_of(part)) for part in rest)
                )
                or first in ("when", "while", "after", "if")  # "..., when contacted, ..."
                or (
                    first.lower() in ASIDE_WORDS
                    # (not "Many towns, such as Bergen, do not buy cover, said ...": a clause
                    # closed before the verb, whose subject comes after it)
                    and not (
                        phrase.rstrip().endswith(",") and rest[-1].split()[0].lower() in AUXILIARIES
                    )
                )
                # "United States Citizenship and Immigration Services, the agency that ...".
                or (head_source.kind == "org" and len(rest) == 1 and first in ("the", "a", "an"))
            ):
                # "Democratic economists, like their Republican counterparts, say ...".
                return head_source
        return None
    return _simple_source(head)


def _named_last(rest: list[str]) -> bool:
    """Whether the parts after a name end on another full name, after a list that is no
    role or place: the first name was in a list in an opening phrase, not the subject."""
    middle = rest[:-1]
    if len(rest) < 2 or all(place_like([part]) or is_role(part) for part in middle):
        return False
    if not any(" and " in part for part in middle):
        return False  # ("spokesman Jon Dahl, referring to his chief, Ada Vik": no list)
    last = _simple_source(rest[-1])
    words = last.name.split() if last is not None and last.kind == "person" else []
    return len(words) >= 2 and all(word[:1].isupper() for word in words)


# A noun with a determiner, placed by a preposition before a place: "One borough in (south)".
_PLACED_NOUN = re.compile(
    r"\s*(?:[Aa]n?|[Oo]ne|[Tt]he|[Ss]ome)\s+(?:[a-z-]+\s+){1,3}(?:in|near|outside)\s+(?:[a-z-]+\s+)?$"
)


# A name joined by "&" ("Marks & Spencer"), after the words that describe it, if any.
_NOT_ROLE_WORD = r"(?!(?:of|at|for|from|with|by|in|on|and|to)\s)"
_AMPERSAND_NAME = re.compile(
    rf"(?:(?P<role>(?:{_NOT_ROLE_WORD}[A-Za-z][\w'\u2019-]*\s+){{0,4}}?{_NOT_ROLE_WORD}"
    r"(?:[a-z][\w-]*|[A-Z][\w.-]*['\u2019]s))\s+)?"
    r"(?P<name>(?:[A-Z][\w.-]*\s+){0,3}&\s+[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,2})"
)


@lru_cache(maxsize=8192)  # pure; a phrase's head recurs (``Trump, who ...``)
def _simple_source(text: str) -> Source | None:
    """Read a phrase without commas."""
    words = words_of(text)
    if not words or len(words) > 30:
        return None
    if len(words) > 14:
        # Only a description with a long modifier: "a complaint filed by ...".
        return nominal(text, words)
    if words[0] in ASIDE_WORDS:
        return None  # "including his wife": an aside, not who speaks
    if (spoke := _SPEAKS_FOR.match(text.strip())) is not None:
        # "A spokesman for EU commissioner Ada Vik": the spokesman, never the one he speaks for
        head = spoke["head"] or ""
        gender: Gender = "m" if head in MALE_WORDS else "f" if head in FEMALE_WORDS else None
        return Source(name=text.strip(), kind="person", gender=gender)
    if len(words) == 1 and words[0] in SPEAKER_NOUNS and text.strip()[:1].isupper():
        lowered = _simple_source(words[0])
        if lowered is not None and lowered.kind == "group":  # "Critics say": no one named so
            return Source(name=text.strip(), kind="group", gender=lowered.gender)
    if words[0] == "the" and (titled := capital_title(text, words, _simple_source)) is not None:
        return titled  # "The Foreign Secretary", a person, not an organisation
    if (org := org_phrase(text)) is not None:
        return Source(name=org, kind="org")  # "The Bank of England", not "The Bank"
    if " & " in text and (firm := _AMPERSAND_NAME.fullmatch(text.strip())) is not None:
        # "accountancy firm Ernst & Young": one name, however its words read apart
        return Source(name=firm["name"], kind="org", role=firm["role"] or None)
    if ("of" in words or "for" in words) and (titled := titled_name(text)) is not None:
        return titled  # "Shadow leader of the Commons Ada Vik"
    if not POSTMODIFIERS.isdisjoint(words[1:]):
        described = postmodified(text, words)
        if described is not None:
            return described
    if len(words) == 1 and words[0] in INDEFINITE_SPEAKERS:
        single = words[0] in ("someone", "somebody")
        return Source(name=text.strip(), kind="person" if single else "group")
    described = described_by_participle(text, words, _simple_source)
    if described is not None:
        return described
    if words[0] in ("that", "this") and 2 <= len(words) <= 4 and text.split()[0][:1].isupper():
        # "That person said", "This official says": a demonstrative, not a clause.
        noun = nominal("the " + " ".join(text.split()[1:]), ["the", *words[1:]])
        head = words[-1]
        if (
            noun is not None
            and (head in SPEAKER_NOUNS or head in ROLE_HEADS or head in ("person", "people"))
            and NOT_PHRASE_WORDS.isdisjoint(words[1:])
        ):
            return Source(name=text.strip(), kind=noun.kind, gender=noun.gender)
    if "those" in words:
        counted = counted_those(text, words, _simple_source)
        if counted is not None:
            return counted
    if not NOT_PHRASE_WORDS.isdisjoint(words) and clause_word(text.split(), words):
        return restricted_group(text, words)
    if words[0] in PRONOUN_GENDER and len(words) > 1:
        return None
    if " and " in text and (pair := named_pair(text, _simple_source)) is not None:
        return pair  # "Munich Re and Swiss Re said": both speak
    run = last_name_run(text)
    if run is not None and _PLACED_NOUN.match(text[: run.start()]) and place_like([run.group()]):
        run = None  # "One borough in south London": the borough, not the city
    if run is not None:
        after = text[run.end() :].strip()
        if (
            not after
            or after.lower() in ("himself", "herself")
            or _ORIGIN.fullmatch(after)
            or (" " in run.group().strip() and _LOCATED.fullmatch(after))
        ):
            source = person_or_org(run.group(), text[: run.start()])
            if source is not None:
                return source
    return nominal(text, words)
