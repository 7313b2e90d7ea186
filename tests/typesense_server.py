"""Fixtures that run real Typesense servers from the ``cluster`` extra's wheel, in tmp folders.

A single node and a 3-node cluster each start once per test session (a cluster needs ~12 s
to elect its leader) and are stopped at the end, failed tests or not. Without the wheel the
tests that need a server are skipped, except in CI (``$CI`` set), where they fail.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from index.engines.typesense import server
from index.engines.typesense.binary import server_binary
from index.engines.typesense.client import build_client
from index.engines.typesense.errors import ServerMissing
from index.engines.typesense.layout import LocalCluster
from index.engines.typesense.secret import ApiKey
from index.engines.typesense.settings import TypesenseSettings, parse_backend_url

if TYPE_CHECKING:
    import typesense


@dataclass(frozen=True)
class RunningCluster:
    """A started local cluster, its admin key and settings that reach every node."""

    cluster: LocalCluster
    key: ApiKey

    def settings(self, first: int | None = None, *, alone: bool = False) -> TypesenseSettings:
        """Settings with the admin key; node ``first`` (a number) listed first, or ``alone``."""
        nodes = sorted(self.cluster.nodes, key=lambda node: node.number != first)
        url = "typesense://" + ",".join(node.address for node in nodes[: 1 if alone else None])
        return replace(parse_backend_url(url), api_key=self.key)

    def client(self, first: int | None = None, *, alone: bool = False) -> typesense.Client:
        """An admin client for every node (node ``first`` tried first), or ``alone``."""
        return build_client(self.settings(first, alone=alone))


def require_server(environ: Mapping[str, str]) -> Path:
    """The server binary; skips without it, or fails when ``environ`` says this is CI."""
    try:
        return server_binary()
    except ServerMissing as exc:
        if environ.get("CI"):
            pytest.fail(f"CI must run the Typesense tests: {exc}")
        pytest.skip(str(exc))


@pytest.fixture(scope="session")
def typesense_binary() -> Path:
    """The Typesense server binary (skip or CI failure without it)."""
    return require_server(os.environ)


def _running(factory: pytest.TempPathFactory, nodes: int) -> Iterator[RunningCluster]:
    directory = factory.mktemp(f"typesense-{nodes}") / "cluster"
    cluster = server.start_cluster(directory, nodes)  # stops what it started if it fails
    try:
        yield RunningCluster(cluster, server.admin_key(cluster))
    finally:
        server.stop_cluster(directory)


@pytest.fixture(scope="session")
def typesense_node(
    tmp_path_factory: pytest.TempPathFactory, typesense_binary: Path
) -> Iterator[RunningCluster]:
    """One Typesense node, shared by the session."""
    yield from _running(tmp_path_factory, 1)


@pytest.fixture(scope="session")
def _typesense_cluster_session(
    tmp_path_factory: pytest.TempPathFactory, typesense_binary: Path
) -> Iterator[RunningCluster]:
    yield from _running(tmp_path_factory, 3)


@pytest.fixture
def typesense_cluster(_typesense_cluster_session: RunningCluster) -> RunningCluster:
    """A 3-node cluster, shared by the session; nodes a test killed are back before the next."""
    running = _typesense_cluster_session
    for node in running.cluster.nodes:
        if server.node_pid(running.cluster, node) is None:
            server.restart_node(running.cluster, node.number)
    return running
