"""The quote highlights panel: who said what in the open article."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import BindingType
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from index.corpus.article import Article, Quote
from tui.safe import inert_line
from tui.widgets.bindings import place_bindings
from tui.wording import quoted

UNATTRIBUTED = "(unattributed)"


def quote_prompt(quote: Quote, speaker_style: Style, meta_style: Style) -> Text:
    """A quote as shown in a list: speaker, then role and kind, then the words."""
    prompt = Text()
    prompt.append(inert_line(quote.speaker or UNATTRIBUTED), style=speaker_style)
    details = [inert_line(quote.role)] if quote.role else []
    details.append(quote.kind)
    prompt.append("\n" + " \u00b7 ".join(details), style=meta_style)
    prompt.append("\n" + quoted(inert_line(quote.text)))
    return prompt


class QuoteList(OptionList):
    """The quotes of the open article, in reading order; Enter jumps to one in the body."""

    BINDINGS: ClassVar[list[BindingType]] = place_bindings("quotes")
    BORDER_TITLE = "Quotes"

    COMPONENT_CLASSES: ClassVar[set[str]] = {"quotes--speaker", "quotes--meta"}

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False, repaint=True)
    """The quotes' length. The panel's size never depends on it (the list sizes itself, and
    its scrollbar, when its options change), so other quotes repaint the panel alone."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None

    def show_quotes(self, article: Article | None) -> None:
        """List the quotes of ``article`` (or say there are none)."""
        if article is None and self.article is None and not self.option_count:
            return  # (already empty: nothing to redraw)
        self.article = article
        self.clear_options()
        if article is None:
            return
        if not article.quotes:
            self.add_option(Option(Text("No quotes in this article."), disabled=True))
            return
        speaker = self.get_component_rich_style("quotes--speaker", partial=True)
        meta = self.get_component_rich_style("quotes--meta", partial=True)
        options: list[Option | None] = []
        for index, quote in enumerate(article.quotes):
            if index:
                options.append(None)
            options.append(Option(quote_prompt(quote, speaker, meta), id=str(index)))
        self.add_options(options)
        self.highlighted = 0

    @property
    def current(self) -> tuple[int, Quote] | None:
        """The highlighted quote and its index in the article."""
        option = self.highlighted_option
        if self.article is None or option is None or option.id is None:
            return None
        index = int(option.id)
        return index, self.article.quotes[index]
