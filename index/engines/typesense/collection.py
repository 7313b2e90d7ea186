"""The collection behind the name users give: an alias, switched when a rebuild is complete.

``--backend typesense://...?collection=news`` names an alias; the documents live in
``news--v1--3`` (schema version 1, generation 3). Searches use the alias. A first build or a
rebuild fills a new generation while searches go on against the old one, then points the
alias at it and drops the old one. A build killed half-way is remembered locally (``pending``)
and the next update carries on filling the same collection.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from index.engines.typesense import calls
from index.engines.typesense.schema import SCHEMA_VERSION, collection_schema
from index.pipeline.store import atomic_write

PENDING_NAME = "pending"


@dataclass(frozen=True, slots=True)
class Target:
    """The collection an update writes: ``fresh`` when it is new (searches do not see it yet)."""

    name: str
    fresh: bool
    previous: str | None


def real_name(alias: str, generation: int) -> str:
    """The name of generation ``generation`` of ``alias``."""
    return f"{alias}--v{SCHEMA_VERSION}--{generation}"


def _generation(alias: str, name: str) -> tuple[int, int] | None:
    match = re.fullmatch(re.escape(alias) + r"--v(\d+)--(\d+)", name)
    return (int(match.group(1)), int(match.group(2))) if match else None


def current(write: calls.Writes, client: Any, alias: str) -> str | None:
    """The collection ``alias`` points at, or None when there is no such alias."""
    from typesense.exceptions import ObjectNotFound

    def get() -> str | None:
        try:
            return str(client.aliases[alias].retrieve()["collection_name"])
        except ObjectNotFound:
            return None

    return write(get)


def choose_target(
    write: calls.Writes, client: Any, alias: str, state_dir: Path, rebuild: bool
) -> Target:
    """Where this update writes: the live collection, a pending build, or a new generation."""
    from typesense.exceptions import ObjectAlreadyExists

    live = current(write, client, alias)
    pending = _pending(state_dir)
    names = write(lambda: {str(c["name"]) for c in client.collections.retrieve()})
    if pending is not None and pending in names and pending != live:
        return Target(pending, True, live)
    parsed = _generation(alias, live) if live else None
    if live is not None and not rebuild and parsed is not None and parsed[0] == SCHEMA_VERSION:
        return Target(live, False, live)
    generations = [g for n in names if (g := _generation(alias, n)) is not None]
    name = real_name(alias, max((g for _, g in generations), default=0) + 1)

    def create() -> None:
        with contextlib.suppress(ObjectAlreadyExists):  # a retried create that had been stored
            client.collections.create(collection_schema(name))

    write(create)
    state_dir.mkdir(parents=True, exist_ok=True)
    atomic_write(state_dir / PENDING_NAME, name + "\n")
    return Target(name, True, live)


def publish(write: calls.Writes, client: Any, alias: str, target: Target, state_dir: Path) -> None:
    """Point ``alias`` at a freshly built collection and drop the one it replaces."""
    from typesense.exceptions import ObjectNotFound

    def drop(name: str) -> None:
        with contextlib.suppress(ObjectNotFound):  # (a retried delete that had been done)
            client.collections[name].delete()

    write(lambda: client.aliases.upsert(alias, {"collection_name": target.name}))
    if target.previous is not None and target.previous != target.name:
        previous = target.previous
        write(lambda: drop(previous))
    (state_dir / PENDING_NAME).unlink(missing_ok=True)


def _pending(state_dir: Path) -> str | None:
    try:
        return (state_dir / PENDING_NAME).read_text(encoding="utf-8").strip() or None
    except OSError:
        return None
