"""What `vigie eval` says about its own figures: the held-out protocol, the provenance of the labels, and how much
two labellers agree."""

from __future__ import annotations

from pathlib import Path

import pytest

from matcher.agreement import agreement
from matcher.heldout import NONE, PORTEUR, TERRITORY, choose_protocol
from models.errors import VigieError
from vigie.pipeline.eval_inputs import read_label_set

PORTEUR_OF = {"F1": "cc", "F2": "cc", "F3": "scop", "F4": "mairie"}


def test_two_territories_or_more_leave_one_territory_out():
    protocol = choose_protocol(list(PORTEUR_OF), PORTEUR_OF, {"cc": "gers", "scop": "gers", "mairie": "vosges"})
    assert protocol.kind == TERRITORY and protocol.groups == ["gers", "vosges"]
    assert "un territoire à la fois (2 territoires)" in protocol.statement()
    folds = dict(protocol.folds(list(PORTEUR_OF)))
    assert folds["vosges"] == [False, False, False, True]


def test_a_single_territory_leaves_one_porteur_out():
    protocol = choose_protocol(list(PORTEUR_OF), PORTEUR_OF, dict.fromkeys(["cc", "scop", "mairie"], "gers"))
    assert protocol.kind == PORTEUR and protocol.groups == ["cc", "mairie", "scop"]
    assert "un porteur à la fois (3 porteurs)" in protocol.statement()


def test_a_single_porteur_cannot_hold_anything_out():
    protocol = choose_protocol(["F1", "F2"], PORTEUR_OF, {"cc": "gers"})
    assert protocol.kind == NONE and "rien ne peut" in protocol.statement()


@pytest.mark.parametrize(("content", "expected"), [
    ('usage = "reglage"\ndescription = "22 fiches du Gers"\n',
     "Jeu de réglage (22 fiches du Gers) : ces chiffres mesurent la mémoire du réglage, pas sa tenue ailleurs"),
    ('usage = "ecart"\n', "Jeu tenu à l'écart : rien n'a été réglé sur ces notes."),
    (None, "Jeu tenu à l'écart (provenance non déclarée"),
], ids=["tuning-set", "held-out-set", "undeclared"])
def test_the_label_set_says_whether_the_figures_measure_the_tuning(tmp_path: Path, content, expected):
    if content is not None:
        (tmp_path / "SET.toml").write_text(content, encoding="utf-8")
    assert read_label_set(tmp_path / "labels.csv").statement().startswith(expected)


def test_an_unknown_usage_is_refused_with_the_file(tmp_path: Path):
    (tmp_path / "SET.toml").write_text('usage = "test"\n', encoding="utf-8")
    with pytest.raises(VigieError, match="SET.toml: usage"):
        read_label_set(tmp_path / "labels.csv")


def test_the_development_set_declares_itself_the_tuning_set():
    devset = Path(__file__).parent / "data" / "matching" / "labels.csv"
    assert read_label_set(devset).usage == "reglage"


def test_identical_labellers_agree_fully():
    grades = {("F1", "a"): 3, ("F1", "b"): 0, ("F2", "a"): 1}
    found = agreement(grades, dict(grades))
    assert (found.kappa, found.raw, found.relevant_kappa, found.pairs) == (1.0, 1.0, 1.0, 3)


def test_a_pair_one_labeller_left_out_counts_as_zero():
    found = agreement({("F1", "a"): 3, ("F1", "b"): 2}, {("F1", "a"): 3})
    assert found.pairs == 2 and found.raw == 0.5 and (found.only_a, found.only_b) == (1, 0)


def test_quadratic_weights_forgive_a_near_miss_more_than_a_far_one():
    a = {("F", c): g for c, g in zip("abcdefgh", [0, 1, 2, 3, 0, 1, 2, 3])}
    near = {k: min(3, g + 1) if k[1] == "a" else g for k, g in a.items()}  # one 0 → 1
    far = {k: 3 if k[1] == "a" else g for k, g in a.items()}  # one 0 → 3
    assert agreement(a, near).raw == agreement(a, far).raw == 7 / 8
    assert agreement(a, near).kappa > agreement(a, far).kappa
