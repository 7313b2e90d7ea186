"""The extractor's cheap pre-checks never turn away what the full reading would find.

Each pre-check stands before a slower test (a regular expression search, a name reading) and
may only answer "no" where that test answers "no" too; these properties hold them to it.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from index.quotes import coref, descriptions, names, statements

# Words the trailing-time reading reacts to, in several cases, with the characters that
# case-insensitive matching folds beyond ASCII (long s, Kelvin sign, dotless i).
_WHEN_PIECES = [
    " on Tuesday",
    " late MONDAY night",
    " yesterday",
    " Today",
    " last week",
    " this Week",
    " in a statement",
    " in an e-mail",
    " during his Speech",
    " in her tweet",
    " in a phone call with the Mayor",
    " in a briefing earlier",
    " in a \u017ftatement",
    " in an interview with \u212aim Vik",
    " in an \u0131nterview",
    " the pier is safe",
    ",",
    ".",
    " ",
]
_statement = st.lists(
    st.one_of(st.sampled_from(_WHEN_PIECES), st.text(max_size=8)), max_size=8
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_statement)
def test_when_precheck_never_hides_a_match(text: str) -> None:
    for lo in range(0, len(text) + 1, 7):
        found = statements._TRAILING_WHEN.search(text, lo, len(text))
        if found is not None:
            assert statements._may_say_when(text, lo, len(text))


def test_when_precheck_turns_away_plain_statements() -> None:
    text = "the pier is safe and the ferry runs again"
    assert not statements._may_say_when(text, 0, len(text))
    assert statements.content_end(text, 0, len(text)) == len(text)


def test_content_end_still_cuts_trailing_times() -> None:
    for tail in (" on Tuesday", " in a statement", " last week", " in an \u0131nterview"):
        text = "the pier is safe" + tail
        assert statements.content_end(text, 0, len(text)) == len("the pier is safe")


def _is_org_name_reference(name: str) -> bool:
    """``names.is_org_name`` as first written, with ``bare_token`` and ``all``."""
    tokens = name.split()
    if not tokens:
        return False
    bares = [names.bare_token(token) for token in tokens]
    named = bares[0] in names.MALE_NAMES or bares[0] in names.FEMALE_NAMES
    for bare in bares:
        if bare in names.ORG_WORDS and not (named and bare in names.ORG_SURNAMES):
            return True
        if bare in names.PLACE_WORDS and not named:
            return True
    if all(bare in names.PLACE_NAMES or bare in names.PLACE_PREFIXES for bare in bares):
        return True
    first = tokens[0].rstrip("'\u2019s") if len(tokens) == 1 else ""
    return len(first) >= 2 and first.replace(".", "").isupper()


_NAME_WORDS = [
    "Ada",
    "Vik",
    "Fox",
    "News",
    "Liam",
    "New",
    "York",
    "Bank",
    "NRK",
    "U.S.",
    "Nordplan's",
    "Harbour\u2019s",
    "Council",
    "Oslo",
    "the",
    "Mr",
    "Dr.",
    "'",
]
_name = st.lists(st.one_of(st.sampled_from(_NAME_WORDS), st.text(max_size=6)), max_size=5).map(
    " ".join
)


@settings(max_examples=400, deadline=None)
@given(_name)
def test_is_org_name_reads_as_before(name: str) -> None:
    assert names.is_org_name.__wrapped__(name) == _is_org_name_reference(name)


def _org_name_reference(run: str) -> str | None:
    """``coref._org_name`` as first written: the person reading first."""
    if coref._run_name.__wrapped__(run) is not None:
        return None
    name = names.strip_possessive(run.rstrip(".,"))
    if (
        not names.is_org_name(name)
        or name.lower() in coref.PLACE_NAMES
        or (" " not in name and len(name) < 2)
    ):
        return None
    return name


@settings(max_examples=400, deadline=None)
@given(_name)
def test_org_name_reads_as_before(run: str) -> None:
    assert coref._org_name.__wrapped__(run) == _org_name_reference(run)


def test_org_name_tells_people_from_organisations() -> None:
    assert coref._org_name("Fox News") == "Fox News"
    assert coref._org_name("Dr Fox") is None
    assert coref._org_name("Ada Vik") is None


# Pieces of text around definite descriptions, with the letters the scan turns on ("t", "he")
# glued to the words before and after them.
_DESCRIPTION_PIECES = [
    "the mayor",
    "The mayor",
    "the Tory leader",
    "the American",
    "the 20-year-old",
    "tthe ",
    "The",
    "he",
    "the",
    "she ",
    "Theresa",
    "president",
    "chief ",
    "'s",
    "\u2019s",
    " ",
    ", ",
]
_description_text = st.lists(
    st.one_of(st.sampled_from(_DESCRIPTION_PIECES), st.text(alphabet="tThe s,.", max_size=6)),
    max_size=10,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_description_text)
def test_description_scan_finds_what_finditer_finds(text: str) -> None:
    expected = [match.span() for match in descriptions._PHRASE.finditer(text)]
    assert list(descriptions._phrases(text)) == expected


def test_description_scan_reads_the_descriptions() -> None:
    text = 'Then the mayor said, "the fee", as the deputy minister and The American agreed.'
    spans = [(start, end) for start, end, _ in descriptions.description_mentions(text, [])]
    assert [text[start:end] for start, end in spans] == ["the mayor", "the deputy minister"]
