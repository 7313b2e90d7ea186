"""Choosing a colour theme the terminal can show (no Textual here)."""

from __future__ import annotations

from collections.abc import Collection, Mapping

ANSI_THEME = "ansi-dark"
DEFAULT_THEME = "textual-dark"


def limited_colours(environ: Mapping[str, str]) -> bool:
    """True when the terminal likely shows only 16 colours (or colour is turned off)."""
    if "NO_COLOR" in environ:
        return True
    if environ.get("COLORTERM", "").lower() in ("truecolor", "24bit"):
        return False
    term = environ.get("TERM", "")
    return not any(mark in term for mark in ("256color", "truecolor", "direct", "kitty"))


def choose_theme(configured: str | None, environ: Mapping[str, str], known: Collection[str]) -> str:
    """The configured theme if it exists, else an ANSI theme on limited terminals."""
    if configured and configured in known:
        return configured
    return ANSI_THEME if limited_colours(environ) else DEFAULT_THEME
