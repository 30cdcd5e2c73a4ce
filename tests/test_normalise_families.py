"""Broad audience labels bound the applicants a call's text names to their families."""

from __future__ import annotations

import pytest

from crawlers.normalise.families import within_families
from models.vocab import Beneficiary as B

PUBLIC_LABEL = [B.COMMUNE, B.EPCI, B.DEPARTEMENT, B.REGION, B.ETABLISSEMENT_PUBLIC]
"""What « secteur public » maps to."""


@pytest.mark.parametrize(
    ("found", "labelled", "expected"),
    [
        ([B.PETR, B.SYNDICAT_MIXTE], PUBLIC_LABEL, [B.PETR, B.SYNDICAT_MIXTE]),
        ([B.EPCI], PUBLIC_LABEL, [B.EPCI]),
        ([B.ETABLISSEMENT_ENSEIGNEMENT, B.CHAMBRE_CONSULAIRE], PUBLIC_LABEL,
         [B.ETABLISSEMENT_ENSEIGNEMENT, B.CHAMBRE_CONSULAIRE]),
        ([B.SEM], [B.ENTREPRISE], [B.SEM]),
        ([B.SEM], PUBLIC_LABEL, [B.SEM]),
        ([B.PME, B.ETI], [B.ENTREPRISE, *PUBLIC_LABEL], [B.PME, B.ETI]),
    ],
    ids=["petr-syndicat-mixte", "epci-seul", "lycee-cci", "sem-professionnels", "sem-secteur-public", "deux-familles"],
)
def test_the_text_s_precise_applicants_win_inside_the_labelled_families(
    found: list[B], labelled: list[B], expected: list[B]
) -> None:
    assert within_families(found, labelled) == expected


@pytest.mark.parametrize(
    ("found", "labelled", "expected"),
    [
        ([B.ENTREPRISE, B.COMMUNE], [B.ENTREPRISE], [B.ENTREPRISE]),
        ([B.CHAMBRE_CONSULAIRE, B.COMMUNE], [B.TPE, B.PME], [B.TPE, B.PME]),
        ([B.EPCI, B.ENTREPRISE], PUBLIC_LABEL, [B.EPCI]),
        ([B.ASSOCIATION, B.RECHERCHE], [B.ENTREPRISE], [B.ENTREPRISE]),
    ],
    ids=["commune-lieu-du-site", "cci-accompagnatrice", "entreprise-partenaire", "hors-famille-seulement"],
)
def test_types_outside_every_labelled_family_are_left_out(found: list[B], labelled: list[B], expected: list[B]) -> None:
    assert within_families(found, labelled) == expected


@pytest.mark.parametrize(
    ("found", "labelled"),
    [([B.COMMUNE], []), ([], [B.ENTREPRISE])],
    ids=["sans-etiquette", "rien-trouve"],
)
def test_without_labels_or_applicants_the_finding_stands(found: list[B], labelled: list[B]) -> None:
    assert within_families(found, labelled) == found


@pytest.mark.parametrize(
    ("found", "labelled", "expected"),
    [
        ([B.COMMUNE, B.EPCI, B.DEPARTEMENT, B.REGION], [B.COMMUNE, B.EPCI, B.SYNDICAT_MIXTE],
         [B.COMMUNE, B.EPCI, B.SYNDICAT_MIXTE]),
        ([B.ASSOCIATION, B.COMMUNE, B.EPCI, B.DEPARTEMENT, B.REGION], [B.ASSOCIATION, B.COMMUNE, B.EPCI],
         [B.ASSOCIATION, B.COMMUNE, B.EPCI]),
        ([B.ENTREPRISE], [B.PME, B.ETI], [B.PME, B.ETI]),
        ([B.ENTREPRISE], [B.ENTREPRISE, B.PME], [B.ENTREPRISE]),
        ([B.COMMUNE, B.EPCI, B.DEPARTEMENT, B.REGION], [B.COMMUNE, B.EPCI, B.DEPARTEMENT, B.REGION],
         [B.COMMUNE, B.EPCI, B.DEPARTEMENT, B.REGION]),
    ],
    ids=["collectivites-read-as-the-labelled-ones", "with-another-family", "entreprises-read-as-labelled-sizes",
         "labels-say-every-company", "labels-say-every-authority"],
)
def test_a_generic_word_of_the_text_takes_the_finer_labelled_types(
    found: list[B], labelled: list[B], expected: list[B],
) -> None:
    assert within_families(found, labelled) == expected


def test_groupings_the_labels_name_stay_beside_the_text_s_generic_collectivites() -> None:
    found = [B.COMMUNE, B.EPCI, B.DEPARTEMENT, B.REGION]
    labelled = [B.COMMUNE, B.EPCI, B.DEPARTEMENT, B.REGION, B.PETR]
    assert within_families(found, labelled) == [*found, B.PETR]
