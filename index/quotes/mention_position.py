"""Where a name stands in its sentence (speaker, subject, oblique or other), and how salient
that makes it as the antecedent of a later pronoun."""

from __future__ import annotations

import re

from index.quotes.cues import by_last_letter, trie_pattern
from index.quotes.lexicon import word_set
from index.quotes.lexicon.grammar import CLAUSE_START_WORDS, OBLIQUE_PREPOSITIONS
from index.quotes.lexicon.people import (
    ANAPHORIC_HEADS,
    DESCRIPTION_HEADS,
    FIRST_NAMES,
    ROLE_NOUNS_BEFORE_NAME,
)
from index.quotes.name_lists import in_name_list
from index.quotes.openers import described_body, opener_comma
from index.quotes.registry import OBLIQUE_WEIGHT, SPEAKER_WEIGHT, SUBJECT_WEIGHT

# (``+`` after a repeat: what must follow is not in its class, so giving back never helps)
FOLLOWED_BY_SPEECH = re.compile(
    r"\s*(?:,[^,.;]{1,120}+,\s*)?(?:also\s+|later\s+|has\s+|had\s+)?"
    r"(?:said|says|told|added|noted|wrote|argued|explained|asked|warned|insisted|tweeted)\b"
)
_CLAUSE_ENDINGS = frozenset('.!?:;\u201d\u201c",')
# As a trie: a role noun is followed by a space or the end, so at most one can match.
_ROLE_NOUNS = "(?:" + trie_pattern(ROLE_NOUNS_BEFORE_NAME) + ")"
_ROLE_NOUN_ENDINGS = by_last_letter(ROLE_NOUNS_BEFORE_NAME)
# Nouns for people that may stand before a name: roles, descriptions and relations.
_PERSON_WORDS = ROLE_NOUNS_BEFORE_NAME + tuple(sorted(DESCRIPTION_HEADS | ANAPHORIC_HEADS))
_PERSON_NOUNS = "(?:" + trie_pattern(_PERSON_WORDS) + ")"
# Lower-case words that describe a role noun, not a verb or a preposition before it ("Ada Vik
# praised winger Tom", ", including captain Tom").
_LINKS = "including|with|by|of|for|from|to|at|in|on|as|like|than|the|a|an|his|her|their"
_DESCRIBING = rf"(?:(?![a-z]+(?:ed|ing)\s|(?:{_LINKS})\s)[a-z]+\s+){{0,2}}"
_MODIFIER = re.compile(rf"['\u2019]?s?\s+{_DESCRIBING}{_ROLE_NOUNS}\s+[A-Z]")
# Capitalised words before a noun for a person and a name: "Double Olympic champion Hicham".
# ("Ryan Giggs will captain Wales": a verb before the noun, so a name before it)
BEFORE_DESCRIBED = re.compile(rf"\s+{_PERSON_NOUNS}\s+[A-Z]")
# A subject opened by descriptive words: "(Clinton) spokeswoman", "Georgia businessman".
_PREMODIFIERS = re.compile(
    rf"(^|[.!?;:,\u201d\u201c\"]\s*)(?:[A-Z][\w'\u2019.\-]*\s+){{0,3}}{_DESCRIBING}{_ROLE_NOUNS}$"
)


# "'s old deputy Jon": a possessive owning a noun for a person, set before another name.
_OWNED_NAME = re.compile(
    rf"['\u2019]s\s+(?:[A-Za-z][\w'\u2019-]*\s+){{0,2}}{_PERSON_NOUNS}\s+[A-Z][a-z]"
)
# "'s Jon Dahl": a possessive owning a full name ("Harbour Watch's Jon Dahl").
_OWNED_FULL_NAME = re.compile(r"['\u2019]s\s+([A-Z][a-z]+)\s+[A-Z][a-z]")
# The capitalised owner at the end of the words before a name: "but Harbour Watch's".
_OWNER = re.compile(r"(?<![\w'\u2019])(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*['\u2019]s$")
_LIST_END = re.compile(r"\s*(?:[-\u2013\u2014)]|\.(?:\s|$)|;)")
_TIME_WORDS = word_set(
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight later earlier"
)
_TIME_LEAD = re.compile(
    r"(?:^|[,.;:]|\b(?:and|but|so))\s*(?:(?:on|last|this|by)\s+)?"
    rf"(?:{'|'.join(sorted(_TIME_WORDS))})$",
    re.I,
)
# A role noun and what it is over, before a name: "director of sport", "head of research".
_TITLE_OF = re.compile(rf"(?P<noun>{_ROLE_NOUNS})\s+of\s+(?:the\s+)?[a-z]+(?:\s+[a-z]+)?$")
_BETWEEN = re.compile(r"\bbetween\s+(?:\S+\s+){1,4}and\s*$")
_PRONOUN_LEAD = re.compile(r"\b(?:He|She|They|We|I|It|You)\s")


def position_of(text: str, start: int, end: int) -> str:
    """Where the name at ``text[start:end]`` stands: speaker, subject, oblique or other."""
    before = text[max(0, start - 40) : start]
    words = before.rsplit(maxsplit=2)  # only the last two words are read
    if words and words[-1].lower() in OBLIQUE_PREPOSITIONS:
        return "oblique"
    if opener_comma(text, start) is not None:
        # "Responding to criticism from pundit Ola Berg, he said": the participle's subject
        # is the sentence's, named after the comma; the names inside the opener are not it.
        return "oblique"
    if text.startswith("s ", end + 1) and (_OWNED_NAME.match(text, end) or _owns_person(text, end)):
        # "Vik's old deputy Jon Dahl said", "Harbour Watch's Jon Dahl said": the name only
        # owns the subject, named after it.
        return "other"
    if FOLLOWED_BY_SPEECH.match(text, end):
        return "speaker"
    if _MODIFIER.match(text, end):
        # "Clinton spokeswoman Jennifer Palmieri": the name only describes the next one.
        return "other"
    tail = before.rstrip()
    if (
        tail.endswith(("'s", "\u2019s"))
        and (owner := _OWNER.search(tail)) is not None
        and _owns_person(text, start - len(before) + owner.end() - 2)
    ):
        # "..., but Harbour Watch's Jon Dahl rejected it": the one owned stands where its
        # owner's name starts.
        return position_of(
            text, start - len(before) + owner.start(), start - len(before) + owner.start()
        )
    if not tail or tail[-1] in _CLAUSE_ENDINGS:
        return "other" if tail.endswith(",") and in_name_list(text, start, end) else "subject"
    if words and words[-1].lower() in _TIME_WORDS and _TIME_LEAD.search(tail):
        return "subject"  # "..., but on Wednesday Mr Straw said": a time opens the clause
    if words and words[-1] == "and" and _BETWEEN.search(before):
        return "oblique"  # "between himself and Tony Blair": the second of a pair after "between"
    if words and words[-1].lower() in CLAUSE_START_WORDS:
        # "..., and Smith said" starts a clause; "Hillary Clinton and Marco Rubio" does not.
        # ("said Grewcock. But Ruddock feels": the word before ends a sentence, no list)
        listed = len(words) >= 2 and words[-2][:1].isupper()
        # ("- Russian courts and the European Court - were": a list's item, not a clause's
        # subject, when no verb or appositive follows it)
        ends_list = _LIST_END.match(text, end) is not None
        return (
            "other" if ends_list or (listed and words[-2][-1] not in _CLAUSE_ENDINGS) else "subject"
        )
    # _PREMODIFIERS ends with a role noun: only search when the text does too.
    ends_in_role = tail.endswith(_ROLE_NOUN_ENDINGS.get(tail[-1:], ()))
    if not ends_in_role and " of " in tail[-30:] and (titled := _TITLE_OF.search(tail)):
        tail, ends_in_role = tail[: titled.end("noun")], True  # "director of sport Emilio"
    lead = _PREMODIFIERS.search(tail) if ends_in_role else None
    if lead and _PRONOUN_LEAD.search(lead.group()) is None:
        # "Georgia businessman Bruce LeVell believes": the name heads the subject ("He
        # thanked finance minister Carl Dent": not when the clause has a subject of its own).
        return "subject"
    if described_body(tail):
        return "subject"  # "Irish publishing group Nordplan Media has bought ..."
    return "other"


def _owns_person(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` owns a person named after it ("Harbour Watch's Jon
    Dahl"): a known first name and a surname after the possessive."""
    owned = _OWNED_FULL_NAME.match(text, end)
    return owned is not None and owned.group(1).lower() in FIRST_NAMES


def weight_of(position: str) -> float:
    """Salience of a mention in that position, as an antecedent of a later pronoun."""
    if position == "speaker":
        return SPEAKER_WEIGHT
    if position == "subject":
        return SUBJECT_WEIGHT
    return OBLIQUE_WEIGHT if position == "oblique" else 0.0


def speaks(text: str, end: int) -> bool:
    """Whether a speech verb follows the name ending at ``end`` (``Nand said``)."""
    after = text[end : end + 2]
    # Cheap test first: a verb starts with a lower-case letter, an appositive with a comma.
    if not after or not (after[0] == "," or (len(after) == 2 and after[1].islower())):
        return False
    return FOLLOWED_BY_SPEECH.match(text, end) is not None
