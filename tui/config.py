"""User configuration: ``$XDG_CONFIG_HOME/newsdesk/config.yaml`` (or ``$NEWSDESK_CONFIG``).

Loading never fails: each problem becomes one line naming the file and the key, and the
setting falls back to its default. The file is untrusted too: its size and nesting are
bounded, and names quoted in problem lines are made safe for a terminal.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.keys import BINDING_IDS
from tui.safe import printable

DEFAULT_SNIPPET_CHARS = 200
DEFAULT_MAX_FILE_MB = 5.0
MAX_CONFIG_BYTES = 256 * 1024
"""A config file is a few kilobytes; parsing one of megabytes would cost seconds per command."""
MAX_CONFIG_NESTING = 64
"""Brackets open at once; PyYAML's scanner is quadratic in this, its composer recursive."""
_NAME_CHARS = 60
_BRACKET = re.compile(r"[\[\]{}]")

DEFAULT_CONFIG_TEXT = """\
# newsdesk configuration. Every key is optional; delete what you do not need.

# Archives you open by name: `newsdesk --archive work`, or from the command palette.
archives: {}
#  work: ~/news/work-archive
#  crawl: /srv/news/crawl-2024

# The archive opened when none is named (a name above or a path). Default: the bundled samples.
default_archive: null

# Where indexes are kept (one folder per archive inside it). Default: $XDG_DATA_HOME/newsdesk.
index_dir: null

# Colour theme (any Textual theme name, e.g. textual-dark, nord, textual-ansi).
theme: null

# Key bindings by binding id; the value is one key or several separated by commas.
keys: {}
#  quit: ctrl+q
#  next_hit: n,down

# Characters of context in search result snippets.
snippet_chars: 200

# Files larger than this many megabytes are skipped (and reported) when indexing.
max_file_mb: 5

# Feeds `newsdesk fetch` downloads (with the pages they link) when given no URL.
feeds: []
#  - https://example.com/news/rss.xml

# A shared Typesense cluster instead of the local index (--backend URL overrides the nodes;
# --backend local uses the local index). The API key comes from NEWSDESK_TYPESENSE_API_KEY
# or api_key_file (mode 0600), never from this file.
backend: null
#  nodes: [10.0.0.5:8108, 10.0.0.6:8108, 10.0.0.7:8108]
#  protocol: https
#  collection: newsdesk
#  connection_timeout: 2
#  retries: 12
#  retry_interval: 1.0
#  import_timeout: 60
#  api_key_file: ~/.config/newsdesk/typesense.key

# Index files that symbolic links reach outside the archive folder (skipped by default).
follow_outside_links: false
"""

_KEY_NAME = re.compile(r"^[A-Za-z0-9_+\-]+$")


@dataclass(frozen=True, slots=True)
class Config:
    """Settings from config.yaml, with defaults for anything missing or invalid."""

    archives: dict[str, str] = field(default_factory=dict)
    default_archive: str | None = None
    index_dir: str | None = None
    theme: str | None = None
    keys: dict[str, str] = field(default_factory=dict)
    snippet_chars: int = DEFAULT_SNIPPET_CHARS
    max_file_mb: float = DEFAULT_MAX_FILE_MB
    feeds: tuple[str, ...] = ()
    backend: Any = None
    """config.yaml's ``backend:`` section (checked), or None for the local index."""
    follow_outside_links: bool = False
    path: Path | None = None

    @property
    def max_bytes(self) -> int:
        """The file size limit in bytes."""
        return int(self.max_file_mb * 1024 * 1024)


def config_path() -> Path:
    """Where the configuration file is read from."""
    override = os.environ.get("NEWSDESK_CONFIG")
    if override:
        return Path(override).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "newsdesk" / "config.yaml"


def load_config(path: Path | None = None) -> tuple[Config, list[str]]:
    """Read and validate the configuration; returns it and one line per problem found."""
    path = path or config_path()
    where = printable(str(path))
    try:
        raw = _read_yaml(path)
    except FileNotFoundError:
        return Config(path=path), []
    except _Unusable as exc:
        return Config(path=path), [f"{where}: {exc}; using defaults"]
    if raw is None:
        return Config(path=path), []
    if not isinstance(raw, dict):
        return Config(path=path), [f"{where}: expected a mapping of settings; using defaults"]
    return _validate(raw, path, where)


class _Unusable(Exception):
    """The file cannot be read as YAML settings (the message says why)."""


def _read_yaml(path: Path) -> Any:
    try:
        with path.open("rb") as file:
            data = file.read(MAX_CONFIG_BYTES + 1)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise _Unusable(f"cannot read the file ({exc.strerror or type(exc).__name__})") from None
    if len(data) > MAX_CONFIG_BYTES:
        raise _Unusable(f"larger than {MAX_CONFIG_BYTES // 1024} KB")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _Unusable(f"cannot read the file (not UTF-8 at byte {exc.start})") from None
    if _bracket_depth(text) > MAX_CONFIG_NESTING:
        raise _Unusable("nested too deeply")
    import yaml  # only with a config file: without one a command never loads PyYAML

    loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" at line {mark.line + 1}" if mark is not None else ""
        raise _Unusable(f"not valid YAML{line}") from None
    except RecursionError:  # block nesting: the pure-Python composer recurses once per level
        raise _Unusable("nested too deeply") from None


def _bracket_depth(text: str) -> int:
    """How many brackets are open at most (counting those in quotes too: an upper bound)."""
    depth = deepest = 0
    for match in _BRACKET.finditer(text):
        depth = depth + 1 if match.group() in "[{" else max(0, depth - 1)
        deepest = max(deepest, depth)
    return deepest


def _name(value: object, limit: int = _NAME_CHARS) -> str:
    """A key, value or path from the file as it may appear in a problem line."""
    text = printable(str(value))
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _validate(raw: dict[Any, Any], path: Path, where: str) -> tuple[Config, list[str]]:
    problems: list[str] = []
    values: dict[str, Any] = {}

    def bad(key: str, why: str) -> None:
        problems.append(f"{where}: {key}: {why}; using the default")

    for key, value in raw.items():
        name = str(key)
        if value is None:
            continue
        if name == "archives":
            if not isinstance(value, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in value.items()
            ):
                bad(name, "expected a mapping of archive names to folder paths")
            else:
                values[name] = dict(value)
        elif name in {"default_archive", "index_dir", "theme"}:
            if isinstance(value, str) and value.strip():
                values[name] = value.strip()
            else:
                bad(name, "expected text")
        elif name == "keys":
            values[name] = _keys(value, where, problems)
        elif name == "snippet_chars":
            if isinstance(value, int) and not isinstance(value, bool) and 40 <= value <= 2000:
                values[name] = value
            else:
                bad(name, "expected a whole number from 40 to 2000")
        elif name == "max_file_mb":
            if isinstance(value, int | float) and not isinstance(value, bool) and 0 < value <= 4096:
                values[name] = float(value)
            else:
                bad(name, "expected a number of megabytes above 0")
        elif name == "backend":
            from index.engines import backend_problems

            found = backend_problems(value, path.parent)
            problems.extend(f"{where}: {p}; using the local index" for p in map(_name_all, found))
            if not found:
                values[name] = value
        elif name == "feeds":
            if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
                values[name] = tuple(v.strip() for v in value)
            else:
                bad(name, "expected a list of feed addresses")
        elif name == "follow_outside_links":
            if isinstance(value, bool):
                values[name] = value
            else:
                bad(name, "expected true or false")
        else:
            problems.append(f"{where}: unknown key '{_name(name)}'; ignored")
    return Config(path=path, **values), problems


def _name_all(text: str) -> str:
    return _name(text, limit=400)


def _keys(value: Any, where: str, problems: list[str]) -> dict[str, str]:
    if not isinstance(value, dict):
        problems.append(f"{where}: keys: expected a mapping of binding ids to keys; using defaults")
        return {}
    keys: dict[str, str] = {}
    for binding, key in value.items():
        if binding not in BINDING_IDS:
            known = ", ".join(sorted(BINDING_IDS))
            problems.append(f"{where}: keys.{_name(binding)}: unknown binding id (known: {known})")
        elif not isinstance(key, str) or not all(
            _KEY_NAME.match(k.strip()) for k in key.split(",")
        ):
            problems.append(f"{where}: keys.{binding}: expected a key name such as ctrl+q")
        else:
            keys[str(binding)] = ",".join(k.strip() for k in key.split(","))
    return keys


def write_default_config(path: Path | None = None, *, force: bool = False) -> Path:
    """Write the commented default configuration; refuses to overwrite unless ``force``."""
    path = path or config_path()
    if path.exists() and not force:
        raise FileExistsError(f"{path} already exists (use --force to overwrite it)")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(DEFAULT_CONFIG_TEXT, encoding="utf-8")
    return path


def save_setting(key: str, value: str, path: Path | None = None) -> None:
    """Set one top-level scalar setting in config.yaml, keeping the rest of the file as is."""
    path = path or config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = DEFAULT_CONFIG_TEXT
    import yaml

    line = f"{key}: {yaml.safe_dump(value, default_style=None).splitlines()[0]}"
    pattern = re.compile(rf"^{re.escape(key)}:.*$", re.MULTILINE)
    text = pattern.sub(line, text, count=1) if pattern.search(text) else text + f"\n{line}\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(path.name + ".tmp")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


def bundled_sample_data() -> Path:
    """The sample archive shipped with newsdesk (in a checkout, or installed data files)."""
    checkout = Path(__file__).resolve().parent.parent / "sample_data"
    if checkout.is_dir():
        return checkout
    return Path(sys.prefix) / "share" / "newsdesk" / "sample_data"


def resolve_archive(name_or_path: str | None, config: Config) -> Path:
    """The archive folder for a configured name, a path, or (None) the default archive."""
    choice = name_or_path or config.default_archive
    if choice is None:
        return bundled_sample_data()
    if choice in config.archives:
        choice = config.archives[choice]
    return Path(choice).expanduser().resolve()


def engine_options(config: Config, backend: str | None) -> dict[str, Any]:
    """What ``open_archive`` needs to pick the engine: ``--backend`` and ``backend:``."""
    folder = config.path.parent if config.path is not None else None
    return {"backend": backend, "backend_config": config.backend, "config_dir": folder}


def resolve_index_dir(archive: Path, explicit: str | None, config: Config) -> Path | None:
    """The index folder: ``--index-dir``, else one inside the configured index_dir, else None."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    if config.index_dir:
        from index.engines import default_index_dir

        return default_index_dir(archive, Path(config.index_dir).expanduser().resolve())
    return None
