"""Sector thesaurus: the shipped nomenclatures, the rule that derives concepts, and the expansion end to end."""

from __future__ import annotations

from datetime import date
from importlib import resources

import pytest

from matcher import SimpleAnalyzer
from matcher.documents import Document, Field
from matcher.engine import MatchEngine
from matcher.thesaurus import ThesaurusExpander, is_concept_key, load_thesaurus
from matcher.thesaurus_rules import derive, without_exclusions
from matcher.thesaurus_sources import Node, read_nodes
from models.config.schema import MatchingConfig, SynonymsConfig
from models.records import FicheActionData, OpportunityData, PorteurData

TODAY = date(2026, 11, 24)
PORTEUR = PorteurData(id="atelier", nom="Atelier", type="entreprise", territoire="t", geo_codes=["DEP-32"])


def nodes(name: str) -> list[Node]:
    return read_nodes(resources.files("models").joinpath(f"data/thesaurus/{name}.csv").read_text("utf-8"))


def levels(rows: list[Node]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for node in rows:
        counts[node.level] = counts.get(node.level, 0) + 1
    return counts


def test_naf_file_holds_the_five_levels_of_naf_rev_2() -> None:
    rows = nodes("naf")
    assert levels(rows) == {"section": 21, "division": 88, "groupe": 272, "classe": 615, "sous-classe": 732}
    by_code = {n.code: n for n in rows}
    assert by_code["16.10A"].label == "Sciage et rabotage du bois, hors imprégnation"
    assert [by_code["16.10A"].parent, by_code["16.10"].parent, by_code["16.1"].parent, by_code["16"].parent] == [
        "16.10", "16.1", "16", "C"]


def test_rome_file_holds_domaines_fiches_and_appellations() -> None:
    counts = levels(nodes("rome"))
    assert counts["grand domaine"] == 14 and counts["domaine"] > 100
    assert counts["fiche"] > 500 and counts["appellation"] > 10_000


def test_shipped_concepts_name_the_funders_sectors() -> None:
    concepts = load_thesaurus().concepts
    assert "sciag" in concepts["NAF:16"].keys and "boi" not in concepts["NAF:16"].keys  # « bois » is common French
    assert {"boi", "scieri", "grum"} <= concepts["ROME:H22"].keys  # …but the whole name of ROME H22 (« Bois »)
    assert {"metallurgi", "fonderi"} <= concepts["NAF:24"].keys
    assert {"alimentair", "laiteri"} <= concepts["NAF:10"].keys
    assert len([k for k in concepts if k.startswith("NAF:")]) >= 85  # 12 (tabac): its word is the tobacconists'



def test_rule_keeps_own_label_words_and_specific_words_only() -> None:
    tree = [
        Node("A", "section", "Industrie", ""),
        Node("01", "division", "Scierie du bois, à l'exception des meubles", "A"),
        Node("01.1", "groupe", "Sciage et rabotage", "01"),
        Node("01.2", "groupe", "Travail des grumes", "01"),
        Node("02", "division", "Fabrication de meubles", "A"),
        Node("02.1", "groupe", "Travail des meubles en bois", "02"),
        Node("03", "division", "Laiterie", "A"),
        Node("03.1", "groupe", "Travail du lait frais", "03"),
        Node("03.2", "groupe", "Rabotage du beurre", "03"),
    ]
    concepts = {c.code: set(c.expressions) for c in derive("N", tree, "division", SimpleAnalyzer(),
                                                             rank=lambda word: 0 if word == "frais" else 10_000)}
    # « travail » is spread over the three divisions, « meubles » is excluded from 01's name, « bois » and
    # « rabotage » are shared half and half (both keep them), « frais » is a common word of French
    assert concepts["N 01"] == {"scierie", "boi", "sciage", "rabotage", "grume"}
    assert concepts["N 02"] == {"meuble", "fabrication", "boi"}
    assert concepts["N 03"] == {"laiterie", "lait", "rabotage", "beurre"}
    assert without_exclusions("Sciage du bois, hors imprégnation").strip() == "Sciage du bois,"


def fiche(fid: str, titre: str, description: str = "") -> FicheActionData:
    return FicheActionData(id=fid, porteur_id=PORTEUR.id, titre=titre, description=description)


def call(cid: str, title: str, description: str = "") -> OpportunityData:
    return OpportunityData(source="test", source_id=cid, url=f"https://example.org/{cid}", title=title,
                           description=description)


SCIERIE = fiche("scierie", "Agrandir la scierie Dupuy", "Nouvelle ligne de sciage des grumes de douglas.")
FONDERIE = fiche("fonderie", "Fonderie Martin : nouveau four de coulée", "Remplacer les moules en sable.")
LAITERIE = fiche("laiterie", "Laiterie coopérative du Val", "Collecte du lait et affinage.")
BOIS = call("bois", "Soutien à la filière bois régionale", "Investissements des entreprises de la forêt.")
METAL = call("metal", "Plan de relance de la métallurgie")
IAA = call("iaa", "Appel à projets industries agroalimentaires", "Modernisation des outils.")
CRECHES = call("creches", "Création de places en crèche", "Accueil des jeunes enfants des familles.")
CALLS = [BOIS, METAL, IAA, CRECHES]


def lexical(thesaurus: bool, fiches: list[FicheActionData], calls: list[OpportunityData] = CALLS):
    engine = MatchEngine(SimpleAnalyzer())
    run = engine.score(calls, [(f, PORTEUR) for f in fiches], {}, SynonymsConfig(),
                       MatchingConfig(thesaurus=thesaurus), TODAY)
    return run, {(f.id, c.source_id): float(run.signals.lexical[i, j])
                 for i, f in enumerate(fiches) for j, c in enumerate(calls)}


@pytest.mark.parametrize(("fiche_id", "call_id"), [("scierie", "bois"), ("fonderie", "metal"), ("laiterie", "iaa")])
def test_workshop_words_reach_funder_words(fiche_id: str, call_id: str) -> None:
    _, before = lexical(False, [SCIERIE, FONDERIE, LAITERIE])
    _, after = lexical(True, [SCIERIE, FONDERIE, LAITERIE])
    assert before[(fiche_id, call_id)] == 0
    assert after[(fiche_id, call_id)] > 0
    assert max(after[(fiche_id, c.source_id)] for c in CALLS) == after[(fiche_id, call_id)]


def test_unrelated_sectors_get_no_link() -> None:
    _, after = lexical(True, [FONDERIE, SCIERIE])
    assert after[("fonderie", "creches")] == 0
    assert after[("scierie", "creches")] == 0
    assert after[("fonderie", "bois")] == 0


def test_reason_names_the_sector_and_both_sides_words() -> None:
    run, _ = lexical(True, [SCIERIE, FONDERIE])
    evidence = {(r.fiche_id, r.source_id): [x.evidence for x in r.reasons if x.feature == "secteur"]
                for r in run.results()}
    assert evidence[("scierie", "bois")] == [
        "même famille de métiers (ROME H22 — Bois) : « grumes, scierie » ↔ « bois »"]
    assert "même secteur (NAF 24 — Métallurgie) : « fonderie » ↔ « métallurgie »" in evidence[("fonderie", "metal")]
    terms = [x.evidence for r in run.results() for x in r.reasons if x.feature == "termes"]
    assert not any("NAF" in t or "ROME" in t for t in terms)


def test_empty_texts_expand_to_nothing() -> None:
    doc = Document(frozenset())
    doc.add(Field("description", 1.0, SimpleAnalyzer().analyze("")))
    assert ThesaurusExpander(load_thesaurus()).expand(doc) == []
    run, after = lexical(True, [fiche("vide", "…")], [call("vide", "…")])
    assert after[("vide", "vide")] == 0 and len(run.results()) == 1


def test_concept_terms_never_collide_with_words() -> None:
    words = SimpleAnalyzer().analyze("NAF:16 ROME:H22 naf 16 rome h22")
    assert not any(is_concept_key(t.key) for t in words)
    assert all(is_concept_key(k) for k in load_thesaurus().concepts)
