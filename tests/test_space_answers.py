"""Answers to proposed calls: from a letter's signed link (a GET only confirms, the POST records), from the space;
replays count once, a different answer replaces the earlier one, « je dépose » moves the follow-up; the chef de
projet sees them and revokes a contact's links."""

from __future__ import annotations

import html
import re
from datetime import date

from fastapi.testclient import TestClient

from models.store import Store, WebQueries
from space_world import (  # noqa: F401 - fixtures
    LINKS, answer_link, contact_of, porteur_client, space_link, space_store, web_config, web_store, world_dir,
)
from test_web_world import login, match_id


def csrf(page: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def confirm(client: TestClient, link: str, **form: str):  # noqa: ANN201
    """Open the letter's link, then press the button."""
    page = client.get(link)
    assert page.status_code == 200
    return client.post(link, data={"csrf": csrf(page.text), **form})


def answers(store: Store, source_id: str) -> list[tuple[str, str | None]]:
    rows = WebQueries(store).answers_of_matches([match_id(store, source_id)]).get(match_id(store, source_id), [])
    return [(row.answer, row.reason) for _, row in rows]


def test_following_a_letters_link_records_nothing(porteur_client: TestClient, space_store: Store) -> None:
    page = porteur_client.get(answer_link(space_store, "cc-lomagne", "aap-1", "interesse"))
    assert page.status_code == 200 and "Confirmer" in page.text
    assert answers(space_store, "aap-1") == []


def test_the_button_records_the_answer_and_a_replay_counts_once(porteur_client: TestClient,
                                                                space_store: Store) -> None:
    link = answer_link(space_store, "cc-lomagne", "aap-1", "interesse")
    first = confirm(porteur_client, link)
    again = confirm(porteur_client, link)
    assert "Merci, votre réponse est enregistrée" in html.unescape(first.text)
    assert "déjà enregistrée" in html.unescape(again.text)
    assert answers(space_store, "aap-1") == [("interesse", None)]


def test_a_different_answer_replaces_the_earlier_and_keeps_it_in_history(porteur_client: TestClient,
                                                                         space_store: Store) -> None:
    confirm(porteur_client, answer_link(space_store, "cc-lomagne", "aap-1", "interesse"))
    confirm(porteur_client, answer_link(space_store, "cc-lomagne", "aap-1", "pas_pour_nous"), motif="hors_sujet")
    mid = match_id(space_store, "aap-1")
    [(_, row)] = WebQueries(space_store).answers_of_matches([mid])[mid]
    assert (row.answer, row.reason) == ("pas_pour_nous", "hors_sujet")
    assert [h["answer"] for h in row.history] == ["interesse"]


def test_je_depose_sets_the_follow_up_to_a_deposer(porteur_client: TestClient, space_store: Store) -> None:
    confirm(porteur_client, answer_link(space_store, "cc-lomagne", "aap-1", "je_depose"))
    assert WebQueries(space_store).match_detail(match_id(space_store, "aap-1"))["match"].followup_status == "a_deposer"


def test_je_depose_never_moves_a_follow_up_back(porteur_client: TestClient, space_store: Store) -> None:
    mid = match_id(space_store, "aap-1")
    space_store.set_followup(mid, "depose", date(2026, 11, 20), 1000.0)
    confirm(porteur_client, answer_link(space_store, "cc-lomagne", "aap-1", "je_depose"))
    match = WebQueries(space_store).match_detail(mid)["match"]
    assert (match.followup_status, match.amount_obtained) == ("depose", 1000.0)


def test_an_answer_link_for_another_porteurs_match_opens_nothing(porteur_client: TestClient,
                                                                 space_store: Store) -> None:
    nord = contact_of(space_store, "sica-nord")
    token = LINKS.answer_token(nord.id, 0, match_id(space_store, "aap-1"), "interesse")
    page = porteur_client.get(f"/reponse/{token}")
    assert page.status_code == 403 and "Réseaux de chaleur" not in page.text
    assert porteur_client.post(f"/reponse/{token}", data={"csrf": "x"}).status_code == 403
    assert answers(space_store, "aap-1") == []


def test_the_space_records_answers_and_the_follow_up(porteur_client: TestClient, space_store: Store) -> None:
    link = space_link(space_store, "cc-lomagne")
    token, mid = csrf(porteur_client.get(link).text), match_id(space_store, "aap-2")
    porteur_client.post(f"{link}/reponse", data={"csrf": token, "match": mid, "reponse": "interesse"})
    porteur_client.post(f"{link}/suivi", data={"csrf": token, "match": mid, "statut": "depose",
                                               "date_suivi": "2026-11-20"})
    match = WebQueries(space_store).match_detail(mid)["match"]
    assert answers(space_store, "aap-2") == [("interesse", None)]
    assert (match.followup_status, match.followup_at) == ("depose", date(2026, 11, 20))
    assert "Votre réponse" in porteur_client.get(link).text


def test_the_space_refuses_an_answer_on_another_porteurs_match(porteur_client: TestClient,
                                                               space_store: Store) -> None:
    link = space_link(space_store, "cc-lomagne")
    token, other = csrf(porteur_client.get(link).text), match_id(space_store, "aap-4")
    porteur_client.post(f"{link}/reponse", data={"csrf": token, "match": other, "reponse": "interesse"})
    porteur_client.post(f"{link}/suivi", data={"csrf": token, "match": other, "statut": "obtenu"})
    assert answers(space_store, "aap-4") == []
    assert WebQueries(space_store).match_detail(other)["match"].followup_status is None


def test_a_post_without_the_forms_token_records_nothing(porteur_client: TestClient, space_store: Store) -> None:
    link = answer_link(space_store, "cc-lomagne", "aap-1", "interesse")
    assert porteur_client.post(link, data={}).status_code == 403
    assert answers(space_store, "aap-1") == []


def test_the_chef_de_projet_reads_the_answers_on_the_match_page_and_the_queue(porteur_client: TestClient,
                                                                              space_store: Store) -> None:
    confirm(porteur_client, answer_link(space_store, "cc-lomagne", "aap-1", "pas_pour_nous"), motif="pas_eligible")
    porteur_client.cookies.clear()
    login(porteur_client, "camille")
    page = html.unescape(porteur_client.get(f"/correspondances/{match_id(space_store, 'aap-1')}").text)
    queue = html.unescape(porteur_client.get("/file?status=accepte").text)
    assert "Réponse du porteur (Claire) : Pas pour nous (pas éligible)" in page
    assert "Pas pour nous (pas éligible)" in queue


def test_the_chef_de_projet_revokes_a_contacts_links(porteur_client: TestClient, space_store: Store) -> None:
    link = space_link(space_store, "cc-lomagne")
    token = login(porteur_client, "camille")
    contact = contact_of(space_store, "cc-lomagne")
    response = porteur_client.post(f"/porteurs/cc-lomagne/contacts/{contact.id}/revoquer", data={"csrf": token})
    assert response.status_code == 200 and "révoqués" in html.unescape(response.text)
    assert porteur_client.get(link).status_code == 410


def test_only_a_chef_of_the_territory_may_revoke(porteur_client: TestClient, space_store: Store) -> None:
    contact = contact_of(space_store, "cc-lomagne")
    for user in ("paul", "lea"):
        porteur_client.cookies.clear()
        token = login(porteur_client, user)
        response = porteur_client.post(f"/porteurs/cc-lomagne/contacts/{contact.id}/revoquer", data={"csrf": token})
        assert response.status_code == 403, user
    assert space_store.link_generation(contact.id) == 0
