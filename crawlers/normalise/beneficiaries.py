"""Who may apply to a call, in Vigie's Beneficiary vocabulary: from source labels and from the call's text.

Labels ("cibles", "Publics") are folded (lower case, no accents) and the FIRST matching rule wins, so
specific rules ("collectivite ou institution - epci") come before general ones ("collectivite").
Unknown labels map to nothing. The text then decides when it says more precisely who may apply
(crawlers/normalise/applicants.py); a call that says nothing about it has no beneficiaries
(unknown, which never excludes a porteur). Every table is in crawlers/normalise/beneficiary_tables.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from crawlers.normalise import beneficiary_tables as T
from crawlers.normalise.applicants import (
    Reading,
    firmly_stated,
    read_answers,
    read_description,
    read_eligibility,
    stated_applicants,
)
from crawlers.normalise.families import EVERY_SIZE, as_any_company, family_of
from crawlers.normalise.rate_table import rate_table_applicants
from crawlers.normalise.unpaid_types import naming_words, paid_types, unpaid_types
from crawlers.normalise.text import fold
from models.vocab import Beneficiary as B

_COMPILED = [(re.compile(pattern), targets) for pattern, targets in T.LABEL_RULES]


def beneficiaries_of_label(label: str) -> list[B]:
    """What one source label means, or [] when the label is unknown."""
    folded = fold(label)
    for pattern, targets in _COMPILED:
        if pattern.search(folded):
            return list(targets)
    return []


def map_beneficiaries(labels: Iterable[str]) -> list[B]:
    """Every beneficiary the labels name, in first-seen order, without duplicates."""
    found: dict[B, None] = {}
    for label in labels:
        found.update(dict.fromkeys(beneficiaries_of_label(label)))
    return list(found)


def names_every_size(labels: Iterable[str]) -> bool:
    """Whether a source's own labels name every company size (« PME », « ETI », « Grandes entreprises »): they then
    mean « entreprise », as the same words in a sentence do."""
    return EVERY_SIZE <= set(map_beneficiaries(labels))


def call_beneficiaries(labels: Iterable[str], eligibility_text: str, description: str) -> list[B]:
    """Who may apply: the applicants the text names win over the labels (« réservé aux PME » within
    « entreprises »), then the types the text excludes are removed; [] when nothing says who may apply.

    A description's applicants count only when the eligibility text names none and they share a type with the
    labels (or there are no labels): the eligibility text (a page's « Bénéficiaires » section) says it more
    precisely than a summary, and a description that names others (« les entreprises pourront bénéficier de
    loyers modérés » in a call to collectivités) speaks of who gains from the project, not of who applies.
    Two exceptions: a description that plainly says who files (« Les demandes sont présentées par les collèges
    privés ») counts whatever the labels; and an eligibility text without a sentence that plainly says who files
    (a list of conditions: « Entreprises industrielles. Être à jour de ses obligations. », « Projet associant au
    moins trois exploitations et une entreprise ») names its types in passing, so the description's statement adds
    to them and its sizes narrow their « entreprises »."""
    labelled = map_beneficiaries(labels)
    reading, prose = read_eligibility(eligibility_text), read_description(description)
    firm, firm_eligibility = firmly_stated(description), firmly_stated(eligibility_text)
    if firm and prose.weak:
        prose = Reading(firm, prose.excluded)  # « La demande est déposée par la société de projet »
    if not reading.applicants and (prose.weak or not prose.applicants):
        rated = rate_table_applicants(f"{eligibility_text}\n{description}")  # « EPCI à fiscalité propre : 40 % »
        if rated:
            reading, prose = Reading(rated, reading.excluded | prose.excluded), Reading()
    in_passing = bool(firm) and bool(reading.applicants) and not firm_eligibility
    counts = ((not reading.applicants or in_passing) and _shares_a_type(labelled, prose)
              or not reading.applicants and bool(firm))
    if counts:
        reading = _sizes_narrow(reading + prose)
    else:
        reading = _sized_by(reading, stated_applicants(description)) + Reading(excluded=prose.excluded)
    if reading.applicants:
        reading += read_answers(description)  # « Les ETI sont-elles éligibles ? Oui » adds to a stated list
    found = _narrowed(labelled, reading)
    if counts and prose.weak and prose.applicants:
        found += [b for b in labelled if not family_of(found) & {b}]
    paid = _paid(found, f"{eligibility_text}\n{description}", {*firm, *firm_eligibility}, naming_words(eligibility_text))
    return _without(paid, reading.excluded)


def _paid(found: list[B], text: str, firm: set[B], named: dict[B, set[str]]) -> list[B]:
    """`found` without the types the text says receive no aid (« Les entreprises locataires ne sont pas bénéficiaires »),
    unless a sentence plainly says they file or that some of them are paid (« Un bureau d'études peut être partenaire
    et recevoir une part du financement »); unchanged when they are all it names."""
    unpaid = unpaid_types(text, named) - firm
    if unpaid:
        unpaid -= paid_types(text)
    kept = [b for b in found if b not in unpaid]
    return kept or found


def beneficiaries_in_text(text: str) -> list[B]:
    """Applicants an eligibility text names, in reading order, the types it excludes removed
    ("Toutes les entreprises, hors grandes entreprises" → TPE, PME, ETI)."""
    reading = read_eligibility(text)
    return _without(list(reading.applicants), reading.excluded)


def beneficiary_labels_in_text(text: str) -> list[str]:
    """French labels of the applicants a text names: what a spider puts in RawItem.beneficiary_labels."""
    return [T.TEXT_LABELS[b] for b in beneficiaries_in_text(text)]


def _sizes_narrow(reading: Reading) -> Reading:
    """Sizes named beside « entreprises » narrow it (« Entreprises industrielles » and « ouvert aux PME et aux ETI »),
    unless companies of every size are named."""
    said = reading.applicants
    if reading.all_sizes or B.ENTREPRISE not in said or not any(b in T.SIZES for b in said):
        return reading
    return replace(reading, applicants=tuple(b for b in said if b != B.ENTREPRISE))


def _sized_by(reading: Reading, stated: tuple[B, ...]) -> Reading:
    """The eligibility text's bare « entreprises » takes the sizes a sentence of the description on who applies names
    (« Entreprises industrielles » and « Le dispositif est ouvert aux PME et aux ETI »; not « Aider les PME », whose
    object says whom the funder has in mind)."""
    said = reading.applicants
    sizes = tuple(b for b in stated if b in T.SIZES)
    if not sizes or reading.all_sizes or B.ENTREPRISE not in said or any(b in T.SIZES for b in said):
        return reading
    at = said.index(B.ENTREPRISE)
    return replace(reading, applicants=tuple(dict.fromkeys([*said[:at], *sizes, *said[at + 1:]])))


def _shares_a_type(labelled: list[B], reading: Reading) -> bool:
    """The description names an applicant of a family the labels give (« sociétés d'économie mixte » under
    « entreprises, collectivités »)."""
    return not labelled or any(b in family_of(labelled) for b in reading.applicants)


def _narrowed(labelled: list[B], reading: Reading) -> list[B]:
    """The text's applicants when it names some; bare « entreprises » keeps the sizes the labels give."""
    said = list(reading.applicants)
    if not said:
        return labelled
    label_sizes = [b for b in labelled if b in T.SIZES]
    if B.ENTREPRISE in said and label_sizes and B.ENTREPRISE not in labelled and not reading.all_sizes:
        at = said.index(B.ENTREPRISE)
        said[at: at + 1] = [b for b in label_sizes if b not in said]
    return said


def _without(found: list[B], excluded: frozenset[B]) -> list[B]:
    """`found` minus the excluded types; excluding a size from « entreprises » keeps the other sizes."""
    if not excluded:
        return _sizes_whole(found)
    removed = {b for x in excluded for b in T.SIZE_COVERS.get(x, (x,))}
    if B.ENTREPRISE in excluded:
        removed |= set(T.SIZES)
    if B.ENTREPRISE in found and removed & set(T.SIZES):
        at = found.index(B.ENTREPRISE)
        found = [*found[:at], *T.SIZES, *found[at + 1:]]
    return _sizes_whole(list(dict.fromkeys(b for b in found if b not in removed)))


def _sizes_whole(found: list[B]) -> list[B]:
    """Every size named is « entreprise » (which also admits a company of unknown size); so are sizes beside
    « entreprise » (« les recycleurs de toute taille ; les fabricants de moins de 250 salariés »)."""
    whole = all(size in found for size in T.SIZES) or B.ENTREPRISE in found and any(b in T.SIZES for b in found)
    return as_any_company(found) if whole else found
