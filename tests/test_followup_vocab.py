"""The follow-up of an application: one vocabulary (models.vocab.FollowUp), its « done » set and its labels."""

from __future__ import annotations

import pytest

from models.answers import followup_after
from models.display_labels import FOLLOWUP_LABELS
from models.vocab import FOLLOWUP_DONE, FollowUp, followup_of, is_done


def test_every_follow_up_has_a_label_in_the_order_forms_list_them() -> None:
    assert list(FOLLOWUP_LABELS) == list(FollowUp)
    assert list(FOLLOWUP_LABELS.values()) == ["À étudier", "À déposer", "Déposé", "Obtenu", "Refusé"]


def test_stored_values_stay_the_same() -> None:
    assert [f.value for f in FollowUp] == ["a_etudier", "a_deposer", "depose", "obtenu", "refuse"]


@pytest.mark.parametrize(("value", "done"), [
    ("depose", True), ("Déposé", True), (" OBTENU ", True), ("refusé", True),
    ("a_deposer", False), ("a_etudier", False), ("", False), (None, False), ("envoye", False),
], ids=repr)
def test_a_dossier_is_done_from_filed_on_accents_and_case_aside(value: str | None, done: bool) -> None:
    assert is_done(value) is done


def test_an_unknown_value_names_no_follow_up() -> None:
    assert (followup_of("Déposé"), followup_of("envoye")) == (FollowUp.FILED, None)


@pytest.mark.parametrize("current", [None, "a_etudier"])
def test_je_depose_moves_an_earlier_follow_up_to_a_deposer(current: str | None) -> None:
    assert followup_after("je_depose", current) == "a_deposer"


@pytest.mark.parametrize("current", ["a_deposer", *sorted(FOLLOWUP_DONE)])
def test_je_depose_leaves_a_follow_up_already_there_or_further(current: str) -> None:
    assert followup_after("je_depose", current) is None
