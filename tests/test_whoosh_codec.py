"""Posting blocks written by the engine's codec read back exactly as Whoosh 3's own.

The same articles are indexed twice, with Whoosh's codec and with ours (in one segment and,
with small blocks, across many blocks per term); every term's postings must come back
identical through Whoosh's matcher interface and through the engine's block reader.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from whoosh.codec.whoosh3 import W3Codec
from whoosh.filedb.filestore import FileStorage

from index.engines.whoosh.codec import NewsCodec
from index.engines.whoosh.postings import read_postings
from index.engines.whoosh.schema import build_schema
from tests.whoosh_documents import sample_documents


def _index(folder: Path, codec: Any) -> Any:
    folder.mkdir()
    ix = FileStorage(str(folder)).create_index(build_schema())
    with ix.writer(codec=codec) as writer:
        for doc in sample_documents():
            writer.add_document(**doc)
    return ix


def _postings(reader: Any, fieldname: str, text: bytes) -> list[tuple[int, float, Any]]:
    matcher = reader.postings(fieldname, text)
    found = []
    while matcher.is_active():
        found.append((matcher.id(), matcher.weight(), matcher.value()))
        matcher.next()
    return found


@pytest.mark.parametrize("blocklimit", [128, 3])
def test_every_posting_reads_back_as_whoosh_wrote_it(tmp_path: Path, blocklimit: int) -> None:
    theirs = _index(tmp_path / "w3", W3Codec(blocklimit=blocklimit))
    ours = _index(tmp_path / "news", NewsCodec(blocklimit=blocklimit))
    with theirs.reader() as expected, ours.reader() as reader:
        terms = list(expected.all_terms())
        assert terms == list(reader.all_terms())
        assert any(field == "body_pairs" for field, _ in terms)
        for fieldname, text in terms:
            want = _postings(expected, fieldname, text)
            assert _postings(reader, fieldname, text) == want, (fieldname, text)
            read = read_postings(reader, fieldname, text.decode("utf-8"))
            if read is None:  # inlined: Whoosh's own list
                continue
            ids = [d for block in read.blocks for d in read.decode(block)[0]]
            weights = [w for block in read.blocks for w in read.decode(block)[1]]
            values = [v for block in read.blocks for v in read.decode_values(block)[1]]
            assert ids == [d for d, _, _ in want]
            assert weights == [w for _, w, _ in want]
            assert values == [v for _, _, v in want], (fieldname, text)
