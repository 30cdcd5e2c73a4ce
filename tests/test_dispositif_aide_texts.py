"""Mission transition écologique rows (dispositif-aide CSV): deadlines and company sizes read from the texts."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from scrapy.http import TextResponse

from crawlers.items import RawItem
from crawlers.normalise.record import ItemRejected, normalise_item
from crawlers.registry import spider_class
from crawlers.spiders.dispositif_aide_csv import map_dispositif_row
from models.config.schema import SourceConfig
from models.records import OpportunityData

AS_OF = date(2026, 10, 1)
URL = "https://www.data.gouv.fr/fr/datasets/r/catalogue.csv"
COLUMNS = (
    "id", "titre", "promesse", "description", "eligibilite", "types_aides", "porteurs", "programmes_parents",
    "url_source", "cibles", "eligibilite_geographique", "eligibilite_geographique_exclusions", "date_ouverture",
    "date_cloture", "date_mise_a_jour",
)


def row(**fields: str) -> dict[str, str]:
    base = {c: "" for c in COLUMNS} | {
        "id": "6f1d2c3b-0000-4000-8000-000000000001", "titre": "Aide à l'écoconception", "porteurs": "[]",
        "url_source": "https://mission-transition-ecologique.beta.gouv.fr/aides-entreprise/eco?utm_campaign=openData",
        "cibles": "professionnels", "eligibilite_geographique": "PAYS-99100",
        "date_mise_a_jour": "2026-09-01T08:00:00.000Z",
    }
    return base | fields


def record(**fields: str) -> OpportunityData:
    return normalise_item(map_dispositif_row(row(**fields), "mte", 1), AS_OF)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"description": "Dossiers examinés aux relèves suivantes : 15 janvier, 15 avril et 15 septembre 2027."},
         ["2027-01-15", "2027-04-15", "2027-09-15"]),
        ({"description": "Étapes :\n**Date limite de dépôt** : 30/06/2027 à 12h00"}, ["2027-06-30"]),
        ({"eligibilite": "Eligibilité Sectorielle : Industrie\n Autres conditions d'éligibilité :\n"
                         "- Candidature déposée au plus tard le 1er décembre 2026"}, ["2026-12-01"]),
        ({"promesse": "Candidatez jusqu'au 31 mars 2027 pour financer votre étude"}, ["2027-03-31"]),
        ({"description": "Cl\u00f4ture des candidatures le\u00a012\u00a0mars\u00a02027."}, ["2027-03-12"]),
    ],
    ids=[
        "releves-sans-annee", "markdown-date-limite", "eligibilite-au-plus-tard", "promesse-jusqu-au",
        "espaces-insecables",
    ],
)
def test_deadlines_written_in_the_texts_become_close_dates(fields: dict[str, str], expected: list[str]) -> None:
    call = record(**fields)
    assert [d.isoformat() for d in call.close_dates] == expected
    assert call.recurrence is None and call.status.value == "open"


def test_the_closing_date_field_stays_beside_the_relèves_of_the_description() -> None:
    call = record(date_cloture="2027-06-30T22:00:00.000Z",
                  description="Première vague : dépôt avant la date limite du 15 février 2027.")
    assert call.close_dates == [date(2027, 2, 15), date(2027, 7, 1)]


@pytest.mark.parametrize(
    ("band", "expected"),
    [
        ("0 - 249", ["tpe", "pme"]),
        ("10 - 249", ["pme"]),
        ("250 - 4999", ["eti"]),
        ("10 - Pas de taille maximale", ["pme", "eti", "ge"]),
        ("Moins de 50 salariés", ["tpe", "pme"]),
    ],
)
def test_the_size_line_narrows_professionnels_to_company_sizes(band: str, expected: list[str]) -> None:
    eligibility = f"Eligibilité Sectorielle : Tous secteurs\nEligibilité en fonction du nombre de salariés: {band}"
    assert [b.value for b in record(eligibilite=eligibility).beneficiaries] == expected


def test_companies_the_text_names_take_the_sizes_of_the_size_line() -> None:
    eligibility = (
        "Eligibilité en fonction du nombre de salariés: 0 - 249\n\n Autres conditions d'éligibilité :\n"
        "- Réservé aux entreprises industrielles"
    )
    assert [b.value for b in record(eligibilite=eligibility).beneficiaries] == ["tpe", "pme"]


def test_overseas_collectivities_are_left_out_and_a_row_naming_only_them_is_refused() -> None:
    call = record(eligibilite_geographique="REG-93|COM-987|REG-52|COM-988")
    assert call.geo_codes == ["REG-93", "REG-52"]
    with pytest.raises(ItemRejected, match="COM-987"):
        record(eligibilite_geographique="COM-987|COM-988")


def test_a_relève_list_inside_a_multi_line_quoted_field_is_read_from_the_file() -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, COLUMNS, quoting=csv.QUOTE_ALL)
    writer.writeheader()
    writer.writerow(row(description="Un accompagnement sur 12 mois.\n\nCalendrier des relèves :\n"
                                    "- 14 janvier 2027\n- 8 avril 2027\n\nMontant de l'aide ou cout: Gratuit"))
    source = SourceConfig(slug="mte", kind="dispositif_aide_csv", url=URL)
    spider = spider_class("dispositif_aide_csv")(source=source)
    response = TextResponse(url=URL, body=buffer.getvalue().encode("utf-8"), encoding="utf-8")
    [item] = [o for o in spider.parse(response) if isinstance(o, RawItem)]
    assert (item.close_dates, item.permanent) == (["2027-01-14", "2027-04-08"], False)


@pytest.mark.parametrize(
    ("cibles", "expected"),
    [
        ("PME|ETI|grandes entreprises", ["entreprise"]),
        ("collectivités|PME|ETI|grandes entreprises", ["commune", "epci", "departement", "region", "entreprise"]),
        ("PME|ETI", ["pme", "eti"]),
    ],
    ids=["every-size", "every-size-beside-a-family", "some-sizes"],
)
def test_cibles_naming_every_size_admit_a_company_of_unknown_size(cibles: str, expected: list[str]) -> None:
    call = record(cibles=cibles, description="Le programme accompagne la modernisation des lignes de production.")
    assert [b.value for b in call.beneficiaries] == expected
