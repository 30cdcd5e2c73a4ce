"""A territory followed to the grant, for the COPIL report and co-financing tests (content written for the tests).

Gers – Lomagne as of 01/06/2027, changes since 01/03/2027:
- F1 « Réseau de chaleur » (transition écologique, budget 1 000 000 €, need 800 000 €):
  chaleur (max rate 80 %) obtenu 350 000 € of 400 000 € on 01/03/2027; fonds-vert (no rate) déposé 270 000 € on
  10/12/2026 for the relève of 31/01/2027 — no answer 121 days later; competences refusé (50 000 €) on 15/04/2027.
- F2 « Friche de la gare » (foncier, budget 500 000 €, need 400 000 €): friches à déposer 100 000 € (closes
  15/07/2027); fonds-vert accepted without follow-up (next relève 30/09/2027).
- F3 « Formation des soudeurs » (compétences, no budget), imported 01/04/2027: competences proposed on 02/04/2027,
  not reviewed; chaleur rejected (not proposed).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from factories import opportunity, plan
from models.records import FicheActionData, MatchResult
from models.store import Store
from models.vocab import ReviewStatus

AS_OF = date(2027, 6, 1)
SINCE = date(2027, 3, 1)
IMPORTED = datetime(2026, 11, 24, 7, tzinfo=UTC)
LATER = datetime(2027, 4, 1, 7, tzinfo=UTC)
CALLS = {
    "chaleur": dict(title="Chaleur renouvelable", rate_max=80, close_dates=[date(2027, 1, 15)]),
    "fonds-vert": dict(title="Fonds vert", close_dates=[date(2027, 1, 31), date(2027, 9, 30)]),
    "friches": dict(title="Recyclage des friches", close_dates=[date(2027, 7, 15)]),
    "competences": dict(title="Compétences industrielles", rate_max=50, close_dates=[date(2027, 8, 1)]),
}
FOLLOWUP = {  # (fiche, call): (review, follow-up, day, requested, obtained)
    ("F1", "chaleur"): ("accepte", "obtenu", date(2027, 3, 1), 400_000, 350_000),
    ("F1", "fonds-vert"): ("accepte", "depose", date(2026, 12, 10), 270_000, None),
    ("F1", "competences"): ("accepte", "refuse", date(2027, 4, 15), 50_000, None),
    ("F2", "friches"): ("accepte", "a_deposer", date(2027, 5, 2), 100_000, None),
    ("F2", "fonds-vert"): ("accepte", None, None, None, None),
    ("F3", "chaleur"): ("rejete", None, None, None, None),
}


def fiches() -> list[FicheActionData]:
    """F1 and F2 of the first import (F3 comes later)."""
    return [
        FicheActionData(id="F1", porteur_id="cc-lomagne", titre="Réseau de chaleur", axe="transition_ecologique",
                        description="Chaufferie bois.", budget_total=1_000_000, besoin_financement=800_000),
        FicheActionData(id="F2", porteur_id="cc-lomagne", titre="Friche de la gare", axe="foncier",
                        description="Reconversion de la friche.", budget_total=500_000, besoin_financement=400_000),
    ]


def soudeurs() -> FicheActionData:
    """F3, imported on 01/04/2027, without budget nor need."""
    return FicheActionData(id="F3", porteur_id="cc-lomagne", titre="Formation des soudeurs", axe="competences",
                           description="Formation.")


def build(store: Store) -> dict[tuple[str, str], int]:
    """Fill `store`; answers the match id of each (fiche, call)."""
    base = plan()
    store.import_plan(base.model_copy(update={"fiches": fiches()}), IMPORTED)
    store.import_plan(base.model_copy(update={"fiches": [*fiches(), soudeurs()]}), LATER)
    for slug, values in CALLS.items():
        store.upsert_opportunity(opportunity(slug, **values), IMPORTED)
    pairs = list(FOLLOWUP) + [("F3", "competences")]
    for fiche, slug in pairs:
        when = LATER.replace(day=2) if fiche == "F3" else IMPORTED
        result = MatchResult(fiche_id=fiche, porteur_id="cc-lomagne", source="occitanie", source_id=slug,
                             score=0.8, eligible=True, reasons=[])
        store.save_matches([result], {}, when)
    ids = {(m.fiche_id, _slug(store, m.opportunity_id)): m.id for m in store.matches()}
    for pair, (review, status, day, requested, obtained) in FOLLOWUP.items():
        store.review(ids[pair], ReviewStatus(review), "camille", IMPORTED)
        if status:
            store.set_followup(ids[pair], status, day, obtained, requested)
    return ids


def _slug(store: Store, opportunity_id: int) -> str:
    return next(data.source_id for oid, data in store.opportunities() if oid == opportunity_id)
