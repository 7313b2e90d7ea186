"""The architecture holds: index/ never imports Textual, only index/engines/whoosh imports
Whoosh."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize(("package", "forbidden"), [("index", "textual"), ("tui", "whoosh")])
def test_layer_imports(package: str, forbidden: str) -> None:
    offenders = [
        str(path.relative_to(REPO))
        for path in sorted((REPO / package).rglob("*.py"))
        if forbidden in imported_modules(path)
    ]
    assert offenders == []


def test_only_the_whoosh_engine_imports_whoosh() -> None:
    """Other engines and the shared analysis reach Whoosh's rules only through our own code."""
    engine = REPO / "index" / "engines" / "whoosh"
    offenders = [
        str(path.relative_to(REPO))
        for path in sorted((REPO / "index").rglob("*.py"))
        if engine not in path.parents and "whoosh" in imported_modules(path)
    ]
    assert offenders == []


def test_import_finder_sees_nested_imports(tmp_path: Path) -> None:
    sample = tmp_path / "m.py"
    sample.write_text("def f():\n    from textual.app import App\n    import whoosh.query\n")
    assert imported_modules(sample) == {"textual", "whoosh"}


def test_import_contracts_hold() -> None:
    """The layers declared in pyproject.toml (import-linter): arrows only point down."""
    import shutil
    import subprocess

    linter = shutil.which("lint-imports")
    assert linter is not None, "lint-imports is part of the test extra"
    done = subprocess.run([linter], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout[-3000:]
