"""A generator of hostile archives: every kind of bad file beside good ones.

`write_hostile_corpus(root)` returns what a correct indexer must do with each file: which
ones it must skip (and a phrase the reason must contain), and a marker word each good
article carries so a test can find it.
"""

from __future__ import annotations

import codecs
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

SIZE_LIMIT = 256 * 1024
"""The size limit the hostile tests index with (small, so the 'huge' file stays small too)."""

BILLION_LAUGHS = """---
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
title: *d
---
Body.
"""


@dataclass
class HostileCorpus:
    """What the corpus holds: bad files with expected reasons, good files with markers."""

    bad: dict[str, str] = field(default_factory=dict)
    good: dict[str, str] = field(default_factory=dict)
    warnings: dict[str, str] = field(default_factory=dict)


def _good(corpus: HostileCorpus, root: Path, rel: str, data: bytes | str, marker: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    corpus.good[rel] = marker


def _bad(corpus: HostileCorpus, root: Path, rel: str, data: bytes | str, reason: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    corpus.bad[rel] = reason


def write_hostile_corpus(root: Path) -> HostileCorpus:
    """Write the hostile corpus under ``root`` (created if needed)."""
    corpus = HostileCorpus()
    root.mkdir(parents=True, exist_ok=True)
    # Good files, each with its own marker word.
    _good(corpus, root, "good/plain.txt", "Plain title\n\nThe zebrafinch story.\n", "zebrafinch")
    _good(
        corpus,
        root,
        "good/page.txt",
        "Home>World\n\nScraped title\n\nsite.example Updated:2020-01-02\n\n1.jpg\n\n"
        "A caption [Photo/Agency]\n\nThe quokkamarch story.\n",
        "quokkamarch",
    )
    _good(
        corpus,
        root,
        "good/front.md",
        "---\ntitle: Good one\n---\nThe axolotlrun story.\n",
        "axolotlrun",
    )
    _good(
        corpus,
        root,
        "enc/bom.txt",
        codecs.BOM_UTF8 + b"BOM title\n\nThe narwhalbom story.",
        "narwhalbom",
    )
    _good(
        corpus,
        root,
        "enc/utf16.txt",
        "UTF-16 title\n\nThe okapisixteen story.".encode("utf-16"),
        "okapisixteen",
    )
    _good(
        corpus,
        root,
        "enc/cp1252.txt",
        b"Caf\xe9 title\n\nThe \x93pangolinwin\x94 story.",
        "pangolinwin",
    )
    corpus.warnings["enc/cp1252.txt"] = "decoded as cp1252"
    _good(
        corpus,
        root,
        "enc/mixed.txt",
        b"Mixed\r\n\r\nOne\rtwo\n\nThe tapirmix story.\r\n",
        "tapirmix",
    )
    _good(corpus, root, "long/one-line.txt", "word " * 19_990 + "lemurline", "lemurline")
    _good(
        corpus,
        root,
        "long/escapes.txt",
        "Escapes \x1b[2J\x1b]52;c;aGVsbG8=\x07 title\n\n"
        "The \x1b]8;;http://x\x07 ibexlink \x1b]8;;\x07 story.",
        "ibexlink",
    )
    lines = [
        json.dumps({"id": "ok-1", "title": "Wire one", "body": "The gharialwire story."}),
        "{broken json",
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "ok-2", "title": "Wire two", "text": "The dugongwire story."}),
        "\x00\x01 garbage",
    ]
    _good(corpus, root, "wire/feed.jsonl", "\n".join(lines) + "\n", "gharialwire")
    corpus.good["wire/feed.jsonl#2"] = "dugongwire"
    corpus.warnings["wire/feed.jsonl"] = "line 2: invalid JSON"
    # A name that is not UTF-8 (Latin-1 bytes), and an article repeated with one id and with
    # two spellings of one URL: each is one article.
    odd = os.fsdecode(b"enc/caf\xe9.txt")
    _good(corpus, root, odd, "Odd name\n\nThe quetzalname story.\n", "quetzalname")
    copies = [
        {"id": "rep-1", "title": "Repeat", "body": "The ibisrepeat story."},
        {"id": "rep-1", "title": "Repeat", "body": "The ibisrepeat story, told at more length."},
        {"title": "Moved", "body": "The kiwiurl story.", "url": "http://www.w.example/kiwi/"},
        {"title": "Moved", "body": "The kiwiurl story, longer.", "url": "https://w.example/kiwi"},
    ]
    _good(
        corpus,
        root,
        "wire/copies.jsonl",
        "".join(json.dumps(c) + "\n" for c in copies),
        "ibisrepeat",
    )
    corpus.good["wire/copies.jsonl#3"] = "kiwiurl"
    corpus.warnings["wire/copies.jsonl"] = "is another copy of wire/copies.jsonl line"
    # Bad files, each with the reason it must be reported with.
    _bad(
        corpus,
        root,
        "bad/binary.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        "binary file",
    )
    _bad(corpus, root, "bad/empty.txt", b"", "empty file")
    _bad(corpus, root, "bad/blank.md", "   \n\n  \n", "empty file")
    _bad(corpus, root, "bad/huge.txt", "Huge\n\n" + "x" * (SIZE_LIMIT + 10), "too large")
    _bad(
        corpus,
        root,
        "bad/exec.md",
        "---\ntitle: !!python/object/apply:os.system ['echo pwned']\n---\nBody\n",
        "malformed front matter",
    )
    _bad(corpus, root, "bad/laughs.md", BILLION_LAUGHS, "YAML aliases are not allowed")
    _bad(corpus, root, "bad/list.md", "---\n- just\n- a list\n---\nBody\n", "must be a mapping")
    _bad(
        corpus,
        root,
        "bad/unclosed.md",
        "---\ntitle: x\nBody without a closing fence\n",
        "no closing",
    )
    _bad(corpus, root, "bad/allbroken.jsonl", "{nope\n[1, 2]\n", "no readable JSON lines")
    _bad(corpus, root, "bad/utf16-broken.txt", codecs.BOM_UTF16_LE + b"\x00\xd8", "invalid UTF-16")
    # Links: a loop back to the root, and a link to nowhere.
    os.symlink(root, root / "loop")
    corpus.bad["loop"] = "symbolic link loop"
    os.symlink(root / "missing.txt", root / "dangling.txt")
    corpus.bad["dangling.txt"] = "broken symbolic link"
    return corpus
