"""Nouvelle-Aquitaine fiche pages: the section on who may apply, whatever its heading, is the call's eligibility
text, and the applicants it names win over the coarse « Publics concernés » header line and the chapô."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse

from crawlers.items import RawItem
from crawlers.normalise import normalise_item
from crawlers.spiders.na_detail import read_fiche_page
from models.vocab import Beneficiary as B

FOLDER = Path(__file__).parent / "data" / "sources" / "nouvelle-aquitaine"
AS_OF = date(2026, 11, 23)
PAGE = """<html><body><main><h1 class="headline-aide">Aide</h1>
<div class="categories"><p><strong>Publics concernés :</strong> {publics}</p></div>
<div class="mod-chapo"><p>{chapo}</p></div>
<div class="dispositif-aide">
<div class="mod-textSimple"><h2>Objectifs</h2><p>Moderniser les outils de production.</p></div>
<div class="mod-textSimple"><h2>{heading}</h2>{section}</div>
<div class="mod-textSimple"><h2>Montant</h2><p>Subvention de 30 % des dépenses.</p></div>
</div></main></body></html>"""


def fiche(url: str, body: bytes) -> tuple[RawItem, list[B]]:
    response = HtmlResponse(url=url, body=body, encoding="utf-8")
    item = read_fiche_page(response, RawItem(source="nouvelle-aquitaine", position=1, url=url, title="Aide"))
    return item, normalise_item(item, AS_OF).beneficiaries


def test_a_pour_qui_section_with_a_list_names_the_applicants() -> None:
    path = FOLDER / "amenagement-du-territoire_ingenierie-scot.html"
    item, found = fiche("https://les-aides.nouvelle-aquitaine.fr/amenagement-du-territoire/ingenierie-scot",
                        path.read_bytes())
    assert item.eligibility_text.startswith("Sont éligibles :")
    assert found == [B.PETR, B.SYNDICAT_MIXTE, B.EPCI]


@pytest.mark.parametrize(
    ("publics", "chapo", "heading", "section", "expected"),
    [
        ("Entreprise, Association", "Cet appel est ouvert aux entreprises et aux associations.", "Bénéficiaires",
         "<p>Les PME industrielles.</p>", [B.PME]),
        ("Entreprise", "Une aide régionale.", "Qui peut candidater ?", "<p>Les associations employeuses.</p>",
         [B.ASSOCIATION]),
        ("Collectivité territoriale", "Une aide régionale.", "Publics éligibles",
         "<p>Laboratoires publics et centres techniques.</p>", [B.RECHERCHE]),
        ("Entreprise, Association", "Une aide régionale.", "Bénéficiaires",
         "<p>Entreprises dont l'effectif est inférieur à 50 salariés.</p>", [B.TPE, B.PME]),
        ("Entreprise, Association", "Cet appel s'adresse aux entreprises et aux associations.",
         "Conditions et bénéficiaires", "<p>Les ETI industrielles.</p>", [B.ETI]),
    ],
    ids=["section-over-chapo", "qui-peut-candidater", "publics-eligibles", "headcount-in-section", "heading-names-them"],
)
def test_the_section_on_who_may_apply_wins_over_the_header_line(
    publics: str, chapo: str, heading: str, section: str, expected: list[B]
) -> None:
    page = PAGE.format(publics=publics, chapo=chapo, heading=heading, section=section)
    _, found = fiche("https://les-aides.nouvelle-aquitaine.fr/economie/aide", page.encode())
    assert found == expected


def test_a_fiche_whose_section_names_no_applicant_keeps_the_header_line() -> None:
    page = PAGE.format(publics="Entreprise, Association", chapo="Une aide régionale.", heading="Pour qui ?",
                       section="<p>Les structures de l'économie sociale et solidaire.</p><p>Les associations "
                               "cultuelles sont exclues.</p>")
    item, found = fiche("https://les-aides.nouvelle-aquitaine.fr/economie/ess", page.encode())
    assert "Les structures" in item.eligibility_text
    assert found == [B.ENTREPRISE, B.ASSOCIATION]
