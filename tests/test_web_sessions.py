"""Sessions kept server-side and the login limit: padded names, logout, new passwords, disabled accounts, the
bound on password checks running at once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from clirun import run_cli
from models.store import Store, WebQueries
from test_web_world import (  # noqa: F401 - fixtures
    AS_OF, PASSWORD, client, csrf_of, login, password_hash, web_config, web_store, world_dir,
)
from vigie.web.security import LoginLimiter, normalise_username

T0 = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)


def _post_login(client: TestClient, username: str, password: str) -> int:
    token = csrf_of(client.get("/connexion").text)
    data = {"username": username, "password": password, "csrf": token}
    return client.post("/connexion", data=data, follow_redirects=False).status_code


def _logged_in(client: TestClient) -> bool:
    return client.get("/", follow_redirects=False).status_code == 200


@pytest.mark.parametrize("padded", [" camille", "camille\t", "\u00a0camille\n", "cam\u200bille", "ｃａｍｉｌｌｅ"],
                         ids=["space", "tab", "nbsp-newline", "zero-width", "full-width"])
def test_a_padded_name_is_the_same_account_for_the_lookup_and_the_limit(padded: str) -> None:
    assert normalise_username(padded) == "camille"


def test_padding_the_name_gets_no_fresh_attempts(client: TestClient) -> None:
    names = ["camille", " camille", "camille\t", "camille ", "\tcamille "]
    codes = [_post_login(client, name, "mauvais") for name in names]
    assert codes == [401] * 5 and _post_login(client, " camille\t", PASSWORD) == 429


def test_a_success_under_a_padded_name_clears_the_failures_of_the_name(client: TestClient) -> None:
    codes = [_post_login(client, "camille", "mauvais") for _ in range(4)]
    assert codes == [401] * 4 and _post_login(client, " camille ", PASSWORD) == 303
    assert [_post_login(client, "camille", "mauvais") for _ in range(5)] == [401] * 5
    assert _post_login(client, "paul", PASSWORD) == 303


def test_the_limiter_forgets_failures_after_its_window(web_store: Store) -> None:
    now = [T0]
    limiter = LoginLimiter(WebQueries(web_store), max_attempts=2, window=timedelta(minutes=1), now=lambda: now[0])
    first, second, third = (limiter.start("a", "ip") for _ in range(3))
    now[0] += timedelta(seconds=61)
    assert first and second and third is None
    assert limiter.start("a", "ip") is not None and limiter.start("b", "ip") is not None


def test_logging_out_ends_that_session_even_for_a_copied_cookie_and_only_that_one(
        web_config, web_store: Store) -> None:  # noqa: ANN001, F811
    from vigie.web import create_app

    app = create_app(web_config, web_store, lambda: AS_OF)
    with TestClient(app) as laptop, TestClient(app) as tablet:
        token, _ = login(laptop, "camille"), login(tablet, "camille")
        copied = laptop.cookies.get("vigie_session")
        laptop.post("/deconnexion", data={"csrf": token}, follow_redirects=False)
        laptop.cookies.set("vigie_session", copied)
        assert not _logged_in(laptop) and _logged_in(tablet)


def test_a_new_password_ends_the_accounts_sessions(client: TestClient, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str], web_config) -> None:  # noqa: ANN001, F811
    login(client, "camille")
    monkeypatch.setenv("NOUVEAU_MDP", "un-nouveau-mot-de-passe")
    result = run_cli(capsys, "--config", str(web_config.directory), "user", "add", "camille", "--role",
                     "chef_de_projet", "--territoire", "gers-lomagne", "--password-env", "NOUVEAU_MDP")
    assert result.code == 0, result.out + result.err
    assert not _logged_in(client)


def test_disabling_an_account_ends_its_sessions_for_good(client: TestClient, web_store: Store,
                                                         capsys: pytest.CaptureFixture[str], web_config) -> None:  # noqa: ANN001, F811
    login(client, "camille")
    result = run_cli(capsys, "--config", str(web_config.directory), "user", "disable", " camille")
    web_store.add_user("camille", password_hash(), "chef_de_projet", ["gers-lomagne"], T0)  # enabled again
    assert result.code == 0 and "désactivé" in result.out
    assert not _logged_in(client) and _post_login(client, "camille", PASSWORD) == 303


def test_disabling_an_unknown_account_says_so_in_french(capsys: pytest.CaptureFixture[str], web_config) -> None:  # noqa: ANN001, F811
    result = run_cli(capsys, "--config", str(web_config.directory), "user", "disable", "personne")
    assert result.code != 0 and "compte inconnu" in result.out + result.err


def test_a_session_ends_after_its_lifetime_whatever_the_cookie(client: TestClient) -> None:
    login(client, "camille")
    state = client.app.state.web
    later = datetime.now(UTC) + timedelta(hours=12, minutes=1)
    state.now = lambda: later
    assert not _logged_in(client)


def test_the_database_holds_no_usable_session_token(client: TestClient, web_store: Store) -> None:
    from sqlmodel import select

    from models.tables import WebSession

    login(client, "camille")
    with web_store.session() as session:
        stored = [row.id for row in session.exec(select(WebSession)).all()]
    signed = client.cookies.get("vigie_session")
    assert len(stored) == 1 and stored[0] not in signed


@pytest.mark.timed_waits
def test_a_login_finding_every_check_slot_taken_is_told_to_retry_in_french(client: TestClient) -> None:
    slots = client.app.state.web.hash_slots
    slots.wait = 0.05
    for _ in range(slots.size):
        slots.semaphore.acquire()
    try:
        token = csrf_of(client.get("/connexion").text)
        busy = client.post("/connexion", data={"username": "camille", "password": PASSWORD, "csrf": token})
    finally:
        for _ in range(slots.size):
            slots.semaphore.release()
    assert busy.status_code == 429 and "réessayez dans quelques secondes" in busy.text
    assert [_post_login(client, "camille", "mauvais") for _ in range(5)] == [401] * 5  # the busy one is not counted
