"""Where a reported statement starts and ends: past addressees, adjuncts and ``that``."""

from __future__ import annotations

import re

from index.quotes.attribution import clause_end
from index.quotes.cues import ATTRIBUTION_VERB_SET, trie_pattern
from index.quotes.lexicon.speech import ADDRESSEE_VERBS
from index.quotes.media_names import person_after_paper
from index.quotes.names import NAME_RUN

# "... and warned against ...": the speaker's next verb, not the statement's ("he posed a
# threat and refused to drop the gun" goes on).
_NEXT_VERB = trie_pattern(
    {w for w in ATTRIBUTION_VERB_SET if w.endswith("ed")}
    | {
        "accused",
        "criticized",
        "criticised",
        "blamed",
        "praised",
        "defended",
        "dismissed",
        "rejected",
        "denied",
        "questioned",
        "urged",
        "vowed",
        "pledged",
        "declined",
        "refused",
        "encouraged",
        "invited",
        "challenged",
        "attacked",
        "mocked",
        "slammed",
        "blasted",
        "thanked",
        "apologized",
        "apologised",
        "appealed",
        "touted",
        "highlighted",
        "cited",
        "reiterated",
        "repeated",
        "outlined",
        "signaled",
        "signalled",
        "hinted",
        "expressed",
        # the present, as of a body or group ("... do not add up and claim it would ...")
        "claim",
        "insist",
        "argue",
    }
)
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_ADJUNCT = re.compile(
    rf"\s*,?\s*(?:(?:on|late|early)\s+)?{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?|"
    r"\s*,?\s*(?:yesterday|today|tonight|earlier|later|recently|again|also|repeatedly|"
    r"for\s+(?:months|years|weeks|days|decades|some\s+time|the\s+first\s+time)|"
    r"last\s+(?:week|month|year|night)|this\s+(?:week|month|year|morning)|"
    r"in\s+(?:a|an|his|her|their|its)\s+(?:\w+\s+)?(?:statement|interview|speech|email|"
    r"e-mail|letter|tweet|post|release|memo|call|appearance|op-ed|essay|column|briefing)|"
    r"on\s+(?:twitter|facebook|instagram|cnn|fox|msnbc|television|radio|sunday)|"
    r"at\s+(?:a|an|the)\s+(?:\w+\s+){0,3}?(?:conference|rally|event|hearing|meeting|"
    r"briefing|forum|debate|town\s+hall|exhibition|fair|festival|summit|convention|expo|"
    r"launch|ceremony|dinner|lunch|show)|"
    # a place: "told reporters in Los Angeles", "in Columbus, Ohio," (no owner: "in Ada's")
    r"in\s+(?-i:(?:[A-Z][\w-]+\s+){0,2}[A-Z][\w-]+(?:,\s+[A-Z][\w-]+(?=,))?)(?![\w'\u2019]))\b",
    re.I,
)
# What an outlet calls its programmes and pages, and their own names ("Today", which never
# starts a person's name, names a programme: "Radio 4's Today programme").
_MEDIA_NOUN = (
    r"(?:programme|program|show|website|site|service|channel|station|newspaper|paper|"
    r"magazine|podcast|blog)\b"
)
# A title in capitals ("World at One"); a person named after it starts the statement instead
# ("Radio 4's Today programme Mr Ross said ...").
_NOT_TITLE = r"(?!(?:Mr|Mrs|Ms|Dr|Sir|Lord|Lady)\b)"
_TITLE_RUN = (
    rf"{_NOT_TITLE}[A-Z0-9][\w&.'\u2019\-]*(?:[ \u00a0]+(?:(?:at|of|on|in|with|and|the|for)"
    rf"[ \u00a0]+)?{_NOT_TITLE}[A-Z0-9][\w&.'\u2019\-]*)*"
)
# A programme's own name after the word: "the World Service programme Click".
_SHOW_NAME = rf"(?:(?:(?<=programme)|(?<=program)|(?<=show))\s+{_TITLE_RUN})?"
_OBJECT = re.compile(
    r"\s+(?:him|her|them|me|us|reporters|journalists|supporters|lawmakers|voters|"
    r"an?\s+(?:[\w-]+\s+){0,3}?(?:panel|committee|crowd|audience|gathering|group|reporter|"
    r"interviewer|newspaper|station|radio\s+host|conference|inquiry|hearing|meeting|rally|"
    r"seminar|briefing|summit|tribunal)(?:\s+of\s+(?:the\s+)?(?:[A-Z][\w'\u2019-]*\s+)*[A-Z][\w'\u2019-]*"
    r"|\s+of\s+\w+)?|"
    r"the\s+(?:crowd|audience|committee|court|paper|newspaper|programme|forum|panel|gathering|group|"
    r"conference|board|council|jury|station|network|show|program|host|magazine|outlet|inquiry|"
    r"hearing|meeting|rally|summit|tribunal)"
    # "told the newspaper El Sol", "told the programme Inside Out"
    rf"(?:(?:(?<=newspaper)|(?<=magazine)|(?<=programme)|(?<=show))\s+{_TITLE_RUN})?"
    # "told the hearing at the Harbour Institute"
    r"(?:\s+(?:at|in)\s+(?:the\s+)?(?:[A-Z][\w'\u2019-]*\s+(?:and\s+|of\s+)?)*"
    r"[A-Z][\w'\u2019-]*)?|"
    # "his closest advisers as ...", "their staff."
    r"(?:his|her|their)\s+(?:[\w'\u2019\-]+\s+){0,2}?[\w'\u2019\-]+"
    r"(?=\s*(?:[.,;:]|$|\s(?:as|when|while|after|before|during|in|on|at|last|this|that)\b))|"
    rf"(?:[Tt]he\s+)?{NAME_RUN.pattern}(?:\s+\d+(?:\s+{NAME_RUN.pattern})?)?(?:"
    # "BBC Radio 4's Today programme", "the Senate's finance committee"
    rf"['\u2019]s?\s+{_TITLE_RUN}(?:\s+{_MEDIA_NOUN})?|"
    # "the BBC News website", "the World Service programme Click", "the Office of Budget"
    rf"(?:\s+of\s+{NAME_RUN.pattern})?(?:\s+{_MEDIA_NOUN}{_SHOW_NAME})?"
    r"))\b",
)
_THAT = re.compile(r"\s*,?\s*that\b", re.I)
_THAT_WORD = re.compile(r"\bthat\b")
# "asked the mayor whether ...": whoever is asked, up to ten words, before the question word.
_ADDRESSEE_BEFORE_QUESTION = re.compile(
    r"(?:\s+[\w'\u2019\-]+){1,10}?(?=\s+(?:whether|if|how|why|what|who|when|where)\b)"
)
# "told parliament that", "told a packed hall in the town that": whoever is told, up to ten
# words (tried before _OBJECT, which would stop at "a packed hall").
_ADDRESSEE_BEFORE_THAT = re.compile(
    r"(?:\s+[\"\u201c]?[\w'\u2019\-]+[\"\u201d]?){1,10}?(?=\s+that\b)"
)
# "told jurors he met ...", "told the harbour master he could ...": whoever is told, a bare
# plural (with one word before it) or a few words after a determiner, before the pronoun that
# opens the statement.
_ADDRESSEE_WORD = (
    r"(?!(?:of|how|why|what|when|where|that|which|who|whether|if|about|to|for|in|on|at|and|or|"
    r"but)\b)[\w'\u2019\-]+"
)
_ADDRESSEE_WORDS = (
    rf"(?:(?:the|a|an|his|her|their|its|our)\s+{_ADDRESSEE_WORD}(?:\s+{_ADDRESSEE_WORD}){{0,2}}?|"
    rf"(?:(?=[a-z]){_ADDRESSEE_WORD}\s+)?[a-z]+s)"
)
_PRONOUN_NEXT = r"\s+(?:he|she|they|we|I|it|there)\s"
_BEFORE_PRONOUN = rf"(?={_PRONOUN_NEXT})"
_ADDRESSEE_BEFORE_PRONOUN = re.compile(rf"\s+{_ADDRESSEE_WORDS}{_BEFORE_PRONOUN}")
# "admitted to jurors he was ...", "said to Vik she would ...": whom it was said to.
_TO_ADDRESSEE = re.compile(
    rf"\s+to\s+(?:{_ADDRESSEE_WORDS}|him|her|them|me|us|"
    rf"[A-Z][\w'\u2019\-]*(?:\s+[A-Z][\w'\u2019\-]*){{0,2}}){_BEFORE_PRONOUN}"
)
# "warned investors that ...", "warned his crew they must ...": an addressee before the
# statement, as with "told"; but a name after "warned" with no "that" starts the statement
# ("warned Britain faces ...").
_WARN_VERBS = frozenset({"warn", "warns", "warned", "warning"})
# (a "that" followed by a verb opens a relative clause: "warned the demand that had ...")
_THAT_CLAUSE_NEXT = (
    r"\s+that\s+(?!(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|"
    r"must|[a-z]+ed)\b)"
)
_WARNED_ADDRESSEE = re.compile(
    rf"\s+(?:(?:{_ADDRESSEE_WORDS}|him|her|them|us|me)(?={_THAT_CLAUSE_NEXT}|{_PRONOUN_NEXT})|"
    rf"(?:[Tt]he\s+)?{NAME_RUN.pattern}(?={_THAT_CLAUSE_NEXT}))"
)
_CALL_PARTICLE = re.compile(r"\s+(?:for|on|upon)\s+", re.I)
# ("said her party would admit only ferries that were needed": "her" owns the subject)
_NOT_OWNED = r"(?:that|on|in|at|last|this|during|after|before)\b"
_ADJUNCT_START = re.compile(
    rf"^(?:in|on|at|during|of|to|after|before|with|last|this|earlier|late|early|"
    rf"{_WEEKDAY}|yesterday|today|reporters|him|them|her(?!\s+(?!{_NOT_OWNED})[a-z]))\b",
    re.I,
)

# Every branch starts with a space, taken out of the group (``\s\s*`` for ``\s+``) so that the
# search skips ahead to the next space instead of trying every offset.
_TRAILING_WHEN = re.compile(
    rf"\s(?:\s*(?:on\s+|late\s+|early\s+)?{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?|"
    r"\s*(?:yesterday|today|last\s+(?:week|month|night)|this\s+week)|"
    # "called for more investment in a statement", "said as much in an interview earlier"
    r"\s*(?:in|during)\s+(?:a|an|his|her|their|its)\s+(?:[\w-]+\s+)?(?:statement|interview|"
    r"speech|email|e-mail|letter|tweet|post|release|memo|call|appearance|briefing)"
    r"(?:\s+(?:with|on|to)\s+(?:the\s+)?[A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*){0,3})?"
    r"(?:\s+(?:earlier|later|yesterday|today|last\s+week|this\s+week))?)[\s.,;]*$",
    re.I,
)
# A word that every match of _TRAILING_WHEN holds, in lower case (every weekday, "yesterday"
# and "today" end in "day"; "e-mail" and "email" hold "mail").
_WHEN_WORDS = re.compile(
    "day|last|this|statement|interview|speech|mail|letter|tweet|post|release|memo|call|"
    "appearance|briefing"
)


def _may_say_when(text: str, lo: int, end: int) -> bool:
    """Whether ``_TRAILING_WHEN`` may match in ``text[lo:end]`` (a cheap pre-check).

    Its search is case-insensitive and tries every space; most statements end in none of its
    words. Only ASCII text is told apart: elsewhere case-insensitive matching reaches further
    than ``str.lower`` (a dotless i matches "i").
    """
    window = text[lo:end]
    return not window.isascii() or _WHEN_WORDS.search(window.lower()) is not None


# Where a statement ends. Split in two so that each search starts from a literal (a comma,
# a space) instead of trying every alternative at every offset.
_COMMA_STOP = re.compile(
    r",[\"\u201d]?\s+(?:"
    r"(?=(?:adding|saying|noting|telling|explaining|arguing|warning|according|citing|"
    r"claiming|insisting|calling|describing|referring|pointing|suggesting|prompting|"
    r"believing|putting|meaning|leaving|making|giving|allowing|forcing|sending|raising|"
    r"hoping|knowing|while|whereas|despite|compared)\b)|"
    # ", even though many doubt it": a concession of the reporter's.
    r"even\s+though\s|"
    # ", as have other senators", ", as he did in May": the reporter's comparison.
    r"as\s+(?=(?:has|have|had|was|were|is|are|did|does|do|he|she|they|it)\s)|"
    # ", a 16-point lead", ", the founder of Vasskraft": an apposition on the statement's last
    # words, to the end of the clause (one closed by a comma, or a list, stays).
    # ("the more ..., the more ...": one statement; the empty group names the branch, which
    # ``_first_stop`` reads past after an adjunct opening the statement)
    r"(?P<apposition>)(?:a|an|the)\s+(?![^,]*,)(?![^,]*\s(?:and|or)\s)"
    r"(?![^,]*\s(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must)\s)"
    r"(?!(?:more|less|fewer|better|worse|bigger|greater|higher|lower|longer|sooner)\b)|"
    # "X, who said A, said B": the sentence's own verb after a relative clause (or the verb of
    # a speaker named after it: "A, said X").
    r"(?=(?:said|says)\b)|"
    r"(?=(?:the\s+latter|a\s+(?:plan|move|step|claim|decision|reference|sign|"
    r"position|view|charge|proposal|statement|remark|comment|figure|number|request|demand)\b))|"
    r"but\s+(?=[A-Z]|(?:he|she|they|we|it)\b|(?:also\s+|then\s+)?[a-z]+ed\b)|"
    r"and\s+(?:he|she|they)\s+(?=[a-z]+ed\b)|"
    # ", and when pressed ...", ", and that's something ...": the reporter goes on.
    r"and\s+(?=(?:when|that['\u2019]s)\s)|"
    r"(?:although|though)\s+(?=(?:he|she|they|it)\s)|"
    # ", which the court has put on hold": a closing remark on the statement with a subject
    # of its own (one set off by commas mid-statement stays).
    r"which\s+(?=(?:the|a|an|he|she|they|it|we|[A-Z]\w+|[a-z]+(?:s|ed))\b)(?![^,]*,)|"
    r"(?:even|just)\s+as\s+|"
    # "... and warned against ...": a second verb of the speaker, not the statement's.
    rf"and\s+(?=(?:{_NEXT_VERB})\b)|"
    r"(?:but|and)\s+(?=(?:declined|refused|did\s+not|didn't|would\s+not|wouldn't|"
    r"added|said|noted|told|stressed)\b))"
)
_SPACE_STOP = re.compile(
    rf"\s\s*(?:(?:even|just)\s+as\s+|and\s+(?=(?:{_NEXT_VERB})\b)|and\s+then\s+(?=[a-z]+ed\b)|"
    # "... mishandled it and Democrats accused ...": another subject and its verb.
    r"and\s+(?=[A-Z][a-z]+\s+[a-z]+ed\b)|"
    # "... and she accused ...": a pronoun and its own verb.
    rf"and\s+(?=(?:he|she|they)\s+(?:{_NEXT_VERB})\b)|"
    # "... but his lawyer, Jon Dahl, told ...": another speaker's attribution.
    r"but\s+(?=(?:his|her|their|its|the|a|an)\s+[^.;:!?\"\u201c]{0,60}?\b(?:said|says|told|"
    r"tells|added|argued|insisted|claimed|denied|countered|responded|replied)\b)|"
    # "spoke on condition of anonymity": how the source spoke, not what was said.
    r"on\s+(?:the\s+)?condition\s+of\s+anonymity\b|"
    r"(?:but|and)\s+(?=(?:declined|refused|did\s+not|didn't|would\s+not|wouldn't|"
    r"added|said|noted|told|stressed)\b))"
)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past spaces and edge punctuation (keeping closing marks)."""
    while start < end and text[start] in " \u00a0,;:\u2014\u2013-\t":
        start += 1
    while end > start and text[end - 1] in " \u00a0,;:.\u2014\u2013-\t":
        end -= 1
    return start, end


def skip_addressee(text: str, verb: str, pos: int, limit: int) -> int:
    """Offset past the addressee of ``told``/``asked`` at ``pos`` (``told reporters``)."""
    if verb in ADDRESSEE_VERBS:
        obj = _OBJECT.match(text, pos, limit)
        if obj:
            return obj.end()
    return pos


def content_start(text: str, verb: str, pos: int, limit: int) -> int:
    """Skip an addressee (``told reporters``), adjuncts (``on Tuesday``) and ``that``."""
    if verb in ADDRESSEE_VERBS:
        obj = (
            _ADDRESSEE_BEFORE_THAT.match(text, pos, limit)
            or (verb.startswith("ask") and _ADDRESSEE_BEFORE_QUESTION.match(text, pos, limit))
            or _OBJECT.match(text, pos, limit)
            or _ADDRESSEE_BEFORE_PRONOUN.match(text, pos, limit)
        )
        if obj:
            person = person_after_paper(obj.group())  # ("told the BBC Michael Howard has")
            pos = obj.end() if person is None else obj.start() + person
    elif verb in _WARN_VERBS:
        obj = _WARNED_ADDRESSEE.match(text, pos, limit)
        if obj and not _THAT.match(text, pos, limit):
            pos = obj.end()
    elif verb.startswith("call"):
        # "called for a ban", "called on Congress to ...": the particle is part of the verb.
        particle = _CALL_PARTICLE.match(text, pos, limit)
        if particle:
            return particle.end()
    elif not verb.startswith("add"):  # ("adding to honours it has won": no addressee)
        to = _TO_ADDRESSEE.match(text, pos, limit)
        if to:
            pos = to.end()
    while True:
        adjunct = _ADJUNCT.match(text, pos, limit)
        if adjunct is None or adjunct.end() == pos:
            break
        pos = adjunct.end()
    # "said in an interview with CNN that ...": keep looking a few words ahead for "that".
    ahead = text[pos : min(limit, pos + 80)]
    that = _THAT_WORD.search(ahead) if "that" in ahead else None
    if that and _ADJUNCT_START.match(ahead.strip(" ,")) and len(ahead[: that.start()].split()) <= 8:
        return pos + that.start()
    lead = _THAT.match(text, pos, limit)
    return lead.end() - 4 if lead else pos


# Pairs of dashes read past inside one statement (more are a list, not asides).
_MAX_ASIDES = 4
_DASH = re.compile(r"\s(?:[\u2015\u2014\u2013]|--?)\s")
_FULL_STOP = re.compile(r"[.!?;](?=\s|$)")


def _past_asides(text: str, start: int, hi: int) -> tuple[int, list[tuple[int, int]]]:
    """The clause end after ``start``, reading past asides between two dashes, and the asides.

    ``that the nominees -- Romney, McCain and Bush -- will stay away``: a pair of dashes sets
    off words inside the statement; a lone dash ends it.
    """
    end = clause_end(text, start, hi)
    pos = start
    asides: list[tuple[int, int]] = []
    while (dash := _DASH.search(text, pos, hi)) is not None and dash.start() <= end:
        closing = _DASH.search(text, dash.end(), hi)
        if (
            closing is None
            or len(asides) == _MAX_ASIDES
            or _FULL_STOP.search(text, dash.end(), closing.start())
        ):
            return dash.start(), asides
        asides.append((dash.start(), closing.end()))
        pos = closing.end()
        if end <= pos:
            end = clause_end(text, pos, hi)
    return end, asides


# ", despite his wealth, is ...": a concessive aside closed by a comma before the verb of
# the statement's own subject.
# (``+`` after a repeat: what must follow is not in its class, so giving back never helps)
_CLOSED_CONCESSION = re.compile(
    r",\s+(?:despite|while|whereas)\s[^,;:.!?\"\u201c\u201d]{1,60}+,\s+(?:is|are|was|were|has|"
    r"have|had|will|would|can|could|should|may|might|must|does|did|remains?|remained)\s"
)

# "that, given the prices, the cartel ...": a statement that opens on an adjunct set off by
# a comma, whose subject follows it.
_OPENS_ON_ADJUNCT = re.compile(
    r"[\s,]*(?:that\b[\s,]*)?(?:given|by|if|when|while|after|before|in|on|at|despite|as|"
    r"because|with|without|although|though|once|unless|since|until|for|under|over)\b[^,]*$",
    re.I,
)


def _first_stop(text: str, start: int, end: int, asides: list[tuple[int, int]]) -> int:
    """Where the first statement stop outside the asides falls, or ``end``."""
    for stops in (_COMMA_STOP, _SPACE_STOP):
        pos = start
        while (stop := stops.search(text, pos, end)) is not None:
            aside = next((a for a in asides if a[0] <= stop.start() < a[1]), None)
            if (
                aside is None
                and stop.lastgroup == "apposition"
                and _OPENS_ON_ADJUNCT.match(text, start, stop.start())
            ):
                pos = stop.end()
                continue
            if aside is None:
                closed = _CLOSED_CONCESSION.match(text, stop.start(), end)
                if closed is None:
                    end = stop.start()
                    break
                pos = closed.end()
                continue
            pos = aside[1]
    return end


def content_end(text: str, start: int, hi: int) -> int:
    """Where a reported statement starting at ``start`` ends."""
    if start < hi:
        end, asides = _past_asides(text, start, hi)
    else:
        end, asides = hi, []
    end = _first_stop(text, start, end, asides)
    lo = max(start, end - 80)
    if not _may_say_when(text, lo, end):
        return end
    when = _TRAILING_WHEN.search(text, lo, end)
    return when.start() if when and when.start() > start else end


def skip_adjuncts(text: str, pos: int, limit: int) -> int:
    """Offset past adjuncts such as ``on Tuesday`` or ``in a statement`` at ``pos``."""
    while True:
        adjunct = _ADJUNCT.match(text, pos, limit)
        if adjunct is None or adjunct.end() == pos:
            return pos
        pos = adjunct.end()
