"""The chef de projet's queue says which change a call went through since the match was proposed or decided."""

from __future__ import annotations

import html
from datetime import UTC, date, datetime, timedelta

from fastapi.testclient import TestClient

from factories import opportunity
from models.store import Store, WebQueries
from models.vocab import ReviewStatus
from test_web_world import (  # noqa: F401 - fixtures
    AS_OF, client, login, match_id, web_config, web_store, world_dir,
)

LATER = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def recrawl(store: Store, source_id: str, title: str, funders: list[str], **changes: object) -> None:
    """A call of the world seen again with `changes` (its title and funders as the world has them)."""
    store.upsert_opportunity(opportunity(source_id, title=title, funders=funders, **changes), LATER, AS_OF)


def queue_text(client: TestClient, query: str = "") -> str:
    return " ".join(html.unescape(client.get(f"/file{query}").text).split())


def test_the_queue_says_what_changed_in_a_call(client: TestClient, web_store: Store) -> None:
    login(client, "camille")
    recrawl(web_store, "aap-1", "Réseaux de chaleur biomasse", ["Région Occitanie"], close_dates=[date(2026, 12, 4)])
    recrawl(web_store, "aap-2", "Recyclage des friches", ["ADEME"], close_dates=[date(2026, 12, 11)],
            amount_max=750_000, beneficiaries=["epci", "commune", "association"])
    text = queue_text(client)
    assert "la date limite passe du 10/12/2026 au 04/12/2026 (avancée de 6 jours)" in text
    assert "le montant maximum passe de 500 000 € à 750 000 €" in text
    assert "bénéficiaires modifiés : ajoutés associations" in text
    assert text.count('class="tag change"') == 3


def test_a_change_seen_before_the_decision_is_not_repeated(client: TestClient, web_store: Store) -> None:
    login(client, "camille")
    recrawl(web_store, "aap-1", "Réseaux de chaleur biomasse", ["Région Occitanie"], close_dates=[date(2027, 1, 8)])
    assert "repoussée de 29 jours" in queue_text(client)
    WebQueries(web_store).decide([match_id(web_store, "aap-1")], ReviewStatus.ACCEPTED, "camille",
                                 LATER + timedelta(hours=1))
    assert "repoussée" not in queue_text(client, "?status=accepte")
    assert 'class="tag change"' not in queue_text(client, "?status=")
