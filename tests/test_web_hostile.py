"""Hostile requests to the web app: numbers too large for the database, negative or not numbers at all, in every
route's path, query and form; and errors (404, 400, 500) carry the security headers and a French page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts
from fastapi.testclient import TestClient

from models.config import VigieConfig
from models.store import Store, WebQueries
from test_web_world import (  # noqa: F401 - fixtures
    AS_OF, login, match_id, web_config, web_store, world_dir,
)
from vigie.web import create_app
from vigie.web.middleware import SECURITY_HEADERS

BAD_NUMBERS = ["99999999999999999999", "9223372036854775808", "2147483648", "-1", "0", "abc", "1e3", "٣"]
QUERY_INTS = ["page", "par_page", "limite", "contact"]
"""The integer query parameters the routes read by hand (common.parse_int)."""


@pytest.fixture
def app(web_config: VigieConfig, web_store: Store) -> FastAPI:
    return create_app(web_config, web_store, lambda: AS_OF)


@pytest.fixture
def hostile(app: FastAPI) -> Iterator[tuple[TestClient, str]]:
    """An admin's client that answers 500s instead of raising, and its CSRF token."""
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client, login(client, "alice")


def api_routes(app: FastAPI) -> list[tuple[str, APIRoute]]:
    """Every route of the app (through the included routers) with its full path."""
    found = [(c.path, c.original_route) for c in iter_route_contexts(app.routes)
             if isinstance(c.original_route, APIRoute)]
    paths = {path for path, _ in found}
    assert {"/appels/{opportunity_id}", "/api/correspondances/{match_id}", "/recherche/suggerer"} <= paths
    return found


def int_fields(fields: list) -> list[str]:  # noqa: ANN001 - FastAPI ModelFields
    return [f.name for f in fields if f.field_info.annotation is int]


def send(client: TestClient, token: str, method: str, url: str, data: dict | None = None):  # noqa: ANN201
    if method == "GET":
        return client.get(url, follow_redirects=False)
    return client.request(method, url, data={"csrf": token, **(data or {})}, headers={"X-CSRF-Token": token},
                          follow_redirects=False)


def valid_path(route: APIRoute, store: Store) -> dict[str, str]:
    ids = {d.source_id: i for i, d in store.opportunities()}
    known = {"match_id": str(match_id(store, "aap-1")), "opportunity_id": str(ids["aap-1"]),
             "porteur_id": "cc-lomagne"}
    return {name: known.get(name, "x") for name in route.param_convertors}


def url_of(path: str, values: dict[str, str]) -> str:
    for name, value in values.items():
        path = path.replace("{" + name + "}", value)
    return path


def secured(response) -> bool:  # noqa: ANN001
    return all(response.headers.get(name) == value for name, value in SECURITY_HEADERS.items())


def test_every_route_answers_404_to_a_path_id_out_of_range(hostile: tuple[TestClient, str], app: FastAPI,
                                                           web_store: Store) -> None:
    client, token = hostile
    wrong = []
    for path, route in api_routes(app):
        for name in route.param_convertors:
            for bad in BAD_NUMBERS:
                url = url_of(path, {**valid_path(route, web_store), name: bad})
                for method in sorted(route.methods):
                    response = send(client, token, method, url)
                    expected = response.status_code == 404 if name in int_fields(route.dependant.path_params) \
                        else response.status_code < 500
                    if not (expected and secured(response)):
                        wrong.append((method, url, response.status_code))
    assert wrong == []


def test_every_get_route_refuses_query_integers_out_of_range(hostile: tuple[TestClient, str], app: FastAPI,
                                                             web_store: Store) -> None:
    client, token = hostile
    wrong = []
    for path, route in api_routes(app):
        if "GET" not in route.methods:
            continue
        names = QUERY_INTS + int_fields(route.dependant.query_params)
        for bad in BAD_NUMBERS:
            url = url_of(path, valid_path(route, web_store)) + "?" + "&".join(f"{n}={bad}" for n in names)
            response = send(client, token, "GET", url)
            if response.status_code >= 500 or not secured(response):
                wrong.append((url, response.status_code))
    assert wrong == []


def test_every_posted_integer_field_out_of_range_answers_400(hostile: tuple[TestClient, str], app: FastAPI,
                                                             web_store: Store) -> None:
    client, token = hostile
    wrong = []
    for path, route in api_routes(app):
        for name in int_fields(route.dependant.body_params):
            for bad in BAD_NUMBERS:
                url = url_of(path, valid_path(route, web_store))
                response = send(client, token, "POST", url, {name: bad, "porteur_id": "cc-lomagne"})
                if response.status_code != 400 or not secured(response):
                    wrong.append((url, name, bad, response.status_code))
    assert wrong == []


@pytest.mark.parametrize("url, name", [
    ("/file?page={bad}", "page"), ("/api/correspondances?page={bad}", "page"),
    ("/api/correspondances?par_page={bad}", "par_page"), ("/recherche?q=friche&limite={bad}", "limite"),
    ("/porteurs/cc-lomagne/apercu?contact={bad}", "contact"),
], ids=["queue-page", "api-page", "api-per-page", "search-limit", "preview-contact"])
@pytest.mark.parametrize("bad", ["99999999999999999999", "-5", "abc"], ids=["huge", "negative", "text"])
def test_a_query_integer_out_of_range_answers_400_naming_it(hostile: tuple[TestClient, str], url: str, name: str,
                                                            bad: str) -> None:
    client, _ = hostile
    response = client.get(url.format(bad=bad))
    assert response.status_code == 400 and secured(response)
    assert f"« {name} » invalide" in response.text


@pytest.mark.parametrize("url", ["/appels/99999999999999999999", "/correspondances/-3", "/correspondances/abc/calcul"])
def test_a_path_id_out_of_range_answers_a_french_404_page(hostile: tuple[TestClient, str], url: str) -> None:
    response = hostile[0].get(url)
    assert response.status_code == 404 and secured(response)
    assert "Page introuvable" in response.text and "int_parsing" not in response.text


def test_ticked_ids_too_large_are_refused_with_400(hostile: tuple[TestClient, str], web_store: Store) -> None:
    client, token = hostile
    mid = match_id(web_store, "aap-1")
    page = client.post("/file/decision", data={"ids": [mid, "99999999999999999999"], "action": "accepter",
                                               "csrf": token}, follow_redirects=False)
    api = client.post("/api/correspondances/decision", json={"ids": [mid, 99999999999999999999], "action": "accepter"},
                      headers={"X-CSRF-Token": token})
    contact = client.post("/porteurs/cc-lomagne/contacts", data={"email": "a@example.org", "csrf": token,
                                                                  "contact_id": "99999999999999999999"})
    assert (page.status_code, api.status_code, contact.status_code) == (400, 400, 400)
    assert api.json() == {"detail": "paramètre « ids » invalide ou absent"}
    assert WebQueries(web_store).match_detail(mid)["match"].review_status == "a_revoir"


def test_an_unexpected_error_answers_a_french_500_page_with_the_headers(app: FastAPI) -> None:
    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("détail interne secret")

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/boom")
    assert response.status_code == 500 and secured(response)
    assert "Erreur interne du serveur" in response.text and '<html lang="fr">' in response.text
    assert "secret" not in response.text and "Traceback" not in response.text
    with TestClient(app) as client, pytest.raises(RuntimeError):  # the exception still reaches the log (and tests)
        client.get("/boom")


def test_an_api_error_answers_french_json_with_the_headers(app: FastAPI) -> None:
    @app.get("/api/boom")
    def boom() -> None:
        raise RuntimeError("détail interne secret")

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/api/boom")
    assert response.status_code == 500 and secured(response)
    assert response.json()["detail"].startswith("erreur interne du serveur")


def test_the_500_page_still_has_the_headers_when_the_error_page_itself_fails(app: FastAPI) -> None:
    @app.get("/boom")
    def boom() -> None:
        app.state.web = None  # the error page cannot be rendered any more
        raise RuntimeError("détail interne secret")

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/boom")
    assert response.status_code == 500 and secured(response)
    assert "Erreur interne du serveur" in response.text and "secret" not in response.text
