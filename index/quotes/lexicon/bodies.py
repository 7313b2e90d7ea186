"""Words for organisations as a description names them: "the company", "the US firm"."""

from __future__ import annotations

from index.quotes.lexicon import word_set

ORG_DESCRIPTION_HEADS = word_set(
    """company firm group corporation conglomerate business bank lender insurer airline
    carrier retailer supermarket chain maker manufacturer producer carmaker brewer operator
    giant publisher broadcaster studio label network club charity watchdog regulator
    agency association federation union organisation organization body institute paper
    newspaper magazine journal tabloid website start-up startup drugmaker automaker
    chipmaker steelmaker planemaker toymaker miner outfit provider supplier utility
    consultancy consortium distributor exporter"""
)
"""The last word of a description that stands for an organisation named just before."""

INSTITUTION_HEADS = word_set(
    """agency watchdog regulator association federation union charity club network
    organisation organization body institute"""
)
"""Heads that may stand for a public body as well as a business (the rest are businesses)."""

NOT_BUSINESS_HEADS = word_set(
    "regulator watchdog union association federation charity institute agency"
)
"""Heads that stand only for a body that is no business: never for a business it oversees,
represents or studies ("the union" is not the mining giant)."""

INSTITUTION_WORDS = word_set(
    """commission association assembly council committee senate parliament federation
    ministry department agency office union party government authority court"""
)
"""Words in a name that make it a public body, never what "the company" stands for."""

BODY_NAME_ENDS = word_set(
    """ministry commission party alliance office council board trust government department
    court fund authority committee assembly executive service foundation university college
    school hospital festival league society coalition centre center bureau administration
    tribunal panel academy museum survey inquiry campaign forum"""
)
"""Last words of a body's name by which a report goes on to call it ("the commission" for
"the Electoral Commission"); none describes a business ("the company" is read apart)."""

FIRM_NAME_ENDS = word_set(
    """motor motors airlines airways holdings industries electronics telecom telecoms
    technologies pharmaceuticals securities petroleum corp inc ltd"""
)
"""Last words of a firm's name, after which an owner before it is its country: "South
Korea's Hyundai Motor"."""

MEDIA_HEADS = word_set("paper newspaper magazine journal tabloid website daily weekly")
"""Heads of a description that stands only for a publication: "the paper said"."""

MEDIA_NAME_WORDS = word_set(
    """post times news journal tribune herald gazette press telegraph guardian daily weekly
    magazine review mirror observer sun mail express independent standard economist record
    chronicle courier ft wsj vision globe star week bulletin monitor register inquirer
    examiner dispatch digest"""
)
"""Words in the name of a newspaper or magazine, which "the paper" may stand for."""

POSSESSIVE_NAME_HEADS = word_set(
    """union unions guild forum association federation alliance party league council congress
    confederation society institute institution fund trust club network coalition committee
    commission organisation organization collective campaign affairs foundation advice
    chamber"""
)
"""Words that end a body's name after a plural possessive: "the Musicians' Union", "the
Writers' Guild", "the People's Party"."""
