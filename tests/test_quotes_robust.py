"""Quote extraction never raises, keeps offsets valid and ordered, and is deterministic."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from index.corpus.article import PARAGRAPH_SEPARATOR
from index.quotes import extract_quotes
from tests.quotecheck import check_offsets

# Text made mostly of the characters the extractor reacts to, so that odd mark combinations
# come up often; plus arbitrary unicode.
_MARKS = "\"'\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u2018\u2019\u201a`"
_WORDS = [
    " said ",
    " told reporters that ",
    " according to ",
    "Mr. ",
    " he ",
    " She ",
    "Jane Roe",
    ", the chief of staff, ",
    ". ",
    ", ",
    ":",
    "\n",
    " ",
    "that",
    "Wang Hua",
]
_piece = st.one_of(
    st.sampled_from(_WORDS),
    st.text(alphabet=_MARKS, min_size=1, max_size=3),
    st.text(min_size=0, max_size=12),
)
_paragraph = st.lists(_piece, max_size=25).map("".join)


def _check(paragraphs: list[str]) -> None:
    found = extract_quotes(paragraphs)
    body = PARAGRAPH_SEPARATOR.join(paragraphs)
    previous_end = 0
    for quote in found:
        assert quote.start >= previous_end
        previous_end = quote.end
        check_offsets(quote, body)
        assert quote.kind in ("direct", "mixed", "indirect")
        assert 0 <= quote.paragraph < len(paragraphs)
        assert quote.speaker is None or quote.speaker.strip()
    assert extract_quotes(paragraphs) == found


@settings(max_examples=400, deadline=None)
@given(st.lists(_paragraph, max_size=6))
def test_marks_and_cues_never_break_offsets(paragraphs: list[str]) -> None:
    _check(paragraphs)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(), max_size=5))
def test_any_strings(paragraphs: list[str]) -> None:
    _check(paragraphs)


def test_long_paragraph_without_marks_is_fast_enough() -> None:
    paragraph = "The committee said that it would meet again, officials said. " * 400
    found = extract_quotes([paragraph])
    assert found
    assert all(q.kind == "indirect" for q in found)


def test_clear_caches_empties_every_cache_in_the_quote_package() -> None:
    import importlib
    import pkgutil

    import index.quotes
    from index.quotes import clear_caches

    cached = []
    for info in pkgutil.walk_packages(index.quotes.__path__, "index.quotes."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                cached.append(value)
    assert cached
    extract_quotes(['"We are ready," said Ana Silva, the harbour master.'])
    assert any(function.cache_info().currsize for function in cached)
    clear_caches()
    assert all(function.cache_info().currsize == 0 for function in cached)


def test_a_subject_read_again_points_at_its_own_place() -> None:
    from index.quotes.subjects import subject_before

    # The same words before "said" twice: the second reading (kept from the first) still
    # gives the offset of the second mention.
    text = "Ines Moura said so. Ines Moura said it again."
    second = text.index("Ines Moura", 1)
    first_found = subject_before(text, 0, text.index(" said"))
    again = subject_before(text, second, text.index(" said", second))
    assert first_found is not None and again is not None
    assert first_found[0] == again[0]
    assert first_found[0].name == "Ines Moura"
    assert (first_found[1], again[1]) == (0, second)
