"""The command palette provider (Ctrl+P): main actions, themes, archives and speakers.

Names and help lines quote archive names, folder paths and speakers, so they are handed to
the palette as plain content: Textual would read a string as markup, and ``[old]`` in a path
would vanish or ``[/x]`` in a name stop the app.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from tui.safe import inert_line


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
                name = inert_line(command.name)
                yield DiscoveryHit(Content(name), command.run, text=name, help=_help(command))

    async def search(self, query: str) -> Hits:
        """Commands whose names match ``query``."""
        matcher = self.matcher(query)
        for command in self._commands:
            name = inert_line(command.name)
            score = matcher.match(name)
            if score > 0:
                shown = _highlight(matcher, name)
                yield Hit(score, shown, command.run, text=name, help=_help(command))


def _help(command: PaletteCommand) -> str:
    # The palette reads help as markup whatever it is given: every bracket is escaped (the
    # escape in textual.markup leaves '[Old]' or '[$x]' to be read as tags).
    return inert_line(command.help).replace("[", "\\[")


def _highlight(matcher: Matcher, name: str) -> Content:
    """``name`` as plain content with the letters the query matched styled.

    ``Matcher.highlight`` would parse ``name`` as markup.
    """
    content = Content(name)
    _, offsets = matcher.fuzzy_search.match(matcher.query, name)
    for offset in offsets:
        if not name[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
