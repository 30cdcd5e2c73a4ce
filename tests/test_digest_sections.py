"""Sections of the porteur's digest over the weeks: new, updated (what changed), closing soon (J-30, J-7 once)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from digestworld import example_config, filled_store, recrawl
from models.config import VigieConfig
from models.store import Store
from notifier import iso_week
from vigie.pipeline.digest import DigestOutcome, run_digests

START = date(2026, 11, 23)


@pytest.fixture
def config(tmp_path: Path) -> VigieConfig:
    return example_config(tmp_path)


@pytest.fixture
def store(config: VigieConfig) -> Iterator[Store]:
    opened = filled_store(config)
    yield opened
    opened.close()


def send(config: VigieConfig, store: Store, day: date) -> list[DigestOutcome]:
    return run_digests(config, store, iso_week(day), day, send=True)


def sections(store: Store, day: date) -> list[tuple[str, int | None]]:
    digests = [d for d in store.digests(iso_week(day)) if d.kind == "porteur"]
    return [(i.section, i.band if i.section == "cloture_proche" else None)
            for d in digests for i in store.digest_items(d.id)]


def text_of(outcome: DigestOutcome) -> str:
    return outcome.paths[0].read_bytes().decode("utf-8", "replace")


def test_a_new_releve_and_a_higher_amount_are_announced_once_as_an_update(config: VigieConfig, store: Store) -> None:
    send(config, store, START)
    later = date(2026, 11, 30)
    recrawl(store, later, close_dates=[date(2027, 1, 15), date(2027, 5, 15)], amount_max=800_000)
    [outcome] = send(config, store, later)
    assert sections(store, later) == [("mis_a_jour", None)]
    preview = outcome.paths[1].read_text("utf-8")
    assert "nouvelle relève le 15/05/2027" in preview and "le montant maximum passe de 500 000 € à 800 000 €" in preview
    assert send(config, store, date(2026, 12, 7)) == []


def test_a_moved_deadline_says_from_when_to_when(config: VigieConfig, store: Store) -> None:
    send(config, store, START)
    recrawl(store, date(2026, 11, 30), close_dates=[date(2027, 1, 31)])
    [outcome] = send(config, store, date(2026, 11, 30))
    assert "la date limite passe du 15/01/2027 au 31/01/2027 (repoussée de 16 jours)" in outcome.paths[1].read_text("utf-8")


def test_reminders_come_at_j30_then_j7_and_never_twice(config: VigieConfig, store: Store) -> None:
    send(config, store, START)  # the call closes on 15/01/2027
    weeks = [date(2026, 11, 30), date(2026, 12, 7), date(2026, 12, 16), date(2026, 12, 23), date(2027, 1, 8),
             date(2027, 1, 12)]
    got = {day: sections(store, day) if send(config, store, day) else [] for day in weeks}
    assert got == {date(2026, 11, 30): [], date(2026, 12, 7): [], date(2026, 12, 16): [("cloture_proche", 30)],
                   date(2026, 12, 23): [], date(2027, 1, 8): [("cloture_proche", 7)], date(2027, 1, 12): []}


def test_a_call_marked_depose_gets_no_reminder(config: VigieConfig, store: Store) -> None:
    send(config, store, START)
    with store.session() as session:
        from models.tables import Match

        for match in session.query(Match).all():
            match.followup_status = "déposé"
    assert send(config, store, date(2026, 12, 16)) == []


def test_a_call_announced_inside_the_j30_band_gets_only_the_j7_reminder(tmp_path: Path) -> None:
    config = example_config(tmp_path)
    store = filled_store(config, close_dates=[date(2026, 12, 20)])  # J-27 on the first digest
    send(config, store, START)
    assert send(config, store, date(2026, 11, 30)) == []
    assert send(config, store, date(2026, 12, 14)) and sections(store, date(2026, 12, 14)) == [("cloture_proche", 7)]
    store.close()


def rematched_short_of_lead_time(store: Store, beneficiary_ok: bool = True) -> None:
    """What `vigie match` stores once the relève is nearer than min_lead_days: ineligible on the calendar."""
    from conftest import NOW
    from models.records import Criterion, MatchResult

    criteria = [Criterion(criterion="beneficiaire", verdict="ok" if beneficiary_ok else "ko", detail="EPCI"),
                Criterion(criterion="calendrier", verdict="ko", detail="clôture le 15/01/2027 (J-3) : trop proche ✘")]
    result = MatchResult(fiche_id="F1", porteur_id="cc-lomagne", source="occitanie", source_id="aap-1",
                         score=0.8, eligible=False, eligibility=criteria)
    store.save_matches([result], {}, NOW)


def test_the_j7_reminder_of_a_call_already_sent_survives_the_lead_time_filter(config: VigieConfig,
                                                                               store: Store) -> None:
    send(config, store, START)  # the call closes on 15/01/2027; min_lead_days is 7
    rematched_short_of_lead_time(store)
    day = date(2027, 1, 12)
    assert [o.entries for o in send(config, store, day)] == [1]
    assert sections(store, day) == [("cloture_proche", 7)]


def test_a_call_short_of_lead_time_is_never_announced_as_new(config: VigieConfig, store: Store) -> None:
    rematched_short_of_lead_time(store)
    assert send(config, store, date(2027, 1, 12)) == []


def test_a_call_ineligible_for_another_reason_gets_no_reminder(config: VigieConfig, store: Store) -> None:
    send(config, store, START)
    rematched_short_of_lead_time(store, beneficiary_ok=False)
    assert send(config, store, date(2027, 1, 12)) == []
