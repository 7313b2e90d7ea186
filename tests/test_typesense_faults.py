"""Faults on a real 3-node cluster: the leader killed while indexing, a majority lost, no node."""

from __future__ import annotations

import json
import signal
import socket
import threading
import time
import uuid
from pathlib import Path

import pytest

from index.api.errors import IndexUnavailable
from index.api.records import Progress, SearchRequest, UpdateReport
from index.engines import open_archive
from index.engines.typesense import indexing, server
from index.engines.typesense.settings import API_KEY_ENV
from tests.typesense_archives import backend_url, typesense_backend, write_archive
from tests.typesense_server import RunningCluster
from tui.cli import main

ANSWER_AGAIN_SECONDS = 10.0


def test_killing_the_leader_while_indexing_loses_no_article_and_searches_go_on(
    tmp_path: Path, typesense_cluster: RunningCluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(indexing, "BATCH_DOCUMENTS", 20)  # many writes, some after the kill
    cluster = typesense_cluster.cluster
    leader = server.find_leader(cluster)
    assert leader is not None
    archive = write_archive(tmp_path / "archive", 10)
    # The leader is listed first: the client must fail over to get anything done.
    backend = typesense_backend(
        typesense_cluster, archive, tmp_path / "state", f"kill_{uuid.uuid4().hex[:6]}",
        first=leader.number,
    )  # fmt: skip
    backend.update()
    write_archive(tmp_path / "more", 300)
    (tmp_path / "more").rename(archive / "more")

    halfway = threading.Event()
    reports: list[UpdateReport] = []

    def progress(step: Progress) -> None:
        if step.phase == "index" and step.done >= 100:
            halfway.set()

    writer = threading.Thread(target=lambda: reports.append(backend.update(progress=progress)))
    writer.start()
    assert halfway.wait(60)
    server.kill_node(cluster, leader.number, signal.SIGKILL)

    answered = None
    deadline = time.monotonic() + ANSWER_AGAIN_SECONDS
    while answered is None and time.monotonic() < deadline:
        try:
            answered = backend.search(SearchRequest("council")).total
        except IndexUnavailable:
            time.sleep(0.1)
    assert answered is not None and answered >= 10  # a search answered within 10 s

    writer.join(120)
    assert not writer.is_alive()
    (report,) = reports
    assert (report.added, report.removed) == (300, 0)
    assert server.wait_for_leader(cluster, 30).number != leader.number
    found = backend.search(SearchRequest("council", limit=400))
    assert found.total == 310
    assert len({hit.id for hit in found.hits}) == 310


def test_without_a_majority_searches_still_served_are_and_writes_fail_in_one_line(
    tmp_path: Path,
    typesense_cluster: RunningCluster,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(
        "backend:\n  retries: 2\n  retry_interval: 0.3\n  import_timeout: 3\n", encoding="utf-8"
    )
    monkeypatch.setenv("NEWSDESK_CONFIG", str(config))
    monkeypatch.setenv(API_KEY_ENV, typesense_cluster.key.reveal())
    archive = write_archive(tmp_path / "archive", 5)
    where = ["--backend", backend_url(typesense_cluster, f"quorum_{uuid.uuid4().hex[:6]}")]
    assert main(["index", str(archive), *where]) == 0
    capsys.readouterr()

    cluster = typesense_cluster.cluster
    survivor = cluster.nodes[2]
    alone = open_archive(
        archive, tmp_path / "alone", backend=f"typesense://{survivor.address}?{where[1].split('?')[1]}",
        environ={API_KEY_ENV: typesense_cluster.key.reveal()},
    )  # fmt: skip
    deadline = time.monotonic() + 5  # a follower applies acknowledged writes a moment later
    while alone.status().articles < 5 and time.monotonic() < deadline:
        time.sleep(0.1)
    for node in cluster.nodes[:2]:
        server.kill_node(cluster, node.number, signal.SIGKILL)
    # The last node serves reads for a few seconds after it lost its peers.
    assert (
        main(["search", "council", "--json", "--no-update", "--archive", str(archive), *where]) == 0
    )
    assert json.loads(capsys.readouterr().out)["total"] == 5

    write_archive(tmp_path / "more", 1)
    (tmp_path / "more").rename(archive / "more")
    assert main(["index", str(archive), *where]) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "newsdesk: error: cluster: cannot write: no leader answered in time "
        "(is a majority of the nodes down?)"
    ]


def test_with_no_node_answering_a_search_says_the_cluster_is_reconnecting(tmp_path: Path) -> None:
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    backend = open_archive(
        write_archive(tmp_path / "archive", 1),
        tmp_path / "state",
        backend=f"typesense://127.0.0.1:{port}",
        environ={API_KEY_ENV: "some-key"},
    )
    with pytest.raises(IndexUnavailable) as caught:
        backend.search(SearchRequest("council"))
    assert str(caught.value) == "cluster: reconnecting (no node answered)"
    assert backend.status().articles == 0  # the app still opens, and retries
    assert backend.refresh() is False
