"""Small builders of records for tests (content written for the tests)."""

from __future__ import annotations

from datetime import date
from typing import Any

from models.records import ContactData, FicheActionData, OpportunityData, PlanData, PorteurData, TerritoryData


def opportunity(source_id: str = "aap-1", **changes: Any) -> OpportunityData:
    """A call open in Occitanie for EPCI, closing in January 2027."""
    values: dict[str, Any] = dict(
        source="occitanie", source_id=source_id, url=f"https://example.org/aides/{source_id}",
        title="Réseaux de chaleur alimentés par la biomasse", summary="Soutien aux chaufferies bois.",
        funders=["Région Occitanie"], beneficiaries=["epci", "commune"], geo_codes=["REG-76"],
        open_date=date(2026, 9, 1), close_dates=[date(2027, 1, 15)], amount_max=500_000,
    )
    values.update(changes)
    return OpportunityData(**values)


def plan(fiche_description: str = "Chaufferie bois pour la zone d'activités.") -> PlanData:
    """One territory, one EPCI with one contact and one fiche."""
    return PlanData(
        territories=[TerritoryData(id="gers-lomagne", nom="Gers – Lomagne", geo_codes=["DEP-32"])],
        porteurs=[PorteurData(id="cc-lomagne", nom="CC de la Lomagne", type="epci", territoire="gers-lomagne",
                              geo_codes=["COM-32208", "DEP-32", "REG-76"],
                              contacts=[ContactData(email="dev@example.org", nom="Claire")])],
        fiches=[FicheActionData(id="F1", porteur_id="cc-lomagne", titre="Réseau de chaleur",
                                description=fiche_description, axe="transition_ecologique")],
    )
