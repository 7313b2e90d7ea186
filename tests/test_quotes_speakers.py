"""Who speaks, and in what role: tables of (paragraphs, expected quotes), in our own sentences.

Each row names a shape of news writing that gave the wrong speaker (or role) once; the
expected quotes are ``(first words of the quote, speaker or role)`` in reading order.
"""

from __future__ import annotations

import pytest

from index.corpus.article import PARAGRAPH_SEPARATOR
from index.quotes import extract_quotes
from index.quotes.apposition import appositive_role
from index.quotes.coref import scan_people
from index.quotes.marks import find_single_spans
from index.quotes.registry import Registry
from index.quotes.roles import carries, plausible_role
from index.quotes.source_lead import is_clause
from index.quotes.speaker_goes_on import speaker_goes_on, spoken
from index.quotes.speakers import parse_source
from index.quotes.subjects import subject_of
from tests.quotecheck import check_offsets, speaker_of

SPEAKERS: list[tuple[str, tuple[str, ...], list[tuple[str, str | None]]]] = [
    (
        "a description with a party picks out no one while anyone else is named near",
        (
            "Senator Jon Dahl spoke after Governor Tor Berg.",
            "The Republican nominee said the vote was fair.",
        ),
        [("the vote was fair", "The Republican nominee")],
    ),
    (
        "... but one without a party is the one named as the subject",
        (
            "Senator Jon Dahl spoke after Governor Tor Berg.",
            "The foreign secretary said the vote was fair.",
        ),
        [("the vote was fair", "Jon Dahl")],
    ),
    (
        "the last word of a body's name is no owner of a claim after it",
        (
            "Banks were sent the Federal Bureau of Investigation warnings that a virus was "
            "spreading fast.",
        ),
        [],
    ),
    (
        "'X says ..., the paper reports' is X's statement, which the paper reports",
        ("Nordplan says the deal is close, the Harbour Times reports.",),
        [("the deal is close", "Nordplan")],
    ),
    (
        "'according to a paper, X said ...' is X's statement, not the paper's",
        ("According to the Harbour Times, ferry boss Ada Vik said that fares would rise.",),
        [("that fares would rise", "Ada Vik")],
    ),
    (
        "words in marks inside a body's claims are the body's, not the one who rejects them",
        (
            'Jon Dahl hit back at Labour claims that he was using the crews as a "human '
            'shield". Ada Vik dismissed claims that the port was "moving onto the turf" of '
            "the ferry firms.",
        ),
        [('that he was using the crews as a "human shield"', "Labour")],
    ),
    (
        "a description with what it is over ('for Wales') is the one person just named too",
        (
            "Dr Nora Lunde, on her first day in the job, visited the harbour.",
            "The new ferry minister for Wales said fares would fall.",
        ),
        [("fares would fall", "Nora Lunde")],
    ),
    (
        "someone who works at a firm is no name of the firm's",
        ("The former chief financial officer at ferry firm Nordplan said the books were wrong.",),
        [("the books were wrong", "The former chief financial officer at ferry firm Nordplan")],
    ),
    (
        "a spokesman for someone speaks, whoever he speaks for and however they are named",
        (
            "A spokesman for ferry commissioner Ada Vik said the plan was legal.",
            "A spokeswoman for the Harbour Commissioner's Office said fares would rise.",
        ),
        [
            ("the plan was legal", "A spokesman for ferry commissioner Ada Vik"),
            ("fares would rise", "A spokeswoman for the Harbour Commissioner's Office"),
        ],
    ),
    (
        "a body's name joined by 'and' is whole as a subject, not its last word",
        (
            "Fares in Oslo are now above those in Bergen, which the Council for Transport and "
            "Development says had the highest fares in 2015.",
        ),
        [("had the highest fares in 2015", "the Council for Transport and Development")],
    ),
    (
        "a report by someone, or someone's report, says what they say",
        (
            "Ferry fares have doubled, a Nordbank report said.",
            "A study by the Nordic Ferry Institute said fares had risen in every port.",
        ),
        [
            ("Ferry fares have doubled", "Nordbank"),
            ("fares had risen in every port", "the Nordic Ferry Institute"),
        ],
    ),
    (
        "'Dahl blamed her defeat' tells a known name's gender, so 'she' can be Dahl",
        (
            "Jelka Dahl lost in the final in Oslo.",
            'Ingrid Berg won the title. Dahl though blamed her defeat on the wind. "It was '
            'hard," she said.',
        ),
        [("It was hard", "Jelka Dahl")],
    ),
    (
        "what someone's statement, report or letter says, they say",
        (
            "Harbour master Jon Dahl denied the claim on Monday.",
            'Mr Dahl\'s statement said: "I never planned to close the pier." His letter to '
            "the council said the ferry would stay.",
        ),
        [
            ("I never planned to close the pier.", "Jon Dahl"),
            ("the ferry would stay", "Jon Dahl"),
        ],
    ),
    (
        "an organisation's initials stand for its full name, named before without them",
        ("Nordic Ferry Lines has warned of a loss.", "NFL said fuel costs had risen."),
        [("fuel costs had risen", "Nordic Ferry Lines")],
    ),
    (
        "initials two names share stand for neither",
        (
            "Nordic Ferry Lines has warned of losses, and North Fjord Logistics agreed.",
            "NFL said fuel costs had risen.",
        ),
        [("fuel costs had risen", "NFL")],
    ),
    (
        "'he said' after a statement goes on with its speaker, not a man named only in it",
        (
            'Tim Renner said sales had fallen for years. "You need time," he added. However, '
            "Jon Dahl, the director of the trade body, said he did not feel the fall was as bad "
            'as Mr Renner believed. "It is quite true that we have problems," he argued.',
        ),
        [
            ("sales had fallen for years", "Tim Renner"),
            ("You need time", "Tim Renner"),
            ("he did not feel the fall was as bad as Mr Renner believed", "Jon Dahl"),
            ("It is quite true", "Jon Dahl"),
        ],
    ),
    (
        "the man a statement opens on is not the 'he' who says it after: the one before is",
        (
            "Jon Dahl spoke at the harbour on Monday.",
            "Mr Lunde has failed to fix the pier, he claimed. But Mr Lunde's plan is late, "
            "he added.",
        ),
        [
            ("Mr Lunde has failed to fix the pier", "Jon Dahl"),
            ("Mr Lunde's plan is late", "Jon Dahl"),
        ],
    ),
    (
        "a description no role in the article holds is the one person just named as subject",
        (
            "Former radio host Nora Vik has attacked the ferry plan.",
            "The MEP said her party would scrap it. The Bergen MP said it was too dear.",
        ),
        [("her party would scrap it", "Nora Vik"), ("it was too dear", "Nora Vik")],
    ),
    (
        "a description of a person by place or team is the one just named, not a body",
        (
            "Jon Dahl expressed his relief at the result.",
            "After the win, the Norway skipper admitted another bad season would not be "
            "tolerated at the club.",
        ),
        [("another bad season would not be tolerated at the club", "Jon Dahl")],
    ),
    (
        "with two people named as subjects just before, a description picks out neither",
        (
            "Ada Vik said the pier was safe, and Jon Dahl said it was not.",
            "The foreign secretary said the council would decide.",
        ),
        [
            ("the pier was safe", "Ada Vik"),
            ("it was not", "Jon Dahl"),
            ("the council would decide", "The foreign secretary"),
        ],
    ),
    (
        "a description that is no person's stays as written: 'the state', 'the man'",
        (
            "Nora Vik runs the harbour office.",
            "The state said the ferry would stop. The man said he had seen it.",
        ),
        [("the ferry would stop", "The state"), ("he had seen it", "The man")],
    ),
    (
        "'X said he ...' tells X's gender, so a later 'he' can be X over a man named since",
        (
            "Storvik said he had had enough of the slow court, but the organiser Jon Lid "
            'disagreed. "It is faster," Lid said. Storvik, who has never won here, said it was '
            "poor. But he said he would play on any court.",
        ),
        [
            ("he had had enough of the slow court", "Storvik"),
            ("It is faster", "Jon Lid"),
            ("it was poor", "Storvik"),
            ("he would play on any court", "Storvik"),
        ],
    ),
    (
        "'with X claiming' gives X the quoted words, not the sentence's subject",
        (
            "Jon Dahl did not play in the final despite recovering from injury with harbour boss "
            'Eva Lind claiming it had been a "hard week" for him.',
        ),
        [('"hard week"', "Eva Lind")],
    ),
    (
        "a firm named as the subject of a present-tense verb is the one 'the firm' stands for",
        (
            "Halvardo plans to cut back on advertising its sweets to children.",
            "The largest ferry caterer in Norway will also add a label to its low-fat snacks. "
            "Its rival Nordmat began a similar scheme last year. The moves come as caterers "
            "face criticism from parents worried about rising levels of obesity in children. "
            "Several food makers have recently been changing the recipes of some of their "
            "sweetest products, and more are expected to follow before the summer.",
            "Halvardo's new policy covers advertising on television, on the radio and in print, "
            "and it "
            "is aimed at children between the ages of six and eleven. Adverts for some of its "
            "best known snacks shown during early morning cartoons will be replaced by food "
            "that qualifies for its new label. But the firm said it would keep advertising all "
            "its products where parents see them.",
        ),
        [("it would keep advertising", "Halvardo")],
    ),
    (
        "words in marks inside a sentence are not the next name's direct quote",
        ('To map "sea weather" Ms Lind needed years of buoy data.',),
        [],
    ),
    (
        "a first name that is also a title ('Dean') names someone the surname later stands for",
        (
            "Ada Vik is close to hiring the Voss assistant Dean Storhaug as her coach.",
            '"We had a good talk," Storhaug said.',
        ),
        [("We had a good talk", "Dean Storhaug")],
    ),
    (
        "no verb is read inside a capitalised name ('Chartered'), so the name stays whole",
        ('Nordic Chartered sees a "golden chance" in the deal.',),
        [],
    ),
    (
        "the one 'quoted in' a paper speaks, not the paper, when a courtesy title names him",
        ('Mr Strand was quoted in the Voss Herald saying: "The vote was rigged."',),
        [("The vote was rigged.", "Strand")],
    ),
    (
        "a relative clause that lists names and closes before the verb leaves its head the speaker",
        (
            "The Harbour Alliance, which includes the Rowing Club, Sea Watch and the Ferry "
            "Union, said the bill would help.",
        ),
        [("the bill would help", "The Harbour Alliance")],
    ),
    (
        "a body owning a person's name ('Voss Rowing's Jon Dahl') is not the subject; he is",
        (
            "Eva Lind said the quay was too short, but Voss Rowing's Jon Dahl rejected her "
            'claim. "We measured it twice," he said.',
        ),
        [("the quay was too short", "Eva Lind"), ("We measured it twice", "Jon Dahl")],
    ),
    (
        "a title with what it is over ('director of sport') heads the subject it names",
        (
            "Jon Moe spoke first.",
            'Voss director of sport Emilio Dahl praised the crowd. "They were superb," he said.',
        ),
        [("They were superb", "Emilio Dahl")],
    ),
    (
        "a participle and its object open the sentence; the name in them is not its subject",
        (
            "Lena Berg arrived early.",
            'Wearing a red coat by the designer Ola Strand, Berg told reporters it was "freezing".',
        ),
        [('it was "freezing"', "Lena Berg")],
    ),
    (
        "two named speakers joined by 'and' speak together",
        (
            "Nordfjord Re and Vestland Re said the storm losses would be high.",
            "The Greens and Lib Dems said the pledges were worthless.",
        ),
        [
            ("the storm losses", "Nordfjord Re and Vestland Re"),
            ("the pledges", "The Greens and Lib Dems"),
        ],
    ),
    (
        "a pair keeps together past the description set off after it",
        ("Ada Vik and Jon Dahl, the founders of the ferry line, said it would be sold.",),
        [("it would be sold", "Ada Vik and Jon Dahl")],
    ),
    (
        "'and' inside a title or a body's name joins no two speakers",
        (
            "Trade and Fisheries Secretary Eva Lind said the quota was fair.",
            "A Work and Pensions spokeswoman said the date was never set.",
        ),
        [
            ("the quota was fair", "Eva Lind"),
            ("the date was never set", "A Work and Pensions spokeswoman"),
        ],
    ),
    (
        "'our correspondent' is the paper's correspondent named before",
        (
            "The strike could start in March, said harbour correspondent Eva Lind.",
            "The talks could go on for months, our correspondent added.",
        ),
        [("The strike could start in March", "Eva Lind"), ("The talks could go on", "Eva Lind")],
    ),
    (
        "'our correspondent' with none named stays as written",
        ("The talks could go on for months, our correspondent added.",),
        [("The talks could go on", "our correspondent")],
    ),
    (
        "words in marks after a thing that only 'is' or 'would' are the writer's, no quote",
        (
            'The bill would give legal force to "harbour rights" for the first time.',
            'The number of berths was "fair and sensible" for a town of that size.',
        ),
        [],
    ),
    (
        "a thing with a verb of its own may still state what the marks hold",
        ('The lawsuit accuses the port of "plainly unfair" fees.',),
        [('"plainly unfair"', "The lawsuit")],
    ),
    (
        "a body or a group that 'is' something in marks keeps them",
        ('The ministry is "deeply concerned" about the delays.',),
        [('"deeply concerned"', "The ministry")],
    ),
    (
        "a time without a comma ends at the name after it, not at the description's comma",
        (
            "On Friday Halvard, the only ferry firm still in the red, confirmed it would "
            '"sell two boats".',
        ),
        [('it would "sell two boats"', "Halvard")],
    ),
    (
        "'joking:' after the subject's clause is theirs, not the place's named before it",
        (
            "Lena Berg missed the gala.",
            'She sent her regrets for not being in Bergen, joking: "The ferry won again."',
        ),
        [("The ferry won again.", "Lena Berg")],
    ),
    (
        "a title set off before a name is that person's, so the title later stands for them",
        (
            "The fisheries minister, Tor Bakke, opened the new quay on Monday.",
            'The fisheries minister said: "It has been a long wait."',
        ),
        [("It has been a long wait.", "Tor Bakke")],
    ),
    (
        "'the Bishop of X' is a description, not a person called X",
        (
            "The Bishop of Carrow, Dr Ola Strand, will lead the service.",
            'The Bishop of Carrow said: "We are delighted for them both."',
        ),
        [("We are delighted for them both.", "Ola Strand")],
    ),
    (
        "'the Bishop of X' with no one named for it stays the description",
        ("The Bishop of Carrow wrote to the council urging it to keep the ferry running.",),
        [("it to keep the ferry running", "The Bishop of Carrow")],
    ),
    (
        "'the archbishop' is the one named with the title 'Archbishop'",
        (
            "Archbishop Jon Moe has called for the camp to close.",
            'The Norwegian archbishop said: "It is wrong."',
        ),
        [("the camp to close", "Jon Moe"), ("It is wrong.", "Jon Moe")],
    ),
    (
        "a church style ('the Rt Rev') opens the name set off after a title",
        (
            '"It reads well," said the Bishop of Carrow, the Rt Rev Ola Strand.',
            'The bishop said: "But it is poor history."',
        ),
        [("It reads well", "Ola Strand"), ("But it is poor history.", "Ola Strand")],
    ),
    (
        "a name followed by its verb after a title and a comma is someone else, who speaks",
        (
            "Fisheries minister Vera Holm opened the quay.",
            "In a letter to the fisheries minister, Tor Bakke said the quay was too small.",
            'The fisheries minister said: "We will look at it."',
        ),
        [("the quay was too small", "Tor Bakke"), ("We will look at it.", "Vera Holm")],
    ),
    (
        "what a speaker went on to say after their description is no part of the speaker",
        (
            '"The port has lost," said Ada Vik, a lecturer at Voss College, adding that it would '
            "appeal.",
        ),
        [("The port has lost", "Ada Vik")],
    ),
    (
        "a name after a time that opens a clause is its subject ('but on Wednesday Mr Dahl')",
        (
            "Port captain Per Lund has called for the ban to end. "
            "The board has been more cautious, but on Wednesday Mr Dahl said he also wanted it to "
            'end. "I have long understood the argument," he told the committee.',
        ),
        [
            ("the ban to end", "Per Lund"),
            ("he also wanted it to end", "Dahl"),
            ("I have long understood the argument", "Dahl"),
        ],
    ),
    (
        "'Chief Executive' after a body's name is a title, no part of the name after it",
        ("Harbour Watch Chief Executive Kari Moen said lives could be put at risk.",),
        [("lives could be put at risk", "Kari Moen")],
    ),
    (
        "an age before a noun for a person is a description of the one just named",
        (
            "Actor Jon Dahl will play the skipper. The 60-year-old actor said he hoped to start "
            "filming next year.",
        ),
        [("he hoped to start filming next year", "Jon Dahl")],
    ),
    (
        "a nationality before a name is no part of it",
        (
            "Swede Jon Dahl beat the top seed in Oslo, and Canadian Kari Moen won the final.",
            '"It feels like home," said Dahl. "I love it here," Moen said.',
        ),
        [("It feels like home", "Jon Dahl"), ("I love it here", "Kari Moen")],
    ),
    (
        "the last of a list set off by dashes is no subject 'it' stands for",
        (
            "The Nordplan Group has claimed it sought help abroad because other bodies - local "
            "courts and the Nordic Court of Shipping Disputes - were unfriendly. It has claimed "
            "that the port broke the rules.",
        ),
        [
            ("it sought help abroad", "The Nordplan Group"),
            ("that the port broke the rules", "The Nordplan Group"),
        ],
    ),
    (
        "the subject ends at its verb: 'there' after a verb, or 'believe', is no part of it",
        (
            'However, union officials denied there had been a planned "go-slow".',
            "Many skippers believe the fee is too high - and fear more rises, saying the port "
            "has overspent.",
        ),
        [('"go-slow"', "union officials"), ("the port has overspent", "Many skippers")],
    ),
    (
        "a question in capitals ('VOTE Was Ada Vik right?') is no part of her name",
        (
            "Ada Vik has quit the harbour board.",
            "VOTE   Was Ada Vik right to leave the board?   Yes  No",
            '"I had no idea," Vik said.',
        ),
        [("I had no idea", "Ada Vik")],
    ),
    (
        "a party's MPs are a group, no one a description stands for",
        (
            'The prime minister has defended the ferry fees, saying "most skippers" agree.',
            "The plan faces opposition from Green and Free Coast MPs and its own members. But Ada "
            "Vik said the fees would stay.",
        ),
        [("most skippers", "Ada Vik"), ("the fees would stay", "Ada Vik")],
    ),
    (
        "the second of a pair after 'between' is no subject",
        (
            "Tom Berg has criticised a union leader who spoke of a rift between himself and "
            "Jon Dahl. He said the leader was never at their meetings.",
        ),
        [("the leader was never at their meetings", "Tom Berg")],
    ),
    (
        "where a speaker's words were quoted is no part of the speaker phrase",
        (
            '"No new quays will be built", said Ada Vik, a spokeswoman for the port quoted in the '
            "Harbour Post.",
        ),
        [("No new quays will be built", "Ada Vik")],
    ),
    (
        "a name after 'But' that opens a sentence is its subject, whatever ends the last one",
        (
            "Harbour master Tom Holm says the pilot Jon Dahl must explain himself.",
            '"I will sail when the tide allows," said Dahl. But Holm feels the pilot was rash. '
            '"He should look at his charts," he said.',
        ),
        [
            ("the pilot Jon Dahl must explain himself", "Tom Holm"),
            ("I will sail when the tide allows", "Jon Dahl"),
            ("He should look at his charts", "Tom Holm"),
        ],
    ),
    (
        "a club's boss named before a name heads the subject, as a coach does",
        (
            "The keeper was chased by Voss, but Tom Berg's side appear to have won. "
            "But Brekke boss Jon Dahl has yet to confirm it. "
            '"I heard on Sunday that he has signed," he said.',
        ),
        [("I heard on Sunday that he has signed", "Jon Dahl")],
    ),
    (
        "a verb or a preposition before a role noun: the name after it is no subject",
        (
            "Tom Berg accused shadow minister Jon Dahl of plotting cuts. "
            'Speaking in Voss he said: "The ferry will run."',
            "Coach Ole Sand was worried. Eight players, including captain Per Lund, were away. "
            '"We have to be careful," he added.',
        ),
        [("The ferry will run.", "Tom Berg"), ("We have to be careful", "Ole Sand")],
    ),
    (
        "'the star of <works>' is the one just named, whatever the works are called",
        (
            "Film legend Ola Dahl has hit out at the films of today. The star of Harbour Nights "
            "said most new films were dull.",
        ),
        [("most new films were dull", "Ola Dahl")],
    ),
    (
        "inside a paper's report ('reports that Dahl told ...:') the speaker is the one it names",
        (
            'The Harbour Post reports that Ola Dahl told a French magazine: "I either win titles '
            'or have an easy life."',
        ),
        [("I either win titles", "Ola Dahl")],
    ),
    (
        "a surname two people share is the one named last before it, not one named later",
        (
            "Rock star Ola Dahl has been praised by police for tackling a burglar.",
            '"I acted on impulse," Dahl said.',
            "On Tuesday his wife, Kari Dahl, thanked the neighbours.",
        ),
        [("I acted on impulse", "Ola Dahl")],
    ),
    (
        "'and added:' after a 'but' goes on the clause after it, not the sentence's first",
        (
            "The port claimed Ola Berg was to blame but his lawyer, Ada Vik, told reporters it "
            'was absurd and added: "He was at home that night."',
        ),
        [
            ("Ola Berg was to blame", "The port"),
            ("it was absurd", "Ada Vik"),
            ("He was at home", "Ada Vik"),
        ],
    ),
    (
        "'meanwhile' between a name and its verb is an adverb, not part of the name",
        (
            "The council met on Monday.",
            'Harbour chief Ada Vik meanwhile said the new fees were "fair and overdue".',
        ),
        [("the new fees were", "Ada Vik")],
    ),
    (
        "an unclosed quote ends before the sentence that introduces the next with a colon",
        (
            'Tom Berg would not blame his team-mate. "He will learn. I was sent off twice '
            "myself. Ola Dahl may play up front instead. Harbour coach Ines Roth said: "
            '"Ola is an option but we need another striker."',
        ),
        [("He will learn", "Tom Berg"), ("Ola is an option", "Ines Roth")],
    ),
    (
        "a fragment after 'in which' is the words of the relative clause's subject",
        (
            "The plan passed by 14 votes to 11 after a long meeting in which opposition "
            'councillors accused the mayor of "selling the harbour short".',
        ),
        [('"selling the harbour short"', "opposition councillors")],
    ),
    (
        "a second verb after 'and' is the clause subject's, not a name in its object",
        (
            "Mayor Ada Vik opened the library on Monday.",
            "She thanked the architect, Jon Sand, for his patience and declared, "
            '"This is a house for everyone."',
        ),
        [("This is a house", "Ada Vik")],
    ),
    (
        "'it said' stands for a company named by a word the article never writes in lower case",
        (
            "Nordplan, the map maker, posted record sales on Tuesday.",
            "Shares in Nordplan rose by a tenth.",
            '"Demand for paper maps is back," it said.',
        ),
        [("Demand for paper maps", "Nordplan")],
    ),
    (
        "'it said' never stands for a common word that opens a sentence",
        ("Growth slowed in the spring.", '"We expected it," it said.'),
        [("We expected it", None)],
    ),
    (
        "'it said' stands for a publication named with a lower-case 'the'",
        ("The ferry will be sold, the Evening Courier reported.", "It said the sale was close."),
        [
            ("The ferry will be sold", "the Evening Courier"),
            ("the sale was close", "the Evening Courier"),
        ],
    ),
    (
        "a word read as a speaker and as a company before 'it said' is the company",
        (
            "Shares in Nordplan fell. Nordplan posted a loss.",
            "Nordplan said the winter had been slow.",
            '"Spring will be better," it said.',
        ),
        [("the winter had been slow", "Nordplan"), ("Spring will be better", "Nordplan")],
    ),
    (
        "an aside inside a clause ('who, he claims, is') reports no words before it",
        (
            "Ross Adler has no doubt it is the minister who, he claims, is "
            '"rushing" the harbour law through without debate.',
        ),
        [('is "rushing" the harbour law', "Ross Adler")],
    ),
    (
        "a place after an opening phrase without its comma is no part of the speaker's name",
        ("At a fair in Tromso Mr Lund said the bridge was safe.",),
        [("the bridge was safe", "Lund")],
    ),
    (
        "a description with a party or team in it stands for the person named before it",
        (
            "Anna Holm has backed the new rail line.",
            "The Green leader said the line would cut traffic in half.",
        ),
        [("the line would cut traffic", "Anna Holm")],
    ),
    (
        "a description set off by commas before a name stands for that name",
        (
            "Responding to the report, the chair of the Harbour Board, Ada Vik, said the quay "
            "was too short.",
        ),
        [("the quay was too short", "Ada Vik")],
    ),
    (
        "a bare surname is the person of that name the article has as a subject, not a relative "
        "named in passing after them",
        (
            "Anna Holm opened the bridge on Monday.",
            "She thanked the crowd and the family of Eva Holm.",
            '"It is safe," Holm said.',
        ),
        [("It is safe", "Anna Holm")],
    ),
    (
        "a headline in marks, a colon between or not, is no one's quote",
        (
            "The photograph ran on page one under the headline: \u201cHarbour In Chaos.\u201d",
            'A rival paper ran the headline "Quay Plan Sinks."',
        ),
        [],
    ),
    (
        "a club's spokesman is not the person named before him",
        (
            "Anna Holm has backed the new rail line.",
            "The Harbour Club spokesman said the line would cut traffic in half.",
        ),
        [("the line would cut traffic", "The Harbour Club spokesman")],
    ),
    (
        "a description never stands for a capitalised run that is no one's full name",
        (
            "Blue Lagoon Nights has backed the new rail line.",
            "The Green leader said the line would cut traffic in half.",
        ),
        [("the line would cut traffic", "The Green leader")],
    ),
    (
        "quoted words after ', calling him' are the clause subject's, and so is 'he' next",
        (
            "Tom Reed spent the last day attacking a rival, former mayor Ola Berg.",
            "Speaking at a fair in Lund, Reed went after Berg, calling him \u201ca lazy man.\u201d",
            "He says, \u201cHere is a man who never worked.\u201d",
        ),
        [("\u201ca lazy man", "Tom Reed"), ("Here is a man", "Tom Reed")],
    ),
    (
        "a name, an adverb and a verb before an office are a clause, not someone's role",
        (
            "Mayor Tom Reed spoke to the crowd in Lund.",
            "Reed jokingly offered a man the post of Secretary of Transport, then says he will "
            "take advice from anyone.",
            "He says, \u201cThat is how you learn.\u201d",
        ),
        [("That is how you learn", "Tom Reed")],
    ),
    (
        "a name that owns the noun before another name is no subject: the other name is",
        (
            "Tom Reed scored twice for the visitors.",
            'But Reed\'s old team-mate Jon Dahl was not happy. He said: "We lost our shape."',
        ),
        [("We lost our shape", "Jon Dahl")],
    ),
    (
        "a name set off by commas after the sentence's subject is in apposition, no subject",
        (
            "Mayor Tom Reed held talks with his rival, Jon Dahl, and the harbour chief, Ola Berg.",
            "He said the deal was close.",
        ),
        [("the deal was close", "Tom Reed")],
    ),
    (
        "a name set off by commas after a pronoun subject is in apposition, no subject",
        (
            "Ada Vik won the vote.",
            "She thanked the woman who ran against her, Kim Lund, for a fair fight.",
            '"We will work together," she said.',
        ),
        [("We will work together", "Ada Vik")],
    ),
    (
        "a titled name after 'The' opening a sentence is its subject, whom 'he' goes to next",
        (
            "Ada Vik spoke first.",
            "The Tory MP Jon Dahl has so far given no advice. He said he would consult lawyers.",
        ),
        [("he would consult lawyers", "Jon Dahl")],
    ),
    (
        "a titled name after 'the' is someone, so the surname alone later is them in full",
        (
            "The vicar of Lund, the Reverend Jon Dahl, spoke at the council.",
            "Mr Dahl said the show was vile.",
        ),
        [("the show was vile", "Jon Dahl")],
    ),
    (
        "a time before the subject is no part of the speaker",
        ("Late last month the harbour board said the fees would rise.",),
        [("the fees would rise", "the harbour board")],
    ),
    (
        "the news a statement came with is no part of the speaker",
        ("The vote came as the harbour board said the fees would rise.",),
        [("the fees would rise", "the harbour board")],
    ),
    (
        "a day before the subject is no part of the speaker",
        ("Last Friday the harbour master said the fees would rise.",),
        [("the fees would rise", "the harbour master")],
    ),
    (
        "a clause is no subject: before 'said X' it is the statement, X the speaker",
        (
            "The builder of the Silver Bay Dam is continuing work on the sister Kvarn dam, "
            "said the Halden News.",
        ),
        [("The builder of the Silver Bay Dam is continuing", "the Halden News")],
    ),
    (
        "the one a paper quoted as saying is the speaker, not the paper",
        ('"Demand is strong," the Halden Courier quoted Tom Berg as saying.',),
        [("Demand is strong", "Tom Berg")],
    ),
    (
        "the one an agency reports as saying is the speaker, not the agency",
        (
            '"Demand is strong," the Nordic news agency reported Tom Berg as saying.',
            '"Fares will rise," the agency reports a port source as saying.',
        ),
        [("Demand is strong", "Tom Berg"), ("Fares will rise", "a port source")],
    ),
    (
        "a peer named by title and one name keeps the title in the name",
        (
            "Lord Dale opened the new court rooms on Monday.",
            '"Victims come first," said Lord Dale.',
            "Dale added that the rooms were ready.",
        ),
        [("Victims come first", "Lord Dale"), ("that the rooms were ready", "Lord Dale")],
    ),
    (
        "a pronoun goes to the peer, named with the title",
        ("Lady Vik chairs the harbour inquiry.", '"We will sit in May," she said.'),
        [("We will sit in May", "Lady Vik")],
    ),
    (
        "words in marks after 'called' are the caller's, though a subject follows them",
        (
            'In a speech that harbour judge Ines Roth called "reckless," Tom Berg voiced a wish '
            'to "sink every ferry in the fjord."',
        ),
        [('"reckless,"', "Ines Roth"), ('"sink every ferry', "Tom Berg")],
    ),
    (
        "a subject with a verb of its own between two fragments takes the second",
        ('On the ferry log, in a box labelled "fault," a mechanic had written "rudder jammed."',),
        [('"rudder jammed."', "a mechanic")],
    ),
    (
        "what a quotation is ('a nod to ...') never speaks",
        (
            'At one point Vik mocked Berg as "very brave," a nod to the skipper admitting that '
            "he had changed course.",
        ),
        [('"very brave,"', "Vik")],
    ),
    (
        "a phrase opening on a verb and its object is a predicate, not a speaker",
        (
            'The union, in its daily bulletin, emailed a news story reporting that "the pier '
            'is closing for good next month."',
        ),
        [('"the pier is closing', "The union")],
    ),
    (
        "after 'in what', the words before are not the subject: 'Together' is no name",
        (
            "Together, Ada Vik and Tom Berg lead a campaign, in what one harbour pilot has "
            'dubbed "the ferry war," echoing an old feud.',
        ),
        [('"the ferry war,"', "one harbour pilot")],
    ),
    (
        "a participle right after a name, with no comma, is that person's: 'footage of X saying'",
        (
            'Nordbank\'s new advert runs footage of Ada Vik saying, "Rates will fall by May."',
            "The clip was filmed at a hall in Tromsø.",
        ),
        [("Rates will fall", "Ada Vik")],
    ),
    (
        "a list in an opening phrase is not the subject: the full name after it is",
        (
            "After beating Eva Holm, Kari Moe, Nina Berg and Tove Lie to the best singer prize, "
            'Ada Vik said: "I am lost for words."',
        ),
        [("I am lost for words", "Ada Vik")],
    ),
    (
        "a title that is also a first name, before a surname alone, is the first name",
        ("A spokesman for the harbour board, Dean Lund, said the pier was safe.",),
        [("the pier was safe", "Dean Lund")],
    ),
    (
        "a description goes to the person later named with that role, not the next one named",
        (
            "The Nordland police chief said the pier had to close as its piles were rotten.",
            'The suit names Jon Dahl, a student at Bodø, and Per Lund of Oslo. "Rotten piles '
            'are a danger," said Ada Vik, Nordland police chief announcing the closure. '
            '"Nobody may walk on it."',
        ),
        [("the pier had to close", "Ada Vik"), ("Rotten piles are a danger", "Ada Vik")],
    ),
    (
        "a description nobody is given stays as written, not the next person with a role",
        (
            "The Nordland police chief said the pier had to close.",
            "The owners are Jon Dahl, a student at Bodø, and Per Lund of Oslo.",
        ),
        [("the pier had to close", "The Nordland police chief")],
    ),
    (
        "a clause after a name and its role keeps the name as the subject",
        (
            "Ada Vik, the chair of the Harbour Board, is backing the plan and in a letter "
            'praised it as "a bold step."',
        ),
        [('"a bold step."', "Ada Vik")],
    ),
    (
        "a cue word after an owner and a modifier is a noun: 'the council's pre-Budget report'",
        (
            "A day ahead of the council's pre-Budget report, Ms Vik used a speech to say the "
            'town faced "hard choices".',
        ),
        [('"hard choices"', "Vik")],
    ),
    (
        "a clause with an aside, closed by a comma before 'said', is the statement",
        (
            "Many of the towns, such as Bergen, do not usually buy storm cover, said a local "
            "insurance expert.",
        ),
        [("Many of the towns, such as Bergen, do not", "a local insurance expert")],
    ),
    (
        "a past tense and its particle open a predicate, not a group",
        (
            "The authors of the study, which include the Harbour Fund, combed through the "
            'filings of 500 firms and found that most "kept money offshore."',
        ),
        [('"kept money offshore."', "The authors of the study")],
    ),
    (
        "quoted words inside a noun phrase are not attributed to the nouns after them",
        (
            'Ferries with "medium" hulls of up to 40m, a size like the hits Vera Drake, Calendar '
            "Girls and Sea Road, are expected to be worst hit by the new tax.",
        ),
        [],
    ),
    (
        "a long title with 'of' before a name is the role, the name the speaker",
        (
            'Shadow leader of the Harbour Board Anna Holm said: "We will vote against it."',
            'A spokesman for Harbour Master Jon Dahl said: "We have no comment."',
        ),
        [
            ("We will vote against it", "Anna Holm"),
            ("We have no comment", "A spokesman for Harbour Master Jon Dahl"),
        ],
    ),
    (
        "a subject after 'but' speaks, not the one whose clause it follows",
        (
            "The mayor, 61, apologised, but critics have called for her to resign.",
            "Ada Vik left the firm, but the board insisted that the split was friendly.",
            '"I am all for it," says Jon Dahl, 31, of Bergen, but he was shocked by the cost.',
        ),
        [
            ("her to resign", "critics"),
            ("that the split was friendly", "the board"),
            ("I am all for it", "Jon Dahl"),
        ],
    ),
    (
        "a description after a relative clause describes someone in it, no new subject",
        (
            '"There were no calls to the town hall," said Jon Dahl, who was the clerk to Ada '
            "Vik, then the U.N. envoy.",
        ),
        [("There were no calls", "Jon Dahl")],
    ),
    (
        "an opening participle without its comma is no part of the subject",
        (
            'Despite receiving a letter from Ada Vik which said the firm had "misled" the '
            "market, the board stayed silent.",
        ),
        [('"misled"', "a letter from Ada Vik")],
    ),
    (
        "a pronoun and its verb open a clause, never a speaker phrase",
        (
            'Jon Dahl said the plan was "sound". But he accused the council of trying to muddle '
            "the matter by putting the toll question in the same bill as the budget of the "
            'Harbour Trust, when they should be treated as "two separate issues".',
        ),
        [('the plan was "sound"', "Jon Dahl"), ('"two separate issues"', None)],
    ),
    (
        "'according to' a measure cites no one",
        ("Brokers were paid according to how much business they brought in.",),
        [],
    ),
    (
        "a verb and its object pronoun make a clause, not a subject (a relative clause's do not)",
        (
            'A review by the statistics office found it had made an error by "double counting" '
            "some road spending.",
            "Groups that have endorsed him say they want a fair count.",
        ),
        [
            ('"double counting"', "A review by the statistics office"),
            ("they want a fair count", "Groups that have endorsed him"),
        ],
    ),
    (
        "a firm's name is an organisation, without the country that owns it, and 'it' is the firm",
        (
            "Norway's Vasskraft Motor has announced that it plans to build a second plant in "
            "Bergen.",
            "The firm gave no figures but it said the new plant would make 15,000 cars a year.",
        ),
        [
            ("that it plans to build", "Vasskraft Motor"),
            ("the new plant would make", "Vasskraft Motor"),
        ],
    ),
    (
        "a firm called by its first word is the firm the article names in full",
        (
            "Fjord Airlines saw its profits fall by a third.",
            "Fjord, which has the most routes of any Nordic carrier, said it would stay in "
            "profit despite high fuel prices.",
        ),
        [("it would stay in profit", "Fjord Airlines")],
    ),
    (
        "a word that owns something is a name, so 'it' may stand for it",
        (
            "Velmora's new handheld goes on sale in Japan next month.",
            "Fans in Europe will have to wait. Velmora has said that the European version will "
            'not be ready for Christmas. "The game is translated into 13 languages, so it takes '
            'longer," it said.',
        ),
        [("that the European version", "Velmora"), ("The game is translated", "Velmora")],
    ),
    (
        "a pronoun right after an unnamed speaker stands for that speaker",
        (
            'Harbour leader Anna Holm said: "This is a gaffe." But a council spokeswoman '
            'insisted the mayor had meant adults. "She was talking about adults," she said.',
        ),
        [
            ("This is a gaffe", "Anna Holm"),
            ("the mayor had meant adults", "a council spokeswoman"),
            ("She was talking about adults", "a council spokeswoman"),
        ],
    ),
    (
        "a first name given to men and women tells no gender; 'Mr' does",
        (
            "Former minister Robin Vik backed the plan. Mr Vik said the vote was a fair one.",
            'He added: "Over the last year I have seen many promises."',
        ),
        [("the vote was a fair one", "Robin Vik"), ("Over the last year", "Robin Vik")],
    ),
    (
        "a place that owns a role describes the person named next as a subject",
        (
            "Norway's first minister has told pupils that it is fine to stay up late \"once in "
            'a while".',
            "Anna Holm was speaking to 200 pupils in Bergen.",
        ),
        [('that it is fine to stay up late "once in a while"', "Anna Holm")],
    ),
    (
        "... but not someone named only in passing after it",
        (
            "Minutes after the vote began, Norway's delegation chairman announced there were "
            "four votes for Jon Dahl and two abstentions.",
            "Dahl won the day.",
        ),
        [("there were four votes for Jon Dahl", "Norway's delegation chairman")],
    ),
    (
        "'the spokesman' is never the named person he speaks for, but may be one named so before",
        (
            "Anna Holm spoke about the checks on Monday.",
            "Later the prime minister's spokesman urged calm. The minister meant no harm, the "
            "spokesman said.",
            'A Nordbank spokesman said the bank would wait. "We have no comment," the spokesman '
            "added.",
        ),
        [
            ("The minister meant no harm", "the spokesman"),
            ("the bank would wait", "A Nordbank spokesman"),
            ("We have no comment", "A Nordbank spokesman"),
        ],
    ),
    (
        "'they' stands for the group that spoke just before, never for one thing's name",
        ("The Greens say the ferry tax is unfair. They say a land tax would be fairer.",),
        [("the ferry tax is unfair", "The Greens"), ("a land tax would be fairer", "The Greens")],
    ),
    (
        "a role in the opening sentence describes the person the next sentence names",
        (
            "Ferry fares must rise, a harbour minister has said.",
            "Anna Holm said the cost of fuel had doubled since May.",
        ),
        [("Ferry fares must rise", "Anna Holm"), ("the cost of fuel had doubled", "Anna Holm")],
    ),
    (
        "... but a reporter asks the one named next, and a spokesman speaks for them",
        (
            "A reporter asked whether the pier was safe.",
            "Anna Holm said the pier was closed.",
        ),
        [("whether the pier was safe", "A reporter"), ("the pier was closed", "Anna Holm")],
    ),
    (
        "a relative the speaker quotes is no one a later 'he' stands for",
        (
            "Mr Dahl quoted his late father, a ferry engineer, who he said used to tell him: "
            '"Fix the engine first."',
            '"That," he said, "is the plan."',
        ),
        [("Fix the engine first", "his late father"), ("That is the plan", "Dahl")],
    ),
    (
        "a name inside a description is not the described one: 'a Velmora spokeswoman'",
        (
            "But a Velmora spokeswoman confirmed that it would not be at the show.",
            "Earlier this year, Velmora said it had sold five million consoles.",
        ),
        [
            ("that it would not be at the show", "a Velmora spokeswoman"),
            ("it had sold five million consoles", "Velmora"),
        ],
    ),
    (
        "... and not for the name of one thing, such as a newspaper",
        ("Harbour News ran the story on Monday. They say the count was close.",),
        [("the count was close", None)],
    ),
]

ROLES: list[tuple[str, tuple[str, ...], list[tuple[str, str | None]]]] = [
    (
        "a role set off before the name that ends the sentence is hers",
        ("The port is safe, the port director, Ada Vik, said.",),
        [("The port is safe", "the port director")],
    ),
    (
        "a title set off before a name is the role of that name's quotes",
        (
            "The port's operations director, Eli Storm, closed the inner basin.",
            '"The ice is too thick," Ms Storm said.',
        ),
        [("The ice is too thick", "The port's operations director")],
    ),
    (
        "the verb before the one an agency reports is no part of their role",
        ('"The course was fair," the Nordic agency reported race director Kari Moen as saying.',),
        [("The course was fair", "race director")],
    ),
    (
        "of two people named in one subject, the last one's role is only the title before them",
        ("Harbour Chief Tom Berg and Port Captain Jon Dahl have called for the ban to end.",),
        [("the ban to end", "Port Captain")],
    ),
    (
        "a role before a name starts after the sentence before it ends",
        (
            "The club also signed the keeper Jon Sand. Harbour manager Ada Vik said the deal "
            "was done.",
        ),
        [("the deal was done", "Harbour manager")],
    ),
    (
        "a time, a clause or a phrase cut off before a name is no role (a title is)",
        (
            "During his speech Mr Lund said the bridge was safe.",
            "His remarks came after Mayor Ada Vik said the quay was short.",
            "The harbour crew and Eva Holm said the ferry was late.",
            "Tom Berg said the port was safe, whilst Siri Moen said it would close within a year.",
        ),
        [
            ("the bridge was safe", None),
            ("the quay was short", "Mayor"),
            ("the ferry was late", None),
            ("the port was safe", None),
            ("it would close within a year", None),
        ],
    ),
    (
        "an opening phrase set off by a comma is no one's role",
        (
            "Most importantly, Mr Lund says, the bridge is safe.",
            "Speaking to reporters Ms Vik said the quay was short.",
            "Scotland's only harbour master Ada Holm said the quay was fine.",
        ),
        [
            ("the bridge is safe", None),
            ("the quay was short", None),
            ("the quay was fine", "Scotland's only harbour master"),
        ],
    ),
    (
        "a description set off by commas before a name is that person's role",
        ("The chair of the Harbour Board, Ada Vik, said the quay was too short.",),
        [("the quay was too short", "The chair of the Harbour Board")],
    ),
    (
        "a role given with one quote goes with the speaker's other quotes in the article",
        (
            "Anna Holm has backed the new rail line.",
            "The Green leader said the line would cut traffic in half.",
            "Holm said work would start in May.",
        ),
        [
            ("the line would cut traffic", "the Green leader"),
            ("work would start", "the Green leader"),
        ],
    ),
    (
        "a peer's title before his name is no part of his role",
        ("Party treasurer Lord Dale said the accounts were in order.",),
        [("the accounts were in order", "Party treasurer")],
    ),
    (
        "another peer after a name is someone else, not a role",
        (
            "Party treasurer Lord Dale, Lord Vik and two others came late.",
            '"It was a long night," said Lord Dale.',
        ),
        [("It was a long night", "Party treasurer")],
    ),
    (
        "a region after the place an opening phrase names is no role",
        (
            'Speaking at a fair in Voss, Norway, Jon Dahl said the price was "far too high."',
            'In Bergen, Norway, Ada Vik said: "The quay is short."',
            'In Bergen, Tom Berg, the harbour master, said: "It is long enough."',
        ),
        [
            ("the price was", None),
            ("The quay is short", None),
            ("It is long enough", "the harbour master"),
        ],
    ),
    (
        "a role before a name starts after a preposition: 'an association with coach Jon Dahl'",
        (
            "Ada Vik has ended her association with coach Jon Dahl.",
            '"I am proud of what we did," said Dahl.',
        ),
        [("I am proud of what we did", "coach")],
    ),
    (
        "what a role does is part of it: 'the oceanographer leading the project'",
        ('"We measure the sea," said Ada Vik, the oceanographer leading the project.',),
        [("We measure the sea", "the oceanographer leading the project")],
    ),
    (
        "what a person was doing after their role is no part of it",
        ('"The pier is closed," said Ada Vik, Nordland police chief announcing the closure.',),
        [("The pier is closed", "Nordland police chief")],
    ),
]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [pytest.param(paragraphs, expected, id=shape) for shape, paragraphs, expected in SPEAKERS],
)
def test_speakers(paragraphs: tuple[str, ...], expected: list[tuple[str, str | None]]) -> None:
    found = extract_quotes(paragraphs)
    body = PARAGRAPH_SEPARATOR.join(paragraphs)
    for quote in found:
        check_offsets(quote, body)
    got = [(quote.text, quote.speaker) for quote in found]
    assert len(got) == len(expected), got
    for (text, speaker), (start, want) in zip(got, expected, strict=True):
        assert text.startswith(start), got
        assert speaker == want, got


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [pytest.param(paragraphs, expected, id=shape) for shape, paragraphs, expected in ROLES],
)
def test_roles(paragraphs: tuple[str, ...], expected: list[tuple[str, str | None]]) -> None:
    found = extract_quotes(paragraphs)
    got = [(quote.text, quote.role) for quote in found]
    assert len(got) == len(expected), got
    for (text, role), (start, want) in zip(got, expected, strict=True):
        assert text.startswith(start), got
        assert role == want, got


@pytest.mark.parametrize(
    ("role", "sure"),
    [
        ("the singer", True),
        ("a Greek hero", True),
        ("chief economist at Nordbank", True),
        ("shortly", False),
        ("estimates", False),
        ("twice a cup winner, believes last", False),
        ("Launching the initiative", False),
    ],
)
def test_only_a_sure_role_carries_to_the_speakers_other_quotes(role: str, sure: bool) -> None:
    assert carries(role) is sure


@pytest.mark.parametrize(
    ("phrase", "clause"),
    [
        ("The builder of the dam is continuing work on the quay", True),
        ("Other small cafes will be able to open", True),
        ("Commuters who have used the ferry", False),  # (the verb is the relative clause's)
        ("Ada Vik, who has run the yard for years", False),  # (an aside: the name speaks)
        ("the harbour board", False),
    ],
)
def test_a_phrase_with_a_verb_of_its_own_is_a_clause(phrase: str, clause: bool) -> None:
    assert is_clause(phrase) is clause


@pytest.mark.parametrize(
    ("role", "plausible"),
    [
        ("a", False),
        ("the", False),
        ("former", False),
        ("harbour master", True),
        ("like Tom Berg", False),  # a comparison, no role
        ("Despite the demand", False),
        ("of the Harbour Trust", True),
    ],
)
def test_a_lone_article_is_no_role(role: str, plausible: bool) -> None:
    assert plausible_role(role) is plausible


def test_described_before_is_a_rule_that_can_be_switched_off() -> None:
    paragraphs = (
        "The harbour director, Siri Lunde, opened the quay.",
        'The harbour director said: "It took ten years."',
    )
    assert speaker_of(paragraphs, "It took ten") == "Siri Lunde"
    assert speaker_of(paragraphs, "It took ten", frozenset({"described-before"})) != "Siri Lunde"


def test_a_surname_two_people_share_tells_neither_s_gender() -> None:
    # "Vik says he" may be Tor or Jelka Vik: it makes neither a man, so "she" can be Jelka.
    paragraphs = (
        "Tor Vik runs the yard, and Jelka Vik runs the shop.",
        'Vik says he will pay for the new quay. "It is fair," she said.',
    )
    assert speaker_of(paragraphs, "It is fair") == "Jelka Vik"


def test_a_place_of_two_words_is_no_person() -> None:
    registry = Registry()
    text = "Zaki Dahl flew from a Los Angeles studio to a Hong Kong hotel."
    scan_people([text], [0], [[]], registry)
    assert [entity.name for entity in registry.entities if entity.person] == ["Zaki Dahl"]


def test_speaker_goes_on_reads_all_of_the_speaker_s_statements_before_the_pronoun() -> None:
    registry = Registry()
    vik = registry.add("Anna Vik", 0, "f", None, True, 1.0)
    lunde = registry.add("Nora Lunde", 40, "f", None, True, 1.0)  # inside Vik's statement
    dahl = registry.add("Jon Dahl", 45, "m", None, True, 1.0)
    last = spoken(spoken(None, vik, 30, 80), vik, 90, 120)
    # a piece whose pronoun stands before her later statement still goes on with her
    assert speaker_goes_on(registry, lunde, last, 85) == vik
    assert speaker_goes_on(registry, lunde, last, 130) == vik
    assert speaker_goes_on(registry, dahl, last, 130) == dahl  # (no "she" for him)
    registry.mention(lunde, 125, 1.0)  # named again, outside what Vik said
    assert speaker_goes_on(registry, lunde, last, 130) == lunde


def test_document_owner_is_a_rule_that_can_be_switched_off() -> None:
    paragraphs = ('Jon Dahl denied it. Mr Dahl\'s statement said: "I never planned it."',)
    assert speaker_of(paragraphs, "I never planned") == "Jon Dahl"
    assert speaker_of(paragraphs, "I never planned", frozenset({"document-owner"})) != "Jon Dahl"


def test_speaker_goes_on_is_a_rule_that_can_be_switched_off() -> None:
    paragraphs = (
        'Tim Renner said sales had fallen. "You need time," he added. Jon Dahl said he did not '
        'think the fall was as bad as Mr Renner believed. "We have problems," he argued.',
    )
    assert speaker_of(paragraphs, "We have problems") == "Jon Dahl"
    assert speaker_of(paragraphs, "We have problems", frozenset({"speaker-goes-on"})) != "Jon Dahl"


def test_topic_description_is_a_rule_that_can_be_switched_off() -> None:
    paragraphs = (
        "Former radio host Nora Vik has attacked the ferry plan.",
        "The MEP said her party would scrap it.",
    )
    assert speaker_of(paragraphs, "her party") == "Nora Vik"
    assert speaker_of(paragraphs, "her party", frozenset({"topic-description"})) != "Nora Vik"


def test_speaking_subject_is_a_rule_that_can_be_switched_off() -> None:
    paragraphs = ('The plan would end the "harbour tax" next year.',)
    assert extract_quotes(paragraphs) == ()
    assert extract_quotes(paragraphs, disabled=frozenset({"speaking-subject"})) != ()


def test_heard_saying_is_a_rule_that_can_be_switched_off() -> None:
    paragraphs = ('The advert ends with footage of Ada Vik saying, "We will build it."',)
    assert speaker_of(paragraphs, "We will build") == "Ada Vik"
    assert speaker_of(paragraphs, "We will build", frozenset({"heard-saying"})) != "Ada Vik"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Ada Vik, Nordland police chief, said", "Nordland police chief"),
        ("Ada Vik, the chair of the board, said", "the chair of the board"),
        ("Ada Vik, head of marketing at Nordbank, said", "head of marketing at Nordbank"),
        ("Ada Vik, Nordland police chief speaking at the hall, said", "Nordland police chief"),
        ("Ada Vik, and the former chief Jon Dahl, said", None),
        ("Ada Vik, whose father was the police chief, said", None),
        ("Ada Vik, wrote a host of chief songs, said", None),
        ("Ada Vik, Nordland police chief Jon Dahl and Tom Berg, said", None),
    ],
)
def test_a_role_set_off_after_a_name(text: str, role: str | None) -> None:
    assert appositive_role(text, text.index(",")) == role


@pytest.mark.parametrize(
    ("segment", "name"),
    [
        ("A day ahead of the council's pre-Budget report, Ms Vik ", "Vik"),
        ("Two days after the vote in Bergen, Ada Vik ", "Ada Vik"),
        ("A few hours before the count, the mayor ", "the mayor"),
    ],
)
def test_a_time_before_an_event_opens_the_sentence_and_is_no_role(segment: str, name: str) -> None:
    found = subject_of(segment)
    assert found is not None
    assert (found[0].name, found[0].role) == (name, None)


def test_a_single_letter_in_single_marks_is_no_quote() -> None:
    text = "The band won best R 'n' B video, and Ada Vik said it was 'a dream come true'."
    inner = [text[span.start : span.end] for span in find_single_spans(text)]
    assert inner == ["a dream come true"]


def test_a_cue_word_after_a_hyphenated_adjective_is_a_noun() -> None:
    paragraphs = (
        "Later in unguarded, off-air comments to a crew, Mr Dahl was heard saying he was tired "
        'of "these cranks".',
    )
    (quote,) = extract_quotes(paragraphs)
    # (the statement is what he was heard saying, not the words after "comments")
    assert quote.text == 'he was tired of "these cranks"'
    assert quote.cue == "saying"


def test_a_short_name_is_not_taken_for_a_firm_named_after_a_person() -> None:
    paragraphs = (
        "Jon Dahl started a school in 1990.",
        "Dahl University now has 400 students.",
        '"It was a fine school," Dahl said.',
    )
    assert speaker_of(paragraphs, "It was a fine school") == "Jon Dahl"


def test_an_initial_and_a_surname_are_the_person_whose_first_name_is_written_out() -> None:
    registry = Registry()
    rolf = registry.add("Rolf Dahl", 10, "m", "Ulster forward", True, 1.0)
    assert registry.find("R Dahl") == rolf  # (a squad list: "R Dahl (Ulster)")
    sven = registry.add("S Dahl", 200, None, None, True, 1.0)  # (someone else, in the list)
    assert sven != rolf
    assert registry.find("Dahl") == rolf


def test_they_group_is_a_rule_that_can_be_switched_off() -> None:
    paragraphs = ("Local skippers say the quay is too short. They say it must be rebuilt.",)
    assert speaker_of(paragraphs, "it must be rebuilt") == "Local skippers"
    assert speaker_of(paragraphs, "it must be rebuilt", frozenset({"they-group"})) is None


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("The Secretary of State", "person"),
        ("the Chancellor of the Exchequer", "person"),
        ("The Harbour Secretary", "person"),
        ("the outgoing Harbour Secretary", "person"),  # when the title was held
        ("the former Chancellor of the Exchequer", "person"),
        ("The Tromvik Economist", "org"),  # a paper named with a person's noun
        ("The Tromvik Guardian", "org"),
        ("the Bank of Tromvik", "org"),
        ("the Harbour Office", "org"),
    ],
)
def test_a_title_in_capitals_after_the_is_a_person(phrase: str, kind: str) -> None:
    source = parse_source(phrase)
    assert source is not None and (source.name, source.kind) == (phrase, kind)


@pytest.mark.parametrize("noun", ["Critics", "Analysts", "Campaigners"])
def test_a_capitalised_speaker_noun_is_a_group_they_can_stand_for(noun: str) -> None:
    paragraphs = (
        f"{noun} say the harbour law would favour large ferry firms over small ones. They say "
        "it could shut the island routes.",
    )
    assert [quote.speaker for quote in extract_quotes(paragraphs)] == [noun, noun]
    source = parse_source(noun)
    assert source is not None and source.kind == "group"


def test_a_surname_that_looks_plural_stays_a_person() -> None:
    source = parse_source("Sanders")
    assert source is not None and source.kind == "person"


def test_a_noun_placed_in_a_city_is_the_speaker_not_the_city() -> None:
    source = parse_source("One borough in south Tromvik")
    assert source is not None and source.name == "One borough in south Tromvik"


@pytest.mark.parametrize(
    ("paragraph", "text"),
    [
        # the piece before the attribution is the subject of the verb after it
        ('"That," she said, "is the whole plan."', "That is the whole plan."),
        # an opening word set off by its comma keeps it
        ('"Frankly," she said, "it is a mess."', "Frankly, it is a mess."),
    ],
)
def test_a_quote_split_by_its_attribution_reads_as_one_sentence(paragraph: str, text: str) -> None:
    assert [quote.text for quote in extract_quotes((paragraph,))] == [text]


@pytest.mark.parametrize(
    ("paragraph", "role"),
    [
        ('"It ships in May," said Nordbit\'s Ada Vik.', "Nordbit"),
        ("The Harbour Trust\u2019s Jon Dahl said the pier was safe.", "The Harbour Trust"),
        ('"It ships in May," said Nord Networks\' Ada Vik.', "Nord Networks"),
        ('"It ships," said Ada Vik, the firm\'s chief engineer.', "the firm's chief engineer"),
    ],
)
def test_a_role_that_only_names_an_owner_drops_its_possessive(paragraph: str, role: str) -> None:
    assert [quote.role for quote in extract_quotes([paragraph])] == [role]


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("Without a deal the union", "the union"),
        ("Even without changes the commission", "the commission"),
        ("Under the new rules the port authority", "the port authority"),
        ("Last month the harbour board", "the harbour board"),
    ],
)
def test_a_short_phrase_that_sets_the_scene_is_no_part_of_the_speaker(
    phrase: str, name: str
) -> None:
    source = parse_source(phrase)
    assert source is not None and source.name == name


def test_a_headquarters_is_no_one_a_pronoun_stands_for() -> None:
    # (no woman is named: "she" must stay unresolved, not go to the place)
    found = extract_quotes(
        (
            "Mr Berg said Mr Dahl would be at the party's London HQ every morning.",
            "On radio she said she often criticised the board.",
        )
    )
    assert [(quote.text, quote.speaker) for quote in found] == [
        ("Mr Dahl would be at the party's London HQ every morning", "Berg"),
        ("she often criticised the board", None),
    ]
