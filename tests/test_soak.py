"""Soak test: eight weeks of scheduled jobs in a few minutes, with an accelerated clock.

The cron times of settings.toml are walked over eight weeks (from Monday 30/11/2026, Paris time) and
each due job runs through the real runner (lease, job-run record) against a local site whose CSV of
calls changes with the day: calls appear, a relève moves, a call leaves the list (closed), deadlines pass.
An HTML source (the DGE mirror pages) is crawled weekly. Asserted: one digest per contact per week, the
J-30 and J-7 reminders once each per call, no duplicate call, every run recorded as successful."""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from models.config import load_config
from models.store import Store
from models.tables import Contact, Digest, DigestItem, Opportunity
from tests.mirror_copy import copy_hosts
from tests.schedule_world import write_config
from vigie.context import source_kinds
from vigie.demo.server import MirrorServer
from vigie.scheduler.plan import PARIS, fire_times, job_specs
from vigie.scheduler.runner import Runner

START = datetime(2026, 11, 30, tzinfo=PARIS)
WEEKS = 8
HOST = "aides.example.test"
DGE = "www.entreprises.gouv.fr/espace-entreprises/appels-a-projets-et-appels-a-manifestation-d-interet"
COLUMNS = ["id", "titre", "promesse", "description", "eligibilite", "types_aides", "porteurs", "programmes_parents",
           "url_source", "cibles", "eligibilite_geographique", "eligibilite_geographique_exclusions",
           "date_ouverture", "date_cloture", "date_mise_a_jour"]
CALLS = {  # id: (title, description, audience, first day listed, last day listed, relève(s) by day)
    "chaufferies-biomasse": ("Chaufferies biomasse et réseaux de chaleur des collectivités",
                             "Subvention aux chaufferies bois alimentant un réseau de chaleur communal ou intercommunal.",
                             "collectivités", date(2026, 11, 1), None,
                             [(date(2026, 11, 1), "2027-01-15"), (date(2026, 12, 16), "2027-01-22")]),
    "reseaux-chaleur": ("Extension de réseaux de chaleur renouvelable",
                        "Études et travaux d'extension d'un réseau de chaleur alimenté par une chaufferie biomasse.",
                        "collectivités", date(2026, 12, 9), None, [(date(2026, 12, 9), "2027-01-20")]),
    "formation-industrie": ("Former les salariés aux métiers de l'industrie du futur",
                            "Financement de la formation des opérateurs de production : pilotage numérique, robotique.",
                            "entreprises", date(2026, 11, 1), None, [(date(2026, 11, 1), "2026-12-31")]),
    "friches-industrielles": ("Reconversion des friches industrielles",
                              "Recyclage foncier des friches industrielles : dépollution, démolition, réaménagement.",
                              "collectivités", date(2026, 11, 1), date(2026, 12, 27), [(date(2026, 11, 1), "2027-06-30")]),
    "ecologie-industrielle": ("Écologie industrielle territoriale : chaleur fatale et biomasse",
                              "Récupérer la chaleur fatale des sites industriels vers un réseau de chaleur, biomasse.",
                              "collectivités|entreprises", date(2027, 1, 6), None, [(date(2027, 1, 6), "2027-05-31")]),
}
PORTEURS = {
    "cc-gers.toml": """[porteur]
id = "cc-gers"
nom = "Communauté de communes du Gers"
type = "epci"
territoire = "gers"
geo = ["DEP-32", "REG-76"]
[[contact]]
email = "elu@example.org"
[[contact]]
email = "technicien@example.org"
[[fiche]]
id = "CCG-01"
titre = "Chaufferie biomasse et réseau de chaleur intercommunal"
description = "Une chaufferie bois alimentant un réseau de chaleur pour les bâtiments intercommunaux."
axe = "transition_ecologique"
[[fiche]]
id = "CCG-02"
titre = "Reconversion de la friche industrielle de la gare"
description = "Dépollution et réaménagement d'une friche industrielle pour accueillir des entreprises."
axe = "foncier"
""",
    "scop-metal.toml": """[porteur]
id = "scop-metal"
nom = "SCOP Métal Gascon"
type = "entreprise"
taille = "pme"
territoire = "gers"
geo = ["DEP-32", "REG-76"]
[[contact]]
email = "direction@example.org"
[[fiche]]
id = "SM-01"
titre = "Former nos opérateurs de production"
description = "Formation des opérateurs au pilotage numérique des machines et à la robotique."
axe = "competences"
""",
}
MATCHING = "[matching]\nreview_required = false\nthreshold = 0.1\nmin_lead_days = 7\n"


def relève_on(changes: list[tuple[date, str]], day: date) -> str:
    return [close for since, close in changes if since <= day][-1]


def write_calls(site: Path, base: str, day: date) -> None:
    """The CSV of calls as listed on `day`, and a page per call (so that links are alive)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, COLUMNS)
    writer.writeheader()
    for slug, (title, text, audience, first, last, relèves) in CALLS.items():
        (site / HOST / "dispositifs" / f"{slug}.html").write_text(f"<h1>{title}</h1>", "utf-8")
        if first <= day and (last is None or day <= last):
            writer.writerow({"id": slug, "titre": title, "description": text, "types_aides": "subvention",
                             "url_source": f"{base}/{HOST}/dispositifs/{slug}", "cibles": audience,
                             "eligibilite_geographique": "REG-76", "date_ouverture": "2026-11-01",
                             "date_cloture": relève_on(relèves, day)})
    (site / HOST / "aides.csv").write_text(out.getvalue(), "utf-8")


@pytest.fixture
def world(tmp_path: Path) -> tuple[Path, Path, str]:
    """The site (CSV host + DGE mirror pages) served on 127.0.0.1, and the configuration."""
    site = copy_hosts(tmp_path, ["www.entreprises.gouv.fr"])
    (site / HOST / "dispositifs").mkdir(parents=True)
    server = MirrorServer(site)
    base = server.start()
    sources = (f'[[source]]\nslug = "aides-csv"\nkind = "dispositif_aide_csv"\nurl = "{base}/{HOST}/aides.csv"\n\n'
               f'[[source]]\nslug = "dge"\nkind = "dge"\nurl = "{base}/{DGE}"\n')
    folder = write_config(tmp_path / "conf", f"sqlite:///{tmp_path}/vigie.db", sources, extra=MATCHING)
    (folder / "porteurs").mkdir()
    for name, text in PORTEURS.items():
        (folder / "porteurs" / name).write_text(text, "utf-8")
    yield folder, site, base
    server.stop()


def test_eight_weeks_of_scheduled_jobs(world: tuple[Path, Path, str]) -> None:
    folder, site, base = world
    specs = job_specs(load_config(folder, source_kinds()))
    due = sorted((when, index) for index, spec in enumerate(specs)
                 for when in fire_times(spec.cron, START, START + timedelta(weeks=WEEKS)))
    outcomes: Counter[tuple[str, str]] = Counter()
    for when, index in due:
        spec = specs[index]
        write_calls(site, base, when.date())
        runner = Runner(folder, clock=lambda w=when: w + timedelta(seconds=5), sleep=_no_retry, holder="soak:1")
        report = runner.run(spec.id, spec.kind, spec.cron, spec.args)
        outcomes[(spec.id, report.outcome)] += 1
        assert report.outcome == "ok", f"{when:%d/%m %H:%M} {spec.id}: {report.message}"
    assert outcomes == Counter({("crawl:aides-csv", "ok"): 56, ("crawl:dge", "ok"): 8, ("digest", "ok"): 8,
                                ("retrain", "ok"): 8, ("dead_links", "ok"): 8, ("purge", "ok"): 56})
    store = Store.open(load_config(folder, source_kinds()).database_url)
    check_digests(store, folder)
    check_reminders(store)
    check_no_duplicate_calls(store)
    check_updates_and_closing(store)


def _no_retry(seconds: float) -> None:
    raise AssertionError("no database outage in the soak test: nothing should be retried")


def check_digests(store: Store, folder: Path) -> None:
    """One digest per contact per week, and each contact hears from Vigie most weeks."""
    with store.session() as session:
        digests = session.exec(select(Digest)).all()
    per_week = Counter((d.recipient, d.iso_week) for d in digests)
    assert max(per_week.values()) == 1
    assert {d.status for d in digests} == {"sent"}
    weeks = {r: sum(1 for (who, _) in per_week if who == r) for r, _ in per_week}
    assert set(weeks) == {"elu@example.org", "technicien@example.org", "direction@example.org", "chef@example.org"}
    assert weeks["chef@example.org"] == WEEKS
    outbox = list((folder / "var" / "outbox").rglob("*.eml"))
    assert len(outbox) == len(digests)


def check_reminders(store: Store) -> None:
    """J-30 then J-7, once each, for each contact and relève that was announced early enough."""
    with store.session() as session:
        rows = session.exec(select(Contact.email, Opportunity.source_id, DigestItem.band, DigestItem.band_date,
                                   DigestItem.section, Digest.iso_week)
                            .join(Digest, DigestItem.digest_id == Digest.id)
                            .join(Contact, Digest.contact_id == Contact.id)
                            .join(Opportunity, DigestItem.opportunity_id == Opportunity.id)).all()
    bands: dict[tuple[str, str, date], list[int]] = {}
    for email, call, band, band_date, section, week in rows:
        if band is not None:
            bands.setdefault((email, call, band_date), []).append(band)
    for key, sent in bands.items():
        assert sorted(sent) == sorted(set(sent)), f"reminder sent twice: {key} {sent}"
    assert bands[("direction@example.org", "formation-industrie", date(2026, 12, 31))] == [30, 7]
    for contact in ("elu@example.org", "technicien@example.org"):
        assert bands[(contact, "chaufferies-biomasse", date(2027, 1, 22))] == [30, 7]
        assert bands[(contact, "reseaux-chaleur", date(2027, 1, 20))] == [30, 7]


def check_no_duplicate_calls(store: Store) -> None:
    """Each call stored once, and announced as new at most once per contact and fiche (a call that suits
    two of a porteur's fiches is listed under each)."""
    calls = [(d.source, d.source_id) for _, d in store.opportunities()]
    assert len(calls) == len(set(calls))
    assert {i for s, i in calls if s == "aides-csv"} == set(CALLS)
    with store.session() as session:
        news = session.exec(select(Digest.recipient, DigestItem.opportunity_id, DigestItem.match_id)
                            .join(Digest, DigestItem.digest_id == Digest.id)
                            .where(DigestItem.section == "nouveaux")).all()
    assert max(Counter(news).values()) == 1


def check_updates_and_closing(store: Store) -> None:
    """The moved relève is told as "mis à jour" the Monday after; the call gone from the list is closed."""
    with store.session() as session:
        updated = session.exec(select(Digest.recipient, Digest.iso_week, Opportunity.source_id)
                               .join(DigestItem, DigestItem.digest_id == Digest.id)
                               .join(Opportunity, DigestItem.opportunity_id == Opportunity.id)
                               .where(DigestItem.section == "mis_a_jour")).all()
    assert ("elu@example.org", "2026-W52", "chaufferies-biomasse") in updated
    ids = {d.source_id: i for i, d in store.opportunities()}
    assert [e.kind for e in store.history(ids["friches-industrielles"])][-1] == "closed"
