"""Every key binding of the app, by id, with its default keys and help text.

Plain data so that the command line can validate ``keys:`` in config.yaml without importing
Textual. The app builds its Textual bindings from this table; ``config.keys`` overrides the
keys of any id (several keys separated by commas).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Scope = Literal["screen", "move"]
"""Where a binding lives: ``screen`` on the main screen, ``move`` on every scrolling panel."""


@dataclass(frozen=True, slots=True)
class KeySpec:
    """One rebindable action: ``id`` is what config.yaml names, ``keys`` the defaults."""

    id: str
    keys: str
    action: str
    description: str
    show: bool = True
    scope: Scope = "screen"
    priority: bool = False
    """Handled before the focused widget sees the key (only for keys no widget types)."""


BINDINGS: tuple[KeySpec, ...] = (
    KeySpec("search", "slash", "focus_search", "Search"),
    KeySpec("back", "escape", "back", "Back", show=False, priority=True),
    KeySpec("next_panel", "tab", "app.focus_next", "Next panel", show=False, priority=True),
    KeySpec(
        "previous_panel", "shift+tab", "app.focus_previous", "Previous panel", False, "screen", True
    ),
    KeySpec("next_hit", "n", "next_hit", "Next hit"),
    KeySpec("previous_hit", "N", "previous_hit", "Previous hit", show=False),
    KeySpec("toggle_quotes", "Q", "toggle_quotes", "Quotes"),
    KeySpec("sort", "s", "cycle_sort", "Sort"),
    KeySpec("filter", "f", "filter", "Filter"),
    KeySpec("related", "r", "related", "Related", show=False),
    KeySpec("speaker", "S", "search_speaker", "Search speaker", show=False),
    KeySpec("speaker_quotes", "a", "speaker_quotes", "All quotes by speaker", show=False),
    KeySpec("accept_suggestion", "ctrl+g", "accept_suggestion", "Use suggestion", show=False),
    KeySpec("bookmark", "b", "toggle_bookmark", "Bookmark", show=False),
    KeySpec("read", "m", "toggle_read", "Read/unread", show=False),
    KeySpec("copy", "y", "copy", "Copy", show=False),
    KeySpec("copy_url", "u", "copy_url", "Copy URL", show=False),
    KeySpec("pager", "o", "open_pager", "Pager", show=False),
    KeySpec("editor", "e", "open_editor", "Editor", show=False),
    KeySpec("help", "question_mark", "help", "Help"),
    KeySpec("quit", "q", "quit", "Quit"),
    KeySpec("down", "down,j", "cursor_down", "Down", show=False, scope="move"),
    KeySpec("up", "up,k", "cursor_up", "Up", show=False, scope="move"),
    KeySpec("page_down", "pagedown,space", "page_down", "Page down", show=False, scope="move"),
    KeySpec("page_up", "pageup", "page_up", "Page up", show=False, scope="move"),
    KeySpec("first", "home,g", "first", "First", show=False, scope="move"),
    KeySpec("last", "end,G", "last", "Last", show=False, scope="move"),
    KeySpec("open", "enter", "select", "Open", show=False, scope="move"),
)
"""The app's bindings; ``keys`` may list several keys separated by commas."""

BINDING_IDS = frozenset(spec.id for spec in BINDINGS)


def specs(scope: Scope) -> tuple[KeySpec, ...]:
    """The bindings that live in ``scope``."""
    return tuple(spec for spec in BINDINGS if spec.scope == scope)
