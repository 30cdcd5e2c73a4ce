"""Broad audience families (dispositif-aide `cibles`, Aides-territoires audiences) bounding the text's applicants.

A source's audience labels are coarse (« professionnels », « secteur public ») but they are the source's
own statement of which families may apply. The text's precise applicants win inside those families
(« secteur public » + « Sont éligibles les PETR » → PETR). A type outside every labelled family is a
condition, a partner or a place (« être accompagné par la CCI », « site situé dans une commune »), not
an applicant: it is left out. When the text names no applicant inside the families, the labels stand.
"""

from __future__ import annotations

from models.vocab import COMPANY_SIZES
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


LOCAL_AUTHORITIES = frozenset({B.COMMUNE, B.EPCI, B.DEPARTEMENT, B.REGION})
"""What the text's generic « collectivités » reads as."""
GROUPINGS = frozenset({B.SYNDICAT_MIXTE, B.PETR})
"""Groupings of local authorities: the labels that name them are kept beside the text's generic « collectivités »."""
AUTHORITIES_AND_GROUPINGS = LOCAL_AUTHORITIES | GROUPINGS


def family_of(labelled: list[B]) -> frozenset[B]:
    """Every type in a family that one of the labelled types belongs to."""
    return frozenset(b for family in FAMILIES if family & set(labelled) for b in family)


def within_families(found: list[B], labelled: list[B], summary: bool = True, every_size: bool = False) -> list[B]:
    """`found` (the call's applicants, text first) kept to the labels' families; the labels when none is left.

    Without labels, or when nothing was found (the text excluded every type), `found` stands. `summary`: the
    applicants come from a description, not from a statement of who may apply (see `_refined`). `every_size`: the
    text admits companies of every size (« les entreprises de toute taille »)."""
    if not labelled or not found:
        return found
    allowed = family_of(labelled)
    kept = [b for b in found if b in allowed]
    return _refined(kept, labelled, summary, every_size) or list(labelled)


def _refined(found: list[B], labelled: list[B], summary: bool, every_size: bool = False) -> list[B]:
    """A generic word of the text takes the finer types the labels give within it: « collectivités » (every
    local authority) in a description, with labels « communes, EPCI, syndicats mixtes », reads as those (an
    eligibility text's « collectivités territoriales » stands: it says who may apply), and beside labels
    « collectivités, PETR » keeps the PETR; « entreprises » (every size)
    with labels « PME, ETI » reads as those sizes, unless the text says every size (« quelle que soit leur
    taille »), which is broader than the label."""
    given = set(labelled)
    if LOCAL_AUTHORITIES <= set(found):
        found = [*found, *(b for b in labelled if b in GROUPINGS and b not in found)]
    if summary and LOCAL_AUTHORITIES <= set(found) and given & LOCAL_AUTHORITIES and not LOCAL_AUTHORITIES <= given:
        finer = [b for b in labelled if b in AUTHORITIES_AND_GROUPINGS]
        found = _replace(found, LOCAL_AUTHORITIES, finer)
    if B.ENTREPRISE in found and not set(COMPANY_SIZES) & set(found) and B.ENTREPRISE not in given and not every_size:
        found = _replace(found, {B.ENTREPRISE}, [b for b in labelled if b in COMPANY_SIZES])
    return found


EVERY_SIZE = frozenset({B.PME, B.ETI, B.GE})
"""Sizes that, each named (as words or labels), cover every company (a PME covers the TPE)."""


def as_any_company(found: list[B]) -> list[B]:
    """`found` with its company sizes written as « entreprise », at the place of the first of them (a company of any
    size, and one whose size is not known, is admitted)."""
    at = min(found.index(b) for b in found if b in COMPANY_SIZES)
    return list(dict.fromkeys([*found[:at], B.ENTREPRISE, *(b for b in found[at:] if b not in COMPANY_SIZES)]))


def _replace(found: list[B], generic: frozenset[B] | set[B], finer: list[B]) -> list[B]:
    """`found` with the `generic` types swapped for `finer` at the place of the first of them (unchanged if none)."""
    if not finer:
        return found
    at = next(i for i, b in enumerate(found) if b in generic)
    rest = [b for b in found if b not in generic and b not in finer]
    return list(dict.fromkeys([*rest[:at], *finer, *rest[at:]]))
