"""Profiles follow the fiche: an axe profile counts for a pair only as far as the fiche itself is about it."""

from __future__ import annotations

from datetime import date

import pytest

from matcher import SimpleAnalyzer
from matcher.engine import MatchEngine
from matcher.run import ScoredRun
from models.config.schema import ExclusionConfig, MatchingConfig, ProfileConfig, SynonymsConfig
from models.records import FicheActionData, OpportunityData, PorteurData

TODAY = date(2026, 11, 24)
DECARBONATION = ProfileConfig(
    axes=["transition_ecologique"],
    terms={"décarbonation": 5, "efficacité énergétique": 4, "froid industriel": 4, "chaleur fatale": 4,
           "économie circulaire": 2},
    exclusions=[ExclusionConfig(term="particuliers")],
)
PROFILES = {"decarbonation": DECARBONATION}
LAITERIE = PorteurData(id="laiterie", nom="Laiterie du Bas-Armagnac", type="entreprise", taille="pme",
                       territoire="gers", geo_codes=["DEP-32"])
EAU = FicheActionData(
    id="eau", porteur_id="laiterie", axe="transition_ecologique", titre="Réutiliser l'eau des évaporateurs",
    description="Traiter par osmose l'eau qui sort des évaporateurs pour laver les cuves et les camions, au lieu "
    "de pomper dans la rivière l'été.", mots_cles=["eau", "osmose"],
)
FROID = FicheActionData(
    id="froid", porteur_id="laiterie", axe="transition_ecologique", titre="Moderniser notre entrepôt frigorifique",
    description="Remplacer les groupes de froid industriel de l'entrepôt par des machines au CO2 et récupérer la "
    "chaleur fatale des condenseurs pour chauffer les bureaux.", mots_cles=["entrepôt", "froid"],
)
EAU_CIRCULAIRE = EAU.model_copy(update={
    "id": "eau-circulaire", "description": EAU.description + " Une démarche d'économie circulaire de l'eau."})
GENERIQUE = OpportunityData(
    source="test", source_id="decarbonation", url="https://example.org/decarbonation",
    title="Décarbonation de l'industrie", summary="Investissements d'efficacité énergétique des sites industriels.",
    description="Sont aidés par exemple les projets de froid industriel des entrepôts.",
)
PARTICULIERS = OpportunityData(
    source="test", source_id="particuliers", url="https://example.org/particuliers",
    title="Décarbonation du chauffage", description="Aide réservée aux particuliers.",
)


def score(fiches: list[FicheActionData], profiles=PROFILES, porteur: PorteurData = LAITERIE) -> ScoredRun:
    engine = MatchEngine(SimpleAnalyzer())
    return engine.score([GENERIQUE, PARTICULIERS], [(f, porteur) for f in fiches], profiles, SynonymsConfig(),
                        MatchingConfig(), TODAY)


def signal(points: float) -> float:
    return points / (points + 4)


def profile_evidence(run: ScoredRun, i: int, j: int) -> list[str]:
    result = run.results([(i, j)])[0]
    return [r.evidence for r in result.reasons if r.feature in ("profil", "exclusion")]


def test_two_fiches_of_one_axe_no_longer_share_the_boost_of_a_generic_call():
    run = score([EAU, FROID])
    water, cold = run.signals.profile[:, 0]
    # The call holds décarbonation (+5), efficacité énergétique (+4), froid industriel (+4): 13 points.
    # The cold-storage fiche says « froid industriel » and « chaleur fatale » (affinity 8 / (8 + 4)): the shared
    # term counts in full, the call's two others × 2/3. The water fiche says none of the profile's terms.
    assert cold == pytest.approx(signal(4 + 2 / 3 * 9))
    assert water == 0.0


def test_the_profile_reason_names_the_terms_on_both_sides_and_never_claims_the_others():
    run = score([EAU, FROID])
    assert profile_evidence(run, 1, 0) == [
        "profil decarbonation : « froid industriel » (+4) dans la fiche et dans l'appel ; dans l'appel seulement, "
        "comptés à 67 % : décarbonation (+5), efficacité énergétique (+4)"
    ]
    assert profile_evidence(run, 0, 0) == [] and profile_evidence(run, 0, 1) == []


def test_a_fiche_that_mentions_none_of_the_profile_terms_gets_no_profile_signal():
    with_profile, without = score([EAU]), score([EAU], profiles={})
    assert not with_profile.signals.has_profile[0] and not with_profile.signals.profile.any()
    assert with_profile.scores.tolist() == without.scores.tolist()


def test_a_fiche_about_the_profile_elsewhere_gets_the_call_terms_in_proportion():
    run = score([EAU_CIRCULAIRE, FROID])
    # « économie circulaire » (+2) only: affinity 2 / (2 + 4) = 1/3 of the call's 13 points, nothing shared.
    assert run.signals.profile[0, 0] == pytest.approx(signal(13 / 3))
    assert run.signals.profile[0, 0] < run.signals.profile[1, 0]


@pytest.mark.parametrize("named_by", ["fiche", "porteur"])
def test_a_profile_named_explicitly_still_applies_in_full(named_by: str):
    fiche = EAU.model_copy(update={"profiles": ["decarbonation"]}) if named_by == "fiche" else EAU
    porteur = LAITERIE.model_copy(update={"profiles": ["decarbonation"]}) if named_by == "porteur" else LAITERIE
    run = score([fiche], porteur=porteur)
    assert run.signals.has_profile[0] and run.signals.profile[0, 0] == pytest.approx(signal(13))
    assert profile_evidence(run, 0, 0) == [
        "profil decarbonation : décarbonation (+5), efficacité énergétique (+4), froid industriel (+4)"]


def test_an_exclusion_weighs_as_much_as_the_fiche_is_about_the_profile():
    run = score([EAU, FROID, EAU.model_copy(update={"id": "nommee", "profiles": ["decarbonation"]})])
    # décarbonation (+5) − particuliers (−5): nothing left for any fiche, but only concerned ones are told why.
    assert not run.signals.profile[:, 1].any()
    assert profile_evidence(run, 0, 1) == []
    assert "exclusion du profil decarbonation : particuliers (−3,3)" in profile_evidence(run, 1, 1)
    assert "exclusion du profil decarbonation : particuliers (−5)" in profile_evidence(run, 2, 1)


def test_each_pair_s_profile_points_agree_with_the_arrays():
    run = score([EAU, FROID, EAU_CIRCULAIRE])
    for i in range(3):
        for j in range(2):
            points = max(0.0, sum(part.points for part in run.profile_run.pair(i, j)))
            assert run.signals.profile[i, j] == pytest.approx(signal(points))


def test_a_profile_with_an_axe_affinity_counts_for_every_fiche_of_its_axe_even_without_its_words() -> None:
    from matcher.affinity import ProfileRun
    from matcher.profiles import ProfileHits

    call = ProfileHits("foncier", (("friche", 5.0),), ())
    silent = ProfileHits("foncier", (), ())  # the fiche says « la vieille filature est à l'abandon »
    plain = ProfileRun({"foncier": [call]}, {"foncier": [silent]}, [["foncier"]], [frozenset()])
    floored = ProfileRun({"foncier": [call]}, {"foncier": [silent]}, [["foncier"]], [frozenset()], [{"foncier": 1.0}])
    assert plain.affinity(0, "foncier") == 0.0 and plain.points("foncier")[0, 0] == 0.0
    assert floored.affinity(0, "foncier") == 1.0 and floored.points("foncier")[0, 0] == 5.0
