"""A match's reasons as the chef de projet reads them: the closest sentences side by side, shared words
marked (escaped), French labels, no raw weights."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from models.records import MatchResult, Reason
from models.store import Store
from test_web_world import NOW, client, login, match_id, web_config, web_store, world_dir  # noqa: F401 - fixtures
from models.french import search_key
from vigie.web.reasons import ReasonView, explain, reason_view, segments, sentence_pair, shared_stems

PAIR = ("« Avec l'objectif zéro artificialisation nette, nous ne pourrons plus ouvrir de zones. » ↔ "
        "« Dans la perspective du zéro artificialisation nette (ZAN), la Région accompagne les friches. »")


def marked(parts: list[tuple[str, bool]]) -> list[str]:
    return [text for text, hit in parts if hit]


@pytest.mark.parametrize("first,second,same", [
    ("industrie", "industrielles", True),
    ("chaleur", "Chaleur", True),
    ("froides", "froid", True),
    ("compétences", "competence", True),
    ("les", "les", False),
    ("projet", "projets", False),
    ("chaleur", "chaudière", False),
])
def test_words_are_compared_folded_and_singular(first: str, second: str, same: bool) -> None:
    assert (search_key(first) is not None and search_key(first) == search_key(second)) is same


def test_neighbouring_shared_words_form_one_mark_and_the_text_is_kept_whole() -> None:
    text = "Avec l'objectif zéro artificialisation nette, nous"
    parts = segments(text, shared_stems(text, "le zéro artificialisation nette"))
    assert marked(parts) == ["zéro artificialisation nette"] and "".join(t for t, _ in parts) == text


def test_the_sentence_pair_marks_the_words_both_sentences_share() -> None:
    pair = sentence_pair(PAIR)
    assert marked(pair.fiche) == ["zéro artificialisation nette"]
    assert marked(pair.call) == ["zéro artificialisation nette"]
    assert "".join(t for t, _ in pair.call).startswith("Dans la perspective du zéro")


@pytest.mark.parametrize("reason,view", [
    ({"feature": "termes", "weight": 0.2, "evidence": "termes communs : chaleur, biomasse"},
     ReasonView("Termes communs", "chaleur, biomasse")),
    ({"feature": "profil", "weight": 13.0, "evidence": "profil foncier-friches : friche (+5)"},
     ReasonView("Profil thématique « foncier-friches »", "friche")),
    ({"feature": "exclusion", "weight": -5.0, "evidence": "exclusion du profil x : recherche (-5)"},
     ReasonView("Exclusion", "recherche", against=True)),
    ({"feature": "suggestion", "weight": 1.0, "evidence": "suggéré par alice"},
     ReasonView("Suggestion", "suggéré par alice")),
])
def test_each_reason_gets_a_french_label_and_no_raw_weight(reason: dict, view: ReasonView) -> None:
    assert reason_view(reason) == view


def test_the_pair_is_taken_out_of_the_list_of_reasons() -> None:
    pair, views = explain([{"feature": "phrase", "weight": 2.8, "evidence": PAIR},
                           {"feature": "termes", "weight": 0.2, "evidence": "termes communs : friches"}])
    assert pair is not None and [v.label for v in views] == ["Termes communs"]


def test_the_match_page_shows_the_sentences_side_by_side_escaped(client: TestClient, web_store: Store) -> None:
    hostile = "« Réseau de <b>chaleur</b> <script>alert(1)</script> » ↔ « Réseaux de chaleur biomasse. »"
    reasons = [Reason(feature="phrase", weight=12.0, evidence=hostile),
               Reason(feature="termes", weight=0.4, evidence="termes communs : chaleur")]
    web_store.save_matches([MatchResult(fiche_id="F1", porteur_id="cc-lomagne", source="occitanie",
                                        source_id="aap-1", score=0.9, eligible=True, reasons=reasons)], {}, NOW)
    login(client, "camille")
    page = client.get(f"/correspondances/{match_id(web_store, 'aap-1')}").text
    assert '<div class="pair">' in page and "<mark>Réseau</mark>" in page and "<mark>chaleur</mark>" in page
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert "12,00" not in page and "(phrase" not in page and "Termes communs" in page


@pytest.mark.parametrize("text,marks", [
    ("un réseau de chaleur urbain", ["réseau de chaleur"]),
    ("la chaleur et le réseau", ["chaleur", "réseau"]),
    ("réseau pour la chaleur", ["réseau", "chaleur"]),
])
def test_linking_words_join_a_compound_term_but_et_and_pour_split_it(text: str, marks: list[str]) -> None:
    assert marked(segments(text, shared_stems(text, "réseau chaleur"))) == marks
