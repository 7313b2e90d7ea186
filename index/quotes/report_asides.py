"""Reports that read past or around their usual shape: a speaker set off by commas inside a
statement (``The pier, Vik said, is safe``), a statement inside an opening clause, a speaker
that ends the sentence, a gerund that reports nothing."""

from __future__ import annotations

import re

from index.quotes.lexicon.grammar import AUXILIARIES, IRREGULAR_VERBS
from index.quotes.lexicon.people import (
    DESCRIPTION_HEADS,
    ORG_WORDS,
    ROLE_HEADS,
    ROLE_WORDS,
    SPEAKER_NOUNS,
)
from index.quotes.names import Source
from index.quotes.report_shapes import CLAUSE_COMMA, Report, then_said_name
from index.quotes.roles import is_role_appositive
from index.quotes.speakers import parse_source
from index.quotes.statements import skip_adjuncts
from index.quotes.subjects import subject_before

# What goes on after an attribution set off by commas when it interrupts one statement: the
# statement's verb ("The pier, Vik said, is safe").
_PREDICATE_NEXT = re.compile(
    r"\s*,\s*(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|"
    r"does|did|remains|remained|[a-z]{3,}ed)\s"
)


def continues_after(text: str, verb_end: int, hi: int) -> bool:
    """Whether the statement goes on with its verb after ``, X said,``."""
    return _PREDICATE_NEXT.match(text, skip_adjuncts(text, verb_end, hi), hi) is not None


_MAX_ASIDE_WORDS = 8


def aside_subject(text: str, lo: int, head_end: int) -> tuple[Source, int] | None:
    """The speaker phrase between the statement's last comma and the verb.

    Its offset is where the phrase starts, so that the statement ends at the comma
    (``Pivoting too soon, a wide array of economists say, hurt growth``).
    """
    comma = text.rfind(",", lo, head_end)
    if comma <= lo or len(text[comma + 1 : head_end].split()) > _MAX_ASIDE_WORDS:
        return None
    found = subject_before(text, comma + 1, head_end)
    if found is None:
        return None
    start = comma + 1
    while start < head_end and text[start].isspace():
        start += 1
    return with_name_before(text, lo, (found[0], start))


def with_name_before(
    text: str, lo: int, found: tuple[Source, int] | None
) -> tuple[Source, int] | None:
    """``..., Ada Vik, the harbour master said``: a description that ends the statement
    speaks for the full name set off by commas right before it, if there is one; and in
    ``..., the harbour master, Ada Vik, said`` the description before the name is her role."""
    if found is None or not found[0].name:
        return found
    comma = text.rfind(",", lo, found[1])
    before = text.rfind(",", lo, comma) if comma > lo else -1
    if before <= lo or text[comma + 1 : found[1]].strip():
        return found
    piece = text[before + 1 : comma]
    start = before + 1 + len(piece) - len(piece.lstrip())
    source = found[0]
    if source.name.split()[-1][:1].isupper():  # a name: a role set off before it?
        if (
            source.kind == "person"
            and source.name[:1].isupper()
            and not source.role
            and piece.split(maxsplit=1)[0].lower() in ("the", "a", "an")
            and is_role_appositive(piece.strip())
        ):
            return source._replace(role=piece.strip()), start
        return found
    named = parse_source(piece)
    if named is None or named.kind != "person" or " " not in named.name or named.role:
        return found
    return named._replace(role=source.name), start


# A name right after the cue, set off by the comma before the statement's verb: "The council,
# suggests Mr Dahl, could act ...".
_NAME_THEN_COMMA = re.compile(r"\s+((?:[A-Z][\w.'\u2019-]*\s+){0,3}[A-Z][\w'\u2019-]*)(?=\s*,)")


def inverted_aside(text: str, verb_end: int, hi: int) -> tuple[Source, int] | None:
    """The speaker named after the cue of an aside in one statement (``The council, suggests
    Mr Dahl, could act ...``), and where the name ends, if the statement goes on after it."""
    named = _NAME_THEN_COMMA.match(text, verb_end, hi)
    if named is None or not (
        continues_after(text, named.end(), hi) or _new_clause_after(text, named.end(), hi)
    ):
        return None
    source = parse_source(named.group(1))
    if source is None or source.kind != "person":
        return None
    return source, named.end()


# What follows an aside that is no new clause: a relative clause, a participle, a role.
_NOT_A_CLAUSE = re.compile(
    r"\s*,\s*(?:who|which|whose|where|when|that|and|but|though|although|a|an|another|"
    r"[a-z]+ing)\b"
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_RELATIVE = re.compile(r"\s(?:who|whose|whom)\s")


def _new_clause_after(text: str, name_end: int, hi: int) -> bool:
    """Whether a clause with a verb of its own follows ``, said Mr Dahl,`` to the sentence's
    end (``Until now, said Mr Dahl, the port has ...``), rather than a description set off
    after the name (``, the port's director.``, ``, a pilot who has flown ...``)."""
    if _NOT_A_CLAUSE.match(text, name_end, hi):
        return False
    stop = _SENTENCE_END.search(text, name_end, hi)
    rest = text[name_end : stop.start() if stop else hi].lstrip(" ,")
    first = rest.split(",", 1)[0]
    if not rest or is_role_appositive(first) or _RELATIVE.search(first):
        return False  # (", the harbour master", ", the man who runs the port")
    words = [word.strip(",;:").lower() for word in rest.split()[1:]]
    return any(
        word in AUXILIARIES or word in IRREGULAR_VERBS or (len(word) > 4 and word.endswith("ed"))
        for word in words
    )


_SUBORDINATE_OPENING = re.compile(
    r"\s*(?:When|If|After|Although|Though|Because|While|Whilst|Since|Before|Once|Until|Unless|"
    r"Even\s+as|Even\s+though|As)\s"
)


def close_opening_clause(text: str, lo: int, hi: int, found: list[Report]) -> list[Report]:
    """Reports in a sentence that opens with a subordinate clause (``When Clinton noted that he
    paid no tax, Trump boasted ...``): a statement in the opening clause closes at its comma."""
    if not _SUBORDINATE_OPENING.match(text, lo):
        return found
    first = CLAUSE_COMMA.search(text, lo, hi)
    if first is None:
        return found
    closed = [
        r._replace(end=first.start())
        if r.position < first.start() < r.end and r.start < first.start()
        else r
        for r in found
    ]
    # ("As they say about the doctor, ...": what is left is only what it was said of; what
    # one is asked about is the question, "When the poll asked about all four candidates")
    return [
        r
        for r in closed
        if r.cue.lower().startswith("ask") or not _OF_WHAT.match(text, r.start, r.end)
    ]


# A statement that is only a phrase saying what it is about: "about the storied doctor".
_OF_WHAT = re.compile(r"(?:about|of|on)\s[^,;:]*$")


# A short speaker phrase that ends the sentence after its verb: " a company spokesman."
_SPEAKER_ENDS = re.compile(r"\s+(?:an?|the)\s+(?:[\w'\u2019-]+\s+){0,3}([\w'\u2019-]+)\.(?:\s|$)")
_SPEAKER_HEADS = SPEAKER_NOUNS | ROLE_HEADS | ORG_WORDS | DESCRIPTION_HEADS
_TITLED_NAME_ENDS = re.compile(
    r"\s+(?:[a-z][\w-]*\s+)?([a-z][\w-]*)\s+(?:[A-Z][\w'\u2019.-]*\s+){0,3}[A-Z][\w'\u2019-]+\.(?:\s|$)"
)
_TITLE_WORDS = ROLE_WORDS | DESCRIPTION_HEADS


def said_by_last(text: str, lo: int, hi: int, cue: re.Match[str]) -> list[Report]:
    """``..., took 400 names, said a company spokesman.``: the statement before the verb, when
    a short description of a speaker ends the sentence after it."""
    if not _speaker_ends(text, cue.end(), hi):
        return []
    return then_said_name(text, lo, hi, cue.start(), cue.end())


def _speaker_ends(text: str, verb_end: int, hi: int) -> bool:
    """Whether a short description of a speaker ends the sentence after the verb (``..., said
    a company spokesman.``): its head a speaker noun or a name."""
    found = _SPEAKER_ENDS.match(text, verb_end, hi)
    if found is None:
        titled = _TITLED_NAME_ENDS.match(text, verb_end, hi)
        # "..., once the owner of Vestfrakt, said founder Jon Dahl."
        return titled is not None and titled.group(1).lower() in _TITLE_WORDS
    head = found.group(1)
    return head[:1].isupper() or head.lower() in _SPEAKER_HEADS


_GERUND_BEFORE = frozenset(("by", "of", "for", "without", "about"))
# A short object closing the clause, no quote and no "that": " its name."
_GERUND_OBJECT = re.compile(r"\s+(?!that\b)(?:[\w'\u2019-]+\s+){0,2}[\w'\u2019-]+\s*[.;:,!?]")


def gerund_object(text: str, verb_end: int, previous: str) -> bool:
    """Whether a cue in ``-ing`` after a preposition takes a short object that closes the
    clause (``just by saying its name.``): a gerund, not a report."""
    return previous in _GERUND_BEFORE and _GERUND_OBJECT.match(text, verb_end) is not None


_PERFECT = frozenset(("has", "have", "had"))


def coordinated_verb(head: str, previous: str, verb: str) -> bool:
    """Whether the cue ``verb`` after ``head`` (whose last word is ``previous``) is a second
    verb of the clause's subject: "... and said", "... but has said" (not "and have notes")."""
    if previous in ("and", "but"):
        return True
    return (
        previous in _PERFECT
        and verb.endswith(("ed", "said", "told"))
        and head[: -len(previous)].rstrip().endswith((" and", " but"))
    )
