"""Whoosh is imported without the modules it loads only for functions newsdesk never calls."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

_SCRIPT = """
import sys
import index.engines.whoosh
from whoosh.reading import SegmentReader
print('CACHED', type(vars(SegmentReader)['deleted_docs_set']).__module__)
left_out = ('urllib.request', 'http.client', 'asyncio', 'whoosh.lang.morph_en', 'cached_property')
print('LOADED', sorted(m for m in left_out if m in sys.modules))

# What Whoosh imported from them still works, loading the real module when called.
from whoosh import compat
from whoosh.query import terms
print('VARIATIONS', sorted(terms.variations('walks')))
import whoosh.lang.morph_en as real
same = terms.variations('rides') == real.variations('rides')
print('MORPH_EN', terms.variations is not real.variations, same)

# Later imports get the real modules, not the stand-ins.
import urllib.request
print('URLLIB', urllib.request.urlopen.__module__, compat.urlretrieve.__name__)
"""


def test_whoosh_loads_without_urllib_asyncio_or_morphology_and_still_forwards() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines == [
        "CACHED index.engines.whoosh.lean",
        "LOADED []",
        "VARIATIONS ['walk', 'walks']",
        "MORPH_EN True True",
        "URLLIB urllib.request urlretrieve",
    ]


def test_the_stand_in_cached_property_computes_once_per_instance() -> None:
    from index.engines.whoosh.lean import cached_property

    calls: list[int] = []

    class Thing:
        def __init__(self, n: int) -> None:
            self.n = n

        @cached_property
        def double(self) -> int:
            calls.append(self.n)
            return self.n * 2

    one, two = Thing(1), Thing(2)
    assert (one.double, one.double, two.double) == (2, 2, 4)
    assert calls == [1, 2]
    assert isinstance(vars(Thing)["double"], cached_property)


def test_a_segment_remembers_its_deleted_documents(tmp_path: Path) -> None:
    from whoosh import fields
    from whoosh.filedb.filestore import FileStorage

    ix = FileStorage(str(tmp_path)).create_index(fields.Schema(key=fields.ID(stored=True)))
    with ix.writer() as writer:
        for key in ("a", "b", "c"):
            writer.add_document(key=key)
    with ix.writer() as writer:
        writer.delete_by_term("key", "b")
    with ix.reader() as reader:
        leaves = [leaf for leaf, _ in reader.leaf_readers()]
        assert [leaf.deleted_docs_set for leaf in leaves] == [frozenset({1})]
        assert leaves[0].deleted_docs_set is leaves[0].deleted_docs_set
        assert "deleted_docs_set" in vars(leaves[0])  # computed once, kept on the segment
