"""The in-memory segment writer writes the terms and postings Whoosh's own writer writes."""

from __future__ import annotations

import json
import zlib
from array import array
from pathlib import Path
from typing import Any

import pytest
from whoosh import writing
from whoosh.filedb.filestore import FileStorage

from index.corpus.article import Article
from index.corpus.record import BadRecord, article_from_record, article_record, pack, unpack
from index.engines.whoosh.codec import (
    NewsCodec,
    decode_numbers,
    decode_values,
    encode_block,
    raw_numbers,
)
from index.engines.whoosh.schema import build_schema
from index.engines.whoosh.writer import NewsWriter
from tests.whoosh_documents import sample_documents


def _segment_bytes(ix: Any) -> list[tuple[bytes, bytes, int]]:
    """Every term of every segment with its term info and raw postings, in file order."""
    found = []
    with ix.reader() as reader:
        for leaf, _ in reader.leaf_readers():
            terms = leaf._terms
            postfile = terms._postfile
            postfile.seek(0)
            found.append((b"postings", postfile.read(), leaf.doc_count_all()))
            found += [(key, value, 0) for key, value in terms._tindex.items()]
    return found


def _build(folder: Path, make_writer: Any, docs: Any, blocklimit: int, batches: int) -> Any:
    ix = FileStorage(str(folder)).create_index(build_schema())
    codec = NewsCodec(blocklimit=blocklimit)
    step = -(-len(docs) // batches)
    for start in range(0, len(docs), step):
        writer = make_writer(ix, codec)
        for doc in docs[start : start + step]:
            writer.add_document(**doc)
        writer.commit(mergetype=writing.MERGE_SMALL)
    return ix


@pytest.mark.parametrize(("blocklimit", "batches"), [(128, 1), (2, 1), (3, 3)])
def test_segments_match_whoosh_writer(tmp_path: Path, blocklimit: int, batches: int) -> None:
    """Same terms, term infos (counts, weights, lengths, offsets) and posting bytes, for one
    segment, for blocks of a few postings, and for segments merged into the last one."""
    docs = sample_documents()
    assert len(docs) > 10
    (tmp_path / "whoosh").mkdir()
    (tmp_path / "news").mkdir()
    theirs = _build(
        tmp_path / "whoosh",
        lambda ix, codec: writing.SegmentWriter(ix, codec=codec),
        docs,
        blocklimit,
        batches,
    )
    ours = _build(
        tmp_path / "news", lambda ix, codec: NewsWriter(ix, codec=codec), docs, blocklimit, batches
    )
    expected = _segment_bytes(theirs)
    assert len(expected) > 1000
    assert _segment_bytes(ours) == expected


def test_documents_read_back(tmp_path: Path) -> None:
    """Stored fields, field lengths and searches come back from a segment it wrote."""
    docs = sample_documents()
    ix = FileStorage(str(tmp_path)).create_index(build_schema())
    writer = NewsWriter(ix)
    for doc in docs:
        writer.add_document(**doc)
    writer.commit()
    with ix.searcher() as searcher:
        assert searcher.doc_count() == len(docs)
        stored = searcher.stored_fields(0)
        assert stored["id"] == docs[0]["id"]
        assert stored["title"] == docs[0]["title"]
        word = docs[0]["title"].split()[-1]
        term = searcher.schema["title"].analyzer.term(word)
        assert 0 in list(searcher.postings("title", term).all_ids())
        assert searcher.reader().doc_field_length(0, "body") > 0


@pytest.mark.parametrize("postings", [1, 2, 40, 128])
def test_small_blocks_stay_uncompressed(postings: int) -> None:
    """A block of a few bytes is stored as it is, a large one compressed; both read back."""
    ids = list(range(3, 3 + 5 * postings, 5))
    weights = array("f", [2.0] * postings)
    values = [raw_numbers(array("I", [i, i + 1])) for i in range(postings)]
    level, data = encode_block(ids, weights, values, None, 3)
    assert level == (3 if postings >= 40 else 0)
    plain = 9 + 20 * postings  # part sizes, then per posting: delta, weight, size, 2 positions
    assert len(data) < plain if level else len(data) == plain
    got_ids, got_weights = decode_numbers(data, postings, bool(level))
    assert got_ids == ids
    assert list(got_weights) == [2.0] * postings
    assert list(decode_values(data, postings, bool(level), None)) == values


def test_record_is_stored_as_json_and_older_compressed_records_still_read() -> None:
    """The stored record is plain JSON (the stored fields are compressed as a whole); a record
    an older index holds (zlib-compressed JSON) reads back the same; damage is one error."""
    article = Article(
        id="a1",
        path="/archive/caf\udce9.txt",  # a file name that is not UTF-8
        title="Caf\u00e9 talks",
        paragraphs=('"We agreed," the minister said.',),
    )
    record = article_record(article, "caf\udce9.txt")
    packed = pack(record)
    assert json.loads(packed) == record
    assert unpack(packed) == record
    assert unpack(zlib.compress(json.dumps(record).encode(), 1)) == record
    assert article_from_record(unpack(packed), Path("/archive")) == article
    with pytest.raises(BadRecord):
        unpack(packed[:-3])


def test_a_merge_joins_pair_terms_old_and_new_documents_share(tmp_path: Path) -> None:
    """Merging a segment into one being written joins each term's postings, the pair terms
    written for new documents included (once they were kept apart, and writing failed)."""
    docs = list(sample_documents())
    twin = dict(docs[0], id="twin", file="twin.md")  # every pair term of docs[0] again
    folders = []
    for name, make_writer in (("whoosh", writing.SegmentWriter), ("news", NewsWriter)):
        folder = tmp_path / name
        folder.mkdir()
        ix = FileStorage(str(folder)).create_index(build_schema())
        for batch, merge in ((docs, writing.NO_MERGE), ([twin], writing.OPTIMIZE)):
            writer = make_writer(ix, codec=NewsCodec())
            for doc in batch:
                writer.add_document(**doc)
            writer.commit(mergetype=merge)
        folders.append(ix)
    theirs, ours = folders
    assert len(ours._segments()) == 1
    assert _segment_bytes(ours) == _segment_bytes(theirs)
