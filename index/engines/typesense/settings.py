"""How to reach a Typesense cluster: ``--backend typesense://...``, ``backend:`` in config.yaml.

URL forms: ``typesense://HOST:PORT[,HOST:PORT...]`` (http), ``typesenses://...`` (https), each
with an optional ``?collection=NAME``. The config section holds the same and the client's
tuning::

    backend:
      nodes: [10.0.0.5:8108, 10.0.0.6:8108, 10.0.0.7:8108]   # or "h:p,h:p"
      protocol: https
      collection: news
      connection_timeout: 2      # seconds per connection attempt and read
      retries: 12                # retries x retry_interval must outlast a leader
      retry_interval: 1.0        #   election (about 8 s measured on 0.24.1)
      import_timeout: 60         # seconds, for batch imports
      api_key_file: ~/.config/newsdesk/typesense.key    # mode 0600

The API key comes from ``NEWSDESK_TYPESENSE_API_KEY`` or ``api_key_file``; it is never part of
a URL, the config file, a message or a repr.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qsl, urlsplit

from index.engines.typesense.errors import SettingsError
from index.engines.typesense.secret import ApiKey, read_key_file

API_KEY_ENV = "NEWSDESK_TYPESENSE_API_KEY"
DEFAULT_COLLECTION = "newsdesk"
SCHEMES: dict[str, Literal["http", "https"]] = {"typesense": "http", "typesenses": "https"}

# Measured on 0.24.1 (SIGKILL of the leader under load): 12 x 1.0 s lost no write and no read;
# 6 x 0.5 s lost two writes. An election takes about 8 s.
LEADER_ELECTION_SECONDS = 8.0
DEFAULT_CONNECTION_TIMEOUT = 2.0
DEFAULT_RETRIES = 12
DEFAULT_RETRY_INTERVAL = 1.0
DEFAULT_IMPORT_TIMEOUT = 60.0

# One DNS label; a host name is labels joined by dots (no nested quantifier: no backtracking).
_LABEL = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")
_IPV6 = re.compile(r"^\[[0-9A-Fa-f:.]+\]$")
_COLLECTION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


@dataclass(frozen=True, slots=True)
class NodeAddress:
    """One Typesense node: host (an IPv6 address without brackets) and API port."""

    host: str
    port: int

    def __str__(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"


@dataclass(frozen=True, slots=True)
class TypesenseSettings:
    """Everything needed to reach one collection; ``repr`` hides the key (see :class:`ApiKey`)."""

    nodes: tuple[NodeAddress, ...] = ()
    protocol: Literal["http", "https"] = "http"
    collection: str = DEFAULT_COLLECTION
    connection_timeout: float = DEFAULT_CONNECTION_TIMEOUT
    retries: int = DEFAULT_RETRIES
    retry_interval: float = DEFAULT_RETRY_INTERVAL
    import_timeout: float = DEFAULT_IMPORT_TIMEOUT
    api_key_file: Path | None = None
    api_key: ApiKey | None = None

    @property
    def url(self) -> str:
        """The backend URL these settings stand for (never with a key)."""
        scheme = "typesenses" if self.protocol == "https" else "typesense"
        query = "" if self.collection == DEFAULT_COLLECTION else f"?collection={self.collection}"
        return f"{scheme}://{','.join(str(n) for n in self.nodes)}{query}"


def parse_node(text: str, where: str) -> NodeAddress:
    """``HOST:PORT`` (``[IPv6]:PORT`` too); ``where`` starts the error message."""
    host, sep, port_text = text.strip().rpartition(":")
    if not sep or not host:
        raise SettingsError(f"{where}: {text.strip()!r} is not HOST:PORT")
    if not (_IPV6.match(host) or all(_LABEL.match(label) for label in host.split("."))):
        raise SettingsError(f"{where}: {host!r} is not a host name or address")
    if not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
        raise SettingsError(f"{where}: port {port_text!r} is not a number from 1 to 65535")
    return NodeAddress(host.strip("[]"), int(port_text))


def _parse_nodes(texts: list[str], where: str) -> tuple[NodeAddress, ...]:
    nodes = tuple(parse_node(text, where) for text in texts)
    if not nodes:
        raise SettingsError(f"{where}: no nodes")
    if len(set(nodes)) != len(nodes):
        raise SettingsError(f"{where}: a node is listed twice")
    return nodes


def _check_collection(name: str, where: str) -> str:
    if not _COLLECTION.match(name):
        raise SettingsError(
            f"{where}: collection {name!r} must be 1-64 letters, digits, '_', '-' or '.'"
        )
    return name


def parse_backend_url(url: str) -> TypesenseSettings:
    """Settings from ``typesense[s]://HOST:PORT[,HOST:PORT...][?collection=NAME]``."""
    scheme, sep, rest = url.strip().partition("://")
    if not sep or scheme.lower() not in SCHEMES:
        raise SettingsError(
            "--backend: expected typesense://HOST:PORT[,HOST:PORT...] (or typesenses:// for https)"
        )
    parts = urlsplit("x://" + rest)
    if "@" in parts.netloc:
        # Never echo this URL: what stands before '@' is likely a key.
        raise SettingsError(
            f"--backend: no credentials in the URL; use {API_KEY_ENV} or api_key_file"
        )
    if parts.path not in ("", "/") or parts.fragment:
        raise SettingsError("--backend: only ?collection=NAME may follow the nodes")
    nodes = _parse_nodes(parts.netloc.split(","), "--backend")
    collection = DEFAULT_COLLECTION
    for name, value in parse_qsl(parts.query, keep_blank_values=True):
        if name != "collection":
            raise SettingsError(f"--backend: unknown parameter {name!r} (only collection=NAME)")
        collection = _check_collection(value, "--backend")
    return TypesenseSettings(nodes, SCHEMES[scheme.lower()], collection)


def _number(value: Any, where: str, low: float, high: float, *, whole: bool = False) -> float:
    numeric = isinstance(value, int) or (isinstance(value, float) and not whole)
    if isinstance(value, bool) or not numeric or not low <= value <= high:
        kind = "a whole number" if whole else "a number"
        raise SettingsError(f"{where}: expected {kind} from {low:g} to {high:g}")
    return float(value)


def settings_from_config(
    section: Any, where: str = "backend", base_dir: Path | None = None
) -> TypesenseSettings:
    """Settings from config.yaml's ``backend:`` section (a mapping or a backend URL).

    ``where`` names the section in messages; a relative ``api_key_file`` is taken from
    ``base_dir`` (the config file's folder).
    """
    if isinstance(section, str):
        return parse_backend_url(section)
    if not isinstance(section, Mapping):
        raise SettingsError(f"{where}: expected a mapping of settings or a typesense:// URL")
    settings = TypesenseSettings()
    values: dict[str, Any] = {}
    for key, value in section.items():
        name, at = str(key), f"{where}.{key}"
        if name == "nodes":
            texts = value.split(",") if isinstance(value, str) else value
            if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
                raise SettingsError(f"{at}: expected a list of HOST:PORT")
            values["nodes"] = _parse_nodes(texts, at)
        elif name == "protocol":
            if value not in ("http", "https"):
                raise SettingsError(f"{at}: expected http or https")
            values["protocol"] = value
        elif name == "collection":
            values["collection"] = _check_collection(str(value), at)
        elif name == "connection_timeout":
            values[name] = float(_number(value, at, 0.1, 600))
        elif name == "retries":
            values[name] = int(_number(value, at, 0, 100, whole=True))
        elif name == "retry_interval":
            values[name] = float(_number(value, at, 0.01, 60))
        elif name == "import_timeout":
            values[name] = float(_number(value, at, 1, 3600))
        elif name == "api_key_file":
            if not isinstance(value, str) or not value.strip():
                raise SettingsError(f"{at}: expected the path of a file")
            path = Path(value.strip()).expanduser()
            values[name] = path if path.is_absolute() or base_dir is None else base_dir / path
        elif name in ("api_key", "key"):
            # The value is never repeated: it is a key written where keys must not be.
            raise SettingsError(
                f"{at}: keys are not kept in config.yaml; use api_key_file (mode 0600) "
                f"or {API_KEY_ENV}"
            )
        else:
            raise SettingsError(f"{at}: unknown setting")
    return replace(settings, **values)


def with_api_key(settings: TypesenseSettings, environ: Mapping[str, str]) -> TypesenseSettings:
    """``settings`` with the key from ``$NEWSDESK_TYPESENSE_API_KEY``, else ``api_key_file``."""
    text = environ.get(API_KEY_ENV, "").strip()
    if text:
        try:
            return replace(settings, api_key=ApiKey(text))
        except SettingsError as exc:
            raise SettingsError(f"{API_KEY_ENV}: {exc}") from None
    if settings.api_key_file is not None:
        return replace(settings, api_key=read_key_file(settings.api_key_file))
    raise SettingsError(
        f"no Typesense API key: set {API_KEY_ENV} or backend.api_key_file in config.yaml"
    )


def load_settings(
    url: str | None,
    section: Any,
    environ: Mapping[str, str],
    base_dir: Path | None = None,
) -> TypesenseSettings:
    """The settings in force: the config section, its nodes replaced by ``url``, with the key."""
    settings = (
        TypesenseSettings()
        if section is None
        else settings_from_config(section, "backend", base_dir)
    )
    if url is not None:
        target = parse_backend_url(url)
        settings = replace(
            settings, nodes=target.nodes, protocol=target.protocol, collection=target.collection
        )
    if not settings.nodes:
        raise SettingsError(
            "no Typesense nodes: give --backend typesense://HOST:PORT or backend.nodes"
        )
    return with_api_key(settings, environ)
