"""The ``typesense`` client, configured for a cluster, and search-only keys.

``typesense`` is imported inside the functions: only a Typesense backend pays for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from index.engines.typesense.errors import SettingsError
from index.engines.typesense.secret import ApiKey
from index.engines.typesense.settings import API_KEY_ENV, TypesenseSettings

if TYPE_CHECKING:
    import typesense

# A node that failed is skipped until this many seconds have passed. During an election
# every node fails for a while, and once all are marked failed, client 2.1 keeps asking the
# same one, even the dead leader, until one is due again: with 15 s every retry of a write
# went to the killed leader; with 2 s the retries reach the new leader (test_typesense_cluster).
HEALTHCHECK_INTERVAL_SECONDS = 2


def build_client(
    settings: TypesenseSettings, *, timeout: float | None = None, key: ApiKey | None = None
) -> typesense.Client:
    """A client that knows every node and retries past a leader election.

    ``timeout`` replaces the connection timeout (imports want a long one); ``key`` replaces
    the settings' key.
    """
    import typesense

    key = key or settings.api_key
    if key is None:
        raise SettingsError(f"no Typesense API key: set {API_KEY_ENV} or backend.api_key_file")
    return typesense.Client(
        {
            "api_key": key.reveal(),
            "nodes": [
                {"host": node.host, "port": node.port, "protocol": settings.protocol}
                for node in settings.nodes
            ],
            "connection_timeout_seconds": timeout or settings.connection_timeout,
            "num_retries": settings.retries,
            "retry_interval_seconds": settings.retry_interval,
            "healthcheck_interval_seconds": HEALTHCHECK_INTERVAL_SECONDS,
        }
    )


def create_search_key(
    admin: typesense.Client, collections: tuple[str, ...], description: str = "newsdesk search"
) -> ApiKey:
    """Create a key that may only search ``collections``; the server shows its value only now."""
    created = admin.keys.create(
        {
            "actions": ["documents:search"],
            "collections": list(collections),
            "description": description,
        }
    )
    return ApiKey(str(created["value"]))
