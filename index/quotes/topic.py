"""Rule ``topic-org``: "the company said" far from any name is the firm the article is about.

A report on one firm names it in the first paragraphs and then, many paragraphs on, closes
with "..., the company said": further back than an organisation is looked for otherwise.
The firm the article names most often before (at least three times, more than any other) is
then the one meant.
"""

from __future__ import annotations

from collections import Counter

from index.quotes.registry import Registry, org_key

TOPIC_ORG = "topic-org"
_MIN_MENTIONS = 3


def topic_org(registry: Registry, position: int) -> int | None:
    """The organisation named most often before ``position``, if at least three times and
    more often than any other; None otherwise."""
    counts: Counter[int] = Counter()
    for at, index in enumerate(registry.mentioned):
        if registry.positions[at] >= position:
            break
        if registry.weights[at] >= 0 and registry.org_like(index):
            counts[fuller_org(registry, index)] += 1
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < _MIN_MENTIONS:
        return None
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def fuller_org(registry: Registry, index: int) -> int:
    """The organisation entity ``index`` is short for, when the article names one by its
    first word ("Marsh" for "insurance firm Marsh & McLennan"); else ``index`` itself."""
    name = registry.entities[index].name
    fuller = registry.org_starting(name) if " " not in name else None
    return registry.orgs.get(org_key(fuller), index) if fuller is not None else index
