"""Textual bindings built from the table in :mod:`tui.keys` (each with its id, so rebindable)."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from tui.keys import BINDINGS, KeySpec, Place, Scope, specs


def bindings(scope: Scope) -> list[BindingType]:
    """The Textual bindings of ``scope``.

    A place (``headlines``, ``article``, ...) also gets the screen-wide bindings its footer
    shows, as visible bindings that run the screen's action; the screen keeps them hidden.
    """
    own = [
        Binding(
            spec.keys,
            spec.action,
            spec.description,
            show=scope in spec.footer or _shown_by_screen(spec),
            priority=spec.priority,
            id=spec.id,
        )
        for spec in specs(scope)
    ]
    shown: list[BindingType] = [
        Binding(spec.keys, f"screen.{spec.action}", spec.description, id=spec.id)
        for spec in BINDINGS
        if "screen" in spec.where
        and _is_place(scope)
        and scope in spec.footer
        and not _shown_by_screen(spec)
    ]
    return [*own, *shown]


def _shown_by_screen(spec: KeySpec) -> bool:
    # A priority binding of the screen wins over a panel's for the footer too: it shows
    # itself, and the screen's check_action hides it where it does not work.
    return "screen" in spec.where and spec.priority and bool(spec.footer)


def _is_place(scope: Scope) -> bool:
    return scope in ("headlines", "article", "quotes", "search")


def place_bindings(place: Place) -> list[BindingType]:
    """The bindings of a panel: its own, then the movement keys."""
    return [*bindings(place), *bindings("move")]
