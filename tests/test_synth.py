"""The synthetic archive generator used by the benchmarks (bench/synth.py)."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml

BENCH = Path(__file__).resolve().parent.parent / "bench"
N = 60


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("synth", BENCH / "synth.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("synth", module)
    spec.loader.exec_module(module)
    return module


synth = _load()


def _snapshot(root: Path) -> dict[str, tuple[bytes, float]]:
    return {
        str(p.relative_to(root)): (p.read_bytes(), p.stat().st_mtime)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    root = tmp_path_factory.mktemp("synth") / "archive"
    return root, synth.generate(root, N, seed=2)


def test_same_seed_same_bytes_and_mtimes(archive: tuple[Path, list[Path]], tmp_path: Path) -> None:
    root, paths = archive
    again = synth.generate(tmp_path / "again", N, seed=2, workers=1)
    relative = [p.relative_to(tmp_path / "again") for p in again]
    assert relative == [p.relative_to(root) for p in paths]
    assert _snapshot(tmp_path / "again") == _snapshot(root)
    synth.generate(tmp_path / "other", N, seed=3)
    assert _snapshot(tmp_path / "other") != _snapshot(root)


def _kind(path: Path) -> str:
    if path.suffix == ".jsonl":
        return "jsonl"
    if path.suffix == ".md":
        return "markdown"
    return "scraped" if path.read_text(encoding="utf-8").startswith("Home>") else "plain"


def test_every_format_present_and_valid(archive: tuple[Path, list[Path]]) -> None:
    root, paths = archive
    kinds = {path: _kind(path) for path in paths}
    assert set(kinds.values()) == {"scraped", "markdown", "plain", "jsonl"}
    articles = 0
    for path, kind in kinds.items():
        assert path.is_relative_to(root) and path.stat().st_size > 0
        text = path.read_text(encoding="utf-8")
        if kind == "jsonl":
            for line in text.splitlines():
                record = json.loads(line)
                assert {"id", "title", "body", "source", "url", "section", "tags"} <= set(record)
                articles += 1
            continue
        articles += 1
        blocks = text.strip().split("\n\n")
        if kind == "markdown":
            assert text.startswith("---\n")
            front = yaml.safe_load(text.split("---\n")[1])
            assert {"title", "source", "section", "url", "tags"} <= set(front)
            assert isinstance(front["tags"], list) and 1 <= len(front["tags"]) <= 4
            title = front["title"]
        elif kind == "scraped":
            assert re.fullmatch(r"Home>\w+", blocks[0])
            title = blocks[1]
            assert any(b.endswith("]") and " [Photo/" in b for b in blocks) or "1.jpg" not in text
        else:
            title = blocks[0]
        assert 6 <= len(title.split()) <= 12, title
    assert articles == N


def test_bodies_look_like_news(archive: tuple[Path, list[Path]]) -> None:
    _, paths = archive
    text = "\n".join(p.read_text(encoding="utf-8") for p in paths)
    assert re.search(r'[,"\u201d\u00bb] said [A-Z]\w+ [A-Z]', text)  # "...," said First Last
    assert re.search(r"\b[A-Z]\w+ said: [\"\u201c\u00ab]", text)
    words = re.findall(r"[a-z]+", text.lower())
    assert 350 <= len(words) / N <= 650
    assert len(set(words)) > 1500


def test_vocabulary_is_large_with_shared_prefixes() -> None:
    vocab = synth._vocab()
    distinct = {w.lower() for table in vocab.tables.values() for w in set(table)}
    singles = {w for w in distinct if " " not in w}
    assert len(singles) >= 3000
    prefixes = {"con": 60, "fin": 10, "pro": 40, "elect": 8, "inter": 15, "re": 120}
    for prefix, least in prefixes.items():
        assert sum(w.startswith(prefix) for w in singles) >= least, prefix
    assert {"fintech", "finance", "council", "election", "shanghai", "vaccine"} <= singles
    assert len(vocab.speakers) == 2000 == len({s.full for s in vocab.speakers})


def test_touch_changed_rewrites_exactly_count_files(
    archive: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    root = tmp_path / "touch"
    synth.generate(root, N, seed=2)
    before = _snapshot(root)
    changed = synth.touch_changed(root, 7, seed=3)
    after = _snapshot(root)
    differ = {name for name in before if before[name][0] != after[name][0]}
    assert differ == {str(p.relative_to(root)) for p in changed} and len(differ) == 7
    assert all(after[name][1] > before[name][1] for name in differ)
    assert all(after[name] == before[name] for name in before if name not in differ)
    with pytest.raises(ValueError):
        synth.touch_changed(root, 10_000, seed=3)


def test_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert synth.main([str(tmp_path / "cli"), "-n", "12", "--seed", "5"]) == 0
    assert "wrote 12 articles" in capsys.readouterr().out
    assert synth.main([str(tmp_path / "cli"), "--touch", "2"]) == 0
    assert "changed 2 files" in capsys.readouterr().out


def test_later_articles_go_to_numbered_year_folders(tmp_path: Path) -> None:
    files, lines, counts = synth._write_chunk(str(tmp_path), 1, 50, 50_010, 0.05)
    assert sum(counts.values()) - counts["undated"] == 10 == len(files) + len(lines)
    assert all(re.fullmatch(r"(\d{4}|undated)-2", Path(f).parent.name) for f in files)
