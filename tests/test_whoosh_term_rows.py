"""Term lookups answered from remembered rows, and prefix expansions read segment by segment,
answer exactly as Whoosh's own lookups do.

The sample articles are indexed in three segments with deletions; every term of every field
(and terms no segment holds) is asked about through the patched terms readers and straight
from their hash tables, and every prefix of the archive's words expands to the terms and
frequencies Whoosh's whole-reader walk gives.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from whoosh.codec.whoosh3 import W3TermInfo
from whoosh.reading import TermNotFound

from index.engines.whoosh.translate import Translator
from tests.whoosh_documents import sample_documents, write_index


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    docs = list(sample_documents())
    folder: Path = tmp_path_factory.mktemp("rows")
    ix = write_index(folder, docs, [docs[i::3] for i in range(3)], [("id", docs[1]["id"])])
    with ix.reader() as opened:
        yield opened


def _straight(terms: Any, fieldname: str, tbytes: bytes) -> bytes | None:
    """The term's row read from the hash table, as Whoosh reads it."""
    value: bytes | None = terms._tindex.get(terms._keycoder(fieldname, tbytes))
    return value


def _fields(info: Any) -> tuple[Any, ...]:
    return (
        info.weight(),
        info.doc_frequency(),
        info.min_length(),
        info.max_length(),
        info.max_weight(),
        info.min_id(),
        info.max_id(),
        info.is_inlined(),
        info.postings if info.is_inlined() else info.extent(),
    )


def test_remembered_rows_answer_as_the_hash_table(reader: Any) -> None:
    asked = 0
    for leaf, _ in reader.leaf_readers():
        terms = leaf._terms
        every = [(f, t) for f, t in terms.terms() if f in reader.schema]
        missing = [(f, t + b"zz") for f, t in every[:50]] + [("body", b"\xffnever")]
        for fieldname, tbytes in every + missing + every:  # (again: now remembered)
            row = _straight(terms, fieldname, tbytes)
            assert ((fieldname, tbytes) in terms) == (row is not None)
            if row is None:
                with pytest.raises(TermNotFound):
                    terms.term_info(fieldname, tbytes)
                assert leaf.doc_frequency(fieldname, tbytes) == 0
                assert leaf.frequency(fieldname, tbytes) == 0
                continue
            start = terms._tindex.range_for_key(terms._keycoder(fieldname, tbytes))[0]
            assert terms.doc_frequency(fieldname, tbytes) == W3TermInfo.read_doc_freq(
                terms._dbfile, start
            )
            assert terms.frequency(fieldname, tbytes) == W3TermInfo.read_weight(
                terms._dbfile, start
            )
            assert _fields(terms.term_info(fieldname, tbytes)) == _fields(
                W3TermInfo.from_bytes(row)
            )
            asked += 1
    assert asked > 1000


def test_prefixes_expand_as_the_whole_reader_walks_them(reader: Any) -> None:
    translator = Translator(reader, list, lambda ids: frozenset())
    words = {t.decode() for t in reader.lexicon("body")}
    prefixes = sorted({w[:n] for w in words for n in (1, 2, 3) if len(w) > n})
    assert len(prefixes) > 100
    for name in ("body", "title"):
        for prefix in prefixes:
            walked = {
                reader.schema[name].from_bytes(t): info.doc_frequency()
                for t, info in reader.iter_prefix(name, prefix)
            }
            found = {t: f for f, t in translator._prefix_candidates(name, prefix)}
            # (beside them, at most the typed text's own term: "vaccines*" finds "vaccin")
            assert {t: f for t, f in found.items() if t in walked} == walked, prefix
            assert len(found) - len(walked) <= 1, prefix
