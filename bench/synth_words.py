"""Word lists for the synthetic archive generator (``bench/synth.py``).

Real common English words grouped by part of speech, most frequent first, so that sentence
templates read like news prose; plus news-topic words per section, places and personal names.
Many entries share prefixes (con-, fin-, pro-, elect-, inter-, re-, ...) so that prefix and fuzzy
queries expand the way they do on real text.
"""

from __future__ import annotations


def _words(text: str) -> list[str]:
    """Split a block of whitespace-separated words into a list (``_`` joins a multi-word name)."""
    return [word.replace("_", " ") for word in text.split()]


def _phrases(text: str) -> list[str]:
    """Split a block of phrases separated by ``|`` or line breaks into a list."""
    return [phrase for phrase in text.replace("\n", "|").split("|") if phrase]


# Countable nouns, the most frequent in *_TOP; the plural is formed by rule (PLURAL_EXCEPTIONS).
NOUNS_TOP = _words("""
year government week day month country city company plan report official minister market group
state party family service system leader school project deal price rate policy job worker area
community home way law decision programme meeting agreement election vote campaign court case
issue problem change question statement spokesperson director chief member figure increase rise
fall level business bank investment industry sector budget tax council committee authority agency
department ministry office board team club league player coach fan match season event conference
summit talk visit trip flight road street building site centre hospital patient doctor nurse
student teacher university college child parent resident citizen voter candidate president mayor
governor lawmaker economist analyst investor executive employee customer consumer user firm
""")
NOUNS = _words("""
ability absence academy accident account accusation achievement acquisition act action activist
activity actor addition address administrator admission adult advance advantage adventure advert
advertisement adviser advocate affair age agenda aid aide aim aircraft airline airport alarm album
alert allegation alliance allowance ally alternative ambassador ambition ambulance amendment amount
analysis anniversary announcement answer apartment apology app appeal appearance application
appointment approach approval architect archive argument army arrangement arrest arrival article
artist aspect assault assembly assessment asset assistant association athlete atmosphere attack
attempt attendance attention attitude attraction audience audit author autumn avenue average award
baby background balance ballot ban band bank banker bar barrier base basis battery battle beach
bed beginning behaviour belief benchmark benefit bid bill billion biography bird birth block blow
board boat body bomb bond bonus book boom border borough bottle boundary box brand breach break
breakthrough bridge briefing broadcast broadcaster broker brother bubble building bulletin bureau
bus buyer cabinet cable call camera camp campus canal candidate capacity capital captain car card
career cargo carrier category cause ceasefire celebration cell census century ceremony chain
chair chairman chairwoman challenge champion championship chance channel chapter character charge
charity chart check chemical chip choice church cinema circle circumstance claim class classroom
clause client climate clinic closure cloud coalition coast code colleague collection collapse
column combination comedy comment commentator commercial commission commissioner commitment
commodity communication comparison compensation competition competitor complaint component
compromise computer concept concern concert concession conclusion condition conduct confidence
conflict confrontation congress connection consequence consideration consortium constituency
constitution constraint construction consultant consultation contact container contender content
contest context continent contract contractor contrast contribution contributor controversy
convention conversation conviction cooperative corner corporation corridor cost costume council
councillor count counter counterpart county couple courier course cousin coverage credit crew
crime criminal critic crop crossing crowd cruise cup currency curriculum customer cut cycle
dam damage dancer danger database date daughter deadline dealer death debate debt decade decline
defeat defect defence defender deficit definition degree delay delegate delegation delivery demand
democracy demonstration departure deposit deputy design designer desk destination detail detective
developer development device diagnosis dialogue difference difficulty dimension dinner diplomat
director disaster discipline discount discovery discussion disease dispute distance distribution
district dividend division doctor document dog dollar domain donation donor door dose draft drama
draw dream drink drive driver drop drought drug duty earning earthquake economy edge edition editor
effect effort election electorate electrician element email embassy emergency emission emphasis
empire employer encounter end enemy engine engineer enquiry enterprise entrance entry envelope
environment envoy episode equivalent era error escape essay establishment estate estimate evening
event evidence examination example exception exchange executive exercise exhibition exit expansion
expectation expedition expense experience experiment expert explanation explosion export exposure
expression extension extent factor factory failure fair faith fall family farm farmer fashion fault
favour feature fee feeling ferry festival field fight figure file film final finance financier
finding fine finger finish fire firm fishery flag flat fleet flight flood floor focus folk force
forecast forest form format formula fortune forum foundation founder fraction framework franchise
freedom friend front frontier fuel function fund funeral future gain gallery game gap garden gate
gathering generation gesture giant gift goal goalkeeper governor grade graduate grant graph grid
ground group growth guard guest guide guideline habit hall harbour head headline hearing heart
heatwave height helicopter helmet hero highlight highway hill historian history holder holiday home
homeowner horizon horse host hotel hour house household housing hub hunt husband idea identity
image impact import impression improvement incentive incident income increase index indicator
individual industry infection inflation influence initiative injury inquiry insight inspection
inspector installation instance institute institution instruction instrument insurance insurer
intention interaction interest interface interior intern interpretation interval intervention
interview introduction invasion invention investigation investor invitation island issue item
journal journalist journey judge judgment junction jury justice key kid kilometre kingdom kitchen
lab label laboratory labour lake land landlord landmark landscape lane language laptop launch
lawsuit lawyer layer lead leader leadership leaflet league lecture legacy legend lender lesson
letter level liability library licence lifestyle limit line link list listener loan lobby
lobbyist location lock lorry loss lot machine magazine majority manager manifesto manufacturer
map margin marine mark market marriage mass master match material matter meal measure mechanism
medal media medicine meeting member membership memorial memory merger message metal method metre
midfielder migrant mile milestone military million mine mineral minister ministry minority minute
mission mistake mix mobile model moment monitor monument mood morning mortgage mother motion
motorway mountain move movement movie museum musician mystery nation negotiation neighbour
neighbourhood network newcomer newspaper night nominee norm note notice novel number nurse object
objective obligation observer occasion offence offer officer official operation operator opinion
opponent opportunity opposition option order organisation organiser origin outbreak outcome outlet
outlook output owner pace package page pair panel parent park parliament part participant partner
partnership party passenger passport patient pattern payment peak peer penalty pension percentage
performance period permit person perspective petition phase phone photo photograph photographer
phrase physician picture piece pilot pipeline pitch place plan plane planet plant platform play
player plea pledge plot pocket point poll pool population port portfolio position post poster
potato pound practice prayer premier premise presence presentation president press pressure price
priest principle priority prison prisoner prize probe problem procedure process processor produce
producer product production profession professional professor profile profit programme progress
project projection promise promotion proof property proportion proposal prosecution prosecutor
prospect protection protest protester protocol provider province provision pupil purchase purpose
quarter question queue race radio raid rail railway rally range rank rate rating ratio reaction
reader reading reality reason rebel recession recipe recognition recommendation record recovery
recruit reduction referee referendum reform refugee region register regulation regulator relation
relationship release relief religion remark reminder removal rent repair replacement report
reporter representative republic reputation request requirement rescue researcher reserve
resident resignation resolution resort resource response restaurant restriction result retailer
retirement return revenue review revolution reward rider right ring riot rise risk rival river
road robot rocket role roof room round route row rule ruling rumour runner salary sale sample
sanction satellite saving scale scandal scenario scene schedule scheme scholar scholarship school
science scientist score screen sea search season seat second secret secretary section sector
security seminar senate senator sensor sentence series server service session settlement share
shareholder shift ship shipment shock shop shortage shot show sign signal signature silence singer
sister site situation size skill sky slogan slot slowdown smartphone society software soldier
solution son song source space speaker specialist species speech speed spending spirit sponsor
spot spring squad square stadium stage stake stance standard star start startup state statement
station statistic status step stock stop store storm story strategy stream street strength stress
strike striker structure struggle student studio study style subject submission subscriber
subsidiary subsidy suburb success suggestion suit summer summit supermarket supplier supply
supporter surface surgeon surgery surplus surprise survey survivor suspect suspension symbol
symptom system table tablet tactic talent talk tank target tariff task taste tax taxpayer teacher
team technique technology teenager telephone telescope television temperature tenant tender
tension term terminal territory test text theatre theme theory therapy thing thinker threat
threshold ticket tide tie timetable tip title toll tone tool topic total tour tourist tournament
tower town track trade trader tradition traffic tragedy trail train trainer transaction transfer
transition translation transmission trap traveller treasure treatment treaty trend trial tribunal
tribute trip trophy truck trust truth tunnel turbine turn turnover typhoon union unit university
update upgrade user vaccine valley value van variety vehicle vendor venture venue verdict version
vessel veteran victim victory video view viewer village violation virus visa visit visitor voice
volunteer vote voter voucher wage walk wall war ward warehouse warning waste watchdog wave way
weakness weapon website wedding week weekend welfare wheel whistleblower widow window winner winter
witness worker workforce workplace workshop world writer yard yield youth zone
""")

# Nouns used in the singular only.
MASS_NOUNS = _words("""
information research evidence equipment legislation funding infrastructure transport energy
electricity water food health education security safety pollution corruption progress advice
traffic weather employment unemployment healthcare welfare insurance tourism shipping trade
finance commerce agriculture inflation demand confidence cooperation competition innovation
investment growth support access awareness consent content data debt freedom fraud justice
knowledge leadership licensing litigation manufacturing momentum oversight parking planning
poverty productivity protection recycling regulation revenue scrutiny software stability
sustainability transparency uncertainty violence wealth
""")

# Plural-only words mixed into the plural slot.
PLURAL_ONLY = _words("people police staff authorities officials residents headquarters media")

_PLURAL_PAIRS = _words("""
analysis:analyses basis:bases crisis:crises diagnosis:diagnoses hero:heroes potato:potatoes
wife:wives life:lives half:halves person:people child:children criterion:criteria thesis:theses
cargo:cargoes aircraft:aircraft species:species series:series chairman:chairmen
chairwoman:chairwomen media:media kid:kids
""")
PLURAL_EXCEPTIONS = {one: many for one, many in (pair.split(":", 1) for pair in _PLURAL_PAIRS)}

ADJECTIVES_TOP = _words("""
new local national public international major economic political financial former senior global
key British Chinese European American regional federal social private foreign military digital
final early recent strong large small high low full open free clear important possible likely
""")
ADJECTIVES = _words("""
able absolute abstract academic acceptable accessible accurate active actual acute additional
adequate administrative advanced adverse affordable aggressive agricultural alternative ambitious
ancient angry annual anonymous apparent appropriate approximate architectural armed artificial
artistic ashamed asleep attractive automatic available average aware awful bad bare basic
beautiful beneficial best better big bitter blind bold brave brief bright brilliant broad broken
busy calm capable careful central certain cheap chemical chronic civic civil classic classical
clean clever close coastal cold collective colonial colourful comfortable commercial common
comparable competitive complete complex comprehensive conceptual concerned concrete confident
confidential conscious consecutive conservative considerable consistent constant constitutional
constructive contemporary content continental continued continuous contractual controversial
conventional convincing cool corporate correct costly crucial cultural curious current daily
dangerous dark dead deadly deep defensive definite deliberate delicate democratic dense
dependent desperate detailed determined different difficult direct dirty disabled distant
distinct diverse divided domestic dominant double dramatic dry dual due dull dynamic eager eastern
easy ecological educational effective efficient elaborate elderly elected electoral electric
electrical electronic elegant elementary eligible emotional empty encouraging endless energetic
enormous entire environmental equal equivalent essential ethical ethnic everyday evident exact
excellent exceptional excessive exciting exclusive existing exotic expensive experienced
experimental explicit exposed extensive external extra extraordinary extreme fair faithful
familiar famous fantastic fast fat fatal favourable favourite federal fellow female fierce
financial fine firm fiscal fit fixed flat flexible fluent following fond fragile frank frequent
fresh friendly frozen fundamental funny furious future gentle genuine giant glad global golden
good gradual grand grateful grave great green grey gross guilty handy happy hard harsh healthy
heavy helpful hidden historic historical holy honest hopeful hostile hot huge human humanitarian
humble hungry ideal identical illegal immediate immense imperial implicit impossible impressive
inadequate incoming increasing incredible independent indirect individual industrial inevitable
influential informal inherent initial injured inner innocent innovative insufficient intact
integral intellectual intelligent intense intensive interactive interested interesting interim
interior intermediate internal international intimate invisible irrelevant isolated joint junior
just keen kind known large late latest lateral leading lean legal legendary legislative legitimate
lengthy liberal light limited linear liquid literary little live lively logical lonely long loose
loud loyal lucky luxury magic magnificent main male managerial mandatory manual marginal marine
marked married massive mature maximum meaningful mechanical medical medieval medium mental mere
middle mild militant minimal minimum minor missing mixed mobile moderate modern modest monthly
moral multiple municipal mutual naked narrow nasty native natural naval near neat necessary
negative neighbouring nervous net neutral nice noble noisy normal northern notable novel nuclear
numerous objective obvious occasional odd offensive official old ongoing operational opposite
optimistic oral ordinary organic original outdoor outside outstanding overall overseas painful
parallel parental parliamentary partial particular passionate past patient peaceful peculiar
permanent persistent personal physical plain plastic pleasant plenty poetic polite political
poor popular portable positive potential powerful practical precious precise predictable
pregnant preliminary premier presidential pretty previous primary prime principal prior
probable productive professional profitable profound progressive prominent promising prompt
proper proportional prospective prosperous protective proud provincial psychological public pure
quick quiet radical random rapid rare raw ready real realistic reasonable recent reckless
regional regular related relative relevant reliable religious reluctant remarkable remote
renewable representative republican residential resident resilient respective responsible
restrictive retail revolutionary rich right rigid rising risky rival robust romantic rough round
routine royal rural sacred sad safe scientific seasonal secondary secret secure select senior
sensible sensitive separate serious severe sexual shallow sharp sheer short shy sick significant
silent silly similar simple sincere single skilled slim slow smart smooth social soft solar sole
solid sophisticated sorry sound southern spare spatial special specific spectacular spiritual
splendid stable standard static statutory steady steep sticky stiff strange strategic strict
striking structural stupid subsequent substantial subtle successful successive sudden
sufficient suitable super superb superior supportive supreme sure surprising suspicious
sustainable sweet swift symbolic sympathetic systematic tall technical temporary tender terrible
territorial thick thin thorough tight tiny top total tough toxic traditional tragic tremendous
tropical troubled true typical ugly ultimate unable unaware uncertain unchanged uncomfortable
underground unemployed unexpected unfair unhappy uniform unique united universal unknown unlikely
unprecedented unusual upper urban urgent useful usual vague valid valuable variable various vast
verbal vertical viable vibrant vicious violent virtual visible visual vital vivid vocal voluntary
vulnerable warm weak wealthy weekly weird welcome western whole wide wild willing wise wooden
worried worse worst worth worthwhile written wrong young
""")

# Past tense verbs (transitive or with a complement), for narrative sentences.
VERBS_PAST_TOP = _words("""
approved launched agreed called opened raised backed
""")
VERBS_PAST = _words("""
accepted accused achieved acquired addressed adjusted adopted advised affected allocated allowed
altered amended analysed answered anticipated appealed applied appointed appreciated arranged
arrested assessed assigned assisted assured attacked attempted attended attracted authorised
avoided awarded backed balanced banned bought blamed blocked boosted borrowed breached brought
built cancelled captured carried caught challenged changed charged chose cited cleared closed
collected combined commissioned committed compared compiled completed concluded condemned
conducted connected considered consolidated constructed consulted contacted contained continued
contributed controlled converted convinced coordinated corrected covered created criticised
crossed cut damaged debated declined defeated defended delayed delivered demanded denied deployed
described designed destroyed detected determined developed devoted directed disclosed discovered
discussed dismissed displayed disputed distributed divided doubled drafted drew dropped earned
eased elected eliminated embraced emphasised employed enabled encouraged endorsed engaged enhanced
ensured entered established estimated evaluated examined exceeded exchanged excluded expanded
expected explored exported exposed expressed extended faced favoured featured filed financed
finished fired fixed followed forced forecast formed founded froze funded gained gathered
generated granted grew guaranteed halted handled hailed held helped highlighted hired hit hosted
identified ignored imposed improved included incorporated increased indicated influenced informed
initiated inspected installed instructed insured integrated intended interpreted interrupted
introduced invested investigated invited issued joined judged justified kept killed knew led left
lifted limited linked listed lost lowered maintained managed marked measured met mentioned merged
missed mobilised modified monitored moved named negotiated nominated observed obtained occupied
offered operated opposed ordered organised outlined overcame oversaw owned paid passed performed
permitted persuaded picked placed planned played pledged posted praised preferred prepared
presented preserved pressed prevented priced printed prioritised processed produced programmed
prohibited projected promised promoted proposed prosecuted protected proved provided published
pulled purchased pursued pushed questioned quit rallied ranked reached read rebuilt received
recognised recommended recorded recovered recruited reduced referred reflected reformed refused
regained registered regulated reinforced rejected related released relied relocated remained
removed renewed repaid repeated replaced represented requested required rescued reserved resolved
responded restored restricted resumed retained retired returned revealed reversed reviewed revised
rewarded ruled sacked saved scrapped secured seized selected sent served settled shared shifted
showed signed simplified slashed sold solved sought sparked specified spent sponsored staged
started stopped strengthened stressed struck studied submitted suffered supplied supported
surveyed suspended sustained targeted taught tested threatened tightened took topped tracked
traded trained transferred transformed treated tripled underlined undermined unveiled updated
upgraded urged used valued verified visited voted waived welcomed widened withdrew won worked
""")

# Base forms, for "will ...", "to ...", and present-tense headlines.
VERBS_BASE_TOP = _words("""
make take give help build cut boost raise open support meet win lose
""")
VERBS_BASE = _words("""
accept achieve acquire address adopt advance affect allow appeal apply approve assess attract
avoid back ban become begin block borrow bring calculate call cancel challenge change charge check
choose clear close collect combine commit compete complete concede conclude condemn connect
consider consolidate construct consult consume contain contest continue contribute control convene
convert convince cooperate cope cover create criticise cross cure debate decide defend delay
deliver demand deny deploy design destroy detect develop discuss dismiss double drive drop earn
ease embrace emerge enable encourage end endorse enforce engage enhance ensure enter establish
evaluate examine exceed expand expect explore export extend face fail fight finalise finance find
finish fix focus follow force form freeze fund gain generate grant grow halt handle hire hold host
identify implement import impose improve include increase inform innovate inspect install
integrate intend interact intervene introduce invest investigate invite issue join keep launch
lead learn leave lend lift limit link lobby lower maintain manage merge miss modernise monitor
move negotiate notice obtain offer operate oppose order organise outline overhaul overturn pass
pay plan pledge prepare present preserve press prevent proceed produce promise promote propose
prosecute protect protest prove provide publish pull pursue push qualify question reach rebuild
recall receive recognise recommend recover recruit reduce reflect reform refuse regulate reinforce
reject release remain remove renew repair repeat replace represent require rescue reshape resign
resist resolve respond restore restrict resume retain rethink return reveal reverse review revise
revive risk rule run save scrap secure seek select sell send serve settle share shift sign slash
solve spark spend spur stabilise stage start stay step stop strengthen stress strike struggle
study submit succeed suffer supply suspend sustain target tackle test threaten tighten trade train
transfer transform treat trigger unite unveil update upgrade urge vote weigh welcome widen
withdraw work
""")

ADVERBS_TOP = _words("""
also now still already recently again currently only later further however quickly
""")
ADVERBS = _words("""
actually additionally almost alone annually approximately broadly carefully certainly clearly
closely collectively commonly completely consequently considerably consistently constantly
continually critically daily deeply definitely deliberately directly dramatically early easily
effectively entirely equally especially essentially eventually exactly exclusively explicitly
extremely fairly finally financially firmly formally fully fundamentally generally gradually
greatly hardly heavily highly historically immediately increasingly independently indirectly
initially instantly internationally jointly largely legally likely locally mainly merely
monthly mostly narrowly nationally naturally nearly necessarily normally notably officially
openly originally partly permanently personally politically positively possibly potentially
precisely previously primarily privately probably promptly properly publicly quietly rapidly
rarely readily really reasonably regularly relatively reportedly repeatedly reluctantly rightly
roughly seriously sharply significantly similarly simply slightly slowly socially specifically
steadily strictly strongly substantially successfully suddenly sufficiently surprisingly
temporarily thereby thoroughly tightly together traditionally typically ultimately unanimously
unexpectedly urgently usually virtually visibly weekly widely
""")

SECTIONS = _words("""
World Business Politics Technology Science Health Environment Sport Culture Education Local Latest
""")

# News-topic words per section (same order as SECTIONS); the first 17 of each are its tags.
TOPICS = [
    """diplomacy summit sanctions ceasefire refugees border treaty embassy conflict humanitarian
    aid peacekeeping migration shanghai london beijing brussels envoy geopolitics security
    alliance nato asylum trade intelligence coup insurgency""",
    """fintech finance banking lending mortgage startup investment tariff export shipping port
    logistics retail inflation interest currency stocks bonds pension insurance merger takeover
    earnings profit dividend property housing manufacturing supply payments crypto blockchain
    venture consumer economy""",
    """election ballot referendum parliament council coalition campaign candidate constituency
    manifesto reform legislation budget opposition cabinet governance devolution polling
    lobbying scandal corruption ethics transparency democracy constitution electorate senate
    congress mayoralty""",
    """software semiconductor chips smartphone broadband internet cybersecurity hacking privacy
    data algorithm robotics automation drones satellites telecom cloud computing gaming streaming
    encryption ai microchip interface networks platforms electronics""",
    """research physics chemistry biology genetics genome astronomy telescope space rocket quantum
    particle laboratory experiment fossils species evolution archaeology neuroscience
    microbiology materials fusion""",
    """vaccine vaccination hospitals nursing pandemic virus infection cancer diabetes obesity
    dementia surgery pharmacy drugs clinical nutrition wellbeing immunisation antibiotics
    epidemic healthcare ambulance maternity""",
    """climate emissions carbon pollution recycling plastic wildlife biodiversity forests
    flooding drought wildfire renewables solar wind conservation coastal rivers oceans heatwave
    net-zero decarbonisation farming fisheries""",
    """football cricket rugby tennis golf athletics olympics marathon cycling boxing swimming
    transfer league championship stadium coaching doping fixtures sprint relay""",
    """film cinema music festival theatre museum gallery exhibition literature novel poetry
    television broadcast fashion design architecture heritage opera dance photography
    publishing""",
    """schools university college curriculum exams tuition scholarship teachers students
    literacy apprenticeship graduates nursery admissions funding skills campus research""",
    """transport housing planning parking library policing crime roadworks buses trams parks
    neighbourhood waste recycling libraries councillors rates potholes harbour""",
    """breaking update weather traffic courts crime tourism jobs prices energy markets
    economy celebrity obituary""",
]

PLACES = _words("""
Shanghai London Beijing Paris Berlin Tokyo Delhi Mumbai Singapore Sydney Dubai Moscow Madrid
Rome Lisbon Dublin Edinburgh Glasgow Manchester Birmingham Liverpool Leeds Bristol Cardiff
Belfast Amsterdam Rotterdam Brussels Antwerp Hamburg Munich Frankfurt Vienna Prague Warsaw
Budapest Athens Istanbul Cairo Lagos Nairobi Johannesburg Accra Casablanca Tunis Riyadh Doha
Tehran Karachi Lahore Dhaka Colombo Bangkok Hanoi Jakarta Manila Seoul Busan Osaka Taipei
Shenzhen Guangzhou Chengdu Wuhan Tianjin Hangzhou Nanjing Xiamen Qingdao Chongqing Melbourne
Auckland Wellington Toronto Montreal Vancouver Chicago Boston Seattle Houston Denver Atlanta
Miami Detroit Washington Ottawa Lima Bogota Santiago Quito Caracas Havana Oslo Stockholm
Copenhagen Helsinki Tallinn Riga Vilnius Kyiv Minsk Bucharest Sofia Belgrade Zagreb Ljubljana
Geneva Zurich Milan Naples Turin Venice Marseille Lyon Nice Bordeaux Seville Valencia Porto
Bilbao Gothenburg Bergen Malmo Leipzig Dresden Cologne Stuttgart Krakow Gdansk Southampton
Plymouth Portsmouth Newcastle Sheffield Nottingham Leicester Oxford Cambridge Brighton Norwich
Aberdeen Dundee Inverness Swansea York Pudong Lujiazui Kowloon Macau Penang Kolkata Chennai
Bangalore Hyderabad Pune Kathmandu Tashkent Almaty Baku Tbilisi Yerevan Beirut Amman Muscat
Kuwait Bahrain Addis Kampala Kigali Dakar Harare Lusaka Luanda Maputo Windhoek Gaborone
Canberra Brisbane Perth Adelaide Hobart Darwin Christchurch Reykjavik Valletta Nicosia
Montevideo Asuncion Panama Kingston Nassau Honolulu Anchorage Phoenix Dallas Austin Portland
São_Paulo Zürich Málaga Córdoba Kraków Hong_Kong New_York
""")

FIRST_MALE = _words("""
James John Peter David Michael Robert William Thomas Richard Daniel Paul Mark Andrew Steven
George Edward Henry Charles Simon Oliver Jack Harry Samuel Benjamin Adam Matthew Luke Nathan
Tom Alan Ian Graham Neil Stuart Colin Martin Ahmed Mohammed Omar Ali Hassan Tariq Raj Arjun
Vikram Sanjay Rahul Amit Wei Jun Lei Hao Ming Jian Tao Feng Yong Hiroshi Kenji Takeshi Min
Jae Sung Carlos Miguel Juan Luis Diego Pablo Jorge Marco Luca Giorgio Pierre Jean Louis
Hans Klaus Stefan Lars Erik Sven Piotr Tomasz Ivan Dmitri Sergei Andrei Kwame Kofi Chinedu
Emeka Tunde Musa Joseph Samuel Isaac Abdul Yusuf Mustafa Emre Mehmet Nikos Yannis Alexei
Olaf Anders Bjorn Javier Rafael Ricardo Antonio Francesco Matteo Felix Jonas Noah Liam Ethan
Aaron Kevin Brian Gary Keith Derek Patrick Sean Declan Conor Rory Callum Euan Owen Rhys Gareth
Dafydd Hamish Angus Duncan Malcolm José
""")

FIRST_FEMALE = _words("""
Mary Sarah Emma Anna Laura Helen Jane Elizabeth Catherine Rachel Rebecca Claire Lucy Sophie
Charlotte Emily Olivia Amelia Grace Hannah Jessica Victoria Alice Kate Louise Fiona Karen
Susan Margaret Ruth Julia Nicola Joanne Alison Priya Anjali Sunita Deepa Kavita Neha Fatima
Aisha Zainab Leila Yasmin Mei Li Xin Ying Hua Lin Yan Jing Fang Yuki Akiko Keiko Ji Soo
Maria Carmen Lucia Sofia Elena Isabel Ana Paula Francesca Giulia Chiara Marie Claire Sophie
Camille Ingrid Astrid Freya Karin Agnieszka Magdalena Olga Natalia Irina Tatiana Amara Ngozi
Chiamaka Abena Ama Nadia Layla Mariam Esra Zeynep Eleni Katerina Hanna Leonie Greta Nina Eva
Clara Ines Beatriz Gabriela Valentina Daniela Rosa Diana Sandra Monica Patricia Linda Barbara
Deborah Angela Michelle Nicole Megan Chloe Zoe Ella Isla Eilidh Niamh Siobhan Aoife Sinead
Bronwen Cerys Rhiannon Morag Kirsty Zoë Renée
""")

SURNAMES = _words("""
Smith Jones Williams Brown Taylor Davies Wilson Evans Thomas Johnson Roberts Walker Wright
Robinson Thompson White Hughes Edwards Green Hall Wood Harris Lewis Martin Jackson Clarke
Clark Turner Hill Scott Cooper Morris Ward Moore King Watson Baker Harrison Morgan Patel Young
Allen Mitchell James Anderson Phillips Lee Bell Parker Davis Campbell Kelly Murphy Reid
Stewart Murray Macdonald Fraser Grant Ross Hamilton Graham Kennedy Gordon Duncan Burns
Sutherland Mackenzie Ferguson O'Brien O'Connor Byrne Ryan Doyle McCarthy Gallagher Walsh
Quinn Nolan Kaur Singh Sharma Gupta Kumar Shah Mehta Iyer Reddy Nair Das Bose Chatterjee Khan
Ahmed Hussain Rahman Malik Qureshi Chaudhry Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu
Sun Ma Zhu Hu Guo He Lin Luo Gao Zheng Liang Xie Tang Han Feng Deng Cao Peng Zeng Tanaka
Suzuki Sato Takahashi Watanabe Ito Yamamoto Nakamura Kobayashi Kato Kim Park Choi Jung Kang
Cho Yoon Jang Lim Nguyen Tran Pham Hoang Garcia Rodriguez Martinez Hernandez Lopez Gonzalez
Perez Sanchez Ramirez Torres Flores Rivera Gomez Diaz Morales Ortiz Castillo Romero Alvarez
Ruiz Navarro Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno
Gallo Conti Costa Giordano Mancini Moreau Dubois Laurent Lefebvre Leroy Roux Fournier Girard
Bonnet Dupont Lambert Fontaine Rousseau Vincent Muller Schmidt Schneider Fischer Weber Meyer
Wagner Becker Schulz Hoffmann Koch Richter Klein Wolf Neumann Schwarz Braun Zimmermann Hartmann
Kruger Lange Werner Krause Meier Lehmann Jansen Visser Bakker Janssen Peeters Maes Jacobs
Hansen Nielsen Larsen Andersen Pedersen Johansson Karlsson Nilsson Eriksson Larsson Olsen
Lindberg Virtanen Korhonen Nowak Kowalski Wisniewski Wojcik Kaminski Lewandowski Novak Horvat
Kovacs Nagy Szabo Popescu Ionescu Petrov Ivanov Smirnov Popov Volkov Kuznetsov Sokolov
Papadopoulos Georgiou Yilmaz Kaya Demir Sahin Celik Okafor Okonkwo Adeyemi Mensah Boateng
Owusu Osei Mwangi Otieno Kamau Ndlovu Dlamini Nkosi Mokoena Banda Phiri Haddad Nasser Saleh
Mansour Farah Abbas Karimi Hosseini Rahimi Estlin Varga Nand Hollis Pryce Ashdown Kerr Lindqvist
Ferreira Santos Oliveira Pereira Almeida Carvalho Ribeiro Sousa Moreno Jimenez Vega Castro
Ortega Delgado Molina Herrera Medina Aguilar Vargas Guerrero Mendoza Silva Fernandes Baptiste
Whitfield Ashworth Pemberton Fairweather Blackwood Hargreaves Thornton Whitaker Kingsley
Holloway Brennan Callaghan Donnelly Fitzgerald Gilmore Harrington Keane Lynch Moran Sheridan
Tierney Weston Yates Müller Nuñez Brontë Lefèvre
""")

SOURCES = _words("""
northgazette eastbaytimes harbourherald rivertoncourier westmarchpost cityledger
dailymeridian morningbeacon evensongnews tidewaterrecord uplandchronicle coastalobserver
metroexpress capitalwire globaldispatch islandtribune valleysentinel lakesidejournal
frontierstar pacificbulletin continentalreview heraldofthenorth marketwatchman financetoday
techpulse sciencefront healthdesk greenplanetnews sportsroundup culturecorner
schoolsweekly civicvoice portcityreporter metropolitangazette easternstandard
southerncross highlandtimes midlandmercury atlanticmonitor orientpost
""")

AGENCIES = _words("VCG Xinhua AFP Reuters AP Getty EPA PA Bloomberg IC Shutterstock Handout")

# Sentence templates, one a line. Slots: {n} noun, {N} plural noun, {a} adjective, {A} "a/an"
# and adjective, {v} past verb, {b} base verb, {B} verb in the third person, {r} adverb, {x} place,
# {o} organisation, {t} topic word (these three mostly the article's own; {X} and {O}: any), {p}
# preposition, {d} time, {k} count, {m} amount, {M} money, {s} person's name.
NARRATIVE = """
the {a} {n} {v} {A} {n} {p} {x} {d}
{o} {v} {A} {a} {t} {n} {p} {x} {d} to {b} the {n} of {N}
{N} in {x} {v} the {a} {t} {n}, which {v} {m} {p} the {a} {n}
the {n} is expected to {b} {N} and {b} the {a} {n} {p} the {t} {n}
{r}, the {t} {n} {v} {m} {d}, figures from {o} showed
the {a} {N} {v} {r} {p} {x}, where the {n} of {N} {v} {m}
in {x}, {N} {v} the {n} and {v} {A} {n} for {N}
{o} {v} {N} to {b} the {n} {p} the {a} {t} {N}
the {n} comes as {N} {p} {x} {b} {a} {N} and {a} {N}
{N} {p} the {t} {n} {v} {r} {d}
the {a} {n} will {b} {m} of {N} {p} {x} and {b} the {n} of {a} {N}
{d}, {o} {v} {A} {t} {n} worth {M}
the {n} of {x} {v} {A} {n}, with {N} {p} the {t} {n} {v} {r}
{r}, {N} {p} {x} {v} {A} {a} {n}
{o} and {O} {v} {A} {n} to {b} {t} {N} {p} {x}
{k} {N} {v} the {n}, up from {k} {d}
the {a} {n} {v} {k} {N} and {A} {n} {p} {x}
{N} {v} {r} as the {t} {n} {v} {p} {x}
the {t} {n} {p} {x} is {A} {n} for the {a} {n}
there are {k} {a} {N} {p} the {n}, compared with {k} {d}
the {n} has become {A} {n} for {N} and {N} {p} {x}
{N} from {o} {v} the {n} {p} {x} {d}
the {a} {t} {n}, which {v} {N} {p} {M}, is due to {b} {d}
{o} is {r} {a} about the {n} of the {t} {n}
{A} {n} of {N} {p} {x} {v} the {a} {n}
the {n} {v} the {n} of {k} {N}, {A} {n} for the {t} {n}
{x} {v} {A} {t} {n} {d}, with {N} {p} {x} {r} {v} the {n}
{N} will {b} the {a} {n}, while {N} {b} {a} {N}
it is the {a} {n} {p} {x} since the {n} of the {a} {n}
the {n} {r} {v} the {a} {N} of {A} {t} {n}
more than {k} {N} {v} the {a} {n} {p} {x}
the {n} {v} {m} {p} the {n}, the {a} {n} {p} {x}
{N} have {r} called for the {t} {n} to {b} the {a} {n}
the {a} {n} was {v} {d} after {N} {v} the {t} {n}
as the {a} {n} of {t} {n} {p} {x}, {o} {v} {A} {n} of {M}
"""
QUOTE = """
we {v} the {a} {n} and we will {b} {N} {p} {x}
this is {A} {a} {n} for {x} and for the {t} {n}
I think the {n} will {b} {N} {d}
our {N} {v} {r} and the {n} is {r} {a}
there is {A} {a} {n} in the {t} {n}
we want to {b} the {n} of {N} {p} {x}
the {t} {n} needs to {b} {N} and {b} {A} {a} {n}
I am {a} about the {n} of {N} {p} {x}
nobody should {b} the {a} {n} of the {t} {n}
we have to {b} {N} {r} and {b} the {n}
people in {x} {b} {A} {a} {n}, not {A} {n}
this {n} will {b} {k} {N} {p} the {a} {n}
it is {a} to {b} the {t} {n} {d}
we are {r} {a} that {N} will {b} the {n}
I have never seen {A} {n} like this {p} {x}
we {v} {m} {d} and we expect to {b} the {n}
"""
TITLE = """
{x} {N} {b} {a} {t} {n} {p} {x}
{n} held to {b} {x}-{X} {t} {n} links
{o} to {b} {t} {n} amid {a} {n}
{a} {t} {N} {b} {a} {n} in {x}
how {a} {N} are changing {x}'s {t} {n}
{x} {n} {B} {k} {N} after {a} {n}
{t} {n} {B} {a} {n} as {N} {b} {a} {N}
{x} {B} {t} {n} to {b} {a} {N}
{N} in {x} {b} {a} {t} {n}
{o} {B} {A} {t} {n} worth {M}
{a} {n} in {x} {B} {N} and {N}
why the {t} {n} matters for {N} in {x}
"""
CAPTION = """
A {a} view of the {t} {n} in {x}
{s} speaks at {A} {t} {n} in {x}
{N} gather outside the {n} in {x} {d}
The {a} {n} of {o} in {x}
Visitors look at {A} {a} {n} at {A} {t} {n} in {x}
"""
# Roles of quoted people: {o} organisation, {c} company, {f} field, {x} place.
ROLES = _phrases("""
deputy head of {o}|chief executive of {c}|a spokesperson for {o}|director of {o}
professor of {f} at the University of {x}|mayor of {x}|an analyst at {c}|chief economist at {c}
head of {f} at {o}|a senior official at {o}|chair of {o}|a councillor in {x}|minister of {f}
president of {o}|a researcher at {o}|secretary-general of {o}|founder of {c}
managing director of {c}|a resident of {x}|a teacher in {x}|Lord Mayor of {x}
""")
FIELDS = _words("economics finance trade transport energy housing health education law history")
ORG_KINDS = _phrases("""
City Council|Port Authority|Chamber of Commerce|Financial City|Development Agency|
Housing Association|Transport Authority|Trade Union|Medical Centre|Institute of Technology|
Business School|Football Club|Arts Council|Water Board|Police Service|Stock Exchange
""")
COMPANY_KINDS = _words("Holdings Group Capital Partners Bank Logistics Energy Tech Shipping")
PREPOSITIONS = _words("in for on across with at over from under after amid within towards around")
