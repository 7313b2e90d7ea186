"""Pairs of words indexed beside the words, so their phrases need no positions.

A phrase of two words found in a third of all articles (``"last year"``, ``"said on
Monday"``) has thousands of candidates, each needing both words' positions decoded; so does a
phrase of one such word and any other (``"said cuts"``: the positions of ``said`` in every
article holding ``cuts``). Indexing those adjacent pairs as one term (Lucene's CommonGrams)
turns such a phrase into one short posting list. Two rules, both on the words alone:

* every pair of two *common* words (:data:`COMMON_TERMS`), and
* every pair holding one of the few *most frequent* words (:data:`FREQUENT_TERMS`, each in
  about two fifths or more of news articles) beside any other word.

Phrases of two rarer words do not need them: the rarer word's articles are the only
candidates, and its positions and its neighbour's are read there alone. But "rare" depends on
the archive: in one about Bangladesh, *Dhaka* and *government* are both in a quarter of the
articles, and a phrase of the two has tens of thousands of candidates. So each segment of
the index also pairs the words that are common *in it* (:func:`segment_words`, chosen from its
first articles and kept with the segment, :data:`SEGMENT_PAIRS`): every pair of two such words,
or of one and a fixed common word, is indexed there too. A phrase uses a segment's pairs only
where that segment holds every pair of the phrase; elsewhere it reads positions.

Pairs follow the words' positions exactly: stop words are not indexed, so ``"talks in
Paris"`` is the pair ``talk pari``, and a pair may span a paragraph break as a phrase may.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import pairwise
from typing import Any

from whoosh import formats
from whoosh.fields import FieldType

from index.engines.analysis.terms import news_term

PAIR_FIELDS = {"title": "title_pairs", "body": "body_pairs"}
"""Text field -> the field holding its pairs of common words."""

_COMMON_WORDS = """
said say says told tell year years week weeks month months day days time times today
yesterday tomorrow new old first last next early earlier late later recent recently former
will would could should can may might must not no also just only still already again now then
than more most less many much some any other another such very well even back over under
after before about above across against along among amid around between during through toward
within without while where when which who what why how there here out up down off since until
because however both each every few one two three four five six seven eight nine ten hundred
thousand million billion 000 percent per cent second third half
monday tuesday wednesday thursday friday saturday sunday january february march april june
july august september october november december
people government country countries city cities state states national international world
public official officials minister ministers president leader leaders party parties group
company companies business market markets economy economic financial political police court
law report reports plan plans deal support policy service services system work home family
school health local council authority authorities news statement member members part number
price prices rate rates money tax trade bank cost costs level area place way case issue
problem question point end change show make take give come go get see know think want need
call called use find help keep start open close include expect hold held set lead led move run
pay paid meet meeting agree agreed approve approved announce announced launch launched continue
become like major large small high low big great good best key top full long short foreign
global general chief senior head director spokesperson spokesman spokeswoman office
department ministry agency union election vote campaign war security military water energy
food life hospital children women men man woman child student students worker workers staff
team club season game match win player event project development figures photo update
"""
COMMON_TERMS: frozenset[str] = frozenset(
    term for term in map(news_term, _COMMON_WORDS.split()) if term
)
"""Terms common enough in news that pairs of them are indexed (a fixed list: changing it
changes every index, so it belongs to the schema version)."""

_FREQUENT_WORDS = """
said says say told will would could can not also up out over about after than more who which
one time new there last year years all us mr
"""
FREQUENT_TERMS: frozenset[str] = frozenset(
    term for term in map(news_term, _FREQUENT_WORDS.split()) if term
)
"""Terms in so many news articles that their pairs with any word are indexed (their positions
in every article holding a rarer word would cost as much as reading them all). A fixed list,
part of the schema version like :data:`COMMON_TERMS`."""


SEGMENT_PAIRS = "news_pairs"
"""The attribute of a segment holding the words it pairs beside the fixed lists (a frozenset;
segments without it pair only the fixed lists' words)."""

SAMPLE_DOCS = 3_000
"""Articles a segment's own common words are chosen from: its first ones. A segment with
fewer articles pairs only the fixed lists' words (its phrases have few candidates anyway)."""

SEGMENT_SHARE = 0.05
"""A word in at least this share of the sampled articles is common in the segment."""

SEGMENT_WORDS = 300
"""The most words a segment pairs beside the fixed lists (the most frequent first)."""


def segment_words(frequency: Counter[str], docs: int) -> frozenset[str]:
    """The words common in a segment, from their document frequencies in ``docs`` of its
    articles: those in at least :data:`SEGMENT_SHARE` of them, at most :data:`SEGMENT_WORDS`,
    leaving out words the fixed lists hold already."""
    least = max(1, int(docs * SEGMENT_SHARE))
    fixed = COMMON_TERMS | FREQUENT_TERMS
    chosen = [
        (count, word) for word, count in frequency.items() if count >= least and word not in fixed
    ]
    chosen.sort(reverse=True)
    return frozenset(word for _, word in chosen[:SEGMENT_WORDS])


def shared_words(lists: Iterable[frozenset[str] | None]) -> frozenset[str]:
    """The words a segment made of others' articles pairs: those every part paired (None: a
    part with no articles, which constrains nothing)."""
    found: frozenset[str] | None = None
    for words in lists:
        if words is not None:
            found = words if found is None else found & words
    return found or frozenset()


def pair_term(first: str, second: str) -> str:
    """The indexed term of two adjacent words' terms (terms never hold a space)."""
    return f"{first} {second}"


def is_pair(first: str, second: str, segment: frozenset[str] = frozenset()) -> bool:
    """Whether two adjacent terms are indexed as a pair (see the module's rules), in every
    segment or, given the words a segment pairs, in that one."""
    frequent = FREQUENT_TERMS
    if first in frequent or second in frequent:
        return True
    common = COMMON_TERMS
    return (first in common or first in segment) and (second in common or second in segment)


def pair_terms(terms: Sequence[str], common: frozenset[str] = COMMON_TERMS) -> set[str]:
    """The pair terms of a run of terms in indexed order (adjacent terms that :func:`is_pair`;
    ``common``: :data:`COMMON_TERMS` and the words the segment being written pairs)."""
    frequent = FREQUENT_TERMS
    return {
        f"{first} {second}"
        for first, second in pairwise(terms)
        if first in frequent or second in frequent or (first in common and second in common)
    }


def indexed_pairs(
    words: Sequence[str], segment: frozenset[str] = frozenset()
) -> list[tuple[int, str]]:
    """(index of the first word, pair term) of each adjacent pair in a phrase's terms that
    the index holds as one term (in every segment, or in one pairing ``segment``)."""
    return [
        (i, pair_term(first, second))
        for i, (first, second) in enumerate(pairwise(words))
        if is_pair(first, second, segment)
    ]


class PairsField(FieldType):  # type: ignore[misc]
    """A field of the pair terms of a text, as :meth:`terms` of its analyzer gives them.

    Only whether a document holds a pair is kept (no counts, no positions): ranking scores
    the words themselves.
    """

    def __init__(self, analyzer: Any) -> None:
        self.analyzer = analyzer
        self.format = formats.Existence()
        self.stored = False
        self.unique = False
        self.set_sortable(False)

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        if not isinstance(value, str):
            return
        for term in pair_terms(self.analyzer.terms(value)):
            yield term.encode("utf-8"), 1, 1.0, b""
