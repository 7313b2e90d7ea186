"""Where reported statements start and end, and which words are no statement (our own words).

One row per case; each fix has rows that fail without it.
"""

from __future__ import annotations

import pytest

from index.quotes import extract_quotes

# (fix, sentence, the indirect statements found as (text, speaker))
ROWS: list[tuple[str, str, list[tuple[str, str | None]]]] = [
    # "said Mr Dahl" set off inside a sentence, before a clause of its own: one statement.
    (
        "inverted-aside",
        "Although small ferries will still sail, said Mr Dahl, the big ones have stopped.",
        [("Although small ferries will still sail the big ones have stopped", "Dahl")],
    ),
    (
        "inverted-aside",
        "By contrast, said Ms Vik, the old quay was never full.",
        [("By contrast the old quay was never full", "Vik")],
    ),
    (
        "inverted-aside",
        "The quay is full, said Jon Dahl, a pilot who has sailed here for years.",
        [("The quay is full", "Jon Dahl")],
    ),
    # A full name set off before the description that ends the sentence speaks.
    (
        "name-before-description",
        "The port is safe, Ada Vik, the harbour master said.",
        [("The port is safe", "Ada Vik")],
    ),
    (
        "name-before-description",
        "On Monday, we met Ada Vik, the harbour master said.",
        [("On Monday, we met Ada Vik", "the harbour master")],
    ),
    (
        "name-before-description",
        "The port is safe, the port director, Ada Vik, said.",
        [("The port is safe", "Ada Vik")],
    ),
    # The subject of a clause opened by "as" speaks, not the main clause's words before it.
    (
        "opened-clause",
        "Ferry shares fell in Oslo as analysts said the summer had been poor.",
        [("the summer had been poor", "analysts")],
    ),
    (
        "opened-clause",
        "A meeting of the harbour board saw loyal members say the plan was wrong.",
        [],
    ),
    # "her" before a noun owns the statement's subject; it is no one told.
    (
        "owner-not-addressee",
        "Ada Vik said her party would admit only ferries that were needed.",
        [("her party would admit only ferries that were needed", "Ada Vik")],
    ),
    (
        "owner-not-addressee",
        "Ada Vik told her on Tuesday that the ferries were needed.",
        [("that the ferries were needed", "Ada Vik")],
    ),
    # A figure a firm reports or claims is a result, not a statement.
    ("figure", "Halvard Ferries reported a loss of $38m for the year.", []),
    ("figure", "Halvard Ferries has reported a 12% rise in profit.", []),
    ("figure", "The port is claiming more than $2m in damages.", []),
    ("figure", "The ferry firm claimed sales were up.", [("sales were up", "The ferry firm")]),
    # Whom one reports to, what one acts by, what a work is called: nothing said.
    ("report-to", "Ada Vik will report to the harbour board next month.", []),
    ("no-source", "The ferry is steered according to rules set by the harbour master.", []),
    ("naming", "She is writing a play for the radio, called The Long Way To Voss.", []),
    # A cue word that is a noun: a verb or a preposition of its own follows it.
    ("noun-cue", "The Harbour Board report looked at the cost of the repairs.", []),
    ("noun-cue", "The share of travellers booking by ferry calls has fallen by a third.", []),
    ("noun-cue", "Some 90% of travel insurance claims were for lost bags.", []),
    ("noun-cue", "Ada Vik claimed her third sailing title of the year in Bergen.", []),
    ("noun-cue", "The film tells the story of two brothers who run a ferry to Bergen.", []),
    ("noun-cue", "The Republic look to have an edge after claiming away draws in Oslo.", []),
    ("noun-cue", "Jon Dahl added four conversions as Voss kept their fine start.", []),
    ("noun-cue", "Fares rose despite a harbour board report that showed costs were falling.", []),
    ("noun-cue", "A Danish ferry claim accusing the port of delays was thrown out.", []),
    # The object of a verb in the past: the reports, claims or calls are others'.
    ("noun-cue", "The ferry line denied reports it was leaving Voss.", []),
    ("noun-cue", "Tom Berg and Kari Moen claimed the individual titles at the Voss race.", []),
    ("report-back", "The two panels will report back to the board, at its April meeting.", []),
    # A name someone goes by is no claim; what they call themselves otherwise is.
    ("naming", "The group calls itself the Harbour Watch and meets on Fridays.", []),
    (
        "naming",
        "In 1999 Tom Berg called himself a friend of the port.",
        [("himself a friend of the port", "Tom Berg")],
    ),
    # The idiom of an identity: nothing is reported.
    ("identity", "The hard part is checking that a sailor is who they say they are at sea.", []),
    ("noun-cue", "Ada Vik, from the Harbour Trust, rejected calls for a second quay.", []),
    ("noun-cue", "The vote prompted claims that the count was wrong.", []),
    (
        "noun-cue",
        "Some reports claim the ferry will be sold.",
        [("the ferry will be sold", "Some reports")],
    ),
    (
        "inverted",
        "The sale has sunk Nordco, once the owner of Vestfrakt, said founder Jon Dahl.",
        [("The sale has sunk Nordco, once the owner of Vestfrakt", "Jon Dahl")],
    ),
    ("noun-cue", "The 23-year-old skipper has admitted two charges of reckless sailing.", []),
    (
        "noun-cue",
        "The biggest Danish ferry line will also add a cabin class to its night boats.",
        [],
    ),
    ("noun-cue", "On Monday the port asked the council for more money for dredging.", []),
    (
        "noun-cue",
        "A few skippers claim the fares are too high.",
        [("the fares are too high", "A few skippers")],
    ),
    (
        "noun-cue",
        "Ada Vik asked whether the ferry for Oslo would sail.",
        [("whether the ferry for Oslo would sail", "Ada Vik")],
    ),
    (
        "noun-cue",
        "The app will be built so that people can play any sea shanty, just by saying its name.",
        [],
    ),
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
        "Skippers are warning against a late start to the season.",
        [("against a late start to the season", "Skippers")],
    ),
    (
        "noun-cue",
        "The Harbour Board report says that the pier needs new beams.",
        [("that the pier needs new beams", "The Harbour Board")],
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
    # Whoever is told or warned, before a statement that opens with "that" or a pronoun.
    (
        "addressee",
        "Ada Vik told jurors she met the skipper often.",
        [("she met the skipper often", "Ada Vik")],
    ),
    (
        "addressee",
        "Ada Vik told the harbour master she could never trust the skipper.",
        [("she could never trust the skipper", "Ada Vik")],
    ),
    (
        "addressee",
        "Ada Vik admitted to jurors she was willing to sink the ferry.",
        [("she was willing to sink the ferry", "Ada Vik")],
    ),
    (
        "addressee",
        "Ada Vik warned ferry owners that fares would rise.",
        [("that fares would rise", "Ada Vik")],
    ),
    (
        "addressee",
        "Ada Vik warned her crew they must fix the errors.",
        [("they must fix the errors", "Ada Vik")],
    ),
    (
        "addressee",
        "Ada Vik warned the Harbour Board that the pier would close.",
        [("that the pier would close", "Ada Vik")],
    ),
    # ... but a name after "warned" is the statement's subject, a "that" before a verb opens a
    # relative clause, and what is told may be a story.
    (
        "addressee",
        "Ada Vik warned Norway faces a long winter.",
        [("Norway faces a long winter", "Ada Vik")],
    ),
    (
        "addressee",
        "Ada Vik warned the extra demand that had lifted fares was gone.",
        [("the extra demand that had lifted fares was gone", "Ada Vik")],
    ),
    (
        "addressee",
        "Ada Vik told the story of how she saved the ferry.",
        [("the story of how she saved the ferry", "Ada Vik")],
    ),
    # No statement: a participle before its agent, a reply in kind; an adjunct of time before
    # "that"; the reporter's concession after the speaker.
    ("not-content", "The loss reported by travellers was $5m.", []),
    ("not-content", "The new fare, announced by the Harbour Board on Friday, beat forecasts.", []),
    ("not-content", "The home side replied with two late goals.", []),
    (
        "not-content",
        "The board has said for months that the pier is safe.",
        [("that the pier is safe", "The board")],
    ),
    (
        "not-content",
        "Fares will rise, Ada Vik told reporters, although she would not give a date.",
        [("Fares will rise", "Ada Vik")],
    ),
    (
        "not-content",
        "Ada Vik said by the time the ferry came, the pier had closed.",
        [("by the time the ferry came, the pier had closed", "Ada Vik")],
    ),
    (
        "not-content",
        "Ada Vik said, by 2030, she wanted every ferry to run on batteries.",
        [("by 2030, she wanted every ferry to run on batteries", "Ada Vik")],
    ),
    # A speaker inside a clause of the statement ("when", "if", "that" ...) is part of it.
    (
        "nested",
        "Ada Vik said she was angry when she called the harbour only to be told to wait.",
        [("she was angry when she called the harbour only to be told to wait", "Ada Vik")],
    ),
    (
        "nested",
        "Tom Berg noted that the radio had reported the ferry was late right after he told "
        "listeners that it was early.",
        [
            (
                "that the radio had reported the ferry was late right after he told listeners "
                "that it was early",
                "Tom Berg",
            )
        ],
    ),
    # A statement in a relative clause set off by commas closes where the sentence's own verb
    # comes back.
    (
        "relative",
        "Tom Berg, who said he rarely takes the ferry, told reporters one captain he likes is "
        "Ada Vik.",
        [
            ("he rarely takes the ferry", "Tom Berg"),
            ("one captain he likes is Ada Vik", "Tom Berg"),
        ],
    ),
    (
        "relative",
        "Skippers, many of whom say the pier is unsafe, said on Monday that the board must act.",
        [("the pier is unsafe", "Skippers"), ("that the board must act", "Skippers")],
    ),
    # A cue word ending a compound is no verb; arguing with someone is no statement.
    (
        "compound",
        "Ada Vik, a self-described ferry buff, closed the pier on Monday.",
        [],
    ),
    ("not-content", "Tom Berg argued with Ada Vik at the meeting.", []),
    # "called" naming something just introduced; "adding to" a sum.
    (
        "naming",
        "A skipper called Tom Berg said the pier was safe.",
        [("the pier was safe", "Tom Berg")],
    ),
    ("naming", "Ada Vik set up a new group called Harbour Watch.", []),
    ("not-content", "Tom Berg won in Bergen, adding to his lead over Ada Vik.", []),
    # The reporter's own words after a statement: a comparison, a concession, an apposition on
    # its last words, how the source spoke.
    (
        "comparison",
        "The board said ferry fares rose by 4% in May, compared with 2% a year earlier.",
        [("ferry fares rose by 4% in May", "The board")],
    ),
    (
        "concession",
        "Tom Berg said he would never sail again, even though he once crossed the fjord daily.",
        [("he would never sail again", "Tom Berg")],
    ),
    (
        "as-comparison",
        "Ada Vik said she would not back the plan, as have two other harbour masters.",
        [("she would not back the plan", "Ada Vik")],
    ),
    (
        "apposition",
        "The board said passenger numbers jumped to 9,000, the highest since the pier opened.",
        [("passenger numbers jumped to 9,000", "The board")],
    ),
    (
        "apposition",
        "Ada Vik said the crossing was cancelled twice in May, a record for the route.",
        [("the crossing was cancelled twice in May", "Ada Vik")],
    ),
    (
        "anonymity",
        "An official said the pier would shut on condition of anonymity because he was not "
        "allowed to speak.",
        [("the pier would shut", "An official")],
    ),
    (
        "next-verb",
        "Ada Vik said a delay would be costly and she accused the board of dithering.",
        [("a delay would be costly", "Ada Vik")],
    ),
    # ... but an adjunct that opens the statement, a list, a name set off by commas and
    # "the more ..., the more" stay inside it; so does a clause with its own verb.
    (
        "apposition",
        "Tom Berg said that, given such high fares, the ferry company saw no reason to cut them.",
        [("that, given such high fares, the ferry company saw no reason to cut them", "Tom Berg")],
    ),
    (
        "apposition",
        "Ada Vik said the pier, the road and the school would all close.",
        [("the pier, the road and the school would all close", "Ada Vik")],
    ),
    (
        "apposition",
        "Ada Vik said the more ferries run, the more the town earns.",
        [("the more ferries run, the more the town earns", "Ada Vik")],
    ),
    (
        "apposition",
        "Tom Berg said the harbour is shrinking, the old docks will be sold.",
        [("the harbour is shrinking, the old docks will be sold", "Tom Berg")],
    ),
    (
        "next-verb",
        "Tom Berg said only a fifth of skippers voted against him and he intended to stay.",
        [("only a fifth of skippers voted against him and he intended to stay", "Tom Berg")],
    ),
    # An inquiry, hearing or meeting told, with its name and where it sat, is the addressee.
    (
        "addressee",
        "Ada Vik said the rules were fair. They could be made tougher, she told a Commons inquiry.",
        [
            ("the rules were fair", "Ada Vik"),
            ("They could be made tougher", "Ada Vik"),
        ],
    ),
    (
        "addressee",
        "Ada Vik told a meeting of the Harbour Board it would be unwise to guess.",
        [("it would be unwise to guess", "Ada Vik")],
    ),
    (
        "addressee",
        "Ada Vik told the hearing at the Bergen and Voss Institute the case could go on for years.",
        [("the case could go on for years", "Ada Vik")],
    ),
    # Where it was said ends the sentence: an event's name, then a place.
    (
        "addressee",
        "Fares could fall, Nordplan told an audience at the ferry fair in Bergen last year.",
        [("Fares could fall", "Nordplan")],
    ),
    ("addressee", "Ada Vik said in Bergen fares would fall.", [("fares would fall", "Ada Vik")]),
    # The rest of an outlet's name after the one told: no statement.
    (
        "addressee",
        '"Fares will rise," Tom Berg, a pilot at a firm in Voss, told NTB news agency.',
        [],
    ),
    # A second verb shares the subject of the clause it is in, not of the sentence.
    (
        "subordinate",
        "The key is if Tom Berg comes out and says that he will stay.",
        [("that he will stay", "Tom Berg")],
    ),
    (
        "subordinate",
        "Ada Vik put off deciding whether Harbour Watch could sue but said the group could wait.",
        [("the group could wait", "Ada Vik")],
    ),
    (
        "subordinate",
        "If the port agrees, Ada Vik will sign and say the deal is done.",
        [("the deal is done", "Ada Vik")],
    ),
    # A sentence opened by "As" or the British "Whilst": the opening clause ends at its comma,
    # and the word is no part of the speaker's name or role.
    (
        "subordinate",
        "As Ada Vik announced the timetable would change, harbour pilot Tom Berg urged her "
        "to wait.",
        [("the timetable would change", "Ada Vik")],
    ),
    (
        "subordinate",
        "Whilst Tom Berg says the port is safe, the union wants an inquiry.",
        [("the port is safe", "Tom Berg")],
    ),
    (
        "subordinate",
        'As they say about the harbour master, "steady hands, long memory."',
        [],
    ),
    (
        "subordinate",
        "When the survey asked about the two ferry routes, most islanders chose the short one.",
        [("about the two ferry routes", "the survey")],
    ),
    # An outlet's name run into the name that opens the statement: the person is said of.
    (
        "outlet-then-person",
        "Party sources told the BBC Anna Vik had always backed the tunnel.",
        [("Anna Vik had always backed the tunnel", "Party sources")],
    ),
    (
        "outlet-then-person",
        "A Labour source told Harbour Radio Mr Dahl would front the campaign.",
        [("Mr Dahl would front the campaign", "A Labour source")],
    ),
    ("outlet-then-person", "Ada Vik told Tom Berg she would go.", [("she would go", "Ada Vik")]),
    # "and claim" after a statement: the speakers' second verb, in the present.
    (
        "next-verb",
        "The Greens have said the port's sums do not add up and claim it would cut ferries.",
        [("the port's sums do not add up", "The Greens"), ("it would cut ferries", "The Greens")],
    ),
    # "but" before another speaker's attribution ends the statement.
    (
        "but-speaker",
        "The port claimed Ola Berg was to blame but his lawyer, Ada Vik, told reporters it was "
        "absurd.",
        [("Ola Berg was to blame", "The port"), ("it was absurd", "Ada Vik")],
    ),
    # A semicolon inside brackets (a sum in two currencies) does not end the statement.
    (
        "brackets",
        "Nordco said profit rose to 90m euros ($118m; £62m) in the year to March.",
        [("profit rose to 90m euros ($118m; £62m) in the year to March", "Nordco")],
    ),
]


@pytest.mark.parametrize(("fix", "sentence", "expected"), ROWS)
def test_statement_bounds(fix: str, sentence: str, expected: list[tuple[str, str | None]]) -> None:
    found = [(q.text, q.speaker) for q in extract_quotes([sentence]) if q.kind == "indirect"]
    assert found == expected, fix
