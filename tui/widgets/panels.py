"""The panels under the search bar: the headlines and the reading pane (article, quotes).

Which panel has the focus and whether the quotes show are reactive: their watchers move the
focus and switch the layout. Side by side when wide; on a narrow screen the quotes take the
article's place while they have the focus.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from textual import events
from textual.app import ComposeResult
from textual.containers import Container
from textual.reactive import reactive
from textual.widget import Widget

from index.api.backend import Backend
from tui.widgets.headlines import HeadlineList
from tui.widgets.reading_pane import ReadingPane

Panel = Literal["headlines", "article", "quotes"]
PANELS: tuple[Panel, ...] = ("headlines", "article", "quotes")


class Panels(Container):
    """Headlines and the reading pane, and which of the three panels is in use."""

    panel: reactive[Panel] = reactive[Panel]("headlines", init=False, always_update=True)
    """The panel with the focus (or, while the search bar has it, the one to go back to)."""
    quotes_shown: reactive[bool] = reactive(True, init=False)
    """Whether the quotes column shows beside the article (where there is room for it)."""

    def __init__(
        self, backend: Callable[[], Backend | None], *, preview_delay: float, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self._backend = backend
        self._preview_delay = preview_delay

    def compose(self) -> ComposeResult:
        """The headlines, then the article and its quotes."""
        yield HeadlineList(id="headlines")
        yield ReadingPane(self._backend, preview_delay=self._preview_delay, id="reading")

    def widget(self, panel: Panel) -> Widget:
        """The widget of ``panel``."""
        if panel == "headlines":
            return self.query_one(HeadlineList)
        reading = self.query_one(ReadingPane)
        return reading.article if panel == "article" else reading.quotes

    @property
    def narrow(self) -> bool:
        """Whether the article and the quotes share one place (a narrow screen)."""
        return self.screen.has_class("-narrow")

    def watch_panel(self, panel: Panel) -> None:
        """Focus the panel, showing it first if it was hidden."""
        if panel == "quotes" and not self.narrow:
            self.quotes_shown = True
        if panel != "headlines":
            self.set_class(panel == "quotes", "-quotes-up")
        widget = self.widget(panel)
        if self.screen.focused is not widget:
            # At once, not after a refresh: the next key (a fast typist's, or the rest of a
            # packet over SSH) is to land in the panel.
            self.screen.set_focus(widget)

    def watch_quotes_shown(self, shown: bool) -> None:
        """Show or hide the quotes column."""
        self.set_class(not shown, "-quotes-hidden")
        if not shown and self.panel == "quotes":
            self.panel = "article"

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """A click (or a pop-up closing) may move the focus: follow it."""
        for panel in PANELS:
            if event.widget is self.widget(panel) and self.panel != panel:
                self.panel = panel

    def step(self, step: int, *, from_outside: bool = False) -> None:
        """The next (1) or previous (-1) panel, round; from outside, the first or last."""
        panels: list[Panel] = list(PANELS)
        if not self.narrow and not self.quotes_shown:
            panels.remove("quotes")
        if from_outside:
            self.panel = panels[0] if step > 0 else panels[-1]
            return
        here = panels.index(self.panel) if self.panel in panels else 0
        self.panel = panels[(here + step) % len(panels)]

    def toggle_quotes(self) -> None:
        """Show or hide the quotes (on a narrow screen: the quotes or the article)."""
        if self.narrow:
            self.panel = "article" if self.panel == "quotes" else "quotes"
        else:
            self.quotes_shown = not self.quotes_shown
