"""A screen that draws the answer to the reader's query at once, not on its next frame."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.screen import Screen

if TYPE_CHECKING:
    from textual.widget import Widget


class PromptScreen(Screen[None]):
    """A screen whose answer widgets are drawn as soon as their repaint reaches it.

    A widget's repaint reaches the screen as a message; the screen then waits for its next
    frame, up to a frame (17 ms) away, and up to two after a frame that came late, as one
    often does while a search runs beside it.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._answer_widgets: set[Widget] = set()

    def paint_soon(self, *widgets: Widget) -> None:
        """Draw ``widgets`` as soon as their repaint reaches the screen: they show the answer
        to the reader's query, which is what the reader waits for."""
        self._answer_widgets = set(widgets)

    def on_idle(self) -> None:
        """Draw the answer's widgets now rather than on Textual's next frame."""
        ready = self._answer_widgets.intersection(self._dirty_widgets)
        if ready and self.is_current:
            self._answer_widgets -= ready
            self._on_timer_update()  # (what that frame runs)
