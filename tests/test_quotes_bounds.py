"""Where reported statements start and end, and which words are no statement (our own words).

One row per case; each fix has rows that fail without it.
"""

from __future__ import annotations

import pytest

from index.quotes import extract_quotes

# (fix, sentence, the indirect statements found as (text, speaker))
ROWS: list[tuple[str, str, list[tuple[str, str | None]]]] = [
    # A cue word that is a noun: a verb or a preposition of its own follows it.
    ("noun-cue", "The Harbour Board report looked at the cost of the repairs.", []),
    ("noun-cue", "The share of travellers booking by ferry calls has fallen by a third.", []),
    ("noun-cue", "Some 90% of travel insurance claims were for lost bags.", []),
    ("noun-cue", "A recent report from the port authority counted 40 ferries.", []),
    ("noun-cue", "Harbour call centres are expected to be busy all summer.", []),
    (
        "noun-cue",
        "The ferry unit of Nordic energy giant Vasskraft is reportedly facing a 1bn krone "
        "($90m; £70m) back-tax claim for the 2011-2013 period.",
        [],
    ),
    (
        "noun-cue",
        "Ferry Line, a service which lets users receive phone calls from landlines, starts in May.",
        [],
    ),
    (
        "noun-cue",
        "The Harbour Board report says that the pier needs new beams.",
        [("that the pier needs new beams", "The Harbour Board report")],
    ),
    # ... but a verb whose object a relative clause has taken is still a verb.
    (
        "noun-cue",
        "The yard, which the union claims was sold too cheaply, will close.",
        [("was sold too cheaply", "the union")],
    ),
    (
        "noun-cue",
        "The union calls for a ban on night crossings.",
        [("a ban on night crossings", "The union")],
    ),
    (
        "noun-cue",
        "Skippers claim to have seen the fault months ago.",
        [("to have seen the fault months ago", "Skippers")],
    ),
]


@pytest.mark.parametrize(("fix", "sentence", "expected"), ROWS)
def test_statement_bounds(fix: str, sentence: str, expected: list[tuple[str, str | None]]) -> None:
    found = [(q.text, q.speaker) for q in extract_quotes([sentence]) if q.kind == "indirect"]
    assert found == expected, fix
