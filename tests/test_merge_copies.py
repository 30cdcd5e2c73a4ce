"""A call listed by several sources is read back as one record with the best fact of each field."""

from __future__ import annotations

from datetime import date

from factories import opportunity
from models.merge import merge_copies
from models.vocab import Beneficiary as B


def copy(source: str, **fields: object):  # noqa: ANN201
    return opportunity(source_id=f"{source}-1", source=source, **fields)


def test_every_releve_of_every_copy_is_kept_and_the_source_that_added_them_is_named() -> None:
    merged = merge_copies([
        copy("aides-territoires", close_dates=[date(2027, 3, 1)]),
        copy("bpifrance", close_dates=[date(2027, 1, 10), date(2027, 3, 1), date(2027, 6, 5)]),
    ])
    assert merged.close_dates == [date(2027, 1, 10), date(2027, 3, 1), date(2027, 6, 5)]
    assert merged.fact_sources["close_dates"] == "bpifrance"
    assert merged.source == "aides-territoires"


def test_the_narrowest_beneficiaries_that_the_others_contain_win() -> None:
    merged = merge_copies([copy("mte", beneficiaries=[B.ENTREPRISE]), copy("ademe", beneficiaries=[B.PME]),
                           copy("at", beneficiaries=[])])
    assert merged.beneficiaries == [B.PME]
    assert merged.fact_sources["beneficiaries"] == "ademe"


def test_disagreeing_beneficiaries_keep_the_canonical_copys_list() -> None:
    merged = merge_copies([copy("a", beneficiaries=[B.EPCI]), copy("b", beneficiaries=[B.PME])])
    assert merged.beneficiaries == [B.EPCI]
    assert "beneficiaries" not in merged.fact_sources


def test_the_finest_territory_wins_over_a_national_listing() -> None:
    merged = merge_copies([copy("at", geo_codes=["PAYS-99100"]), copy("occitanie", geo_codes=["REG-76"])])
    assert merged.geo_codes == ["REG-76"]
    assert merged.fact_sources["geo_codes"] == "occitanie"


def test_an_amount_only_one_copy_states_fills_the_gap() -> None:
    merged = merge_copies([copy("a", amount_max=None), copy("b", amount_max=300000.0)])
    assert merged.amount_max == 300000.0
    assert merged.fact_sources["amount_max"] == "b"


def test_a_lone_copy_is_returned_as_it_is() -> None:
    one = copy("a", beneficiaries=[B.EPCI])
    assert merge_copies([one]) is one
    assert one.fact_sources == {}


def test_merged_facts_never_change_the_content_hash_of_what_is_stored() -> None:
    one = copy("a")
    assert one.model_copy(update={"fact_sources": {"close_dates": "b"}}).content_hash() == one.content_hash()
