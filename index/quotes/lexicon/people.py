"""Words about people: honorifics, first names, gendered words, organisations and places."""

from __future__ import annotations

from typing import Literal

from index.quotes.lexicon import word_set

Gender = Literal["m", "f", "p", "o"] | None
"""``m``/``f`` for people, ``p`` for plural (they), ``o`` for things (it), None if unknown."""


HONORIFICS: dict[str, str | None] = {
    "mr": "m", "mrs": "f", "ms": "f", "miss": "f", "mister": "m", "madam": "f",
    "madame": "f", "sir": "m", "dame": "f", "lord": "m", "lady": "f", "dr": None,
    "prof": None, "professor": None, "rev": None, "reverend": None, "rt": None, "fr": "m",
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
    """spokesman chairman congressman councilman assemblyman businessman husband father son brother
    uncle nephew grandfather boyfriend king prince actor man boy sir lord mr mister monsieur
    herr señor senor signor sheikh emperor duke baron"""
)
FEMALE_WORDS = word_set(
    """spokeswoman chairwoman congresswoman councilwoman assemblywoman businesswoman wife mother
    daughter sister aunt niece grandmother girlfriend queen princess actress woman girl madam
    mrs ms miss madame frau señora senora signora duchess baroness dame lady first-lady"""
)

MALE_NAMES = word_set(
    """aaron adam adrian al alan albert alex alexander alfred ali allan allen andrew andy angus
    anthony antonio arnold arthur austin barack barney ben benjamin bernard bernie bill billy
    bob bobby brad bradley brandon brendan brent brett brian bruce bryan byron calvin carl
    carlos chad charles charlie chris christopher chuck clarence claude clay clint cory craig
    curt curtis dale dan daniel danny darrell darren dave david dean dennis derek dick dmitry
    don donald doug douglas duncan dwight earl ed eddie edward elijah elliot elliott emmanuel
    eric erik ernest eugene evan francis frank franklin fred frederick gabriel gary gavin gene
    geoff geoffrey george gerald gordon graham greg gregory hakeem hank harold harry harvey
    hector henry herman howard hugh hunter ian isaac jack jacob jake james jamie jared jason jeb
    jeff jeffrey jeremy jerome jerry jesse jim jimmy joe joel john johnny jon jonathan jorge
    jose joseph josh joshua juan julian justin keith ken kenneth kevin kirk kurt kyle lamar
    lance larry lawrence lee leon leonard lincoln lindsey lloyd louis luis luke malcolm marco
    marcus mario mark martin marvin matt matthew max michael mike mitch mitt mohammed muhammad
    nathan neil newt nicholas nick nigel noah norman oliver omar oscar owen patrick paul pete
    peter phil philip phillip rafael ralph rand randy ray raymond reince reggie ricardo richard
    rick rob robert roberto robin rod rodney roger ron ronald ross roy rudy russ russell ryan
    sam samuel scott sean sergei seth shawn sherrod stan stanley stephen steve steven stuart ted
    terry thomas tim timothy todd tom tommy tony travis trey tyler victor vince vincent vladimir
    walter warren wayne wesley will william willie xi yuri zach zachary hua jianguo wei ming
    kamal rahul narendra ahmed mohamed mohamad muhammed mohammad hassan hussein ibrahim jens
    emmanuel francois françois jean pierre jacques hans klaus jürgen wolfgang liam gareth
    alistair iain rhodri hamish callum giuseppe luigi marco paolo pedro miguel alejandro
    fernando enrique andres andrés boris viktor igor ivan recep benjamin bibi shinzo justin
    malcolm kim moon abdul abdullah abel abraham abu ade adebayo ademola adnan afzal agustin
    ahmad aidan aiden akira alain alastair alberto aldo alec aleksandr alessandro alexei alexis
    alfie alfonso alonso alun alvaro amir amit anand anders andre andrei andrzej angelo anil
    antoine anton archie ariel arjen arjun arman armando arnaud arne arsene arturo ashok ashraf
    augusto axel ayman baldwin barry bart bashar basil bernd bertrand bjorn blaise bogdan
    brendon bruno bryn burak carlo casey cathal cedric cesar chester christoph christophe
    claudio clement clive cody colin connor conor constantin cornelius cristian cristiano cyril
    cyrus dafydd damian damien damon dante dario darius darryl davide declan deepak demetrius
    denis dermot desmond diarmuid didier diego dieter dimitri dimitris dirk dominic donal
    donovan dylan edgar edmund eduardo edwin efraim elias emil emile emilio emlyn emmett enda
    enzo eoin erich ernesto esteban ethan etienne euan evgeny ewan ewen fabian fabio faisal
    farid farouk federico felipe felix ferdinand fergus filip finn fintan florian francesco
    franco frankie franz freddie friedrich gaurav gennaro gerard gerhard gerry gethin gianni
    gilbert giorgio giovanni glen glenn godfrey gonzalo gopal graeme grigory guillaume gunnar
    gustavo gwyn hamid hamza harald hardeep haris hasan heinz helmut herbert hiroshi horst
    hubert hugo humphrey huw hywel ieuan ignacio ilya imran ismail ivo iwan jaap jagdish jai
    jakob jamal janusz jaroslav javier jean-claude jean-luc jean- marie jean-pierre jeremiah
    jermain jermaine jeroen joachim joaquin joey johan johann johannes jonas jordi jorg jorn
    jose-luis josef josep juergen jules julio jurgen jussi kai kaleb kareem karim karl karol
    kasper kazuo keir kenji kenny khalid kieran kofi kolo konstantin krishna kristian lachlan
    lars laszlo laurent leandro lenny leo leonardo leopold lionel lorenzo luca lucas luciano
    ludwig luiz lukas magnus mahmoud manfred manuel marc marcel marcello marek marius marko
    markus mateo mathieu matthias mattia maurice mauricio maurizio maxim maximilian mehmet
    menachem michal micheal michel mick mickey mikael mikhail milos mohsen moises moses mustafa
    nadim naveen neville niall nico nicolai nicolas niels niklas nikolai nikolas nils nitin
    norbert olaf ole oleg olivier osama oskar oswald otto pablo paddy padraig pascal patrice
    patricio paulo pavel petr philippe piers pieter pietro piotr pradeep prakash rahim raj
    rajesh rakesh ramon randall raphael rashid raul reginald reinhard rene rhys riccardo richie
    rik robbie rocco rodrigo rohan roland rolf romano ronan ronnie rory rowan ruairi ruben
    rudolf rupert ruud saeed salman salvatore sami sandeep sanjay sasha seamus sebastian
    sebastien serge sergio shane shaun shay silvio simon slobodan soren stefan stefano steffen
    stelios stevie sunil sven sylvester tariq teemu terence theo theodore thierry thijs titus
    tobias toby tomas tomasz torsten trevor tristan ulrich umar umberto uwe valentin valery
    vasily vijay vikram vinod vitaly vittorio vivek volker walt werner wilfred wilhelm willem
    winston wladimir wojciech xavier yannick yasser yevgeny yosef youssef yusuf zbigniew zoltan
    zubair"""
)
FEMALE_NAMES = word_set(
    """abby abigail alice alicia alison allison amanda amy andrea angela angelina anita ann anna
    anne annie april ashley barbara becky betsy beth betty beverly brenda brittany brooke
    candace carla carly carol caroline carolyn carrie catherine cathy charlotte chelsea cheryl
    christina christine cindy claire claudia colleen connie courtney cynthia dana danielle
    deborah debbie debra denise diana diane donna doris dorothy elaine eleanor elena elizabeth
    ellen emily emma erin eva evelyn frances gail gina gloria grace hannah heather heidi helen
    hillary holly hope huma irene jackie jacqueline jane janet janice jean jeanne jennifer jenny
    jessica jill jo joan joanne jodi jody joy joyce judith judy julia julie karen kate katherine
    kathleen kathy katie kay kayleigh kellyanne kelly kim kimberly kirsten kristen laura lauren
    leah linda lisa liz lois loretta lori louise lucy lynn madeleine madeline maggie marcia
    margaret maria marie marilyn marsha martha mary megan megyn melania melissa michele michelle
    mia nancy natalie nicole nikki nina nora olivia pam pamela patricia patty paula peggy penny
    rachel rebecca regina renee rita roberta robin rosa rose ruth sally samantha sandra sara
    sarah sharon sheila shirley sonia sophia stacey stephanie sue susan suzanne sylvia tammy
    tara teresa theresa tiffany tina tracy valerie vanessa victoria virginia wanda wendy whitney
    yvonne zoe angela theresa tessa harriet yvette hazel margaret marine ségolène segolene
    christine ursula federica nicola jacinda sanna adriana agnes aisha alejandra alessandra
    alexandra alicja alina alisha alma alyssa amalia amelia amina anastasia angelique anke
    annabel annalena annette antonia ariana arlene astrid audrey aurelie ava barbra beatrice
    beatriz belinda benazir bernadette bettina beverley bianca birgit bridget brigitte britney
    bronwen camilla carina caterina cecilia celine chantal charlene cherie chiara chloe christa
    christiane clara clare clarissa colette cora corinne daniela daphne deirdre delia delphine
    dido dolores edith eileen ekaterina elisa elisabeth eliza ella ellie eloise elsa elspeth
    emilia emine estelle esther eugenia eunice fatima felicity fiona francesca francine freya
    gabriela gabrielle geraldine gertrude gillian giovanna gisela giulia glenys gwen gwyneth
    hanna hannelore helena helga henrietta hilda hortense imogen ines ingrid irina isabel
    isabella isabelle ivana jacqui janine jasmine jemima jenna joanna jocelyn jodie johanna
    josephine juanita judi julianne juliet justine karin karina karren katarina katharina katja
    katrin katrina keira kirstie kirsty kristina kylie lara larissa layla lena leonie leticia
    liliana lily lina liza lorna lucia lucinda luisa lydia magdalena maja malala mandy manuela
    marcela margarita margot mariam mariana marianne marina marion marisa marjorie marlene marta
    martina maureen maxine meera melanie meryl michaela mila mildred millie mira miriam moira
    monica monika morag myra nadia nadine naomi natalia natasha nathalie nell nicky nicolette
    noemi noor nuala odette olga oona ophelia paloma patrizia paulina pauline petra philippa
    phoebe pia polly priscilla priti priya rania raquel rebekah renata rhian rhona rihanna
    roisin romy rosalind rosemary roxanne sabine sabrina sadie salma sandrine serena shazia
    shona silvia simone siobhan sofia sonja sophie susanne svetlana sybil tamara tania tanya
    tatiana tatjana thandie thea theodora tracey trudy valentina valeria vera veronica veronika
    vicky viktoria violet vivian viviane wilma yasmin yolanda yulia zara zeinab zelda zsuzsanna"""
)
FIRST_NAMES = MALE_NAMES | FEMALE_NAMES

ORG_WORDS = word_set(
    """ministry department office agency bureau committee commission council party campaign post
    times news network journal tribune herald gazette press telegraph guardian daily weekly
    magazine review radio television tv channel company corporation corp inc ltd llc group
    foundation institute university college school association union federation league board
    bank fund court senate congress house parliament assembly administration government service
    services police army navy force forces organization organisation center centre alliance
    coalition pac initiative project program programme authority exchange club society
    commission council church embassy consulate mission cabinet treasury reserve fed team
    republicans democrats gop dnc rnc fbi cia nsa irs cnn nbc abc cbs msnbc fox bbc ap reuters
    afp xinhua politico breitbart huffpost nyt usa today network networks media website blog
    study survey poll report statement institute united rovers athletic wanderers albion hotspur
    rangers celtic real fc afc sporting olympique dynamo saracens harlequins city town county
    forest palace wednesday argyle orient thistle motor motors airlines airways holdings
    industries electronics telecom telecoms communications technologies pharmaceuticals
    securities petroleum studios pictures records entertainment"""
)
"""Words that mark a capitalised phrase as an organisation or publication (sports clubs
included: ``Real Madrid``, ``Bolton Wanderers``)."""

ORG_SURNAMES = word_set("fox post house church bank court field times union hall")
"""Organisation words that are also surnames, after a first name (``Liam Fox``)."""

PLACE_WORDS = word_set(
    """city area district province county state states street avenue road square park river valley
    island islands mountain mountains bay sea ocean lake region republic kingdom territory
    village town borough hall building tower airport station bridge north south east west
    financial plaza hq headquarters"""
)
"""Words that mark a capitalised phrase as a place rather than a person."""

SPEAKER_NOUNS = word_set(
    """advocate advocates official officials spokesman spokeswoman spokesperson spokespeople deputy
    deputies source sources aide aides adviser advisers advisor advisors ministry department
    company campaign agency police committee government administration report reports statement
    study survey poll polls analyst analysts expert experts critic critics supporter supporters
    lawyer lawyers attorney attorneys leader leaders member members people voters voter
    residents resident authorities prosecutors prosecutor investigators investigator researchers
    researcher economists economist observers observer officers officer chairman chairwoman
    president senator governor mayor minister secretary director executive executives chief head
    manager organizers organisers activists activist protesters lawmakers lawmaker legislators
    negotiators diplomats diplomat witnesses witness friends friend colleagues colleague allies
    ally opponents opponent rivals rival staffers staffer group groups organization
    organizations organisation organisations union unions party parties court judge paper
    newspaper network media outlet site website magazine office bureau firm bank team board
    council commission panel coalition foundation institute center centre university school
    release letter memo document documents filing filings records data figures estimates tally
    count article story book video email tweet post blog guidance complaint lawsuit suit
    indictment ruling memo journalist journalists reporter reporters editor editors columnist
    writer author authors scientist scientists doctor doctors physician nurse teacher teachers
    student students professor pollster pollsters strategist strategists consultant consultants
    operative operatives insider insiders historian historians scholar scholars delegate
    delegates candidate candidates nominee democrat democrats republican republicans
    conservatives liberals progressives americans voters donors donor backers backer fans people
    organizer organiser commentator commentators host anchor correspondent representative
    representatives lobbyist lobbyists owner owners founder ceo cfo employee employees worker
    workers ambassador envoy military army spokespeople manager managers man woman men women
    mother father wife husband son daughter family families parents residents neighbor neighbors
    citizens americans chinese officials authority regulators regulator agencies councillor
    councillors councilor councilors campaigners"""
)
"""Head nouns of phrases that can be a source of speech (``a senior official``)."""


PRONOUN_GENDER: dict[str, Gender] = {
    "he": "m", "she": "f", "they": "p", "it": "o", "we": "p", "i": None, "you": None,
}  # fmt: skip

COURTESY_TITLES = word_set("mr mrs ms miss mister madam madame sir dame messrs dr")
PEERAGE_TITLES = word_set("lord lady baroness baron earl viscount")
"""Titles that are only courtesy, never a role (``Mr``, ``Dr``)."""


PLACE_NAMES = word_set(
    """alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
    hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
    michigan minnesota mississippi missouri montana nebraska nevada hampshire jersey mexico york
    carolina dakota ohio oklahoma oregon pennsylvania rhode tennessee texas utah vermont
    virginia washington wisconsin wyoming america american britain england scotland wales
    ireland france germany italy spain portugal russia ukraine china japan korea india pakistan
    afghanistan iran iraq syria israel egypt turkey greece canada brazil argentina cuba
    venezuela colombia australia europe asia africa libya yemen saudi arabia jordan lebanon
    qatar nigeria kenya vietnam taiwan philippines indonesia poland hungary sweden norway
    denmark finland netherlands belgium switzerland austria estonia latvia lithuania beijing
    moscow london paris berlin tokyo brussels chicago boston philadelphia atlanta houston dallas
    miami denver seattle detroit cleveland baltimore manhattan brooklyn iowa nyc d.c. dc u.s. us
    uk u.k. u.n. un eu gop nato isis isil"""
)
"""Places (and a few acronyms) that capitalised runs often name; never speakers' names."""

ROLE_NOUNS_BEFORE_NAME = tuple(
    sorted(
        word_set(
            """spokesman spokeswoman spokesperson businessman businesswoman aide adviser advisor
    chairman chairwoman director manager strategist pollster lawyer attorney official
    economist analyst senator governor mayor candidate nominee leader founder executive host
    anchor reporter correspondent activist writer author professor chief secretary minister
    president member representative congressman congresswoman judge resident voter supporter
    pastor coach player star officer commander counterpart colleague team-mate teammate boss
    captain skipper chancellor"""
        )
    )
)

# Abbreviations and particles are alternations shaped as tries (``trie_pattern``): each is
# followed by a dot or a space, so at most one alternative can match and the order of trying
# them does not matter, but a trie rejects a word on its first letters.
NAME_ABBREVIATIONS = word_set(
    """Mr Mrs Ms Dr Sen Rep Gov Gen Lt Col Capt Sgt Adm Prof Rev St Jr Sr Ft Mt Pres Del Atty Amb
    Supt Cpl Pvt"""
)

NAME_PARTICLES = word_set("de da del della di du van von der den bin ibn al el la le dos das ter y")

NAME_SUFFIXES = frozenset(("Jr", "Sr", "II", "III", "IV"))

# Titles that follow a place or body ("Ohio Gov.", "House Speaker"); plain honorifics such
# as "King" or "Major" also end names, so only these are looked for inside a run.
TITLES_AFTER_PLACE = word_set(
    """gov governor sen senator rep representative speaker mayor leader secretary minister
    president chairman chairwoman director commissioner attorney general ambassador justice
    judge sheriff chancellor premier gen lt col capt sgt adm cmdr maj admiral treasurer co-
    chairman spokesman spokeswoman chief boss coach captain manager mp mep msp mla councillor
    cllr bishop archbishop executive officer editor economist"""
)

LEADING_ROLES = word_set(
    """pollster spokesman spokeswoman spokesperson analyst economist strategist historian lawyer
    attorney activist author consultant researcher scientist adviser advisor aide organizer
    columnist commentator singer rapper actor actress comedian comic musician songwriter
    guitarist drummer bassist vocalist frontman frontwoman producer presenter broadcaster dj
    writer novelist playwright poet journalist photographer designer artist painter chef model
    boxer striker midfielder defender goalkeeper winger skipper goalscorer manager boss founder
    teenager farmer solicitor barrister magistrate referee umpire jockey golfer cyclist swimmer
    sprinter athlete campaigner pensioner entrepreneur tycoon billionaire businessman
    businesswoman"""
)
"""Role nouns that open a sentence before a name (``Singer Ada Vik``): a role, not a name."""

PLACE_PREFIXES = frozenset(("new", "north", "south", "east", "west", "of", "the", "st"))

# Words that end no name, except after a first name: "Theresa May".
SURNAME_HOMOGRAPHS = frozenset(("may",))

ROLE_HEADS = word_set(
    """deputy head chief director chairman chairwoman chair president vice secretary minister
    spokesman spokeswoman spokesperson governor mayor senator representative leader member
    professor adviser advisor aide founder ceo executive manager editor author analyst expert
    lawyer attorney official officer commissioner ambassador lord general judge justice speaker
    host anchor correspondent reporter economist strategist consultant pollster historian
    candidate nominee partner owner co-founder cofounder principal superintendent administrator
    coordinator organizer activist researcher scientist fellow scholar lecturer dean chancellor
    treasurer clerk sheriff captain commander former then longtime acting interim senior top
    archbishop bishop cardinal rabbi imam vicar
    assistant associate managing general national regional state"""
)

ROLE_WORDS = ROLE_HEADS | LEADING_ROLES | frozenset(ROLE_NOUNS_BEFORE_NAME)
"""Every word for what a person is or does before a name: "actress", "tycoon", "minister"."""

# "Someone asked how ...": whoever it was speaks, unnamed.
INDEFINITE_SPEAKERS = word_set("someone somebody everyone everybody")

# Participles after a plural that make it the people a poll asked: "voters polled".
SURVEYED = word_set("polled surveyed interviewed questioned sampled contacted asked")

GROUP_PRONOUNS = word_set(
    "some many others most few several both all critics those someone somebody everyone"
)

# Words after a speaker noun that describe it: "people close to Clinton", "aides here".
POSTMODIFIERS = word_set("close familiar privy loyal here there")

# Participles that describe a role before a name ("Newly elected Mayor Ada Vik").
ROLE_PARTICIPLES = word_set(
    """elected appointed retired based registered designated affiliated backed funded owned
    noted famed syndicated acclaimed celebrated respected renowned talented seasoned qualified
    licensed certified"""
)

# Clause words that are also names: "Theresa May", "Will Rogers".
NAME_HOMOGRAPHS = frozenset(("may", "will"))

FIRST_NAME_MONTHS = word_set("jan june april")
"""Months (or their abbreviations) that are also first names: a name before a surname
(``Jan Tebbe said``), a date after a word of time (``last June``, ``since April``)."""

DATE_LEADS = word_set("in on since until till from during last next this early late mid")
"""Words before a month that make it a date, not a first name."""

DESCRIPTION_HEADS = word_set(
    """president minister chancellor mayor premier governor senator leader chairman chairwoman
    chair co-chairman secretary spokesman spokeswoman spokesperson boss manager coach captain
    judge director treasurer ambassador commissioner chief executive founder editor presenter
    host prosecutor sheriff general archbishop bishop cardinal rabbi imam vicar correspondent
    reporter mp mep msp"""
)
"""Role nouns that, after ``the``, stand for a person the article names (``the mayor``)."""

ANAPHORIC_HEADS = word_set(
    """player star striker forward winger midfielder defender goalkeeper keeper champion veteran
    youngster teenager singer actor actress rapper musician director-general coach-turned-pundit
    frontman frontwoman novelist author writer businessman businesswoman tycoon billionaire
    former comedian comic presenter broadcaster guitarist drummer vocalist songwriter designer
    chef boxer athlete golfer cyclist swimmer sprinter jockey prop flanker hooker skipper winner"""
)
"""Nouns that, after ``the``, stand for the person just spoken of (``the striker``)."""

OTHER_ONE_WORDS = word_set("other another rival opposing fellow opposite second third same")
"""Words that make a description someone else than the person just spoken of (``the
other striker``)."""

DEMONYMS = word_set(
    """scot briton brit welshman welshwoman englishman englishwoman irishman irishwoman frenchman
    frenchwoman dutchman dane swede finn pole czech swiss kiwi aussie spaniard turk thai greek"""
)
"""Nationality nouns that do not end in ``-an``/``-ian``/``-ese`` (``the Scot``)."""

DESCRIPTION_MODIFIERS = word_set("former new current outgoing incoming then longtime veteran")
"""Words in a description that need not appear in the role it matches."""

ROLE_QUALIFIERS = word_set("vice deputy assistant shadow press junior associate acting under")
"""Words before a role's head that make it another role (``Vice President``)."""

UNNAMED_HEADS = word_set(
    """spokesman spokeswoman spokesperson official source aide adviser advisor analyst
    representative member supporter fan correspondent reporter"""
)
"""Heads of descriptions that stand for someone the article does not name (``the Vodafone
spokesman`` is not the Vodafone boss named earlier)."""

PARTY_MEMBERS = word_set(
    "democrat republican american conservative liberal progressive independent"
)
"""What a capitalised plural names as a group of people (``Democrats``, ``Independents``)."""
