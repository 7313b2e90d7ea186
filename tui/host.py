"""What the main screen asks of the app it runs in, so that it never imports the app."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from index.api.backend import Backend


class Host(Protocol):
    """The app as the screen sees it: the open archive's backend, the keys, the reader."""

    backend: Backend | None
    keymap: dict[str, str]

    @property
    def idle(self) -> bool:
        """Whether the reader has paused typing (background work waits for that)."""
        ...
