"""Word lists used to read speaker phrases: honorifics, first names, organisation words."""

from __future__ import annotations

from typing import Literal

Gender = Literal["m", "f", "p", "o"] | None
"""``m``/``f`` for people, ``p`` for plural (they), ``o`` for things (it), None if unknown."""


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` as a set (keeps long lists readable)."""
    return frozenset(text.split())


HONORIFICS: dict[str, str | None] = {
    "mr": "m", "mrs": "f", "ms": "f", "miss": "f", "mister": "m", "madam": "f",
    "madame": "f", "sir": "m", "dame": "f", "lord": "m", "lady": "f", "dr": None,
    "prof": None, "professor": None, "rev": None, "reverend": None, "fr": "m",
    "father": "m", "sister": "f", "brother": "m", "rabbi": None, "imam": None,
    "sen": None, "senator": None, "rep": None, "representative": None, "gov": None,
    "governor": None, "gen": None, "general": None, "lt": None, "col": None,
    "capt": None, "captain": None, "sgt": None, "sergeant": None, "adm": None,
    "admiral": None, "cmdr": None, "maj": None, "major": None, "cpl": None,
    "pvt": None, "president": None, "vice": None, "secretary": None, "minister": None,
    "premier": None, "chancellor": None, "mayor": None, "judge": None, "justice": None,
    "chief": None, "speaker": None, "leader": None, "ambassador": None,
    "commissioner": None, "director": None, "chairman": "m", "chairwoman": "f",
    "chair": None, "alderman": None, "alderwoman": "f", "councillor": None,
    "councilman": "m", "councilwoman": "f", "councilor": None, "sheriff": None,
    "detective": None, "officer": None, "coach": None, "dean": None, "pastor": None,
    "bishop": None, "cardinal": None, "archbishop": None, "pope": "m", "king": "m",
    "queen": "f", "prince": "m", "princess": "f", "emperor": "m", "sheikh": "m",
    "congressman": "m", "congresswoman": "f", "assemblyman": "m",
    "assemblywoman": "f", "delegate": None, "attorney": None, "prosecutor": None,
    "state": None, "deputy": None, "acting": None, "former": None, "first": None,
    "prime": None, "foreign": None, "defense": None, "defence": None, "treasury": None,
    "house": None, "senate": None, "majority": None, "minority": None, "whip": None,
    "u.s.": None, "us": None, "gop": None, "democratic": None, "republican": None,
    "presidential": None, "candidate": None, "nominee": None, "hopeful": None,
    "sens": None, "reps": None, "govs": None, "messrs": "m", "del": None, "atty": None,
    "amb": None, "supt": None,
}  # fmt: skip
"""Words that may stand before a name as a title, with the gender they imply (or None)."""

MALE_WORDS = word_set(
    """spokesman chairman congressman councilman assemblyman businessman husband father son
    brother uncle nephew grandfather boyfriend king prince actor man boy sir lord mr mister
    monsieur herr señor senor signor sheikh emperor duke baron"""
)
FEMALE_WORDS = word_set(
    """spokeswoman chairwoman congresswoman councilwoman assemblywoman businesswoman wife
    mother daughter sister aunt niece grandmother girlfriend queen princess actress woman
    girl madam mrs ms miss madame frau señora senora signora duchess baroness dame lady
    first-lady"""
)

MALE_NAMES = word_set(
    """aaron adam adrian al alan albert alex alexander alfred ali allan allen andrew andy angus
    anthony antonio arnold arthur austin barack barney ben benjamin bernard bernie bill
    billy bob bobby brad bradley brandon brendan brent brett brian bruce bryan byron calvin
    carl carlos chad charles charlie chris christopher chuck clarence claude clay clint cory
    craig curt curtis dale dan daniel danny darrell darren dave david dean dennis derek dick
    dmitry don donald doug douglas duncan dwight earl ed eddie edward elijah elliot elliott
    emmanuel eric erik ernest eugene evan francis frank franklin fred frederick gabriel gary
    gavin gene geoff geoffrey george gerald gordon graham greg gregory hakeem hank harold
    harry harvey hector henry herman howard hugh hunter ian isaac jack jacob jake james
    jamie jared jason jeb jeff jeffrey jeremy jerome jerry jesse jim jimmy joe joel john
    johnny jon jonathan jorge jose joseph josh joshua juan julian justin keith ken kenneth
    kevin kirk kurt kyle lamar lance larry lawrence lee leon leonard lincoln lindsey lloyd
    louis luis luke malcolm marco marcus mario mark martin marvin matt matthew max michael
    mike mitch mitt mohammed muhammad nathan neil newt nicholas nick nigel noah norman
    oliver omar oscar owen patrick paul pete peter phil philip phillip rafael ralph rand
    randy ray raymond reince reggie ricardo richard rick rob robert roberto rod rodney roger
    ron ronald ross roy rudy russ russell ryan sam samuel scott sean sergei seth shawn
    sherrod stan stanley stephen steve steven stuart ted terry thomas tim timothy todd tom
    tommy tony travis trey tyler victor vince vincent vladimir walter warren wayne wesley
    will william willie xi yuri zach zachary hua jianguo wei ming kamal rahul narendra ahmed
    hassan hussein ibrahim jens emmanuel francois françois jean pierre jacques hans klaus
    jürgen wolfgang giuseppe luigi marco paolo pedro miguel alejandro fernando enrique
    andres andrés boris viktor igor ivan recep benjamin bibi shinzo justin malcolm kim moon"""
)
FEMALE_NAMES = word_set(
    """abby abigail alice alicia alison allison amanda amy andrea angela angelina anita ann
    anna anne annie april ashley barbara becky betsy beth betty beverly brenda brittany
    brooke candace carla carly carol caroline carolyn carrie catherine cathy charlotte
    chelsea cheryl christina christine cindy claire claudia colleen connie courtney cynthia
    dana danielle deborah debbie debra denise diana diane donna doris dorothy elaine eleanor
    elena elizabeth ellen emily emma erin eva evelyn frances gail gina gloria grace hannah
    heather heidi helen hillary holly hope huma irene jackie jacqueline jane janet janice
    jean jeanne jennifer jenny jessica jill jo joan joanne jodi jody joy joyce judith judy
    julia julie karen kate katherine kathleen kathy katie kay kayleigh kellyanne kelly kim
    kimberly kirsten kristen laura lauren leah linda lisa liz lois loretta lori louise lucy
    lynn madeleine madeline maggie marcia margaret maria marie marilyn marsha martha mary
    megan megyn melania melissa michele michelle mia nancy natalie nicole nikki nina nora
    olivia pam pamela patricia patty paula peggy penny rachel rebecca regina renee rita
    roberta robin rosa rose ruth sally samantha sandra sara sarah sharon sheila shirley
    sonia sophia stacey stephanie sue susan suzanne sylvia tammy tara teresa theresa tiffany
    tina tracy valerie vanessa victoria virginia wanda wendy whitney yvonne zoe angela
    theresa marine ségolène segolene christine ursula federica nicola jacinda sanna"""
)

ORG_WORDS = word_set(
    """ministry department office agency bureau committee commission council party campaign
    post times news network journal tribune herald gazette press telegraph guardian daily
    weekly magazine review radio television tv channel company corporation corp inc ltd llc
    group foundation institute university college school association union federation league
    board bank fund court senate congress house parliament assembly administration
    government service services police army navy force forces organization organisation
    center centre alliance coalition pac initiative project program programme authority
    exchange club society commission council church embassy consulate mission cabinet
    treasury reserve fed team republicans democrats gop dnc rnc fbi cia nsa irs cnn nbc abc
    cbs msnbc fox bbc ap reuters afp xinhua politico breitbart huffpost nyt usa today
    network networks media website blog study survey poll report statement institute"""
)
"""Words that mark a capitalised phrase as an organisation or publication."""

PLACE_WORDS = word_set(
    """city area district province county state states street avenue road square park river
    valley island islands mountain mountains bay sea ocean lake region republic kingdom
    territory village town borough hall building tower airport station bridge north south
    east west financial"""
)
"""Words that mark a capitalised phrase as a place rather than a person."""

SPEAKER_NOUNS = word_set(
    """advocate advocates official officials spokesman spokeswoman spokesperson spokespeople
    deputy deputies source sources aide aides adviser advisers advisor advisors ministry
    department company
    campaign agency police committee government administration report reports statement
    study survey poll polls analyst analysts expert experts critic critics supporter
    supporters lawyer lawyers attorney attorneys leader leaders member members people voters
    voter residents resident authorities prosecutors prosecutor investigators investigator
    researchers researcher economists economist observers observer officers officer chairman
    chairwoman president senator governor mayor minister secretary director executive
    executives chief head manager organizers organisers activists activist protesters
    lawmakers lawmaker legislators negotiators diplomats diplomat witnesses witness friends
    friend colleagues colleague allies ally opponents opponent rivals rival staffers staffer
    group groups organization organizations organisation organisations union unions party
    parties court judge paper newspaper network media
    outlet site website magazine office bureau firm bank team board council commission panel
    coalition foundation institute center centre university school release letter memo
    document documents filing filings records data figures estimates tally count article
    story book video email tweet post blog guidance complaint lawsuit suit indictment ruling
    memo journalist journalists reporter reporters editor editors columnist writer author
    authors scientist scientists doctor doctors physician nurse teacher teachers student
    students professor pollster pollsters strategist strategists consultant consultants
    operative operatives insider insiders historian historians scholar scholars delegate
    delegates candidate candidates nominee democrat democrats republican republicans
    conservatives liberals progressives americans voters donors donor backers backer fans
    people organizer organiser commentator commentators host anchor correspondent
    representative representatives lobbyist lobbyists owner owners founder ceo cfo employee
    employees worker workers ambassador envoy military army spokespeople manager managers
    man woman men women mother father wife husband son daughter family families parents
    residents neighbor neighbors citizens americans chinese officials authority regulators
    regulator agencies"""
)
"""Head nouns of phrases that can be a source of speech (``a senior official``)."""

NOT_NAME_WORDS = word_set(
    """the a an and but or so yet for nor if when while as after before since because although
    though in on at by to of from with without into onto over under about this that these
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
    remarkably tellingly crucially notwithstanding
    allegedly officially publicly privately should would could might must shall does did do
    having being is are was were has have had"""
)
"""Capitalised words that start sentences but are never part of a name."""

PRONOUN_GENDER: dict[str, Gender] = {
    "he": "m", "she": "f", "they": "p", "it": "o", "we": "p", "i": None, "you": None,
}  # fmt: skip

COURTESY_TITLES = word_set("mr mrs ms miss mister madam madame sir dame messrs dr")
"""Titles that are only courtesy, never a role (``Mr``, ``Dr``)."""

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

PLACE_NAMES = word_set(
    """alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
    hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland
    massachusetts michigan minnesota mississippi missouri montana nebraska nevada hampshire
    jersey mexico york carolina dakota ohio oklahoma oregon pennsylvania rhode tennessee
    texas utah vermont virginia washington wisconsin wyoming america american britain
    england scotland wales ireland france germany italy spain portugal russia ukraine china
    japan korea india pakistan afghanistan iran iraq syria israel egypt turkey greece canada
    brazil argentina cuba venezuela colombia australia europe asia africa libya yemen saudi
    arabia jordan lebanon qatar nigeria kenya vietnam taiwan philippines indonesia poland
    hungary sweden norway denmark finland netherlands belgium switzerland austria estonia
    latvia lithuania beijing moscow london paris berlin tokyo brussels chicago boston
    philadelphia atlanta houston dallas miami denver seattle detroit cleveland baltimore
    manhattan brooklyn iowa nyc d.c. dc u.s. us uk u.k. u.n. un eu gop nato isis isil"""
)
"""Places (and a few acronyms) that capitalised runs often name; never speakers' names."""

IRREGULAR_VERBS = word_set(
    """sent made gave took went came told said wrote spoke thought knew saw found got put left
    felt kept brought began ran held stood met led paid won lost built sold set cut hit let
    read heard meant became chose drew drove fell flew grew hid rose shook struck swore
    threw understood woke wore broke bought caught fought taught sought spent lent sat slept
    spread says tells adds notes asks calls claims argues insists warns writes thinks
    believes wants describes explains admits urges vows promises praises blasts slams
    accuses denies dismisses rejects defends criticizes touts hails mocks"""
)
"""Verb forms that do not end in -ed but often follow a subject."""


AUXILIARIES = word_set(
    "is are was were has have had will would can could should may might did does do"
)
"""Auxiliary and modal verbs: a finite verb follows (or is) one of these."""
