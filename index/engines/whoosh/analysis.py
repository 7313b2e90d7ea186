"""Text analysis for the index: one-pass tokenizers with a memo of word -> term.

The words and terms come from :mod:`index.engines.analysis`, shared with every engine; this
module only fits them to Whoosh. Whoosh's stock analyzers chain generators (tokenize,
lowercase, stop, stem) and pay for every stage on every token. News repeats its vocabulary
endlessly, so analysing each distinct word once, then looking it up, is several times faster
and gives identical terms.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterator
from itertools import compress
from operator import itemgetter
from typing import Any

from whoosh.analysis import Analyzer, Token
from whoosh.fields import TEXT

from index.engines.analysis.terms import name_term, news_term, plain_term
from index.engines.analysis.words import NAME_PART, WORD, fold
from index.engines.whoosh.codec import NewsPositions

_MEMO_LIMIT = 500_000
_STEM_MARGIN = 64  # more than stemming can take off a word
_ASCII_WORD = re.compile(r"[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*")
r"""``WORD`` on ASCII text: ``\w`` is these characters there, and no mark can follow."""
_GROUP = itemgetter(0)  # a match's whole text


class _MemoAnalyzer(Analyzer):  # type: ignore[misc]
    """Base: tokenize with one regex, map each word to its term through a memo."""

    pattern: re.Pattern[str] = WORD

    def __init__(self) -> None:
        self._memo: dict[str, str] = {}
        self._raw_memo: dict[str, str] = {}
        self._last: tuple[str, list[str]] | None = None
        self.vocabulary: set[str] = set()
        """Every indexed word seen, unstemmed and folded: the source of spelling suggestions."""

    def __getstate__(self) -> dict[str, Any]:
        return {}  # the schema is pickled into every index; memos stay out of it

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__()  # type: ignore[misc]

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def has_morph(self) -> bool:
        return False

    def term(self, word: str) -> str:
        """The indexed term for ``word``, or ``""`` when it is not indexed."""
        raise NotImplementedError

    def raw_term(self, word: str) -> str:
        """The term for ``word`` without stemming (stop words still dropped)."""
        return self.term(word)

    def positions(self, value: str) -> dict[str, list[int]]:
        """Term -> positions in ``value``, as indexing produces them, without Token objects."""
        memo = self._memo
        if len(memo) > _MEMO_LIMIT:
            memo.clear()
        words = self.pattern.findall(value)
        for word in set(words).difference(memo):
            term = memo[word] = self.term(word)
            if term:
                self.vocabulary.add(self.raw_term(word))
        sequence = list(filter(None, map(memo.__getitem__, words)))
        found: dict[str, list[int]] = {}
        add = found.setdefault
        for pos, term in enumerate(sequence):
            add(term, []).append(pos)
        self._last = (value, sequence)
        return found

    def terms(self, value: str) -> list[str]:
        """The terms of ``value`` in indexed order (what :meth:`positions` numbers)."""
        last = self._last
        if last is not None and last[0] is value:  # pairs are indexed right after their field
            return last[1]
        memo = self._memo
        words = self.pattern.findall(value)
        for word in set(words).difference(memo):
            memo[word] = self.term(word)
        return [term for term in map(memo.__getitem__, words) if term]

    def tokens(self, text: str, longest: int | None = None) -> list[tuple[str, int, int]]:
        """(term, start, end) of every indexed word of ``text``, stop words left out as
        indexing leaves them out (so phrase neighbours here are neighbours in the index).

        Words longer than ``longest`` (when given) stand as ``""``: no term can match them.
        """
        memo = self._memo
        found = []
        limit = longest + _STEM_MARGIN if longest is not None else None
        for match in self.pattern.finditer(text):
            if limit is not None and match.end() - match.start() > limit:
                found.append(("", match.start(), match.end()))
                continue
            word = match.group()
            term = memo.get(word)
            if term is None:
                term = memo[word] = self.term(word)
            if term:
                found.append((term, match.start(), match.end()))
        return found

    def count(self, text: str, terms: Collection[str]) -> int:
        """How many words of ``text`` have one of ``terms`` as their term (what
        :meth:`spans` would find, counted in C over the memo)."""
        memo = self._memo
        words = self._pattern_for(text).findall(text)
        for word in set(words).difference(memo):
            memo[word] = self.term(word)
        return sum(map(terms.__contains__, map(memo.__getitem__, words)))

    def _pattern_for(self, text: str) -> re.Pattern[str]:
        """The word pattern for ``text``: on ASCII text, one without the combining marks
        (none can be there), which finds the same words faster."""
        return _ASCII_WORD if self.pattern is WORD and text.isascii() else self.pattern

    def term_counts(self, text: str) -> Counter[str]:
        """How many words of ``text`` have each term (stop words count under ``""``)."""
        memo = self._memo
        words = self.pattern.findall(text)
        for word in set(words).difference(memo):
            memo[word] = self.term(word)
        return Counter(map(memo.__getitem__, words))

    def spans(self, text: str, terms: Collection[str]) -> list[tuple[int, int]]:
        """Character spans of the words in ``text`` whose term is one of ``terms``."""
        memo = self._memo
        # Folding does not shorten a word and stemming takes a few letters off at most, so a
        # word far longer than every term cannot match one; stemming a 5 MB word takes seconds.
        longest = max(map(len, terms), default=0) + _STEM_MARGIN
        found = list(self._pattern_for(text).finditer(text))
        words = list(map(_GROUP, found))
        for word in set(words).difference(memo):
            if len(word) <= longest:
                memo[word] = self.term(word)
        # Words and their terms looked up in C; only the hits come back to Python.
        hits = compress(found, map(terms.__contains__, map(memo.get, words)))
        return [match.span() for match in hits if match.end() - match.start() <= longest]

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        no_morph: bool = False,
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        token.boost = 1.0
        token.stopped = False
        if not tokenize:
            token.text = fold(value)
            token.original = value
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar, token.endchar = start_char, start_char + len(value)
            yield token
            return
        memo = self._raw_memo if no_morph else self._memo
        if len(memo) > _MEMO_LIMIT:
            memo.clear()
        convert = self.raw_term if no_morph else self.term
        pos = start_pos
        for match in self.pattern.finditer(value):
            word = match.group()
            term = memo.get(word)
            if term is None:
                term = memo[word] = convert(word)
                if term:
                    self.vocabulary.add(self.raw_term(word))
            if not term:
                if removestops:
                    continue
                token.stopped = True
                term = fold(word)
            else:
                token.stopped = False
            token.text = term
            if keeporiginal:
                token.original = word
            if positions:
                token.pos = pos
            if chars:
                token.startchar = start_char + match.start()
                token.endchar = start_char + match.end()
            pos += 1
            yield token


class NewsAnalyzer(_MemoAnalyzer):
    """Words as :mod:`index.engines.analysis` makes them terms: folded, stop words dropped,
    stemmed."""

    def has_morph(self) -> bool:
        return True

    def term(self, word: str) -> str:
        return news_term(word)

    def raw_term(self, word: str) -> str:
        return plain_term(word)


class NameAnalyzer(_MemoAnalyzer):
    """Name parts (letters and digits), lowercased and accent-folded; nothing dropped.

    ``chinadaily.com.cn`` gives ``chinadaily com cn``, so ``source:chinadaily`` matches it.
    """

    pattern = NAME_PART

    def term(self, word: str) -> str:
        return name_term(word)


class NewsText(TEXT):  # type: ignore[misc]
    """A TEXT field that indexes in one pass through :meth:`_MemoAnalyzer.positions`.

    Produces the postings Whoosh's generic path would (same terms and positions, the
    positions kept as :class:`NewsPositions`), at about half the cost; queries and
    highlighting use the analyzer as usual.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.format = NewsPositions(field_boost=kwargs.get("field_boost", 1.0))

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        analyzer = self.analyzer
        if not isinstance(value, str) or not isinstance(analyzer, _MemoAnalyzer):
            yield from super().index(value, **kwargs)
            return
        boost = self.format.field_boost
        encode = self.format.encode
        for term, positions in analyzer.positions(value).items():
            count = len(positions)
            yield term.encode("utf-8"), count, count * boost, encode(positions)
