"""Rule ``speaking-subject``: quoted words take the subject of their sentence only if it can speak.

``Ada Vik called the pier "perfectly safe"`` gives Vik the quoted words; in ``The bill would
give legal force to "living wills"`` or ``the number of MPs would be "fair"`` the subject is a
thing that only is or would do something, and the marks are the writer's, around a term. A
subject can speak when it is named (capitalised), or when its head noun is a word for people,
a body or a document that states things ("the ministry", "critics", "the report"); and a thing
with a verb of its own may state something ("the lawsuit alleges", "the ad accuses").
"""

from __future__ import annotations

from index.quotes.lexicon.grammar import AUXILIARIES, PHRASE_PREPOSITIONS
from index.quotes.lexicon.people import (
    ANAPHORIC_HEADS,
    DESCRIPTION_HEADS,
    GROUP_PRONOUNS,
    ORG_WORDS,
    ROLE_HEADS,
    SPEAKER_NOUNS,
)
from index.quotes.names import Source

SPEAKING_SUBJECT = "speaking-subject"

_SPEAKING_HEADS = (
    SPEAKER_NOUNS | ROLE_HEADS | ORG_WORDS | DESCRIPTION_HEADS | ANAPHORIC_HEADS | GROUP_PRONOUNS
)
_PEOPLE_ENDINGS = ("ers", "ist", "ists", "ian", "ians", "ants", "ents", "men", "maker", "ies")
_AFTER_HEAD = PHRASE_PREPOSITIONS | frozenset(("who", "which", "that"))
_DETERMINERS = frozenset(("the", "a", "an", "this", "that", "these", "those"))


def may_speak(source: Source, verb: str) -> bool:
    """Whether a sentence's subject, before its first ``verb``, can be the one whose words the
    quote marks hold: a thing that only "is" or "would" something says nothing."""
    if verb.lower() not in AUXILIARIES or source.kind in ("person", "pronoun"):
        return True
    words = source.name.split()
    if words[0][:1].isupper() and words[0].lower() not in _DETERMINERS:
        return True  # a name ("Halvard Ferries")
    # (the head ends before a preposition or a participle: "the people briefing on ...")
    end = next(
        (
            at
            for at, word in enumerate(words)
            if at and (word in _AFTER_HEAD or word.endswith("ing"))
        ),
        len(words),
    )
    head = words[end - 1].rstrip(".,").removesuffix("'s").removesuffix("\u2019s")
    if head[:1].isupper():
        return True  # ("The Britons", "the BBC")
    return head.lower() in _SPEAKING_HEADS or head.lower().endswith(_PEOPLE_ENDINGS)
