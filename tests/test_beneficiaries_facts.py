"""Who may apply: 102 dispositif-aide rows written by hand (tests/data/facts/beneficiaries.csv) against the crawl.

Each row (cibles + eligibilite + description) goes through the path a crawl takes for a dispositif-aide
row (map_dispositif_row → normalise_item) and its beneficiaries are judged as the matcher judges them:
for every porteur type (and every company size, unknown size included), the criterion's verdict on the
extracted beneficiaries must equal its verdict on the expected ones (`inconnu` ⇔ no beneficiaries).
Vigie stores "PME" as open to TPE too, so the expected `entreprise:pme` alone reads as a PME call.

Score: 30/80 cases and 884/1360 porteur verdicts when only the labels counted (before the text was read for
applicants, narrowing, exclusions, sizes and groups); 80/80 and 1360/1360 after. Rows 81–102 (PETR, syndicats,
SEMOP, consular chambers, schools and research bodies; headcount thresholds; exclusions of a group that keep its
type; negative sentences, lists, eligibility over description) stood at 80/102 and 1557/1734; 102/102 and 1734/1734.
Rows 39 and 45–48 read « leurs groupements » as the EPCI, as five blind writers did (README).
Rows 103–106 (types applicants act for or with: « pour le compte de », « en partenariat avec », « auprès de »,
« avec l'appui de ») are no applicants; rows 107–111: places (« situées dans les départements »), a kind of EPCI
excluded, a cued sentence that names only a place, consortium members, participants « sans être bénéficiaires ».
"""

from __future__ import annotations

import csv
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from crawlers.normalise import normalise_item
from crawlers.spiders.dispositif_aide_csv import map_dispositif_row
from matcher.eligibility import beneficiary_criterion
from models.records import OpportunityData, PorteurData
from models.vocab import Beneficiary as B
from models.vocab import PorteurType, Taille

FACTS = Path(__file__).parent / "data" / "facts" / "beneficiaries.csv"
AS_OF = date(2026, 11, 23)
PORTEURS = [
    *(PorteurData(id=t.value, nom=t.value, type=t, territoire="t") for t in PorteurType if t != PorteurType.ENTREPRISE),
    *(PorteurData(id=f"e-{s}", nom="entreprise", type=PorteurType.ENTREPRISE, taille=s, territoire="t")
      for s in (*Taille, None)),
]
NOT_PORTEURS = {B.PARTICULIER, B.AGRICULTEUR}
"""Applicants no porteur can be: compared as they are."""


@cache
def facts() -> dict[str, dict[str, str]]:
    with FACTS.open(encoding="utf-8", newline="") as handle:
        return {row["case"]: row for row in csv.DictReader(handle)}


def extracted(case: str) -> OpportunityData:
    row = facts()[case]
    csv_row = {
        "id": case, "titre": f"Appel {case}", "url_source": f"https://aides.example.org/{case}",
        "date_mise_a_jour": "2026-10-01", "cibles": row["cibles"], "eligibilite": row["eligibilite"],
        "description": row["description"],
    }
    return normalise_item(map_dispositif_row(csv_row, "faits", 1), AS_OF)


def expected(case: str) -> list[B]:
    """The expected applicants in Vigie's vocabulary: every size of company is `entreprise`."""
    names = facts()[case]["beneficiaires"].split("|")
    if names == ["inconnu"]:
        return []
    sizes = [B(n.split(":")[1]) for n in names if n.startswith("entreprise:")]
    others = [B(n) for n in names if not n.startswith("entreprise")]
    return [*others, *([B.ENTREPRISE] if len(sizes) == len(Taille) else sizes)]


def verdicts(call: OpportunityData) -> list[str]:
    return [beneficiary_criterion(call, porteur).verdict for porteur in PORTEURS]


def right_verdicts(case: str) -> int:
    """How many porteurs get from the extracted beneficiaries the verdict the expected ones give."""
    found = extracted(case)
    wanted = found.model_copy(update={"beneficiaries": expected(case)})
    return sum(a == b for a, b in zip(verdicts(found), verdicts(wanted), strict=True))


def is_right(case: str) -> bool:
    found = NOT_PORTEURS & set(extracted(case).beneficiaries)
    return right_verdicts(case) == len(PORTEURS) and found == NOT_PORTEURS & set(expected(case))


def test_most_facts_give_the_expected_applicants() -> None:
    cases = list(facts())
    wrong = [c for c in cases if not is_right(c)]
    verdicts_right = sum(right_verdicts(c) for c in cases)
    assert len(cases) == 126
    assert len(cases) - len(wrong) >= 126, f"cas faux : {wrong}"
    assert verdicts_right >= 2142


@pytest.mark.parametrize(
    "case",
    [
        pytest.param("benef_01", id="narrowing-pme-eti-within-entreprises"),
        pytest.param("benef_02", id="narrowing-epci-within-collectivites"),
        pytest.param("benef_03", id="narrowing-text-drops-other-labels"),
        pytest.param("benef_22", id="mention-companies-to-attract"),
        pytest.param("benef_33", id="mention-associated-schools"),
        pytest.param("benef_42", id="mention-complement-of-a-noun"),
        pytest.param("benef_09", id="exclusion-by-type"),
        pytest.param("benef_11", id="exclusion-partial-keeps-type"),
        pytest.param("benef_13", id="exclusion-by-size"),
        pytest.param("benef_05", id="size-range-of-employees"),
        pytest.param("benef_55", id="size-start-up"),
        pytest.param("benef_63", id="size-250-and-more"),
        pytest.param("benef_44", id="group-leurs-groupements"),
        pytest.param("benef_49", id="group-acteurs-publics"),
        pytest.param("benef_53", id="group-personne-morale-privee"),
        pytest.param("benef_71", id="unknown-no-applicant-named"),
        pytest.param("benef_74", id="unknown-only-final-beneficiaries"),
        pytest.param("benef_80", id="labels-alone"),
        pytest.param("benef_81", id="type-petr-plural"),
        pytest.param("benef_82", id="type-syndicats-de"),
        pytest.param("benef_83", id="type-semop-spla"),
        pytest.param("benef_84", id="type-label-chambre-de-metiers"),
        pytest.param("benef_85", id="type-cfa-ecoles"),
        pytest.param("benef_86", id="type-research-bodies"),
        pytest.param("benef_87", id="type-label-cfa"),
        pytest.param("benef_88", id="size-effectif-inferieur"),
        pytest.param("benef_89", id="size-jusqu-a-5000"),
        pytest.param("benef_90", id="size-ne-depasse-pas-250"),
        pytest.param("benef_91", id="size-plus-de-249"),
        pytest.param("benef_92", id="size-au-plus-9"),
        pytest.param("benef_93", id="exclusion-group-of-companies"),
        pytest.param("benef_94", id="exclusion-sector"),
        pytest.param("benef_95", id="exclusion-group-of-associations"),
        pytest.param("benef_96", id="exclusion-head-group"),
        pytest.param("benef_97", id="exclusion-participle"),
        pytest.param("benef_98", id="exclusion-group-without-labels"),
        pytest.param("benef_99", id="negative-sentence-is-no-cue"),
        pytest.param("benef_100", id="list-items-with-semicolons"),
        pytest.param("benef_101", id="eligibility-over-description"),
        pytest.param("benef_102", id="list-under-heading"),
        pytest.param("benef_103", id="mandate-pour-le-compte-de"),
        pytest.param("benef_104", id="partners-en-partenariat-avec"),
        pytest.param("benef_105", id="instructor-aupres-de"),
        pytest.param("benef_106", id="support-avec-l-appui-de"),
        pytest.param("benef_107", id="place-situees-dans-les-departements"),
        pytest.param("benef_108", id="exclusion-kind-of-epci"),
        pytest.param("benef_109", id="cued-sentence-naming-a-place-only"),
        pytest.param("benef_110", id="consortium-members"),
        pytest.param("benef_111", id="participants-sans-etre-beneficiaires"),
        pytest.param("benef_112", id="cue-portees-par-les"),
        pytest.param("benef_113", id="agricultural-company-and-ne-relevent-pas"),
        pytest.param("benef_114", id="projects-associating-both-beneficiaries"),
        pytest.param("benef_115", id="pour-les-and-co-deposit"),
        pytest.param("benef_116", id="pronoun-not-beneficiaries"),
        pytest.param("benef_117", id="le-porteur-est-non-lucratif"),
        pytest.param("benef_118", id="broad-group-defined-by-a-list"),
        pytest.param("benef_119", id="farmer-en-societe"),
        pytest.param("benef_120", id="patrons-receiving-no-aid"),
        pytest.param("benef_121", id="networks-of-companies"),
        pytest.param("benef_122", id="professional-branches"),
        pytest.param("benef_123", id="a-destination-des-at-the-start"),
        pytest.param("benef_124", id="research-teams-with-a-partner"),
        pytest.param("benef_125", id="industrial-as-an-adjective"),
        pytest.param("benef_126", id="operator-of-an-industrial-site"),
    ],
)
def test_each_class_of_fact_is_read(case: str) -> None:
    assert is_right(case), f"{case} : {extracted(case).beneficiaries} au lieu de {expected(case)}"


def test_a_call_that_names_no_applicant_stays_unknown_for_every_porteur() -> None:
    assert set(verdicts(extracted("benef_75"))) == {"inconnu"}
