"""The second stage: an article in, the same article with every quotation found in it out."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

from index.corpus.article import Article, Quote, Step
from index.quotes import explain_quotes, extract_quotes


def annotate(article: Article) -> Article:
    """``article`` with its quotes: text, offsets, speaker, role, kind, cue and rule."""
    return dataclasses.replace(article, quotes=extract_quotes(article.paragraphs))


def annotate_all(articles: Iterable[Article]) -> Iterator[Article]:
    """Each article annotated, in order (lazily, so a large file streams)."""
    for article in articles:
        yield annotate(article)


def explain(article: Article) -> dict[Quote, tuple[Step, ...]]:
    """The stages and rules behind each quote the annotator finds in ``article``."""
    return {item.quote: item.steps for item in explain_quotes(article.paragraphs)}
