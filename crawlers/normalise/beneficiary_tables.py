"""Every table that says who may apply to a call: source labels, phrases of prose, sizes, cues and exclusions
(headcount phrases are in crawlers/normalise/headcounts.py).

Patterns are matched against folded text (lower case, no accents, apostrophes unified: text.fold).
The code that reads them is crawlers/normalise/beneficiaries.py (labels, combination) and
crawlers/normalise/applicants.py (sentences of prose).
"""

from __future__ import annotations

from models.vocab import COMPANY_SIZES
from models.vocab import SIZE_COVERS as VOCAB_SIZE_COVERS
from models.vocab import Beneficiary as B

COLLECTIVITIES = (B.COMMUNE, B.EPCI, B.DEPARTEMENT, B.REGION)
GROUPINGS = (B.EPCI,)
"""« leurs groupements »: the intercommunalités, as funders use the phrase (syndicats mixtes and PETR, also
groupings in law, are admitted where named)."""
PUBLIC_BODIES = (*COLLECTIVITIES, B.SYNDICAT_MIXTE, B.PETR, B.ETABLISSEMENT_PUBLIC)
"""« acteurs publics »: local authorities, their groupings and public bodies."""
PUBLIC_PERSONS = (*PUBLIC_BODIES, B.CHAMBRE_CONSULAIRE, B.ETABLISSEMENT_ENSEIGNEMENT, B.RECHERCHE)
PRIVATE_PERSONS = (B.ENTREPRISE, B.ASSOCIATION, B.SEM)
SIZES = COMPANY_SIZES
SIZE_COVERS = VOCAB_SIZE_COVERS
"""What excluding a size removes: a PME in the EU sense includes the TPE (models/vocab.py)."""

PUBLIC_SYNDICATES = (
    r"syndicats? (?:d'|de |des |du )(?:l'|la )?(?!salarie|employeur|copropri|proprietaire|initiative|producteur"
    r"|professionnel|travailleur|commune)\w+"
)
"""« syndicats de rivière », « syndicat d'énergie »: syndicates of local authorities run as syndicats mixtes
(trade unions, co-ownership and tourist-office syndicates left out; « syndicats de communes » are EPCI)."""

LABEL_RULES: list[tuple[str, tuple[B, ...]]] = [
    # Source labels: the FIRST matching rule wins, so specific rules come before general ones.
    # Île-de-France "Public - précision" labels first: the part after the dash decides.
    (r"\btpe\s*/\s*pme\b|\bpme\s*/\s*tpe\b", (B.TPE, B.PME)),  # « Professionnel - Start-up / TPE / PME »
    (r"\btpe\b|micro[- ]?entreprise", (B.TPE,)),
    (r"\bpme\b", (B.PME,)),
    (r"\beti\b|taille intermediaire", (B.ETI,)),
    (r"grande[s]? entreprise|\bge\b", (B.GE,)),
    (
        r"\bepci\b|intercommunal|communaute[s]? (de communes|d'agglomeration|urbaine)|metropole|syndicats? de communes",
        (B.EPCI,),
    ),
    (r"syndicat[s]? mixte|" + PUBLIC_SYNDICATES, (B.SYNDICAT_MIXTE,)),
    (r"\bpetr\b|pole d'equilibre|\bpays\b", (B.PETR,)),
    (r"\bcommunes?\b|\bmairies?\b", (B.COMMUNE,)),
    (r"departement", (B.DEPARTEMENT,)),
    (r"\bregions?\b", (B.REGION,)),
    (
        r"chambre[s]? (?:\w+ )?(consulaire|de commerce|de[s]? metiers|d'agriculture)|\bcci\b|\bcma\b",
        (B.CHAMBRE_CONSULAIRE,),
    ),
    (r"\bsem(?:op|l)?\b|economie mixte|\bspla?\b|societes? publiques? locales?|\bepl\b|entreprises? publiques? locales?",
     (B.SEM,)),
    (r"\bepst\b|centres? techniques?|\binstituts? de recherche", (B.RECHERCHE,)),
    (
        r"enseignement|\blycees?\b|universit|\biut\b|organismes? de formation|centres? de formation|\bcfa\b"
        r"|^ecoles?\b|grandes? ecoles?|etablissements? scolaires?",
        (B.ETABLISSEMENT_ENSEIGNEMENT,),
    ),
    (r"demandeur d.emploi|\betudiants?\b|\bjeunes?\b|\blyceens?\b|\bapprentis?\b|\bsalaries?\b", (B.PARTICULIER,)),
    (r"recherche|laboratoire", (B.RECHERCHE,)),
    (r"agriculteur|exploitant", (B.AGRICULTEUR,)),
    (r"association|fondation|(?:organisations?|federations?|branches?|syndicats?|unions?) professionnel",
     (B.ASSOCIATION,)),
    (r"secteur public", (*COLLECTIVITIES, B.ETABLISSEMENT_PUBLIC)),
    (r"etablissement[s]? public|collectivite ou institution - autre|\bgip\b", (B.ETABLISSEMENT_PUBLIC,)),
    (r"collectivite", COLLECTIVITIES),
    (
        r"entreprise|professionnel|societe|start-?up|artisan|commer[cç]ant|\bgie\b|groupement d'interet economique",
        (B.ENTREPRISE,),
    ),
    (r"\bparticuliers?\b|\bmenages?\b|\bhabitants?\b", (B.PARTICULIER,)),
]

_LISTED = r"(?:(?<=[,:–—] )|(?<=\bou )|(?<=\bet ))"
_LISTED_NEXT = r"\b(?=\s*,|\s+(?:ou|et)\s)"
"""« une commune, une intercommunalité, un département ou une association », « Structure porteuse : commune,
intercommunalité ou association », « une collectivité — commune, communauté urbaine ou métropole »: between the
items of a list, the singular names the authority as a type."""
_EXCEPTING = r"(?:(?<=a l'exception de )|(?<=a l'exclusion de )|(?<=sauf )|(?<=hors ))"
"""« à l'exception de la Région »: right after an exclusion, the singular names the authority as a type."""

ONESELF = (
    r"(?<=\bpar )(?:la |le |l')(?:personne|jeune|interne|demandeur|demandeuse|habitant|habitante|candidat|candidate)"
    r" (?:elle|lui)-meme\b"
)
"""« La demande est déposée par le jeune lui-même », « … par la personne elle-même »: a person files for herself (a
body filing « elle-même » is named by its own type)."""

_NOUN_PLACE = (r"(?:(?<=^)|(?<=: )|(?<=; )|(?<=, )|(?<=\bet )|(?<=\bou )|(?<=\bles )|(?<=\bdes )|(?<=\baux )"
               r"|(?<=\bd')|(?<=\bl')|(?<=- ))")
"""Where a noun, not an adjective, stands: after an article, a list separator or a label's colon."""

FARM_TRADES = (
    r"\b(?!agri)[a-z]{2,}culteurs?\b|\bvignerons?\b|\beleveurs?\b|\bmaraichers?\b|\bcerealiers?\b|\bpaysans?\b"
    r"|\bexploit(?:ation|ant)s? (?:viticoles?|arboricoles?|horticoles?|maraicheres?|piscicoles?|conchylicoles?|oleicoles?)\b"
)
"""Farmers named by their trade (« viticulteurs », « oléiculteurs », « vignerons », « éleveurs »): farm applicants."""

_NOT_TRADES = (
    r"(?:particuli|ouvri|meti|quarti|chanti|ateli|dossi|papi|fichi|calendri|premi|derni|enti|courri|senti|heriti"
    r"|creanci|conseill|financi|immobili|fonci|hospitali|saisonni|journali|routi|forest|fruiti|laiti|reguli|singuli"
    r"|polici|pompi|infirmi|cuisini|ecoli|offici|douani|prisonni|pionni|usuri|rentie?|menuisi|plaisanci|fermi|boursi"
    r"|usufruiti|cavali|chevali|aventuri|romanci)ers"
    r"|(?:batt|s|gal|lott?|bois|menuis|carross|infirm|categ|ressourc|recycl)eries"
    r"|(?:art|tour|cycl|journal|jur|special|econom|urban|natural|final|real|minimal|maximal|social|commun)istes"
)
"""Words with a trade's ending that name no company (people, roles, things, adjectives)."""

_AGENT_TRADES = (
    r"fabricants|transformateurs|constructeurs|sous-traitants|fondeurs|mouleurs|tanneurs|brasseurs|distillateurs"
    r"|torrefacteurs|imprimeurs|decolleteurs|recycleurs|reconditionneurs|reparateurs|negociants|concessionnaires"
    r"|mecaniciens|opticiens|loueurs|assembleurs|emboutisseurs|forgerons|tisseurs|filateurs|affineurs|outilleurs"
    r"|graveurs|doreurs|relieurs|scieurs|embouteilleurs|conditionneurs|raffineurs|boulangers|bouchers|traiteurs"
    r"|exportateurs|orfevres|serigraphes|photograveurs|marechaux(?:-ferrants)?"
)
"""Trades whose plural names firms and whose ending (-eurs, -ants, -iens, -aires…) is shared with words for people
or roles (« porteurs », « demandeurs », « bénéficiaires »): listed one by one; trades that are also the trainees of
skills calls (« soudeurs », « électriciens », « tailleurs de pierre ») are not."""

_TRADE_WORD = (r"(?!(?:" + _NOT_TRADES + r")\b)(?:[a-z]{3,}(?:iers|istes|eries)|" + _AGENT_TRADES
               + r"|industriels|cooperatives?(?! d.utilisation| agricoles?))\b")

COMPANY_TRADES = _NOUN_PLACE + _TRADE_WORD
"""Companies named by their trade, in the plural where a noun stands (« Bénéficiaires : mégisseries, tanneries et
chaudronniers », « les chaudronniers de moins de 50 salariés », « les industriels »): companies, of the size said beside
them. Like the legal forms, a trade is a kind of company (TRADES): excluding it (« Les semenciers ne sont pas
éligibles ») leaves the other companies."""

TEXT_RULES: list[tuple[str, tuple[B, ...]]] = [
    (FARM_TRADES, (B.AGRICULTEUR,)),
    (COMPANY_TRADES, (B.ENTREPRISE,)),
    # Phrases that name an applicant in running prose; where two overlap, the longer one wins
    # (« sociétés d'économie mixte » is a SEM, not « sociétés »). Words that say too many other things
    # in prose (« région », « département », « jeunes ») are left to the labels.
    (r"\bde la (?:tpe|tres petite entreprise) (?:a|jusqu'a) l'eti\b", (B.TPE, B.PME, B.ETI)),
    (r"\btpe\b|tres petites entreprises|micro[- ]?entreprises?", (B.TPE,)),
    (r"\bpme\b|\bpmi\b|petites et moyennes (?:entreprises|industries)", (B.PME,)),
    (r"\bpetites entreprises\b", (B.TPE, B.PME)),
    (r"\bmoyennes entreprises\b", (B.PME,)),
    (r"\bgrands? groupes?\b(?! (?:de|d')\b)", (B.GE,)),
    (r"\bstart-?ups?\b|jeunes? entreprises? innovantes?|\bjei\b", (B.TPE, B.PME)),
    (r"\beti\b|entreprises? de taille intermediaire", (B.ETI,)),
    (r"grande?s? entreprises?|grands groupes", (B.GE,)),
    (
        r"\bentreprises?\b|\bcliniques? privees?\b"
        r"|(?:(?<=constitues en )|(?<=constituees en )|(?<=constitue en )|(?<=constituee en ))cooperatives?\b(?! agricoles?)|(?:(?<!en )(?<!\bde )|(?<=ou en )(?=societes? commerciales?)|(?<=constitues en )|(?<=constituees en )|(?<=constitue en )|(?<=constituee en ))"
        r"\bsocietes?\b|\b(?:les|des|aux|d'|un|l') ?industriels?\b"
        r"|\bexploitants? d'(?:un |une |des )?(?:sites?|installations?|usines?|etablissements?) industriel|\bgie\b|groupements? d'entreprises"
        r"|(?<!membre du )(?<!membres du )(?<!membre d'un )(?<!chef de file du )"
        r"(?<!\bdu )(?<!\bau )(?<!d'un )(?<!\ben )\bconsortiums?\b(?! (?:de \w+ )?(?:associant|reuniss|regroupant|compose|beneficiaire|dont|mene|porte|pilote|coordonne|d'|des |reunit|associe|comprend|rassemble|regroupe))"  # else its members apply
        r"|\bartisans?\b|\bcommercants?\b|\barmateurs?\b|\bsc(?:op|ic)s?\b|societes? cooperatives?"
        r"|(?<!chambres de )(?<!chambre de )\bcommerces\b|\bchargeurs?\b|\btransporteurs?\b|\blogisticiens?\b|\boperateurs? (?:ferroviaires?|logistiques?|de transport|de fret)\b"
        r"|\bsasu?\b|\bsarl\b|\beurl\b|\bentrepreneurs? individuel(?:le)?s?\b|\bentreprises? individuelles?\b|\b(?:amenageurs?|foncieres?|promoteurs?|investisseurs?|operateurs?(?: immobiliers?)?) prive(?:e)?s?\b"
        r"|(?<!d'un )(?<!par un )(?<!par des )\bbureaux? d'etudes?\b",
        (B.ENTREPRISE,),
    ),
    (
        r"\bepci\b|etablissements? publics? de cooperation intercommunale|intercommunalites?"
        r"|communautes? (?:de communes|d'agglomeration|urbaines?)(?: (?:ou|et) (?:de communes|d'agglomeration|urbaines?))*"
        r"|metropoles?|groupements? de communes"
        r"|syndicats? (?:intercommunaux|de communes)|regroupements? pedagogiques?(?: intercommunaux)?|etablissements? publics? territoria(?:l|ux)\b(?! de bassin)|\bept\b",
        (B.EPCI,),
    ),
    (r"syndicats? mixtes?|" + PUBLIC_SYNDICATES, (B.SYNDICAT_MIXTE,)),
    (r"\bpetr\b|poles? d'equilibre territori(?:al|aux)", (B.PETR,)),
    (r"\bcommunes\b|\b(?:une|la|chaque|toute) commune\b|(?:^|[(,;:/-] ?|\bet |\bou |\bles )commune (?:de|du|d'|des)"
     r"|\bmunicipalites?\b|(?<=\()commune\b"
     r"|" + _LISTED + r"commune" + _LISTED_NEXT, (B.COMMUNE,)),
    (r"conseils? departementaux|conseil departemental|\bdepartements\b|" + _EXCEPTING + r"le departement\b"
     r"|" + _LISTED + r"(?:un |le )?departement" + _LISTED_NEXT + r"|(?:(?<=\bou )|(?<=\bet ))departement\b(?=\s*(?:[.;)]|$))",
     (B.DEPARTEMENT,)),
    (r"conseils? regionaux|conseil regional|\bregions\b|" + _EXCEPTING + r"la region\b"
     r"|" + _LISTED + r"(?:une |la )?region(?:" + _LISTED_NEXT + r"| (?=pour (?:les|leurs|ses|son|sa)\b))", (B.REGION,)),
    (r"collectivites?(?: territoriales?| locales?)?(?! ou institutions? - )", COLLECTIVITIES),
    # a portal's label written in the text (« Qui peut en bénéficier : Collectivité ou institution - Lycée ; … »): the
    # part after the dash decides, as LABEL_RULES read it; another part (« - Lycée ») names its own type
    *((rf"collectivites? ou institutions? - (?:{word})\b", targets) for word, targets in (
        ("communes?", (B.COMMUNE,)), ("epci|intercommunalites?", (B.EPCI,)), ("departements?", (B.DEPARTEMENT,)),
        ("regions?", (B.REGION,)), ("autres?", (B.ETABLISSEMENT_PUBLIC,)))),
    (r"\bleurs groupements\b", GROUPINGS),
    (r"\bacteurs? publics?\b", PUBLIC_BODIES),
    (r"personnes? morales?", (*PUBLIC_PERSONS, *PRIVATE_PERSONS)),
    (r"(?:personnes? morales?|structures?|organismes?|organisations?)(?: de droit prive| privee?s?)?"
     r" (?:a but non lucratif|sans but lucratif)", (B.ASSOCIATION,)),
    (r"personnes? morales? (?:de droit prive|privees?)\b(?! ou)", PRIVATE_PERSONS),
    (r"personnes? morales? (?:de droit public|publiques?)\b(?! ou)", PUBLIC_PERSONS),
    (r"\bassociations?\b|\bfondations?\b|\b(?:sous |de |a )statut associatif\b|groupements? d'employeurs|(?:reseaux|clubs?|federations?) d'entreprises|\bclubs?(?: sportifs?)?\b"
     r"|(?:branches?|organisations?|federations?) professionnelles?|syndicats? professionnels?", (B.ASSOCIATION,)),
    (r"\bamenageurs? publics? (?:et|ou) prives?\b", (B.ETABLISSEMENT_PUBLIC, B.ENTREPRISE)),
    (r"etablissements? publics?|\bamenageurs? publics?\b|offices? publics? de l'habitat|\boph\b|\bc[ci]as\b|\bepa\b|\bgip\b|\bepfl?\b"
     r"|associations? syndicales? (?:autorisees?|constituees? d'office)|\basa\b|grands? ports? maritimes?"
     r"|centres? (?:inter)?communa(?:l|ux)(?: et (?:inter)?communa(?:l|ux))? d'action sociale"
     r"|\bep(?:ic|cc)\b(?![^()]*\))|centres? hospitaliers?(?: universitaires?| regionaux| regional)?|\bchu\b"
     r"|hopita(?:l|ux) publics?|\behpad publics?\b|bailleurs? sociaux|organismes? (?:d')?hlm\b"
     r"|\bcrous\b|centres? regionaux des oeuvres universitaires",
     (B.ETABLISSEMENT_PUBLIC,)),
    (
        r"etablissements? (?:d'enseignement(?: superieur)? et de recherche|de recherche et d'enseignement(?: superieur)?)"
        r"|organismes? de formation (?:et|ou) (?:de recherche|laboratoires?)\b",
        (B.ETABLISSEMENT_ENSEIGNEMENT, B.RECHERCHE),
    ),
    (
        r"(?:organismes?|laboratoires?|etablissements?|centres?|instituts?|unites?|equipes?|consortiums?) (?:\w+ )?de recherche"
        r"|\bchercheu(?:r|rs|se|ses)\b"
        r"|laboratoires? (?:publics?|prives?|universitaires?|academiques?)|\bepst\b|\birt\b"
        r"|laboratoires? (?:de l'|d'une? |des |de la )(?:universite|ecole|institut|organisme|etablissement)s?\b"
        r"|centres? techniques?(?: industriels?)?|etablissements? publics? a caractere scientifique et technologique"
        r"|(?<=entreprises et )laboratoires?\b|(?<=entreprises ou )laboratoires?\b"
        r"|(?<=entreprise et )laboratoires?\b|(?<=entreprise ou )laboratoires?\b"
        r"|\blaboratoires? partenaires?\b(?= (?:recoi|percoi)\w* (?:(?:lui|elle|eux|elles) )?(?:aussi |egalement |alors )?"
        r"(?:une|sa|leur) (?:aide|part)\b)"
        r"|\blaboratoires?(?= (?:et|ou) (?:les |des |aux )?entreprises)"
        r"|(?<=par des )laboratoires\b(?! d'(?:analyses?|essais?|controles?))"
        r"|^(?:les |des |un |le )?laboratoires?\b(?= (?:peu(?:t|vent)|sont|est|recoi\w*|percoi\w*|doi(?:t|vent))\b)"
        r"|^(?:les |des )?laboratoires? (?:membres|partenaires|associes)\b"
        r"|(?<=associant un )laboratoire\b|(?<=associant des )laboratoires\b|(?<=associant deux )laboratoires\b",
        (B.RECHERCHE,),
    ),
    (
        r"\blycees?\b|\buniversites?\b|\biut\b|etablissements? d'enseignement|organismes? de formation|\bcfa\b"
        r"|etablissements? publics? (?:locaux )?d'enseignement|\beplef?p?a?\b"
        r"|centres? de formation(?: d'apprentis| professionnelle)?|etablissements? scolaires?|grandes? ecoles?"
        r"|etablissements? d'inscription\b"
        r"|\becoles? (?:d'ingenieurs?|de commerce|superieures?|nationales?|doctorales?|de management|d'art)"
        r"|\bcolleges?\b(?! (?:d'|des |de )(?:experts?|financeurs?|membres?|elus?|partenaires?))",
        (B.ETABLISSEMENT_ENSEIGNEMENT,),
    ),
    (
        r"chambres? (?:\w+ )?(?:consulaires?|de commerce|de[s]? metiers|d'agriculture)|\bcci\b|\bcma\b",
        (B.CHAMBRE_CONSULAIRE,),
    ),
    (r"\bsem(?:op|l)?\b|societes? d'economie mixte|\bspla?\b|societes? publiques? locales?"
     r"|entreprises? publiques? locales?", (B.SEM,)),
    (r"agriculteurs?|exploitations? agricoles?|exploitants? agricoles?|societes? (?:a majorite )?agricoles?"
     r"|\bgaec\b|\bearl\b|\bscea\b|\bcuma\b|cooperatives? d'utilisation de materiels? agricoles?|\bsocietes? (?:civiles? )?(?:a objet agricole|agricoles?|d'exploitation agricole)\b",
     (B.AGRICULTEUR,)),
    (r"\bparticuliers\b|\bmenages\b|\bpersonnes? physiques?\b|\bpersonnes? majeures?\b|\b(?:post-?)?doctorants?\b|\b(?:jeunes )?docteurs\b|\btitulaires? d'(?:un|une) (?:master|doctorat|diplome|licence)\b|\bproprietaires? prive(?:e)?s?\b|\betudiants?\b|\bstagiaires?\b|\bapprentis?\b(?! (?:non )?(?:compris|inclus|exclus))"
     r"|\bpersonnes?\b[^.;:]{0,80}?\ba titre (?:individuel|personnel)\b|" + ONESELF, (B.PARTICULIER,)),
]

STATUSES: list[tuple[str, tuple[B, ...]]] = [
    (r"publi(?:cs?|ques?)\b", (B.ETABLISSEMENT_PUBLIC,)),
    (r"associati(?:fs?|ves?)\b", (B.ASSOCIATION,)),
    (r"privee?s? (?:commerci(?:al|aux|ales?)|lucrati(?:fs?|ves?)|a but lucratif)\b", (B.ENTREPRISE,)),
    (r"privee?s? (?:non lucrati(?:fs?|ves?)|a but non lucratif)\b", (B.ASSOCIATION,)),
]
"""The statuses listed after a type that ends on one (« les EHPAD publics, associatifs et privés commerciaux »): each
later status names the type of that status; a bare « privés » (companies or associations) names none."""
STATUS_GLUE = r",? (?:et |ou )?"

NAMED_CANDIDATES = (
    r"^(?:les |seuls )?(?:candidats|porteurs(?: de projets?)?|demandeurs|maitres d'ouvrage)(?: eligibles)? "
    r"(?:sont|peuvent etre)\b"
    r"|^(?:le |la |l')?(?:beneficiaire(?: de l'aide| final)?|structure porteuse|porteur(?: de projet| du projet"
    r"| de l'(?:action|operation))?|maitre d'ouvrage(?: de l'operation| du projet)?|demandeur|candidat)(?: eligible)?"
    r" (?:est|doit etre) (?:une?|la|le|l'|les|des|soit)\b"
    r"|\bpeu(?:t|vent) etre (?:le |la )?(?:chefs? de file|coordinat(?:eur|rice)s?|porteurs?(?: de projets?)?)\b"
)
"""« Les candidats sont les conseils départementaux », « Les porteurs de projets éligibles sont… », « Le bénéficiaire
est l'investisseur qui… », « La structure porteuse est le gestionnaire… », « Peuvent être chef de file : … »: who
files (not « Le bénéficiaire est tenu de… », a duty of whoever it is)."""
POSSIBLE_APPLICANTS = (
    r"\b(?:beneficiaires?|porteurs?|candidats?|demandeurs?) (?:sont |est )?(?:possibles?|admis|eligibles?|retenus)\s*:"
)
"""« Deux bénéficiaires sont possibles : … »: the list after the colon says who files."""

TEAMS_OF = (
    r"\b(?:(?:equipes?|laboratoires?|chercheu(?:r|se)s?|unites?)(?: de recherche)? (?:candidate?s?|eligibles?|porteuses?)"
    r"|(?:le |la |les )?coordinat(?:eur|rice)s?(?: du (?:projet|consortium))?)"
    r" (?:doi(?:t|vent) )?(?:relev\w*|(?:etre )?rattachee?s?|appartien\w*|appartenir)\b"
)
"""« Les équipes candidates relèvent d'organismes de recherche publics ou d'universités »: the bodies the teams belong
to are who files."""

WHO_FILES_CLEFT = (
    r"\bc'est (?:alors |donc |aussi )?(?:la |le |l'|cette |ce |celle-ci |celui-ci )"
    r"(?!(?:collectivite|structure|entite|personne)\b)[^,;:.]{1,60}? qui "
    r"(?:(?:la |le |les |l')?(?:depose|presente|porte|sollicite)(?:nt)?|(?:la |l')?(?:percoi|recoi)(?:t|vent)|candidatent?)\b"
)
"""« c'est la SPL qui dépose la demande et perçoit l'aide »: the type between « c'est » and « qui » files (not « c'est la
collectivité qui sollicite l'aide », which points back to the applicant named before)."""

FIRM_CUES = (
    r"\bsont eligibles?\b|\best eligible\b"
    r"|\bpeu(?:t|vent) (?:\w+ )?(?:deposer|candidater|solliciter|postuler|emprunter)\b"
    r"|\b(?:demandes?|dossiers?|candidatures?) (?:sont|est) (?:presentee?s?|deposee?s?|faite?s?) (?:exclusivement |uniquement |obligatoirement |directement )?par\b"
    r"|\bpeu(?:t|vent) etre maitres? d'ouvrage\b|\bmaitres? d'ouvrage eligibles?\b|\bpeu(?:t|vent) etre beneficiaires\b"
    + "|" + NAMED_CANDIDATES
    + "|" + WHO_FILES_CLEFT
    + "|" + TEAMS_OF
    + r"|\bpeu(?:t|vent) etre (?:partenaires?|membres?) (?:co-?)?beneficiaires?\b"
    + "|" + POSSIBLE_APPLICANTS +
    r"|\b(?:projets?|dossiers?|demandes?|candidatures?) (?:sont|est) portee?s? (?:exclusivement |uniquement |obligatoirement |directement )?par\b"
    r"|\b(?:aide|subvention|pret|avance|prime|bourse|garantie)s?(?: \w+)? (?:est|sont) (?:accordee?s?|attribuee?s?|reservee?s?"
    r"|ouvertes?) "
    r"(?:exclusivement |uniquement |directement )?aux?\b"
)
"""A sentence that plainly says who files (« Peuvent déposer une demande les … », « Les demandes sont présentées par
… »): its types apply even outside the source's audience labels (crawlers/normalise/record.py)."""

TRADE_SIZED = (
    r"(?:\b(?:les|des|aux|d'|l'|une?|le)\s*|\b(?:et|ou)\s+|(?<![\w'-])(?<![\w'-] ))"
    r"(?!(?:habitants?|enfants?|adherents?|participants?|usagers?|employeurs?)\b)"
    r"(?:\w+(?:eurs?|iers?|ants?|istes?|eries?)|groupes?|manufactures?|stations?|ateliers?|usines?|unites?)"
    r"(?: (?!(?:de|d'|des|du|et|ou)\b)[\w'-]+){0,2}"
    r"(?: (?:(?:et|ou) )?(?:de |d'|des |du )(?:la |l')?[\w'-]+(?: (?!(?:de|d'|des|du|et|ou)\b)[\w'-]+){0,2}){0,3}"
    r" (?:de |d'|employant |comptant )?$"
)
"""Right before a headcount: a trade or a group named by its own noun, with or without an article or a complement
(« les transporteurs fluviaux de moins de 10 salariés », « Bénéficiaires : plasturgistes et mouleurs de moins de
250 salariés », « céramistes d'art de moins de 50 salariés », « fabricants de produits minéraux d'au moins 50
salariés », « fabricants de jeux de société et de cartes à jouer de 10 à 249 salariés »): a company of that size (a headcount after a type sizes that type, after a thing it is no applicant)."""

SIZE_LINE = r"\bnombre de salaries\s*:\s*"
"""A catalogue's size line (« Eligibilité en fonction du nombre de salariés : Moins de 50 salariés »): the sizes of
the companies that may apply."""

FAQ_YES = r"\?\s*oui\b"
"""A question of a FAQ answered yes (« Une association peut-elle déposer un dossier ? Oui, si … »): its types apply."""
FAQ_NO = r"\?\s*non\b"
"""A question answered no (« Un laboratoire peut-il être lauréat ? Non. »): its types are excluded."""

ALL_SIZES = (
    r"\btoutes? (?:les )?entreprises\b|\btoutes? tailles?\b|quel(?:le)?s? que soi(?:t|ent) (?:leur|sa|son) (?:taille|effectif(?! total))"
    r"|\bsans (?:condition|limite|critere) (?:de taille|d'effectif)"
    r"|\bentreprises?\b[^.;:,]{0,60},? dont (?:au moins |obligatoirement |notamment |si possible )?(?:une?|deux|trois|\d+|des|les) "
    r"(?:pme|tpe|eti|start-?up|jeunes? pousses?|petites)"
    r"|\bde la (?:tpe|pme|start-?up|petite entreprise) (?:au grand groupe|a la grande entreprise|aux grands groupes)"
    r"|\bgrandes? entreprises?\b[^.;:]{0,30}\b(?:sont |est )?(?:eligibles?|aidee?s?|financee?s?) (?:au|a un|a hauteur)\b"
)
"""Companies named without any size limit: sizes named elsewhere do not narrow them. « Les grandes entreprises sont
éligibles au taux de 30 % »: the largest at their own rate, so every smaller one too."""

PAID_TOO = (
    r"(?<!ne )\brecoi\w* (?:elle |lui |eux |elles )?(?:aussi|egalement) (?:une|sa|leur) (?:aide|part)\b"
    r"|(?<!ne )\brecoi\w* (?:alors |aussi |egalement |directement )?(?:sa|leur) propre part\b"
    r"|(?<!ne )\brecoi\w* directement (?:leur|sa|une|la) part\b"
    r"|(?<!ne )(?<!pas )\b(?:recoi|percoi)\w* (?:alors |aussi |egalement )?une aide(?: [^.;,]{0,30}?)? pour (?:leur|sa)"
    r" (?:propre )?part\b"
    r"|(?<!ne )(?<!pas )\b(?:recoi|percoi)\w* (?:alors |aussi |egalement |directement )?(?:leur|sa|une) (?:propre )?part"
    r" (?:de l'aide|du financement|des credits|de la subvention)\b"
    r"|(?<!non )\b(?:financee?s?|aidee?s?|subventionnee?s?) (?:pour|a hauteur de|sur) (?:leur|sa) (?:propre )?part\b"
    r"|(?<!non )(?<!pas )\b(?:sont|est|seront|sera) (?:aussi |egalement )?(?:financee?s?|aidee?s?|subventionnee?s?)"
    r" (?:pour|sur) (?:leurs?|ses|sa|son) (?:propres? )?(?:travaux|depenses|couts|taches|actions|part)\b"
    r"|(?<!ne )(?<!pas )\brecevoir (?:une partie|une part|sa part|leur part) (?:du financement|de l'aide|des credits)"
    r"|\bco-?porteu(?:r|se|rs|ses)\b"
    r"|\bpartenaires?\b[^.;]{0,40}?\bet (?:beneficier|recevoir|percevoir) (?:d'une|une|sa|leur) (?:aide|part|partie)\b"
    r"|(?<!ne )(?<!pas )\b(?:recoi|percoi)\w* (?:alors |aussi |egalement |directement )?(?:une|sa|leur) "
    r"(?:aide|part|subvention) propre\b"
    r"|\b(?:et|qui|elles|ils) sont (?:alors |aussi |egalement )?(?:aidee?s|financee?s|subventionnee?s)\b"
    r"|\b(?:aidee?s?|financee?s?|subventionnee?s?) au meme titre\b"
)
"""« l'entreprise partenaire reçoit elle aussi une aide », « il reçoit alors sa propre part »: a partner paid as well
applies."""

ADDRESSEE = r"\b(?:destine|ouvert|reserve|propose)e?s? (?:\w+ )?(?:aux|a)\b(?! \w+(?:er|ir|re)\b)"
"""« réservé aux PME », « destinée aux communes » (not « destiné à accueillir »): to whom the call is addressed."""
THING_FOR_USERS = (
    r"(?:plateformes?|locaux|equipements?|ateliers?|lieux|batiments?|halles?|espaces?|services?|formations?|actions?"
    r"|visites?|logements?|parcelles?|terrains?|outils?|modules?|contenus?|ressources?)\b[^.;:,]{0,60}$"
)
"""A thing made for users (« des plateformes ouvertes aux entreprises », « des actions destinées aux jeunes »): whom it
is open to are its users, not who applies (crawlers/normalise/applicant_exclusions.py)."""
GRANT_VERB = r"\b(?:verse|versent|attribue|attribuent|accorde|accordent|octroie|octroient|alloue|allouent)"
_GRANTED = r"(?:versee?s?|accordee?s?|attribuee?s?|octroyee?s?|allouee?s?)"
GRANTS_TO = (
    GRANT_VERB + r" (?:une?|des|sa|son|leur) (?:[\w'-]+ ){0,2}?(?:aides?|primes?|subventions?|bourses?|allocations?|dotations?"
    r"|avances?|prets?)\b[^.;:]{0,60}?(?:\baux\b|\ba (?:des|la|l'|une?)\b)"
    r"|(?:^|\b(?:est|sont|sera|seront) )" + _GRANTED + r" (?:exclusivement |uniquement |directement )?"
    r"(?:aux\b|a (?:des|la|l'|une?)\b)"
    r"|^(?:aides?|subventions?|primes?|bourses?|avances?|prets?|minorations?|bonifications?)(?: [\w'-]+)? " + _GRANTED
    + r" (?:exclusivement |uniquement |directement )?(?:aux\b|a (?:des|la|l'|une?)\b)"
)
"""The funder pays a grant to a type (« Le Département verse une prime aux entreprises de moins de 250 salariés », « La
minoration est accordée à la commune ou à l'intercommunalité », « Aide versée aux PME et aux ETI »): the types of its
object list apply, as after a support verb (SUPPORTS)."""
PAYER = r"(?:\s+(?!(?:et|ou|qui)\b)[\w'-]+){0,4}?\s+" + GRANT_VERB
"""Right after a type, the grant verb makes it the funder (« La Communauté d'agglomération attribue une
subvention… »), not an applicant."""

CALL_TO = (r"\b(?:appels?|ami|aap)\b(?:(?!depos|adress|envoy|transm|instrui|aupres)[^.;:]){0,60}"
           r"\baupres (?:des|de la|de l'|du|de)\b(?! (?:leurs?|ses|son|sa)\b)")
"""« La Région a lancé un appel à manifestation d'intérêt auprès des intercommunalités »: to whom the call is made (not
« les dossiers sont déposés auprès de la Région », its instructor, nor « les fédérations diffusent l'AMI auprès de leurs
adhérents », a relay's own members)."""

APPLICANT_CUES = [
    # A sentence that says who may apply; in a description only such sentences name applicants.
    r"\bsont (?:aussi |egalement |alors )?eligibles?\b|\best (?:aussi |egalement |alors )?eligible\b"
    r"|\beligibles? (?:sont|est)\b",
    r"\b(?:peu(?:t|vent)|pourr(?:a|ont)) (?:\w+ )?(?:candidater|deposer|presenter|solliciter|postuler|beneficier|repondre"
    r"|emprunter"
    r"|porter (?:(?:elle|lui|eux|elles)-memes? )?(?:un|une|le|la|l'|les|des|leur|son|sa)\b)",
    r"\b(?:peu(?:t|vent)|doi(?:t|vent)) etre (?:une?|des|les?|la|l'|(?:port|present|depos)\w* par)\b",
    r"\bdeposent (?:pour )?(?:leurs?|un|une|des|l'|la|le)\b",
    r"\b(?:est|sont|doi(?:t|vent) etre|peu(?:t|vent) etre) (?:portee?s?|deposee?s?|presentee?s?|faite?s?) (?:exclusivement |uniquement |obligatoirement |directement )?par\b",
    r"\bpeu(?:t|vent) etre maitres? d'ouvrage\b|\bmaitres? d'ouvrage eligibles?\b",
    r"\b(?:portee?s?|coordonnee?s?|pilotee?s?) par (?:les|des|un|une|l'|la|le)\b"
    r"|\b(?:projets?|operations?|etudes?|travaux|programmes?|recherches?)(?: [\w'-]+){0,4} (?:menee?s?|conduite?s?) par (?:les|des|un|une|l'|la|le)\b",
    r"^(?:pour|a destination) (?:les|des)\b|\bco-?depos\w*"
    r"|\ble (?:porteur|maitre d'ouvrage) (?:de projet |du (?:projet|programme|dossier) |de l'(?:operation|action) "
    r"|de la (?:demande|candidature|demarche|operation) )?(?:est|doit etre)\b"
    r"|\b(?:le|la|son|sa|leur) (?:chef de file|coordinat(?:eur|rice))(?: du (?:projet|consortium))?(?:, [^,;:.]{1,80},)?"
    r" (?:est|doit etre)\b",
    r"\bprojets?\b[^.;:]{0,40}\b(?:associant|associent|associe|reunit|reunissent|reunissant|rassembl\w*|regroup\w*)\b|\b(?:tous deux|tous|toutes|chacun) (?:sont )?(?:co-?)?beneficiaires\b",
    r"\b(?:consortiums?|equipes?)\b[^.;:]{0,30}\b(?:associ(?:ant|ent|e)|reuni(?:ssant|ssent|t)|regroup(?:ant|ent|e)|rassembl(?:ant|ent|e)"
    r"|compose\w* d)",
    r"(?<!pas )\b(?:sont|est|seront|sera) (?:alors |aussi |egalement )?co-?beneficiaires?\b"
    r"|(?<!ne )\bpeu(?:t|vent) (?:aussi |egalement )?etre (?:co-?)?beneficiaires?\b"
    r"|(?<!ne )\bpeu(?:t|vent) (?:en |y )?(?:aussi |egalement )?etre (?:membres?|partenaires?) (?:co-?)?"
    r"(?:financee?s?|aidee?s?|subventionnee?s?|beneficiaires?)\b"  # « Peuvent en être membres financés : … »
    r"|" + PAID_TOO,
    r"\bchaque (?:partenaire|membre)\b[^.;]{0,120}\b(?:est|sera) (?:co-?)?beneficiaire"
    r"|\b(?:partenaires?|membres?) (?:co-?)?beneficiaires?\b",
    r"\b(?:beneficiaires?|porteurs?(?: de projets?)?(?: eligibles?)?|(?<![\w'] )publics?(?: cibles?| vises| concernes?)?"
    r"|candidats?|eligibilite)\s*:",  # « Publics : », not an adjective (« réseaux de chaleur publics : … »)
    POSSIBLE_APPLICANTS,
    r"\bpeu(?:t|vent) (?:aussi |egalement )?etre (?:financee?s?|aidee?s?|subventionnee?s?|soutenue?s?) (?:les|des)\b",
    r"\b(?:demande|demandent|sollicite|sollicitent) (?:la|une|l'|leur|son|sa) (?:prise en charge|aide|subvention"
    r"|financement|prime|bourse|avance|pret)\b",
    NAMED_CANDIDATES,
    WHO_FILES_CLEFT,
    TEAMS_OF,
    r"\bsont concerne(?:e)?s\b|\b(?:cible|vise)n?t? (?:les|des|en priorite)\b",
    ADDRESSEE,
    r"^(?:sont|seront) (?:aidee?s|soutenue?s|financee?s|accompagnee?s) (?:les|des)\b",
    r"\bs'adresse(?:nt)? (?:\w+ )?(?::\s*)?(?:aux|a)\b",
    r"\bsont invite(?:e)?s a\b",
    CALL_TO,
    r"\bcobeneficiaires?\b|\bsont (?:co-?)?beneficiaires\b",
    r"\|\s*(?:oui|eligibles?)\b",
    r"^au (?:benefice|profit) d|\b(?:attribuee?s?|accordee?s?|versee?s?|reservee?s?) au (?:benefice|profit) d",
    r"\b(?:aide|subvention|prime|bourse|allocation|pret|avance|garantie)s? (?:est|sont) (?:attribuee?s?|accordee?s?|versee?s?)"
    r" (?:exclusivement |uniquement |directement )?a(?:ux)?\b",
    FAQ_YES,
    r"\bbeneficient d'(?:une? |l'|des )?(?:aides?|accompagnements?|appuis?|subventions?|soutiens?|financements?"
    r"|prises? en charge|avances?|prets?)\b",
    r"\b[\w'-]+ (?:porteu(?:r|se)s?|cheffe? de file)(?: (?:du|de l'|de la) (?:projet|dossier|demande|operation))?"
    r" (?:doi(?:t|vent)|devra|devront)\b",
]

SUPPORTS = (
    r"(?<!\bqui )\b(?:accompagnen?t?|aiden?t?|soutien(?:t|nent)|appuien?t?) (?:les|des)\b|^aides? aux\b"
    r"|^(?:accompagner|aider|soutenir|appuyer) (?:les|des)\b"
)
"""The funder's support verb: « Le Département aide les communes et intercommunalités », « l'Agence accompagne
les entreprises dans… ». Only the types right after it (its object) are applicants: « soutient les opérations
… des communes » names what is supported, not who applies; nor does a relative clause about what is funded (« les
projets qui aident les collectivités à… »: they gain from the projects)."""

THING_OF = (
    r"\s*(?:projets?|investissements?|travaux|actions?|operations?|demarches?|initiatives?|programmes?)"
    r"(?:\s+[\w'-]+){0,4}?\s+(?:des|de la|du|de l'|d')\s*"
)
"""« accompagne les projets d'investissement productif des PME », « finance les travaux des industriels »: what is
supported, then whose it is — the owner applies."""
WEAK_ROLE = (
    r"(?:(?:(?<!accompagne )(?<!accompagnee )(?<!instruits )(?<!instruit )(?<!geree )(?<!gere )(?<!operee )\bpar"
    r"|\b(?P<for>pour)) (?:les |des |une? |la |le |l')?"
    r"|\b(?:investissements?|projets?|usines?|ateliers?|sites?|locaux|batiments?)"
    r"(?: (?!(?:dans|sur|en|a|au|aux|pour|par|avec|les|la|le)\b)[\w'-]+){0,3}?"
    r" (?:des |du |de la |de l'|d'une? |d'|de ))$"
)
"""Right before a type, in a description without a statement of who applies: the doer (« par les communes »), the
one it is for (« pour les TPE », but not a rate's « 50 % pour les PME ») or the owner (« l'usine d'une PME »)."""
FUNDED_BY = (
    r"\b(?:pris|prise|prises) en charge\s*$|\b(?:co-?)?financ(?:e|ee|es|ees)\s*$|\bsubventionn(?:e|ee|es|ees)\s*$"
    r"|\b(?:attribu|accord|vers|octroy|allou)(?:e|ee|es|ees)\s*$|\bsoutenu(?:e|s|es)?\s*$"
)
"""Right before « par » and a type: the type funds (« pris en charge par l'établissement public foncier »,
« cofinancé par la Région »); it is no doer that applies."""
CONTRACTOR = (
    r"\s+(?:de travaux|du (?:batiment|btp)|(?:de |du )?paysag\w*|d'(?:entretien|installation)|qualifiee?s?|rge"
    r"|labellisee?s? rge|prestataires?|specialisee?s?)\b"
)
"""Right after « entreprise » in a description without a statement of who applies: the contractor that does the
work (« plantation réalisée par une entreprise de travaux »), not the one the aid is for."""
PAYS_FOR = r"\b(?:financen?t?|subventionnen?t?|cofinancen?t?) (?:les|des)\b"
"""A funding verb: its object is a thing; only the owner of that thing (THING_OF) names who applies."""
SIZE_LINK = r"(?:\s*[\w'-]+){0,3}?\s+de\s+"
"""Between the last type of an object list and its headcount (« aux entreprises du bâtiment de moins de 50 salariés »)."""
OBJECT_LINK = r"(?:[\s,]+|-(?=\w)|(?:et|ou|les|des|aux|leurs)\b|l'|(?<=et )a\b|(?<=ou )a\b|(?!(?:qui|dont|dans|pour|de|du|d|a|en|sur|avec)\b)\w+\b){0,9}"
"""What may stand between two types of one object list: commas, « et », « ou », articles, a few qualifying words."""

_OF_A_KIND = r"(?:de |du |d')(?!(?:la|le|les|l')\b)\w+"
OBJECT_NEXT = (
    rf"\s+{_OF_A_KIND}(?:\s+(?:et|ou)\s+{_OF_A_KIND}|\s+{_OF_A_KIND})*\s*,?\s+(?:ainsi que|et|ou)\s+(?:(?:les|des|aux|a)\s+)?"
)
"""Between two types of a support verb's object, the first one's kind (« les entreprises de production et de logistique
du département, ainsi que les associations »; not « du territoire de la communauté de communes »)."""

APPLICANT_HEADING = (
    r"(?:beneficiaires?|porteurs?(?: de projets?| eligibles?)?|publics?(?: cibles?| concernes| vises| eligibles)?"
    r"|qui peut (?:candidater|en beneficier|deposer|postuler)|pour qui)\b[^.:\n]{0,40}"
)
"""A heading line over who may apply (« Bénéficiaires », « Qui peut candidater ? »): it reads as « bénéficiaires : »
followed by the next line."""

EXCLUDING_AFTER = (
    r"\bhors\b|\bsauf\b(?! si\b| s'| lorsqu| quand| dans le cas| en cas| pour\b)|a l'exception d|a l'exclusion d"
    r"|exception faite d|\bexclusion (?:des?|du)\b|\b(?:pas|non) plus que\b"
)
"""« hors grandes entreprises », « … ne sont pas bénéficiaires, pas plus que les particuliers »: the types named after
it in the same clause are excluded (« sauf si … » is a condition, not an exclusion)."""
EXCEPTED = r"\bsauf\b|a l'exception d|exception faite d"
"""After an exclusion (« Sont exclues les sociétés commerciales, à l'exception des SEM »), the types named after it
may apply: the exception to an exclusion lets them back in."""
NOT_A = r"(?:\bn'(?:est|etant) pas (?:une?|d')|\bne sont pas (?:des|d')|\bne (?:sont|est) pas considere\w* comme (?:des?|une?|d'))\s*$"
"""« … n'est pas une PME et ne peut pas candidater »: the type is what the subject is not; the exclusion is the
subject's, not the type's."""
HELPS = (
    r"\s*(?:\([^)]*\)\s*)?(?:(?:et|ou) (?:(?!\b(?:qui|que|dont)\b)[^,;:]){0,100}?\s)?(?:peu(?:t|vent) )?"
    r"(?<!\bcette )(?<!\bune )(?<!\bl')(?<!\bla )(?<!\bleur )(?<!\bd')(?<!\bde )(?<!\bsa )(?<!\bson )(?<!\bdes )"
    r"(?<!\bles )(?<!\bun )(?<!\bdu )(?<!\bpar )"
    r"(?:(?:orient|conseill|aid|accompagn|inform|guid|anim|relai|relay|diffus)(?:e|es|ent|er)|appui(?:e|ent)|appuyer"
    r"|instrui(?:t|sent)|instruire"
    r"|organis(?:e|ent) (?:des|les) (?:rencontres|reunions|mises? en relation)|met(?:tent)? en relation"
    r"|propos(?:e|ent|er) (?:un|une|leur|leurs|des) (?:accompagnement|appui|aide|conseils?))\b"
)
"""Right after a type, its verb makes it a helper or a relay (« les CCI orientent les candidats », « les chambres de
métiers proposent un accompagnement », « les fédérations diffusent l'appel »), not an applicant."""
LEGAL_FORM = (
    r"\s*(?:\([^)]*\)\s*)?(?:(?!(?:et|ou)\b)[\w'-]+\s+){0,4}?constitue\w* (?:en|sous (?:la )?forme (?:d'une?|de|d'))\s*"
)
"""« offices de tourisme constitués en EPIC », « EPTB constitués en syndicat mixte »: the legal form named next is
the type that applies (« les départements et les pôles métropolitains constitués en syndicat mixte »: the form is
only the last member's)."""
COUNT = r"(?:\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|cinquante|cent)\s+"
"""A number of things or bodies, in figures or words (« au moins deux entreprises », « 12 communes »)."""
FORMED_LINK = r"[\s,]*(?:(?:et|ou)\s+)?(?:les |des |aux |l')?[\w' -]{1,60}?" + LEGAL_FORM
"""Between a list's start (or its previous type) and a legal form, the member the form is said of (« les communes et
les syndicats d'énergie constitués en syndicat mixte », « sauf les régies thermales constituées sous forme d'EPIC »):
the form is the type that the list goes on with."""
STATUS_OF = r"\b(?:reconnue?s?|labellisee?s?|qualifiee?s?|agreee?s?)(?: comme| en tant que| en)?\s*$"
"""« les syndicats mixtes, qu'ils soient reconnus établissement public d'aménagement… »: a status of the applicant
named before, not another applicant."""
MANDATARY_AFTER = r"[^.;:]{0,80}?\b(?:agissant|intervenant) (?:comme|en tant que|en qualite de) mandataire"
"""« une association d'aide à l'habitat, agissant comme mandataire du propriétaire »: files for someone else."""

EXCLUDING_BEFORE = (
    r"\bne sont pas eligibles?|\bn'est pas eligible|\b(?:sont|est|seront|sera) exclue?s?\b"
    r"|\bne sont pas concernee?s\b(?! par)|\bn'est pas concernee?\b(?! par)"
    r"|\bne peu(?:t|vent) pas (?:candidater|beneficier|deposer|pretendre|postuler|porter|presenter|solliciter)"
    r"|\bne releve\w* pas d"
    r"|\brelev\w* d'(?:un|une) autre (?:dispositif|appel|programme|aide|fonds)"
    r"|\bne peu(?:t|vent) pas etre (?:porteurs?|beneficiaires?|candidats?)"
    r"|\b(?:disposent|dispose) d(?:u|'un|'une|'autres?|e leur|e son|es) (?:autres? |propres? )?(?:dispositif|programme|appel|fonds|pret)s?\b"
    r"|\bpeu(?:t|vent) solliciter (?:un |une |d')?autres?\b"
    r"|\bne (?:le |l')(?:sont|est) pas\b"
    r"|\bne (?:sont|est) pas (?:des |les )?(?:candidate?s?|porteu(?:r|se)s?|eligibles?|demandeu(?:r|se)s?)\b"
    r"|\brelev\w* (?:de la|d'une autre) mesure\b|\brelev\w* du (?:dispositif|programme|volet)\b"
    r"|\brelev\w* (?:de l'|d'un |du )(?:appel|aap|ami)(?: a (?:projets?|manifestations? d'interet|candidatures?))?"
    r" (?:national|regional|europeen|dedie|specifique|distinct)\b"
    r"|\bn'est pas (?:le |la |un |une )?(?:candidate?|porteu(?:r|se)|demandeu(?:r|se))\b|\bn(?:e |'y |'en )(?:depose|deposent|candidate|candidatent) pas\b|\bsont (?:re)?orientee?s vers\b|\brelev\w* (?:du|d'un|de l') fonds\b|\brelev\w* d'autres dispositifs"
    r"|\b(?:transmett|transmet|confi|adress|remett)\w* (?:leurs?|ses|son|sa) (?:projets?|dossiers?|demandes?|candidatures?)"
    r" (?:a|au|aux)\b|\bpass\w* par (?:leur|son|sa|l'|la) ?(?:intercommunalite|epci|communaute|metropole|syndicat)"
    rf"|{FAQ_NO}"
)
"""« les associations ne sont pas éligibles »: the types named before it in the sentence are excluded; so are those
that hand their projects to another body, which files (« Les communes transmettent leurs projets à leur
intercommunalité », « les communes passent par leur EPCI »)."""

FOR_A_THING = (
    r"\b(?:reserv|destin|dedi|lou|affect|mis a (?:la )?disposition)\w*\s+(?:a|aux|au|d'|de|des)\s*"
    r"(?:une?\s+|la\s+|le\s+|l')?$"
)
"""Right before a type that an exclusion follows, in a clause that opens on a thing (« les équipements réservés à un
club ne sont pas éligibles », « les locaux loués à une entreprise »): the things are excluded, not the type."""

EXCLUDED_RIGHT_AFTER = r"\s*(?:\([^)]*\)\s*)?(?:exclue?s?\b|\|\s*(?:non|exclue?s?|ineligibles?)\b)"
"""« …, grandes entreprises exclues », or a table row « Collectivités territoriales | Non »: that type only is
excluded."""

EXCLUDING_HEAD = (
    r"(?:ne sont pas eligibles?|n'est pas eligible|non eligibles? (?:aux?|pour les)|(?:sont )?exclue?s|exclusions?"
    r"|ne peu(?:t|vent) pas (?:candidater|beneficier|deposer|pretendre|postuler))\b"
)
"""« Ne sont pas éligibles : … », « Sont exclues les … », « Non éligible aux micro entreprises » opening a sentence:
every type it names is excluded."""

WHOLE_TYPE = (
    r"\s*(?:\([^)]*\)\s*)?(?:au sens (?:communautaire|europeen|de [^,;:.()]*?)\s*)?"
    r"(?:$|[,;:.!?)]|(?:et|ou|ni|ainsi|ne|n'|sont|est|seront|sera|restent|relev\w*|peu(?:t|vent)|exclue?s?|quel\w* que)\b)"
)
"""What may follow an excluded type when the exclusion removes the type itself (« les associations ne sont pas
éligibles », « hors grandes entreprises, »). Anything else narrows it to a group (« les associations cultuelles »,
« les entreprises en difficulté », « communes de plus de 10 000 habitants »): a group's exclusion keeps the type."""

TRADES = (
    r"(?:les |des |l')?(?:artisans?|commercants?|armateurs?|bureaux? d'etudes?|chargeurs?|transporteurs?"
    r"|(?:amenageurs?|foncieres?|promoteurs?|investisseurs?|operateurs?(?: immobiliers?)?) prive(?:e)?s?"
    r"|sc(?:op|ic)s?|societes? cooperatives?|sasu?|sarl|eurl|gaec|earl|scea|cuma"
    r"|cooperatives? d'utilisation de materiels? agricoles?)"
    r"|(?:les |des |l')?(?:" + _TRADE_WORD + "|" + FARM_TRADES + ")"
)
"""Companies or farms named by their trade or their legal form (« les armateurs », « les bureaux d'études », « les
CUMA »): excluding them excludes that kind, not the whole type (« Sont éligibles les entreprises de manutention …
Les armateurs ne sont pas éligibles », « destiné aux exploitants agricoles … Les CUMA ne sont pas éligibles »)."""

NOT_APPLYING = (
    r"\bpartenaires?\b|\bsans percevoir\b|\bne percoi\w* pas\b|(?<=.)\ba destination d"
    r"|(?<=.)(?<!attribuee )(?<!attribue )(?<!accordee )(?<!accorde )(?<!versee )(?<!verse )\bau (?:benefice|profit) d"
    r"|\ben lien avec\b|\bseront associes\b|\bbeneficieront\b|\bcumul\w*|\bcofinanc\w*"
    r"|\bpeu(?:t|vent) (?:y )?participer\b(?! (?:en|au|a un) consortium)|\bsans etre (?:co-?)?beneficiaires?\b"
    r"|\bsans etre (?:directement )?(?:financ|aide|subventionn|soutenu|remunere)\w*|\bsans (?:recevoir|beneficier)\b"
    r"|\bne (?:(?:la|le|les|l'|en|leur|lui) ?)?(?:percoi|recoi|touch)\w*(?!\s+qu)"
    r"|\bpeu(?:t|vent) etre associee?s\b|\bsont associee?s a\b|\bsans (?:aide|financement|subvention|contrepartie)\b|\bsur (?:leurs|ses) fonds propres\b"
    r"|\ben sous-traitance\b|\bsous-traitants?\b(?! (?:de rang|de premier rang|industriels|de la filiere|de l'industrie|automobiles?|aeronautiques?))|\bcomme prestataires?\b|\ben prestation\b|\bne deposent pas\b|\ben binome avec\b"
    r"|\bbeneficiaires? finaux\b|\baux cotes d|\bsont consultee?s\b"
    r"|\b(?:en )?(?:sont|est|seront|restent|reste) (?:les |des |leurs? |ses )?(?:simples? )?"
    r"(?:usagers?|utilisat(?:eur|rice)s?|destinataires?)\b"
)
"""A clause whose types take part without applying (partners, final beneficiaries, other funders)."""

ON_BEHALF_OF = (
    r"\bpour (?:le )?compte (?:d'|de |des )|\ben partenariat (?:avec|etroit avec)\b|\ben lien (?:etroit )?avec\b"
    r"|\bavec l'(?:appui|aide|accompagnement) (?:d'|de |des |du )|\baccompagnee?s? par\b|\bmandatee?s? par\b"
    r"|\ben association avec\b|\baupres (?:d'|de |des |du )|\bau nom (?:d'|de |des |du )|\ben lieu et place d"
    r"|\bfiliales? d|(?<!coordinateur )(?<!coordinatrice )(?<!chercheur )(?<!chercheuse )(?<!equipe )\bappartenant a\b"
    r"|\b(?:choisie?s?|decidee?s?|designee?s?|retenue?s?|fixee?s?|approuvee?s?|validee?s?|agreee?s?) par\b"
    r"|\b(?:co-?)?(?:construit|elabore|concu|defini|anime|pilote)e?s? (?:conjointement |en commun )?avec\b"
    r"|\bconfiee?s? (?:a|aux)\b"
)
"""Words after which, in the same clause, a type is the one applicants act for or with, not an applicant: « les
SEM agissant pour le compte d'une collectivité », « les associations en partenariat avec les communes »."""

NO_AID = (
    r"\bne (?:(?:la|le|les|l'|en|leur|lui) ?)?(?:recoi|percoi|touch)\w* pas\b|\bne (?:sont|seront|est|sera) pas (?:(?:eux|elles?)-memes? )?"
    r"(?:co-?)?beneficiaires?\b|\bn'en (?:sont|est) pas (?:co-?)?beneficiaires?\b|\bsans (?:aide|recevoir|percevoir)\b"
    r"|\bsans etre (?:directement )?(?:co-?)?beneficiaires?\b|\bsans (?:financement|etre financ\w*)"
    r"|\bn'(?:est|etait|sera) pas (?:(?:lui|elle)-meme )?(?:co-?)?beneficiaire"
    r"|\bne (?:sont|est|seront|sera) pas (?:financee?s?|subventionnee?s?|aidee?s?)\b"
    r"|\bhors (?:subvention|financement|aide)\b|\bsans prise en charge\b|\bparticipe(?:nt)? (?:a (?:leurs|ses) (?:propres )?frais|sur (?:leurs |ses )?(?:propres )?fonds propres)"
)
"""A predicate that denies its subject the aid (crawlers/normalise/unpaid_types.py)."""

NOT_RECEIVING = (
    r"\s*(?:qui |mais |elles? |ils? |celles-ci |ceux-ci |celle-ci |celui-ci )?(?:ne (?:sont|seront|est|sera) pas (?:(?:eux|elles?|lui)-memes? )?"
    r"(?:co-?)?beneficiaires?"
    r"|ne (?:recoi\w*|percoi\w*) (?:pas|aucune?|rien)|n'(?:en )?(?:est|sont) pas (?:co-?)?beneficiaires?"
    r"|sans (?:percevoir|recevoir)"
    r"|pour le compte (?:du|de la|des|de l') ?(?:beneficiaire|demandeur|usager|candidat|titulaire|stagiaire|apprenti)s?\b"
    r"|non plus\s*(?:[.;]|$))"
)
"""At the start of the clause right after a type (« …, qui ne reçoivent pas d'aide », « ; elles ne sont pas
bénéficiaires de l'aide », « versée à l'auto-école, pour le compte du bénéficiaire », « Les entreprises de la zone,
qui s'abonnent au service, non plus. » after a sentence denying the aid): that type takes part without receiving the
aid."""

DEFINED_BY = r"\s*,?\s*(?:c'est-a-dire|a savoir)\b|\s*[–—]\s"
COLON_LIST = r"(?:[^.;:()]|\([^().;:]{0,30}\)){0,100}:\s*"
"""A broad group whose clause ends on a colon (« les collectivités compétentes en eau : les communes ; les
syndicats mixtes », « Personne morale organisatrice (PMO) : SEM, SPL… ») is defined by the list after it, when that
list names types."""
"""Right after a broad group (« les acteurs publics, c'est-à-dire… », « personne morale de droit public – collectivités,
… »): the list that follows says which types it means, the group itself names none."""

PLACE_OF = (
    r"\b(?:situee?s?|implantee?s?|localisee?s?|intervenant|presente?s?|actives?|operant) (?:dans|sur|en)\b"
    r"|\btous les departements\b|\binscrite?s? (?:dans|a|au|en)\b"
    r"|\b(?:contrats?|stages?|emplois?|postes?|apprentissage|alternance|salariee?s?|embauchee?s?|employee?s?)\b"
    r"[^.;:]{0,40}?\b(?:dans|chez|au sein d)"
)
"""Words after which, in the same clause, a type is a place (« les projets situés dans les départements de… »)."""

EPCI_KINDS = (
    r"communautes? (?:de communes|d'agglomeration|urbaines?)|metropoles?|syndicats? (?:intercommunaux|de communes)"
    r"|\bsivu\b|\bsivom\b|\bfondations?\b"
    r"|\bbureaux? d'etudes?\b"
)
"""Kinds of a type: excluding one (« les métropoles ne sont pas éligibles », « les fondations ») excludes a group,
not every EPCI or association."""

FOUNDED_BY = r"\b(?:creee?s?|fondee?s?|constituee?s?|formee?s?)\b[^,;:()]{0,20}?\bpar\b"
OWNED_BY = r"\b(?:detenue?s?|possedee?s?|controlee?s?)\b[^,;:]{0,40}?\bpar\b|" + FOUNDED_BY
"""« dont le capital est détenu par des habitants, des associations ou des collectivités », « non détenues à plus de
25 % par une grande entreprise », « une société créée par au moins trois PME »: the owners or founders named after
it, the whole list, do not apply."""
MEMBERS_OF_A_BODY = (
    r"\b(?:scic|scop|gie|sem|spl|societes? cooperatives?(?: d'interet collectif)?|groupements? d'interet"
    r" (?:economique|public))\b[^,;:()]{0,20}?\b(?:associant|reunissant|regroupant|rassemblant)\b"
)
"""« SCIC associant éleveurs, transformateurs et collectivités »: the members of a body that applies do not apply
themselves (the members of a consortium, which is no body of its own, do)."""

PARTNERS_PAID = (
    r"\bsont (?:co-?)?beneficiaires\b|\bchaque (?:partenaire|membre)\b[^.;]{0,120}\b(?:est|sera) (?:co-?)?beneficiaire"
    r"|\bpartenaires? (?:co-?)?beneficiaires?\b|" + PAID_TOO
)
"""« Sont bénéficiaires de l'aide les organismes de recherche et les entreprises partenaires »: partners who are
paid apply."""

CO_APPLICANT = (
    r"\bco-?beneficiaire|\bco-?porteur|\begalement eligible|\baussi eligible"
    r"|\bpercoi(?:t|vent) (?:\w+ ){0,2}(?:sa|leur|une) (?:part|quote-part)\b"
)
"""After such a type, in its clause: it applies as well (« en partenariat avec un laboratoire … qui peut être
cobénéficiaire »)."""

PERSON_HIRED = (
    r"\b(?:embauch|recrut|emploi|accueill|forme|encadr)\w* (?:un |une |des |le |la |les |l')?(?:jeunes? )?"
    r"(?:doctorants?|post-?doctorants?|apprenti(?:e)?s?|stagiaires?|alternants?|salarie(?:e)?s?|etudiant(?:e)?s?)\b"
)
"""« l'entreprise qui embauche un doctorant », « l'établissement qui emploiera le doctorant »: the person is hired by the
applicant; people named in the call are then whom it employs, unless the aid is paid to them (PAID_TO_PERSON)."""
PAID_TO_PERSON = (
    r"\b(?:bourses?|allocations?|aides?|primes?|indemnites?)\b[^.;]{0,30}?\bversee?s? (?:directement )?(?:au|aux|a l')"
    r"|\b(?:candidats?|beneficiaires?)\s*:\s*(?:les )?(?:doctorants?|post-?doctorants?|etudiant|apprenti|titulaires?)"
)
"""« Bourse versée directement au doctorant », « Candidats : doctorants… »: the person receives the aid."""

HIRED_BEFORE = (
    r"\b(?:faire|font|fait|feront) appel (?:a|aux)\s*(?:des |un |une |l'|la |le )?$"
    r"|\b(?:recourir|recourent|recourt|recourront) (?:a|aux)\s*(?:des |un |une |l'|la |le )?$"
    r"|\bsous-trait\w* (?:a|aux)\s*(?:des |un |une |l'|la |le )?$"
    r"|\b(?:dispensee?s?|delivree?s?) par (?:des |un |une |l'|la |le |les )?$"
    r"|\b(?:contrats?|conventions?|marches?) (?:\w+ )?(?:avec|passee?s? avec) (?:des |un |une |l'|la |le |les )?$"
)
"""Right before a type, the applicant hires it (« elles peuvent faire appel à un centre technique », « recourir à une
association de conseil », « la formation est dispensée par un organisme de formation », « contrat avec un transporteur
agréé »): a contractor, paid by the applicant."""
HIRED_AFTER = (
    r"(?:\s+(?!(?:et|ou)\b)[\w'-]+){0,3}?\s*,?\s*qui (?:intervien\w*|agi\w*|est missionne\w*|sont missionne\w*)"
    r" (?:comme|en tant que|en qualite de) (?:simples? )?(?:prestataires?|sous-traitants?|fournisseurs?)\b"
    r"|(?:\s+(?:(?:et|ou) (?:les|des|la|le|l') ?)?(?!(?:et|ou|ne|n')\b)[\w'-]+){0,6}?\s+(?:sont|est|restent|reste)"
    r" (?:des |un |une |les |le |la |leurs? )?"
    r"(?:simples? )?(?:prestataires?|sous-traitants?|fournisseurs?)\b"
)
"""Right after a type: « …, qui intervient comme prestataire », « le centre technique qui réalise l'étude est un
prestataire de l'entreprise », « les reconditionneurs de batteries et les intégrateurs sont des fournisseurs »."""

COMPLEMENT = r"(?<!forme )(?:\bd'|\bde |\bdu )$"
"""A type right after « d' » / « de » completes another noun (« création d'entreprise »), it does not apply."""

MANAGED = r"\b(?:gestionnaires?|proprietaires?) (?:d'une? |d'|de la |de l'|du |des )$"
"""« les associations gestionnaires d'un centre de formation d'apprentis »: the type after is what the applicant runs."""

EMPLOYED_BY = r"\b(?:recrutee?s?|embauchee?s?|engagee?s?)\b[^.;:]{0,60}?\bpar (?:une?|des|l'|la|le|les)\s*$"
"""« salariés recrutés en CDI par une entreprise industrielle »: the type after « par » employs the applicant."""

MEMBER_OF = r"\b(?:membres?|employeurs?) (?:de la |de l'|du |des |d'une? |d')$"
"""« une commune membre de la métropole », « l'employeur de l'apprenti »: the type after is the group the applicant
belongs to, or the person it employs, not an applicant."""

OWN_THING = r"\bpour (?:leurs?|ses|son|sa) $"
"""« les départements pour leurs collèges »: what follows a possessive is what the applicant owns, not an applicant."""

PREMISES = (r"(?:batiments?|locaux|ateliers?|logements?|terrains?|parcelles?|immobilier|bureaux|entrepots?|hotels?"
            r"|pepinieres?|villages?|surfaces?|lots?|cellules?|halles?|hangars?)")
USER_OF_PREMISES = (
    rf"\b{PREMISES}\b[^.;:,]{{0,50}}?\b(?:destine|reserve|dedie|loue|affecte|mis a (?:la )?disposition|propose)e?s?"
    r" (?:a la location |en location |a l'usage )?(?:a|aux|au|pour|de|d')\s*(?:des |les |une? |la |le |l'|de |d')?$"
    rf"|\b{PREMISES}\b[^.;:,]{{0,50}}?\b(?:a la location|en location|a louer|pour (?:accueillir|l'accueil|l'installation"
    r"|l'implantation))(?: (?:pour|d'|de|des|aux|a))?\s*(?:des |les |une? |la |le |l'|de |d')?$"
    r"|\b(?:logements?|residences?|chambres?|hebergements?|foyers?)\b[^.;:,]{0,40}?\bpour (?:les |des |de |d')?(?:jeunes )?$"
)
"""« la réhabilitation de bâtiments industriels destinés à la location pour des PME », « des ateliers relais loués à des
entreprises artisanales », « des logements pour les apprentis »: a type right after premises made for it is their
future occupant, not an applicant."""

ASSOCIATED_TO = r"\bassociee?s? (?:[\w']+ ){0,3}?a (?:des |un |une |d'autres )?$"
"""A type right after « associées (le cas échéant) à des » is a partner of the applicants, not one of them."""

TEXT_LABELS: dict[B, str] = {
    # French label of each beneficiary, as a spider puts it in RawItem.beneficiary_labels (LABEL_RULES reads it back).
    B.COMMUNE: "Communes", B.EPCI: "EPCI", B.DEPARTEMENT: "Département", B.REGION: "Région",
    B.SYNDICAT_MIXTE: "Syndicat mixte", B.PETR: "PETR", B.ENTREPRISE: "Entreprise", B.TPE: "TPE", B.PME: "PME",
    B.ETI: "ETI", B.GE: "Grande entreprise", B.ASSOCIATION: "Association",
    B.ETABLISSEMENT_PUBLIC: "Établissement public", B.CHAMBRE_CONSULAIRE: "Chambre consulaire", B.SEM: "SEM",
    B.ETABLISSEMENT_ENSEIGNEMENT: "Établissement d'enseignement", B.RECHERCHE: "Organisme de recherche",
    B.PARTICULIER: "Particulier", B.AGRICULTEUR: "Exploitant agricole",
}
