"""Scoring the fiches by blocks gives every pair what scoring them all at once gives: the same scores, ranks,
eligibility, criteria, reasons and stored rows (matcher.blocks, `match_stored(pair_budget=…)`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from matcher import SimpleAnalyzer
from matcher.blocks import fiche_blocks
from models.store import Store
from tests.decisions_world import AS_OF, NOW, config, populate, write_csv
from tests.factories import opportunity
from vigie.pipeline.match import RankedMatch, match_stored
from vigie.pipeline.review_import import import_decisions


@pytest.mark.parametrize(("fiches", "calls", "budget", "sizes"), [
    (10, 100, 1000, [10]),          # everything fits: one block
    (10, 100, 250, [2, 2, 2, 2, 2]),
    (7, 100, 300, [3, 3, 1]),       # at most 3 fiches a block
    (5, 1000, 10, [1, 1, 1, 1, 1]),  # a budget under one fiche's row: one fiche a block
    (4, 0, 10, [4]),                # no call: one block
    (0, 50, 10, [0]),               # no fiche: one empty block
])
def test_blocks_cover_every_fiche_once_within_the_budget(fiches: int, calls: int, budget: int,
                                                         sizes: list[int]) -> None:
    blocks = fiche_blocks(fiches, calls, budget)
    assert [len(b) for b in blocks] == sizes
    assert [row for b in blocks for row in b] == list(range(fiches))


def world(tmp_path: Path, name: str) -> Store:
    """The three territories' plan and calls, with decisions of two territories that others hear."""
    store = Store.open(f"sqlite:///{tmp_path / name}.db")
    populate(store)
    rows = ["fiche_id,source_id,decision", "V1,fonds-friches,accepte", "V2,ateliers-relais,accepte",
            "B1,depollution,rejete", "V1,chaufferies,rejete"]
    found = import_decisions(store, write_csv(tmp_path / f"{name}.csv", rows))
    assert not found.problems, found.problems
    return store


def seen(matches: list[RankedMatch]) -> list[tuple]:
    """Everything a pair shows: rank, score, eligibility, criteria, then its result (reasons included)."""
    return sorted((m.fiche_id, m.opportunity.source_id, m.rank, m.score, m.eligible,
                   [c.model_dump() for c in m.eligibility], m.result.model_dump()) for m in matches)


def stored(store: Store) -> list[tuple]:
    return sorted((m.fiche_id, m.opportunity_id, m.score, m.rank, m.eligible, m.eligibility, m.reasons,
                   m.review_status) for m in store.matches())


@pytest.mark.parametrize("every_pair", [False, True])
def test_one_fiche_a_block_matches_and_stores_what_one_block_does(tmp_path: Path, every_pair: bool) -> None:
    whole, blocks = world(tmp_path, "whole"), world(tmp_path, "blocks")
    directory = tmp_path / "conf"
    at_once = match_stored(config(directory), whole, AS_OF, analyzer=SimpleAnalyzer(), every_pair=every_pair)
    by_blocks = match_stored(config(directory), blocks, AS_OF, analyzer=SimpleAnalyzer(), every_pair=every_pair,
                             pair_budget=1)
    assert len(at_once) >= 10 and seen(by_blocks) == seen(at_once)
    assert any(r.feature == "decisions" for m in at_once for r in m.result.reasons)  # the neighbours took part
    assert stored(blocks) == stored(whole)

    # A new call, then a re-match: the same pairs rewritten, the same rows.
    for store in (whole, blocks):
        store.upsert_opportunity(opportunity("friches-bis", source="national", title="Friches industrielles",
                                             summary="Démolir et dépolluer une friche pour des ateliers.",
                                             geo_codes=["PAYS-99100"], beneficiaries=["epci"]), NOW)
    at_once = match_stored(config(directory), whole, AS_OF, analyzer=SimpleAnalyzer())
    by_blocks = match_stored(config(directory), blocks, AS_OF, analyzer=SimpleAnalyzer(), pair_budget=7)
    assert "friches-bis" in {m.opportunity.source_id for m in at_once}
    assert seen(by_blocks) == seen(at_once) and stored(blocks) == stored(whole)
