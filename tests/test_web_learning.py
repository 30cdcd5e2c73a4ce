"""The dashboard tells the chef de projet what Vigie learnt from their reviews (coefficients shown)."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi.testclient import TestClient

from matcher.learning import FEATURES
from models.store import Store
from models.tables import MatchModel
from test_web_world import client, login, web_config, web_store, world_dir  # noqa: F401 - fixtures


def test_without_a_model_the_dashboard_says_how_many_reviews_are_needed(client: TestClient) -> None:
    login(client, "camille")
    page = client.get("/").text
    assert "Pas encore de modèle appris" in page and "sur 100 nécessaires" in page


def test_the_dashboard_shows_the_learnt_coefficients_in_french_strongest_first(client: TestClient,
                                                                               web_store: Store) -> None:
    coefficients = [0.4, 0.1, 2.5, -1.2, 0.0, 0.0, 0.0, 0.3]
    model = {"features": list(FEATURES), "means": [0.0] * 8, "scales": [1.0] * 8, "coefficients": coefficients,
             "intercept": -1.0}
    web_store.save_match_model(MatchModel(trained_at=datetime(2026, 11, 22, 3, tzinfo=UTC), model=model,
                                          reviews=140, held_out=0.81, previous=0.74, active=True))
    login(client, "camille")
    page = " ".join(client.get("/").text.split())
    assert "sur 140 revues" in page and "0.810" in page and "0.740" in page
    assert page.index("proximité de sens") < page.index("délai avant la clôture") < page.index("mots communs (BM25)")
    assert "+2.50" in page and "-1.20" in page
