"""How archive paths are stored in the index's ``file`` field."""

from __future__ import annotations

import os

_NOT_UTF8 = "\x00"
"""Starts the stored form of a path that is not UTF-8: no file path can hold a NUL."""


def file_key(rel: str) -> str:
    """How archive-relative path ``rel`` is stored in the index's ``file`` field.

    Whoosh stores terms as UTF-8, which a file name that is not UTF-8 (lone surrogates from
    ``os.fsdecode``) cannot be: such a path is stored as a NUL and the hex of its bytes, a
    form no real path can take, so it never meets another file's key.
    """
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        return _NOT_UTF8 + os.fsencode(rel).hex()
    return rel


def rel_of_key(key: str) -> str:
    """The archive-relative path a :func:`file_key` stands for."""
    if key.startswith(_NOT_UTF8):
        return os.fsdecode(bytes.fromhex(key[1:]))
    return key
