"""One name per speaker: every quote of a person carries the fullest name the article gives,
and the role apart. Tables of (paragraphs, expected quotes), in our own sentences.

Each row names a shape of news writing that gave a shorter name, or a role inside the name;
the expected quotes are ``(first words of the quote, speaker, role)`` in reading order.
"""

from __future__ import annotations

import pytest

from index.corpus.article import PARAGRAPH_SEPARATOR
from index.quotes import extract_quotes
from tests.quotecheck import check_offsets

NAMES: list[tuple[str, tuple[str, ...], list[tuple[str, str | None, str | None]]]] = [
    (
        "a name whose capital is no ASCII letter ('Ł', 'Š') is one name",
        (
            "The Czech novelist Šárka Holubová has won the Harbour Prize.",
            '"I did not expect it," Holubová said.',
        ),
        [("I did not expect it", "Šárka Holubová", "Czech novelist")],
    ),
    (
        "a paper's name runs into the name of the one who spoke to it",
        (
            "Helen Brekke runs the ferry board.",
            "Speaking to the Tromvik Post Brekke said that the ferry would sail again in May.",
        ),
        [("that the ferry would", "Helen Brekke", None)],
    ),
    (
        "a long opening phrase with no comma before the one who spoke",
        (
            "In a panel discussion at a harbour summit in the north of Tromvik Mr Brekke said "
            "the ferry fares were a problem for the island.",
        ),
        [("the ferry fares", "Brekke", None)],
    ),
    (
        "a surname that is also a city is the person the article names in full",
        (
            "The match was refereed by John Dallas.",
            '"It was a clear penalty," Dallas said.',
        ),
        [("It was a clear penalty", "John Dallas", None)],
    ),
    (
        "a city is no one's surname when no one is named with it",
        (
            "Helen Brekke flew to Dallas on Monday.",
            '"It was a fine trip," Dallas said.',
        ),
        [("It was a fine trip", "Dallas", None)],
    ),
    (
        "a title written in capitals after 'the' is the person given that title",
        (
            "Harbour Secretary Helen Brekke flew to Tromvik on Monday.",
            "The Harbour Secretary said the ferry talks would go on.",
        ),
        [("the ferry talks", "Helen Brekke", "Harbour Secretary")],
    ),
    (
        "a title with 'of' is whole, before the name and after 'the'",
        (
            "Secretary of State Helen Brekke flew to Tromvik on Monday.",
            "The Secretary of State said the ferry talks would go on.",
        ),
        [("the ferry talks", "Helen Brekke", "Secretary of State")],
    ),
    (
        "a title with 'of' stands for the one given the title before its 'of'",
        (
            "Chancellor Helen Brekke set out her budget on Monday.",
            "The Chancellor of the Exchequer said growth would be strong.",
        ),
        [("growth would be", "Helen Brekke", "Chancellor")],
    ),
    (
        "a parliamentary title before a peer's title is the role, not part of the name",
        ('Former Green MP Lord Tavey called the levy "a tax on rain".',),
        [("the levy", "Lord Tavey", "Former Green MP")],
    ),
    (
        "a British first name tells a 'he' whom it stands for",
        (
            'Manager Gary Dallin was pleased. "We deserved it," Dallin said.',
            "Robbie Marr, captain for the night and scorer of the second goal, echoed his "
            'manager. "We kept going and the goal came," he said.',
        ),
        [
            ("We deserved it", "Gary Dallin", "Manager"),
            ("We kept going", "Robbie Marr", "captain for the night and scorer of the second goal"),
        ],
    ),
    (
        "a month that is also a first name is part of the name before a surname",
        ('"The roads are closed," said Jan Tebbe, head of the relief agency.',),
        [("The roads are closed", "Jan Tebbe", "head of the relief agency")],
    ),
    (
        "a first name that is also a month opens a sentence",
        ("June Orley said the vote was close.", '"We lost by ten," Orley added.'),
        [("the vote was close", "June Orley", None), ("We lost by ten", "June Orley", None)],
    ),
    (
        "after a word of time, a month is a date and no one's first name",
        ("Since April Holt has run the port.", '"It is busy," Holt said.'),
        [("It is busy", "Holt", None)],
    ),
    (
        "a full name given only in passing names the one later called by surname",
        (
            "The ferry line is owned by Rhona Tarrant, a former pilot.",
            '"We will add a boat," Ms Tarrant said.',
        ),
        [("We will add a boat", "Rhona Tarrant", "a former pilot")],
    ),
    (
        "a name in passing after a possessive with a bare apostrophe",
        ("The crowd came for Lorcan Geddes' new show.", '"It sold out," Geddes said.'),
        [("It sold out", "Lorcan Geddes", None)],
    ),
    (
        "two full names in passing with one surname leave the surname as written",
        (
            "The prizes went to Orla Brann and to Kit Brann.",
            '"Rain is late," Brann said.',
        ),
        [("Rain is late", "Brann", None)],
    ),
    (
        "a role set off by a comma ends at the full stop",
        ("Tolls are set by Greta Lund, the bridge warden. Ms Lund said the fee would rise.",),
        [("the fee would rise", "Greta Lund", "the bridge warden")],
    ),
    (
        "an occupation capitalised at the start of a sentence is the role, not the name",
        ("Singer Tove Lindqvist opened the festival.", '"We play till dawn," Lindqvist said.'),
        [("We play till dawn", "Tove Lindqvist", "Singer")],
    ),
    (
        "an occupation before a one-word stage name",
        ("Rapper Kolo said the tour was long.",),
        [("the tour was long", "Kolo", "Rapper")],
    ),
    (
        "a capitalised compound with lower-case parts before a name is a description",
        ("Fly-half Tomas Brandt kicked three goals.", '"The wind helped," Brandt said.'),
        [("The wind helped", "Tomas Brandt", "Fly-half")],
    ),
    (
        "a role before a name after 'and' does not take in the name before 'and'",
        (
            "The hall was opened by Mira Solberg and actor Ivo Dahl.",
            '"It is a fine hall," Dahl said.',
        ),
        [("It is a fine hall", "Ivo Dahl", "actor")],
    ),
    (
        "a bare title before a name holds a description with more words",
        (
            "Founder Lise Berg started Fjordline in 1990.",
            '"We grew slowly," the Fjordline founder said.',
        ),
        [("We grew slowly", "Lise Berg", "Founder")],
    ),
    (
        "a bare title holds a description only when no role says more",
        (
            "French President Jon Amiel flew in on Monday.",
            "President Ola Nord met him at the airport.",
            '"We agree," the French president said.',
        ),
        [("We agree", "Jon Amiel", "French President")],
    ),
    (
        "lower-case words before a noun such as 'defender' describe the one just spoken of",
        (
            "Tomas Brandt scored twice on Saturday.",
            '"The pitch was heavy," the central defender said.',
        ),
        [("The pitch was heavy", "Tomas Brandt", "the central defender")],
    ),
    (
        "two nouns joined by 'and' describe the one just spoken of",
        (
            "Ilse Moran, the comedian, opened the gala.",
            '"I was nervous," the comic and actor said.',
        ),
        [("I was nervous", "Ilse Moran", "the comedian")],
    ),
    (
        "'the other striker' is someone else than the one just spoken of",
        ("Tomas Brandt scored twice.", '"It was easy," the other striker said.'),
        [("It was easy", "the other striker", None)],
    ),
    (
        "a description stands for the one given its noun as a role before the one just named",
        (
            "Rock singer Ada Lorne lives in the valley.",
            "Her neighbour Jon Pike lives next door.",
            '"He ran off," the pop singer said.',
        ),
        [("He ran off", "Ada Lorne", "Rock singer")],
    ),
    (
        "a party word before a first name is the role, not part of the name",
        ("Liberal Democrat Sarah Vik said the plan was dead.",),
        [("the plan was dead", "Sarah Vik", "Liberal Democrat")],
    ),
    (
        "an adjective opening the sentence before a first name is no part of the name",
        ("Defiant Mark Brandt said he would stay.",),
        [("he would stay", "Mark Brandt", "Defiant")],
    ),
    (
        "a first name before another first name stays part of the name",
        ("Pietro Maria Lund said the choir would sing.",),
        [("the choir would sing", "Pietro Maria Lund", None)],
    ),
    (
        "'Neither' opening a sentence is no part of a name",
        ("Neither Tomas Brandt nor his coach would talk.", '"We lost," Brandt said.'),
        [("We lost", "Tomas Brandt", None)],
    ),
    (
        "a title may own an 'of the' phrase before the name",
        ('"Rates will hold," said Chancellor of the Exchequer Helen Vik.',),
        [("Rates will hold", "Helen Vik", "Chancellor of the Exchequer")],
    ),
    (
        "a peer's title does not keep a peer apart from the full name",
        ("Baroness Helen Vik opened the debate.", '"It is late," Baroness Vik said.'),
        [("It is late", "Helen Vik", None)],
    ),
    (
        "a role before a name starts at a word, not inside '60m'",
        ("Aino Virta, the world 60m champion Ben Koh and others ran.", '"I felt slow," Koh said.'),
        [("I felt slow", "Ben Koh", "champion")],
    ),
    (
        "a plural possessive inside a body's name keeps the name whole",
        ("Ida Kerr from the Pipers' Guild said fees would rise.",),
        [("fees would rise", "Ida Kerr", None)],
    ),
    (
        "a plural possessive in a body's name after the speaker's name",
        ('"It is bad for us," said Ann Lee of the Pipers\' Guild.',),
        [("It is bad for us", "Ann Lee", None)],
    ),
    (
        "a body named with a possessive speaks as a whole",
        ("The Ferrymen\u2019s Union said the cuts went too far.",),
        [("the cuts went too far", "The Ferrymen\u2019s Union", None)],
    ),
    (
        "a list inside a body's name before the speaker noun stays in the description",
        (
            "A Department for Roads, Rivers and Ports spokeswoman said the bridge was safe.",
            '"We check it weekly," she added.',
        ),
        [
            ("the bridge was safe", "A Department for Roads, Rivers and Ports spokeswoman", None),
            ("We check it weekly", "A Department for Roads, Rivers and Ports spokeswoman", None),
        ],
    ),
    (
        "a list inside the title before a name is all role",
        ("Secretary of State for Roads, Rivers and Ports Helen Kerr said the bridge was safe.",),
        [("the bridge was safe", "Helen Kerr", "Secretary of State for Roads, Rivers and Ports")],
    ),
    (
        "a body's own 'of' before the speaker noun",
        ('"Stocks are low," a Ministry of Fisheries spokesman said.', '"We act now," he added.'),
        [
            ("Stocks are low", "a Ministry of Fisheries spokesman", None),
            ("We act now", "a Ministry of Fisheries spokesman", None),
        ],
    ),
    (
        "a country's acronym before the speaker noun is not the pronoun 'us'",
        (
            "Ola Berg waited at the gate.",
            'A US Embassy spokesman said: "We know of the case."',
            '"We will help," he added.',
        ),
        [
            ("We know of the case", "A US Embassy spokesman", None),
            ("We will help", "A US Embassy spokesman", None),
        ],
    ),
    (
        "a question quote, then who asked it and whom",
        ('"Will the ferry sail?" Ada Vik asked the crowd.', '"Who pays?" she asked the mayor.'),
        [("Will the ferry sail?", "Ada Vik", None), ("Who pays?", "Ada Vik", None)],
    ),
    (
        "a word joined by 'and' to a body after 'for' is part of the body",
        ("A spokesman for the Office of Roads and Ports said the bridge was safe.",),
        [("the bridge was safe", "A spokesman for the Office of Roads and Ports", None)],
    ),
    (
        "a name inside a participle phrase that opens the sentence is not the 'he' after it",
        (
            "Parry, who chairs the club, said the board was calm and that no bid had come in "
            "from abroad this winter.",
            "And responding to criticism from TV pundit and former club stalwart Alan Hanley, "
            "he insisted talks were going on.",
        ),
        [("the board was calm", "Parry", None), ("talks were going on", "Parry", None)],
    ),
    (
        "a noun with 'of' before a role word is no part of the role",
        ("It forced the exit of tycoon Jon Dahl, who claimed the board was slow.",),
        [("the board was slow", "Jon Dahl", "tycoon")],
    ),
    (
        "a role word that owns an 'of' phrase keeps it",
        ("The chief of staff Jon Dahl said the board was slow.",),
        [("the board was slow", "Jon Dahl", "The chief of staff")],
    ),
    (
        "a relation 'of' a named singer speaks, not the singer",
        ('"He was kind," the brother of singer Ada Vik said.',),
        [("He was kind", "the brother of singer Ada Vik", None)],
    ),
    (
        "a title with its own 'of' before the name",
        ('"We act," said former secretary of state Ada Vik.',),
        [("We act", "Ada Vik", "former secretary of state")],
    ),
    (
        "a body named after its description at the start of a sentence is what 'it' stands for",
        (
            "Danish shipping group Nordline Media has bought two boats.",
            "Bookings were up, the group said. Fuel costs fell too, it said.",
        ),
        [
            ("Bookings were up", "Nordline Media", "the group"),
            ("Fuel costs fell too", "Nordline Media", "the group"),
        ],
    ),
    (
        "a name joined by '&' is one body",
        ("Harbour firm Berg & Dahl Holdings has sold its ferries.", "The deal was fair, it said."),
        [("The deal was fair", "Berg & Dahl Holdings", None)],
    ),
    (
        "a capitalised common word that opens a sentence before its noun names no body",
        (
            "Shares in Nordline rose on Monday. Nordline said sales were up.",
            "Group travel rose by a tenth. The rise came from new routes, it said.",
        ),
        [("sales were up", "Nordline", None), ("The rise came", "Nordline", None)],
    ),
    (
        "an age stands for the one just named, and becomes the role",
        ("Ada Vik sailed home first.", '"It was hard for all of us," said the 25-year-old.'),
        [("It was hard for all of us", "Ada Vik", "the 25-year-old")],
    ),
    (
        "a parent described by children stands for the one just named",
        ("Jon Dahl was freed on Monday.", '"I am glad to be home," the father-of-three said.'),
        [("I am glad to be home", "Jon Dahl", "the father-of-three")],
    ),
    (
        "capitalised words before a title and a name are nobody",
        (
            "Double Nordic champion Jon Dahl will race in Bergen.",
            '"I only run if I can win," said the 30-year-old.',
        ),
        [("I only run if I can win", "Jon Dahl", "Double Nordic champion")],
    ),
]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [pytest.param(paragraphs, expected, id=shape) for shape, paragraphs, expected in NAMES],
)
def test_names(
    paragraphs: tuple[str, ...], expected: list[tuple[str, str | None, str | None]]
) -> None:
    found = extract_quotes(paragraphs)
    body = PARAGRAPH_SEPARATOR.join(paragraphs)
    for quote in found:
        check_offsets(quote, body)
    got = [(quote.text, quote.speaker, quote.role) for quote in found]
    assert len(got) == len(expected), got
    for (text, speaker, role), (start, want, want_role) in zip(got, expected, strict=True):
        assert text.startswith(start), got
        assert (speaker, role) == (want, want_role), got
