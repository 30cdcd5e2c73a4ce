"""The COPIL report's figures, built from a territory stored in SQLite and PostgreSQL (tests/copil_world.py)."""

from __future__ import annotations

from datetime import date

import pytest

import copil_world
from models.copil_records import CopilReport
from models.display_funding import aid_rate_line
from models.store import Store, WebQueries
from vigie.report.load import ReportRequest, load_report

THRESHOLD = 0.03


@pytest.fixture
def report(store: Store) -> CopilReport:
    copil_world.build(store)
    return load_report(store, ReportRequest("gers-lomagne", copil_world.SINCE, "xlsx"), THRESHOLD,
                       copil_world.AS_OF)


def test_summary_counts_and_amounts(report: CopilReport) -> None:
    s = report.summary
    assert (s.fiches, s.proposed, s.accepted, s.filed, s.won) == (3, 6, 5, 3, 1)
    assert (s.budget, s.need, s.requested, s.obtained) == (1_500_000, 1_200_000, 770_000, 350_000)
    assert (s.uncovered, s.uncovered_after_pending) == (850_000, 480_000)
    assert s.next_deadline == date(2027, 7, 15)


def test_fiche_funding_plan_and_rates(report: CopilReport) -> None:
    f1, f2, f3 = report.fiches
    assert [line.call_title for line in f1.funding.lines] == ["Chaleur renouvelable", "Fonds vert"]
    assert aid_rate_line(f1.funding) == "taux d'aides publiques cumulées : 62\u202f% pour un plafond de 80\u202f%"
    assert aid_rate_line(f2.funding) == "taux d'aides publiques cumulées : 20\u202f% pour un plafond inconnu"
    assert (f3.funding.aid_rate, f3.funding.uncovered, f3.figures.proposed) == (None, None, 1)


def test_axes_in_the_programmes_order(report: CopilReport) -> None:
    assert [(axe, figures.fiches, figures.obtained) for axe, figures in report.axes] == [
        ("transition_ecologique", 1, 350_000), ("competences", 1, 0), ("foncier", 1, 0)]


def test_changes_since_the_last_copil(report: CopilReport) -> None:
    changes = report.changes
    assert [f.id for f in changes.new_fiches] == ["F3"]
    assert [(f.id, c.title) for f, c in changes.new_calls] == [("F3", "Compétences industrielles")]
    assert sorted(c.status for _, c in changes.filed) == ["obtenu", "refuse"]
    assert changes.obtained == 350_000


def test_deadlines_that_matter_and_dossiers_without_outcome(report: CopilReport) -> None:
    assert [(d.day, d.fiche.id, d.call.title) for d in report.deadlines] == [
        (date(2027, 7, 15), "F2", "Recyclage des friches"), (date(2027, 9, 30), "F2", "Fonds vert")]
    assert [(o.fiche.id, o.call.title, o.dossier.days) for o in report.overdue] == [("F1", "Fonds vert", 121)]


def test_fiche_territory(store: Store) -> None:
    copil_world.build(store)
    assert (WebQueries(store).fiche_territory("F3"), WebQueries(store).fiche_territory("F9")) == ("gers-lomagne", None)


def test_last_report_day_starts_the_next_changes(store: Store) -> None:
    from vigie.report.load import check_request

    copil_world.build(store)
    assert check_request(store, "Gers – Lomagne", None, "PDF", date(2027, 6, 1)).since == date(2027, 3, 3)
    store.record_copil_report("gers-lomagne", copil_world.LATER, date(2027, 4, 20), date(2027, 1, 1), "xlsx")
    store.record_copil_report("gers-lomagne", copil_world.LATER, date(2027, 6, 1), date(2027, 4, 20), "xlsx")
    assert check_request(store, "gers-lomagne", None, "xlsx", date(2027, 6, 1)).since == date(2027, 4, 20)
