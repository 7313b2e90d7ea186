"""Import Whoosh without the modules it loads only for functions newsdesk never calls.

At import, Whoosh 2.7 pulls in ``urllib.request`` (for ``whoosh.compat.urlretrieve``: with
it ``http.client``, ``ssl`` and the ``email`` package), ``asyncio`` (through the
``cached_property`` package, whose asynchronous half Whoosh does not use) and the English
morphology tables of ``whoosh.lang.morph_en`` (for ``Variations`` queries). Together that is
about a quarter of a cold ``newsdesk search``'s CPU. :func:`import_whoosh` imports Whoosh
while those modules are stood in for by small ones whose functions load the real module on
first call, then takes the stand-ins out of ``sys.modules``, so any later import of those
modules gets the real ones.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any

_DEFERRED: dict[str, tuple[str, ...]] = {
    "urllib.request": ("urlretrieve",),
    "whoosh.lang.morph_en": ("variations",),
}
"""Module -> the names Whoosh imports from it, forwarded to the real module when called."""


class cached_property:  # the name Whoosh imports
    """A property computed once per instance, as the ``cached_property`` package's
    synchronous one (the value is stored in the instance's ``__dict__``)."""

    def __init__(self, func: Callable[[Any], Any]) -> None:
        self.func = func
        self.__doc__ = func.__doc__

    def __get__(self, obj: Any, cls: type | None = None) -> Any:
        if obj is None:
            return self
        value = obj.__dict__[self.func.__name__] = self.func(obj)
        return value


def _forward(module: str, name: str) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    call.__name__ = name
    call.__qualname__ = name
    return call


def _stand_in(module: str, names: tuple[str, ...]) -> ModuleType:
    stand_in = ModuleType(module, f"Loads {module} when one of its functions is called.")
    for name in names:
        setattr(stand_in, name, _forward(module, name))
    return stand_in


@contextmanager
def _stand_ins() -> Iterator[None]:
    """Stand-ins for the deferred modules not yet imported, removed on the way out."""
    placed: dict[str, ModuleType] = {}
    for module, names in _DEFERRED.items():
        if module not in sys.modules:
            placed[module] = sys.modules[module] = _stand_in(module, names)
    if "cached_property" not in sys.modules:
        package = ModuleType("cached_property", "The synchronous cached_property only.")
        package.cached_property = cached_property  # type: ignore[attr-defined]
        placed["cached_property"] = sys.modules["cached_property"] = package
    try:
        yield
    finally:
        for module, stand_in in placed.items():
            if sys.modules.get(module) is stand_in:
                del sys.modules[module]
            parent, _, child = module.rpartition(".")
            owner = sys.modules.get(parent) if parent else None
            if owner is not None and getattr(owner, child, None) is stand_in:
                delattr(owner, child)


def import_whoosh() -> None:
    """Import the Whoosh modules the engine uses, leaving out what it never calls."""
    if "whoosh.query" in sys.modules:
        return
    with _stand_ins():
        importlib.import_module("whoosh.query")
        importlib.import_module("whoosh.codec.whoosh3")
        importlib.import_module("whoosh.reading")
