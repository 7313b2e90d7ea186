"""The help screen: every key binding (as currently mapped) and the query syntax."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.keys import BINDINGS, KeySpec

QUERY_SYNTAX: tuple[tuple[str, str], ...] = (
    ("fintech port", "articles with both words (AND is the default)"),
    ('"port strike"', "the exact phrase"),
    ("fintech OR bank", "either word; NOT word or -word leaves a word out"),
    ("title:shanghai", "one field: title body caption quote speaker source section tag author"),
    ('speaker:"Amara Okafor"', "articles quoting that speaker"),
    ("date:2019  date:2019-03", "a year or a month"),
    ("date:[2019-01 TO 2019-06]", "a date range; date:>2020 after a date"),
    ("fin*", "words starting with fin"),
    ("fintec~", "words spelt like fintec"),
    ("is:unread  is:read", "your reading state"),
    ("is:bookmarked", "your bookmarks"),
    ("(empty)", "the newest articles"),
)
"""Examples of the query language, with what each finds."""

EXTRA_KEYS: tuple[tuple[str, str], ...] = (
    ("ctrl+p", "Command palette: actions, themes, archives, speakers"),
    ("enter", "In the search bar: go to the headlines (or take the suggestion)"),
    ("space", "In the filter picker: toggle a filter; c clears them all"),
)


def key_display(spec: KeySpec, keymap: Mapping[str, str]) -> str:
    """The keys bound to ``spec`` now (after config.yaml), readable: ``n``, ``down / j``."""
    keys = keymap.get(spec.id, spec.keys)
    names = [Binding(key.strip(), spec.action).key for key in keys.split(",") if key.strip()]
    return " / ".join(_PRETTY.get(name, name) for name in names)


_PRETTY = {
    "slash": "/",
    "question_mark": "?",
    "escape": "esc",
    "pagedown": "pgdn",
    "pageup": "pgup",
    "shift+tab": "shift+tab",
}


def _grid(title: str, rows: list[tuple[str, str]]) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column()
    grid.add_row(Text(title, style="bold underline"), "")
    for left, right in rows:
        grid.add_row(Text(left), Text(right))
    return grid


def help_text(keymap: Mapping[str, str]) -> Group:
    """Keys, query syntax and how to rebind, as one renderable."""
    keys = [(key_display(s, keymap), f"{s.description} ({s.id})") for s in BINDINGS]
    rebind = [("config.yaml", "keys: {binding id: key}, e.g. keys: {quit: ctrl+q}")]
    return Group(
        _grid("Keys", [*keys, *EXTRA_KEYS]),
        Text(),
        _grid("Query syntax", list(QUERY_SYNTAX)),
        Text(),
        _grid("Rebinding keys", rebind),
    )


class HelpScreen(ModalScreen[None]):
    """Keys and query syntax; any of Esc, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="help.close"),
        Binding("down,j", "scroll('down')", "Down", show=False),
        Binding("up,k", "scroll('up')", "Up", show=False),
    ]

    def __init__(self, keymap: Mapping[str, str]) -> None:
        super().__init__()
        self._keys_in_use = keymap

    def compose(self) -> ComposeResult:
        """A scrolling panel with the tables."""
        with VerticalScroll(id="help-body") as body:
            body.border_title = "newsdesk help"
            body.border_subtitle = "esc to close"
            yield Static(help_text(self._keys_in_use), id="help-text")

    def action_scroll(self, direction: str) -> None:
        """Scroll the help text."""
        body = self.query_one("#help-body", VerticalScroll)
        if direction == "down":
            body.scroll_down(animate=False)
        else:
            body.scroll_up(animate=False)
