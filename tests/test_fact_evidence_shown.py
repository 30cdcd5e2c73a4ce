"""A fact's evidence is stored with the call (SQLite and PostgreSQL), never makes it « changed », follows a call
read back from several sources, and is shown on the call page, the match page, `vigie tune explain` and the
porteur's letter; a fact stored without one reads « provenance inconnue »."""

from __future__ import annotations

import html
from datetime import date

from fastapi.testclient import TestClient
from sqlalchemy import text

from conftest import NOW
from factories import opportunity
from matcher import SimpleAnalyzer
from matcher.engine import MatchEngine
from matcher.pipeline import fiche_pairs
from matcher.tune.explain import explain
from models.config.schema import MatchingConfig, SynonymsConfig
from models.display_evidence import deadline_quote, evidence_lines, fact_line
from models.merge import merge_copies
from models.records import FactEvidence, FicheActionData, PorteurData
from models.store import Store
from models.vocab import UpsertOutcome
from notifier.entries import DigestEntry
from notifier.view import call_view
from test_web_world import (  # noqa: F401 - fixtures
    client, login, match_id, web_config, web_store, world_dir,
)
from vigie.tune.actions import PairExplanation
from vigie.tune.render import explain_lines

JANUARY = FactEvidence(fact="cloture", value="2027-01-15", block="page de l'appel",
                       quote="Date limite de dépôt : 15 janvier 2027 à 12h")
EPCI = FactEvidence(fact="beneficiaire", value="epci", block="éligibilité",
                    quote="Sont éligibles les EPCI et les communes du territoire.")
COMMUNE = EPCI.model_copy(update={"value": "commune"})
CEILING = FactEvidence(fact="montant_aide", value="500000", block="montants", quote="Aide plafonnée à 500 000 €.")
QUOTED = "Clôture 15/01/2027 — « Date limite de dépôt : 15 janvier 2027 à 12h » (page de l'appel)"


def test_evidence_is_left_out_of_the_content_hash() -> None:
    reworded = JANUARY.model_copy(update={"quote": "Clôture des dépôts le 15 janvier 2027."})
    hashes = {opportunity(evidence=e).content_hash() for e in ([], [JANUARY], [reworded])}
    assert len(hashes) == 1


def test_evidence_is_stored_and_a_reworded_sentence_alone_is_no_change(store: Store) -> None:
    store.upsert_opportunity(opportunity(evidence=[JANUARY, EPCI]), NOW)
    reworded = JANUARY.model_copy(update={"quote": "Les dossiers sont attendus au plus tard le 15 janvier 2027."})
    again = store.upsert_opportunity(opportunity(evidence=[reworded, EPCI]), NOW)
    assert again.outcome == UpsertOutcome.UNCHANGED
    [(_, record)] = store.opportunities()
    assert record.evidence == [reworded, EPCI]


def test_a_call_stored_before_evidence_was_kept_reads_back_without_any(store: Store) -> None:
    store.upsert_opportunity(opportunity(evidence=[JANUARY]), NOW)
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE opportunity SET evidence = NULL"))
    [(_, record)] = store.opportunities()
    assert record.evidence == []
    assert "Clôture 15/01/2027 — provenance inconnue" in evidence_lines(record)


def test_a_fact_is_shown_with_its_sentence_and_where_it_was_read() -> None:
    assert fact_line("cloture", date(2027, 1, 15), JANUARY) == QUOTED
    assert fact_line("taux", 40.0, None) == "Taux d'aide 40\u202f% — provenance inconnue"


def test_facts_read_in_one_sentence_share_a_line_and_facts_without_evidence_say_so() -> None:
    record = opportunity(evidence=[JANUARY, EPCI, COMMUNE, CEILING])
    assert evidence_lines(record) == [
        QUOTED,
        "Ouverture 01/09/2026 — provenance inconnue",
        "Bénéficiaires Intercommunalités (EPCI), Communes — « Sont éligibles les EPCI et les communes du "
        "territoire. » (éligibilité)",
        "Territoire Occitanie — provenance inconnue",
        "Montant de l'aide 500\u00a0000\u00a0€ — « Aide plafonnée à 500 000 €. » (montants)",
    ]


def test_a_call_read_from_several_sources_keeps_each_fact_s_evidence_and_names_the_other_source() -> None:
    may = FactEvidence(fact="cloture", value="2027-05-15", block="page de l'appel",
                       quote="Seconde relève : 15 mai 2027.")
    canonical = opportunity(evidence=[JANUARY])
    other = opportunity(source="bpifrance", close_dates=[date(2027, 1, 15), date(2027, 5, 15)], evidence=[may])
    merged = merge_copies([canonical, other])
    assert [(e.value, e.source) for e in merged.evidence] == [("2027-01-15", None), ("2027-05-15", "bpifrance")]
    shown = "Clôture 15/05/2027 — « Seconde relève : 15 mai 2027. » (page de l'appel, bpifrance)"
    assert shown in evidence_lines(merged)


def test_the_letter_quotes_the_next_relève_only_when_the_call_keeps_its_sentence() -> None:
    entry = DigestEntry(opportunity(evidence=[JANUARY, EPCI]), "F1", "Réseau de chaleur", 0.6, [], "nouveaux")
    view = call_view(entry, date(2026, 12, 16), with_fiche=False)
    assert view.deadline_quote == "« Date limite de dépôt : 15 janvier 2027 à 12h » (page de l'appel)"
    bare = DigestEntry(opportunity(), "F1", "Réseau de chaleur", 0.6, [], "nouveaux")
    assert call_view(bare, date(2026, 12, 16), with_fiche=False).deadline_quote == ""
    assert deadline_quote(opportunity(evidence=[JANUARY]), None) == ""


def _shows(page: str, line: str) -> bool:
    return html.escape(line, quote=True) in page or line in html.unescape(page)


def test_the_call_page_and_the_match_page_show_each_fact_s_sentence(client: TestClient, web_store: Store) -> None:
    december = JANUARY.model_copy(update={"value": "2026-12-11",
                                          "quote": "Dépôt des dossiers avant le 11 décembre 2026."})
    seen_again = opportunity("aap-2", title="Recyclage des friches", funders=["ADEME"],
                             close_dates=[date(2026, 12, 11)], evidence=[december, EPCI])
    assert web_store.upsert_opportunity(seen_again, NOW).outcome == UpsertOutcome.UNCHANGED
    login(client, "camille")
    ids = {d.source_id: i for i, d in web_store.opportunities()}
    quoted = "Clôture 11/12/2026 — « Dépôt des dossiers avant le 11 décembre 2026. » (page de l'appel)"
    call_page = client.get(f"/appels/{ids['aap-2']}").text
    assert "D'où viennent ces faits" in call_page and _shows(call_page, quoted)
    assert _shows(call_page, "Territoire Occitanie — provenance inconnue")
    match_page = client.get(f"/correspondances/{match_id(web_store, 'aap-2')}").text
    assert _shows(match_page, quoted)


def test_vigie_tune_explain_prints_the_call_s_facts_with_their_sentences() -> None:
    call = opportunity(description="Chaufferies bois des collectivités.", evidence=[JANUARY])
    porteur = PorteurData(id="cc", nom="CC", type="epci", territoire="gers", geo_codes=["DEP-32", "REG-76"])
    fiche = FicheActionData(id="F1", porteur_id="cc", titre="Chaufferie bois", description="Chaufferie bois.")
    run = MatchEngine(SimpleAnalyzer()).score([call], fiche_pairs([fiche], {"cc": porteur}), {},
                                              SynonymsConfig(), MatchingConfig(), date(2026, 11, 24))
    lines = explain_lines(PairExplanation(explain(run, 0, 0, {}), None))
    at = lines.index("[bold]Faits de l'appel[/] (d'où chacun vient)")
    assert f"  {QUOTED}" in lines[at + 1:at + 6]
