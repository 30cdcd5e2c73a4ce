"""Bad input never breaks a whole run: empty, huge, English or HTML texts, missing dates, places or descriptions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pytest

from matcher import SimpleAnalyzer, match
from models.config import load_config
from models.config.schema import ExclusionConfig, MatchingConfig, ProfileConfig, SynonymsConfig
from models.errors import ConfigError
from models.records import FicheActionData, MatchResult, OpportunityData, PorteurData
from vigie.context import source_kinds

TODAY = date(2026, 11, 24)
AUCH = PorteurData(id="auch", nom="CC Grand Auch", type="epci", territoire="gers", geo_codes=["DEP-32"])
FICHE = FicheActionData(id="f", porteur_id="auch", titre="Chaufferie bois du parc d'activités",
                        description="Créer une chaufferie bois et un réseau de chaleur.", mots_cles=["biomasse"])
CAHIER = "Article {n}. Le candidat décrit la chaufferie bois et ses équipements de manière détaillée. " * 4
GOOD = dict(title="Chaufferies bois et réseaux de chaleur", description="L'aide finance les chaufferies bois.",
            beneficiaries=["epci"], geo_codes=["REG-76"], close_dates=[date(2027, 3, 1)])


class WordEncoder:
    """A fake encoder: counts of a few words (enough to exercise the semantic slot)."""

    WORDS = ("chaufferie", "bois", "chaleur", "heat", "friche")

    def encode(self, texts):
        return np.asarray([[t.lower().count(w) for w in self.WORDS] for t in texts], dtype=np.float32)


def call(**fields) -> OpportunityData:
    values = {"source": "t", "source_id": "x", "url": "https://example.org/x", **GOOD, **fields}
    return OpportunityData(**values)


def run(calls, fiches=(FICHE,), profiles=None, encoder=None) -> list[MatchResult]:
    return match(calls, list(fiches), {"auch": AUCH}, profiles or {}, SynonymsConfig(), MatchingConfig(), TODAY,
                 analyzer=SimpleAnalyzer(), encoder=encoder or WordEncoder())


CASES = {
    "empty texts": call(title="?", description="", summary=""),
    "a 200-page cahier des charges": call(description="\n".join(CAHIER.format(n=n) for n in range(3000))),
    "English text": call(title="Heat networks", description="Funding for district heating and wood boilers."),
    "HTML left in the text": call(description="<div><p>Aide aux <b>chaufferies&nbsp;bois</b></p><script>x()</script>"),
    "no dates and no places": call(close_dates=[], geo_codes=[], beneficiaries=[]),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_a_bad_call_gets_a_result_next_to_a_good_one(case):
    good = call(source_id="good")
    results = {r.source_id: r for r in run([good, CASES[case]])}
    assert set(results) == {"good", "x"}
    assert all(0.0 <= r.score <= 1.0 for r in results.values())
    assert results["good"].score > 0


def test_html_tags_never_reach_the_reasons():
    results = run([CASES["HTML left in the text"]])
    text = " ".join(r.evidence for r in results[0].reasons)
    assert "chaufferies bois" in text and "<" not in text and "nbsp" not in text


def test_a_call_without_dates_or_places_is_unknown_on_those_criteria_and_stays_eligible():
    result = run([CASES["no dates and no places"]])[0]
    verdicts = {c.criterion: c.verdict for c in result.eligibility}
    assert verdicts["calendrier"] == verdicts["territoire"] == verdicts["beneficiaire"] == "inconnu"
    assert result.eligible


def test_a_fiche_without_description_is_matched_on_its_title():
    bare = FicheActionData(id="bare", porteur_id="auch", titre="Chaufferie bois")
    result = run([call()], fiches=[bare])[0]
    assert result.score > 0 and result.eligible


def test_a_profile_term_made_of_punctuation_only_is_ignored():
    odd = ProfileConfig(terms={"—": 3, "chaufferie": 2}, exclusions=[ExclusionConfig(term="…")])
    fiche = FICHE.model_copy(update={"profiles": ["odd"]})
    reasons = run([call()], fiches=[fiche], profiles={"odd": odd})[0].reasons
    assert any("« chaufferie » (+2)" in r.evidence for r in reasons)


@pytest.mark.parametrize("content, expected", [
    ('unknown = 1\n[terms]\nbois = 2\n', "unknown"),
    ('[terms]\n"" = 2\n', "terme vide"),
])
def test_a_bad_profile_is_named_in_a_clear_configuration_error(tmp_path: Path, content: str, expected: str):
    directory = tmp_path / "config"
    (directory / "profiles").mkdir(parents=True)
    (directory / "settings.toml").write_text("", encoding="utf-8")
    (directory / "profiles" / "bad.toml").write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(directory, source_kinds())
    assert "bad.toml" in str(error.value) and expected in str(error.value)
