"""The one exception family of the corpus library; callers catch :class:`NewsdeskError`."""

from __future__ import annotations


class NewsdeskError(Exception):
    """Base of every error the corpus library raises on purpose; its text is one clear line."""


class UnreadableFile(NewsdeskError):
    """A file cannot be turned into articles (binary, empty, too large, malformed...)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class QueryError(NewsdeskError):
    """A query cannot be understood; the message says what is wrong with it."""


class IndexLocked(NewsdeskError):
    """Another process is writing the index right now."""


class IndexMissing(NewsdeskError):
    """There is no index for this archive yet (or it cannot be opened)."""


class ArticleNotFound(NewsdeskError):
    """No article with that id or path is in the archive."""


class IndexReadOnly(NewsdeskError):
    """The index can be searched but not changed (a read-only folder, a search-only key)."""


class SearchOnlyKey(IndexReadOnly):
    """The credentials given may only search a shared index: expected, searched as it is."""


class IndexDamaged(NewsdeskError):
    """The index cannot be read (damaged or unreadable files); rebuilding it recovers."""

    def __init__(self, index_dir: str, reason: str) -> None:
        super().__init__(
            f"the index in {index_dir} is damaged ({reason}); "
            "rebuild it with: newsdesk index --rebuild"
        )
        self.index_dir = index_dir
        self.reason = reason


class IndexUnavailable(NewsdeskError):
    """A shared index cannot answer right now (its cluster is between leaders or has lost
    its majority); the message is the status line to show meanwhile."""
