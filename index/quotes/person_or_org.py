"""Read a capitalised run as a person or an organisation, with the role before it."""

from __future__ import annotations

from index.quotes.lexicon.people import (
    COURTESY_TITLES,
    HONORIFICS,
    PARTY_MEMBERS,
    PEERAGE_TITLES,
    ROLE_PARTICIPLES,
)
from index.quotes.names import (
    MAX_RUN_WORDS,
    Source,
    ends_in_stray_word,
    gender_of_name,
    is_org_name,
    is_personal_title,
    leading_non_names,
    split_title,
    strip_possessive,
)
from index.quotes.phrase_runs import title_owns_the
from index.quotes.roles import opens_sentence


def person_or_org(run: str, text_before: str) -> Source | None:
    """Read a capitalised run (with what precedes it in the phrase) as a person or an org."""
    if run.count(" ") > MAX_RUN_WORDS:
        return None  # (a run of capitalised words that long is no one's name)
    title, name = split_title(run)
    name = strip_possessive(name.strip(" ,"))
    if not name:
        return None
    tokens = name.split()
    if not title:
        tokens = tokens[leading_non_names(tokens, text_before) :]
    while tokens and ends_in_stray_word(tokens):
        tokens = tokens[:-1]
    if not tokens or (len(tokens) == 1 and len(tokens[0].rstrip(".")) < 2):
        return None
    name = " ".join(tokens)
    # (no word ends in "ed" without "ed" in the text, so most phrases are not read)
    words = text_before.split() if "ed" in text_before else []
    if any(
        word.endswith("ed")
        and word.islower()
        and word not in ROLE_PARTICIPLES
        and (
            words[at - 1][:1].isupper()
            or (at > 1 and words[at - 1].endswith("ly") and words[at - 2][:1].isupper())
        )
        for at, word in enumerate(words)
        if at
    ):
        return None  # "Trump (angrily) attacked Romney": a clause, not a role before a name
    lowered_before = text_before.strip().lower()
    # ("Dr Fox" is someone, "Fox" may be a network)
    after_the = lowered_before.endswith("the") and not title_owns_the(
        text_before.rsplit(maxsplit=2)
    )
    if (is_org_name(name) and not is_personal_title(title)) or after_the:
        org = f"{text_before.strip()} {run}".strip() if after_the else run
        return Source(name=strip_possessive(org), kind="org")
    if len(tokens) == 1 and tokens[0].endswith("s") and tokens[0][:-1].lower() in PARTY_MEMBERS:
        return Source(name=name, kind="group", gender="p")
    said_title = title
    words = title.split()
    while words and words[-1].lower() in PEERAGE_TITLES:  # ("Treasurer Lord Ashcroft": a name)
        words, title = words[:-1], " ".join(words[:-1])
    if words and words[-1].rstrip(".").lower() in COURTESY_TITLES:
        # "Mr", "Chancellor Mr" (the role is "Chancellor"), "Harrogate Mr" (a place: none).
        words = words[:-1]
        keep = any(word.rstrip(".").lower() in HONORIFICS for word in words)
        title = " ".join(words) if keep else ""
    before = text_before.strip()
    if before and opens_sentence(before.rstrip(",")):
        before = ""  # "Speaking to reporters Mr Vik said": the opening phrase is no role
    head, joined, rest = f" {before} ".rpartition(" and ")
    # ("Mayor Ada Vik and port chief Jon Dahl": Dahl's is "port chief"; not "a spokesman for
    # Justice and Home Affairs Commissioner Jon Dahl")
    named = head.split()
    if (
        joined
        and len(named) >= 2
        and all(w[:1].isupper() or w in ("former", "the") for w in named)
        and all(w[:1].isupper() and w[-1] not in ",." for w in named[-2:])
    ):
        before = rest.strip()
    role = " ".join(part for part in (before, title) if part) or None
    return Source(
        name=name,
        kind="person",
        role=role,
        gender=gender_of_name(name, f"{said_title} {text_before}"),
    )
