"""A hostile config.yaml (huge, nested without end) costs one line, never a crash or a stall."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tui.config import MAX_CONFIG_BYTES, config_path, load_config

DEEP_FLOW = "theme: " + "[" * 50_000 + "]" * 50_000 + "\n"


def write_config(text: str) -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def deep_blocks(levels: int) -> str:
    """A mapping nested ``levels`` deep in block style (one key per line, one more space)."""
    return "".join(" " * level + f"k{level}:\n" for level in range(levels)) + " " * levels + "v\n"


def test_config_over_the_size_limit_is_one_line_naming_the_file() -> None:
    path = write_config("theme: nord\n" + "# padding\n" * (MAX_CONFIG_BYTES // 10 + 1))
    config, problems = load_config(path)
    assert problems == [f"{path}: larger than 256 KB; using defaults"]
    assert config.theme is None


def test_config_just_under_the_size_limit_is_read() -> None:
    path = write_config("theme: nord\n" + "# padding\n" * ((MAX_CONFIG_BYTES - 20) // 10))
    config, problems = load_config(path)
    assert problems == [] and config.theme == "nord"


def test_config_nested_50k_deep_is_one_line() -> None:
    path = write_config(DEEP_FLOW)
    config, problems = load_config(path)
    assert problems == [f"{path}: nested too deeply; using defaults"]
    assert config.theme is None


def test_config_nested_a_little_is_still_read() -> None:
    path = write_config("archives: {work: /srv/news}\nkeys: {quit: 'ctrl+q'}\n")
    config, problems = load_config(path)
    assert problems == [] and config.archives == {"work": "/srv/news"}


def test_deep_block_nesting_without_libyaml_is_one_line(tmp_path: Path) -> None:
    """PyYAML's own loader recurses once per level of indentation: 600 levels fit in 256 KB."""
    path = tmp_path / "config.yaml"
    path.write_text(deep_blocks(600), encoding="utf-8")
    script = (
        "import sys, yaml\n"
        "del yaml.CSafeLoader  # as on a PyYAML built without LibYAML\n"
        "from pathlib import Path\n"
        "from tui.config import load_config\n"
        "print(load_config(Path(sys.argv[1]))[1])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == repr([f"{path}: nested too deeply; using defaults"])


def test_every_command_still_runs_with_a_deep_config(tmp_path: Path) -> None:
    write_config(DEEP_FLOW)
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "a.txt").write_text("Harbour\n\nThe harbour reopens.\n")
    done = subprocess.run(
        [sys.executable, "-m", "tui.cli", "search", "harbour", "--archive", str(archive)],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert (
        done.stderr.strip()
        == f"newsdesk: config: {config_path()}: nested too deeply; using defaults"
    )
    assert "1 result" in done.stdout
