"""The amount criterion: the aid's bounds meet the fiche's need, the project's bounds meet its budget; both read
in French."""

from __future__ import annotations

from datetime import date

import pytest

from matcher.eligibility import amount_criterion
from matcher.grid import EligibilityGrid
from models.records import FicheActionData, OpportunityData, PorteurData
from notifier.labels import amount_line

NBSP = "\u00a0"


def call(**fields) -> OpportunityData:
    base = {"source": "test", "source_id": "1", "url": "https://example.org/aap", "title": "Appel"}
    return OpportunityData(**(base | fields))


def fiche(besoin: float | None = None, budget: float | None = None, name: str = "f") -> FicheActionData:
    return FicheActionData(id=name, porteur_id="p", titre="Fiche", besoin_financement=besoin, budget_total=budget)


def money(amount: int) -> str:
    return f"{amount:,}".replace(",", NBSP) + f"{NBSP}€"


@pytest.mark.parametrize(
    ("budget", "low", "high", "verdict", "detail"),
    [
        (1_200_000, 1_500_000, None, "ko",
         f"budget du projet {money(1_200_000)} < minimum de {money(1_500_000)} demandé par l'appel ✘"),
        (90_000, 100_000, 3_000_000, "ko",
         f"budget du projet {money(90_000)} < minimum de {money(100_000)} demandé par l'appel ✘"),
        (800_000, 500_000, 3_000_000, "ok", f"budget du projet {money(800_000)} entre {money(500_000)} et "
         f"{money(3_000_000)} ✔"),
        (800_000, 500_000, None, "ok", f"budget du projet {money(800_000)} ≥ minimum de {money(500_000)} ✔"),
        (4_000_000, None, 3_000_000, "inconnu",
         f"budget du projet {money(4_000_000)} > maximum de {money(3_000_000)} fixé par l'appel : à vérifier"),
        (None, 500_000, 3_000_000, "inconnu", "budget du projet non renseigné"),
    ],
    ids=["under-floor", "under-floor-of-range", "within-range", "above-floor", "above-ceiling", "no-budget"],
)
def test_the_project_bounds_meet_the_fiche_budget(budget, low, high, verdict, detail) -> None:
    result = amount_criterion(call(project_min=low, project_max=high), fiche(besoin=None, budget=budget))
    assert (result.verdict, result.detail) == (verdict, detail)


@pytest.mark.parametrize(
    ("besoin", "budget", "verdict", "parts"),
    [
        (None, 2_000_000, "ok", ["budget du projet"]),
        (None, 200_000, "ko", ["< minimum de"]),
        (150_000, None, "inconnu", ["≤ plafond", "budget du projet non renseigné"]),
        (150_000, 2_000_000, "ok", ["≤ plafond", "budget du projet"]),
        (150_000, 200_000, "ko", ["≤ plafond", "< minimum de"]),
        (10_000, 2_000_000, "ko", ["sous le plancher", "≥ minimum de"]),
    ],
    ids=["budget-no-need", "small-budget-no-need", "need-no-budget", "both-fit", "small-project-fits-aid",
         "need-under-aid-floor"],
)
def test_a_call_naming_project_and_aid_compares_each_with_its_own_figure(besoin, budget, verdict, parts) -> None:
    aid_and_project = call(amount_min=20_000, amount_max=250_000, project_min=500_000)
    only_project = call(project_min=500_000)
    result = amount_criterion(aid_and_project if besoin else only_project, fiche(besoin, budget))
    assert result.verdict == verdict
    assert all(part in result.detail for part in parts)


def test_a_side_the_fiche_leaves_blank_stays_unknown_and_never_excludes() -> None:
    both = call(amount_max=250_000, project_min=500_000)
    no_budget = amount_criterion(both, fiche(besoin=150_000))
    no_need = amount_criterion(both, fiche(budget=900_000))
    assert (no_budget.verdict, no_need.verdict) == ("inconnu", "inconnu")
    assert "budget du projet non renseigné" in no_budget.detail
    assert "besoin de financement non renseigné" in no_need.detail


def test_a_project_floor_is_no_longer_read_against_the_funding_need() -> None:
    """« projets d'au moins 500 000 € » with a need of 100 000 € on a 2 M€ project is no exclusion."""
    result = amount_criterion(call(project_min=500_000), fiche(besoin=100_000, budget=2_000_000))
    assert result.verdict == "ok"


def test_the_grid_says_for_every_pair_what_the_criterion_says() -> None:
    calls = [call(source_id=str(n), **bounds) for n, bounds in enumerate([
        {}, {"amount_min": 50_000}, {"amount_max": 100_000}, {"project_min": 500_000},
        {"project_min": 100_000, "project_max": 1_000_000}, {"amount_min": 20_000, "project_min": 400_000},
    ])]
    fiches = [fiche(b, t, name=f"f{n}") for n, (b, t) in enumerate(
        [(None, None), (30_000, None), (None, 600_000), (80_000, 300_000), (200_000, 2_000_000)])]
    porteur = PorteurData(id="p", nom="Porteur", type="epci", territoire="t", geo_codes=["DEP-32"])
    grid = EligibilityGrid(calls, [(f, porteur) for f in fiches], date(2026, 11, 24), min_lead_days=7)
    ok = grid.verdicts_ok()["montant"]
    for i, f in enumerate(fiches):
        for j, c in enumerate(calls):
            verdict = amount_criterion(c, f).verdict
            assert (bool(grid.mask[i, j]), bool(ok[i, j])) == (verdict != "ko", verdict == "ok"), (f.id, c.source_id)


@pytest.mark.parametrize(
    ("bounds", "line"),
    [
        ({"project_min": 500_000, "project_max": 3_000_000}, f"projet de {money(500_000)} à {money(3_000_000)}"),
        ({"amount_max": 200_000, "project_min": 100_000},
         f"jusqu'à {money(200_000)} · projet d'au moins {money(100_000)}"),
        ({"amount_min": 10_000, "rate_max": 40, "project_max": 1_000_000},
         f"à partir de {money(10_000)} · taux max 40\u202f% · projet d'au plus {money(1_000_000)}"),
    ],
    ids=["project-range", "aid-ceiling-and-project-floor", "aid-rate-and-project-ceiling"],
)
def test_the_amount_line_names_the_project_budget_after_the_aid(bounds, line) -> None:
    assert amount_line(call(**bounds)) == line
