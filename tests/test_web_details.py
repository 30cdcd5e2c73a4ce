"""Details of the web pages a person sees: one name per funder and funder lists, call status and beneficiary
type on the search page, the plan's columns, the réglage page without a reference (TestClient)."""

from __future__ import annotations

import html
import re
from datetime import UTC, date, datetime

from fastapi.testclient import TestClient

from factories import opportunity
from models.records import MatchResult
from models.store import Store
from test_web_world import (  # noqa: F401 - fixtures
    HOSTILE, NOW, client, login, web_config, web_store, world_dir,
)

LONG_ADEME = "AGENCE DE L ENVIRONNEMENT ET DE LA MAITRISE DE L ENERGIE (ADEME)"
EARLIER = datetime(2026, 11, 10, 7, 0, tzinfo=UTC)
"""A crawl before the tests' today (23/11/2026): calls stored then carry that day's status."""


def add_call(store: Store, source_id: str, title: str, seen: datetime = NOW, **changes: object) -> int:
    """One more call of the world, matched to the fiche F1 of the Gers; its stored id."""
    store.upsert_opportunity(opportunity(source_id, title=title, **changes), seen)
    store.save_matches([MatchResult(fiche_id="F1", porteur_id="cc-lomagne", source="occitanie",
                                    source_id=source_id, score=0.6, eligible=True)], {}, NOW)
    return next(i for i, d in store.opportunities() if d.source_id == source_id)


def options(page: str, name: str) -> list[str]:
    """The visible choices of a <select name=…> of a page."""
    block = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', page, re.S)
    assert block, f"pas de liste « {name} »"
    return [html.unescape(o) for o in re.findall(r"<option [^>]*>([^<]*)</option>", block.group(1))]


def rows_of(page: str) -> dict[str, str]:
    """Search results: title → the whole row's text."""
    rows = re.findall(r'<tr class="call-\w+">(.*?)</tr>', page, re.S)
    text = [html.unescape(re.sub(r"<[^>]+>", " ", row)) for row in rows]
    return {html.unescape(re.search(r'<a href="/appels/\d+">([^<]*)</a>', row).group(1)): " ".join(t.split())
            for row, t in zip(rows, text)}


def test_the_queue_offers_a_list_of_funders_each_under_one_name(client: TestClient, web_store: Store) -> None:
    add_call(web_store, "aap-5", "Décarbonation des procédés", funders=[LONG_ADEME])
    login(client, "camille")
    page = client.get("/file").text
    assert options(page, "funder") == ["Tous", "ADEME", "Bpifrance", "Région Occitanie"]
    assert LONG_ADEME not in page and "Décarbonation des procédés" in page
    filtered = client.get("/file?funder=ADEME").text
    assert 'option value="ADEME" selected' in filtered
    items = client.get("/api/correspondances?funder=ADEME").json()["items"]
    assert {i["title"] for i in items} == {"Décarbonation des procédés", "Recyclage des friches", HOSTILE}


def test_a_call_page_shows_the_funder_s_one_name(client: TestClient, web_store: Store) -> None:
    call_id = add_call(web_store, "aap-5", "Décarbonation des procédés", funders=[LONG_ADEME, "REGION BRETAGNE"])
    login(client, "camille")
    page = client.get(f"/appels/{call_id}").text
    assert "<dd>ADEME, Région Bretagne</dd>" in page and LONG_ADEME not in page


def test_search_by_funder_is_a_list_and_finds_every_spelling(client: TestClient, web_store: Store) -> None:
    add_call(web_store, "aap-5", "Friches de la vallée", funders=[LONG_ADEME])
    login(client, "camille")
    empty = client.get("/recherche").text
    assert options(empty, "financeur") == ["Tous", "ADEME", "Bpifrance", "Région Occitanie"]
    found = rows_of(client.get("/recherche?financeur=ADEME").text)
    assert set(found) == {"Friches de la vallée", "Recyclage des friches", HOSTILE}
    assert "ADEME ·" in found["Friches de la vallée"] and LONG_ADEME not in found["Friches de la vallée"]


def test_search_marks_each_call_with_its_status_as_of_today(client: TestClient, web_store: Store) -> None:
    add_call(web_store, "clos", "Friches closes", seen=EARLIER, open_date=date(2026, 9, 1),
             close_dates=[date(2026, 11, 20)])
    add_call(web_store, "dit-clos", "Friches dites closes", close_dates=[date(2027, 3, 1)], stated_status="closed")
    add_call(web_store, "futur", "Friches de demain", open_date=date(2026, 12, 15), close_dates=[date(2027, 2, 1)])
    add_call(web_store, "guichet", "Friches au fil de l'eau", open_date=None, close_dates=[], recurrence="permanente")
    stored = {d.source_id: d.status for _, d in web_store.opportunities()}
    assert stored["clos"] == "open"  # as crawled on 10/11: only today's status says it is closed
    login(client, "camille")
    page = client.get("/recherche?q=friches").text
    found = rows_of(page)
    assert "clôturé le 20/11/2026" in found["Friches closes"]
    assert "clos d'après la source" in found["Friches dites closes"] and "clos" in found["Friches dites closes"]
    assert re.search(r'<span class="tag status-closed">clos</span>', page)
    assert "à venir" in found["Friches de demain"] and "ouverture le 15/12/2026" in found["Friches de demain"]
    assert "permanent" in found["Friches au fil de l'eau"] and "sans date limite" in found["Friches au fil de l'eau"]
    assert "clôture le 11/12/2026" in found["Recyclage des friches"] and "clos" not in found["Recyclage des friches"]
    assert "Suggérer" not in found["Friches closes"] and "Suggérer" in found["Recyclage des friches"]
    still_open = rows_of(client.get("/recherche?q=friches&ouverts=1").text)
    assert set(still_open) == {"Recyclage des friches", "Friches au fil de l'eau"}


def test_search_filters_by_type_of_beneficiary_in_french(client: TestClient, web_store: Store) -> None:
    add_call(web_store, "asso", "Friches associatives", beneficiaries=["association"])
    add_call(web_store, "pme", "Friches et PME", beneficiaries=["pme"])
    add_call(web_store, "entreprises", "Friches des entreprises", beneficiaries=["entreprise"])
    login(client, "camille")
    page = client.get("/recherche").text
    assert {"Communes", "Intercommunalités (EPCI)", "Associations", "PME"} <= set(options(page, "beneficiaire"))
    assert set(rows_of(client.get("/recherche?q=friches&beneficiaire=association").text)) == {"Friches associatives"}
    assert set(rows_of(client.get("/recherche?beneficiaire=pme").text)) == {"Friches et PME", "Friches des entreprises"}
    assert set(rows_of(client.get("/recherche?beneficiaire=entreprise").text)) == {
        "Friches et PME", "Friches des entreprises"}
    assert "Friches associatives" in rows_of(client.get("/recherche?beneficiaire=inconnu&q=friches").text)


def test_the_plan_has_one_obtenu_column_and_the_amount_says_so(client: TestClient) -> None:
    login(client, "camille")
    page = client.get("/plan").text
    headers = [html.unescape(h) for h in re.findall(r"<th>([^<]*)</th>", page)]
    assert headers.count("Obtenu") == 1 and "Montant obtenu" in headers


def test_without_a_reference_reglage_tells_a_web_admin_what_to_do_on_the_web(client: TestClient) -> None:
    login(client, "alice")
    page = client.get("/reglage").text
    assert "--against" not in page and "passez" not in page
    assert "bouton « Appliquer » ci-dessous" in html.unescape(page) and "<code>vigie tune apply</code>" in page
    assert 'action="/reglage/appliquer"' in page


def test_without_a_reference_a_chef_de_projet_is_told_to_ask_an_administrator(client: TestClient) -> None:
    login(client, "camille")
    page = html.unescape(client.get("/reglage").text)
    assert "Demandez à un administrateur" in page and "--against" not in page
    assert 'action="/reglage/appliquer"' not in page


def test_the_matches_export_names_each_funder_once_too(client: TestClient, web_store: Store) -> None:
    add_call(web_store, "aap-5", "Décarbonation des procédés", funders=[LONG_ADEME, "ADEME"])
    login(client, "camille")
    text = client.get("/exports/correspondances.csv").content.decode("utf-8-sig")
    line = next(row for row in text.splitlines() if "Décarbonation des procédés" in row)
    assert LONG_ADEME not in text and "ADEME" in line and "ADEME, ADEME" not in line


def test_a_call_listed_by_two_sources_shows_the_facts_of_both_and_who_gave_them(
    client: TestClient, web_store: Store
) -> None:
    call_id = add_call(web_store, "aap-7", "Chaleur renouvelable des ateliers", close_dates=[date(2027, 3, 1)],
                       url="https://www.bpifrance.fr/chaleur-ateliers", geo_codes=["PAYS-99100"])
    web_store.upsert_opportunity(opportunity(
        "at-7", source="aides-territoires", title="Chaleur renouvelable des ateliers",
        url="https://aides-territoires.beta.gouv.fr/aides/chaleur-ateliers/",
        apply_url="https://www.bpifrance.fr/chaleur-ateliers", geo_codes=["REG-76"],
        close_dates=[date(2027, 1, 15), date(2027, 3, 1)]), NOW)
    web_store.link_duplicates()
    login(client, "camille")
    page = html.unescape(re.sub(r"<[^>]+>", "", client.get(f"/appels/{call_id}").text))
    assert "15/01/2027, 01/03/2027 (d'après aides-territoires)" in page
    assert "Occitanie (d'après aides-territoires)" in page
    assert "Faits réunis des 2 sources" in page
