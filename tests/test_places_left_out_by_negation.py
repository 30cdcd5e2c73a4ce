"""Places a call's text leaves out by a negative sentence, and places stated through the applicant's site.

« Les projets situés à Paris ne sont pas retenus » names a place to leave out, not the call's coverage: any negative
predicate after the place (« ne sont pas retenus / recevables / financés », « ne pourront pas être aidés ») leaves it
out, as « ne sont pas éligibles » already did. « dont le site de production est en Haute-Savoie » says where the
applicant must be, like « implantés en Haute-Savoie ». The verb « est » before a preposition is no cardinal point
(« l'est de la Marne » is a part of a département, which gives nothing).
"""

from __future__ import annotations

import pytest

from crawlers.normalise.departement_limits import limited_coverage
from crawlers.normalise.text import fold

FRANCE, AURA, GRAND_EST = ["PAYS-99100"], ["REG-84"], ["REG-44"]


@pytest.mark.parametrize(("sentence", "coverage", "expected"), [
    ("Les dossiers des sites implantés dans le Calvados ne sont pas recevables.", FRANCE,
     (FRANCE, ["DEP-14"])),
    ("Les projets localisés dans l'Allier ne pourront pas être financés.", AURA,
     (["DEP-01", "DEP-07", "DEP-15", "DEP-26", "DEP-38", "DEP-42", "DEP-43", "DEP-63", "DEP-69", "DEP-73", "DEP-74"],
      [])),
    ("Les opérations situées à Paris ne sont pas retenues par le jury.", FRANCE, (FRANCE, ["DEP-75"])),
    ("Sont éligibles les entreprises dont l'usine est en Savoie.", AURA, (["DEP-73"], [])),
    ("Réservé aux PME dont le siège social se trouve dans la Drôme.", AURA, (["DEP-26"], [])),
])
def test_place_left_out_or_stated_through_the_site(sentence: str, coverage: list[str],
                                                   expected: tuple[list[str], list[str]]) -> None:
    assert limited_coverage([fold(sentence)], coverage) == expected


@pytest.mark.parametrize(("sentence", "coverage"), [
    # guards: a part of a département, a preference, a positive sentence about another place
    ("Sont éligibles les projets situés dans l'est de la Marne.", GRAND_EST),
    ("Les projets situés dans le Cantal sont retenus en priorité.", AURA),
])
def test_what_gives_no_limit(sentence: str, coverage: list[str]) -> None:
    assert limited_coverage([fold(sentence)], coverage) is None
