"""French labels for what the matcher shows: beneficiaries, places, amounts, weights."""

from __future__ import annotations

from models import display, geo
from models.vocab import Beneficiary, PorteurType, Taille

_BENEFICIARY = {
    Beneficiary.COMMUNE: "commune",
    Beneficiary.EPCI: "EPCI",
    Beneficiary.DEPARTEMENT: "département",
    Beneficiary.REGION: "région",
    Beneficiary.SYNDICAT_MIXTE: "syndicat mixte",
    Beneficiary.PETR: "PETR",
    Beneficiary.ENTREPRISE: "entreprise",
    Beneficiary.TPE: "entreprise (TPE)",
    Beneficiary.PME: "entreprise (PME)",
    Beneficiary.ETI: "entreprise (ETI)",
    Beneficiary.GE: "entreprise (grande entreprise)",
    Beneficiary.ASSOCIATION: "association",
    Beneficiary.ETABLISSEMENT_PUBLIC: "établissement public",
    Beneficiary.CHAMBRE_CONSULAIRE: "chambre consulaire",
    Beneficiary.SEM: "SEM",
    Beneficiary.ETABLISSEMENT_ENSEIGNEMENT: "établissement d'enseignement",
    Beneficiary.RECHERCHE: "organisme de recherche",
    Beneficiary.PARTICULIER: "particulier",
    Beneficiary.AGRICULTEUR: "agriculteur",
}


def beneficiary_label(beneficiary: Beneficiary) -> str:
    """"EPCI", "entreprise (PME)"…"""
    return _BENEFICIARY.get(beneficiary, str(beneficiary))


def porteur_label(kind: PorteurType, taille: Taille | None) -> str:
    """The porteur's kind as a beneficiary label: "EPCI", "entreprise (PME)"."""
    if kind == PorteurType.ENTREPRISE and taille:
        return beneficiary_label(Beneficiary(taille.value))
    return beneficiary_label(Beneficiary(kind.value))


def place_label(code: str) -> str:
    """A COG code as people name it: "Occitanie", "Gers (32)", "France", "Thiers (Puy-de-Dôme)", "CA du Cotentin"."""
    level, _, value = code.partition("-")
    if level == "PAYS":
        return "France" if code == geo.FRANCE else code
    if level == "REG":
        return geo.regions().get(value, code)
    if level == "DEP" and value in geo.departements():
        return f"{geo.departements()[value].nom} ({value})"
    if level in ("COM", "EPCI"):
        return display.place_name(code)
    return code


def euros(amount: float) -> str:
    """French amount: 150000 → "150 000 €" (non-breaking spaces; models.display, as everywhere)."""
    return display.euros(amount)


def signed(weight: float) -> str:
    """A weight with its sign, French decimal comma: +3, +2,5, −5."""
    text = f"{abs(weight):g}".replace(".", ",")
    return f"+{text}" if weight >= 0 else f"−{text}"
