"""Synthetic calls and fiches-actions for the benchmarks: every text unique, of realistic length.

Each call is composed of sentences drawn (shuffled, without repeat) from templates in the phrasing of French
funding calls, their slots filled from vocabularies (themes that the shipped profiles and synonyms know, and
themes they do not), so that no two texts are equal and the text analysis, cached by content, has every text to
analyse. Calls are 230 to 420 words, fiches 70 to 170. Seeded: the same arguments give the same texts.
"""

from __future__ import annotations

import random
from datetime import date

from models.records import FicheActionData, OpportunityData, PorteurData

THEMES = [
    "chaufferie bois", "réseau de chaleur", "récupération de chaleur fatale", "chaleur renouvelable", "biomasse",
    "plaquettes forestières", "géothermie", "solaire thermique", "décarbonation des procédés industriels",
    "efficacité énergétique", "électrification des fours", "sobriété énergétique", "économie circulaire",
    "écologie industrielle et territoriale", "robotisation des ateliers", "modernisation de l'outil de production",
    "transformation numérique des PME", "industrialisation de prototypes", "relocalisation de productions",
    "investissement productif", "industrie du futur", "recherche et développement", "extension de site",
    "recyclage foncier", "friche industrielle", "dépollution de sites délaissés", "requalification de zone d'activités",
    "ateliers relais", "sobriété foncière", "formation professionnelle", "apprentissage", "attractivité des métiers",
    "montée en compétences des salariés", "recrutement de techniciens", "insertion professionnelle",
    "valorisation des déchets", "méthanisation", "hydrogène renouvelable", "mobilité des salariés", "tiers-lieu",
    "matériaux biosourcés", "filière bois construction", "eau industrielle", "biodiversité des sites", "cybersécurité",
    "intelligence artificielle", "tourisme de découverte économique", "commerce de centre-bourg", "santé au travail",
    "logement des apprentis", "agroalimentaire", "rénovation des bâtiments publics", "photovoltaïque en toiture",
]
BENEFICIARIES = [
    "les PME", "les ETI", "les TPE industrielles", "les collectivités territoriales", "les EPCI", "les associations",
    "les syndicats mixtes", "les établissements publics", "les jeunes entreprises innovantes", "les communes rurales",
    "les groupements d'entreprises", "les chambres consulaires", "les sociétés d'économie mixte", "les laboratoires",
]
PLACES = [
    "en Occitanie", "dans le Gers", "en Nouvelle-Aquitaine", "sur tout le territoire national", "en zone rurale",
    "dans les Territoires d'industrie", "dans les quartiers prioritaires", "en Île-de-France", "en montagne",
    "dans les villes moyennes", "dans le massif des Pyrénées", "sur le littoral",
]
EXPENSES = [
    "les études de faisabilité", "les travaux", "l'acquisition d'équipements", "l'ingénierie de projet",
    "les dépenses de personnel", "les prestations de conseil", "l'investissement immobilier", "les frais de formation",
    "les essais en conditions réelles", "le dépôt de brevets", "l'animation du réseau", "les audits énergétiques",
]
FUNDERS = ["l'ADEME", "Bpifrance", "la Région", "l'État", "la Banque des Territoires", "le FEDER", "l'Agence de l'eau",
           "le Département", "la Caisse des dépôts", "l'Europe"]
VERBS = ["soutenir", "accompagner", "financer", "encourager", "favoriser", "accélérer", "amplifier", "structurer"]
CRITERIA = ["l'impact environnemental", "le nombre d'emplois créés", "la maturité du projet", "l'ancrage territorial",
            "la solidité du plan de financement", "le caractère innovant", "la coopération entre acteurs",
            "la reproductibilité", "la gouvernance", "les gains d'énergie attendus"]
QUALITIES = ["ambitieux", "structurants", "exemplaires", "innovants", "collectifs", "reproductibles", "durables"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "septembre", "octobre", "novembre"]
TOWNS = ["Auch", "Condom", "Fleurance", "Lectoure", "Mauvezin", "L'Isle-Jourdain", "Eauze", "Nogaro", "Mirande",
         "Vic-Fezensac", "Gimont", "Samatan", "Lombez", "Marciac", "Riscle", "Saint-Clar", "Montréal", "Valence"]
CALL_SENTENCES = [
    "Cet appel à projets vise à {verb} {theme} portés par {who} {place}.",
    "Le dispositif, doté de {money} par {funder}, finance des projets {quality} de {theme}.",
    "Sont éligibles {who} et {who2} dont le projet porte sur {theme}.",
    "Les dépenses retenues comprennent {expense}, {expense2} et {expense3}.",
    "L'aide prend la forme d'une subvention de {rate} % des dépenses éligibles, plafonnée à {money}.",
    "Les dossiers complets doivent être déposés avant le {day} {month} {year} sur la plateforme de {funder}.",
    "Le comité de sélection examinera {criterion} et {criterion2} de chaque candidature.",
    "Une attention particulière sera portée aux projets {quality} qui associent {theme} et {theme2}.",
    "Les projets doivent être réalisés {place} et démarrer dans les {n} mois suivant la notification.",
    "Un accompagnement technique est proposé par {funder} pour préparer {expense}.",
    "Le montant minimal des dépenses présentées est fixé à {money}.",
    "Les projets relevant de {theme} sont exclus lorsqu'ils bénéficient déjà d'une aide de {funder}.",
    "La sélection se fait en {n} vagues, la prochaine clôturant le {day} {month} {year}.",
    "Les lauréats s'engagent à transmettre un bilan de {theme} au terme de l'opération.",
    "Un même porteur ne peut présenter plus de {n} dossiers au titre de cette session.",
    "Le taux d'aide peut être porté à {rate} % pour {who} situés {place}.",
    "Ce programme contribue aux objectifs de {theme} fixés par la feuille de route régionale.",
    "Les candidats présentent un plan de financement équilibré et les devis relatifs à {expense}.",
    "{funder} peut cofinancer les projets avec {funder2} dans la limite des règles européennes.",
    "Les opérations de {theme} déjà engagées à la date du dépôt ne sont pas éligibles.",
    "Les projets {quality} mobilisant {who} autour de {theme} seront privilégiés.",
    "Une réunion d'information se tiendra le {day} {month} {year} pour présenter les attendus de l'appel.",
    "Le versement intervient en {n} tranches, sur présentation des factures acquittées.",
    "Le dossier décrit {criterion}, le calendrier et les partenaires mobilisés pour {theme}.",
    "Les aides sont attribuées dans le respect du régime cadre exempté relatif à {theme}.",
    "Le jury réunit des représentants de {funder}, de {funder2} et des experts de {theme}.",
    "Les projets portés {place} par {who} bénéficient d'une bonification de {rate} points.",
    "Pour toute question sur {theme}, les chargés de mission de {funder} répondent sous {n} jours.",
]
FICHE_SENTENCES = [
    "Le porteur souhaite {verb} {theme} sur son site de {town}.",
    "Le projet prévoit {expense} et {expense2} pour un budget de {money}.",
    "Environ {n} emplois seront créés ou maintenus à {town} d'ici {year}.",
    "Une première étude a montré l'intérêt de {theme} pour les entreprises du secteur.",
    "Le projet associe {who} du territoire autour de {theme2}.",
    "Le financement recherché porte sur {expense} et représente {rate} % du coût total.",
    "Les travaux pourraient démarrer au printemps {year}, après le dépôt du permis à {town}.",
    "Cette action s'inscrit dans la stratégie de {theme} de la communauté de communes.",
    "Les partenaires pressentis sont {funder} et {funder2}.",
    "L'enjeu principal reste {criterion} du projet.",
    "Le site de {town} dispose d'un foncier de {n} hectares disponible pour {theme}.",
]


def _money(rng: random.Random) -> str:
    return f"{rng.randint(2, 400) * 5_000:,} €".replace(",", " ")


def _fill(template: str, rng: random.Random, theme: str, theme2: str) -> str:
    """One sentence with its slots drawn from the vocabularies."""
    who, who2 = rng.sample(BENEFICIARIES, 2)
    expense, expense2, expense3 = rng.sample(EXPENSES, 3)
    funder, funder2 = rng.sample(FUNDERS, 2)
    criterion, criterion2 = rng.sample(CRITERIA, 2)
    sentence = template.format(
        verb=rng.choice(VERBS), theme=theme, theme2=theme2, who=who, who2=who2, place=rng.choice(PLACES),
        money=_money(rng), funder=funder, funder2=funder2, quality=rng.choice(QUALITIES), expense=expense,
        expense2=expense2, expense3=expense3, rate=rng.randint(10, 80), day=rng.randint(1, 28),
        month=rng.choice(MONTHS), year=rng.randint(2026, 2028), criterion=criterion, criterion2=criterion2,
        n=rng.randint(2, 60), town=rng.choice(TOWNS),
    ).replace(" de le ", " du ")
    return sentence[0].upper() + sentence[1:]


def _text(rng: random.Random, templates: list[str], sentences: int, themes: list[str]) -> str:
    """`sentences` shuffled sentences, each about one of `themes` (mostly the first)."""
    chosen = rng.sample(templates, min(sentences, len(templates)))
    weights = [4] + [1] * (len(themes) - 1)
    return " ".join(_fill(t, rng, *rng.choices(themes, weights, k=2)) for t in chosen)


def _unique(make, count: int, seed: int) -> list:  # noqa: ANN001 - make(rng, n) -> (key, value)
    """`count` values whose keys (their texts) are all different."""
    rng, seen, values = random.Random(seed), set(), []
    while len(values) < count:
        key, value = make(rng, len(values))
        if key not in seen:
            seen.add(key)
            values.append(value)
    return values


def synthetic_calls(count: int, start: int = 0, seed: int = 1) -> list[OpportunityData]:
    """`count` calls numbered from `start`, each text unique (230 to 420 words)."""

    def make(rng: random.Random, n: int) -> tuple[str, OpportunityData]:
        themes = rng.sample(THEMES, 3)
        description = _text(rng, CALL_SENTENCES, rng.randint(14, 22), themes)
        call = OpportunityData(
            source="bench", source_id=f"c{start + n}", url=f"https://example.org/appels/{start + n}",
            title=f"Appel à projets {rng.choice(QUALITIES)} : {themes[0]} et {themes[1]}",
            summary=_fill(CALL_SENTENCES[0], rng, themes[0], themes[1]), description=description,
            funders=[rng.choice(["ADEME", "Bpifrance", "Région Occitanie", "Banque des Territoires"])],
            instruments=["subvention"], beneficiaries=rng.choice([["epci"], ["pme", "eti"], ["association"], []]),
            geo_codes=rng.choice([["REG-76"], ["DEP-32"], ["REG-75"], []]),
            close_dates=[date(2027, rng.randint(1, 12), rng.randint(1, 28))],
            amount_max=rng.randint(2, 100) * 10_000, rate_max=rng.randint(20, 80),
        )
        return description, call

    return _unique(make, count, seed * 1_000_003 + start)


def synthetic_plan(count: int, porteurs: int = 50, seed: int = 2) -> tuple[list[FicheActionData], list[PorteurData]]:
    """`count` fiches (70 to 170 words, each unique) spread over `porteurs` porteurs of the Gers."""
    holders = [PorteurData(id=f"p{i}", nom=f"Porteur {i}", type="epci" if i % 2 else "entreprise",
                           taille=None if i % 2 else "pme", territoire="gers-lomagne", geo_codes=["DEP-32"])
               for i in range(porteurs)]
    axes = ["innovation", "transition_ecologique", "competences", "foncier", None]

    def make(rng: random.Random, n: int) -> tuple[str, FicheActionData]:
        themes = rng.sample(THEMES, 2)
        description = _text(rng, FICHE_SENTENCES, rng.randint(6, 11), themes)
        fiche = FicheActionData(id=f"f{n}", porteur_id=f"p{n % porteurs}", titre=f"{themes[0].capitalize()} à "
                                f"{rng.choice(TOWNS)}", description=description, axe=axes[n % len(axes)])
        return description, fiche

    return _unique(make, count, seed), holders
