"""Search engines behind the :class:`index.api.backend.Backend` protocol, and how to open one.

Engines load lazily: importing this package costs nothing until an archive is opened.
"""

from __future__ import annotations

from pathlib import Path

from index.api.backend import Backend
from index.pipeline.read import DEFAULT_MAX_BYTES


def default_index_dir(archive: Path, base: Path | None = None) -> Path:
    """Where the index of ``archive`` lives: under ``base`` if given, else the data directory."""
    from index.pipeline.store import default_index_dir as in_data_home

    folder = in_data_home(archive)
    return base / folder.name if base is not None else folder


def open_archive(
    archive: Path,
    index_dir: Path | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    snippet_chars: int = 200,
    create: bool = True,
) -> Backend:
    """Open the index of ``archive`` (creating an empty one when ``create`` and missing).

    Raises:
        IndexMissing: When there is no index and ``create`` is False.
    """
    from index.engines.whoosh.backend import WhooshBackend
    from index.pipeline.store import default_index_dir

    archive = archive.resolve()
    return WhooshBackend(
        archive,
        index_dir or default_index_dir(archive),
        max_bytes=max_bytes,
        snippet_chars=snippet_chars,
        create=create,
    )
