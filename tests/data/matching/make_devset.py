"""Writes the matcher's development set: plan.csv (fiches-actions), calls.csv (dispositif-aide schema), labels.csv.

Every text here was written for Vigie. The fiches speak like porteurs ("nos chutes de bois partent en
benne"), the calls like funders ("valorisation des connexes de scierie"); distractors share words but
not purpose; some calls are ineligible (wrong région, wrong beneficiary, closed). Run it again after an
edit: `python tests/data/matching/make_devset.py`.
"""

from __future__ import annotations

import csv
from pathlib import Path

HERE = Path(__file__).parent
TERRITOIRE = "gers-lomagne"

# porteur id → (nom, type, taille, geo)
PORTEURS = {
    "cc-lomagne": ("Communauté de communes de la Lomagne gersoise", "epci", "", "DEP-32|REG-76"),
    "fleurance": ("Commune de Fleurance", "commune", "", "COM-32132|DEP-32|REG-76"),
    "scop-bois": ("SCOP Bois gascon", "entreprise", "pme", "COM-32208|DEP-32|REG-76"),
    "metallerie": ("Métallerie gasconne", "entreprise", "eti", "COM-32208|DEP-32|REG-76"),
    "conserverie": ("Conserverie du Lectourois", "entreprise", "tpe", "COM-32208|DEP-32|REG-76"),
    "ateliers-solidaires": ("Ateliers solidaires du Gers", "association", "", "COM-32013|DEP-32|REG-76"),
    "cci-gers": ("CCI du Gers", "chambre_consulaire", "", "DEP-32|REG-76"),
    "petr-gascogne": ("PETR Portes de Gascogne", "petr", "", "DEP-32|REG-76"),
}

# fiche id → (porteur, axe, titre, description, mots_cles, besoin)
FICHES = {
    "F01": ("cc-lomagne", "transition_ecologique", "Chauffer la piscine et l'école avec le bois des haies",
            "La vieille chaudière au fioul de la piscine intercommunale et de l'école voisine arrive en fin de vie. "
            "Nous voulons la remplacer par une chaudière à plaquettes alimentée par le bois des haies du territoire, "
            "avec un petit réseau enterré qui desservira les deux bâtiments.", "bois|fioul", "400000"),
    "F02": ("metallerie", "transition_ecologique", "Récupérer la chaleur perdue de nos fours",
            "Nos fours de traitement thermique tournent au gaz jour et nuit et rejettent beaucoup de chaleur par les "
            "cheminées. Nous voulons récupérer cette chaleur pour chauffer les ateliers et réduire notre facture de "
            "gaz et nos émissions.", "fours|gaz", "250000"),
    "F03": ("scop-bois", "transition_ecologique", "Ne plus jeter nos chutes de bois",
            "Aujourd'hui les chutes, les copeaux et la sciure de la menuiserie partent en benne. Nous voulons les "
            "broyer et les compacter en granulés ou les vendre à des voisins plutôt que de payer leur enlèvement.",
            "sciure|copeaux", "120000"),
    "F04": ("fleurance", "transition_ecologique", "Salle des fêtes moins gourmande en énergie",
            "La salle des fêtes est une passoire : simple vitrage, toiture jamais isolée, radiateurs électriques. "
            "La commune veut isoler le bâtiment, changer les menuiseries et installer une pompe à chaleur pour "
            "baisser la facture d'électricité.", "isolation|salle des fêtes", "300000"),
    "F05": ("cci-gers", "transition_ecologique", "Faire travailler ensemble les entreprises de la zone de Lectoure",
            "Les entreprises de la zone d'activités se connaissent peu. Nous voulons les réunir pour repérer ce que "
            "l'une jette et que l'autre pourrait utiliser (palettes, cartons, chaleur), et mettre en commun les "
            "transports et les achats d'énergie.", "entreprises|zone", "60000"),
    "F06": ("metallerie", "transition_ecologique", "Des panneaux solaires sur le toit de l'atelier",
            "Le toit de notre atelier fait 4 000 m². Nous voulons le couvrir de panneaux photovoltaïques pour "
            "produire une partie de l'électricité que consomment nos machines pendant la journée.", "toiture", "500000"),
    "F07": ("metallerie", "innovation", "Robotiser la soudure des châssis",
            "Nos soudeurs partent à la retraite et les postes sont durs physiquement. Nous voulons installer une "
            "cellule robotisée pour souder les châssis en série et former l'équipe à la programmation du robot.",
            "robot|soudure", "800000"),
    "F08": ("scop-bois", "innovation", "Un panneau isolant en fibre de bois fait chez nous",
            "Nous voulons mettre au point un panneau isolant à partir de fibres de bois locales, fabriquer des "
            "prototypes et les faire tester avec un laboratoire avant de lancer une petite série pour les "
            "constructeurs de maisons.", "isolant|prototype", "200000"),
    "F09": ("conserverie", "innovation", "Prendre les commandes autrement qu'au téléphone",
            "Les commandes arrivent par téléphone et sur des bons papier, et nous perdons du temps à tout ressaisir. "
            "Nous voulons un logiciel de gestion des commandes et des stocks, et une boutique en ligne pour vendre "
            "nos conserves aux particuliers.", "commandes|boutique en ligne", "15000"),
    "F10": ("cci-gers", "innovation", "Aider les PME industrielles du Gers à moderniser leurs usines",
            "Beaucoup de petites usines du département tournent avec des machines anciennes et sans outil de suivi. "
            "Nous voulons proposer à un groupe de dix entreprises un passage en revue de leur atelier par un expert "
            "puis un plan d'action pour s'équiper et automatiser.", "usines|modernisation", "80000"),
    "F11": ("cc-lomagne", "innovation", "Un atelier partagé dans l'ancienne gare",
            "L'ancienne gare de marchandises est vide. Nous voulons y installer un atelier partagé avec des machines "
            "à bois, une découpe laser et des imprimantes 3D, ouvert aux artisans, aux indépendants et aux jeunes, "
            "avec un animateur.", "atelier partagé", "350000"),
    "F12": ("ateliers-solidaires", "competences", "Remettre au travail grâce à la menuiserie",
            "Nous accompagnons des personnes éloignées de l'emploi depuis longtemps. Nous voulons ouvrir un atelier "
            "où elles rénovent des meubles et apprennent les gestes de la menuiserie, avec un encadrant technique "
            "et un suivi pour trouver ensuite un emploi.", "menuiserie|emploi", "90000"),
    "F13": ("metallerie", "competences", "Donner envie aux jeunes de devenir soudeur",
            "Nous n'arrivons plus à recruter. Nous voulons accueillir des apprentis soudeurs chaque année, ouvrir "
            "l'usine aux collégiens et à leurs parents, et aller présenter nos métiers dans les forums.",
            "apprentis|soudeur", "40000"),
    "F14": ("cci-gers", "competences", "Savoir quels métiers vont manquer",
            "Avec les entreprises du territoire, nous voulons recenser les métiers qui vont manquer d'ici cinq ans "
            "(départs en retraite, nouvelles machines) et monter ensemble les formations qui permettront d'y "
            "répondre.", "métiers|formations", "70000"),
    "F15": ("cc-lomagne", "competences", "Loger et transporter les jeunes qui viennent travailler",
            "Les jeunes embauchés par nos entreprises ne trouvent pas de logement à louer et beaucoup n'ont pas de "
            "voiture. Nous voulons des chambres meublées pour quelques mois et un service de transport vers les "
            "zones d'activités.", "logement|transport", "250000"),
    "F16": ("cc-lomagne", "competences", "Une crèche aux horaires des usines",
            "Les parents qui travaillent en équipe à l'usine ne trouvent pas de garde tôt le matin ni le soir. Nous "
            "voulons ouvrir une crèche de vingt places avec des horaires élargis, en partenariat avec les "
            "entreprises.", "crèche|garde d'enfants", "600000"),
    "F17": ("cc-lomagne", "foncier", "Redonner vie à l'ancienne coopérative",
            "La coopérative fermée depuis dix ans laisse des hangars vides et un terrain à l'abandon à l'entrée de "
            "la ville. Nous voulons racheter le site, démolir ce qui ne tient plus et découper des lots pour "
            "accueillir des entreprises.", "coopérative|hangars", "1200000"),
    "F18": ("fleurance", "foncier", "Nettoyer le terrain de l'ancien garage",
            "L'ancien garage de l'avenue a laissé des cuves enterrées et de l'huile dans le sol. Avant d'y installer "
            "des artisans, la commune doit faire analyser la terre et la faire nettoyer.", "garage|cuves", "300000"),
    "F19": ("cc-lomagne", "foncier", "Des petits bâtiments à louer aux entreprises qui démarrent",
            "Les créateurs d'entreprise ne trouvent pas de local. Nous voulons construire trois petits bâtiments "
            "avec bureau et atelier, loués à prix modéré le temps que l'entreprise grandisse et parte s'installer "
            "ailleurs.", "locaux|créateurs", "900000"),
    "F20": ("cc-lomagne", "foncier", "Mieux utiliser la zone d'activités existante",
            "Notre zone d'activités a des parcelles mal utilisées, des bâtiments vacants et des voiries abîmées. "
            "Plutôt que de prendre encore des terres agricoles, nous voulons réorganiser et remplir ce qui existe "
            "déjà.", "zone d'activités|terres agricoles", "700000"),
    "F21": ("petr-gascogne", "foncier", "Faire le point sur les terrains pour les entreprises",
            "Nous voulons recenser toutes les zones d'activités du PETR, ce qui reste disponible, ce qui est "
            "occupé ou vacant, et décider ensemble où accueillir les entreprises dans les dix prochaines années.",
            "terrains|recensement", "50000"),
    "F22": ("scop-bois", "innovation", "Agrandir l'usine pour stocker et raboter",
            "Nous sommes à l'étroit : le bois sèche dehors et la raboteuse a trente ans. Nous voulons construire un "
            "hall de stockage et installer une ligne de rabotage moderne pour produire davantage.",
            "hall|raboteuse", "450000"),
}

FR, OCC, GERS = "PAYS-99100", "REG-76", "DEP-32"
OPEN, CLOSED = "2027-06-30", "2026-09-30"
CALLS: list[dict] = []


def call(cid: str, titre: str, promesse: str, description: str, cibles: str, labels: dict[str, int] | None = None,
         geo: str = FR, close: str = OPEN, funder: str = "ADEME", eligibilite: str = "", excl: str = "") -> None:
    """One call of the set, with the grades of the fiches it serves (others get 0)."""
    CALLS.append(dict(id=cid, titre=titre, promesse=promesse, description=description, cibles=cibles,
                      labels=labels or {}, geo=geo, close=close, funder=funder, eligibilite=eligibilite, excl=excl))


# ── chaleur renouvelable, chaleur fatale ──────────────────────────────────────────────────────────
call("fonds-chaleur-biomasse", "Fonds Chaleur : chaufferies biomasse collectives",
     "Produire de la chaleur renouvelable à partir de bois énergie",
     "Le Fonds Chaleur finance les chaufferies biomasse alimentées par des plaquettes forestières ou bocagères qui "
     "remplacent une chaudière fioul ou gaz dans des bâtiments publics, des établissements de santé ou des "
     "entreprises. Les petits réseaux de chaleur associés sont éligibles.",
     "collectivités|entreprises|associations", {"F01": 3, "F02": 1})
call("reseaux-chaleur-occitanie", "Créer ou étendre un réseau de chaleur renouvelable",
     "Des réseaux de chaleur alimentés par les énergies renouvelables en Occitanie",
     "La Région accompagne les collectivités qui créent un réseau de chaleur desservant plusieurs bâtiments publics "
     "à partir de biomasse, de géothermie ou de solaire thermique : études, chaufferie et canalisations.",
     "collectivités|syndicats mixtes", {"F01": 3}, geo=OCC, funder="Région Occitanie")
call("bois-energie-gers", "Bois énergie dans les bâtiments communaux et intercommunaux",
     "Le Département soutient les chaudières bois des collectivités gersoises",
     "Aide à l'investissement pour les chaudières à bois déchiqueté ou à granulés des écoles, gymnases, piscines et "
     "mairies, en priorité lorsque le bois provient des haies et forêts du Gers.",
     "communes|EPCI", {"F01": 3, "F04": 1}, geo=GERS, funder="Département du Gers")
call("chaleur-fatale-industrie", "Récupération de chaleur fatale dans l'industrie",
     "Valoriser la chaleur perdue des procédés industriels",
     "Aide aux études et aux investissements de récupération de chaleur fatale sur les fours, séchoirs, compresseurs "
     "et groupes froids, pour un usage interne (chauffage des locaux, préchauffage) ou une injection dans un réseau.",
     "entreprises", {"F02": 3, "F01": 1})
call("decarbonation-procedes", "Décarbonation des procédés industriels",
     "Efficacité énergétique et électrification des sites industriels",
     "Le dispositif finance les investissements qui réduisent les émissions de gaz à effet de serre des procédés : "
     "fours plus performants, récupération d'énergie, substitution du gaz fossile par l'électricité ou la biomasse.",
     "PME|ETI|grandes entreprises", {"F02": 3, "F06": 1}, funder="Bpifrance")
call("biomasse-industrie", "Chaleur biomasse pour l'industrie et le tertiaire",
     "Remplacer une chaudière gaz par une chaudière biomasse dans un site de production",
     "Soutien aux chaufferies biomasse de forte puissance installées dans des entreprises industrielles, agricoles "
     "ou tertiaires, pour leurs besoins de vapeur ou d'eau chaude.", "entreprises", {"F02": 2, "F03": 1})
call("canicule-personnes-agees", "Plan canicule : protéger les personnes âgées des fortes chaleurs",
     "Prévenir les effets des vagues de chaleur sur la santé",
     "L'Agence régionale de santé soutient les actions de repérage des personnes isolées, les salles rafraîchies et "
     "la sensibilisation aux bons gestes pendant les épisodes de chaleur extrême.",
     "communes|associations", geo=OCC, funder="ARS Occitanie")
call("ilots-fraicheur-ecoles", "Îlots de fraîcheur : végétaliser les cours d'école",
     "Lutter contre la chaleur urbaine dans les écoles",
     "Désimperméabiliser et planter les cours d'école pour créer de l'ombre et rafraîchir les bâtiments scolaires "
     "pendant les fortes chaleurs.", "communes", funder="Agence de l'eau Adour-Garonne")
call("reseaux-chaleur-nouvelle-aquitaine", "Réseaux de chaleur bois en Nouvelle-Aquitaine",
     "Chaufferies biomasse et réseaux de chaleur des collectivités néo-aquitaines",
     "Aide aux collectivités de Nouvelle-Aquitaine qui remplacent le fioul par une chaufferie bois et un réseau de "
     "chaleur desservant leurs équipements publics.", "collectivités", {"F01": 3}, geo="REG-75",
     funder="Région Nouvelle-Aquitaine")
call("fonds-chaleur-session-1", "Fonds Chaleur 2026 : première session",
     "Chaufferies bois et réseaux de chaleur des collectivités",
     "Première session annuelle du Fonds Chaleur pour les chaufferies biomasse et les réseaux de chaleur des "
     "collectivités.", "collectivités", {"F01": 3}, close=CLOSED)
call("geothermie-surface", "Géothermie de surface pour les bâtiments",
     "Chauffer et rafraîchir avec la chaleur du sous-sol",
     "Études et forages de géothermie de surface avec pompe à chaleur pour les bâtiments publics et tertiaires.",
     "collectivités|entreprises", {"F01": 1, "F04": 2})

# ── énergie des bâtiments publics ─────────────────────────────────────────────────────────────────
call("renovation-batiments-publics", "Rénovation énergétique des bâtiments publics locaux",
     "Réduire la consommation d'énergie des bâtiments des collectivités",
     "La dotation soutient l'isolation des murs et toitures, le remplacement des menuiseries et des systèmes de "
     "chauffage des mairies, écoles, salles polyvalentes et équipements sportifs communaux.",
     "communes|EPCI", {"F04": 3, "F01": 1}, funder="Préfecture du Gers")
call("fonds-vert-renovation", "Fonds vert : rénovation énergétique des bâtiments publics",
     "Des bâtiments publics sobres en énergie",
     "Le Fonds vert accompagne les collectivités dans des rénovations permettant au moins 40 % d'économie "
     "d'énergie : isolation thermique, ventilation, pompe à chaleur, suppression du chauffage électrique ancien.",
     "collectivités", {"F04": 3, "F01": 1}, funder="Ministère de la transition écologique")
call("actee-batiments", "Programme ACTEE : économiser l'énergie dans le patrimoine communal",
     "Audits et maîtrise d'œuvre pour la rénovation des bâtiments des collectivités",
     "Le programme finance les audits énergétiques, les économes de flux et les études de maîtrise d'œuvre des "
     "collectivités qui engagent la rénovation de leurs bâtiments.", "collectivités", {"F04": 2},
     funder="FNCCR")
call("salles-spectacle", "Programmation culturelle dans les salles de spectacle",
     "Soutenir les fêtes et spectacles vivants en milieu rural",
     "Aide à la programmation de concerts, de théâtre et de fêtes de village dans les salles des fêtes et salles de "
     "spectacle des petites communes.", "communes|associations", geo=OCC, funder="DRAC Occitanie")
call("renovation-logements-particuliers", "Rénovation énergétique des logements",
     "Isoler sa maison et changer son chauffage",
     "Aide aux propriétaires occupants pour l'isolation, le remplacement des fenêtres et l'installation d'une pompe "
     "à chaleur dans leur résidence principale.", "particuliers", {"F04": 1}, funder="Anah")
call("patrimoine-eglises", "Restauration du patrimoine communal protégé",
     "Églises, lavoirs et monuments des communes",
     "Travaux de restauration des monuments et bâtiments communaux présentant un intérêt patrimonial : toitures, "
     "charpentes, menuiseries anciennes.", "communes", geo=OCC, funder="DRAC Occitanie")

# ── économie circulaire, bois ─────────────────────────────────────────────────────────────────────
call("economie-circulaire-entreprises", "Économie circulaire : valoriser les déchets des entreprises",
     "Réduire, réemployer et valoriser les déchets de production",
     "Aide aux entreprises qui réduisent leurs déchets de production ou les transforment en matière première : "
     "équipements de tri, de broyage et de compactage, études de débouchés pour les coproduits.",
     "entreprises", {"F03": 3, "F05": 1})
call("connexes-scierie", "Valorisation des connexes de scierie et des produits bois",
     "Sciures, copeaux et chutes de bois deviennent des ressources",
     "La Région soutient les entreprises de la première et de la seconde transformation du bois qui valorisent leurs "
     "connexes (sciures, copeaux, chutes) en granulés, en panneaux ou en combustible.",
     "PME|ETI", {"F03": 3, "F22": 1}, geo=OCC, funder="Région Occitanie")
call("filiere-foret-bois", "Modernisation des entreprises de la filière forêt-bois",
     "Investir dans les scieries et menuiseries industrielles",
     "Aide aux investissements matériels des entreprises de la filière bois : lignes de sciage, de rabotage, de "
     "séchage et de valorisation des produits connexes.", "PME", {"F22": 3, "F03": 2, "F08": 1}, geo=OCC,
     funder="Région Occitanie")
call("reboisement-incendies", "Reboiser les forêts après incendie",
     "Replanter des essences adaptées au climat",
     "Aide aux propriétaires forestiers pour le nettoyage des parcelles brûlées et la plantation de jeunes arbres.",
     "particuliers|agriculteurs", funder="Ministère de l'agriculture")
call("tarification-incitative", "Collecte des déchets ménagers : tarification incitative",
     "Réduire les ordures ménagères des habitants",
     "Études et équipements pour passer à une redevance incitative et développer le tri des déchets ménagers.",
     "collectivités")
call("fonds-reemploi", "Fonds réemploi et réparation",
     "Donner une seconde vie aux objets",
     "Le fonds finance les ressourceries, les ateliers de réparation et de rénovation de meubles et les structures "
     "de réemploi, souvent portées par des structures d'insertion.", "associations|entreprises",
     {"F12": 2, "F03": 1})

# ── écologie industrielle et territoriale ─────────────────────────────────────────────────────────
call("eit-animation", "Écologie industrielle et territoriale : animer une démarche",
     "Créer des synergies entre les entreprises d'un territoire",
     "L'ADEME finance le poste d'animateur et les études d'une démarche d'écologie industrielle et territoriale : "
     "identification des flux de matières, d'énergie et de déchets échangeables entre entreprises voisines, "
     "mutualisation des services.", "collectivités|chambres consulaires|associations", {"F05": 3})
call("synergies-zones-activites", "Mutualisations entre entreprises d'une zone d'activités",
     "Achats groupés, transports partagés, échanges de matières",
     "La Région soutient les clubs d'entreprises, chambres consulaires et intercommunalités qui organisent la "
     "mutualisation des achats d'énergie, des transports et la valorisation croisée des déchets dans une zone "
     "d'activités.", "chambres consulaires|EPCI|associations", {"F05": 3, "F20": 1}, geo=OCC,
     funder="Région Occitanie")
call("eit-etude-flux", "Étude de faisabilité d'échanges de flux entre entreprises",
     "Vérifier qu'un déchet peut devenir la matière d'un voisin",
     "Financement d'études techniques et économiques de synergies de substitution ou de mutualisation entre deux "
     "entreprises ou plus.", "entreprises|chambres consulaires", {"F05": 2, "F03": 1})
call("mutuelle-communale", "Complémentaire santé communale",
     "Mutualiser une complémentaire santé pour les habitants",
     "Accompagnement des communes qui négocient un contrat collectif de complémentaire santé pour leurs habitants.",
     "communes", geo=OCC, funder="ARS Occitanie")

# ── solaire ───────────────────────────────────────────────────────────────────────────────────────
call("autoconsommation-entreprises", "Photovoltaïque en autoconsommation pour les entreprises",
     "Produire sa propre électricité sur ses bâtiments",
     "Aide aux installations photovoltaïques sur toiture ou ombrière dont l'électricité est consommée sur le site "
     "de l'entreprise : étude, panneaux, onduleurs, raccordement.", "entreprises", {"F06": 3})
call("solaire-toitures-occitanie", "Installations solaires en toiture",
     "Des toits productifs pour les entreprises et les collectivités d'Occitanie",
     "La Région accompagne la pose de centrales photovoltaïques sur les toits des bâtiments d'activité, pour "
     "l'autoconsommation individuelle ou collective.", "PME|ETI|collectivités", {"F06": 3}, geo=OCC,
     funder="Région Occitanie")
call("photovoltaique-agricole", "Photovoltaïque sur bâtiments agricoles",
     "Des panneaux solaires sur les hangars des exploitations",
     "Aide aux exploitants agricoles qui installent des panneaux photovoltaïques sur leurs hangars et stabulations.",
     "agriculteurs", {"F06": 2}, geo=OCC, funder="Chambre d'agriculture d'Occitanie")
call("prevention-soleil", "Prévention solaire chez les jeunes",
     "Se protéger du soleil et des ultraviolets",
     "Actions de sensibilisation des jeunes à l'exposition au soleil : ateliers dans les centres de loisirs, "
     "distribution de chapeaux et de documentation.", "associations", geo=OCC, funder="ARS Occitanie")
call("stockage-flexibilite", "Stockage d'énergie et flexibilité des sites industriels",
     "Piloter la consommation électrique de l'usine",
     "Financement de batteries, de systèmes de pilotage de la consommation et d'effacement pour les sites "
     "industriels qui produisent une partie de leur électricité.", "entreprises", {"F06": 1, "F02": 1})

# ── robotisation, industrie du futur ──────────────────────────────────────────────────────────────
call("industrie-futur-occitanie", "Industrie du futur : investissements de modernisation",
     "Robotique, automatisation et numérique dans les ateliers",
     "La Région finance les investissements des PME et ETI industrielles en robotique, cobotique, machines à "
     "commande numérique et systèmes de suivi de production, ainsi que la formation des opérateurs.",
     "PME|ETI", {"F07": 3, "F10": 1, "F22": 1}, geo=OCC, funder="Région Occitanie")
call("robotisation-pme", "Robotisation et automatisation des entreprises industrielles",
     "Installer des robots pour gagner en compétitivité et soulager les opérateurs",
     "Subvention pour l'achat et l'intégration de robots et cellules automatisées (soudage, palettisation, "
     "usinage), y compris la formation des équipes à leur programmation.", "PME|ETI", {"F07": 3},
     funder="Bpifrance")
call("pret-industrie-futur", "Prêt Industrie du futur",
     "Financer la transformation de l'outil de production",
     "Prêt sans garantie pour les investissements immatériels et matériels de modernisation de l'outil industriel : "
     "robotique, logiciels de production, formation.", "entreprises", {"F07": 2, "F22": 1}, funder="Bpifrance")
call("tms-ergonomie", "Prévention des troubles musculosquelettiques",
     "Des équipements pour soulager les postes pénibles",
     "Aide à l'achat d'équipements réduisant les contraintes physiques (levage, manutention, soudure assistée) "
     "dans les entreprises de moins de 50 salariés.", "TPE|PME", {"F07": 2}, funder="Assurance maladie - risques professionnels")
call("robotique-educative", "Concours de robotique pour les collèges",
     "Faire découvrir la programmation de robots aux élèves",
     "Concours annuel de robotique éducative ouvert aux collèges et lycées : kits, formation des enseignants.",
     "établissements d'enseignement", funder="Rectorat de Toulouse")
call("lignes-bus", "Lignes régulières de transport interurbain",
     "Soutien aux lignes de car",
     "Aide au fonctionnement des lignes régulières de car desservant les communes rurales.",
     "collectivités", geo=OCC, funder="Région Occitanie")

# ── innovation produit, numérique, diagnostics ────────────────────────────────────────────────────
call("aide-innovation", "Aide pour projet d'innovation",
     "Financer la mise au point d'un produit nouveau",
     "Subvention et avance remboursable pour les phases de conception, de prototypage et d'essais d'un produit ou "
     "procédé innovant, y compris les prestations de laboratoires.", "PME", {"F08": 3, "F07": 1}, funder="Bpifrance")
call("materiaux-biosources", "Matériaux biosourcés pour la construction",
     "Développer des isolants et matériaux issus du bois et des fibres végétales",
     "Appel à projets pour le développement et la mise sur le marché de matériaux de construction biosourcés : "
     "isolants en fibre de bois, chanvre ou paille, essais de performance et certification.",
     "entreprises|laboratoires de recherche", {"F08": 3, "F03": 1})
call("rd-collaborative-occitanie", "Projets de recherche et développement collaboratifs",
     "Entreprises et laboratoires innovent ensemble",
     "La Région finance les projets de recherche et développement associant au moins une entreprise et un "
     "laboratoire régional : prototypes, essais, démonstrateurs.", "entreprises|laboratoires de recherche",
     {"F08": 2}, geo=OCC, funder="Région Occitanie")
call("inventaire-geologique", "Inventaire du patrimoine géologique",
     "Recenser les formations rocheuses remarquables",
     "Aide aux études de terrain sur les formations géologiques, affleurements et fossiles, et à leur valorisation "
     "auprès du public.", "associations|collectivités", geo=OCC, funder="DREAL Occitanie")
call("concours-innovation-vague-10", "Concours d'innovation : vague 10",
     "Prototypes et démonstrateurs de produits innovants",
     "Concours pour les projets de développement de produits innovants des PME, du prototype à la pré-série.",
     "PME", {"F08": 2}, close=CLOSED, funder="Bpifrance")
call("pass-numerique-tpe", "Pass numérique TPE",
     "Équiper les petites entreprises de logiciels et d'outils en ligne",
     "La Région prend en charge une partie de l'achat de logiciels de gestion (commandes, stocks, facturation) et "
     "de la création d'un site de vente en ligne pour les TPE.", "TPE|PME", {"F09": 3}, geo=OCC,
     funder="Région Occitanie")
call("transformation-numerique-commerces", "Transformation numérique des commerces et TPE du Gers",
     "Un conseiller pour numériser votre activité",
     "Diagnostic numérique gratuit puis accompagnement à la mise en place d'outils de gestion et de vente en ligne "
     "pour les commerçants, artisans et TPE gersois.", "TPE", {"F09": 3}, geo=GERS, funder="CCI du Gers")
call("vente-en-ligne-artisans", "Vendre en ligne : aide aux artisans et commerçants",
     "Créer sa boutique en ligne",
     "Aide forfaitaire pour la création d'un site marchand ou l'abonnement à une place de marché en ligne.",
     "entreprises", {"F09": 2}, funder="Ministère de l'économie")
call("tres-haut-debit", "Très haut débit : raccorder les zones rurales",
     "Déployer le réseau de fibre optique",
     "Aide aux collectivités pour le déploiement du réseau de fibre optique et le raccordement des zones rurales "
     "mal desservies par internet.", "collectivités", funder="Agence nationale de la cohésion des territoires")
call("cybersecurite-hopitaux", "Cybersécurité des établissements de santé",
     "Protéger les systèmes d'information hospitaliers",
     "Financement d'audits de sécurité informatique et de logiciels de protection pour les hôpitaux.",
     "établissements publics", funder="ARS Occitanie")
call("accompagnement-collectif-industrie", "Accompagnements collectifs vers l'industrie du futur",
     "Des parcours de groupe pour moderniser les PME industrielles",
     "Financement de programmes collectifs portés par les chambres consulaires et réseaux d'entreprises : "
     "diagnostic de chaque usine par un expert, plan d'action de modernisation, ateliers entre dirigeants.",
     "chambres consulaires|associations", {"F10": 3}, geo=OCC, funder="Région Occitanie")
call("diagnostic-industrie-futur", "Diagnostic Industrie du futur",
     "Un expert passe en revue votre usine",
     "Diagnostic de 10 jours réalisé par un consultant dans l'usine d'une PME : organisation, équipements, "
     "automatisation, puis plan d'action chiffré.", "PME|ETI", {"F10": 2, "F07": 1}, funder="Bpifrance")
call("accelerateur-pme", "Accélérateur PME régional",
     "Faire grandir les PME à potentiel",
     "Programme de conseil et de formation des dirigeants de PME sur 18 mois : stratégie, international, "
     "organisation.", "PME", {"F10": 1}, geo=OCC, funder="Bpifrance")

# ── tiers-lieux, ateliers partagés ────────────────────────────────────────────────────────────────
call("fabriques-territoire", "Fabriques de territoire",
     "Des tiers-lieux pour travailler, fabriquer et apprendre",
     "Aide au fonctionnement et à l'équipement de tiers-lieux ouverts à tous : ateliers de fabrication numérique, "
     "machines partagées, espaces de travail, animation.", "associations|collectivités", {"F11": 3},
     funder="Agence nationale de la cohésion des territoires")
call("tiers-lieux-occitanie", "Tiers-lieux en Occitanie",
     "Créer ou aménager un tiers-lieu",
     "La Région finance l'aménagement de bâtiments en tiers-lieux (fablab, atelier partagé, coworking) et les "
     "premières années d'animation.", "collectivités|associations", {"F11": 3}, geo=OCC, funder="Région Occitanie")
call("manufactures-proximite", "Manufactures de proximité",
     "Des ateliers de fabrication partagés au service des artisans",
     "Soutien aux lieux de production partagés qui mettent des machines à disposition des artisans et petites "
     "entreprises.", "entreprises|associations|collectivités", {"F11": 2, "F19": 1},
     funder="Agence nationale de la cohésion des territoires")
call("gares-voyageurs", "Rénovation des bâtiments voyageurs des gares",
     "Des gares accueillantes",
     "Travaux de mise en accessibilité et de rénovation des bâtiments voyageurs des gares.",
     "établissements publics", funder="SNCF Gares & Connexions")
call("impression-3d-medicale", "Impression 3D de dispositifs médicaux",
     "Recherche sur les prothèses imprimées",
     "Appel à projets de recherche sur les dispositifs médicaux fabriqués par impression 3D.",
     "laboratoires de recherche", funder="Agence nationale de la recherche")

# ── insertion, apprentissage, compétences ─────────────────────────────────────────────────────────
call("chantiers-insertion", "Ateliers et chantiers d'insertion",
     "Aide au poste et investissement des structures d'insertion",
     "L'État finance les postes d'insertion et l'encadrement technique des ateliers et chantiers d'insertion qui "
     "accueillent des personnes éloignées de l'emploi, ainsi que leurs équipements.", "associations",
     {"F12": 3}, funder="DDETS du Gers")
call("fonds-departemental-insertion", "Fonds départemental d'insertion",
     "Accompagner vers l'emploi les allocataires du RSA",
     "Le Département soutient les associations qui proposent des activités de travail encadré et un "
     "accompagnement vers l'emploi durable.", "associations", {"F12": 3}, geo=GERS, funder="Département du Gers")
call("formation-demandeurs-emploi", "Former les demandeurs d'emploi aux métiers du bois et du bâtiment",
     "Des parcours qualifiants vers des métiers qui recrutent",
     "La Région achète des formations qualifiantes pour les demandeurs d'emploi : menuiserie, charpente, "
     "maçonnerie.", "établissements d'enseignement|associations", {"F12": 2, "F13": 1}, geo=OCC,
     funder="Région Occitanie")
call("iae-bretagne", "Insertion par l'activité économique en Bretagne",
     "Soutien aux structures d'insertion bretonnes",
     "Aide aux ateliers et chantiers d'insertion de Bretagne pour l'encadrement des salariés en parcours.",
     "associations", {"F12": 3}, geo="REG-53", funder="Région Bretagne")
call("insertion-paysagere", "Insertion paysagère des bâtiments agricoles",
     "Intégrer les hangars dans le paysage",
     "Plantation de haies et choix des couleurs de bardage pour l'insertion paysagère des bâtiments d'élevage.",
     "agriculteurs", geo=OCC, funder="CAUE")
call("aide-embauche-apprentis", "Aide à l'embauche d'apprentis",
     "Recruter un apprenti",
     "Aide forfaitaire pour la première année de chaque contrat d'apprentissage signé par une entreprise.",
     "entreprises", {"F13": 3}, funder="Ministère du travail")
call("attractivite-metiers-industrie", "Attractivité des métiers de l'industrie",
     "Faire découvrir les usines aux jeunes et à leurs familles",
     "Soutien aux visites d'entreprises, journées portes ouvertes, stages de découverte et interventions de "
     "professionnels dans les collèges pour attirer les jeunes vers les métiers industriels.",
     "entreprises|associations|établissements d'enseignement", {"F13": 3, "F14": 1}, geo=OCC,
     funder="Région Occitanie")
call("semaine-industrie", "Semaine de l'industrie : labellisation d'événements",
     "Ouvrir ses portes pendant la semaine nationale",
     "Les entreprises et associations organisent visites d'usines et démonstrations de métiers pour les élèves.",
     "entreprises|associations", {"F13": 2}, funder="Direction générale des entreprises")
call("savoir-nager", "Aisance aquatique : apprendre à nager",
     "L'apprentissage de la natation dès le plus jeune âge",
     "Aide aux communes et clubs qui organisent des stages d'apprentissage de la natation pour les enfants.",
     "communes|associations", funder="Agence nationale du sport")
call("jeunes-agriculteurs", "Dotation jeunes agriculteurs",
     "S'installer en agriculture",
     "Aide à l'installation des jeunes agriculteurs de moins de 40 ans.", "agriculteurs", geo=OCC,
     funder="Région Occitanie")
call("gpec-territoriale", "Gestion prévisionnelle des emplois et des compétences territoriale",
     "Anticiper les besoins en compétences d'un bassin d'emploi",
     "Financement de démarches de GPEC territoriale : diagnostic des métiers en tension, anticipation des départs "
     "en retraite, construction de plans de formation partagés entre entreprises.",
     "chambres consulaires|EPCI|associations", {"F14": 3, "F13": 1}, funder="DREETS Occitanie")
call("edec-regional", "Engagement de développement de l'emploi et des compétences",
     "Une action concertée sur l'emploi et les compétences d'une filière",
     "L'État et la Région cofinancent les études prospectives des métiers et les actions de formation portées par "
     "les branches professionnelles, chambres consulaires et groupements d'employeurs.",
     "chambres consulaires|associations", {"F14": 3}, geo=OCC, funder="DREETS Occitanie")
call("plan-competences-pme", "Plan de développement des compétences des PME",
     "Financer la formation des salariés",
     "Prise en charge des coûts de formation des salariés des entreprises de moins de 50 salariés.",
     "TPE|PME", {"F14": 1, "F13": 1}, funder="OPCO 2i")
call("karst-geologie", "Formations karstiques et hydrogéologie",
     "Recherche sur les formations rocheuses calcaires",
     "Appel à projets de recherche sur la formation des réseaux karstiques et la circulation des eaux souterraines.",
     "laboratoires de recherche", funder="BRGM")
call("diagnostic-emploi-2026", "Diagnostics emploi-compétences 2026",
     "Repérer les métiers en tension",
     "Financement de diagnostics des besoins en compétences des entreprises d'un territoire.",
     "chambres consulaires|EPCI", {"F14": 2}, close=CLOSED, funder="DREETS Occitanie")
call("formation-elus", "Formation des élus locaux",
     "Se former au mandat",
     "Prise en charge des formations des élus municipaux et intercommunaux.", "communes|EPCI",
     funder="Caisse des dépôts")

# ── logement, mobilité, garde d'enfants ───────────────────────────────────────────────────────────
call("logement-jeunes-actifs", "Logement des jeunes actifs et des apprentis",
     "Des logements temporaires pour les jeunes qui travaillent",
     "Aide à la création de résidences et de chambres meublées en location de courte durée pour les apprentis, "
     "saisonniers et jeunes salariés, portées par des collectivités ou des associations.",
     "collectivités|associations", {"F15": 3}, funder="Action Logement")
call("mobilites-rurales-emploi", "Mobilités rurales : se rendre au travail sans voiture",
     "Des solutions de transport vers l'emploi",
     "La Région soutient les intercommunalités qui organisent transport à la demande, covoiturage ou navettes "
     "vers les zones d'activités pour les salariés sans voiture.", "EPCI|communes", {"F15": 3}, geo=OCC,
     funder="Région Occitanie")
call("france-mobilites-rural", "France Mobilités : territoires ruraux",
     "Expérimenter de nouveaux services de mobilité",
     "Appel à manifestation d'intérêt pour des services de mobilité innovants dans les territoires peu denses.",
     "collectivités", {"F15": 2}, funder="Ministère des transports")
call("mobilite-erasmus", "Mobilité internationale des étudiants",
     "Étudier un semestre à l'étranger",
     "Bourses de mobilité pour les étudiants des universités et écoles.", "établissements d'enseignement",
     funder="Agence Erasmus+")
call("chauves-souris", "Des logements pour les chauves-souris",
     "Préserver la biodiversité dans les bâtiments",
     "Aide à la pose de gîtes et à l'aménagement des combles et clochers pour loger les chauves-souris.",
     "communes|associations", geo=OCC, funder="Office français de la biodiversité")
call("creches-petite-enfance", "Création de places en crèche",
     "Plan petite enfance : ouvrir des places d'accueil",
     "Aide à l'investissement pour la création de places en crèche par les collectivités, associations et "
     "entreprises, avec un bonus pour les horaires élargis.", "collectivités|associations|entreprises",
     {"F16": 3}, funder="Caisse d'allocations familiales")
call("garde-horaires-atypiques", "Modes de garde à horaires atypiques",
     "Garder les enfants des parents qui travaillent tôt ou tard",
     "Soutien aux structures d'accueil du jeune enfant ouvertes tôt le matin, le soir ou le week-end pour les "
     "parents salariés en horaires décalés.", "collectivités|associations", {"F16": 3}, geo=OCC,
     funder="Caisse d'allocations familiales")
call("creches-noel", "Crèches de Noël et santons",
     "Valoriser la tradition provençale",
     "Aide aux associations qui exposent des crèches de Noël et santons du patrimoine.", "associations",
     funder="Ministère de la culture")
call("relais-petite-enfance", "Relais petite enfance",
     "Informer les parents sur les modes de garde",
     "Fonctionnement des relais petite enfance qui informent les familles et les assistantes maternelles.",
     "communes|EPCI", {"F16": 1}, funder="Caisse d'allocations familiales")

# ── friches, dépollution, immobilier d'entreprise, foncier ────────────────────────────────────────
call("fonds-vert-friches", "Fonds vert : recyclage des friches",
     "Reconvertir les friches pour éviter l'artificialisation",
     "Le Fonds vert finance l'acquisition, la démolition, la dépollution et l'aménagement de friches industrielles, "
     "commerciales ou agricoles pour y accueillir des activités ou des logements.", "collectivités",
     {"F17": 3, "F18": 3}, funder="Ministère de la transition écologique")
call("friches-occitanie", "Reconquête des friches industrielles",
     "La Région accompagne la reconversion des sites d'activité abandonnés",
     "Aide aux collectivités pour le rachat, la démolition des bâtiments vétustes et la remise en état de sites "
     "d'activité abandonnés avant l'accueil de nouvelles entreprises.", "collectivités|syndicats mixtes",
     {"F17": 3, "F18": 2}, geo=OCC, funder="Région Occitanie")
call("depollution-friches", "Reconversion des friches polluées",
     "Dépolluer les sols pour reconvertir un site",
     "L'ADEME finance les études de pollution des sols et les travaux de dépollution (cuves, hydrocarbures, "
     "terres souillées) des friches reconverties par des collectivités ou des entreprises.",
     "collectivités|entreprises", {"F18": 3, "F17": 2})
call("friches-agricoles", "Remettre en culture les terres en friche",
     "Reconquérir les friches agricoles",
     "Aide au débroussaillage et à la remise en culture des terres agricoles en friche par des agriculteurs ou "
     "des communes.", "agriculteurs|communes", geo=OCC, funder="SAFER Occitanie")
call("friches-grand-est", "Friches industrielles du Grand Est",
     "Reconvertir les sites industriels abandonnés",
     "Aide aux collectivités du Grand Est pour racheter et démolir les bâtiments des sites industriels à "
     "l'abandon.", "collectivités", {"F17": 3}, geo="REG-44", funder="Région Grand Est")
call("inventaire-friches", "Inventaire des friches et du foncier disponible",
     "Recenser les sites à reconvertir",
     "Aide aux collectivités pour inventorier les friches et terrains vacants de leur territoire et qualifier leur "
     "potentiel de reconversion.", "collectivités|PETR", {"F21": 2, "F17": 1}, funder="Cerema")
call("diagnostic-sols-pollues", "Diagnostics de sols pollués",
     "Connaître la pollution avant de construire",
     "Financement des analyses de sols et des diagnostics de pollution préalables à un projet d'aménagement.",
     "collectivités|entreprises", {"F18": 2}, funder="ADEME")
call("air-interieur-ecoles", "Qualité de l'air intérieur dans les écoles",
     "Mesurer la pollution de l'air des salles de classe",
     "Campagnes de mesure de la pollution de l'air intérieur et achat de capteurs de CO2 pour les écoles.",
     "communes", funder="ARS Occitanie")
call("immobilier-entreprises-occitanie", "Immobilier d'entreprise : ateliers relais et hôtels d'entreprises",
     "Des locaux à loyer modéré pour les jeunes entreprises",
     "La Région cofinance la construction par les intercommunalités d'ateliers relais et d'hôtels d'entreprises "
     "loués aux entreprises en création ou en développement.", "EPCI|communes", {"F19": 3}, geo=OCC,
     funder="Région Occitanie")
call("dsil-developpement-economique", "Équipements de développement économique des territoires",
     "Soutenir les investissements économiques des collectivités",
     "La dotation finance les équipements publics favorisant l'activité économique : bâtiments d'accueil "
     "d'entreprises, aménagement et requalification de zones d'activités.", "communes|EPCI",
     {"F19": 2, "F20": 2, "F17": 1}, funder="Préfecture du Gers")
call("pepinieres-incubateurs", "Pépinières et incubateurs d'entreprises",
     "Héberger et accompagner les créateurs",
     "Aide à l'investissement et au fonctionnement des pépinières qui hébergent et accompagnent les créateurs "
     "d'entreprise pendant leurs premières années.", "collectivités|associations", {"F19": 2, "F11": 1},
     funder="Banque des Territoires")
call("residences-artistes", "Résidences d'artistes en atelier",
     "Accueillir des artistes",
     "Aide aux ateliers d'artistes qui accueillent des résidences de création.", "associations",
     funder="DRAC Occitanie")
call("requalification-zae", "Requalification des zones d'activités économiques",
     "Moderniser et densifier les zones d'activités existantes",
     "La Région aide les intercommunalités à requalifier leurs zones d'activités vieillissantes : voiries, "
     "réseaux, découpage des parcelles sous-utilisées, remise sur le marché des bâtiments vacants.",
     "EPCI", {"F20": 3, "F21": 1}, geo=OCC, funder="Région Occitanie")
call("sobriete-fonciere", "Sobriété foncière : vers le zéro artificialisation nette",
     "Limiter la consommation d'espaces naturels et agricoles",
     "Accompagnement des collectivités dans leurs stratégies de sobriété foncière (ZAN) : études de densification, "
     "mobilisation du foncier déjà artificialisé, renaturation.", "collectivités|PETR|syndicats mixtes",
     {"F20": 3, "F21": 2}, funder="Ministère de la transition écologique")
call("densification-foncier-economique", "Optimiser le foncier économique",
     "Densifier les zones d'activités plutôt que s'étendre",
     "Ingénierie et prêts pour densifier le foncier économique : division parcellaire, surélévation, "
     "mutualisation des stationnements.", "collectivités|PETR", {"F20": 2, "F21": 2},
     funder="Banque des Territoires")
call("zones-humides", "Restauration des zones humides",
     "Préserver les milieux humides",
     "Travaux de restauration des zones humides et des mares par les collectivités et associations.",
     "collectivités|associations", funder="Agence de l'eau Adour-Garonne")
call("securite-routiere-voirie", "Sécurité routière sur la voirie communale",
     "Aménager les voiries dangereuses",
     "Aide aux communes pour les ralentisseurs, plateaux et signalisation sur les voiries communales.",
     "communes", geo=GERS, funder="Département du Gers")
call("observatoire-foncier", "Observatoire du foncier économique",
     "Connaître l'offre de terrains pour les entreprises",
     "La Région finance les observatoires et les stratégies foncières économiques des PETR et intercommunalités : "
     "recensement des zones d'activités, taux d'occupation, disponibilités, besoins futurs.",
     "PETR|EPCI", {"F21": 3, "F20": 1}, geo=OCC, funder="Région Occitanie")
call("ingenierie-territoriale", "Ingénierie pour les projets de territoire",
     "Des moyens d'études pour les collectivités rurales",
     "Financement d'études et de chefs de projet pour les collectivités et PETR ruraux.", "collectivités|PETR",
     {"F21": 2}, funder="Agence nationale de la cohésion des territoires")
call("strategie-mer", "Stratégie nationale pour la mer et le littoral",
     "Projets des façades maritimes",
     "Aide aux projets de connaissance et de protection du littoral.", "collectivités|associations",
     funder="Secrétariat d'État à la mer")

# ── investissement productif ──────────────────────────────────────────────────────────────────────
call("investissement-productif-occitanie", "Contrat croissance : investissement productif des PME",
     "Agrandir et moderniser son outil de production",
     "La Région soutient les investissements productifs des PME : construction ou extension de bâtiments de "
     "production et de stockage, achat de machines.", "PME", {"F22": 3, "F07": 1}, geo=OCC,
     funder="Région Occitanie")
call("fonds-territoires-industrie", "Fonds Territoires d'industrie : investissements industriels",
     "Accélérer les projets industriels des Territoires d'industrie",
     "Subvention aux projets d'investissement industriel des PME et ETI situées dans un Territoire d'industrie : "
     "nouvelles lignes de production, extensions de sites, modernisation.", "PME|ETI",
     {"F22": 3, "F07": 2}, funder="Banque des Territoires")
call("pret-developpement", "Prêt de développement territorial",
     "Financer la croissance des entreprises régionales",
     "Prêt à taux bonifié pour les investissements de développement des PME : bâtiments, équipements, besoin en "
     "fonds de roulement.", "entreprises", {"F22": 2}, funder="Bpifrance")
call("carbone-sols", "Stockage de carbone dans les sols agricoles",
     "Rémunérer les pratiques qui stockent du carbone",
     "Aide aux agriculteurs qui plantent des haies et couvrent leurs sols pour stocker du carbone.",
     "agriculteurs", funder="Ministère de l'agriculture")
call("salons-export", "Participer aux salons internationaux",
     "Exposer sur un stand à l'étranger",
     "Prise en charge des frais de stand et de hall d'exposition dans les salons professionnels internationaux.",
     "entreprises", geo=OCC, funder="AD'OCC")

# ── other distractors ─────────────────────────────────────────────────────────────────────────────
call("rencontres-territoires-industrie", "Rencontres nationales des Territoires d'industrie",
     "Un réseau pour échanger entre territoires",
     "Inscription des équipes projet aux rencontres du réseau national : ateliers, visites, échanges.",
     "collectivités", funder="Agence nationale de la cohésion des territoires")
call("maisons-sante", "Maisons de santé pluriprofessionnelles",
     "Un réseau de soins de proximité",
     "Aide à la construction de maisons de santé par les communes pour accueillir médecins et infirmiers.",
     "communes|EPCI", funder="ARS Occitanie")
call("hebergements-touristiques", "Hébergements touristiques de qualité",
     "Moderniser gîtes et campings",
     "Aide à la rénovation des hébergements touristiques marchands.", "entreprises", geo=OCC,
     funder="Région Occitanie")
call("conversion-bio", "Conversion à l'agriculture biologique",
     "Passer en bio",
     "Aide aux exploitations qui convertissent leurs surfaces à l'agriculture biologique.", "agriculteurs",
     funder="Ministère de l'agriculture")
call("renouvellement-reseaux-eau", "Renouvellement des réseaux d'eau potable",
     "Réduire les fuites des réseaux",
     "Aide aux collectivités pour remplacer les canalisations d'eau potable fuyardes.", "collectivités",
     funder="Agence de l'eau Adour-Garonne")
call("festivals", "Soutien aux festivals",
     "Musique et spectacle vivant l'été",
     "Aide aux associations qui organisent des festivals de musique en milieu rural.", "associations", geo=OCC,
     funder="Région Occitanie")
call("equipements-sportifs", "Rénovation des équipements sportifs et des piscines",
     "Des équipements sportifs modernisés",
     "Aide aux collectivités pour la rénovation des gymnases, stades et piscines, y compris leur performance "
     "énergétique.", "communes|EPCI", {"F01": 1, "F04": 1}, funder="Agence nationale du sport")
call("petites-villes-demain", "Petites villes de demain : revitaliser le centre-bourg",
     "Commerces et logements en centre-ville",
     "Ingénierie pour la revitalisation des centres-bourgs : commerces vacants, logements, espaces publics.",
     "communes", funder="Agence nationale de la cohésion des territoires")
call("ponts-communaux", "Surveillance des ponts communaux",
     "Connaître l'état des ouvrages d'art",
     "Programme national de diagnostic des ponts et murs de soutènement des petites communes.", "communes",
     funder="Cerema")
call("atlas-biodiversite", "Atlas de la biodiversité communale",
     "Inventorier la faune et la flore",
     "Aide aux inventaires naturalistes réalisés par les communes et intercommunalités.", "communes|EPCI",
     funder="Office français de la biodiversité")
call("conseillers-numeriques", "Conseillers numériques France Services",
     "Accompagner les habitants dans leurs démarches en ligne",
     "Financement de postes de conseillers numériques pour l'inclusion numérique des habitants.",
     "collectivités|associations", funder="Agence nationale de la cohésion des territoires")
call("fret-ferroviaire", "Fret ferroviaire de proximité",
     "Transporter les marchandises par le rail",
     "Aide aux installations terminales embranchées et aux lignes capillaires de fret.", "entreprises",
     funder="Ministère des transports")
call("methanisation-agricole", "Méthanisation agricole",
     "Produire du biogaz à la ferme",
     "Aide aux unités de méthanisation agricole valorisant la chaleur de cogénération pour sécher le fourrage.",
     "agriculteurs", geo=OCC, funder="ADEME")
call("chaleur-specifique-materiaux", "Propriétés thermiques des matériaux",
     "Recherche fondamentale en thermique",
     "Appel à projets de recherche sur la conduction de la chaleur et la chaleur spécifique des matériaux.",
     "laboratoires de recherche", funder="Agence nationale de la recherche")
call("prix-benevolat", "Prix de l'engagement bénévole",
     "Récompenser la chaleur humaine des bénévoles",
     "Prix annuel pour les associations dont les bénévoles créent du lien et de la chaleur humaine dans les "
     "villages.", "associations", geo=GERS, funder="Département du Gers")
call("cinema-itinerant", "Cinéma itinérant en milieu rural",
     "Des projections dans les villages",
     "Aide aux circuits de cinéma itinérant desservant les salles des fêtes des villages.", "associations|communes",
     geo=OCC, funder="Région Occitanie")


PLAN_COLUMNS = ["territoire", "porteur_id", "porteur_nom", "porteur_type", "porteur_taille", "porteur_siren",
                "porteur_email", "porteur_geo", "fiche_id", "fiche_titre", "fiche_description", "axe", "partenaires",
                "budget_total", "besoin_financement", "debut", "fin", "indicateurs", "mots_cles"]
CALL_COLUMNS = ["id", "titre", "promesse", "description", "eligibilite", "types_aides", "porteurs",
                "programmes_parents", "url_source", "cibles", "eligibilite_geographique",
                "eligibilite_geographique_exclusions", "date_ouverture", "date_cloture", "date_mise_a_jour"]


def plan_rows() -> list[dict[str, str]]:
    """One plan row per fiche."""
    rows = []
    for fid, (pid, axe, titre, description, mots, besoin) in FICHES.items():
        nom, kind, taille, geo = PORTEURS[pid]
        rows.append(dict(territoire=TERRITOIRE, porteur_id=pid, porteur_nom=nom, porteur_type=kind,
                         porteur_taille=taille, porteur_siren="", porteur_email=f"contact@{pid}.example.org",
                         porteur_geo=geo, fiche_id=fid, fiche_titre=titre, fiche_description=description, axe=axe,
                         partenaires="", budget_total="", besoin_financement=besoin, debut="2027-01", fin="2028-12",
                         indicateurs="", mots_cles=mots))
    return rows


def call_rows() -> list[dict[str, str]]:
    """One dispositif-aide row per call."""
    return [dict(id=c["id"], titre=c["titre"], promesse=c["promesse"], description=c["description"],
                 eligibilite=c["eligibilite"], types_aides="subvention",
                 porteurs=f'[{{"nom": "{c["funder"]}", "roles": ["financeur"]}}]', programmes_parents="",
                 url_source=f"https://aides.example.org/dispositifs/{c['id']}", cibles=c["cibles"],
                 eligibilite_geographique=c["geo"], eligibilite_geographique_exclusions=c["excl"],
                 date_ouverture="2026-01-15", date_cloture=c["close"], date_mise_a_jour="2026-10-01T08:00:00.000Z")
            for c in CALLS]


def write(name: str, columns: list[str], rows: list[dict[str, str]]) -> None:
    """A UTF-8 CSV with a header."""
    with (HERE / name).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    """Write plan.csv, calls.csv and labels.csv."""
    ids = [c["id"] for c in CALLS]
    assert len(ids) == len(set(ids)), "identifiants d'appels en double"
    assert all(f in FICHES for c in CALLS for f in c["labels"]), "fiche inconnue dans les notes"
    write("plan.csv", PLAN_COLUMNS, plan_rows())
    write("calls.csv", CALL_COLUMNS, call_rows())
    labels = [dict(fiche_id=f, source_id=c["id"], grade=g) for c in CALLS for f, g in sorted(c["labels"].items())]
    write("labels.csv", ["fiche_id", "source_id", "grade"], labels)
    print(f"{len(FICHES)} fiches, {len(CALLS)} appels, {len(labels)} notes")


if __name__ == "__main__":
    main()
