"""The extractor's stages and rules by name: what each rule finds, and a switch for each.

The extractor runs six stages over an article, in order:

1. ``marks``: pair quote marks into quoted spans, paragraph by paragraph.
2. ``cues``: find what attributes speech: a verb of saying next to a quote or before a
   statement, ``according to``, a colon, a signature.
3. ``subjects``: read who the cue belongs to (``Ada Vik``, ``the ministry``, ``she``).
4. ``resolve``: turn that phrase into the article's fullest name for the speaker.
5. ``join``: join the pieces of one quote (split by its attribution, running over
   paragraphs) and give an unattributed quote the speaker of the quote it continues.
6. ``filter``: drop what is no quote (titles, scare quotes, nicknames, cue words used as
   nouns) and statements that would swallow their own attribution.

Every quote records the rule that produced it (``Quote.rule``); ``extract_quotes(paragraphs,
disabled=frozenset({"pronoun"}))`` runs the extractor with rules switched off, to measure what
each adds.
"""

from __future__ import annotations

from dataclasses import dataclass

from index.corpus.article import Stage

STAGES: tuple[Stage, ...] = ("marks", "cues", "subjects", "resolve", "join", "filter")


@dataclass(frozen=True, slots=True)
class Rule:
    """One named rule of the extractor.

    Attributes:
        name: What ``Quote.rule``, ``--explain`` and ``disabled`` call it.
        stage: The stage it belongs to.
        finds: One line on the shape it recognises, with an example in our own words.
    """

    name: str
    stage: Stage
    finds: str


RULES: tuple[Rule, ...] = (
    Rule(
        "double-marks",
        "marks",
        "double marks pair up: \"...\" \u201c...\u201d \u00ab...\u00bb ''...''",
    ),
    Rule("single-marks", "marks", "single marks pair up in a paragraph without double ones"),
    Rule(
        "close-stranded",
        "marks",
        "an unclosed quote ends before its attribution: '\"Done, Ada Vik said.'",
    ),
    Rule(
        "cut-before-colon",
        "marks",
        "an unclosed quote ends before the sentence introducing the next: 'Vik said: \"'",
    ),
    Rule("after-quote-verb", "cues", '"...," said Ada Vik / "...," she added'),
    Rule("after-quote-according", "cues", '"...," according to Ada Vik'),
    Rule("after-quote-signature", "cues", '"..." -- Ada Vik'),
    Rule("before-quote-verb", "cues", 'Ada Vik said: "..."'),
    Rule("before-quote-participle", "cues", 'Ada Vik criticised the plan, saying: "..."'),
    Rule(
        "heard-saying",
        "subjects",
        'footage of Ada Vik saying: "...": the one named right before a participle speaks',
    ),
    Rule("before-quote-and-verb", "cues", 'Ada Vik thanked the crew and added: "..."'),
    Rule("before-quote-colon", "cues", 'Ada Vik: "..."'),
    Rule("before-quote-according", "cues", 'According to Ada Vik, "..."'),
    Rule(
        "colon-paragraph",
        "cues",
        "a paragraph ending 'Ada Vik went on:' introduces the next one's quote",
    ),
    Rule(
        "signature-paragraph", "cues", "a paragraph of only '-- Ada Vik' signs the quote before it"
    ),
    Rule("report-said-that", "cues", "Ada Vik said (that) the pier is safe"),
    Rule("report-then-said", "cues", "The pier is safe, Ada Vik said."),
    Rule(
        "report-aside",
        "cues",
        "The pier, Ada Vik said, is safe: an attribution inside one statement, in two pieces",
    ),
    Rule("report-then-said-name", "cues", "The pier is safe, said Ada Vik."),
    Rule(
        "report-according-to",
        "cues",
        "According to Ada Vik, the pier is safe / ..., according to Ada Vik",
    ),
    Rule(
        "report-phrase-subject",
        "cues",
        "People briefed on the plan said the pier is safe: a subject no name reading accepts, "
        "as written",
    ),
    Rule("report-passive", "cues", "She was asked by Ada Vik whether the pier is safe"),
    Rule("report-saying", "cues", "Ada Vik closed the pier, saying it was unsafe"),
    Rule("report-document-saying", "cues", "Ada Vik issued a statement saying the pier is safe"),
    Rule(
        "report-call-for",
        "cues",
        "Ada Vik shut the pier, calling for repairs / used her speech to call on the town to act",
    ),
    Rule("report-and-said", "cues", "Ada Vik closed the pier and said it was unsafe"),
    Rule("report-who-said", "cues", "..., said Ada Vik, who added that the pier is safe"),
    Rule("report-claim", "cues", "Ada Vik's claim that the pier is safe"),
    Rule(
        "statement-quotes",
        "cues",
        'Ada Vik said that "the pier is safe": the quote is the statement',
    ),
    Rule("mixed-report", "cues", 'Ada Vik said the pier was "perfectly safe"'),
    Rule(
        "mixed-closing-said",
        "cues",
        '"Very unlikely" that the pier reopens, said Ada Vik: the sentence\'s closing attribution',
    ),
    Rule(
        "mixed-fragment",
        "subjects",
        'Ada Vik called the pier "perfectly safe": quoted words take the verb\'s subject',
    ),
    Rule(
        "speaking-subject",
        "filter",
        "quoted words take no subject that cannot speak: in 'The bill would give force to "
        "\"living wills\"' the marks are the writer's",
    ),
    Rule(
        "standalone-quote",
        "cues",
        "a quoted sentence standing alone is a quote whose speaker comes from context",
    ),
    Rule(
        "noun-cue",
        "filter",
        "a cue word used as a noun or infinitive is no cue: 'the report', 'declined to say'",
    ),
    Rule(
        "full-name",
        "resolve",
        "'Vik', 'Ms Vik' resolve to the fullest name the article gives: 'Ada Vik'",
    ),
    Rule(
        "passing-name",
        "resolve",
        "a full name given only in passing names the one later called by surname: 'a stake "
        "held by Ada Vik' then 'Ms Vik said' is Ada Vik",
    ),
    Rule(
        "description-name",
        "resolve",
        "'the mayor' resolves to the person named with that role; 'the American' to the one "
        "just spoken of; 'the Tory leader', when no one is given that role, to a person named "
        "in full before",
    ),
    Rule(
        "topic-description",
        "resolve",
        "a description no role in the article holds is the person named in full just before: "
        "'Ada Vik has attacked the plan. The MEP said' is Ada Vik",
    ),
    Rule(
        "described-before",
        "resolve",
        "a description set off before a name is that person's role: 'the transport secretary, "
        "Ada Vik, opened' then 'the transport secretary said' is Ada Vik",
    ),
    Rule(
        "pronoun", "resolve", "'he', 'she' resolve to the likeliest earlier person of that gender"
    ),
    Rule(
        "document-owner",
        "resolve",
        "what someone's document says, they say: 'Ms Vik's statement said', 'its report says'",
    ),
    Rule(
        "speaker-goes-on",
        "resolve",
        "'he said' after a statement is its speaker, not someone named since only inside it: "
        "'Ada Vik said she and Nora Lunde planned it. \"It was hard,\" she said' is Vik",
    ),
    Rule(
        "org-it",
        "resolve",
        "'it said' resolves to the organisation named just before as subject or speaker, or "
        "to a word the article only writes as a name: 'Nordplan posted ...'",
    ),
    Rule(
        "org-description",
        "resolve",
        "'the company said' resolves to the organisation named just before, the description "
        "becoming the role: 'Nordplan posted a loss ... the firm said'",
    ),
    Rule(
        "bare-org",
        "resolve",
        "'it said' and 'the firm said' may stand for a word named only bare, with no gender, "
        "title or first name, that the article writes as a name: 'Nordplan said ...' is then "
        "an organisation, and no later 'he' goes to it",
    ),
    Rule(
        "topic-org",
        "resolve",
        "'the company said' with no organisation named near it is the one the article names "
        "most often before, at least three times: a report on Nordplan that ends '..., the "
        "company said'; failing that, the one named as a subject up to twice as far back",
    ),
    Rule(
        "described-org",
        "resolve",
        "a name that a description of a body introduces is an organisation that 'the company' "
        "may stand for: 'shares in engineering group Halvard', 'Tidewell Pay, the fintech "
        "company that ...'",
    ),
    Rule(
        "name-tail",
        "resolve",
        "'the commission said' resolves to the latest organisation whose name ends with those "
        "words, the description becoming the role: 'the Harbour Commission ... the "
        "commission said'",
    ),
    Rule(
        "misspelt-name",
        "resolve",
        "a bare surname that names nobody yet, one letter away from the surname of exactly one "
        "person named in full, is that person: 'Ada Vikk ... Vik said'",
    ),
    Rule(
        "they-group",
        "resolve",
        "'they said' resolves to the group or organisation that spoke just before: 'The "
        "Greens say ... They say ...'",
    ),
    Rule(
        "pronoun-chain",
        "resolve",
        "'He' opening a sentence keeps the person it stands for in view for the next 'he "
        "said', over people named since in passing",
    ),
    Rule(
        "carry-role",
        "resolve",
        "a speaker's role, given with one of their quotes, goes with each of their quotes: "
        "'Mayor Ada Vik said ...' then '\"...,\" Vik added' are both the mayor's",
    ),
    Rule("split-quote", "join", '"A," she said. "B." is one quote in two pieces'),
    Rule(
        "run-on",
        "join",
        "a quote left open at a paragraph end goes on in the next paragraph that opens with a mark",
    ),
    Rule(
        "subject-speaker",
        "join",
        "an unattributed quote after a sentence about someone is theirs: 'Ada Vik wants more "
        'clay. "It helps."\'',
    ),
    Rule(
        "inherit-speaker",
        "join",
        "an unattributed quote takes the speaker of the quote it continues",
    ),
    Rule(
        "nickname",
        "filter",
        'a capitalised word in marks inside a name is no quote: Ada "Addie" Vik',
    ),
    Rule("title", "filter", 'a title in marks is no quote: on NRK\'s "Harbour Hour"'),
    Rule(
        "no-clause-role",
        "filter",
        "a role that reads as a clause, a time or a phrase cut off is none: 'During his "
        "speech', 'His remarks came after', 'The crew and'",
    ),
    Rule(
        "named-before",
        "subjects",
        "words in marks right after 'called' or 'dubbed' are the caller's, not those of a "
        "subject after them: 'a plan Vik called \"reckless,\" Berg voiced doubts'",
    ),
    Rule(
        "scare-quote",
        "filter",
        "quoted words inside a sentence that nobody is said to say are no quote",
    ),
)
"""Every rule, in stage order."""

RULE_NAMES = frozenset(rule.name for rule in RULES)


@dataclass(frozen=True, slots=True)
class Switches:
    """Which rules run, and whether to keep the evidence of each decision for ``--explain``."""

    disabled: frozenset[str] = frozenset()
    explain: bool = False

    def __post_init__(self) -> None:
        unknown = self.disabled - RULE_NAMES
        if unknown:
            raise ValueError(f"unknown quote rule(s): {', '.join(sorted(unknown))}")

    def on(self, rule: str) -> bool:
        """Whether ``rule`` runs."""
        return rule not in self.disabled


ALL_ON = Switches()
