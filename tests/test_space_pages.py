"""The porteurs' space in the web app: opened by a signed personal link only, showing the porteur's proposed calls
and nothing of any other porteur; every link that opens nothing gets a French page and records nothing."""

from __future__ import annotations

import html
import re

from fastapi.testclient import TestClient

from models.store import Store, WebQueries
from space_world import (  # noqa: F401 - fixtures
    AS_OF, LINKS, contact_of, later, porteur_client, space_link, space_store, web_config, web_store, world_dir,
)
from test_web_world import HOSTILE
from vigie.pipeline.clock import fix_today, utcnow
from vigie.signing import PersonalLinks


def text(response) -> str:  # noqa: ANN001
    """The page as read (entities decoded)."""
    return html.unescape(response.text)


def test_a_contact_opens_their_space_and_sees_the_accepted_calls_with_a_countdown(porteur_client: TestClient,
                                                                                  space_store: Store) -> None:
    page = porteur_client.get(space_link(space_store, "cc-lomagne"))
    assert page.status_code == 200
    assert "Réseaux de chaleur biomasse" in page.text and "Recyclage des friches" in page.text
    assert "dans 17 jours" in page.text  # aap-1 closes on 10/12/2026, AS_OF is 23/11/2026
    assert "D'où viennent ces faits" in text(page) and "Ça m'intéresse" in text(page)
    assert "/calendrier/" in page.text


def test_the_space_shows_only_what_the_letter_selects(porteur_client: TestClient, space_store: Store) -> None:
    page = porteur_client.get(space_link(space_store, "cc-lomagne")).text
    assert "alert(1)" not in page  # aap-3 waits for review: not proposed (and would be escaped)
    assert HOSTILE not in page


def test_a_link_never_opens_another_porteurs_calls(porteur_client: TestClient, space_store: Store) -> None:
    page = porteur_client.get(space_link(space_store, "sica-nord")).text
    assert "Ateliers de fabrication numérique" in page
    assert "Réseaux de chaleur" not in page and "CC de la Lomagne" not in page


def test_opening_the_space_counts_one_visit_a_day(porteur_client: TestClient, space_store: Store) -> None:
    for _ in range(3):
        porteur_client.get(space_link(space_store, "cc-lomagne"))
    assert [u.opens for u in space_store.usage(None, AS_OF)] == [1]


def test_an_expired_link_answers_410_and_shows_nothing(porteur_client: TestClient, space_store: Store) -> None:
    link = space_link(space_store, "cc-lomagne")
    fix_today(later(61))
    page = porteur_client.get(link)
    assert page.status_code == 410 and "Ce lien a expiré" in text(page)
    assert "Réseaux de chaleur" not in page.text and "CC de la Lomagne" not in page.text
    assert space_store.usage(None, AS_OF) == []


def test_a_link_still_opens_on_its_last_day(porteur_client: TestClient, space_store: Store) -> None:
    link = space_link(space_store, "cc-lomagne")
    fix_today(later(59))
    assert porteur_client.get(link).status_code == 200


def test_a_forged_or_altered_link_answers_403(porteur_client: TestClient, space_store: Store) -> None:
    link = space_link(space_store, "cc-lomagne")
    other_key = PersonalLinks("une-autre-cle-secrete-de-plus-de-32-caracteres", 60)
    forged = "/espace/" + other_key.space_token(contact_of(space_store, "cc-lomagne").id, 0)
    altered = link[:-3] + ("abc" if not link.endswith("abc") else "xyz")
    for bad in (forged, altered, "/espace/n-importe-quoi", "/espace/" + "x" * 5000):
        page = porteur_client.get(bad)
        assert page.status_code == 403 and "n'est pas valide" in text(page), bad
        assert "Réseaux de chaleur" not in page.text
    assert space_store.usage(None, AS_OF) == []


def test_an_answer_token_does_not_open_a_space(porteur_client: TestClient, space_store: Store) -> None:
    contact = contact_of(space_store, "cc-lomagne")
    token = LINKS.answer_token(contact.id, 0, 1, "interesse")
    assert porteur_client.get(f"/espace/{token}").status_code == 403


def test_a_revoked_link_answers_410(porteur_client: TestClient, space_store: Store) -> None:
    link = space_link(space_store, "cc-lomagne")
    WebQueries(space_store).revoke_links(contact_of(space_store, "cc-lomagne").id, utcnow())
    page = porteur_client.get(link)
    assert page.status_code == 410 and "révoqué" in page.text
    assert porteur_client.get(space_link(space_store, "cc-lomagne")).status_code == 200  # a new link opens


def test_an_unsubscribed_contact_still_opens_their_space(porteur_client: TestClient, space_store: Store) -> None:
    contact = contact_of(space_store, "cc-lomagne")
    space_store.unsubscribe(contact.unsubscribe_token, utcnow())
    assert porteur_client.get(space_link(space_store, "cc-lomagne")).status_code == 200


def test_the_renewal_page_says_the_same_whether_the_address_is_known(porteur_client: TestClient) -> None:
    form = porteur_client.get("/espace").text
    csrf = re.search(r'name="csrf" value="([^"]+)"', form).group(1)
    known = porteur_client.post("/espace", data={"email": "DEV@example.org", "csrf": csrf})
    unknown = porteur_client.post("/espace", data={"email": "personne@example.org", "csrf": csrf})
    assert known.status_code == unknown.status_code == 200
    assert known.text == unknown.text and "un nouveau lien vient d'y être envoyé" in text(known)
