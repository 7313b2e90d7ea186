"""The command palette provider (Ctrl+P): main actions, themes, archives and speakers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from textual.command import DiscoveryHit, Hit, Hits, Provider


@dataclass(frozen=True, slots=True)
class PaletteCommand:
    """One palette entry; ``discover`` ones are listed before anything is typed."""

    name: str
    help: str
    run: Callable[[], object]
    discover: bool = True


class CommandSource(Protocol):
    """What the provider needs from the app."""

    async def palette_commands(self) -> list[PaletteCommand]:
        """Every command the palette can offer right now."""
        ...


class NewsdeskCommands(Provider):
    """Offers the app's commands, fuzzy-matched on their names."""

    _commands: list[PaletteCommand]

    async def startup(self) -> None:
        """Collect the commands once per palette opening."""
        source: CommandSource = self.app  # type: ignore[assignment]
        self._commands = await source.palette_commands()

    async def discover(self) -> Hits:
        """The main actions, before anything is typed."""
        for command in self._commands:
            if command.discover:
                yield DiscoveryHit(command.name, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        """Commands whose names match ``query``."""
        matcher = self.matcher(query)
        for command in self._commands:
            score = matcher.match(command.name)
            if score > 0:
                yield Hit(score, matcher.highlight(command.name), command.run, help=command.help)
