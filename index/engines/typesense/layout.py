"""Where a local cluster lives: its folder, nodes and ports, kept in ``DIR/cluster.json``.

::

    DIR/cluster.json      nodes and ports (written once; a restart reuses them)
    DIR/admin.key         the admin API key, mode 0600
    DIR/nodes.txt         the Raft peer list (clusters of more than one node)
    DIR/node-N.pid        the pid of node N while it runs
    DIR/node-N/data       its data; DIR/node-N/log its log; DIR/node-N/server.out its output
"""

from __future__ import annotations

import errno
import json
import socket
from dataclasses import dataclass
from pathlib import Path

from index.engines.typesense.errors import ClusterError

HOST = "127.0.0.1"
STATE_FILE = "cluster.json"
KEY_FILE = "admin.key"
NODES_FILE = "nodes.txt"
_FORMAT = 1


@dataclass(frozen=True, slots=True)
class LocalNode:
    """One node of a local cluster: its number (from 1) and its two ports on 127.0.0.1."""

    number: int
    api_port: int
    peering_port: int

    @property
    def address(self) -> str:
        """``127.0.0.1:API_PORT``, as in the backend URL."""
        return f"{HOST}:{self.api_port}"


@dataclass(frozen=True, slots=True)
class LocalCluster:
    """A local cluster's folder and nodes (whether or not it is running now)."""

    directory: Path
    nodes: tuple[LocalNode, ...]

    @property
    def key_file(self) -> Path:
        """The admin key's file (mode 0600)."""
        return self.directory / KEY_FILE

    @property
    def backend_url(self) -> str:
        """The ``--backend`` URL that reaches every node."""
        return "typesense://" + ",".join(node.address for node in self.nodes)

    def node(self, number: int) -> LocalNode:
        """Node ``number`` (from 1)."""
        for node in self.nodes:
            if node.number == number:
                return node
        raise ClusterError(f"{self.directory}: the cluster has no node {number}")

    def node_dir(self, node: LocalNode) -> Path:
        """The folder of one node's data, log and output."""
        return self.directory / f"node-{node.number}"

    def data_dir(self, node: LocalNode) -> Path:
        """One node's data folder (also what marks its process as ours)."""
        return self.node_dir(node) / "data"

    def pid_file(self, node: LocalNode) -> Path:
        """Where one node's pid is kept while it runs."""
        return self.directory / f"node-{node.number}.pid"

    def peers_line(self) -> str:
        """The ``--nodes`` file's text: ``ip:peering_port:api_port`` for every node."""
        return ",".join(f"{HOST}:{n.peering_port}:{n.api_port}" for n in self.nodes)


def is_cluster_dir(directory: Path) -> bool:
    """Whether ``directory`` holds a local cluster's state file."""
    return (directory / STATE_FILE).is_file()


def load_layout(directory: Path) -> LocalCluster:
    """The cluster kept in ``directory``; :class:`ClusterError` when there is none."""
    path = directory / STATE_FILE
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        nodes = tuple(
            LocalNode(int(item["number"]), int(item["api_port"]), int(item["peering_port"]))
            for item in raw["nodes"]
        )
    except FileNotFoundError:
        raise ClusterError(f"{directory}: no cluster here (newsdesk cluster start)") from None
    except (OSError, ValueError, TypeError, KeyError):
        raise ClusterError(f"{path}: not a readable cluster state file") from None
    if not nodes:
        raise ClusterError(f"{path}: the cluster has no nodes")
    return LocalCluster(directory, nodes)


def save_layout(cluster: LocalCluster) -> None:
    """Write ``cluster.json``."""
    nodes = [
        {"number": n.number, "api_port": n.api_port, "peering_port": n.peering_port}
        for n in cluster.nodes
    ]
    text = json.dumps({"format": _FORMAT, "nodes": nodes}, indent=2) + "\n"
    (cluster.directory / STATE_FILE).write_text(text, encoding="utf-8")


def new_layout(directory: Path, count: int, first_port: int | None) -> LocalCluster:
    """Ports for ``count`` nodes: API ports from ``first_port`` up, then the peering ports.

    Without ``first_port`` the system picks free ports.
    """
    if first_port is None:
        ports = _free_ports(2 * count)
    else:
        if not 1024 <= first_port <= 65536 - 2 * count:
            raise ClusterError(f"--port {first_port}: needs {2 * count} ports from 1024 to 65535")
        ports = list(range(first_port, first_port + 2 * count))
    nodes = tuple(LocalNode(i + 1, ports[i], ports[count + i]) for i in range(count))
    return LocalCluster(directory, nodes)


def _free_ports(count: int) -> list[int]:
    # All sockets stay open until every port is picked, so the ports differ.
    sockets = [socket.socket(socket.AF_INET, socket.SOCK_STREAM) for _ in range(count)]
    try:
        for sock in sockets:
            sock.bind((HOST, 0))
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def check_ports_free(cluster: LocalCluster) -> None:
    """Raise :class:`ClusterError` naming the first port something else listens on."""
    for node in cluster.nodes:
        for port in (node.api_port, node.peering_port):
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
                # As the server does: a port left in TIME_WAIT by a stopped node is free.
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                try:
                    sock.bind((HOST, port))
                except OSError as exc:
                    if exc.errno != errno.EADDRINUSE:
                        raise
                    raise ClusterError(
                        f"{HOST}:{port} is busy (node {node.number}); stop what uses it, "
                        "or start with another --port or --dir"
                    ) from None
