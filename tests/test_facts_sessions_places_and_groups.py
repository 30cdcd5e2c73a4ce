"""Facts from short lines: calendar sessions written without a year on a fiche the feed dated, a « Territoire : » line
that leaves a département out, and applicants named by a line of types, by a legal status, by a group constituted as
an association, or as teams associating a lab; neither users of a shared place nor trainers nor the subjects of a
denial that a relative clause qualifies apply."""

from __future__ import annotations

from datetime import date

import pytest
from scrapy.http import HtmlResponse

from crawlers.items import RawItem
from crawlers.normalise.beneficiaries import call_beneficiaries
from crawlers.normalise.departement_limits import limited_coverage
from crawlers.normalise.text import fold
from crawlers.spiders.na_detail import read_fiche_page
from models.vocab import Beneficiary as B
from models.vocab import sizes_admitted

FICHE = """<html><body><main><h1 class="headline-aide">Aide</h1>
<div class="dispositif-aide">
<div class="mod-textSimple"><h2>Calendrier</h2><p>Sessions de dépôt : 5 février et 17 septembre.</p></div>
</div></main></body></html>"""


def test_sessions_without_a_year_follow_the_day_the_feed_published_the_fiche() -> None:
    item = RawItem(source="nouvelle-aquitaine", position=1, url="https://x.fr/a", title="Aide",
                   updated_at="Tue, 24 Nov 2026 09:00:00 +0100")
    read_fiche_page(HtmlResponse(url="https://x.fr/a", body=FICHE.encode(), encoding="utf-8"), item)
    assert item.close_dates == ["2027-02-05", "2027-09-17"]


def test_without_a_publication_day_no_year_is_guessed() -> None:
    item = RawItem(source="nouvelle-aquitaine", position=1, url="https://x.fr/a", title="Aide")
    read_fiche_page(HtmlResponse(url="https://x.fr/a", body=FICHE.encode(), encoding="utf-8"), item)
    assert item.close_dates == []


def test_a_territory_line_leaves_a_departement_out() -> None:
    codes, _ = limited_coverage([fold("Territoire : toute la région, sauf la Corrèze")], ["REG-75"])
    assert "DEP-19" not in codes and "DEP-87" in codes and len(codes) == 11


def admitted(eligibility: str, description: str = "", labels: tuple[str, ...] = ()) -> set[B]:
    return sizes_admitted(call_beneficiaries(list(labels), eligibility, description))


@pytest.mark.parametrize(("eligibility", "expected"), [
    ("Démonstrateurs portés par des entreprises ou des laboratoires de la région. PME de moins de 250 salariés et "
     "laboratoires de recherche publics.", {B.TPE, B.PME, B.RECHERCHE}),
    ("Centres de ressources techniques sous statut associatif et universités.",
     {B.ASSOCIATION, B.ETABLISSEMENT_ENSEIGNEMENT}),
    ("Groupements d'employeurs constitués en association loi 1901.\nLes CMA peuvent aussi déposer.",
     {B.ASSOCIATION, B.CHAMBRE_CONSULAIRE}),
    ("Concours ouvert à des équipes associant un laboratoire et une PME.", {B.RECHERCHE, B.TPE, B.PME}),
    ("Ouvert aux jeunes docteurs ayant soutenu leur thèse en France.", {B.PARTICULIER}),
    ("PME industrielles.\nLa formation est dispensée par un organisme de formation agréé.", {B.TPE, B.PME}),
    ("Intercommunalités et SEM.\nLes propriétaires privés qui vendent les locaux et les entreprises qui les occupent "
     "ensuite ne sont pas bénéficiaires.", {B.EPCI, B.SEM}),
])
def test_lines_of_types_and_their_neighbours(eligibility: str, expected: set[B]) -> None:
    assert admitted(eligibility) == expected


def test_users_of_a_shared_place_do_not_narrow_the_labels() -> None:
    description = "Équipement d'ateliers partagés (découpe, soudure) ouverts aux habitants et aux artisans."
    assert admitted("", description, ("Associations", "Communes")) == {B.ASSOCIATION, B.COMMUNE}


def test_a_line_that_says_more_than_types_is_not_a_list_of_applicants() -> None:
    """« Le CFA atteste l'inscription » names the CFA without making it an applicant."""
    eligibility = "Les apprentis peuvent déposer la demande.\nLe CFA atteste l'inscription de l'apprenti."
    assert admitted(eligibility) == {B.PARTICULIER}
