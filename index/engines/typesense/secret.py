"""API keys: a value that never prints itself, and key files only their owner can read."""

from __future__ import annotations

import hmac
import os
import secrets
import stat
from pathlib import Path

from index.engines.typesense.errors import SettingsError

# A key file is a line of text; anything larger is not a key file.
_MAX_KEY_FILE_BYTES = 4096


class ApiKey:
    """An API key. ``repr``, ``str`` and formatting show ``<hidden>``; :meth:`reveal` gives it."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        if not value or not value.isprintable() or any(c.isspace() for c in value):
            # The value itself is never part of the message.
            raise SettingsError("an API key must be non-empty printable text without spaces")
        self._value = value

    def reveal(self) -> str:
        """The key itself, for the one place that sends it (the client's header)."""
        return self._value

    def __repr__(self) -> str:
        return "ApiKey(<hidden>)"

    def __str__(self) -> str:
        return "<hidden>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ApiKey):
            return NotImplemented
        return hmac.compare_digest(self._value.encode(), other._value.encode())

    def __hash__(self) -> int:
        return hash(self._value)


def generate_key() -> ApiKey:
    """A new random key (256 bits)."""
    return ApiKey(secrets.token_urlsafe(32))


def write_key_file(path: Path, key: ApiKey) -> None:
    """Create ``path`` holding ``key``, mode 0600 from the start; never overwrites a file."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key.reveal() + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def read_key_file(path: Path) -> ApiKey:
    """The key in ``path``; refuses a file that group or others may read or write."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError as exc:
        raise SettingsError(f"{path}: cannot open the API key file ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as handle:
        # fstat on the opened file: the mode checked is the mode of what is read.
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise SettingsError(f"{path}: the API key file is not a regular file")
        if info.st_mode & 0o077:
            mode = stat.S_IMODE(info.st_mode)
            raise SettingsError(
                f"{path}: the API key file is open to group or others (mode {mode:04o}); "
                f"run chmod 600 on it"
            )
        data = handle.read(_MAX_KEY_FILE_BYTES + 1)
    if len(data) > _MAX_KEY_FILE_BYTES:
        raise SettingsError(f"{path}: too large for an API key file")
    try:
        text = data.decode("utf-8").strip()
    except UnicodeDecodeError:
        raise SettingsError(f"{path}: the API key file is not text") from None
    if not text:
        raise SettingsError(f"{path}: the API key file is empty")
    try:
        return ApiKey(text)
    except SettingsError as exc:
        raise SettingsError(f"{path}: {exc}") from None
