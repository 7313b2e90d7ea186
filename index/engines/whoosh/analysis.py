"""Text analysis for the index: one-pass tokenizers with a memo of word -> term.

Whoosh's stock analyzers chain generators (tokenize, lowercase, stop, stem) and pay for every
stage on every token. News repeats its vocabulary endlessly, so doing lowercase, accent folding,
stop-word removal and stemming once per distinct word, then looking it up, is several times
faster and gives identical terms.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterator
from typing import Any

from whoosh.analysis import STOP_WORDS, Analyzer, Token
from whoosh.fields import TEXT
from whoosh.lang.porter import stem

# Combining marks (Unicode category M, Basic Multilingual Plane, with the letters between them):
# a word goes on through them, so decomposed accents (NFD ``Łódź``) and the vowel signs of
# Indic scripts stay inside their word instead of splitting it.
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1-\u05c2\u05c4-\u05c5\u05c7\u0610-\u061a"
    "\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0711-\u074a\u07a6-\u07b0"
    "\u07eb-\u07f3\u07fd\u0816-\u082d\u0859-\u085b\u0898-\u08e1\u08e3-\u0963\u0981-\u0983"
    "\u09bc-\u09c4\u09c7-\u09c8\u09cb-\u09cd\u09d7\u09e2-\u09e3\u09fe\u0a01-\u0a03\u0a3c"
    "\u0a3e-\u0a42\u0a47-\u0a48\u0a4b-\u0a4d\u0a51\u0a70-\u0a75\u0a81-\u0a83\u0abc-\u0ac5"
    "\u0ac7-\u0ac9\u0acb-\u0acd\u0ae2-\u0ae3\u0afa-\u0aff\u0b01-\u0b03\u0b3c-\u0b44\u0b47-\u0b48"
    "\u0b4b-\u0b4d\u0b55-\u0b57\u0b62-\u0b63\u0b82\u0bbe-\u0bc2\u0bc6-\u0bc8\u0bca-\u0bcd\u0bd7"
    "\u0c00-\u0c04\u0c3c-\u0c44\u0c46-\u0c48\u0c4a-\u0c4d\u0c55-\u0c56\u0c62-\u0c63\u0c81-\u0c83"
    "\u0cbc-\u0cc4\u0cc6-\u0cc8\u0cca-\u0ccd\u0cd5-\u0cd6\u0ce2-\u0ce3\u0d00-\u0d03\u0d3b-\u0d44"
    "\u0d46-\u0d48\u0d4a-\u0d4d\u0d57-\u0d63\u0d81-\u0d83\u0dca\u0dcf-\u0dd4\u0dd6\u0dd8-\u0ddf"
    "\u0df2-\u0df3\u0e31-\u0e3a\u0e47-\u0e4e\u0eb1-\u0ebc\u0ec8-\u0ecd\u0f18-\u0f19\u0f35\u0f37"
    "\u0f39\u0f3e-\u0f3f\u0f71-\u0f84\u0f86-\u0f97\u0f99-\u0fbc\u0fc6\u102b-\u103e\u1056-\u109d"
    "\u135d-\u135f\u1712-\u1715\u1732-\u1734\u1752-\u1753\u1772-\u1773\u17b4-\u17d3\u17dd"
    "\u180b-\u180d\u180f\u1885-\u18a9\u1920-\u192b\u1930-\u193b\u1a17-\u1a1b\u1a55-\u1a5e"
    "\u1a60-\u1a7c\u1a7f\u1ab0-\u1ace\u1b00-\u1b44\u1b6b-\u1b73\u1b80-\u1bf3\u1c24-\u1c37"
    "\u1cd0-\u1cd2\u1cd4-\u1cf9\u1dc0-\u1dff\u20d0-\u20f0\u2cef-\u2cf1\u2d7f\u2de0-\u2dff"
    "\u302a-\u302f\u3099-\u309a\ua66f-\ua672\ua674-\ua67d\ua69e-\ua6f1\ua802-\ua827\ua82c"
    "\ua880-\ua8c5\ua8e0-\ua8f1\ua8ff-\ua92d\ua947-\ua953\ua980-\ua9c0\ua9e5\uaa29-\uaa36"
    "\uaa43-\uaa4d\uaa7b-\uaac1\uaaeb-\uaaef\uaaf5-\uaaf6\uabe3-\uabea\uabec-\uabed\ufb1e"
    "\ufe00-\ufe0f\ufe20-\ufe2f"
)
_LETTER = rf"[\w{_MARKS}]"
_WORD = re.compile(rf"\w{_LETTER}*(?:\.?\w{_LETTER}*)*")
_NAME_PART = re.compile(rf"[^\W_](?:[^\W_]|[{_MARKS}])*")
_MEMO_LIMIT = 500_000
_STEM_MARGIN = 64  # more than Porter's five steps can take off a word together
_STOPPED = ""  # memo value for words that are dropped


def fold(word: str) -> str:
    """Lowercase ``word`` and strip accents (``Zoë`` -> ``zoe``, ``Łódź`` -> ``lodz``)."""
    lowered = word.lower()
    if lowered.isascii():
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered.replace("ł", "l").replace("ø", "o"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class _MemoAnalyzer(Analyzer):  # type: ignore[misc]
    """Base: tokenize with one regex, map each word to its term through a memo."""

    pattern: re.Pattern[str] = _WORD

    def __init__(self) -> None:
        self._memo: dict[str, str] = {}
        self._raw_memo: dict[str, str] = {}
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
        found: dict[str, list[int]] = {}
        pos = 0
        for word in self.pattern.findall(value):
            term = memo.get(word)
            if term is None:
                term = memo[word] = self.term(word)
                if term:
                    self.vocabulary.add(self.raw_term(word))
            if term:
                seen = found.get(term)
                if seen is None:
                    found[term] = [pos]
                else:
                    seen.append(pos)
                pos += 1
        return found

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
        words = self.pattern.findall(text)
        for word in set(words).difference(memo):
            memo[word] = self.term(word)
        return sum(map(terms.__contains__, map(memo.__getitem__, words)))

    def spans(self, text: str, terms: Collection[str]) -> list[tuple[int, int]]:
        """Character spans of the words in ``text`` whose term is one of ``terms``."""
        memo = self._memo
        found = []
        # Folding does not shorten a word and stemming takes a few letters off at most, so a
        # word far longer than every term cannot match one; stemming a 5 MB word takes seconds.
        longest = max(map(len, terms), default=0) + _STEM_MARGIN
        for match in self.pattern.finditer(text):
            if match.end() - match.start() > longest:
                continue
            word = match.group()
            term = memo.get(word)
            if term is None:
                term = memo[word] = self.term(word)
            if term in terms:
                found.append(match.span())
        return found

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
    """Words, lowercased, accent-folded, stop words dropped, Porter-stemmed."""

    def has_morph(self) -> bool:
        return True

    def term(self, word: str) -> str:
        folded = self.raw_term(word)
        return stem(folded) if folded else _STOPPED

    def raw_term(self, word: str) -> str:
        folded = fold(word)
        if len(folded) < 2 or folded in STOP_WORDS:
            return _STOPPED
        return folded


class NameAnalyzer(_MemoAnalyzer):
    """Name parts (letters and digits), lowercased and accent-folded; nothing dropped.

    ``chinadaily.com.cn`` gives ``chinadaily com cn``, so ``source:chinadaily`` matches it.
    """

    pattern = _NAME_PART

    def term(self, word: str) -> str:
        return fold(word)


class NewsText(TEXT):  # type: ignore[misc]
    """A TEXT field that indexes in one pass through :meth:`_MemoAnalyzer.positions`.

    Produces exactly the postings Whoosh's generic path would (same terms, positions and
    encoding), at about half the cost; queries and highlighting use the analyzer as usual.
    """

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
