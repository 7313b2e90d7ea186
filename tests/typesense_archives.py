"""Archives and backends for the Typesense engine tests (real nodes from tests/typesense_server)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from index.api.backend import Backend
from index.engines import open_archive
from index.engines.typesense.settings import API_KEY_ENV
from tests.typesense_server import RunningCluster

TOPICS = ("ferry", "harbour", "library", "orchard", "tramline", "lighthouse", "market", "bridge")


def write_archive(folder: Path, count: int) -> Path:
    """``count`` short dated articles in our own words, one file each; every one says 'council'."""
    folder.mkdir(parents=True, exist_ok=True)
    start = dt.date(2019, 1, 1)
    for i in range(count):
        topic = TOPICS[i % len(TOPICS)]
        day = start + dt.timedelta(days=3 * i)
        text = (
            f"---\ntitle: The {topic} plan, part {i}\ndate: {day.isoformat()}\n"
            f"source: Test Gazette\n---\n\n"
            f"The town council met on Tuesday to talk about the {topic} and its costs. "
            f'"We will decide by spring," said Mara Velde, who chairs the {topic} committee.\n\n'
            f"Residents asked for a vote on item {i} before any money is spent.\n"
        )
        (folder / f"{i:04d}-{topic}.md").write_text(text, encoding="utf-8")
    return folder


def typesense_backend(
    running: RunningCluster,
    archive: Path,
    index_dir: Path,
    collection: str,
    *,
    first: int | None = None,
) -> Backend:
    """The archive on a collection of ``running`` (node ``first`` listed first), admin key."""
    nodes = sorted(running.cluster.nodes, key=lambda node: node.number != first)
    url = "typesense://" + ",".join(n.address for n in nodes) + f"?collection={collection}"
    return open_archive(
        archive, index_dir, backend=url, environ={API_KEY_ENV: running.key.reveal()}
    )


def backend_url(running: RunningCluster, collection: str) -> str:
    """The ``--backend`` URL of a collection on ``running``."""
    return running.cluster.backend_url + f"?collection={collection}"
