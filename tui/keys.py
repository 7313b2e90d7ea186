"""Every key binding of the app, by id: its default keys, where it works, and its help text.

Plain data, so that the command line can validate ``keys:`` in config.yaml without importing
Textual. The app builds its Textual bindings from this table; ``config.keys`` overrides the
keys of any id (several keys separated by commas).

Where a binding works (``where``, one or more scopes):

- ``screen``: anywhere on the main screen except while typing in the search bar;
- ``move``: in every panel that scrolls or has a cursor (headlines, article, quotes, pickers);
- ``headlines``, ``article``, ``quotes``, ``search``: only there.

``footer`` names the places whose key bar shows the binding: the footer lists only keys that
work where the focus is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Scope = Literal["screen", "move", "headlines", "article", "quotes", "search"]
Place = Literal["headlines", "article", "quotes", "search"]
PLACES: tuple[Place, ...] = ("headlines", "article", "quotes", "search")


@dataclass(frozen=True, slots=True)
class KeySpec:
    """One rebindable action: ``id`` is what config.yaml names, ``keys`` the defaults."""

    id: str
    keys: str
    action: str
    description: str
    """A word or two for the footer and the command palette."""
    help: str
    """What it does, for the help screen and the palette."""
    where: tuple[Scope, ...] = ("screen",)
    footer: tuple[Place, ...] = ()
    priority: bool = False
    """Handled before the focused widget sees the key (only for keys no widget types)."""
    palette: bool = True
    """Offered in the command palette (movement keys are not)."""


_PANELS: tuple[Place, ...] = ("headlines", "article", "quotes")
K = KeySpec

BINDINGS: tuple[KeySpec, ...] = (
    # -- moving between panels --------------------------------------------------------------
    K(
        "search",
        "slash",
        "focus_search",
        "Search",
        "go to the search bar",
        footer=_PANELS,
        priority=True,
    ),
    # Priority, as / is: a digit sent just before / (in one packet) must not be overtaken by
    # it; in the search bar a digit is typed instead (the screen's check_action).
    K(
        "to_headlines",
        "1",
        "panel('headlines')",
        "Headlines",
        "go to the headlines",
        priority=True,
        palette=False,
    ),
    K(
        "to_article",
        "2",
        "panel('article')",
        "Article",
        "go to the article",
        priority=True,
        palette=False,
    ),
    K(
        "to_quotes",
        "3",
        "panel('quotes')",
        "Quotes panel",
        "go to the quotes",
        priority=True,
        palette=False,
    ),
    K(
        "next_panel",
        "tab",
        "next_panel(1)",
        "Next panel",
        "next panel",
        priority=True,
        palette=False,
    ),
    K(
        "previous_panel",
        "shift+tab",
        "next_panel(-1)",
        "Previous panel",
        "previous panel",
        priority=True,
        palette=False,
    ),
    K(
        "back",
        "q,escape",
        "screen.panel('headlines')",
        "Back",
        "back to the headlines (from article or quotes)",
        where=("article", "quotes"),
        footer=("article", "quotes"),
        palette=False,
    ),
    K(
        "quit",
        "q",
        "app.quit",
        "Quit",
        "leave newsdesk (Ctrl+Q or Ctrl+C from anywhere)",
        where=("headlines",),
        footer=("headlines",),
    ),
    # -- the search bar ---------------------------------------------------------------------
    K(
        "to_results",
        "enter,down",
        "screen.submit_search",
        "Results",
        "to the headlines, keeping the query (with no results: take the suggestion)",
        where=("search",),
        footer=("search",),
        priority=True,
        palette=False,
    ),
    K(
        "leave_search",
        "escape",
        "screen.leave_search",
        "Back",
        "back to the headlines",
        where=("search",),
        footer=("search",),
        palette=False,
    ),
    # -- what is listed ---------------------------------------------------------------------
    K("sort", "s", "cycle_sort", "Sort", "sort: relevance, newest, oldest", footer=("headlines",)),
    K("filter", "f", "filter", "Filter", "filter by source, section, year", footer=("headlines",)),
    K(
        "accept_suggestion",
        "ctrl+g",
        "accept_suggestion",
        "Use suggestion",
        "search for the \u201cdid you mean\u201d suggestion",
    ),
    K("related", "r", "related", "Related", "articles like the open one"),
    # -- reading ----------------------------------------------------------------------------
    K(
        "open",
        "enter",
        "select",
        "Open",
        "open the article under the cursor",
        where=("headlines",),
        footer=("headlines",),
        palette=False,
    ),
    K(
        "next_unread",
        "u",
        "next_unread",
        "Next unread",
        "open the next unread article",
        footer=("headlines", "article"),
    ),
    K("mark_all_read", "A", "mark_all_read", "All read", "mark every listed article read"),
    K("read", "m", "toggle_read", "Read/unread", "mark the article read or unread"),
    K("bookmark", "b", "toggle_bookmark", "Bookmark", "bookmark the article, or remove it"),
    K(
        "next_hit",
        "n",
        "next_hit",
        "Next hit",
        "next search hit in the article",
        footer=("article",),
    ),
    K("previous_hit", "N", "next_hit(-1)", "Previous hit", "previous search hit in the article"),
    K(
        "toggle_quotes",
        "Q",
        "toggle_quotes",
        "Quotes",
        "show or hide the quotes panel",
        footer=("article",),
    ),
    # -- quotes -----------------------------------------------------------------------------
    K(
        "jump_to_quote",
        "enter",
        "select",
        "Show",
        "show the quote in the article",
        where=("quotes",),
        footer=("quotes",),
        palette=False,
    ),
    K(
        "speaker_quotes",
        "a",
        "screen.speaker_quotes",
        "All by speaker",
        "every quote by the selected quote's speaker",
        where=("quotes",),
        footer=("quotes",),
    ),
    K(
        "speaker",
        "S",
        "screen.search_speaker",
        "Search speaker",
        "articles quoting the selected quote's speaker",
        where=("quotes",),
        footer=("quotes",),
    ),
    # -- getting it out ---------------------------------------------------------------------
    K("copy", "y", "copy", "Copy", "copy the article, or the selected quote with its speaker"),
    K("copy_url", "Y", "copy_url", "Copy URL", "copy the article's address"),
    K("pager", "o", "open_pager", "Pager", "read the article in $PAGER"),
    K("editor", "e", "open_editor", "Editor", "open the article's file in $EDITOR"),
    K("update", "ctrl+r", "update_index", "Update index", "look for new and changed files now"),
    K("help", "question_mark", "help", "Help", "keys and query syntax", footer=_PANELS),
    # -- moving in a panel (headlines, article, quotes, pickers) -------------------------------
    K("down", "down,j", "cursor_down", "Down", "down", where=("move",), palette=False),
    K("up", "up,k", "cursor_up", "Up", "up", where=("move",), palette=False),
    K(
        "page_down",
        "pagedown,space",
        "page_down",
        "Page down",
        "a screenful down",
        where=("move",),
        palette=False,
    ),
    K("page_up", "pageup", "page_up", "Page up", "a screenful up", where=("move",), palette=False),
    K("first", "home,g", "first", "First", "to the top", where=("move",), palette=False),
    K("last", "end,G", "last", "Last", "to the end", where=("move",), palette=False),
)
"""The app's bindings; ``keys`` may list several keys separated by commas."""

BINDING_IDS = frozenset(spec.id for spec in BINDINGS)


def specs(scope: Scope) -> tuple[KeySpec, ...]:
    """The bindings that work in ``scope``."""
    return tuple(spec for spec in BINDINGS if scope in spec.where)


def spec(binding_id: str) -> KeySpec:
    """The binding with id ``binding_id``."""
    return next(s for s in BINDINGS if s.id == binding_id)
