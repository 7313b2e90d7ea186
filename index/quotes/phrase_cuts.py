"""Cutting a speaker phrase down to its name: adjuncts and the place someone works.

``"...," said Ada Vik on Tuesday`` and ``"...," Hana Voss of the Coastal Institute wrote``
name Ada Vik and Hana Voss; the words after the name say when or where, not who.
"""

from __future__ import annotations

import re

from index.quotes.names import Source
from index.quotes.speakers import parse_source

_NP_STOP = re.compile(
    r"\s+(?:in|on|at|for|during|via|through|while|when|after|before|as|to|from|about|"
    r"of\s+(?:the|his|her|their)\s+(?:plan|decision|idea|proposal|campaign)|"
    r"adding|referring|speaking|pointing|noting|explaining|according|told|who|which|"
    r"last|this|earlier|later|afterwards?|(?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|yesterday|today|tonight))\b.*$",
    re.I | re.S,
)


def cut_phrase(phrase: str) -> str:
    """Cut adjuncts (``in a statement``, ``on Tuesday``) off the name part of a phrase."""
    head, comma, rest = phrase.partition(",")
    head = _NP_STOP.sub("", head)
    if not comma:
        return head
    return f"{head},{_REPORTED_IN.sub('', _GOES_ON.sub('', rest))}"


# "Ada Vik, a professor at the college, adding that ...": what the speaker went on to say.
_GOES_ON = re.compile(
    r",\s+(?:adding|saying|noting|explaining|insisting|arguing|claiming|warning)\b.*$", re.S
)
# "Ada Vik, a spokeswoman for the port quoted in the Harbour Post": where her words appeared.
_REPORTED_IN = re.compile(
    r"\s+(?:quoted|cited|speaking|writing|interviewed)\s+(?:in|on|at|by|to)\s.*$", re.S
)


# `Hana Voss of the coastal institute`: where a named person works, after their name.
_AFFILIATION = re.compile(r"\s+(?:of|from|at|with)\s+\S.*$", re.S)


def affiliated_person(phrase: str) -> Source | None:
    """A person's full name opening a phrase that goes on to where they work, else None.

    ``Hana Voss of the Coastal Institute at Lund`` and ``Ingrid Sole of the passengers'
    forum`` give Hana Voss and Ingrid Sole; one word (``Shooting on the sequel``) is no name.
    """
    lead = phrase.lstrip()
    for cut in (cut_phrase(phrase), _AFFILIATION.sub("", phrase)):
        source = parse_source(cut)
        if source is not None:
            named = lead.startswith(source.name) and " " in source.name
            return source if named and source.kind == "person" else None
    return None
