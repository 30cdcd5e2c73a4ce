"""One definition per number: « à relire » (review_filter, the default queue) and the calls of a porteur's
letter (notifier call_count over the planned letter), the same on every surface."""

from __future__ import annotations

import email
import email.policy
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from clirun import run_cli
from conftest import NOW
from digestworld import example_config
from factories import opportunity, plan
from models.config import VigieConfig
from models.records import FicheActionData, MatchResult
from models.store import Store, WebQueries
from models.store.web_queue import closed_calls, review_filter
from models.vocab import ReviewStatus, Status
from notifier import iso_week
from test_web_world import (  # noqa: F401 - fixtures
    AS_OF, add_marginal, client, fill, login, web_config, web_store, world_dir,
)
from vigie.pipeline.chef_digest import to_review
from vigie.pipeline.weekly import run_weekly
from vigie.web.digests import preview

THRESHOLD = 0.2
CALENDARS = {  # source_id: (open_date, close_dates, extra fields)
    "passe": (date(2026, 9, 1), [date(2026, 11, 1)], {}),
    "clos-ce-jour": (date(2026, 9, 1), [date(2026, 11, 23)], {}),
    "releve-a-venir": (date(2026, 9, 1), [date(2026, 10, 1), date(2027, 3, 1)], {}),
    "sans-date": (date(2026, 9, 1), [], {}),
    "dit-clos": (date(2026, 9, 1), [date(2027, 1, 15)], {"stated_status": Status.CLOSED}),
    "pas-encore-ouvert": (date(2027, 1, 1), [date(2026, 10, 1)], {}),
    "sans-ouverture-passe": (None, [date(2026, 10, 1)], {}),
    "permanent": (None, [], {"recurrence": "permanente"}),
}


def _eligible(store: Store, fiche: str, source_id: str, score: float, eligible: bool = True) -> None:
    porteur = "sica-nord" if fiche == "N1" else "cc-lomagne"
    store.save_matches([MatchResult(fiche_id=fiche, porteur_id=porteur, source="occitanie", source_id=source_id,
                                    score=score, eligible=eligible)], {}, NOW)


def test_the_closed_calls_of_the_queue_are_the_calls_status_on_calls_closed_on_both_backends(store: Store) -> None:
    for source_id, (opened, closes, extra) in CALENDARS.items():
        store.upsert_opportunity(opportunity(source_id, open_date=opened, close_dates=closes, **extra), NOW)
    calls = dict(store.opportunities())
    with store.session() as session:
        closed = set(session.exec(closed_calls(store.engine.dialect.name, AS_OF)).all())
    assert closed == {i for i, c in calls.items() if c.status_on(AS_OF) == Status.CLOSED}
    assert {calls[i].source_id for i in closed} == {"passe", "dit-clos", "sans-ouverture-passe"}


def test_to_review_leaves_out_low_scores_ineligible_closed_calls_and_snoozed_ones_on_both_backends(
    store: Store,
) -> None:
    fill(store)  # four eligible pending matches above the threshold: three in the Gers, one in the Nord
    add_marginal(store, "F2", "aap-1", 0.1)
    _eligible(store, "F2", "aap-3", 0.9, eligible=False)
    store.upsert_opportunity(opportunity("clos", title="Appel clos depuis", close_dates=[date(2026, 11, 2)]), NOW)
    _eligible(store, "F1", "clos", 0.95)  # scored eligible before it closed
    ids = {d.source_id: i for i, d in store.opportunities()}
    by_call = {(m.opportunity_id, m.fiche_id): m.id for m in store.matches()}
    WebQueries(store).decide([by_call[(ids["aap-2"], "F2")]], ReviewStatus.SNOOZED, "camille", NOW,
                 snoozed_until=AS_OF - timedelta(days=1))  # snoozed until yesterday: back in the queue
    WebQueries(store).decide([by_call[(ids["aap-3"], "F1")]], ReviewStatus.SNOOZED, "camille", NOW,
                 snoozed_until=AS_OF + timedelta(days=1))
    gers = store.queue_rows(review_filter(THRESHOLD, territoire="gers-lomagne"), AS_OF)
    assert [r["title"] for r in gers] == ["Réseaux de chaleur biomasse", "Recyclage des friches"]
    assert store.count_queue(review_filter(THRESHOLD), AS_OF) == 3
    assert store.count_queue(review_filter(THRESHOLD, territories=["nord-ouest"]), AS_OF) == 1


def test_review_list_the_dashboard_the_api_and_the_chef_letter_count_the_same_matches(
    web_config: VigieConfig, web_store: Store, client: TestClient, capsys: pytest.CaptureFixture[str],
) -> None:
    add_marginal(web_store, "F2", "aap-1", 0.01)  # eligible, far below the threshold: to review nowhere
    web_store.upsert_opportunity(opportunity("clos", title="Appel clos depuis", close_dates=[date(2026, 11, 2)]), NOW)
    _eligible(web_store, "F1", "clos", 0.95)
    listed = run_cli(capsys, "--config", str(web_config.directory), "--as-of", AS_OF.isoformat(),
                     "review", "list", "--territoire", "gers-lomagne")
    login(client, "camille")
    tile = re.search(r'href="/file"[^>]*>\s*<strong>([^<]+)</strong>', client.get("/").text).group(1)
    counts = {"cli": int(re.search(r"(\d+) correspondance\(s\) à revoir", listed.out).group(1)),
              "tableau de bord": int(re.sub(r"\D", "", tile)),
              "api": client.get("/api/correspondances").json()["total"],
              "lettre du chef": len(to_review(web_config, web_store, "gers-lomagne", AS_OF))}
    assert counts == dict.fromkeys(counts, 3)
    assert len(re.findall(r"^│ \d+ ", listed.out, re.MULTILINE)) == 3 and "Appel clos depuis" not in listed.out


def _two_fiches_world(tmp_path: Path) -> tuple[VigieConfig, Store]:
    """A porteur with two fiches; one call fits both, another fits the first; all accepted."""
    config = example_config(tmp_path)
    store = Store.open(config.database_url)
    data = plan()
    second = FicheActionData(id="F2", porteur_id="cc-lomagne", titre="Chaufferie de la piscine",
                             axe="transition_ecologique")
    territory = data.territories[0].model_copy(update={"chef_de_projet_nom": "Camille Dufour",
                                                        "chef_de_projet_email": "camille@example.org"})
    store.import_plan(data.model_copy(update={"territories": [territory], "fiches": [*data.fiches, second]}), NOW)
    for source_id, fiches in {"aap-1": ("F1", "F2"), "aap-2": ("F1",)}.items():
        store.upsert_opportunity(opportunity(source_id, title=f"Chaleur renouvelable {source_id}"), NOW)
        for fiche in fiches:
            store.save_matches([MatchResult(fiche_id=fiche, porteur_id="cc-lomagne", source="occitanie",
                                            source_id=source_id, score=0.8, eligible=True)], {}, NOW)
    for match in store.matches():
        store.review(match.id, ReviewStatus.ACCEPTED, "camille", NOW)
    return config, store


def _text(path: Path) -> tuple[str, str]:
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    return str(message["Subject"]), message.get_body(("plain",)).get_content()


def test_a_call_under_two_fiches_is_one_call_in_the_porteurs_letter_and_in_the_chefs(tmp_path: Path) -> None:
    config, store = _two_fiches_world(tmp_path)
    [contact] = store.contacts("cc-lomagne")
    sections = preview(config, store, "cc-lomagne", contact, AS_OF).sections
    outcomes = {o.recipient: o for o in run_weekly(config, store, iso_week(AS_OF), AS_OF, send=True)}
    subject, body = _text(outcomes["dev@example.org"].paths[0])
    _, chef = _text(outcomes["camille@example.org"].paths[0])
    assert body.count("* Chaleur renouvelable aap-1") == 2  # listed under each fiche
    assert "2 appels pour vos projets" in subject and "Voici 2 appels" in body
    assert sections == {"nouveaux": 2} and outcomes["dev@example.org"].entries == 2  # `vigie digest`'s column
    assert re.search(r"CC de la Lomagne\s*:\s*(\d+)", chef).group(1) == "2"
    store.close()
