"""Verbs and nouns of saying."""

from __future__ import annotations

from index.quotes.lexicon import word_set

# `called it "X"` names or labels something; the label is not a quote introduced by the verb.
NAMING_VERBS = frozenset({"called", "calls", "call", "described", "describes", "read", "reads"})

# Verbs that report speech and may carry an indirect (reported) statement. Kept to verbs of
# saying on purpose: beliefs and wishes ("thinks", "wants") are not quotes of anyone.
REPORTING_VERBS: tuple[str, ...] = (
    "say", "says", "said", "saying",
    "tell", "tells", "told", "telling",
    "add", "adds", "added", "adding",
    "note", "notes", "noted", "noting",
    "state", "states", "stated",
    "announce", "announces", "announced", "announcing",
    "explain", "explains", "explained", "explaining",
    "warn", "warns", "warned", "warning",
    "claim", "claims", "claimed", "claiming",
    "argue", "argues", "argued", "arguing",
    "insist", "insists", "insisted", "insisting",
    "write", "writes", "wrote", "writing",
    "ask", "asks", "asked", "asking",
    "reply", "replies", "replied",
    "acknowledge", "acknowledges", "acknowledged", "acknowledging",
    "admit", "admits", "admitted", "admitting",
    "report", "reports", "reported", "reporting",
    "confirm", "confirms", "confirmed", "confirming",
    "declare", "declares", "declared", "declaring",
    "remark", "remarks", "remarked",
    "comment", "comments", "commented",
    "tweet", "tweets", "tweeted", "tweeting",
    "suggest", "suggests", "suggested", "suggesting",
    "predict", "predicts", "predicted", "predicting",
    "call", "calls", "called", "calling",
    "describe", "describes", "described", "describing",
    "reveal", "reveals", "revealed", "revealing",
)  # fmt: skip

# Further verbs that attribute a direct quote (`"...," she recalled`) but rarely carry
# reported speech of their own.
ATTRIBUTION_ONLY_VERBS: tuple[str, ...] = (
    "continue", "continues", "continued", "recalled", "recalls", "recall", "sings", "sang",
    "joked", "jokes", "quipped", "quips", "laughed", "conceded", "concedes", "joking",
    "quipping", "recalling", "stressing", "conceding", "complaining", "boasting",
    "stressed", "stresses", "emphasized", "emphasised", "contended", "contends",
    "maintained", "maintains", "complained", "complains", "responded", "responds",
    "countered", "counters", "agreed", "agrees", "boasted", "boasts", "charged",
    "alleged", "asserted", "asserts", "vowed", "vows", "promised", "promises",
    "pledged", "urged", "urges", "testified", "posted", "shouted", "yelled", "cried",
    "sighed", "mused", "observed", "observes", "concluded", "concludes", "offered",
    "cautioned", "cautions", "lamented", "laments", "marveled", "marvelled",
    "wondered", "wonders", "demanded", "demands", "exclaimed", "whispered",
    "opined", "reasoned", "confided", "speculated", "mused", "explained",
    "told", "began", "begins", "chimed", "went", "goes", "pointed", "points",
    "wrote", "writes", "emailed", "texted", "messaged", "thundered", "scoffed",
    "snapped", "retorted", "interjected", "interrupted", "acknowledged", "read",
    "reads", "described", "describes", "called", "calls", "declared", "proclaimed",
    "recounted", "recounts", "summed", "added", "insisted", "predicted", "tweeted",
    "announced", "conceded", "replied", "replies", "answered", "answers", "asked",
    "stated", "noted", "warned", "argued", "claimed", "remarked", "commented",
    "suggested", "reported", "confirmed", "admitted",
)  # fmt: skip

# Particles that complete a phrasal attribution verb (`went on`, `pointed out`, `summed up`).
VERB_PARTICLES = frozenset({"on", "out", "up", "in", "back"})

PARTICIPLES = frozenset(
    {
        "saying", "adding", "noting", "telling", "explaining", "warning", "claiming",
        "arguing", "insisting", "writing", "asking", "announcing", "declaring",
        "acknowledging", "admitting", "suggesting", "predicting", "confirming", "tweeting",
        "reporting", "joking", "quipping", "recalling", "stressing", "conceding",
        "complaining", "boasting",
    }
)  # fmt: skip
"""Participles that report speech of the sentence's subject (``..., saying that ...``)."""

# Verbs whose object is the addressee, not the statement (`told reporters that ...`).
ADDRESSEE_VERBS = frozenset({"tell", "tells", "told", "telling", "ask", "asks", "asked", "asking"})

# Cue words that are also nouns, read as nouns after a possessive.
NOUN_CUES = word_set(
    """note notes report reports claim claims comment comments tweet tweets call calls
    warning remark remarks"""
)

NOUN_CUE_MODIFIERS = word_set(
    """annual latest new final full first official own monthly weekly quarterly draft
    interim initial original recent"""
)
"""Words between an owner and a cue word that make it a noun: "the bank's annual report"."""

CLAIM_NOUNS = word_set(
    """emphasis claim claims assertion assertions accusation accusations allegation
    allegations prediction predictions suggestion suggestions statement statements
    remark remarks comment comments contention argument arguments insistence
    warning warnings promise promises pledge pledges vow vows declaration declarations"""
)

# "X issued a statement saying ...": what the statement says, X says.
STATEMENT_NOUNS = word_set(
    """statement release note letter tweet tweets post posts email e-mail memo video message
    ad advertisement op-ed editorial report filing"""
)


GESTURE_NOUNS = word_set(
    """nod reference allusion jab swipe dig shot rebuke retort riposte echo hint nickname
    pun quip joke play twist callback homage tribute"""
)
"""What a quotation is (``"very flexible," a nod to the front-runner``), never who speaks."""
