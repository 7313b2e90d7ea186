"""Typesense as a shared search engine: settings, keys and a local server for trying it.

Nothing here imports the ``typesense`` client at module level, so reading settings or
managing a local cluster costs nothing to a user of the embedded Whoosh index.
"""
