"""The notifier's store functions on SQLite and PostgreSQL: unsubscribing, delivery errors, what was announced."""

from __future__ import annotations

from datetime import date, timedelta

from conftest import NOW
from factories import opportunity, plan
from models.store import Store
from models.store.digests import DigestRequest, ItemRequest


def test_unsubscribing_by_token_is_idempotent_and_unknown_tokens_answer_none(store: Store) -> None:
    store.import_plan(plan(), NOW)
    [contact] = store.contacts()
    first = store.unsubscribe(contact.unsubscribe_token, NOW)
    again = store.unsubscribe(contact.unsubscribe_token, NOW + timedelta(days=3))
    assert first.email == again.email == "dev@example.org"
    assert store.contacts()[0].unsubscribed_at == NOW
    assert store.unsubscribe("jeton-inconnu") is None and store.unsubscribe("") is None


def test_a_delivery_error_is_kept_on_the_contact_and_listed_for_the_territory(store: Store) -> None:
    store.import_plan(plan(), NOW)
    [contact] = store.contacts()
    store.record_delivery_error(contact.id, "destinataire refusé : 550")
    assert [c.email for c in store.bounced_contacts("gers-lomagne")] == ["dev@example.org"]
    store.record_delivery_error(contact.id, None)
    assert store.bounced_contacts("gers-lomagne") == []


def test_announced_remembers_the_last_event_and_the_reminders_sent(store: Store) -> None:
    store.import_plan(plan(), NOW)
    oid = store.upsert_opportunity(opportunity(), NOW).opportunity_id
    items = [ItemRequest(oid, None, "nouveaux", event_id=4), ItemRequest(oid, None, "cloture_proche", 2, 30,
                                                                         date(2027, 1, 15))]
    digest = store.record_digest(DigestRequest("dev@example.org", "porteur", "2026-W48", "h", "<m@x>", items), NOW)
    [seen] = store.announced("dev@example.org").values()
    assert seen.last_event_id == 4 and seen.reminders == {(30, date(2027, 1, 15))}
    assert store.announced("dev@example.org", exclude_digest_id=digest.id) == {}
