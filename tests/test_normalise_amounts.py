"""Amounts and rates in free text: the aid's bounds, the project's bounds, the rate."""

from __future__ import annotations

from datetime import date

import pytest

from crawlers.items import RawItem
from crawlers.normalise import normalise_item
from crawlers.normalise.amounts import Amounts, extract_amounts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("d'un montant maximum de 350.000€ par projet", Amounts(amount_max=350_000)),
        ("aide plafonnée à 500 000 € par opération", Amounts(amount_max=500_000)),
        ("jusqu'à 40 % des dépenses éligibles", Amounts(rate_max=40)),
        ("La Région intervient à hauteur de 70% maximum des dépenses", Amounts(rate_max=70)),
        ("dans la limite de 1,5 million d'euros", Amounts(amount_max=1_500_000)),
        ("subvention de 200 k€ maximum", Amounts(amount_max=200_000)),
        ("plafond de 2 M€, taux maximum de 35 %", Amounts(amount_max=2_000_000, rate_max=35)),
        ("aide pouvant atteindre 45 % des dépenses", Amounts(rate_max=45)),
        ("montant minimum de 50 000 € et jusqu'à 300 000 €", Amounts(amount_min=50_000, amount_max=300_000)),
        ("réduire de 20 % les émissions d'ici 2030", Amounts()),
        ("jusqu'à 150 % des dépenses", Amounts()),
        ("", Amounts()),
    ],
    ids=[
        "dotted-thousands", "plafonnee", "jusqu-a-rate", "rate-then-maximum", "million-with-comma", "keur-then-max",
        "amount-and-rate", "peut-atteindre", "floor-and-ceiling", "percentage-without-cue", "impossible-rate", "empty",
    ],
)
def test_amounts_and_rates_are_read_from_cues(text: str, expected: Amounts) -> None:
    assert extract_amounts(text) == expected


def test_the_largest_ceiling_wins() -> None:
    text = "jusqu'à 100 000 € pour une étude, plafonnée à 1 000 000 € pour les travaux"
    assert extract_amounts(text).amount_max == 1_000_000


@pytest.mark.parametrize(
    ("text", "project_min", "project_max"),
    [
        ("Sont retenus les projets de 800 000 € à 4 M€.", 800_000, 4_000_000),
        ("projets industriels d'un montant total compris entre 2 et 10 millions d'euros", 2_000_000, 10_000_000),
        ("Les dépenses éligibles doivent atteindre au moins 75 k€.", 75_000, None),
        ("Dépenses éligibles d'au moins 120 000 € HT", 120_000, None),
        ("L'assiette minimale de l'opération est de 40 000 €", 40_000, None),
        ("assiette éligible minimum : 30 000 €", 30_000, None),
        ("un programme d'investissements supérieur à 1,5 M€", 1_500_000, None),
        ("Investissement minimum : 250 000 €", 250_000, None),
        ("coût total du projet inférieur à 5 M€", None, 5_000_000),
        ("les travaux d'un montant minimum de 80 000 € HT", 80_000, None),
        ("Montant du projet : 100 000 € minimum", 100_000, None),
        ("budget de l'opération de 300 k€ maximum", None, 300_000),
        ("Les opérations d'un coût de plus de 2 M€ sont prioritaires", 2_000_000, None),
        ("Dépenses éligibles minimum 50 000 € et maximum 500 000 €", 50_000, 500_000),
    ],
    ids=[
        "projets-de-a", "compris-entre-millions", "atteindre-au-moins-keur", "dau-moins-ht", "assiette-minimale",
        "assiette-minimum-colon", "programme-superieur", "investissement-minimum", "cout-inferieur",
        "travaux-montant-minimum", "montant-du-projet", "budget-maximum-after", "operations-plus-de",
        "said-once-for-both-bounds",
    ],
)
def test_bounds_of_the_project_budget_are_not_the_aid(text: str, project_min: float, project_max: float) -> None:
    assert extract_amounts(text) == Amounts(project_min=project_min, project_max=project_max)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aide à l'investissement plafonnée à 200 000 €, pour des dépenses éligibles d'au moins 50 000 €.",
         Amounts(amount_max=200_000, project_min=50_000)),
        ("Subvention d'investissement de 20 000 € à 150 000 € ; projets de 100 k€ à 1 M€.",
         Amounts(amount_min=20_000, amount_max=150_000, project_min=100_000, project_max=1_000_000)),
        ("avance remboursable de 50 à 500 k€ pour des programmes d'investissement d'au moins 1 million d'euros",
         Amounts(amount_min=50_000, amount_max=500_000, project_min=1_000_000)),
        ("Pour les projets d'investissement de plus de 300 k€, l'aide peut atteindre 90 000 €.",
         Amounts(amount_max=90_000, project_min=300_000)),
        ("La subvention, qui couvre jusqu'à 40 % des dépenses éligibles, est plafonnée à 60 000 €. "
         "Les dépenses doivent être supérieures à 20 000 €.",
         Amounts(amount_max=60_000, rate_max=40, project_min=20_000)),
        ("Le montant de l'aide est compris entre 5 000 € et 30 000 € pour une assiette d'au moins 10 000 €.",
         Amounts(amount_min=5_000, amount_max=30_000, project_min=10_000)),
        ("prêt de 50 k€ à 5 M€ pour financer des projets de plus de 100 k€",
         Amounts(amount_min=50_000, amount_max=5_000_000, project_min=100_000)),
    ],
    ids=[
        "aid-to-investment-and-expenses", "aid-range-then-project-range", "avance-and-programme",
        "project-clause-then-aid", "rate-base-is-no-subject", "aid-range-and-assiette", "pret-and-projets",
    ],
)
def test_a_text_naming_both_keeps_the_aid_and_the_project_apart(text: str, expected: Amounts) -> None:
    assert extract_amounts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Plus de 3 M€ déjà engagés ; seuls les projets de plus de 1 M€ sont retenus.", Amounts(project_min=1_000_000)),
        ("PME réalisant un chiffre d'affaires jusqu'à 50 M€ : aide plafonnée à 300 k€.", Amounts(amount_max=300_000)),
        ("Une enveloppe de 10 M€ au maximum ; subvention de 40 000 € maximum.", Amounts(amount_max=40_000)),
        ("Le programme soutient des projets jusqu'à 200 k€ ; le bilan annuel ne peut dépasser 43 M€.",
         Amounts(amount_max=200_000)),
    ],
    ids=["unattached-comparison", "turnover-is-no-bound", "envelope-is-no-bound", "balance-sheet-and-projets-jusqu-a"],
)
def test_figures_about_something_else_are_no_bounds(text: str, expected: Amounts) -> None:
    assert extract_amounts(text) == expected


def test_a_crawled_item_keeps_the_project_budget_apart_from_the_aid() -> None:
    item = RawItem(source="demo", position=1, url="https://example.fr/aides/usines/", title="Usines",
                   amount_text="<p>Subvention jusqu'à 250 000 €.</p><p>Projets de 400 000 € à 2 M€.</p>")
    record = normalise_item(item, date(2026, 11, 23))
    assert (record.amount_min, record.amount_max) == (None, 250_000)
    assert (record.project_min, record.project_max) == (400_000, 2_000_000)


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("Taux d'aide maximum : 35 % des dépenses retenues.", 35),
        ("Taux maximal de subvention : 45 %", 45),
        ("Taux d'intervention régional : 25 % du coût HT du programme.", 25),
        ("Funding rate: up to 70% of the eligible costs.", 70),
        ("The maximum EU co-financing rate is 95 % of eligible costs for the LIFE Nature projects.", 95),
    ],
    ids=["label-colon", "label-maximal-de-subvention", "label-regional", "eu-funding-rate", "eu-co-financing-rate"],
)
def test_a_rate_named_by_its_label_is_read(text: str, rate: float) -> None:
    assert extract_amounts(text) == Amounts(rate_max=rate)


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("Aide régionale de 30 % du coût de l'étude.", 30),
        ("Prise en charge de 80 % de la prestation de conseil.", 80),
        ("La Région finance 40 % des dépenses de formation.", 40),
        ("Les travaux sont subventionnés à 25 %.", 25),
        ("L'aide ne peut excéder 60 % de l'assiette éligible.", 60),
        ("Subvention : 20 % des investissements matériels.", 20),
        ("La participation de la Région est de 35 % du total des dépenses.", 35),
    ],
    ids=["aide-de", "prise-en-charge-de", "finance-active", "subventionnes-a", "ne-peut-exceder", "subvention-colon",
         "participation-de-la-region"],
)
def test_a_rate_the_aid_measures_is_read(text: str, rate: float) -> None:
    assert extract_amounts(text) == Amounts(rate_max=rate)


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("Subvention de 20 % des dépenses éligibles, majorée à 30 % en quartier prioritaire.", 30),
        ("Taux d'aide : 25 % pour les ETI, 35 % pour les PME et 45 % pour les TPE.", 45),
        ("La Région intervient à hauteur de 20 %, voire 30 % pour les projets collectifs.", 30),
        ("Le soutien couvre jusqu'à 35 % des surcoûts pour une ETI et 55 % pour une petite entreprise.", 55),
    ],
    ids=["majoree-a", "list-by-size", "voire", "surcouts-then-list"],
)
def test_the_highest_of_the_rates_following_an_aid_rate_is_kept(text: str, rate: float) -> None:
    assert extract_amounts(text).rate_max == rate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jusqu'à 40 % des émissions évitées", Amounts()),
        ("Un maximum de 25 % des lauréats pourront être des grandes entreprises.", Amounts()),
        ("Les projets visent une réduction de 40 % des émissions, portée à 55 % d'ici 2030.", Amounts()),
        ("30 % des emplois sont occupés par des femmes ; aide plafonnée à 50 000 €.", Amounts(amount_max=50_000)),
        ("Subvention de 20 % des dépenses, pour des sites réduisant d'au moins 60 % leurs rejets.",
         Amounts(rate_max=20)),
        ("Une participation du porteur de projet de 30 % minimum est exigée.", Amounts()),
        ("Le taux de recyclage atteint 70 % ; aide aux entreprises dont 60 % du chiffre d'affaires vient de l'export.",
         Amounts()),
    ],
    ids=["emissions-after-cue", "laureats", "reduction-raised", "emplois", "reduction-after-aid-rate",
         "applicants-own-share", "recycling-and-turnover"],
)
def test_a_percentage_of_something_other_than_costs_is_no_aid_rate(text: str, expected: Amounts) -> None:
    assert extract_amounts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aide plafonnée à 150 000 €. Les projets doivent représenter un montant de 300 000 € à 2 M€.",
         Amounts(amount_max=150_000, project_min=300_000, project_max=2_000_000)),
        ("Subvention jusqu'à 80 k€ ; les opérations doivent afficher un montant total compris entre 100 k€ et 500 k€.",
         Amounts(amount_max=80_000, project_min=100_000, project_max=500_000)),
        ("Avance remboursable plafonnée à 1 M€ pour des programmes de 2 M€ à 8 M€ d'investissement.",
         Amounts(amount_max=1_000_000, project_min=2_000_000, project_max=8_000_000)),
        ("Dossiers de 50 000 € à 400 000 € HT de dépenses éligibles ; l'aide atteint au plus 100 000 €.",
         Amounts(amount_max=100_000, project_min=50_000, project_max=400_000)),
    ],
    ids=["projets-doivent-representer", "operations-doivent-afficher", "figure-then-investissement",
         "figure-then-depenses"],
)
def test_a_project_budget_beside_an_aid_ceiling_never_becomes_the_aid(text: str, expected: Amounts) -> None:
    assert extract_amounts(text) == expected


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("Subvention d'investissement couvrant 50 % des dépenses éligibles.", 50),
        ("Aide à l'investissement de 35 % des dépenses retenues.", 35),
        ("Subvention de 20 000 € à 150 000 € par entreprise, couvrant au plus 40 % des dépenses éligibles.", 40),
        ("Le prêt, d'un montant de 50 000 € à 300 000 €, couvrant 60 % du programme d'investissement.", 60),
        ("Taux relevé à 45 % pour les projets situés en zone de revitalisation rurale.", 45),
        ("Taux porté à 60 % pour les communes de moins de 2 000 habitants.", 60),
    ],
    ids=["aid-noun-then-elided-word", "aide-a-l-investissement-de", "couvrant-au-plus", "couvrant-after-amounts",
         "taux-releve-a", "taux-porte-a"],
)
def test_a_rate_the_aid_covers_is_read_whatever_the_words_between(text: str, rate: float) -> None:
    assert extract_amounts(text).rate_max == rate


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("50 % du coût du conseil, plafonné à 25 000 € par entreprise et par an.", 50),
        ("Que finance l'État ?\n70 % du coût de l'audit, dans la limite de 12 000 € par site.", 70),
        ("Montant : 30 % des dépenses éligibles, limité à 200 000 € par projet.", 30),
        ("Financement\n80 % des frais de formation, jusqu'à 5 000 € par salarié.", 80),
    ],
    ids=["rate-then-plafonne", "faq-answer-dans-la-limite", "label-colon-limite-a", "heading-then-jusqu-a"],
)
def test_a_sentence_opening_on_the_rate_its_euro_ceiling_caps_gives_the_rate(text: str, rate: float) -> None:
    assert extract_amounts(text).rate_max == rate


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("L'intensité de l'aide est limitée à 20 % des dépenses pour les ETI et à 30 % pour les PME.", 30),
        ("Taux d'aide de 25 % pour les moyennes entreprises et de 35 % pour les petites.", 35),
        ("Subvention de 30 % des dépenses pour les associations, ou de 50 % pour les communes.", 50),
    ],
    ids=["et-a", "et-de", "ou-de"],
)
def test_a_rate_listed_after_an_aid_rate_with_its_own_preposition_is_kept(text: str, rate: float) -> None:
    assert extract_amounts(text).rate_max == rate


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("Aide régionale de 40 % maximum des dépenses éligibles. Le cumul des aides publiques ne peut dépasser 80 % "
         "du coût de l'opération.", 40),
        ("Subvention de 30 % des dépenses ; le total des aides publiques ne peut excéder 70 % du coût du projet.", 30),
        ("Prise en charge de 50 % des dépenses. Les aides publiques cumulées sont plafonnées à 90 % du coût.", 50),
        ("Aide jusqu'à 35 % des investissements ; financement limité à 80 % des dépenses toutes aides publiques "
         "confondues.", 35),
        ("Aide de 50 % des dépenses, cumulable avec les aides de l'Agence de l'eau dans la limite de 80 %.", 50),
    ],
    ids=["cumul-des-aides-publiques", "total-des-aides-publiques", "aides-publiques-cumulees",
         "toutes-aides-confondues", "cumulable-within-a-cap"],
)
def test_the_cap_on_all_public_aid_together_is_not_the_aid_rate(text: str, rate: float) -> None:
    assert extract_amounts(text).rate_max == rate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Subvention jusqu'à 60 % du coût hors taxe des travaux, plafonnée à 1,5 M€ par Département et par an.",
         Amounts(amount_max=1_500_000, rate_max=60)),
        ("Aide de 40 % du montant hors taxes des travaux, plafonnée à 200 000 € par opération.",
         Amounts(amount_max=200_000, rate_max=40)),
        ("Prise en charge de 50 % des dépenses toutes taxes comprises des travaux, dans la limite de 30 000 €.",
         Amounts(amount_max=30_000, rate_max=50)),
    ],
    ids=["cout-hors-taxe-des-travaux", "montant-hors-taxes-des-travaux", "depenses-ttc-des-travaux"],
)
def test_the_base_of_a_rate_written_with_its_taxes_is_not_the_subject_of_the_ceiling(
    text: str, expected: Amounts,
) -> None:
    assert extract_amounts(text) == expected


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("La Région accorde une subvention d'équipement d'au plus 45 % du coût retenu.", 45),
        ("Une subvention de fonctionnement de maximum 60 % des frais engagés.", 60),
        ("Le soutien, versé sous forme de prêts et de subventions, représente au plus 25 % des investissements.", 25),
        ("La participation régionale s'élève à 35 % des dépenses de l'étude.", 35),
        ("L'aide de l'État atteint 55 % du coût du diagnostic.", 55),
    ],
    ids=["d-au-plus", "de-maximum", "represente-after-a-comma", "s-eleve-a", "atteint"],
)
def test_a_rate_the_aid_measures_through_a_verb_or_an_upper_bound_is_read(text: str, rate: float) -> None:
    assert extract_amounts(text).rate_max == rate


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("The programme covers 75 % of the eligible costs of each action.", 75),
        ("The grant covers up to 65 % of the relevant costs.", 65),
        ("The Union will reimburse 80 % of the eligible expenditure.", 80),
    ],
    ids=["covers", "covers-up-to-relevant-costs", "will-reimburse"],
)
def test_an_english_rate_the_funder_covers_is_read(text: str, rate: float) -> None:
    assert extract_amounts(text).rate_max == rate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Intervention : 20 % à 40 % des dépenses retenues selon la taille de l'entreprise.", Amounts(rate_max=40)),
        ("Montant : 35 % des investissements matériels, soit une aide de 1 000 € à 15 000 €.",
         Amounts(amount_min=1_000, amount_max=15_000, rate_max=35)),
        ("Montant de l'aide : 45 % des frais de l'étude.", Amounts(rate_max=45)),
        ("Les sites visent une baisse de 30 % à 50 % de leurs rejets.", Amounts()),
        ("Les sites réduisent de 20 % à 40 % leurs consommations.", Amounts()),
    ],
    ids=["range-of-percentages-of-costs", "montant-label-then-aid-range", "montant-de-l-aide-label",
         "range-of-percentages-of-emissions", "range-of-percentages-of-nothing"],
)
def test_a_range_of_percentages_or_an_amount_label_gives_the_rate_of_costs(text: str, expected: Amounts) -> None:
    assert extract_amounts(text) == expected


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("Subvention de 30 % des dépenses éligibles. Les frais de communication sont retenus dans la limite de "
         "45 % de l'assiette.", 30),
        ("Aide jusqu'à 40 % des investissements.\nLes coûts salariaux peuvent être pris en compte dans la limite "
         "de 70 % du total des dépenses.", 40),
        ("Les dépenses retenues sont subventionnées à hauteur de 60 %.", 60),
    ],
    ids=["frais-retenus-share-of-base", "couts-pris-en-compte", "retained-costs-subsidised"],
)
def test_a_share_of_the_base_granted_to_one_kind_of_expense_is_no_aid_rate(text: str, rate: float) -> None:
    assert extract_amounts(text).rate_max == rate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Diagnostic : 80 % du coût HT, dans la limite de 20 000 €.\nInvestissements : 30 % du coût HT, dans la "
         "limite de 400 000 € par opération.", Amounts(amount_max=400_000, rate_max=80)),
        ("Pour les travaux : 35 % du coût HT, plafonné à 250 000 €.", Amounts(amount_max=250_000, rate_max=35)),
        ("Le Département prend en charge 30 % au plus du montant des travaux (500 000 € maximum par chantier).",
         Amounts(amount_max=500_000, rate_max=30)),
        ("Travaux : subvention de 40 %, pour des dépenses d'au moins 50 000 €.",
         Amounts(rate_max=40, project_min=50_000)),
    ],
    ids=["ceilings-per-part-keep-the-higher", "part-then-rate-then-ceiling", "au-plus-du-cout-des-travaux",
         "project-noun-after-the-rate-still-decides"],
)
def test_a_ceiling_that_follows_a_rate_caps_the_aid_not_the_project(text: str, expected: Amounts) -> None:
    assert extract_amounts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les opérations dont le coût est inférieur à 5 000 € HT ne sont pas éligibles.", Amounts(project_min=5_000)),
        ("Les projets de moins de 20 000 € de dépenses sont exclus.", Amounts(project_min=20_000)),
        ("Les dossiers dont le budget est supérieur à 2 M€ ne seront pas retenus.", Amounts(project_max=2_000_000)),
        ("Seuls les projets dont les dépenses dépassent 1 M€ sont éligibles.", Amounts(project_min=1_000_000)),
    ],
    ids=["inferieur-ne-sont-pas-eligibles", "moins-de-exclus", "superieur-ne-seront-pas-retenus", "depassent"],
)
def test_a_comparison_the_sentence_excludes_bounds_the_other_side(text: str, expected: Amounts) -> None:
    assert extract_amounts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aide plafonnée à 400 000 € par entreprise.\nLe programme déposé atteint au moins 150 000 €.",
         Amounts(amount_max=400_000, project_min=150_000)),
        ("Prêt de 100 000 € à 900 000 €, dans la limite de 50 % des investissements matériels, qui doivent atteindre "
         "au moins 250 000 €.", Amounts(amount_min=100_000, amount_max=900_000, rate_max=50, project_min=250_000)),
        ("Aide plafonnée à 90 000 € par site, dans la limite de 40 % d'un budget prévisionnel d'au moins 30 000 €.",
         Amounts(amount_max=90_000, rate_max=40, project_min=30_000)),
    ],
    ids=["programme-atteint-au-moins", "relative-clause-qui-doit-atteindre", "rate-base-the-floor-hangs-on"],
)
def test_a_floor_hanging_on_the_programme_or_the_budget_is_the_project(text: str, expected: Amounts) -> None:
    assert extract_amounts(text) == expected


def test_a_raised_ceiling_is_the_aid_ceiling() -> None:
    text = "Prime de 200 € par appareil, majorée à 350 € par appareil pour les ménages modestes."
    assert extract_amounts(text) == Amounts(amount_max=350)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Actions must have total eligible costs between EUR 1 000 000 and EUR 8 000 000.",
         Amounts(project_min=1_000_000, project_max=8_000_000)),
        ("Grants from EUR 200 000 to EUR 750 000 per action.", Amounts(amount_min=200_000, amount_max=750_000)),
        ("The EU contribution can go up to EUR 2.5 million.", Amounts(amount_max=2_500_000)),
        ("Each action receives at least EUR 50,000 of EU contribution.", Amounts(amount_min=50_000)),
        ("Companies with an annual turnover not exceeding EUR 40 million may apply.", Amounts()),
    ],
    ids=["costs-between-eur", "grants-from-to", "up-to-eur-millions", "at-least-comma-thousands",
         "turnover-is-no-bound"],
)
def test_english_figures_in_eur_are_read(text: str, expected: Amounts) -> None:
    assert extract_amounts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les dossiers dont le budget est inférieur à 8 000 € HT ne seront pas examinés.", Amounts(project_min=8_000)),
        ("Les opérations de moins de 12 000 € de dépenses ne sont pas instruites.", Amounts(project_min=12_000)),
        ("Les projets dont les coûts sont inférieurs à 30 k€ ne sont pas pris en compte.", Amounts(project_min=30_000)),
        ("Les programmes d'investissement inférieurs à 5 000 € ne sont pas étudiés.", Amounts(project_min=5_000)),
    ],
    ids=["ne-seront-pas-examines", "ne-sont-pas-instruites", "ne-sont-pas-pris-en-compte", "ne-sont-pas-etudies"],
)
def test_a_comparison_the_sentence_refuses_to_examine_bounds_the_other_side(text: str, expected: Amounts) -> None:
    assert extract_amounts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le Département finance jusqu'à 40 % du coût hors taxes des acquisitions et des investissements, avec un "
         "plafond de 250 000 € par site.", Amounts(amount_max=250_000, rate_max=40)),
        ("Aide de 30 % au plus du budget de l'action (études et travaux), plafonnée à 45 000 € par an.",
         Amounts(amount_max=45_000, rate_max=30)),
        ("Subvention de 50 % des dépenses, pour des projets d'au moins 80 000 €.",
         Amounts(rate_max=50, project_min=80_000)),
    ],
    ids=["long-rate-base-then-plafond", "rate-base-with-parenthesis", "project-hanging-after-a-comma-still-decides"],
)
def test_the_whole_base_of_a_rate_up_to_a_comma_is_not_the_subject_of_the_ceiling(
    text: str, expected: Amounts,
) -> None:
    assert extract_amounts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le coût éligible doit se situer entre 20 000 € HT et 250 000 € HT.",
         Amounts(project_min=20_000, project_max=250_000)),
        ("Une dépense retenue de 5 000 € TTC à 60 000 € TTC par dossier.",
         Amounts(project_min=5_000, project_max=60_000)),
    ],
    ids=["entre-ht-et-ht", "de-ttc-a-ttc"],
)
def test_a_range_with_taxes_after_each_end_is_read(text: str, expected: Amounts) -> None:
    assert extract_amounts(text) == expected


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("Aide régionale (fonds européens compris) de 40 % des investissements, portée à 60 % en zone de "
         "montagne.", 60),
        ("Subvention (État) de 35 % du coût de l'étude.", 35),
    ],
    ids=["parenthesis-then-raised-rate", "one-word-parenthesis"],
)
def test_a_rate_the_aid_measures_after_a_parenthesis_is_read(text: str, rate: float) -> None:
    assert extract_amounts(text).rate_max == rate


def test_a_euro_ceiling_after_a_rate_and_ni() -> None:
    assert extract_amounts("L'aide ne peut excéder 50 % des dépenses éligibles ni 400 000 €.").amount_max == 400000


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Montant maximal : 120 000 €.", Amounts(amount_max=120_000)),
        ("Plafond de la subvention : 75 000 € HT.", Amounts(amount_max=75_000)),
        ("Aide minimale : 5 000 €. Aide maximale : 40 000 €.", Amounts(amount_min=5_000, amount_max=40_000)),
        ("Seuil de dépenses éligibles : 80 000 € HT.", Amounts(project_min=80_000)),
        ("Investissement minimal : 25 000 €.", Amounts(project_min=25_000)),
        ("Budget maximal du projet : 2 M€.", Amounts(project_max=2_000_000)),
        ("Chiffre d'affaires maximal : 50 M€.", Amounts()),
    ],
    ids=["amount-label", "ceiling-label", "aid-floor-and-ceiling-labels", "expense-floor-label",
         "investment-floor-label", "budget-ceiling-label", "turnover-label"],
)
def test_a_bound_written_as_a_label_is_read(text: str, expected: Amounts) -> None:
    assert extract_amounts(text) == expected


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("Subvention de 25 % des dépenses ; le taux est de 35 % pour les projets en zone rurale.", 35),
        ("60 % du coût du diagnostic pour les TPE, 50 % pour les PME et 40 % pour les ETI, l'aide étant plafonnée "
         "dans tous les cas à 20 000 €.", 60),
        ("L'aide est plafonnée à 500 000 € et à 45 % des dépenses éligibles.", 45),
        ("Le taux de recyclage est de 70 % en fin de projet.", None),
    ],
    ids=["the-rate-raised-in-the-next-clause", "opening-rate-with-a-far-ceiling", "euro-ceiling-then-rate",
         "a-rate-of-something-else"],
)
def test_rates_stated_around_another_bound_are_read(text: str, rate: float | None) -> None:
    assert extract_amounts(text).rate_max == rate


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("Subvention de 20 % des dépenses. Ce taux est porté à 30 % pour les sites classés.", 30),
        ("Prêt de 20 000 € à 200 000 €, représentant au plus 60 % du programme.", 60),
        ("Montant\n40 % des études et 20 % des travaux.\nCritères", 40),
        ("Montant\n40 % des entreprises du secteur exportent.", None),
    ],
    ids=["this-rate-raised", "loan-standing-for-a-share", "line-opening-on-shares-of-costs", "share-of-firms"],
)
def test_rates_said_of_the_aid_in_other_words(text: str, rate: float | None) -> None:
    assert extract_amounts(text).rate_max == rate
