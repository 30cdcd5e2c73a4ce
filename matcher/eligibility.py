"""Eligibility criteria: who may apply, where, when, how much (matcher/amount_fit.py). Each says ok / ko /
inconnu in French.

An unknown field never excludes: a call with no stated beneficiaries is `inconnu`, not `ko`.
"""

from __future__ import annotations

from datetime import date

from models import geo
from models.records import Criterion, FicheActionData, OpportunityData, PorteurData
from models.vocab import Beneficiary, GeoScope, PorteurType, Status, Taille

from matcher.amount_fit import amount_criterion
from matcher.labels import beneficiary_label, place_label, porteur_label

OK, KO, UNKNOWN = "ok", "ko", "inconnu"

_SIZES_ADMITTED = {
    Beneficiary.TPE: {Taille.TPE},
    Beneficiary.PME: {Taille.PME, Taille.TPE},  # PME in the EU sense includes TPE
    Beneficiary.ETI: {Taille.ETI},
    Beneficiary.GE: {Taille.GE},
}


def eligibility(
    opportunity: OpportunityData, fiche: FicheActionData, porteur: PorteurData, as_of: date, min_lead_days: int
) -> list[Criterion]:
    """The four criteria for one pair, in display order."""
    return [
        beneficiary_criterion(opportunity, porteur),
        territory_criterion(opportunity, porteur),
        calendar_criterion(opportunity, as_of, min_lead_days),
        amount_criterion(opportunity, fiche),
    ]


def is_eligible(criteria: list[Criterion]) -> bool:
    """Eligible unless some criterion says ko."""
    return all(c.verdict != KO for c in criteria)


def beneficiary_criterion(opportunity: OpportunityData, porteur: PorteurData) -> Criterion:
    """porteur.type (and taille for companies) against the call's beneficiaries."""
    wanted = set(opportunity.beneficiaries)
    if not wanted:
        return Criterion(criterion="beneficiaire", verdict=UNKNOWN, detail="bénéficiaires non précisés")
    label = porteur_label(porteur.type, porteur.taille)
    verdict = _admits(wanted, porteur)
    if verdict == OK:
        return Criterion(criterion="beneficiaire", verdict=OK, detail=f"{label} ✔")
    listed = ", ".join(beneficiary_label(b) for b in opportunity.beneficiaries)
    if verdict == UNKNOWN:
        detail = f"taille de l'entreprise non renseignée ; réservé à : {listed}"
        return Criterion(criterion="beneficiaire", verdict=UNKNOWN, detail=detail)
    return Criterion(criterion="beneficiaire", verdict=KO, detail=f"réservé à : {listed} ✘")


def porteur_admitted(wanted: set[Beneficiary], porteur: PorteurData) -> str:
    """ok / ko / inconnu: whether a call open to `wanted` admits the porteur's type and size (a PME call admits a
    TPE; a company of unknown size is inconnu for a call open to some sizes only)."""
    return _admits(wanted, porteur)


def _admits(wanted: set[Beneficiary], porteur: PorteurData) -> str:
    if porteur.type != PorteurType.ENTREPRISE:
        return OK if Beneficiary(porteur.type.value) in wanted else KO
    if Beneficiary.ENTREPRISE in wanted:
        return OK
    sized = [b for b in wanted if b in _SIZES_ADMITTED]
    if not sized:
        return KO
    if porteur.taille is None:
        return UNKNOWN
    return OK if any(porteur.taille in _SIZES_ADMITTED[b] for b in sized) else KO


def territory_criterion(opportunity: OpportunityData, porteur: PorteurData) -> Criterion:
    """The call's coverage (minus exclusions) against the porteur's place."""
    if not porteur.geo_codes:
        return Criterion(criterion="territoire", verdict=UNKNOWN, detail="territoire du porteur non renseigné")
    verdict = geo.covers(opportunity.geo_codes, opportunity.geo_exclusions, porteur.geo_codes)
    if verdict is None and opportunity.geo_scope == GeoScope.UNION_EUROPEENNE:
        return Criterion(criterion="territoire", verdict=OK, detail="Union européenne, dont la France ✔")
    if verdict is None:
        return Criterion(criterion="territoire", verdict=UNKNOWN, detail="territoire non précisé")
    places = [a for code in porteur.geo_codes for a in geo.ancestors(code)]
    if verdict:
        found = geo.covering(opportunity.geo_codes, porteur.geo_codes)
        return Criterion(criterion="territoire", verdict=OK, detail=f"{place_label(found)} ✔" if found else "✔")
    excluded = next((p for p in places if p in opportunity.geo_exclusions), None)
    if excluded:
        return Criterion(criterion="territoire", verdict=KO, detail=f"{place_label(excluded)} exclu ✘")
    listed = ", ".join(place_label(c) for c in opportunity.geo_codes[:3])
    more = " …" if len(opportunity.geo_codes) > 3 else ""
    return Criterion(criterion="territoire", verdict=KO, detail=f"hors zone : {listed}{more} ✘")


def calendar_criterion(opportunity: OpportunityData, as_of: date, min_lead_days: int) -> Criterion:
    """Status as of `as_of`; an open call must leave `min_lead_days` before its next relève."""
    status = opportunity.status_on(as_of)
    if status == Status.CLOSED:
        return Criterion(criterion="calendrier", verdict=KO, detail=f"clôturé le {_d(opportunity.close_dates[-1])} ✘")
    if status == Status.UPCOMING:
        return Criterion(criterion="calendrier", verdict=OK, detail=f"ouverture le {_d(opportunity.open_date)}")
    if status == Status.PERMANENT:
        return Criterion(criterion="calendrier", verdict=OK, detail="guichet permanent ✔")
    if status == Status.UNKNOWN:
        return Criterion(criterion="calendrier", verdict=UNKNOWN, detail="dates non précisées")
    return _open_criterion(opportunity, as_of, min_lead_days)


def _open_criterion(opportunity: OpportunityData, as_of: date, min_lead_days: int) -> Criterion:
    upcoming = [d for d in opportunity.close_dates if d >= as_of]
    if not upcoming:
        return Criterion(criterion="calendrier", verdict=OK, detail="ouvert, date de clôture non précisée")
    reachable = [d for d in upcoming if (d - as_of).days >= min_lead_days]
    if reachable and reachable[0] == upcoming[0]:
        days = (upcoming[0] - as_of).days
        return Criterion(criterion="calendrier", verdict=OK, detail=f"clôture {_d(upcoming[0])} (J-{days}) ✔")
    if reachable:
        days = (reachable[0] - as_of).days
        detail = f"relève du {_d(upcoming[0])} trop proche ; relève suivante {_d(reachable[0])} (J-{days}) ✔"
        return Criterion(criterion="calendrier", verdict=OK, detail=detail)
    detail = f"{_in_days((upcoming[0] - as_of).days)}, délai trop court ✘"
    return Criterion(criterion="calendrier", verdict=KO, detail=detail)


def _in_days(days: int) -> str:
    if days == 0:
        return "clôture aujourd'hui"
    return "clôture demain" if days == 1 else f"clôture dans {days} jours"


def _d(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else "?"
