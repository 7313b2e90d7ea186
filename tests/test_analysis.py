"""The shared text analysis, and both engines analysing text (and queries) exactly alike."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.util.numeric import byte_to_length, length_to_byte

from index.api.parse import parse_query
from index.api.query import Phrase, Prefix, Word
from index.engines.analysis.lengths import LENGTH_OF_BYTE, length_byte, stored_length
from index.engines.analysis.stopwords import STOP_WORDS
from index.engines.analysis.terms import name_terms, news_term, news_terms, stem_hint
from index.engines.analysis.words import fold
from index.engines.typesense import text as typesense_text
from index.engines.typesense import translate as typesense_translate
from index.engines.typesense.filters import TRUE
from index.engines.whoosh.analysis import NameAnalyzer, NewsAnalyzer

NFD = unicodedata.normalize("NFD", "Łódź")


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        # stems: Snowball English (Porter2)
        ("Strikes, striking and struck", ["strike", "strike", "struck"]),
        ("cities vaccines government", ["citi", "vaccin", "govern"]),
        ("running runner dying", ["run", "runner", "die"]),
        ("news one generously", ["news", "one", "generous"]),
        # stop words and one-letter words drop out; names that look like them stay
        ("The talks in Paris were held at a hotel", ["talk", "pari", "held", "hotel"]),
        (
            "US trade in May: Will said it will not",
            ["us", "trade", "may", "will", "said", "will", "not"],
        ),
        ("I x y z", []),
        # folding: case, accents (composed or not), letters without marks, ligatures
        ("Łódź ZOË", ["lodz", "zoe"]),
        (f"{NFD} café", ["lodz", "cafe"]),
        ("Straße Ærø Œuvre", ["strass", "aero", "oeuvr"]),
        ("ﬁnance", ["financ"]),
        # dotted words stay whole (abbreviations, numbers)
        ("U.S. e.g. 3.5%", ["u.s", "e.g", "3.5"]),
    ],
)
def test_text_becomes_terms(text: str, terms: list[str]) -> None:
    assert news_terms(text) == terms


def test_marks_of_other_scripts_keep_their_word_whole() -> None:
    assert news_terms("हिन्दी समाचार") == [fold("हिन्दी"), fold("समाचार")]


def test_names_are_folded_parts_with_nothing_dropped() -> None:
    assert name_terms("chinadaily.com.cn") == ["chinadaily", "com", "cn"]
    assert name_terms(f"The {NFD} Times") == ["the", "lodz", "times"]


def test_stop_words_are_folded_words_and_leave_names_searchable() -> None:
    assert all(word == fold(word) for word in STOP_WORDS)
    assert {"the", "and", "of", "is"} <= STOP_WORDS
    assert not {"us", "may", "will", "not", "no", "can"} & STOP_WORDS


SAMPLES = [
    "Port strikes: the dockers' union said it would not back down.",
    f"In {NFD} and Zoë's café, U.S. officials met on 3.5.2021 (e-mail: a.b@c.de).",
    "हिन्दी समाचार – Ærø Straße ﬁnance; WHO's covid-19 plan",
    "x " * 5 + "Running, RUNNING, running!",
]

TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", categories=("L", "M", "N", "P", "Zs")),
        st.sampled_from("aeiouyst .-'\u0301\u0308łøßæ"),
    ),
    max_size=60,
)


def whoosh_terms(analyzer: Any, text: str) -> list[str]:
    return [token.text for token in analyzer(text)]


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_both_engines_analyse_any_text_to_the_same_terms(text: str) -> None:
    assert whoosh_terms(NewsAnalyzer(), text) == typesense_text.news_terms(text)
    assert whoosh_terms(NameAnalyzer(), text) == name_terms(text)


@pytest.mark.parametrize("text", SAMPLES)
def test_both_engines_index_and_mark_the_same_terms(text: str) -> None:
    analyzer = NewsAnalyzer()
    expected = news_terms(text)
    assert whoosh_terms(analyzer, text) == expected
    assert typesense_text.analysed(text) == " ".join(expected)
    positions = analyzer.positions(text)
    assert sorted(positions) == sorted(set(expected))
    assert [term for term, _, _ in analyzer.tokens(text)] == expected
    assert [term for term, _, _ in typesense_text.tokens(text)] == expected


@pytest.mark.parametrize(
    "query",
    ['"port strikes"', "Strikes", f"{NFD}", '"U.S. officials"', "title:(café OR Straße)"],
)
def test_both_engines_turn_query_words_and_phrases_into_the_same_terms(query: str) -> None:
    analyzer = NewsAnalyzer()
    for leaf in _leaves(query):
        assert isinstance(leaf, Word | Phrase)
        fields = typesense_translate._fields(leaf.field)
        local = [analyzer.term(w) for w in analyzer.pattern.findall(leaf.text)]
        assert typesense_translate._terms(fields, leaf.text) == tuple(t for t in local if t)


def test_both_engines_expand_a_prefix_from_the_same_folded_word_and_stem() -> None:
    (leaf,) = _leaves("Vaccines*")
    assert isinstance(leaf, Prefix)
    # Locally: terms starting with the folded word, plus the word's own stem.
    assert (fold(leaf.text), news_term(leaf.text)) == ("vaccines", "vaccin")
    # Typesense: one prefix, the part the folded word and its stem share.
    (branch,) = typesense_translate.Translator(TRUE).plan(parse_query("Vaccines*")).branches
    assert (branch.text.q, branch.text.prefix) == ("vaccin", True)


def test_both_engines_look_for_a_fuzzy_word_by_its_stem() -> None:
    (branch,) = typesense_translate.Translator(TRUE).plan(parse_query("Strikes~1")).branches
    assert (branch.text.q, branch.text.typos) == (news_term("Strikes"), 1)
    # Locally the archive's words within one edit of the folded word are found and stemmed
    # with the same analyzer (see test_whoosh_engine for the search itself).
    assert NewsAnalyzer().term("strikes") == news_term("Strikes") == "strike"


def _leaves(query: str) -> list[Any]:
    from index.api.query import wanted

    return list(wanted(parse_query(query)))


WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=14)
KNOWN = [
    "dying",
    "lying",
    "skies",
    "city",
    "hoping",
    "sensibility",
    "possibly",
    "activity",
    "relational",
    "valency",
]


@settings(max_examples=500, deadline=None)
@given(st.one_of(WORDS, st.sampled_from(KNOWN)))
def test_every_word_contains_the_hint_of_its_stem(word: str) -> None:
    term = news_term(word)
    assert not term or stem_hint(term) in word


def test_stored_lengths_round_as_the_local_index_stores_them() -> None:
    assert tuple(byte_to_length(b) for b in range(256)) == LENGTH_OF_BYTE
    for words in [*range(2000), *range(2000, 200_000, 37)]:
        assert length_byte(words) == length_to_byte(words)
        assert stored_length(words) == byte_to_length(length_to_byte(words))
    assert [stored_length(n) for n in (0, 1, 10, 11, 12)] == [0, 1, 10, 12, 12]
