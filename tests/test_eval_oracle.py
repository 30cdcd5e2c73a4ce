"""Reference eligibility from written call facts (`vigie eval --facts`): parsing, verdicts, and Vigie judged
against it."""

from __future__ import annotations

from datetime import date

import pytest

from matcher.comparison import Comparison
from matcher.evaluation import SystemScores
from matcher.oracle import CallFacts, disagreements, eligible, parse_facts, verdicts
from matcher.oracle_eval import END_TO_END, SCORE_ALONE, oracle_report
from models.records import Criterion, MatchResult, PorteurData

DAY = date(2026, 11, 23)
PME = PorteurData(id="scop", nom="SCOP", type="entreprise", taille="pme", territoire="gers",
                  geo_codes=["COM-32208", "DEP-32", "REG-76"])
EPCI = PorteurData(id="cc", nom="CC", type="epci", territoire="gers", geo_codes=["DEP-32", "REG-76"])


def facts(**cells: str) -> CallFacts:
    row = {"id": "a", "beneficiaires": "inconnu", "territoires": "inconnu", "date_cloture": "inconnu",
           "exclusions": ""} | cells
    return parse_facts([row])["a"]


@pytest.mark.parametrize(("cells", "porteur", "expected"), [
    ({"beneficiaires": "epci|entreprise:pme"}, PME, {"beneficiaire": "ok"}),
    ({"beneficiaires": "entreprise:eti"}, PME, {"beneficiaire": "ko"}),
    ({"beneficiaires": "entreprise"}, PME, {"beneficiaire": "ok"}),
    ({"beneficiaires": "association"}, EPCI, {"beneficiaire": "ko"}),
    ({"territoires": "REG-76"}, PME, {"territoire": "ok"}),
    ({"territoires": "REG-75"}, PME, {"territoire": "ko"}),
    ({"territoires": "PAYS-99100", "exclusions": "DEP-32"}, EPCI, {"territoire": "ko"}),
    ({"territoires": "PAYS-99100", "exclusions": "hors agriculture"}, EPCI, {"territoire": "ok"}),
    ({"date_cloture": "2026-11-22"}, PME, {"calendrier": "ko"}),
    ({"date_cloture": "2026-11-23"}, PME, {"calendrier": "ok"}),
    ({"date_cloture": "permanent"}, PME, {"calendrier": "ok"}),
    ({}, PME, {"beneficiaire": "inconnu", "territoire": "inconnu", "calendrier": "inconnu"}),
], ids=["pme-listed", "other-size", "any-company", "other-type", "region-covers", "other-region", "excluded-dep",
        "non-place-exclusion-ignored", "closed-yesterday", "closes-today", "permanent", "all-unknown"])
def test_facts_give_a_verdict_per_criterion(cells, porteur, expected):
    found = verdicts(facts(**cells), porteur, DAY)
    assert {k: found[k] for k in expected} == expected


def test_a_call_without_facts_is_eligible_and_unknown_never_excludes():
    assert eligible(verdicts(None, PME, DAY)) and eligible(verdicts(facts(), PME, DAY))


@pytest.mark.parametrize(("cells", "message"), [
    ({"beneficiaires": "particulier|martien"}, "ligne 2 : bénéficiaire inconnu « martien »"),
    ({"territoires": "REG-999"}, "ligne 2 : code région inconnu"),
    ({"date_cloture": "31/12/2026"}, "ligne 2 : date de clôture « 31/12/2026 » invalide"),
    ({"id": ""}, "ligne 2 : identifiant"),
], ids=["beneficiary", "place", "date", "id"])
def test_bad_facts_are_named_by_line(cells, message):
    with pytest.raises(ValueError, match=message):
        facts(**cells)


def criteria(**verdict: str) -> list[Criterion]:
    return [Criterion(criterion=c, verdict=verdict.get(c, "ok"), detail="")
            for c in ("beneficiaire", "territoire", "calendrier", "montant")]


def test_disagreements_count_wrong_exclusions_and_wrong_admissions_per_criterion():
    pairs = [(criteria(territoire="ko"), {"beneficiaire": "ok", "territoire": "ok", "calendrier": "ok"}),
             (criteria(), {"beneficiaire": "ko", "territoire": "inconnu", "calendrier": "ok"}),
             (criteria(beneficiaire="inconnu"), {"beneficiaire": "ko", "territoire": "ok", "calendrier": "ok"}),
             (criteria(montant="ko"), {"beneficiaire": "ok", "territoire": "ok", "calendrier": "ok"})]
    found = {d.criterion: (d.wrongly_excluded, d.wrongly_admitted) for d in disagreements(pairs)}
    assert found == {"beneficiaire": (0, 2), "territoire": (1, 0), "calendrier": (0, 0)}


def result(fiche: str, call: str, score: float, eligible_: bool = True) -> MatchResult:
    return MatchResult(fiche_id=fiche, porteur_id="scop", source="s", source_id=call, score=score, eligible=eligible_,
                       eligibility=criteria() if eligible_ else criteria(territoire="ko"))


def test_vigie_is_judged_on_the_calls_the_facts_leave_open():
    # Vigie thinks "closed" is eligible and ranks it first; the facts say it closed. "far" is wrongly refused.
    results = [result("F1", "closed", 0.9), result("F1", "good", 0.6), result("F1", "far", 0.8, eligible_=False)]
    comparison = Comparison([SystemScores("Vigie")], {"F1": "innovation"}, results, None, {"F1": PME},
                            {"BM25": {"F1": ["closed", "far", "good"]}})
    written = {"closed": facts(date_cloture="2026-01-31"), "far": facts(territoires="REG-76")}
    grades = {("F1", "closed"): 3, ("F1", "good"): 2, ("F1", "far"): 3}
    report = oracle_report(comparison, grades, written, DAY)
    alone = {s.name: s for s in report.ranking}
    assert alone[SCORE_ALONE].per_fiche["F1"]["p@5"] == pytest.approx(2 / 5)  # far, good: both open, both relevant
    assert report.end_to_end.name == END_TO_END
    assert report.end_to_end.per_fiche["F1"]["ineligible@10"] == pytest.approx(1 / 2)
    assert (report.ineligible_in_top, report.fiches_with_ineligible, report.calls_without_facts) == (1, 1, 1)
    by = {d.criterion: (d.wrongly_excluded, d.wrongly_admitted) for d in report.disagreements}
    assert by["territoire"] == (1, 0) and by["calendrier"] == (0, 1)
