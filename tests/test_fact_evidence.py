"""Each extracted fact keeps where it was read: the sentence of the call's text that states it, or the source's
own field quoted as found; a detail page is quoted as « page de l'appel » (texts written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest
from scrapy.http import HtmlResponse, Request

from crawlers.items import RawItem
from crawlers.normalise import normalise_item
from crawlers.spiders.details import DetailPagesMixin
from models.records import QUOTE_LENGTH, FactEvidence, OpportunityData

AS_OF = date(2026, 11, 23)
JUNE = date(2027, 6, 15)


def item(**fields: object) -> RawItem:
    values: dict = dict(source="occitanie", position=1, url="https://example.org/aap", title="Appel à projets")
    return RawItem(**{**values, **fields})


def read(raw: RawItem) -> OpportunityData:
    return normalise_item(raw, AS_OF)


def of(record: OpportunityData, fact: str, value: str) -> FactEvidence | None:
    return next((e for e in record.evidence if e.fact == fact and e.value == value), None)


@pytest.mark.parametrize("text, quote", [
    ("Présentation du dispositif.\nDate limite de dépôt : 15 juin 2027 à 12h.\nContact : la Région.",
     "Date limite de dépôt : 15 juin 2027 à 12h."),
    ("Les dossiers doivent être déposés au plus tard le 15/06/2027. Les lauréats seront notifiés en septembre.",
     "Les dossiers doivent être déposés au plus tard le 15/06/2027."),
    ("Calendrier des dépôts :\n9 mars 2027\n15 juin 2027\nLe jury se réunit ensuite.",
     "Calendrier des dépôts : 9 mars 2027, 15 juin 2027"),
    ("Ouverture le 1er février 2027.\nClôture le 15 juin à midi.", "Clôture le 15 juin à midi."),
    ("L'appel est ouvert jusqu'au 15 juin 2027 inclus", "L'appel est ouvert jusqu'au 15 juin 2027 inclus"),
], ids=["date-limite", "au-plus-tard", "liste-de-releves", "jour-sans-annee", "jusqu-au"])
def test_a_relève_is_quoted_in_the_sentence_that_names_it(text: str, quote: str) -> None:
    record = read(item(description=text, close_dates=[JUNE.isoformat()]))
    found = of(record, "cloture", "2027-06-15")
    assert found is not None and (found.block, found.quote) == ("description", quote)


def test_a_closing_date_field_is_its_own_evidence_when_no_sentence_names_it_a_deadline() -> None:
    text = "Un webinaire d'information aura lieu le 15 juin 2027. Les projets collectifs sont favorisés."
    record = read(item(description=text, close_dates=["2027-06-15T23:59:00+02:00"]))
    assert of(record, "cloture", "2027-06-15") == FactEvidence(
        fact="cloture", value="2027-06-15", block="champ date de clôture", quote="2027-06-15T23:59:00+02:00")


@pytest.mark.parametrize("raw, block", [
    (dict(open_date="01/02/2027"), "champ date d'ouverture"),
    (dict(next_campaign="2027-02-01"), "champ prochaine campagne"),
])
def test_an_opening_date_is_quoted_from_its_field(raw: dict, block: str) -> None:
    found = of(read(item(**raw)), "ouverture", "2027-02-01")
    assert found is not None and found.block == block and found.quote in raw.values()


@pytest.mark.parametrize("eligibility, codes", [
    ("Sont éligibles : les communes et les EPCI de la région.", ["commune", "epci"]),
    ("L'appel s'adresse aux PME industrielles implantées dans la région.", ["pme"]),
    ("Toutes les entreprises, hors grandes entreprises.", ["tpe", "pme", "eti"]),
    ("Bénéficiaires\nAssociations\nSyndicats mixtes", ["association", "syndicat_mixte"]),
])
def test_a_beneficiary_is_quoted_in_the_eligibility_sentence_that_names_it(eligibility: str, codes: list[str]) -> None:
    record = read(item(eligibility_text=eligibility))
    assert [str(b) for b in record.beneficiaries] == codes
    for code in codes:
        found = of(record, "beneficiaire", code)
        assert found is not None and found.block == "éligibilité"
        assert found.quote == " ".join(found.quote.split()) and found.quote.split()[0] in eligibility


def test_a_beneficiary_from_the_source_s_labels_quotes_the_label() -> None:
    record = read(item(beneficiary_labels=["Collectivité ou institution - EPCI"]))
    found = of(record, "beneficiaire", "epci")
    assert found is not None and found.block == "libellés de la source"
    assert found.quote == "Collectivité ou institution - EPCI"


@pytest.mark.parametrize("text, fact, value", [
    ("La subvention est plafonnée à 200 000 € par projet.", "montant_aide", "200000"),
    ("Aide de 50 k€ à 2 M€ selon la taille du projet.", "montant_aide", "50000"),
    ("Aide de 50 k€ à 2 M€ selon la taille du projet.", "montant_aide", "2000000"),
    ("Le taux d'aide peut atteindre 40 % des dépenses éligibles.", "taux", "40"),
    ("Sont retenus les projets dont les dépenses éligibles sont d'au moins 500 000 €.", "montant_projet", "500000"),
], ids=["plafond", "fourchette-bas", "fourchette-haut", "taux", "budget-projet"])
def test_money_is_quoted_in_the_sentence_that_states_it(text: str, fact: str, value: str) -> None:
    record = read(item(description=f"Présentation de l'appel.\n{text}\nDépôt en ligne."))
    found = of(record, fact, value)
    assert found is not None and (found.block, found.quote) == ("description", text)


def test_an_amount_the_source_gives_as_a_figure_is_its_own_evidence() -> None:
    found = of(read(item(amount_max=1_500_000.0)), "montant_aide", "1500000")
    assert found is not None and found.block == "champ montant" and found.quote == "1 500 000 €"


def test_a_territory_is_quoted_where_the_text_names_it_else_as_the_source_s() -> None:
    named = read(item(description="Les projets doivent être situés en Occitanie.", geo_codes=["REG-76"]))
    assert of(named, "territoire", "REG-76").quote == "Les projets doivent être situés en Occitanie."
    configured = read(item(description="Aide aux chaufferies.", geo_codes=["REG-76"]))
    assert (of(configured, "territoire", "REG-76").block, of(configured, "territoire", "REG-76").quote) == (
        "territoire de la source", "Occitanie")


def test_a_long_sentence_is_cut_around_the_fact_it_states() -> None:
    filler = "les projets structurants de la filière bois-énergie et des réseaux de chaleur " * 4
    text = (f"Dans le cadre du plan régional, {filler}seront examinés, la date limite de dépôt étant le "
            "15 juin 2027 à midi.")
    found = of(read(item(description=text, close_dates=["2027-06-15"])), "cloture", "2027-06-15")
    assert found is not None and len(found.quote) <= QUOTE_LENGTH
    assert "15 juin 2027" in found.quote and found.quote.startswith("…")


def test_a_fact_no_text_states_and_no_field_gives_has_no_evidence() -> None:
    record = read(item(description="Le dispositif soutient les projets de territoire.", close_dates=[]))
    assert record.close_dates == [] and record.evidence == []


class _Pages(DetailPagesMixin):
    """A spider that reads a call's page: its text becomes the description."""

    pages = warnings = 0

    def read_detail(self, response: HtmlResponse, item: RawItem) -> RawItem:
        item.description = " ".join(response.css("main ::text").getall())
        return item


def _page(body: str) -> HtmlResponse:
    return HtmlResponse("https://example.org/aap", body=body.encode(), encoding="utf-8",
                        request=Request("https://example.org/aap"))


def test_what_a_call_s_own_page_states_is_quoted_as_the_call_s_page() -> None:
    page = _page("<main><p>Date limite de candidature : 15 juin 2027.</p></main>")
    [completed] = _Pages().parse_detail(page, item(description="Carte de la liste.", close_dates=["2027-06-15"]))
    assert completed.from_page
    found = of(read(completed), "cloture", "2027-06-15")
    assert (found.block, found.quote) == ("page de l'appel", "Date limite de candidature : 15 juin 2027.")


def test_a_page_that_adds_nothing_to_the_description_leaves_it_the_listing_s() -> None:
    class _Unread(_Pages):
        def read_detail(self, response: HtmlResponse, item: RawItem) -> RawItem:
            return item

    [kept] = _Unread().parse_detail(_page("<main></main>"), item(description="Date limite : 15 juin 2027."))
    assert not kept.from_page
