"""The letters say which change happened; a deadline moved earlier reaches every porteur the call was sent to,
even one whose match is no longer wanted — and only them."""

from __future__ import annotations

import email
import email.policy
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from conftest import NOW
from digestworld import example_config, recrawl
from factories import opportunity, plan
from models.config import VigieConfig
from models.records import ContactData, FicheActionData, MatchResult, PorteurData
from models.store import Store
from models.vocab import ReviewStatus
from notifier import iso_week
from vigie.pipeline.digest import run_digests

START, LATER = date(2026, 11, 23), date(2026, 11, 30)
PORTEURS = {"cc-lomagne": "F1", "mairie-lectoure": "L1", "sem-gers": "S1"}
EMAILS = {"cc-lomagne": "dev@example.org", "mairie-lectoure": "mairie@example.org", "sem-gers": "sem@example.org"}


def other(porteur_id: str, fiche_id: str, kind: str) -> tuple[PorteurData, FicheActionData]:
    porteur = PorteurData(id=porteur_id, nom=porteur_id, type=kind, territoire="gers-lomagne",
                          geo_codes=["DEP-32", "REG-76"], contacts=[ContactData(email=EMAILS[porteur_id])])
    return porteur, FicheActionData(id=fiche_id, porteur_id=porteur_id, titre="Chaufferie bois")


@pytest.fixture
def world(tmp_path: Path) -> Iterator[tuple[VigieConfig, Store]]:
    """Three porteurs match one call; the first two are accepted and told in week 48, the third is not."""
    config = example_config(tmp_path)
    store = Store.open(config.database_url)
    data = plan()
    extra = [other("mairie-lectoure", "L1", "commune"), other("sem-gers", "S1", "sem")]
    store.import_plan(data.model_copy(update={"porteurs": [*data.porteurs, *(p for p, _ in extra)],
                                              "fiches": [*data.fiches, *(f for _, f in extra)]}), NOW)
    store.upsert_opportunity(opportunity(), NOW)
    store.save_matches([MatchResult(fiche_id=f, porteur_id=p, source="occitanie", source_id="aap-1", score=0.8,
                                    eligible=True) for p, f in PORTEURS.items()], {}, NOW)
    for match in store.matches():
        if match.porteur_id != "sem-gers":
            store.review(match.id, ReviewStatus.ACCEPTED, "camille", NOW)
    run_digests(config, store, iso_week(START), START, send=True)
    yield config, store
    store.close()


def letters(config: VigieConfig, store: Store, day: date) -> dict[str, str]:
    """Recipient → the text part of the letter sent that day."""
    messages = {o.recipient: email.message_from_bytes(o.paths[0].read_bytes(), policy=email.policy.default)
                for o in run_digests(config, store, iso_week(day), day, send=True)}
    return {who: message.get_body(("plain",)).get_content() for who, message in messages.items()}


def no_longer_wanted(store: Store, porteur_id: str, status: ReviewStatus) -> None:
    [match] = [m for m in store.matches() if m.porteur_id == porteur_id]
    store.review(match.id, status, "camille", NOW)


@pytest.mark.parametrize("status", [ReviewStatus.REJECTED, ReviewStatus.PENDING, ReviewStatus.SNOOZED])
def test_a_deadline_moved_earlier_is_flagged_to_every_porteur_already_told(
    world, status: ReviewStatus,  # noqa: ANN001
) -> None:
    config, store = world
    no_longer_wanted(store, "mairie-lectoure", status)
    recrawl(store, LATER, close_dates=[date(2027, 1, 5)])
    sent = letters(config, store, LATER)
    assert set(sent) == {"dev@example.org", "mairie@example.org"}  # never the porteur who was not told
    flag = "Attention : la date limite passe du 15/01/2027 au 05/01/2027 (avancée de 10 jours)"
    assert all(flag in " ".join(text.split()) for text in sent.values())


@pytest.mark.parametrize("moved", [date(2027, 2, 20), date(2027, 1, 16)], ids=["weeks-later", "one-day-later"])
def test_a_postponed_deadline_goes_only_where_the_call_is_still_wanted(world, moved: date) -> None:  # noqa: ANN001
    config, store = world
    no_longer_wanted(store, "mairie-lectoure", ReviewStatus.REJECTED)
    recrawl(store, LATER, close_dates=[moved])
    sent = letters(config, store, LATER)
    assert list(sent) == ["dev@example.org"]
    text = " ".join(sent["dev@example.org"].split())
    assert f"la date limite passe du 15/01/2027 au {moved:%d/%m/%Y} (repoussée de" in text
    assert "Attention" not in text


def test_new_beneficiaries_are_said_in_the_update(world) -> None:  # noqa: ANN001
    config, store = world
    recrawl(store, LATER, beneficiaries=["epci", "commune", "pme"])
    text = " ".join(letters(config, store, LATER)["dev@example.org"].split())
    assert "MIS À JOUR" in text and "bénéficiaires modifiés : ajoutés PME" in text


def test_a_flagged_call_is_told_once(world) -> None:  # noqa: ANN001
    config, store = world
    no_longer_wanted(store, "mairie-lectoure", ReviewStatus.REJECTED)
    recrawl(store, LATER, close_dates=[date(2027, 1, 5)])
    assert "mairie@example.org" in letters(config, store, LATER)
    assert "mairie@example.org" not in letters(config, store, date(2026, 12, 7))
