"""Textual bindings built from the table in :mod:`tui.keys` (each with its id, so rebindable)."""

from __future__ import annotations

from collections.abc import Collection

from textual.binding import Binding, BindingType

from tui.keys import Scope, specs


def bindings(scope: Scope, exclude: Collection[str] = ()) -> list[BindingType]:
    """The Textual bindings of ``scope``, leaving out the ids in ``exclude``."""
    return [
        Binding(
            spec.keys,
            spec.action,
            spec.description,
            show=spec.show,
            priority=spec.priority,
            id=spec.id,
        )
        for spec in specs(scope)
        if spec.id not in exclude
    ]
