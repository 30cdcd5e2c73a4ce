"""A stored call in the etalab *dispositif-aide* schema: its fields' own vocabularies, not Vigie's.

The schema's `id` is a UUID (here derived from the call's source and identifier, so it is the same at every
export), `types_aides` and `cibles` are closed lists, `porteurs` carry their roles, `description` holds at
most 5,000 characters.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from typing import Any

from models.vocab import Beneficiary as B
from models.vocab import Instrument as I  # noqa: E741

NAMESPACE = uuid.UUID("6f1c2a4e-3b5d-4e7f-9a8b-0c1d2e3f4a5b")
"""Vigie's namespace for the calls' UUIDs (uuid5 of "source:identifier")."""
DESCRIPTION_MAX = 5000
TYPES_AIDES = {I.SUBVENTION: "financement", I.AVANCE_REMBOURSABLE: "financement", I.GARANTIE: "financement",
               I.FONDS_PROPRES: "financement", I.CONCOURS: "financement", I.AAP: "financement",
               I.APPEL_OFFRES: "financement", I.CEE: "financement", I.PRET: "prêt",
               I.AVANTAGE_FISCAL: "avantage fiscal", I.ACCOMPAGNEMENT: "conseil", I.AMI: "information"}
"""Vigie's instruments → the schema's `types_aides` (assistance, avantage fiscal, conseil, étude, financement,
formation, information, prêt)."""
CIBLES = {B.ENTREPRISE: "professionnels", B.TPE: "professionnels", B.PME: "professionnels",
          B.ETI: "professionnels", B.GE: "professionnels", B.AGRICULTEUR: "professionnels",
          B.CHAMBRE_CONSULAIRE: "secteur public", B.SEM: "secteur public", B.COMMUNE: "secteur public",
          B.EPCI: "secteur public", B.DEPARTEMENT: "secteur public", B.REGION: "secteur public",
          B.SYNDICAT_MIXTE: "secteur public", B.PETR: "secteur public", B.ETABLISSEMENT_PUBLIC: "secteur public",
          B.ETABLISSEMENT_ENSEIGNEMENT: "secteur public", B.RECHERCHE: "secteur public",
          B.ASSOCIATION: "associations", B.PARTICULIER: "particuliers"}
"""Vigie's beneficiaries → the schema's `cibles` (professionnels, particuliers, associations, secteur public)."""


def call_uuid(source: str, source_id: str) -> str:
    """The call's schema id: the same UUID at every export."""
    return str(uuid.uuid5(NAMESPACE, f"{source}:{source_id}"))


def schema_list(values: Iterable[str], table: dict[Any, str]) -> str:
    """Pipe list of the schema's words for `values`, each once, in the schema's order of first appearance."""
    return "|".join(dict.fromkeys(table[v] for v in values if v in table))


def funders_json(funders: Iterable[str]) -> str:
    """The schema's `porteurs`: each funder named with its role."""
    return json.dumps([{"nom": f, "roles": ["financeur"]} for f in funders], ensure_ascii=False)
