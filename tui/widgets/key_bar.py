"""The key bar at the bottom of a screen: Textual's footer, rebuilt only when its keys change.

Textual rebuilds the footer (a widget per key) whenever the bindings may have changed, which
is twice for every move of the focus; moving between places that show the same keys then
costs a rebuild and a repaint for nothing (over SSH, bytes for nothing).
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.widgets import Footer


class KeyBar(Footer):
    """A footer that skips a rebuild when it would show the same keys as it does."""

    _shown: Hashable = None

    def _keys(self) -> Hashable:
        """Everything the footer draws from: the keys shown, their state and their labels."""
        app = self.app
        return self.show_command_palette, tuple(
            (key, binding, enabled, tooltip, app.get_key_display(binding))
            for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == app.COMMAND_PALETTE_BINDING
        )

    async def recompose(self) -> None:
        """Rebuild the keys, unless they are the ones on show."""
        if not self.is_attached:
            return
        keys = self._keys()
        if keys == self._shown:
            return
        self._shown = keys
        await super().recompose()
