"""Vigie's controlled vocabularies (see the design's vocabulary): values are stored as these strings."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from models.french import fold


class PorteurType(StrEnum):
    """Kinds of project holders, as in the plan d'actions spreadsheet."""

    COMMUNE = "commune"
    EPCI = "epci"
    DEPARTEMENT = "departement"
    REGION = "region"
    SYNDICAT_MIXTE = "syndicat_mixte"
    PETR = "petr"
    ENTREPRISE = "entreprise"
    ASSOCIATION = "association"
    ETABLISSEMENT_PUBLIC = "etablissement_public"
    CHAMBRE_CONSULAIRE = "chambre_consulaire"
    SEM = "sem"
    ETABLISSEMENT_ENSEIGNEMENT = "etablissement_enseignement"
    RECHERCHE = "recherche"


class Beneficiary(StrEnum):
    """Who a call is open to: the porteur types plus a few that no porteur is."""

    COMMUNE = "commune"
    EPCI = "epci"
    DEPARTEMENT = "departement"
    REGION = "region"
    SYNDICAT_MIXTE = "syndicat_mixte"
    PETR = "petr"
    ENTREPRISE = "entreprise"
    TPE = "tpe"
    PME = "pme"
    ETI = "eti"
    GE = "ge"
    ASSOCIATION = "association"
    ETABLISSEMENT_PUBLIC = "etablissement_public"
    CHAMBRE_CONSULAIRE = "chambre_consulaire"
    SEM = "sem"
    ETABLISSEMENT_ENSEIGNEMENT = "etablissement_enseignement"
    RECHERCHE = "recherche"
    PARTICULIER = "particulier"
    AGRICULTEUR = "agriculteur"


COMPANY_SIZES = (Beneficiary.TPE, Beneficiary.PME, Beneficiary.ETI, Beneficiary.GE)
"""The company sizes a call may be limited to; all of them together are « entreprise »."""
SIZE_COVERS = {
    Beneficiary.TPE: (Beneficiary.TPE,), Beneficiary.PME: (Beneficiary.TPE, Beneficiary.PME),
    Beneficiary.ETI: (Beneficiary.ETI,), Beneficiary.GE: (Beneficiary.GE,),
}
"""The sizes a size admits: a PME in the EU sense includes the TPE."""


def sizes_admitted(codes: Iterable[Beneficiary]) -> set[Beneficiary]:
    """Who a list of beneficiaries admits, sizes spelled out (« entreprise » is every size)."""
    admitted: set[Beneficiary] = set()
    for code in codes:
        admitted |= set(COMPANY_SIZES) if code == Beneficiary.ENTREPRISE else set(SIZE_COVERS.get(code, (code,)))
    return admitted


class Taille(StrEnum):
    """Company size (EU sense: a PME call is open to TPE too)."""

    TPE = "tpe"
    PME = "pme"
    ETI = "eti"
    GE = "ge"


class Axe(StrEnum):
    """The four national priorities of Territoires d'industrie."""

    INNOVATION = "innovation"
    TRANSITION_ECOLOGIQUE = "transition_ecologique"
    COMPETENCES = "competences"
    FONCIER = "foncier"


class Instrument(StrEnum):
    """Funding instruments and call formats."""

    SUBVENTION = "subvention"
    PRET = "pret"
    AVANCE_REMBOURSABLE = "avance_remboursable"
    GARANTIE = "garantie"
    FONDS_PROPRES = "fonds_propres"
    AAP = "appel_a_projets"
    AMI = "ami"
    CONCOURS = "concours"
    APPEL_OFFRES = "appel_offres"
    ACCOMPAGNEMENT = "accompagnement"
    CEE = "cee"
    AVANTAGE_FISCAL = "avantage_fiscal"


class Recurrence(StrEnum):
    """How a scheme recurs."""

    PONCTUELLE = "ponctuelle"
    PERMANENTE = "permanente"
    RECURRENTE = "recurrente"


class GeoScope(StrEnum):
    """A coverage that COG codes cannot state."""

    UNION_EUROPEENNE = "union_europeenne"
    """Every member state of the European Union, France included (EU programmes)."""


class Status(StrEnum):
    """A call's state as of a given day (derived from its dates)."""

    OPEN = "open"
    UPCOMING = "upcoming"
    CLOSED = "closed"
    PERMANENT = "permanent"
    UNKNOWN = "unknown"


class ReviewStatus(StrEnum):
    """The chef de projet's decision on a match."""

    PENDING = "a_revoir"
    ACCEPTED = "accepte"
    REJECTED = "rejete"
    SNOOZED = "reporte"


class FollowUp(StrEnum):
    """Where the porteur's application to a matched call stands, earliest first."""

    TO_STUDY = "a_etudier"
    TO_FILE = "a_deposer"
    """« À déposer »: the porteur applies (« je dépose » sets it); reminded at J-14 and J-3 too."""
    FILED = "depose"
    WON = "obtenu"
    REFUSED = "refuse"


FOLLOWUP_DONE = frozenset({FollowUp.FILED, FollowUp.WON, FollowUp.REFUSED})
"""« Déposé » or later: the dossier went in (its outcome may be known); no deadline reminder any more."""
FOLLOWUP_PENDING = (FollowUp.TO_FILE, FollowUp.FILED)
"""Applied for or about to be, outcome not known: the requested amount is still awaited."""
FOLLOWUP_IN_PLAN = (*FOLLOWUP_PENDING, FollowUp.WON)
"""The follow-ups that put a call in a fiche's funding plan."""


def followup_of(value: str | None) -> FollowUp | None:
    """The follow-up a stored or typed value names, accents and case aside (« Déposé » is FILED); None when
    it names none."""
    if not value:
        return None
    bare = fold(value)
    return FollowUp(bare) if bare in FollowUp._value2member_map_ else None


def is_done(followup: str | None) -> bool:
    """« Déposé » or later (obtenu, refusé), accents and case aside."""
    return followup_of(followup) in FOLLOWUP_DONE


class ChangeKind(StrEnum):
    """Entries of an opportunity's change history."""

    NEW = "new"
    CHANGED = "changed"
    CLOSED = "closed"
    REOPENED = "reopened"


class UpsertOutcome(StrEnum):
    """What storing a crawled record did."""

    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"


class Role(StrEnum):
    """Web app roles."""

    ADMIN = "admin"
    CHEF = "chef_de_projet"
    LECTEUR = "lecteur"
