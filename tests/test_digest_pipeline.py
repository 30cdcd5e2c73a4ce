"""The digest shell: only accepted matches go out, once per contact and week, even after a crash."""

from __future__ import annotations

import email
from datetime import date
from pathlib import Path

import pytest

from conftest import NOW
from factories import opportunity, plan
from models.config import VigieConfig, load_config
from models.records import MatchResult
from models.store import Store
from models.vocab import ReviewStatus
from vigie.context import source_kinds
from vigie.defaults import copy_example_config
from vigie.pipeline.digest import run_digests

AS_OF = date(2026, 11, 23)
WEEK = "2026-W48"


@pytest.fixture
def config(tmp_path: Path) -> VigieConfig:
    copy_example_config(tmp_path / "conf")
    return load_config(tmp_path / "conf", source_kinds())


@pytest.fixture
def filled(config: VigieConfig) -> Store:
    """One porteur with one contact, one call, one eligible match (not reviewed yet)."""
    store = Store.open(config.database_url)
    store.import_plan(plan(), NOW)
    store.upsert_opportunity(opportunity(), NOW)
    result = MatchResult(fiche_id="F1", porteur_id="cc-lomagne", source="occitanie", source_id="aap-1",
                         score=0.8, eligible=True)
    store.save_matches([result], {("F1", "occitanie", "aap-1"): 1}, NOW)
    yield store
    store.close()


def _accept_all(store: Store) -> None:
    for match in store.matches():
        store.review(match.id, ReviewStatus.ACCEPTED, "camille", NOW)


def test_nothing_goes_out_before_the_chef_de_projet_accepts(config: VigieConfig, filled: Store) -> None:
    assert run_digests(config, filled, WEEK, AS_OF, send=True) == []


def test_an_accepted_match_is_written_once_per_week(config: VigieConfig, filled: Store) -> None:
    _accept_all(filled)
    first = run_digests(config, filled, WEEK, AS_OF, send=True)
    again = run_digests(config, filled, WEEK, AS_OF, send=True)
    assert [o.status for o in first] == ["written"]
    assert [o.status for o in again] == ["already_sent"]
    message = email.message_from_bytes(first[0].paths[0].read_bytes())
    assert "dev@example.org" in message["To"] and "Réseaux de chaleur" in first[0].paths[1].read_text("utf-8")
    assert len(list((config.outbox / WEEK).glob("*.eml"))) == 1


def test_a_call_already_announced_is_not_announced_next_week(config: VigieConfig, filled: Store) -> None:
    _accept_all(filled)
    run_digests(config, filled, WEEK, AS_OF, send=True)
    assert run_digests(config, filled, "2026-W49", date(2026, 11, 30), send=True) == []


def test_a_crash_between_record_and_send_resends_with_the_same_message_id(config: VigieConfig, filled: Store) -> None:
    _accept_all(filled)
    config.outbox.mkdir(parents=True)
    (config.outbox / WEEK).write_text("pas un dossier")  # the outbox write fails after the record
    with pytest.raises(OSError):
        run_digests(config, filled, WEEK, AS_OF, send=True)
    recorded = filled.digests(WEEK)
    assert [d.status for d in recorded] == ["pending"]
    (config.outbox / WEEK).unlink()
    rerun = run_digests(config, filled, WEEK, AS_OF, send=True)
    assert [o.status for o in rerun] == ["written"]
    sent = email.message_from_bytes(rerun[0].paths[0].read_bytes())
    assert sent["Message-ID"] == recorded[0].message_id
    assert [d.status for d in filled.digests(WEEK)] == ["sent"]


def test_an_unsubscribed_contact_gets_nothing(config: VigieConfig, filled: Store) -> None:
    _accept_all(filled)
    with filled.session() as session:
        from models.tables import Contact

        for contact in session.query(Contact).all():
            contact.unsubscribed_at = NOW
    assert run_digests(config, filled, WEEK, AS_OF, send=True) == []


def test_a_dry_run_previews_without_recording(config: VigieConfig, filled: Store) -> None:
    _accept_all(filled)
    preview = run_digests(config, filled, WEEK, AS_OF, send=False)
    assert [o.status for o in preview] == ["preview"]
    assert "apercu" in str(preview[0].paths[0])
    assert filled.digests() == []
