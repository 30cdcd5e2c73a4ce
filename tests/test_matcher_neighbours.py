"""Decisions of one territory count for similar fiches of the others: a call accepted for similar friche fiches
elsewhere rises, a rejected one falls, with a reason naming the territories; a territory may withhold its
decisions; a fiche never hears its own territory; calls nobody reviewed keep their ranking."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from fastapi.testclient import TestClient

from matcher import SimpleAnalyzer
from matcher.engine import MatchEngine
from matcher.learning import FEATURES, average_precision, fit, review_examples, served_scores
from matcher.neighbours import Decision, FicheText, fiche_text, neighbour_signal, shareable, similarity
from matcher.pipeline import fiche_pairs
from models.config.schema import SynonymsConfig
from models.store import Store
from tests.decisions_world import AS_OF, NOW, config, match, plan, populate, write_csv
from vigie.pipeline.review_import import import_decisions
from vigie.pipeline.shared_decisions import apply_shared, load_shared
from vigie.web.reasons import reason_view

HEADER = "fiche_id,source_id,decision"
FRICHE = "Dépolluer la friche industrielle et accueillir des ateliers d'entreprises."


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """The three territories and the national calls, on SQLite."""
    opened = Store.open(f"sqlite:///{tmp_path / 'vigie.db'}")
    populate(opened)
    yield opened
    opened.close()


def decide(store: Store, tmp_path: Path, *rows: str) -> None:
    """Import decisions as `vigie review import` does."""
    result = import_decisions(store, write_csv(tmp_path / "decisions.csv", [HEADER, *rows]))
    assert not result.problems, result.problems


def texts(*fiches: tuple[str, str]) -> list[FicheText]:
    return [FicheText(fiche_id, territory, FRICHE) for fiche_id, territory in fiches]


def test_a_fiche_hears_other_territories_but_never_its_own() -> None:
    pool = texts(("a1", "A"), ("a2", "A"), ("b1", "B"))
    heard = neighbour_signal(pool, pool, ["call"], [Decision("a1", "A", "call", True)], k=5, floor=0.1)
    assert heard.signal[0, 0] == 0 and heard.signal[1, 0] == 0
    assert heard.signal[2, 0] == pytest.approx(np.tanh(1.0)) and heard.evidence[(2, 0)].accepted == ("A",)


def test_dissimilar_fiches_and_withheld_territories_are_not_heard() -> None:
    pool = [FicheText("a1", "A", FRICHE), FicheText("c1", "C", FRICHE),
            FicheText("b1", "B", "Chaudière à plaquettes de bois pour chauffer l'école communale.")]
    decisions = [Decision("a1", "A", "call", True), Decision("c1", "C", "call", False)]
    heard = neighbour_signal(pool, pool, ["call"], decisions, k=5, floor=0.15)
    assert heard.signal[2, 0] == 0 and (2, 0) not in heard.evidence
    assert heard.signal[0, 0] < 0  # a1 hears c1's rejection
    withheld = neighbour_signal(pool, pool, ["call"], shareable(decisions, {"C"}), k=5, floor=0.15)
    assert withheld.signal[0, 0] == 0 and withheld.signal[1, 0] > 0


def test_only_the_k_most_similar_fiches_are_heard() -> None:
    pool = texts(("a1", "A"), ("b1", "B"), ("c1", "C"), ("d1", "D"))
    decisions = [Decision(f, f[0].upper(), "call", True) for f in ("b1", "c1", "d1")]
    heard = neighbour_signal(pool, pool, ["call"], decisions, k=2, floor=0.1)
    assert len(heard.evidence[(0, 0)].accepted) == 2 and heard.signal[0, 0] == pytest.approx(np.tanh(2.0))


def test_acceptances_in_other_territories_lift_the_call_for_a_similar_fiche_with_their_reason(
        store: Store, tmp_path: Path) -> None:
    before = match(store, tmp_path)
    decide(store, tmp_path, "V1,fonds-friches,accepte", "V2,fonds-friches,accepté", "G2,fonds-friches,accepte")
    after = match(store, tmp_path)
    old, new = before[("B1", "fonds-friches")], after[("B1", "fonds-friches")]
    assert new.result.score > old.result.score and new.rank < old.rank
    stored = next(m for m in store.matches() if m.fiche_id == "B1" and m.score == new.result.score)
    reason = next(r for r in stored.reasons if r["feature"] == "decisions")
    assert reason["evidence"] == "acceptée pour 3 fiches semblables dans d'autres territoires (Vosges, Gers)"
    assert reason_view(reason).label == "Décisions d'autres territoires" and not reason_view(reason).against


def test_a_rejection_in_another_territory_pushes_the_call_down(store: Store, tmp_path: Path) -> None:
    before = match(store, tmp_path)
    decide(store, tmp_path, "V1,ateliers-relais,rejete")
    after = match(store, tmp_path)
    old, new = before[("B1", "ateliers-relais")], after[("B1", "ateliers-relais")]
    assert new.result.score < old.result.score and new.rank > old.rank
    reason = next(r for r in new.result.reasons if r.feature == "decisions")
    assert reason.evidence == "rejetée pour 1 fiche semblable dans un autre territoire (Vosges)" and reason.weight < 0


def test_a_territory_that_withholds_its_decisions_moves_nothing_elsewhere(store: Store, tmp_path: Path) -> None:
    before = match(store, tmp_path, withheld=("vosges",))
    decide(store, tmp_path, "V1,fonds-friches,accepte", "V1,ateliers-relais,rejete")
    after = match(store, tmp_path, withheld=("vosges",))
    for pair in [("B1", c) for c in ("fonds-friches", "ateliers-relais")] + [("G2", "fonds-friches")]:
        assert after[pair].result.score == before[pair].result.score
        assert not [r for r in after[pair].result.reasons if r.feature == "decisions"]


def test_nothing_is_heard_when_the_deployment_does_not_share_decisions(store: Store, tmp_path: Path) -> None:
    before = match(store, tmp_path, share=False)
    decide(store, tmp_path, "V1,fonds-friches,accepte")
    assert match(store, tmp_path, share=False)[("B1", "fonds-friches")].result.score == \
        before[("B1", "fonds-friches")].result.score


def test_a_fiche_never_hears_its_own_territory(store: Store, tmp_path: Path) -> None:
    before = match(store, tmp_path)
    decide(store, tmp_path, "V1,fonds-friches,accepte")
    after = match(store, tmp_path)
    assert after[("V2", "fonds-friches")].result.score == before[("V2", "fonds-friches")].result.score
    assert after[("B1", "fonds-friches")].result.score > before[("B1", "fonds-friches")].result.score


def test_calls_nobody_reviewed_keep_their_content_score(store: Store, tmp_path: Path) -> None:
    before = match(store, tmp_path)
    decide(store, tmp_path, "V1,fonds-friches,accepte", "G2,fonds-friches,rejete")
    after = match(store, tmp_path)
    untouched = [pair for pair in before if pair[1] != "fonds-friches"]
    assert [after[p].result.score for p in untouched] == [before[p].result.score for p in untouched]


def test_a_reviewed_pair_s_feature_never_hears_its_own_territory(store: Store, tmp_path: Path) -> None:
    decide(store, tmp_path, "V1,fonds-friches,accepte", "V2,fonds-friches,rejete", "B1,fonds-friches,accepte")
    world = plan()
    pairs = fiche_pairs(world.fiches, {p.id: p for p in world.porteurs})
    matching = config(tmp_path).settings.matching
    calls = [d for _, d in store.canonical_opportunities()]
    run = MatchEngine(SimpleAnalyzer()).score(calls, pairs, {}, SynonymsConfig(), matching, AS_OF)
    apply_shared(run, load_shared(store, pairs), None)
    x, _, _, keys = review_examples(run, store.review_decisions())
    feature = dict(zip([k[0] for k in keys], x[:, FEATURES.index("neighbours")]))
    sims = dict(zip([f.id for f, _ in pairs], similarity([fiche_text(f) for f, _ in pairs],
                                                         [fiche_text(f) for f, _ in pairs])))
    index = {f.id: n for n, (f, _) in enumerate(pairs)}
    sim = lambda a, b: sims[a][index[b]]  # noqa: E731
    assert feature["V1"] == pytest.approx(np.tanh(sim("V1", "B1")))  # not V2's rejection: same territory
    assert feature["V2"] == pytest.approx(np.tanh(sim("V2", "B1")))
    assert feature["B1"] == pytest.approx(np.tanh(sim("B1", "V1") - sim("B1", "V2")))


def inversions(first: np.ndarray, second: np.ndarray) -> int:
    """Pairs that one ranking puts strictly in one order and the other strictly in the other."""
    return int(((np.sign(first[:, None] - first[None, :]) * np.sign(second[:, None] - second[None, :])) < 0).sum())


def test_the_learnt_ranker_keeps_the_cold_start_ranking_of_the_content_features() -> None:
    rng = np.random.default_rng(7)
    x = rng.random((400, len(FEATURES)))
    n = FEATURES.index("neighbours")
    x[:, n] = np.where(rng.random(400) < 0.5, 0.0, x[:, 0] * 2 - 1)  # decided elsewhere for half the pairs
    y = ((x[:, 0] + x[:, 3] + 2 * x[:, n] + rng.normal(0, 0.3, 400)) > 1.2).astype(int)
    with_signal = fit(x[:300], y[:300])
    silent = x.copy()
    silent[:, n] = 0.0
    without_signal = fit(silent[:300], y[:300])
    cold = silent[300:]
    ranked = lambda model, rows: served_scores(rows, model, 0.5)  # noqa: E731
    assert inversions(ranked(with_signal, cold), ranked(without_signal, cold)) == 0
    heard = average_precision(y[300:], ranked(with_signal, x[300:]))
    assert heard > average_precision(y[300:], ranked(without_signal, cold))


def test_the_match_page_names_the_territories_whose_decisions_moved_it(store: Store, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from test_web_world import SECRET, login, password_hash
    from vigie.web import create_app

    decide(store, tmp_path, "V1,fonds-friches,accepte", "G2,fonds-friches,accepte")
    match(store, tmp_path)
    store.add_user("morgane", password_hash(), "chef_de_projet", ["finistere"], NOW)
    monkeypatch.setenv("VIGIE_SECRET_KEY", SECRET)
    ids = {d.source_id: i for i, d in store.opportunities()}
    shown = next(m.id for m in store.matches() if m.fiche_id == "B1" and m.opportunity_id == ids["fonds-friches"])
    with TestClient(create_app(config(tmp_path), store, lambda: AS_OF)) as client:
        login(client, "morgane")
        page = client.get(f"/correspondances/{shown}").text
    assert "Décisions d&#39;autres territoires" in page or "Décisions d'autres territoires" in page
    assert "acceptée pour 2 fiches semblables dans d" in page and "(Vosges, Gers)" in page
    assert "cc-epinal" not in page and "filature" not in page and "coopérative" not in page
