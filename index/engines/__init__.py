"""Search engines behind the :class:`index.api.backend.Backend` protocol, and how to open one.

Without a backend (no ``--backend``, no ``backend:`` nodes in config.yaml, or
``--backend local``) an archive is indexed by the embedded Whoosh engine, exactly as always;
``typesense://HOST:PORT,...`` selects a Typesense cluster. Engines load lazily: importing this
package costs nothing until an archive is opened.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from pathlib import Path

from index.api.backend import Backend
from index.pipeline.limits import DEFAULT_MAX_BYTES


def default_index_dir(archive: Path, base: Path | None = None) -> Path:
    """Where the index of ``archive`` lives: under ``base`` if given, else the data directory."""
    from index.pipeline.store import default_index_dir as in_data_home

    folder = in_data_home(archive)
    return base / folder.name if base is not None else folder


LOCAL = "local"
"""``--backend local``: the embedded index, whatever config.yaml says."""


def _uses_server(url: str | None, section: object) -> bool:
    if url is not None:
        return url.strip().lower() != LOCAL
    return isinstance(section, str) or (isinstance(section, Mapping) and "nodes" in section)


def backend_problems(section: object, config_dir: Path | None = None) -> list[str]:
    """What is wrong with config.yaml's ``backend:`` section (never repeating a key)."""
    from index.engines.typesense.errors import SettingsError
    from index.engines.typesense.secret import read_key_file
    from index.engines.typesense.settings import settings_from_config

    try:
        settings = settings_from_config(section, "backend", config_dir)
        if settings.api_key_file is not None:
            read_key_file(settings.api_key_file)
    except SettingsError as exc:
        return [str(exc)]
    return []


def open_archive(
    archive: Path,
    index_dir: Path | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    snippet_chars: int = 200,
    create: bool = True,
    backend: str | None = None,
    backend_config: object = None,
    config_dir: Path | None = None,
    procs: int | None = None,
    environ: Mapping[str, str] | None = None,
    outside_links: bool = False,
) -> Backend:
    """Open the index of ``archive`` (creating an empty one when ``create`` and missing).

    ``backend`` is the ``--backend`` URL, ``backend_config`` config.yaml's ``backend:``
    section (its relative paths taken from ``config_dir``); without either, the local index.
    ``procs`` is how many worker processes a Typesense update reads files with.
    ``outside_links`` lets updates index files that links reach outside the archive.

    Raises:
        IndexMissing: When there is no index and ``create`` is False.
        SettingsError: When the backend URL, section or API key cannot be used.
    """
    from index.pipeline.store import default_index_dir

    archive = archive.resolve()
    if _uses_server(backend, backend_config):
        from index.engines.typesense.backend import TypesenseBackend
        from index.engines.typesense.settings import load_settings

        settings = load_settings(
            backend, backend_config, os.environ if environ is None else environ, config_dir
        )
        key = hashlib.sha1(settings.url.encode()).hexdigest()[:10]
        state_dir = (index_dir or default_index_dir(archive)) / f"typesense-{key}"
        return TypesenseBackend(
            archive,
            state_dir,
            settings,
            max_bytes=max_bytes,
            snippet_chars=snippet_chars,
            procs=procs,
            create=create,
            outside_links=outside_links,
        )
    from index.engines.whoosh.backend import WhooshBackend

    return WhooshBackend(
        archive,
        index_dir or default_index_dir(archive),
        max_bytes=max_bytes,
        snippet_chars=snippet_chars,
        create=create,
        outside_links=outside_links,
    )
