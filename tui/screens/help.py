"""The help screen: every key binding (as currently mapped), the marks, and the query syntax."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.keys import BINDINGS, KeySpec, spec
from tui.screens.palette import PaletteCommand
from tui.widgets.headlines import BOOKMARK_MARK, UNREAD_MARK
from tui.widgets.key_bar import KeyBar

QUERY_SYNTAX: tuple[tuple[str, str], ...] = (
    ("fintech port", "articles with both words (AND is the default)"),
    ('"port strike"', "the exact phrase"),
    ("fintech OR bank", "either word; NOT word or -word leaves a word out"),
    ("title:shanghai", "one field: title body caption quote speaker source section tag author"),
    ('speaker:"Amara Okafor"', "articles quoting that speaker"),
    ("date:2019  date:2019-03", "a year or a month"),
    ("date:[2019-01 TO 2019-06]", "a date range; date:>2020 after a date"),
    ("fin*", "words starting with fin"),
    ("fintec~  fintec~2", "words spelt like fintec (one letter off; ~2: two)"),
    ("is:unread  is:read", "your reading state"),
    ("is:bookmarked", "your bookmarks"),
    ("(empty)", "the newest articles"),
)
"""Examples of the query language, with what each finds."""

MARKS: tuple[tuple[str, str], ...] = (
    (UNREAD_MARK, "unread (opening an article marks it read; m toggles)"),
    (BOOKMARK_MARK, "bookmarked (b toggles; is:bookmarked lists them)"),
    ("hit 2/7", "the search hit you are on in the article, of all its hits (n / N)"),
)

EXTRA_KEYS: tuple[tuple[str, str], ...] = (
    ("ctrl+p", "command palette: every action, themes, archives, speakers"),
    ("ctrl+q / ctrl+c", "quit, from anywhere"),
    ("space / c", "in the filter picker: toggle a filter / clear them all"),
)

_PRETTY = {
    "slash": "/",
    "question_mark": "?",
    "escape": "esc",
    "pagedown": "pgdn",
    "pageup": "pgup",
}


def key_display(spec: KeySpec, keymap: Mapping[str, str]) -> str:
    """The keys bound to ``spec`` now (after config.yaml), readable: ``n``, ``down / j``."""
    keys = keymap.get(spec.id, spec.keys)
    names = [Binding(key.strip(), spec.action).key for key in keys.split(",") if key.strip()]
    return " / ".join(_PRETTY.get(name, name) for name in names)


def suggestion_hint(suggestion: str | None, keymap: Mapping[str, str]) -> str:
    """``did you mean: fintech? (ctrl+g)``, or nothing without a suggestion."""
    if not suggestion:
        return ""
    return f"did you mean: {suggestion}? ({key_display(spec('accept_suggestion'), keymap)})"


def binding_commands(
    keymap: Mapping[str, str], run: Callable[[str], object]
) -> list[PaletteCommand]:
    """Every binding meant for the palette, named as in the footer; ``run`` runs an action."""
    return [
        PaletteCommand(
            key.description, f"{key.help} ({key_display(key, keymap)})", partial(run, key.action)
        )
        for key in BINDINGS
        if key.palette
    ]


def _grid(title: str, rows: list[tuple[str, str]]) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column()
    grid.add_row(Text(title, style="bold underline"), "")
    for left, right in rows:
        grid.add_row(Text(left), Text(right))
    return grid


_WHERE = {
    "headlines": " (headlines)",
    "article": " (article)",
    "quotes": " (quotes)",
    "search": " (search bar)",
}


def _where(spec: KeySpec) -> str:
    places = [_WHERE[scope] for scope in spec.where if scope in _WHERE]
    return places[0] if len(places) == 1 else ""


def help_text(keymap: Mapping[str, str]) -> Group:
    """Keys, marks, query syntax and how to rebind, as one renderable."""
    keys = [(key_display(s, keymap), f"{s.help}{_where(s)} [{s.id}]") for s in BINDINGS]
    rebind = [("config.yaml", "keys: {binding id: key}, e.g. keys: {quit: ctrl+q}")]
    return Group(
        _grid("Marks", list(MARKS)),
        Text(),
        _grid("Keys", [*keys, *EXTRA_KEYS]),
        Text(),
        _grid("Query syntax", list(QUERY_SYNTAX)),
        Text(),
        _grid("Rebinding keys", rebind),
    )


class HelpScreen(ModalScreen[None]):
    """Keys, marks and query syntax; Esc, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape,question_mark", "dismiss", "Close", id="help.close"),
        Binding("down,j", "scroll('down')", "Down", show=False),
        Binding("up,k", "scroll('up')", "Up", show=False),
        Binding("pagedown,space", "scroll('page_down')", "Page down", show=False),
        Binding("pageup", "scroll('page_up')", "Page up", show=False),
        Binding("home,g", "scroll('home')", "Top", show=False),
        Binding("end,G", "scroll('end')", "End", show=False),
    ]

    def __init__(self, keymap: Mapping[str, str]) -> None:
        super().__init__()
        self._keys_in_use = keymap

    def compose(self) -> ComposeResult:
        """A scrolling panel with the tables."""
        with VerticalScroll(id="help-body") as body:
            body.border_title = "newsdesk help"
            body.border_subtitle = "j/k, space, g/G scroll \u00b7 esc closes"
            yield Static(help_text(self._keys_in_use), id="help-text")
        yield KeyBar(compact=True)

    def action_scroll(self, where: str) -> None:
        """Scroll the help text."""
        body = self.query_one("#help-body", VerticalScroll)
        moves = {
            "down": body.scroll_down,
            "up": body.scroll_up,
            "page_down": body.scroll_page_down,
            "page_up": body.scroll_page_up,
            "home": body.scroll_home,
            "end": body.scroll_end,
        }
        moves[where](animate=False)
