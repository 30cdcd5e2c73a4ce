"""Applicants of an EU topic, read from its English text."""

from __future__ import annotations

import pytest

from crawlers.normalise.applicants_en import english_applicants
from models.vocab import Beneficiary as B


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<p><strong>Eligible applicants:</strong> consortia of at least three SMEs established in two Member "
         "States.</p>", [B.TPE, B.PME]),
        ("The call is open to research organisations, universities and small and medium-sized enterprises.",
         [B.RECHERCHE, B.ETABLISSEMENT_ENSEIGNEMENT, B.TPE, B.PME]),
        ("Applicants must be local authorities or non-profit organisations.",
         [B.COMMUNE, B.EPCI, B.DEPARTEMENT, B.REGION, B.ASSOCIATION]),
        ("Eligible entities: enterprises of any size.", [B.ENTREPRISE]),
        ("Projects are expected to demonstrate circular routes for SMEs and large industry.", []),
        ("", []),
    ],
    ids=["smes-after-heading", "open-to-list", "must-be", "enterprises", "no-cue-no-applicant", "empty"],
)
def test_only_a_sentence_on_who_may_apply_names_applicants(text: str, expected: list[B]) -> None:
    assert english_applicants(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Eligible applicants: a consortium of local authorities (municipalities or groupings of municipalities). "
         "Non-profit organisations may join as co-beneficiaries.", [B.COMMUNE, B.EPCI, B.ASSOCIATION]),
        ("Eligible applicants: micro, small or medium-sized enterprises. Mid-caps are not eligible.", [B.TPE, B.PME]),
    ],
    ids=["authorities-defined-in-brackets", "micro-small-medium"],
)
def test_groups_defined_in_brackets_and_sizes_spelled_out(text: str, expected: list[B]) -> None:
    assert english_applicants(text) == expected
