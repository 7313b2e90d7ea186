"""Pick one entry from a list (related articles, a speaker's quotes); Enter picks, Esc cancels."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Generic, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from index.api.records import SearchHit, SpeakerQuote
from tui.safe import inert_line
from tui.widgets.bindings import bindings
from tui.widgets.key_bar import KeyBar
from tui.wording import quoted

T = TypeVar("T")


class PickerList(OptionList):
    """The picker's list, with the app's movement keys."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("move")


class PickerScreen(ModalScreen[T | None], Generic[T]):
    """Pick one of ``entries`` (prompt, value); dismisses with the value or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss", "Close", id="picker.close")
    ]

    def __init__(self, title: str, entries: Sequence[tuple[Text, T]], empty: str) -> None:
        super().__init__()
        self._title = title
        self._values = [value for _, value in entries]
        self._prompts = [prompt for prompt, _ in entries]
        self._empty = empty

    def compose(self) -> ComposeResult:
        """The list, or a line saying it is empty."""
        options: list[Option | None] = []
        for index, prompt in enumerate(self._prompts):
            if index:
                options.append(None)
            options.append(Option(prompt, id=str(index)))
        if not options:
            options.append(Option(Text(self._empty), disabled=True))
        picker = PickerList(*options, id="picker-list", markup=False)
        picker.border_title = Text(self._title)
        picker.border_subtitle = "enter opens \u00b7 esc closes"
        yield picker
        yield KeyBar(compact=True)  # the keys of the pop-up, not of the screen below

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(self._values[int(event.option.id)])


def related_entries(hits: Sequence[SearchHit]) -> list[tuple[Text, str]]:
    """Related articles as (title, source and date) prompts with their ids."""
    entries = []
    for hit in hits:
        prompt = Text()
        prompt.append(inert_line(hit.title) or "(untitled)", style="bold")
        meta = " \u00b7 ".join(inert_line(part) for part in (hit.source, hit.date) if part)
        if meta:
            prompt.append("\n" + meta, style="dim")
        entries.append((prompt, hit.id))
    return entries


def speaker_entries(quotes: Sequence[SpeakerQuote]) -> list[tuple[Text, tuple[str, int]]]:
    """A speaker's quotes, each with its article (id, quote start offset)."""
    entries = []
    for found in quotes:
        meta = " \u00b7 ".join(inert_line(p) for p in (found.date, found.source, found.title) if p)
        prompt = Text()
        prompt.append(meta, style="dim")
        prompt.append("\n" + quoted(inert_line(found.quote.text)))
        entries.append((prompt, (found.article_id, found.quote.start)))
    return entries
