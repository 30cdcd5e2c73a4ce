"""Broad audience families (dispositif-aide `cibles`, Aides-territoires audiences) bounding the text's applicants.

A source's audience labels are coarse (« professionnels », « secteur public ») but they are the source's
own statement of which families may apply. The text's precise applicants win inside those families
(« secteur public » + « Sont éligibles les PETR » → PETR). A type outside every labelled family is a
condition, a partner or a place (« être accompagné par la CCI », « site situé dans une commune »), not
an applicant: it is left out. When the text names no applicant inside the families, the labels stand.
"""

from __future__ import annotations

from models.vocab import Beneficiary as B

COMPANIES = frozenset({B.ENTREPRISE, B.TPE, B.PME, B.ETI, B.GE, B.SEM, B.AGRICULTEUR})
"""« professionnels »: companies of every size, sociétés d'économie mixte, farms."""
PUBLIC = frozenset({
    B.COMMUNE, B.EPCI, B.DEPARTEMENT, B.REGION, B.SYNDICAT_MIXTE, B.PETR, B.ETABLISSEMENT_PUBLIC,
    B.CHAMBRE_CONSULAIRE, B.ETABLISSEMENT_ENSEIGNEMENT, B.RECHERCHE, B.SEM,
})
"""« secteur public »: local authorities and their groupings, public bodies (chambres consulaires, lycées,
universités, research bodies), and the sociétés d'économie mixte they own."""
ASSOCIATIONS = frozenset({B.ASSOCIATION})
PEOPLE = frozenset({B.PARTICULIER})
FAMILIES = (COMPANIES, PUBLIC, ASSOCIATIONS, PEOPLE)


def family_of(labelled: list[B]) -> frozenset[B]:
    """Every type in a family that one of the labelled types belongs to."""
    return frozenset(b for family in FAMILIES if family & set(labelled) for b in family)


def within_families(found: list[B], labelled: list[B]) -> list[B]:
    """`found` (the call's applicants, text first) kept to the labels' families; the labels when none is left.

    Without labels, or when nothing was found (the text excluded every type), `found` stands."""
    if not labelled or not found:
        return found
    allowed = family_of(labelled)
    kept = [b for b in found if b in allowed]
    return kept or list(labelled)
