"""A Whoosh segment writer that keeps postings in memory, grouped by term.

Whoosh's writer turns every posting into a tuple, sizes it, spills runs of them to disk with
pickle, merges the runs back in sorted order and then hands the postings one by one to the
codec. News articles give a few hundred postings each, so that per-posting work cost more
than reading, analysing and quoting the article together. Here each term keeps its postings in
a few arrays as documents arrive, and the segment is written a whole posting list at a time
(:mod:`index.engines.whoosh.blocks`). The files are those Whoosh's own writer produces with
the same codec, byte for byte; memory grows with the segment (about 4 MB per 1,000 news
articles past the vocabulary), which a worker's share of a 100k archive stays well within.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Sequence
from typing import Any

from whoosh import writing
from whoosh.codec import whoosh3
from whoosh.system import emptybytes, pack_ushort

from index.engines.whoosh.analysis import NewsText, _MemoAnalyzer
from index.engines.whoosh.blocks import add_rows, posting_list, term_info
from index.engines.whoosh.codec import NewsCodec, NewsPositions, raw_numbers
from index.engines.whoosh.pairs import (
    COMMON_TERMS,
    SAMPLE_DOCS,
    SEGMENT_PAIRS,
    PairsField,
    pair_terms,
    segment_words,
    shared_words,
)

Postings = tuple["array[int]", "array[float]", "array[int]", bytearray]
"""One term's postings: document numbers, weights, value byte lengths, the values joined."""
Positions = tuple["array[int]", "array[int]", "array[int]"]
"""One term's postings in a text field: document numbers, how many times the term occurs in
each (its weight), and those positions one after another."""


def _new_postings() -> Postings:
    return array("I"), array("f"), array("I"), bytearray()


class SegmentPairs:
    """The pair terms of the segment being written: the fixed lists' pairs, and from its
    first :data:`~index.engines.whoosh.pairs.SAMPLE_DOCS` articles on, the pairs of the words
    common in it (the sampled articles get theirs when the words are chosen)."""

    def __init__(self, sample: int) -> None:
        self.sample = sample
        self.words: frozenset[str] | None = None
        """The words chosen (None: not yet)."""
        self.partial = False
        """Whether an article of the segment was indexed without the chosen words' pairs."""
        self._common = COMMON_TERMS
        self._frequency: Counter[str] = Counter()
        self._sampled = 0
        self._pending: list[tuple[dict[Any, Postings], int, Sequence[str]]] = []
        self._own = False

    def add(self, terms: dict[Any, Postings], text: Sequence[str], docnum: int, body: bool) -> int:
        """Index the pairs of one text's terms (``body``: the text words are counted in)."""
        self._own = True
        if self.words is not None:
            return _add_flags(terms, pair_terms(text, self._common), docnum)
        length = _add_flags(terms, pair_terms(text), docnum)
        self._pending.append((terms, docnum, text))
        if body:
            self._frequency.update(set(text))
            self._sampled += 1
            if self._sampled >= self.sample:
                self._choose()
        return length

    def _choose(self) -> None:
        words = self.words = segment_words(self._frequency, self._sampled)
        self._common = COMMON_TERMS | words
        for terms, docnum, text in self._pending:
            extra = pair_terms(text, self._common) - pair_terms(text)
            if extra:
                _add_flags(terms, extra, docnum)
        self._pending.clear()
        self._frequency.clear()

    def chosen(self) -> frozenset[str] | None:
        """The words every article written here is paired by (None: no article was)."""
        if not self._own:
            return None
        if self.partial or self.words is None:
            return frozenset()
        return self.words


class PostingBuffers:
    """Every posting of a segment being written: field -> term -> :data:`Postings`.

    Text fields (:class:`NewsText`) keep each term's positions as numbers in ``texts``, under
    the term as text (the analyzer's memo gives it so); other fields keep the bytes their
    field produces in ``fields``; pair fields' terms come from :class:`SegmentPairs`.
    """

    def __init__(self, schema: Any, pair_sample: int = SAMPLE_DOCS) -> None:
        self.pairs = SegmentPairs(pair_sample)
        self.fields: dict[str, dict[Any, Postings]] = {}
        self.texts: dict[str, dict[str, Positions]] = {}
        self._text = {
            name
            for name, field in schema.items()
            if isinstance(field, NewsText) and isinstance(field.format, NewsPositions)
        }
        self._unordered: set[str] = set()

    def add_value(self, name: str, field: Any, value: Any, docnum: int) -> int:
        """Index ``value`` of field ``name`` for ``docnum``; return its length (term count)."""
        if name in self._text:
            texts = self.texts.get(name)
            if texts is None:
                texts = self.texts[name] = {}
            if isinstance(value, str):
                return _add_positions(texts, field.analyzer.positions(value), docnum)
            found = {
                tbytes.decode("utf-8"): field.format.decode_positions(vbytes)
                for tbytes, _, _, vbytes in field.index(value)
            }
            return _add_positions(texts, found, docnum)
        terms = self.fields.get(name)
        if terms is None:
            terms = self.fields[name] = {}
        analyzer = getattr(field, "analyzer", None)
        if isinstance(field, PairsField):
            if isinstance(analyzer, _MemoAnalyzer) and isinstance(value, str):
                return self.pairs.add(terms, analyzer.terms(value), docnum, name == "body_pairs")
            self.pairs.partial = True
        length = 0
        for tbytes, freq, weight, vbytes in field.index(value):
            length += freq
            _append(terms, tbytes, docnum, weight, vbytes)
        return length

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        """Add one posting as Whoosh's pool takes it (merging another segment's postings)."""
        name, tbytes, docnum, weight, vbytes = item
        self._unordered.add(name)
        if name in self._text:
            texts = self.texts.setdefault(name, {})
            positions = NewsPositions().decode_positions(vbytes or b"")
            _add_positions(texts, {tbytes.decode("utf-8"): positions}, docnum)
            return
        _append(self.fields.setdefault(name, {}), tbytes, docnum, weight, vbytes or b"")

    def write(self, schema: Any, perdoc: Any, fieldwriter: Any) -> None:
        """Write every term's postings, in field and term order, into ``fieldwriter``'s files.

        ``perdoc`` reads the segment's field lengths back as Whoosh stored them (one byte
        per document), for the shortest and longest field of each block.
        """
        codec = fieldwriter._codec
        postfile, terms_table = fieldwriter._postfile, fieldwriter._tindex
        where = postfile.tell()
        for name in sorted(self.fields.keys() | self.texts.keys()):
            terms: dict[Any, Any] = self.texts.get(name) or self.fields.get(name) or {}
            if not terms:
                continue
            field = schema[name]
            fieldwriter.start_field(name, field)
            prefix = pack_ushort(fieldwriter._fieldid)
            lengths = _length_bytes(perdoc, name)
            fixed = field.format.fixed_value_size()
            text = name in self._text
            keyed = [(k.encode("utf-8") if isinstance(k, str) else k, k) for k in terms]
            keyed.sort()
            lists: list[bytes] = []
            rows: list[tuple[bytes, bytes]] = []
            for tbytes, key in keyed:
                postings: Postings = (
                    _as_postings(terms[key], field.format.field_boost) if text else terms[key]
                )
                if name in self._unordered:
                    postings = _in_order(postings)
                docs, weights, sizes, values = postings
                data, stats = posting_list(
                    docs,
                    weights,
                    sizes,
                    values,
                    lengths,
                    fixed,
                    codec._blocklimit,
                    codec._compression,
                )
                lists.append(data)
                rows.append((prefix + tbytes, term_info(stats, where, len(data))))
                where += len(data)
            postfile.write(emptybytes.join(lists))
            add_rows(terms_table, rows)
            fieldwriter.finish_field()

    def clear(self) -> None:
        """Drop every posting (after the segment is written, or when it is abandoned)."""
        self.fields.clear()
        self.texts.clear()
        self._unordered.clear()
        self.pairs = SegmentPairs(self.pairs.sample)


def _append(
    terms: dict[Any, Postings], key: Any, docnum: int, weight: float, vbytes: bytes
) -> None:
    postings = terms.get(key)
    if postings is None:
        postings = terms[key] = _new_postings()
    docs, weights, sizes, data = postings
    docs.append(docnum)
    weights.append(weight)
    sizes.append(len(vbytes))
    data += vbytes


def _add_positions(texts: dict[str, Positions], found: dict[str, list[int]], docnum: int) -> int:
    """Add one text value's postings (term -> positions); return how many words it has."""
    get = texts.get
    length = 0
    for term, positions in found.items():
        postings = get(term)
        count = len(positions)
        length += count
        if postings is None:
            texts[term] = array("I", (docnum,)), array("I", (count,)), array("I", positions)
        else:
            postings[0].append(docnum)
            postings[1].append(count)
            postings[2].extend(positions)
    return length


def _as_postings(positions: Positions, boost: float) -> Postings:
    """A text field's postings laid out as every field's (values as :class:`NewsPositions`
    encodes them)."""
    docs, counts, flat = positions
    weights = array("f", counts) if boost == 1.0 else array("f", [c * boost for c in counts])
    return docs, weights, array("I", map((4).__mul__, counts)), bytearray(raw_numbers(flat))


def _add_flags(terms: dict[Any, Postings], found: set[str], docnum: int) -> int:
    """Postings that only say a document holds a term (weight 1, no value), under the term's
    bytes as every non-text field keeps them (so postings merged in from another segment,
    which come as bytes, join the same term)."""
    new = _new_postings
    for term in map(str.encode, found):
        postings = terms.get(term)
        if postings is None:
            postings = terms[term] = new()
        postings[0].append(docnum)
        postings[1].append(1.0)
        postings[2].append(0)
    return len(found)


def _in_order(postings: Postings) -> Postings:
    """``postings`` sorted by document number (merged segments may arrive out of order)."""
    docs, weights, sizes, data = postings
    order = sorted(range(len(docs)), key=docs.__getitem__)
    if order == list(range(len(docs))):
        return postings
    starts = [0] * len(sizes)
    total = 0
    for i, size in enumerate(sizes):
        starts[i], total = total, total + size
    joined = bytearray()
    for i in order:
        joined += data[starts[i] : starts[i] + sizes[i]]
    return (
        array("I", (docs[i] for i in order)),
        array("f", (weights[i] for i in order)),
        array("I", (sizes[i] for i in order)),
        joined,
    )


def _length_bytes(perdoc: Any, fieldname: str) -> bytes | None:
    """A segment's length column for ``fieldname`` (one byte per document), or None."""
    reader = perdoc._cached_reader(whoosh3._lenfield(fieldname), whoosh3.LENGTHS_COLUMN)
    return None if reader is None else reader._dbfile.get(reader._basepos, reader._count)


class NewsWriter(writing.SegmentWriter):  # type: ignore[misc]
    """Whoosh's segment writer with :class:`PostingBuffers` in place of its sorting pool."""

    def __init__(self, ix: Any, pair_sample: int = SAMPLE_DOCS, **kwargs: Any) -> None:
        kwargs.setdefault("codec", NewsCodec())
        super().__init__(ix, **kwargs)
        whoosh_pool: Any = self.pool
        whoosh_pool.cleanup()  # nothing in it yet
        self.pool: PostingBuffers = PostingBuffers(self.schema, pair_sample)
        self._merged_pairs: list[frozenset[str]] = []
        self._plain = all(
            not field.vector and not field.separate_spelling() for _, field in self.schema.items()
        )

    def add_document(self, **fields: Any) -> None:
        if not self._plain or any(name.startswith("_") for name in fields):
            self.pool.pairs.partial = True  # Whoosh's way pairs only the fixed lists' words
            super().add_document(**fields)  # boosts, vectors and spelling: Whoosh's way
            return
        self._check_state()
        schema = self.schema
        self._check_fields(schema, fields)
        perdoc = self.perdocwriter
        docnum = self.docnum
        add_value = self.pool.add_value
        perdoc.start_doc(docnum)
        try:
            for name in sorted(fields):
                value = fields[name]
                if value is None:
                    continue
                field = schema[name]
                length = add_value(name, field, value, docnum) if field.indexed else 0
                stored = value if field.stored else None
                perdoc.add_field(name, field, stored, length if field.scorable else 0)
                column = field.column_type
                if column:
                    perdoc.add_column_value(name, column, field.to_column_value(value))
        except Exception:
            perdoc.cancel_doc()
            raise
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1

    def add_reader(self, reader: Any) -> None:
        """Merge a segment's documents in (its pairs' words bound the new segment's)."""
        segment = reader.segment() if hasattr(reader, "segment") else None
        self._merged_pairs.append(getattr(segment, SEGMENT_PAIRS, frozenset()))
        super().add_reader(reader)

    def _finalize_segment(self) -> Any:
        """Write the segment; it records the words every article in it is paired by."""
        words = shared_words([self.pool.pairs.chosen(), *self._merged_pairs])
        setattr(self.newsegment, SEGMENT_PAIRS, words)
        return super()._finalize_segment()

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        perdoc = self.per_document_reader()
        try:
            self.pool.write(self.schema, perdoc, self.fieldwriter)
        finally:
            perdoc.close()
        self.fieldwriter.close()

    def _close_segment(self) -> None:
        if not self.perdocwriter.is_closed:
            self.perdocwriter.close()
        if not self.fieldwriter.is_closed:
            self.fieldwriter.close()
        self.pool.clear()
