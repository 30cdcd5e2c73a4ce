"""Security of the web app: login, CSRF, roles, territories, escaping, headers, unsubscribe tokens."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from models.errors import VigieError
from models.store import Store, WebQueries
from test_web_world import (  # noqa: F401 - fixtures
    AS_OF, HOSTILE, PASSWORD, client, csrf_of, login, match_id, web_config, web_store, world_dir,
)
from vigie.web import create_app

PAGES = ["/", "/file", "/plan", "/recherche", "/porteurs", "/sources", "/exports", "/porteurs/cc-lomagne",
         "/exports/correspondances.xlsx"]


@pytest.mark.parametrize("path", PAGES)
def test_a_page_without_login_redirects_to_the_login_form(client: TestClient, path: str) -> None:
    response = client.get(path, follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (303, "/connexion")


@pytest.mark.parametrize("path", ["/api/correspondances", "/api/porteurs", "/api/plan"])
def test_the_api_without_login_answers_401(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 401 and response.json() == {"detail": "connexion requise"}


def test_a_wrong_password_is_refused_in_french(client: TestClient) -> None:
    token = csrf_of(client.get("/connexion").text)
    response = client.post("/connexion", data={"username": "alice", "password": "non", "csrf": token})
    assert response.status_code == 401 and "Identifiant ou mot de passe incorrect" in response.text


def test_login_attempts_are_limited_per_account_and_address(client: TestClient) -> None:
    token = csrf_of(client.get("/connexion").text)
    codes = [client.post("/connexion", data={"username": "alice", "password": "x", "csrf": token}).status_code
             for _ in range(6)]
    right = client.post("/connexion", data={"username": "alice", "password": PASSWORD, "csrf": token})
    assert codes == [401] * 5 + [429] and right.status_code == 429


def test_a_post_without_the_csrf_token_is_rejected(client: TestClient, web_store: Store) -> None:
    login(client, "alice")
    mid = match_id(web_store, "aap-1")
    response = client.post("/file/decision", data={"ids": [mid], "action": "accepter", "csrf": "faux"})
    assert response.status_code == 403 and "CSRF" in response.text
    assert WebQueries(web_store).match_detail(mid)["match"].review_status == "a_revoir"


def test_the_login_form_itself_needs_the_csrf_token(client: TestClient) -> None:
    response = client.post("/connexion", data={"username": "alice", "password": PASSWORD})
    assert response.status_code == 403


def test_a_lecteur_cannot_accept(client: TestClient, web_store: Store) -> None:
    token = login(client, "lea")
    mid = match_id(web_store, "aap-1")
    page = client.post("/file/decision", data={"ids": [mid], "action": "accepter", "csrf": token})
    api = client.post("/api/correspondances/decision", json={"ids": [mid], "action": "accepter"},
                      headers={"X-CSRF-Token": token})
    assert (page.status_code, api.status_code) == (403, 403)
    assert WebQueries(web_store).match_detail(mid)["match"].review_status == "a_revoir"
    assert "Accepter" not in client.get("/file").text


def test_a_chef_de_projet_accepts_through_the_api_with_the_token(client: TestClient, web_store: Store) -> None:
    login(client, "camille")
    token = client.get("/api/session").json()["csrf"]
    mid = match_id(web_store, "aap-1")
    response = client.post("/api/correspondances/decision", json={"ids": [mid], "action": "accepter"},
                           headers={"X-CSRF-Token": token})
    assert response.json() == {"modifiees": 1, "statut": "accepte"}


def test_a_chef_de_projet_does_not_see_another_territory(client: TestClient, web_store: Store) -> None:
    token = login(client, "camille")
    other = match_id(web_store, "aap-4")
    assert "SICA du Nord" not in client.get("/porteurs").text
    assert "Ateliers de fabrication" not in client.get("/file?status=").text
    assert client.get("/porteurs/sica-nord").status_code == 403
    assert client.get(f"/correspondances/{other}").status_code == 403
    assert client.get("/api/porteurs/sica-nord").status_code == 403
    assert [p["id"] for p in client.get("/api/porteurs").json()] == ["cc-lomagne"]
    assert all(r["porteur_id"] == "cc-lomagne" for r in client.get("/api/correspondances?status=").json()["items"])
    refused = client.post("/file/decision", data={"ids": [other], "action": "accepter", "csrf": token})
    assert refused.status_code == 403 and WebQueries(web_store).match_detail(other)["match"].review_status == "a_revoir"


def test_a_hostile_call_title_is_escaped_everywhere(client: TestClient, web_store: Store) -> None:
    login(client, "alice")
    mid = match_id(web_store, "aap-3")
    call_id = WebQueries(web_store).match_detail(mid)["call"].id
    for path in ["/", "/file", f"/correspondances/{mid}", f"/appels/{call_id}", "/recherche?q=script"]:
        html = client.get(path).text
        assert HOSTILE not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html, path


def test_every_page_sends_the_security_headers(client: TestClient) -> None:
    headers = client.get("/connexion").headers
    assert "default-src 'self'" in headers["content-security-policy"]
    assert "'unsafe-inline'" not in headers["content-security-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert (headers["x-frame-options"], headers["x-content-type-options"]) == ("DENY", "nosniff")
    assert headers["referrer-policy"] == "same-origin"


def test_the_session_cookie_is_httponly_and_lax_and_secure_over_https(web_config, web_store: Store) -> None:  # noqa: ANN001
    app = create_app(web_config, web_store, lambda: AS_OF)
    with TestClient(app) as plain, TestClient(app, base_url="https://vigie.example.org") as tls:
        plain_cookie = plain.get("/connexion").headers["set-cookie"]
        tls_cookie = tls.get("/connexion").headers["set-cookie"]
    assert "HttpOnly" in plain_cookie and "SameSite=Lax" in plain_cookie and "Secure" not in plain_cookie
    assert "Secure" in tls_cookie


def test_the_app_refuses_to_start_without_the_secret(web_config, web_store: Store,  # noqa: ANN001
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VIGIE_SECRET_KEY")
    with pytest.raises(VigieError, match="clé secrète des sessions absente"):
        create_app(web_config, web_store)


def test_a_forged_session_cookie_is_ignored(client: TestClient) -> None:
    client.cookies.set("vigie_session", "eyJ1aWQiOiAxfQ==.forged.signature")
    assert client.get("/", follow_redirects=False).status_code == 303


def _token_of(store: Store, email: str) -> str:
    return next(c.unsubscribe_token for c in store.contacts() if c.email == email)


def test_one_click_unsubscribe_confirms_on_get_and_unsubscribes_on_post(client: TestClient, web_store: Store) -> None:
    token = _token_of(web_store, "dev@example.org")
    shown = client.get(f"/desabonnement/{token}")
    still = [c.unsubscribed_at for c in web_store.contacts() if c.email == "dev@example.org"]
    done = client.post(f"/desabonnement/{token}", data={"List-Unsubscribe": "One-Click"})
    after = {c.email: c.unsubscribed_at for c in web_store.contacts()}
    assert shown.status_code == 200 and still == [None] and done.status_code == 200
    assert after["dev@example.org"] is not None and after["nord@example.org"] is None


def test_an_unsubscribe_token_cannot_be_guessed_or_used_for_another_contact(client: TestClient,
                                                                              web_store: Store) -> None:
    mine = _token_of(web_store, "dev@example.org")
    other_last = "x" if mine[-1] != "x" else "y"  # a different token, whatever the random one ends with
    guessed = client.post(f"/desabonnement/{mine[:-1]}{other_last}", data={"List-Unsubscribe": "One-Click"})
    client.post(f"/desabonnement/{mine}", data={"List-Unsubscribe": "One-Click"})
    again = client.post(f"/desabonnement/{mine}", data={"List-Unsubscribe": "One-Click"})
    others = [c for c in web_store.contacts() if c.email != "dev@example.org"]
    assert guessed.status_code == 404 and again.status_code == 200
    assert all(c.unsubscribed_at is None for c in others) and len(mine) >= 32
