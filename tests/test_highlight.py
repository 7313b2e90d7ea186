"""Hit spans and snippets: every form of a searched word is found and marked."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.api.records import Highlight
from index.corpus.article import PARAGRAPH_SEPARATOR
from index.engines.whoosh.analysis import NewsAnalyzer
from index.engines.whoosh.highlight import hit_spans, make_snippet

ANALYZER = NewsAnalyzer()


def term(word: str) -> str:
    return ANALYZER.term(word)


def words(*typed: str) -> Highlight:
    return Highlight(tuple(term(w) for w in typed))


def marked(text: str, *typed: str, width: int = 200) -> list[str]:
    snippet = make_snippet(text, words(*typed), width)
    return [piece for piece, is_hit in snippet.parts if is_hit]


def test_spans_cover_inflections_and_accents() -> None:
    text = "The city's cities; Łódź and LODZ; hoping, hoped, hopes."
    found = [text[s:e] for s, e in hit_spans(text, words("city", "lodz", "hope"))]
    assert found == ["city", "cities", "Łódź", "LODZ", "hoping", "hoped", "hopes"]


def test_snippet_finds_words_whose_stem_is_not_a_prefix() -> None:
    body = "Nothing here.\n\nThe cities grew.\n\nShe was hoping for rain in Łódź."
    assert marked(body, "city") == ["cities"]
    assert marked(body, "hope") == ["hoping"]
    assert marked(body, "lodz") == ["Łódź"]


def test_snippet_prefers_the_paragraph_with_most_hits() -> None:
    body = "Port news.\n\n" + "filler " * 30 + "\n\nThe port strike: port workers left the port."
    snippet = make_snippet(body, words("port"), width=60)
    assert [p for p, hit in snippet.parts if hit] == ["port", "port", "port"]
    assert snippet.plain.startswith("The port strike")


def test_snippet_without_hits_is_the_start_and_is_clipped() -> None:
    body = "word " * 100
    snippet = make_snippet(body, words("absent"), width=50)
    assert len(snippet.parts) == 1 and not snippet.parts[0][1]
    assert snippet.plain.endswith("\u2026") and len(snippet.plain) <= 52
    assert make_snippet("", words("xy")).parts == ()


def test_marked_form() -> None:
    snippet = make_snippet("Fintech firms and fintech rules.", words("fintech"))
    assert snippet.marked() == "**Fintech** firms and **fintech** rules."
    assert snippet.marked("[", "]") == "[Fintech] firms and [fintech] rules."


def test_spelling_candidates_within_edit_distance() -> None:
    from index.engines.whoosh.spelling import within

    words = sorted(["fintech", "finish", "shanghai", "shanghaied", "drought", "draught"])
    assert dict((w, d) for d, w in within(words, "fintek", 2, 1)) == {"fintech": 2}
    found = dict((w, d) for d, w in within(words, "drougt", 2, 1))
    assert found["drought"] == 1 and found["draught"] == 2
    assert list(within([], "anything", 2, 1)) == []
    assert list(within(["zzz"], "a", 2, 1)) == []


def test_a_phrase_is_one_hit_where_its_words_stand_together() -> None:
    text = "A mobile phone, phones and mobiles; the mobile phones shop."
    phrase = Highlight(phrases=((term("mobile"), term("phone")),))
    found = [text[s:e] for s, e in hit_spans(text, phrase)]
    assert found == ["mobile phone", "mobile phones"]
    both = Highlight((term("shop"),), phrase.phrases)
    assert [text[s:e] for s, e in hit_spans(text, both)][-1] == "shop"
    snippet = make_snippet(text, phrase)
    assert [p for p, hit in snippet.parts if hit] == ["mobile phone", "mobile phones"]


def test_snippet_phrase_hits_are_counted_and_placed_as_hit_spans_finds_them() -> None:
    """The snippet's own phrase matching (over joined terms) agrees with ``hit_spans``:
    longest phrase first, repeated words, a stop word between, accents, a word alone."""
    cases = [
        ("tax tax tax tax tax", [("tax", "tax")], ()),
        ("Tax cut, tax cut and a cut: the tax cuts.", [("tax", "cut"), ("tax", "cut", "tax")], ()),
        ("The Bank of England and the bank in England.", [("bank", "england")], ("england",)),
        ("Café society: cafés and a café society club.", [("cafe", "society")], ("club",)),
        ("Nothing here matches at all, but for this tax.", [("tax", "cut")], ("tax",)),
        ("Words alone: taxes, a tax, taxing times.", [], ("tax", "time")),
    ]
    for text, phrases, alone in cases:
        highlight = Highlight(tuple(map(term, alone)), tuple(tuple(map(term, p)) for p in phrases))
        expected = [text[s:e] for s, e in hit_spans(text, highlight)]
        snippet = make_snippet(text, highlight, width=400)
        marked_parts = [part for part, hit in snippet.parts if hit]
        assert marked_parts == expected, text


def test_snippet_picks_the_paragraph_with_most_phrase_hits() -> None:
    paragraphs = [
        "Interest rates rose; rates of interest, the interest rate.",
        "Interest rates, interest rates and interest rates again.",
        "The rate of interest rates once.",
    ]
    phrase = Highlight(phrases=((term("interest"), term("rates")),))
    snippet = make_snippet(PARAGRAPH_SEPARATOR.join(paragraphs), phrase, width=400)
    text = "".join(part for part, _ in snippet.parts)
    assert text == paragraphs[1]
    assert [part for part, hit in snippet.parts if hit] == ["Interest rates"] + 2 * [
        "interest rates"
    ]


def _spans_one_word_at_a_time(text: str, terms: set[str]) -> list[tuple[int, int]]:
    """What ``NewsAnalyzer.spans`` finds, the plain way: every word analysed in turn."""
    fresh = NewsAnalyzer()
    return [m.span() for m in fresh.pattern.finditer(text) if fresh.term(m.group()) in terms]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["city", "cities", "The", "Łódź", "LODZ", "hoping", "x" * 90, "don't", "e-mail", "  "]
        )
        | st.text(alphabet="abcł ,.'-\n", max_size=12),
        max_size=40,
    ),
    st.sets(st.sampled_from(["city", "citi", "lodz", "hope", "ab", "e", "mail", "x" * 90])),
)
def test_spans_are_the_words_whose_term_is_searched(parts: list[str], terms: set[str]) -> None:
    text = " ".join(parts)
    analyzer = NewsAnalyzer()
    assert analyzer.spans(text, terms) == _spans_one_word_at_a_time(text, terms)
    assert analyzer.spans(text, terms) == _spans_one_word_at_a_time(text, terms)  # memo warm


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ09_ .,'-\n\t", max_size=60) | st.text(max_size=30))
def test_words_of_ascii_text_are_the_words_the_index_finds(text: str) -> None:
    """Counting and placing hits reads ASCII text with a plainer pattern: the same words."""
    analyzer = NewsAnalyzer()
    pattern = analyzer._pattern_for(text)
    assert [m.span() for m in pattern.finditer(text)] == [
        m.span() for m in analyzer.pattern.finditer(text)
    ]
    assert (pattern is analyzer.pattern) == (not text.isascii())


def test_a_phrase_snippet_passes_over_paragraphs_missing_one_of_its_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Only paragraphs that may hold every word of a phrase are counted (the first word
    alone is everywhere in news: ``said``); the snippet is the one counting all would give."""
    import index.engines.whoosh.highlight as highlight_module

    paragraphs = [
        "The minister said on Monday that talks went on.",
        "He said nothing more, the spokesman said later.",
        "Officials said cuts would follow, and said cuts again.",
        "Caf\u00e9 owners said that cuts hurt.",
    ]
    phrase = Highlight(phrases=((term("said"), term("cuts")),))
    counted: list[str] = []
    count = highlight_module._hit_count

    def counting(paragraph: str, *args: object) -> int:
        counted.append(paragraph)
        return count(paragraph, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(highlight_module, "_hit_count", counting)
    snippet = make_snippet(PARAGRAPH_SEPARATOR.join(paragraphs), phrase, width=400)
    assert "".join(part for part, _ in snippet.parts) == paragraphs[2]
    assert [part for part, hit in snippet.parts if hit] == ["said cuts", "said cuts"]
    # (no "cut" in the first two; the last is not ASCII: always counted)
    assert counted == paragraphs[2:]
