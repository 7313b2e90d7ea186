"""Read the subject of a verb: who says (or does) something in a clause."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from index.quotes.cues import ATTRIBUTION_VERB_SET, is_noun_or_infinitive, strip_adverbs
from index.quotes.lexicon.grammar import (
    AUXILIARIES,
    CLAUSE_OPENERS,
    IRREGULAR_VERBS,
    SUBJECT_PRONOUNS,
)
from index.quotes.lexicon.people import FIRST_NAMES, HONORIFICS
from index.quotes.lexicon.speech import NOUN_CUES
from index.quotes.marks import QuotedSpan, span_at, spans_between
from index.quotes.names import Source, bare_token, clean_phrase
from index.quotes.opening_names import named_after_adverbial
from index.quotes.orgs import whole_org_name
from index.quotes.places import ENDS_ON_PLACE
from index.quotes.speakers import parse_source

Known = Callable[[str], bool]
"""Tells whether a one-word name belongs to someone the article already introduced."""

# (``+`` after a repeat: what must follow is not in its class, so giving back never helps)
INTRO = re.compile(
    # A conjunction goes alone ("But Ada Vik, the harbour master, said"), then adverbials.
    r"^(?:(?:but|and|yet|so)\s+(?=\w))?"
    r"(?:(?:in|on|at|during|after|before|since|for|speaking|asked|reached|contacted|later|"
    r"earlier|last|early|late|this|separately|meanwhile|however|still|but|and|yet|so|also|then|now|when|while|"
    r"if|unless|although|though|because|once|until|"
    r"as|with|without|from|under|over|like|unlike|by|to|of|about|sure|indeed|instead|"
    r"moreover|still|overall|again|rather|ultimately|finally|amid|despite|following|"
    r"according\s+to|ahead|(?:a|an|one|two|three|four|five|six|several|a\s+few|\d+)\s+"
    r"(?:minutes?|hours?|days?|weeks?|months?|years?)\s+(?:ahead|after|before|later|earlier|"
    r"into|since)|"
    # a participle and its object: "Wearing a frock by designer Ada Vik, Jon Dahl said"
    r"[a-z]{3,}ing(?=\s+(?:a|an|the|his|her|their|its|on|at|in|with|from|after|out|up|off)\s))"
    r"\b[^,\"\u201c\u201d]{0,80}+,\s*)*",
    re.I,
)
"""Adverbials that open a sentence before its subject (``On Tuesday,``)."""

# Adverbials that open a sentence without a comma ("In September she said", "Last week Ada
# Vik said"): a preposition or time word, then a few words.
_BARE_INTRO = re.compile(
    r"(?:and|but|so|then|now|later|earlier|still|also|again|once|meanwhile|"
    r"(?:in|on|at|during|after|before|since|last|this|early|late)\s+[^,;:\"\u201c\u201d]{1,40})",
    re.I,
)
_BARE_TIME = re.compile(
    r"(?:(?:last|this|next|early|late)\s+(?:week|month|year|night|weekend|spring|summer|fall|"
    r"autumn|winter|morning|evening)|(?:on|in|by|since|until)\s+(?:monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|"
    r"september|october|november|december|\d{4})(?:\s+\d{1,2})?|earlier|later|then|now)\s+"
    r"(?=[A-Z])",
    re.I,
)
_MAX_SUBJECT_WORDS = 30
_BOUNDARY_CHARS = frozenset(',;:(\u2014\u2013"\u201d\u201c.!?')
# The matches of ``(?:[,:;]\s*|\s)(?:which|...)\s+|[,:;]\s*|\s[\u2014\u2013]\s|\s(?:and|but)\s``,
# written to start with one character class so that the scan skips ahead to the next candidate;
# the lookbehind tells the punctuation branch (which always matches) from the space ones.
_SPLITS = re.compile(
    r"[,:;\s](?:(?<=[,:;])\s*(?:(?:which|whom|where|when|because|although|though|while|since|"
    r"if|unless|whereas)\s+)?|(?:which|whom|where|when|because|although|though|while|since|if|"
    r"unless|whereas)\s+|[\u2014\u2013]\s|(?:and|but)\s)"
)

_VERB_LIKE = re.compile(r"[a-z]{2,}ed$")
# Auxiliaries, attribution verbs and irregular verbs in one set (one lookup per word).
_VERB_WORDS = AUXILIARIES | ATTRIBUTION_VERB_SET | IRREGULAR_VERBS
_BOUNDARY = re.compile(
    r"(?:^|[,;:(\u2014\u2013]|\s(?:that|who|which|whom|what|and|but|while|as|because|when|after|"
    r"before|since|if|though|although|where)\s)\s*",
)
_PLACE_GOES_ON = re.compile(r"(?:[A-Z][\w.'\u2019-]*\s+){0,2}[A-Z][\w.'\u2019-]*,\s*")
_RELATIVES = frozenset(("which", "who", "whom", "what"))
_TOKEN = re.compile(r"\S+")
_WORD = re.compile(r"\w+")
_LOWER_WORD = re.compile(r"(?<![\w'\u2019-])[a-z][a-z'\u2019\-]*")
_WITH_DOING = re.compile(r"\bwith\s+((?:[\w'\u2019.-]+\s+){0,5}[\w'\u2019.-]+)\s*$")
_RELATIVE_END = re.compile(r"\s\s*(?:who|which|that)\s*$")  # (\s\s*: the search skips to spaces)


def subject_before(text: str, lo: int, hi: int) -> tuple[Source, int] | None:
    """Read the subject of a reporting verb from ``text[lo:hi]`` (the words before the verb).

    Leading adverbials (``On Tuesday,``) are skipped; failing that, the phrase after the last
    comma or conjunction is tried (``..., and Smith said``). The offset returned is that of
    the subject's first word, whatever spaces or marks precede it.
    """
    closed = None
    for closed in _CLOSED_QUOTE.finditer(text, lo, hi):  # noqa: B007 - the last one is wanted
        pass
    if closed is not None:
        # 'In an interview on NRK's "Harbour Hour," Ada Vik said': a subject holds no
        # quote that a comma closes, so it starts after it.
        lo = closed.end()
    found = subject_of(text[lo:hi])
    if found is None:
        return None
    source, at = found[0], lo + found[1]
    while at < hi and text[at].isspace():
        at += 1  # ('," Mr. Obama said': the phrase may start with the space after the mark)
    if source.name[:1].isupper() and (whole := whole_org_name(text, at, hi)) is not None:
        # ("the Organisation for Economic Co-operation and Development, which argued")
        return Source(whole[1], "org"), whole[0]
    return source, at


# The last spaced dash of a phrase, and what follows it (a few words, no comma).
_LAST_DASH = re.compile(
    r"\s(?:[\u2014\u2013]|--?)\s+(?=[^,\u2014\u2013]{2,40}$)(?!.*\s(?:[\u2014\u2013]|--?)\s)"
)
_CLOSED_QUOTE = re.compile('(?:,["\u201d]|["\u201d],)\\s+')


@lru_cache(maxsize=4096)  # pure; short heads recur ("He", "The ministry")
def subject_of(segment: str) -> tuple[Source, int] | None:
    """``subject_before`` of a segment on its own: the subject and its offset in ``segment``."""
    if not segment.strip() or len(segment) > 400:
        return None
    tail = segment.rstrip()
    cut = max(tail.rfind(" "), tail.rfind("\u00a0"))
    if tail[cut + 1 :].lower() in SUBJECT_PRONOUNS:
        # ", he said": the common case, read without parsing the whole clause.
        before = tail[:cut].rstrip()
        if (
            not before
            or before[-1] in _BOUNDARY_CHARS
            or before[before.rfind(" ") + 1 :].lower() in CLAUSE_OPENERS
            or (before.count(" ") < 8 and _BARE_INTRO.fullmatch(before.lstrip()) is not None)
            # ("Asked if he would come he told the BBC": "he" is never an object)
            or tail[cut + 1 :].lower() in ("he", "she", "they", "we")
        ):
            found = parse_source(tail[cut + 1 :])
            if found is not None:
                return found, cut + 1
    dash = _LAST_DASH.search(segment)
    if dash is not None:
        # "In its report - Smut and Sex - the council said": the subject follows the aside.
        after = parse_source(segment[dash.end() :])
        if after is not None:
            return after, dash.end()
    timed = _BARE_TIME.match(segment)
    if timed is not None and segment[timed.end()].isupper() and "," in segment[timed.end() :]:
        # "On Tuesday Halvard, the ferry firm, said": the time ends at the name, not the comma.
        named = parse_source(segment[timed.end() :])
        if named is not None and named.name[:1].isupper():
            return named, timed.end()
    intro = INTRO.match(segment)
    offset = intro.end() if intro else 0
    if offset and ENDS_ON_PLACE.search(segment[:offset].rstrip(", ")):
        more = _PLACE_GOES_ON.match(segment, offset)
        named = parse_source(segment[more.end() :]) if more is not None else None
        if (
            more is not None
            and named is not None
            and named.kind == "person"
            and named.name[:1].isupper()
            and bare_token(more.group().split()[0]) not in FIRST_NAMES
        ):
            offset = more.end()  # "In Bergen, Norway, Vik said": the place runs on
    rest = segment[offset:]
    bare = _BARE_TIME.match(segment, offset + len(rest) - len(rest.lstrip()))
    offset = bare.end() if bare else offset
    if segment.count(" ", offset) <= _MAX_SUBJECT_WORDS:
        source = parse_source(segment[offset:])
        if source is not None:
            return source, offset
    for match in list(_SPLITS.finditer(segment))[:-4:-1]:
        if match.end() <= offset:
            break
        source = parse_source(segment[match.end() :])
        if source is not None:
            return source, match.end()
        opened = named_after_adverbial(segment[match.end() :])  # ", but on Monday Mr Dahl"
        if opened is not None:
            return opened[0], match.end() + opened[1]
    that = segment.rfind(" that ", offset)
    if that != -1:
        # "... should remember that social scientists say ...": a group after "that".
        source = parse_source(segment[that + 6 :])
        if source is not None and source.kind == "group":
            return source, that + 6
    return named_after_adverbial(segment)


def _verb_like(word: str) -> bool:
    """Whether a lower case word may be the verb after a subject (``said``, ``branded``, ``is``)."""
    word = word.strip(",;:.\"'\u201c\u201d")
    return word in _VERB_WORDS or bool(_VERB_LIKE.fullmatch(word))


def _outside(spans: Sequence[QuotedSpan], pos: int) -> bool:
    return span_at(spans, pos) is None


def clause_subject(
    text: str, lo: int, hi: int, spans: Sequence[QuotedSpan], known: Known
) -> tuple[Source, int] | None:
    """The subject of the sentence starting at ``lo`` (for ``..., saying ...``).

    The subject is the phrase before the first verb-like word; a lone capitalised word that is
    not someone already introduced must be followed by a clear verb (``Japan branded``).
    """
    inside = spans_between(spans, lo, hi)
    opening = next((spans[number] for number in inside if spans[number].open >= lo), None)
    if opening is not None:
        hi = opening.open
    segment = text[lo:hi]
    intro = INTRO.match(segment)
    start = lo + (intro.end() if intro else 0)
    first = text[start : start + 6].split(" ", 1)[0]
    if first.lower() in SUBJECT_PRONOUNS and first.lower() != "it" and " " in text[start:hi]:
        # "He refuses to name them, saying ...": a personal pronoun first is the subject,
        # whatever tense its verb is in.
        pronoun = parse_source(first)
        if pronoun is not None:
            return pronoun, start
    for word in _TOKEN.finditer(text[start:hi]):
        token = word.group()
        if not token[:1].islower() or not _verb_like(token):
            continue
        end = start + len(strip_adverbs(text[start : start + word.start()]))
        found = _read_subject(text, start, end, known)
        if found is not None:
            return found
        break
    return None


def verb_subject(
    text: str, lo: int, pos: int, spans: Sequence[QuotedSpan], known: Known
) -> tuple[Source, int, str] | None:
    """The subject of the nearest verb before ``pos`` (``Japan branded North Korea "..."``).

    Used for quoted fragments that no reporting verb introduces: the words are taken to be
    those of whoever does the nearest thing to them in the sentence. Returns the subject,
    its offset and the verb.
    """
    words = [
        word
        for word in _LOWER_WORD.finditer(text[lo:pos])
        if _verb_like(word.group()) and _outside(spans, lo + word.start())
    ]
    # Reporting verbs first ("complained that the contest had been ..."), then any verb.
    # (not a cue word used as a noun: "the bank's annual report, Ada Vik ...")
    reporting = [
        word
        for word in words
        if word.group() in ATTRIBUTION_VERB_SET
        and not (word.group() in NOUN_CUES and _noun_at(text, lo + word.start()))
    ]
    ordered = list(reversed(reporting[-2:])) + [
        w for w in reversed(words[-3:]) if w not in reporting
    ]
    for word in ordered:
        verb_start = lo + word.start()
        head = text[lo:verb_start]
        if word.group().endswith("ing") and head.rstrip().endswith(","):
            # 'Reed went after Berg, calling him "lazy"': the participle is the clause
            # subject's, not the object's before it.
            found = clause_subject(text, lo, verb_start, spans, known)
            if found is not None:
                return found[0], found[1], word.group()
        absolute = _WITH_DOING.search(head) if word.group().endswith("ing") else None
        if absolute is not None:
            # 'The Tories attacked it, with Ada Vik calling it "a stealth tax"': the one
            # doing it is the name after "with".
            found = _read_subject(text, lo + absolute.start(1), lo + absolute.end(1), known)
            if found is not None:
                return found[0], found[1], word.group()
        head = strip_adverbs(head)
        head = _RELATIVE_END.sub("", head)
        boundary, relative = 0, False
        for match in _BOUNDARY.finditer(head):
            if match.end() < len(head.rstrip()):
                boundary = match.end()
                relative = match.group().strip() in _RELATIVES
        # After a relative ("a debate in which councillors accused"), the words before it
        # are never the verb's subject.
        for start in (boundary,) if relative else (boundary, 0):
            found = _read_subject(text, lo + start, lo + len(head), known)
            if found is not None:
                return found[0], found[1], word.group()
    return None


def _noun_at(text: str, at: int) -> bool:
    """Whether the cue word at ``at`` is a noun (``the report``) or a bare infinitive."""
    word = _WORD.match(text, at)
    return word is not None and is_noun_or_infinitive(text, word)


def first_verb(text: str, lo: int, hi: int) -> str:
    """The first verb-like word of ``text[lo:hi]`` (the cue of a subject found before it)."""
    for word in _LOWER_WORD.finditer(text[lo:hi]):
        if _verb_like(word.group()):
            return word.group()
    return ""


def _read_subject(text: str, start: int, end: int, known: Known) -> tuple[Source, int] | None:
    """Parse ``text[start:end]`` as a subject, rejecting unknown one-word names."""
    phrase = text[start:end]
    if not clean_phrase(phrase) or phrase.rstrip().endswith(" there"):
        return None  # ("officials denied there (had been)": "there" is the verb's subject)
    source = parse_source(phrase)
    if source is None:
        found = subject_before(text, start, end)
        if found is None:
            return None
        source, start = found
    if (
        source.kind == "person"
        and " " not in source.name
        and not source.role
        and not known(source.name)
        and not _strong_verb(_word_at(text, end))
        and phrase.split(maxsplit=1)[0].rstrip(".").lower() not in HONORIFICS  # ("Mr Vik")
    ):
        return None
    return source, start


def _word_at(text: str, pos: int) -> str:
    """``text[pos:].split(" ", 1)[0].strip()``, without copying the rest of the paragraph."""
    space = text.find(" ", pos)
    return text[pos : len(text) if space == -1 else space].strip()


def _strong_verb(word: str) -> bool:
    """Whether a word is clearly a verb (``branded``, ``said``), not merely verb-like."""
    return (
        bool(_VERB_LIKE.fullmatch(word)) or word in ATTRIBUTION_VERB_SET or word in IRREGULAR_VERBS
    )


# A recording or a hearing of someone: "footage of", "a clip showing", "quoted".
_HEARD = re.compile(
    r"\b(?:of|showing|shows|showed|shown|heard|hear|hears|quoted|quoting|quotes|caught|"
    r"filmed|recorded)\s+(?=[A-Z])"
)


def heard_subject(text: str, lo: int, hi: int) -> tuple[Source, int] | None:
    """The person named right before a participle cue after "footage of", "heard", ...."""
    found = None
    for found in _HEARD.finditer(text, lo, hi):  # noqa: B007 - the last one is wanted
        pass
    if found is None:
        return None
    source = parse_source(text[found.end() : hi])
    if source is None or source.kind != "person" or not source.name[:1].isupper():
        return None
    return source, found.end()


# "The key is if Holm comes out and says ...": the clause the second verb shares its subject
# with opens after the conjunction (with no comma after it), and its subject is a name or a
# pronoun before a lower-case verb.
_SUBORDINATE_SUBJECT = re.compile(
    r"\b(?:if|when|unless|once|until|because|(?<=is\s)that|(?<=was\s)that)\s+"
    r"(?P<subject>(?:[A-Z][\w'\u2019-]*\s+){0,3}[A-Z][\w'\u2019-]*|he|she|they)\s+[a-z][^,;:]*$"
)


def shared_subject(
    text: str, lo: int, hi: int, spans: Sequence[QuotedSpan], known: Known
) -> tuple[Source, int] | None:
    """The subject a verb after "and" at ``hi`` shares: that of a subordinate clause still
    open there when one names it, else the sentence's."""
    opened = _SUBORDINATE_SUBJECT.search(text, lo, hi)
    source = parse_source(opened["subject"]) if opened is not None else None
    if opened is not None and source is not None:
        return source, opened.start("subject")
    return clause_subject(text, lo, hi, spans, known)
