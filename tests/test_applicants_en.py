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
        ("Eligible applicants: consortia may gather higher-education institutions, research and technology "
         "organisations and manufacturers' companies.", [B.ETABLISSEMENT_ENSEIGNEMENT, B.RECHERCHE, B.ENTREPRISE]),
        ("Eligible applicants: RTOs and universities.", [B.RECHERCHE, B.ETABLISSEMENT_ENSEIGNEMENT]),
        ("Projects are expected to demonstrate circular routes for SMEs and large industry.", []),
        ("", []),
    ],
    ids=["smes-after-heading", "open-to-list", "must-be", "enterprises", "hyphenated-and-rto", "rto-acronym", "no-cue-no-applicant", "empty"],
)
def test_only_a_sentence_on_who_may_apply_names_applicants(text: str, expected: list[B]) -> None:
    assert english_applicants(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Eligible applicants: a consortium of local authorities (municipalities or groupings of municipalities). "
         "Non-profit organisations may join as co-beneficiaries.", [B.COMMUNE, B.EPCI, B.ASSOCIATION]),
        ("Eligible applicants: micro, small or medium-sized enterprises. Mid-caps are not eligible.", [B.TPE, B.PME]),
        ("Applicants must be local public authorities: municipalities or provinces.", [B.COMMUNE, B.DEPARTEMENT]),
        ("Scope: cleaner ports.\nEligibility: the consortium must include at least one company and one university.",
         [B.ENTREPRISE, B.ETABLISSEMENT_ENSEIGNEMENT]),
        ("Eligibility: applicants must be non-profit organisations supporting small businesses.", [B.ASSOCIATION]),
        ("Eligibility: the consortium must include farmers or farm businesses and one university.",
         [B.AGRICULTEUR, B.ETABLISSEMENT_ENSEIGNEMENT]),
    ],
    ids=["authorities-defined-in-brackets", "micro-small-medium", "authorities-defined-after-a-colon",
         "eligibility-heading-and-consortium", "types-the-applicants-serve", "farmers"],
)
def test_groups_defined_in_brackets_and_sizes_spelled_out(text: str, expected: list[B]) -> None:
    assert english_applicants(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Specific conditions: the coordinator must be an SME. Universities may participate as beneficiaries. "
         "Large enterprises may take part only as associated partners, without receiving EU funding.",
         [B.TPE, B.PME, B.ETABLISSEMENT_ENSEIGNEMENT]),
        ("Eligible applicants: the lead partner must be a regional public authority. Private companies may only act "
         "as subcontractors; municipalities may send letters of support but cannot receive EU funding.",
         [B.REGION]),
        ("Eligible participants: VET providers, chambers of commerce and enterprises of any size. Public employment "
         "services may join as associated partners without funding.",
         [B.ETABLISSEMENT_ENSEIGNEMENT, B.CHAMBRE_CONSULAIRE, B.ENTREPRISE]),
        ("Eligible applicants: local and regional authorities (municipalities, provinces and regions) or public "
         "entities owning the buildings.", [B.COMMUNE, B.DEPARTEMENT, B.REGION, B.ETABLISSEMENT_PUBLIC]),
    ],
    ids=["coordinator-and-beneficiaries", "regional-authority-and-subcontractors", "chambers-and-vet",
         "authorities-defined-by-brackets"],
)
def test_roles_decide_who_applies_in_an_eu_topic(text: str, expected: list[B]) -> None:
    assert english_applicants(text) == expected
