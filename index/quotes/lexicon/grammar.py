"""Function words, adverbs and clause words: what tells a speaker phrase from a clause."""

from __future__ import annotations

from index.quotes.lexicon import word_set

NOT_NAME_WORDS = word_set(
    """the a an and but or so yet for nor neither either if when while whilst as after before since
    because
    although though in on at by to of from with without into onto over under about this that these
    those there here he she it they we i you his her its their our my your what who whom
    whose which why how where still meanwhile however also even then now today yesterday
    tomorrow tonight monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november december jan feb
    mar apr jun jul aug sep sept oct nov dec mr mrs ms dr not no yes some many most all both
    each every one two three four five six seven eight nine ten another other such last next
    first second third new according said says asked perhaps indeed instead despite during
    until unless whether than like just only earlier later recently again already never
    always sometimes often please thanks well oh ok okay read watch see click sign follow
    related advertisement currently finally additionally similarly separately previously
    ultimately traditionally historically initially eventually fortunately unfortunately
    interestingly importantly notably specifically generally typically overall elsewhere
    furthermore moreover nevertheless nonetheless otherwise likewise consequently
    accordingly therefore sadly surprisingly clearly obviously apparently reportedly
    conversely alternatively thus hence besides regardless admittedly undoubtedly certainly
    arguably ironically predictably naturally incidentally frankly luckily hopefully oddly
    remarkably tellingly crucially notwithstanding together altogether
    allegedly officially publicly privately should would could might must shall does did do
    having being is are was were has have had"""
)
"""Capitalised words that start sentences but are never part of a name."""


TIME_NOUNS = word_set(
    """day days week weeks month months year years decade decades century season seasons
    morning afternoon evening night weekend time times moment period quarter"""
)
"""Heads of phrases that say when, never who (``The month also called ...``)."""


NOT_PHRASE_WORDS = word_set(
    """is are was were be been being am has have had do does did will would can could should
    shall may might must that if because when while whether than not it's there what how why
    said says say told tells added adding saying noted if unless until though although where
    him them us me myself itself themselves himself herself everyone anyone someone nobody
    something anything nothing everything this these those here which"""
)
"""Words that betray a clause rather than a speaker phrase."""


IRREGULAR_VERBS = word_set(
    """sent made gave took went came told said wrote spoke thought knew saw found got put left
    felt kept brought began ran held stood met led paid won lost built sold set cut hit let
    read heard meant became chose drew drove fell flew grew hid rose shook struck swore
    threw understood woke wore broke bought caught fought taught sought spent lent sat slept
    spread says tells adds notes asks calls claims argues insists warns writes thinks
    believes wants describes explains admits urges vows promises praises blasts slams
    accuses denies dismisses rejects defends criticizes touts hails mocks believe think expect
    agree know reckon"""
)
"""Verb forms that do not end in -ed but often follow a subject."""


AUXILIARIES = word_set(
    "is are was were has have had will would can could should may might did does do"
)
"""Auxiliary and modal verbs: a finite verb follows (or is) one of these."""

CLAUSE_AFTER_VERB = word_set(
    """is are was were be been being has have had that this it will would can could should not
    if because when then there"""
)

OBLIQUE_PREPOSITIONS = word_set(
    """of for at in on from with to by about against into near under over after before than
    like toward towards without between among across behind beyond via during within"""
)

CLAUSE_START_WORDS = word_set("and but while whilst as when")

SPEAKER_ADVERBS = word_set(
    """also later then again previously recently once repeatedly often simply flatly now still
    never not has have had would will did does do could may might can cannot can't can’t
    wouldn't wouldn’t didn't didn’t doesn't doesn’t hasn't hasn’t haven't haven’t hadn't
    hadn’t earlier further only even just frequently long reportedly today yesterday tonight
    already always ever meanwhile separately however
    monday tuesday wednesday thursday friday saturday sunday"""
)

WEEKDAYS = word_set("monday tuesday wednesday thursday friday saturday sunday")

TIME_UNITS = word_set("week month year night morning")

TIME_LEADS = word_set("last this on")

LY_NOT_ADVERBS = word_set("family ally rally assembly supply reply bully jelly belly fly")

PASSIVE_BEFORE = frozenset({"is", "was", "were", "are", "be", "been", "being", "get", "got"})
"""Words that make the following verb passive (``was told``): no speaker in subject."""

NOT_RUN_START_WORDS = word_set(
    """In On At The But And For If When As After Before With From By To Of A An It He She They
    We This That There So Yet Or While Whilst Since Because Although Though According Asked Speaking
    Still Meanwhile However Then Now Today Later Earlier"""
)

LEAD_WORDS = word_set(
    """but and so yet still meanwhile however instead now then later also even indeed moreover
    further furthermore finally afterward afterwards separately similarly likewise
    nonetheless nevertheless by in for at while whilst when as if although though because since
    after before once until whereas"""
)

NOT_BEFORE_VERB = word_set(
    """the a an of his her their its my our your this that these those home for no any every
    additional
    < <tweet so- such whose"""
)

TO_VERB_OK_AFTER = word_set("on continued continues went goes going appeared seemed")

# "ended it by saying ...", "aside from saying ...", "after saying ...": the sentence's subject
# speaks.
BEFORE_PARTICIPLE = frozenset(("by", "from", "after", "before", "while", "whilst", "in"))

PROGRESSIVE_AUXILIARIES = frozenset(("is", "are", "was", "were", "been"))

PASSIVE_OPENERS = frozenset(("as", "when", "if", "first", "previously", "originally", "once"))

SENTENCE_ABBREVIATIONS = word_set(
    """mr mrs ms dr prof sen sens rep reps gov govs gen lt col capt sgt adm cmdr maj rev fr st
    jr sr vs v no nos inc co corp ltd jan feb mar apr jun jul aug sep sept oct nov dec ft mt
    pres gen hon del atty amb supt cpl pvt messrs mme mlle approx est dept univ assn bros ave
    blvd etc al ca cf fig op"""
)

SENTENCE_OPENERS = word_set(
    """the a an he she it they we i but and so yet this that these those in on at for if when
    while whilst as after before since there here his her their its our mr mrs ms some many most
    all what who why how still meanwhile however"""
)

PHRASE_PREPOSITIONS = word_set(
    """of for at in on from with to by about against under near inside outside within over
    among"""
)

DETERMINERS = word_set("""the a an another one two three several some many most other""")

QUANTIFIERS = word_set(
    """one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
    sixty seventy eighty ninety hundreds thousands dozens some many most several few half all
    both each none majority majorities minority minorities plurality about nearly almost
    roughly more fewer another"""
)

OBJECT_DETERMINERS = word_set("a an the his her their its our my")

FRACTIONS = word_set("third quarter fifth tenth")

# Asides between commas that belong to the sentence, not to who speaks ("X, for example, said").
SENTENCE_ASIDES = frozenset(
    (
        "for example",
        "for instance",
        "however",
        "too",
        "also",
        "meanwhile",
        "in turn",
        "though",
        "in fact",
        "of course",
        "in particular",
        "likewise",
        "similarly",
        "in contrast",
        "by contrast",
        "in response",
        "for his part",
        "for her part",
        "for their part",
        "for its part",
        "on the other hand",
        "in other words",
        "at the time",
        "at least",
    )
)

ASIDE_WORDS = word_set("like unlike including such")

OPENING_ADVERBS = word_set(
    """separately privately publicly crucially importantly interestingly significantly
    similarly previously recently originally additionally ironically initially finally
    clearly obviously unsurprisingly later earlier yesterday"""
)
"""One-word openers set off by a comma before a name (``Privately, Mr Vik said``)."""

OPENING_PARTICIPLE_LINKS = word_set("to in on at after about from with before during")
"""The word after an opening participle (``Speaking to reporters, Ada Vik said``)."""

OPENING_TIME_WORDS = word_set("last earlier later this next")
"""First words of an opening time phrase (``Last month, Ada Vik said``)."""

NOT_ROLE_OPENERS = word_set(
    "during after before while whilst when since without like unlike including alongside despite"
)
"""First words of a phrase that is a clause or a time, never a role (``During his speech``)."""

NOT_ROLE_ENDS = word_set("and or the of a an after before but former")
"""Last words of a phrase cut off in the middle, never a whole role (``DJ duo JK and``)."""

NOT_ROLE_VERBS = word_set("came comes come believes believe says said told")
"""Verbs that make a phrase a clause (``His assurances came after``), not a role."""

COUNT_WORDS = word_set("percent % in out of")

SUBJECT_PRONOUNS = frozenset(("he", "she", "they", "we", "it", "i"))

# Words after which a pronoun starts a clause of its own ("... when she said ...").
CLAUSE_OPENERS = word_set(
    """and but when because as after before if while whilst since although though that where so
    yet whereas once until unless"""
)

TITLE_SMALL_WORDS = word_set("""a an the of and or in on at to for with from by as vs""")

TITLE_LEADS = word_set("""on titled entitled headline headlined slogan""")

CONTRACTED = word_set("""it that he she there here what who where let""")  # `it's`: no possessive

SUBJECT_OPENERS = word_set(
    """the a an he she they it we i his her their its one some many most several both all
    this that these those another each"""
)
"""Lower-case words that may open a speaker phrase right after a quote (``the mayor said``)."""
