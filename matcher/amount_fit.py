"""The amount criterion: each bound of a call compared with the fiche's figure it is about.

The aid's floor and ceiling (amount_min / amount_max) meet the fiche's funding need (besoin_financement); the
project's floor and ceiling (project_min / project_max) meet its whole budget (budget_total). A need under the
aid's floor or a budget under the project's floor excludes. A need over the aid's ceiling is only partly
covered (ok); a budget over the project's ceiling may be excluded or only capped, depending on the call's words
(inconnu, to check). A side the call states but the fiche leaves blank is inconnu, never ko.
"""

from __future__ import annotations

import numpy as np

from models.records import Criterion, FicheActionData, OpportunityData

from matcher.labels import euros

OK, KO, UNKNOWN = "ok", "ko", "inconnu"
_ORDER = {KO: 0, UNKNOWN: 1, OK: 2}


def amount_criterion(opportunity: OpportunityData, fiche: FicheActionData) -> Criterion:
    """Need against the aid's bounds, budget against the project's bounds; ko if either excludes."""
    sides = [s for s in (_aid_side(opportunity, fiche), _project_side(opportunity, fiche)) if s]
    if not sides:
        return Criterion(criterion="montant", verdict=UNKNOWN, detail="montants de l'aide non précisés")
    verdict = min((v for v, _ in sides), key=_ORDER.__getitem__)
    return Criterion(criterion="montant", verdict=verdict, detail=" ; ".join(d for _, d in sides))


def _aid_side(opportunity: OpportunityData, fiche: FicheActionData) -> tuple[str, str] | None:
    need, low, high = fiche.besoin_financement, opportunity.amount_min, opportunity.amount_max
    if low is None and high is None:
        return None
    if need is None:
        return UNKNOWN, "besoin de financement non renseigné"
    if low is not None and need < low:
        return KO, f"besoin {euros(need)} sous le plancher de {euros(low)} ✘"
    if high is not None and need > high:
        return OK, f"plafond {euros(high)} : couvre une partie du besoin ({euros(need)})"
    bound = f"≤ plafond {euros(high)}" if high is not None else f"≥ plancher {euros(low or 0)}"
    return OK, f"besoin {euros(need)} {bound} ✔"


def _project_side(opportunity: OpportunityData, fiche: FicheActionData) -> tuple[str, str] | None:
    budget, low, high = fiche.budget_total, opportunity.project_min, opportunity.project_max
    if low is None and high is None:
        return None
    if budget is None:
        return UNKNOWN, "budget du projet non renseigné"
    if low is not None and budget < low:
        return KO, f"budget du projet {euros(budget)} < minimum de {euros(low)} demandé par l'appel ✘"
    if high is not None and budget > high:
        return UNKNOWN, f"budget du projet {euros(budget)} > maximum de {euros(high)} fixé par l'appel : à vérifier"
    if low is not None and high is not None:
        return OK, f"budget du projet {euros(budget)} entre {euros(low)} et {euros(high)} ✔"
    bound = f"≥ minimum de {euros(low)}" if low is not None else f"≤ maximum de {euros(high or 0)}"
    return OK, f"budget du projet {euros(budget)} {bound} ✔"


def amount_key(opportunity: OpportunityData, fiche: FicheActionData) -> tuple:
    """Everything the criterion depends on: pairs with the same key share one criterion."""
    return ("montant", fiche.besoin_financement, fiche.budget_total, opportunity.amount_min,
            opportunity.amount_max, opportunity.project_min, opportunity.project_max)


def amount_masks(fiches: list[FicheActionData], calls: list[OpportunityData]) -> tuple[np.ndarray, np.ndarray]:
    """(ko, ok) of the criterion for every fiche (rows) and call (columns), as the criterion says one by one."""
    need, budget = (_column([getattr(f, name) for f in fiches]) for name in ("besoin_financement", "budget_total"))
    low, high, p_low, p_high = (_row([getattr(c, name) for c in calls])
                                for name in ("amount_min", "amount_max", "project_min", "project_max"))
    aid_stated, project_stated = ~np.isnan(low) | ~np.isnan(high), ~np.isnan(p_low) | ~np.isnan(p_high)
    with np.errstate(invalid="ignore"):  # NaN (unknown) compares False: never excludes
        ko = (need < low) | (budget < p_low)
        aid_ok = ~np.isnan(need) & ~(need < low)
        project_ok = ~np.isnan(budget) & ~(budget < p_low) & ~(budget > p_high)
    ok = (aid_stated | project_stated) & (~aid_stated | aid_ok) & (~project_stated | project_ok)
    return ko, ok


def _column(values: list[float | None]) -> np.ndarray:
    return _numbers(values)[:, None]


def _row(values: list[float | None]) -> np.ndarray:
    return _numbers(values)[None, :]


def _numbers(values: list[float | None]) -> np.ndarray:
    return np.asarray([np.nan if v is None else float(v) for v in values], dtype=np.float64)
