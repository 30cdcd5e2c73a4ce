"""The web world of test_web_world with calls accepted for both porteurs, and the personal links of its
contacts signed as the letters sign them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from fastapi.testclient import TestClient

from models.config import VigieConfig
from models.store import Store
from models.vocab import ReviewStatus
from test_web_world import AS_OF, NOW, SECRET, match_id, web_config, web_store, world_dir  # noqa: F401
from vigie.pipeline.clock import fix_today
from vigie.signing import PersonalLinks
from vigie.web import create_app

LINKS = PersonalLinks(SECRET, 60)


@pytest.fixture
def space_store(web_store: Store) -> Store:
    """aap-1, aap-2 accepted for the CC de la Lomagne, aap-4 for the SICA du Nord; aap-3 left to review."""
    for source_id in ("aap-1", "aap-2", "aap-4"):
        web_store.review(match_id(web_store, source_id), ReviewStatus.ACCEPTED, "camille", NOW)
    return web_store


@pytest.fixture
def porteur_client(web_config: VigieConfig, space_store: Store) -> Iterator[TestClient]:
    """A client without an account; links signed on AS_OF."""
    fix_today(AS_OF)
    with TestClient(create_app(web_config, space_store, lambda: AS_OF)) as client:
        yield client


def contact_of(store: Store, porteur_id: str):  # noqa: ANN201
    """The porteur's first contact."""
    return store.contacts(porteur_id)[0]


def space_link(store: Store, porteur_id: str) -> str:
    """The path of the space of the porteur's first contact."""
    contact = contact_of(store, porteur_id)
    return f"/espace/{LINKS.space_token(contact.id, store.link_generation(contact.id))}"


def answer_link(store: Store, porteur_id: str, source_id: str, answer: str) -> str:
    """The path of one answer link of the porteur's first contact, as a letter carries it."""
    contact = contact_of(store, porteur_id)
    token = LINKS.answer_token(contact.id, store.link_generation(contact.id), match_id(store, source_id), answer)
    return f"/reponse/{token}"


def later(days: int) -> date:
    """A day after AS_OF."""
    from datetime import timedelta

    return AS_OF + timedelta(days=days)
