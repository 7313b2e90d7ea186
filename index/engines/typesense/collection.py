"""The collection behind the name users give: an alias, switched when a rebuild is complete.

``--backend typesense://...?collection=news`` names an alias; the documents live in
``news--v1q3--4`` (schema version 1, quote extractor version 3, generation 4). A collection of
another schema or extractor version is rebuilt: its records hold the speakers and quotes the
extractor found. Searches use the alias. A first build or a
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
from index.quotes import version as quotes_version

PENDING_NAME = "pending"


@dataclass(frozen=True, slots=True)
class Target:
    """The collection an update writes: ``fresh`` when it is new (searches do not see it yet)."""

    name: str
    fresh: bool
    previous: str | None


def versions() -> str:
    """The schema and quote extractor versions a collection is built with (``v1q3``)."""
    return f"v{SCHEMA_VERSION}q{quotes_version.EXTRACTOR_VERSION}"


def real_name(alias: str, generation: int) -> str:
    """The name of generation ``generation`` of ``alias``."""
    return f"{alias}--{versions()}--{generation}"


def _generation(alias: str, name: str) -> tuple[str, int] | None:
    """``(versions, generation)`` of a collection behind ``alias`` (``v1`` before extractor
    versions were named), or None for another collection."""
    match = re.fullmatch(re.escape(alias) + r"--(v\d+(?:q\d+)?)--(\d+)", name)
    return (match.group(1), int(match.group(2))) if match else None


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
    current_versions = versions()
    if pending is not None and pending in names and pending != live:
        building = _generation(alias, pending)
        if building is not None and building[0] == current_versions:
            return Target(pending, True, live)
        _drop(write, client, pending)  # (half built by another version: of no more use)
    parsed = _generation(alias, live) if live else None
    if live is not None and not rebuild and parsed is not None and parsed[0] == current_versions:
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
    write(lambda: client.aliases.upsert(alias, {"collection_name": target.name}))
    if target.previous is not None and target.previous != target.name:
        _drop(write, client, target.previous)
    (state_dir / PENDING_NAME).unlink(missing_ok=True)


def _drop(write: calls.Writes, client: Any, name: str) -> None:
    """Delete collection ``name`` (already gone is fine)."""
    from typesense.exceptions import ObjectNotFound

    def drop() -> None:
        with contextlib.suppress(ObjectNotFound):  # (a retried delete that had been done)
            client.collections[name].delete()

    write(drop)


def _pending(state_dir: Path) -> str | None:
    try:
        return (state_dir / PENDING_NAME).read_text(encoding="utf-8").strip() or None
    except OSError:
        return None
