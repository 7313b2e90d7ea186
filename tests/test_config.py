"""config.yaml: defaults, validation messages, --init/--check, archives by name."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from tests.in_process import Done
from tests.in_process import run as run_cli
from tui.config import (
    DEFAULT_CONFIG_TEXT,
    Config,
    config_path,
    load_config,
    resolve_archive,
    resolve_index_dir,
    save_setting,
    write_default_config,
)


def write_config(text: str) -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_location_follows_xdg_and_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert config_path() == Path(os.environ["XDG_CONFIG_HOME"]) / "newsdesk" / "config.yaml"
    monkeypatch.setenv("NEWSDESK_CONFIG", str(tmp_path / "mine.yaml"))
    assert config_path() == tmp_path / "mine.yaml"


def test_missing_file_means_defaults() -> None:
    config, problems = load_config()
    assert problems == [] and config.snippet_chars == 200 and config.max_bytes == 5 * 1024 * 1024


def test_default_file_is_valid_and_documented() -> None:
    path = write_default_config()
    config, problems = load_config(path)
    assert problems == []
    assert config == Config(path=path)
    assert yaml.safe_load(DEFAULT_CONFIG_TEXT)["snippet_chars"] == 200
    with pytest.raises(FileExistsError):
        write_default_config()


def test_valid_settings_are_read(tmp_path: Path) -> None:
    path = write_config(
        f"archives:\n  work: {tmp_path}\ndefault_archive: work\ntheme: nord\n"
        "keys:\n  quit: ctrl+q\n  next_hit: n,down\nsnippet_chars: 120\nmax_file_mb: 1.5\n"
    )
    config, problems = load_config(path)
    assert problems == []
    assert config.archives == {"work": str(tmp_path)} and config.theme == "nord"
    assert config.keys == {"quit": "ctrl+q", "next_hit": "n,down"}
    assert config.snippet_chars == 120 and config.max_bytes == int(1.5 * 1024 * 1024)
    assert resolve_archive(None, config) == tmp_path.resolve()
    assert resolve_archive("work", config) == tmp_path.resolve()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("colour: blue\n", "unknown key 'colour'"),
        ("snippet_chars: lots\n", "snippet_chars: expected a whole number"),
        ("snippet_chars: 5\n", "snippet_chars: expected a whole number"),
        ("max_file_mb: -1\n", "max_file_mb: expected a number of megabytes"),
        ("archives: [a, b]\n", "archives: expected a mapping"),
        ("theme: [dark]\n", "theme: expected text"),
        ("keys:\n  fly: x\n", "keys.fly: unknown binding id"),
        ("keys:\n  quit: 'ctrl q!'\n", "keys.quit: expected a key name"),
        ("keys: quit\n", "keys: expected a mapping"),
        ("- just\n- a list\n", "expected a mapping of settings"),
        ("snippet_chars: [unclosed\n", "not valid YAML at line"),
        ("theme: !!python/object/apply:os.system ['true']\n", "not valid YAML"),
    ],
)
def test_each_bad_setting_gives_one_line_naming_file_and_key(text: str, expected: str) -> None:
    path = write_config(text)
    config, problems = load_config(path)
    assert len(problems) == 1
    assert problems[0].startswith(str(path)) and expected in problems[0]
    assert "\n" not in problems[0]
    assert config.snippet_chars == 200  # defaults stay in force


def test_one_bad_key_keeps_the_good_ones() -> None:
    path = write_config("theme: nord\nsnippet_chars: nope\nmax_file_mb: 2\n")
    config, problems = load_config(path)
    assert len(problems) == 1 and config.theme == "nord" and config.max_file_mb == 2.0


def test_save_setting_keeps_comments() -> None:
    path = write_default_config()
    save_setting("theme", "nord")
    text = path.read_text()
    assert "theme: nord" in text and "# Colour theme" in text
    assert load_config(path)[0].theme == "nord"
    save_setting("theme", "textual-dark")
    assert load_config(path)[0].theme == "textual-dark" and text.count("theme:") == 1


def test_index_dir_setting_places_indexes_per_archive(tmp_path: Path) -> None:
    config = Config(index_dir=str(tmp_path / "indexes"))
    first = resolve_index_dir(tmp_path / "a", None, config)
    second = resolve_index_dir(tmp_path / "b", None, config)
    assert first is not None and second is not None and first != second
    assert first.parent == tmp_path / "indexes"
    assert resolve_index_dir(tmp_path / "a", str(tmp_path / "x"), config) == tmp_path / "x"


def test_config_command_init_and_check() -> None:
    def run(*args: str) -> Done:
        return run_cli("config", *args)

    assert "no configuration file" in run("--check").stdout
    assert run("--init").returncode == 0 and config_path().is_file()
    assert run("--init").returncode == 1
    assert run("--check").stdout.strip().endswith("OK")
    write_config("snippet_chars: 3\nbogus: 1\n")
    done = run("--check")
    assert done.returncode == 1 and len(done.stderr.strip().splitlines()) == 2
