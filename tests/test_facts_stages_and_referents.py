"""Close dates of a « Dépôts : » list and of a pre-deposit stage, the Aides-territoires `predeposit_date` field, and the
referent of « elles » after a type the subject possesses."""

from __future__ import annotations

from datetime import date

from crawlers.normalise.beneficiaries import beneficiaries_in_text
from crawlers.normalise.releves import find_releves
from crawlers.spiders.at_shapes import map_aid
from models.vocab import Beneficiary as B


def test_a_list_of_deposits_past_ones_included() -> None:
    assert find_releves("Dépôts : 9 octobre 2026 (clos), 8 février 2027 et 7 juin 2027.") == [
        date(2026, 10, 9), date(2027, 2, 8), date(2027, 6, 7)]


def test_one_deposit_window_is_no_list() -> None:
    assert find_releves("Dépôt : 17/12/2026 au 15/06/2027.") == []


def test_a_pre_deposit_stage_has_its_close_date() -> None:
    assert find_releves("Pré-dépôt de la note d'intention : 3 mars 2027 au plus tard. Dossier complet : 9 septembre "
                        "2027 au plus tard.") == [date(2027, 3, 3), date(2027, 9, 9)]


def test_aides_territoires_predeposit_date_is_a_close_date() -> None:
    aid = {"id": 7, "slug": "x", "name": "Aide", "url": "/aides/x/", "predeposit_date": "2027-02-01",
           "submission_deadline": "2027-06-30", "perimeter": "France", "perimeter_scale": "Pays"}
    assert map_aid(aid, "aides-territoires", 1).close_dates[:2] == ["2027-02-01", "2027-06-30"]


def test_a_pronoun_takes_up_the_subject_not_its_possession() -> None:
    text = ("Communautés de communes et PETR.\nLes communes membres transmettent leurs projets à leur "
            "intercommunalité ; elles ne déposent pas de demande.")
    assert set(beneficiaries_in_text(text)) == {B.EPCI, B.PETR}
