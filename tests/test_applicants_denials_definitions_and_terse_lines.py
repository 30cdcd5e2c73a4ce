"""Who applies when a denial names a narrower part of sized companies (« Les entreprises de BTP qui achètent … ne
sont pas bénéficiaires » beside « entreprises de moins de 250 salariés »), when trades are defined by sized companies
after a colon, when an item takes the terms of the one before (« aux mêmes conditions »), when a headcount is a
group's, when a verbless line names applicants beside a partner sentence, and when a complement inside the subject
names a trade; a Département that speaks is a body, not a place, once the coverage is known."""

from __future__ import annotations

import pytest

from crawlers.normalise.beneficiaries import call_beneficiaries
from crawlers.normalise.departement_limits import limited_coverage
from crawlers.normalise.text import fold
from models.vocab import Beneficiary as B

TPE, PME, ETI, ENT = B.TPE, B.PME, B.ETI, B.ENTREPRISE


@pytest.mark.parametrize(("labels", "eligibility", "expected"), [
    (["Collectivités", "Entreprises"], "Syndicats mixtes de collecte et entreprises de moins de 250 salariés qui "
                                       "exploitent un quai de transfert.\nLes entreprises de BTP qui achètent les "
                                       "granulats recyclés ne sont pas bénéficiaires.", {B.SYNDICAT_MIXTE, TPE, PME}),
    (["Entreprises", "Laboratoires"], "Constructeurs de bateaux et leurs sous-traitants de rang 1 : entreprises de "
                                      "moins de 5 000 salariés. Les projets associent au moins deux entreprises ; un "
                                      "laboratoire public peut y participer et être financé pour sa part.",
     {TPE, PME, ETI, B.RECHERCHE}),
    (["Entreprises"], "Menuiseries et ateliers de pose qui exploitent une ligne de vernissage, de moins de 50 salariés ;"
                      "\nfabricants d'escaliers, aux mêmes conditions.\nLes agences qui appartiennent à un groupe de "
                      "plus de 250 salariés ne sont pas éligibles.", {TPE, PME}),
    (["Recherche", "Établissements publics"], "Étudier l'exposition des opérateurs. Laboratoires publics, seuls ou en "
                                              "réseau ; un centre hospitalier peut être partenaire et financé pour sa "
                                              "part.", {B.RECHERCHE, B.ETABLISSEMENT_PUBLIC}),
    (["Agriculteurs", "Collectivités"], "Horticulteurs et entreprises de production de terreau, dans les deux cas de "
                                        "moins de 50 salariés.\nLes communes propriétaires des serres louées aux "
                                        "pépiniéristes ne sont pas bénéficiaires.", {B.AGRICULTEUR, TPE, PME}),
    # not a list of applicants: a table row that says « Non », a pointer to another aid
    (["Collectivités", "Particuliers"], "Structure | Éligible\nCommunes | Oui\nParticuliers et copropriétés | Non",
     {B.COMMUNE}),
])
def test_denials_definitions_and_terse_lines(labels: list[str], eligibility: str, expected: set[B]) -> None:
    assert set(call_beneficiaries(labels, eligibility, "")) == expected


@pytest.mark.parametrize(("text", "coverage", "expected"), [
    ("Le département de l'Aisne, partenaire des essais, participe au comité sans être financé.", ["REG-32"], None),
    ("Le Département de l'Aisne aide les communes rurales à équiper leurs ateliers.", [], ["DEP-02"]),
])
def test_a_departement_that_speaks(text: str, coverage: list[str], expected: list[str] | None) -> None:
    found = limited_coverage([fold(text)], coverage)
    assert (found[0] if found else None) == expected


def test_a_line_of_portal_labels_gives_way_to_the_precise_sentence() -> None:
    eligibility = ("Entreprise - Artisan - Société ; Etablissement public ; Collectivité territoriale\n"
                   "Distilleries de moins de 50 salariés ; le lycée agricole du département, pour son atelier.")
    assert set(call_beneficiaries(["Entreprise - Artisan - Société", "Etablissement public"], eligibility, "")) == {
        TPE, PME, B.ETABLISSEMENT_ENSEIGNEMENT}
