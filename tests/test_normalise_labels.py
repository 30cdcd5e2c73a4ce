"""Source labels → Vigie's vocabularies (beneficiaries, instruments, programmes, régions)."""

from __future__ import annotations

import pytest

from crawlers.normalise.beneficiaries import map_beneficiaries
from crawlers.normalise.geography import region_codes_in_text
from crawlers.normalise.instruments import call_formats_in_text, map_instruments, money_instruments_in_text
from crawlers.normalise.programmes import programmes_in_text
from models.vocab import Beneficiary as B
from models.vocab import Instrument as I

COLLECTIVITIES = [B.COMMUNE, B.EPCI, B.DEPARTEMENT, B.REGION]


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Professionnel - PME < 250", [B.PME]),
        ("Professionnel - TPE < 10", [B.TPE]),
        ("Professionnel - ETI < 5000", [B.ETI]),
        ("Collectivité ou institution - EPCI", [B.EPCI]),
        ("Collectivité ou institution - Communes (> 2000 hab)", [B.COMMUNE]),
        ("Collectivité ou institution - Syndicat mixte", [B.SYNDICAT_MIXTE]),
        ("Collectivité ou institution - Autre (GIP, copropriété)", [B.ETABLISSEMENT_PUBLIC]),
        ("Association - Régie par la loi de 1901", [B.ASSOCIATION]),
        ("Entreprises", [B.ENTREPRISE]),
        ("Établissement d'enseignement supérieur", [B.ETABLISSEMENT_ENSEIGNEMENT]),
        ("Collectivité territoriale", COLLECTIVITIES),
        ("Entreprise", [B.ENTREPRISE]),
        ("Établissement public", [B.ETABLISSEMENT_PUBLIC]),
        ("GIE - Groupement d'intérêt économique", [B.ENTREPRISE]),
        ("Laboratoire de recherche", [B.RECHERCHE]),
        ("Exploitant", [B.AGRICULTEUR]),
        ("Lycéen", [B.PARTICULIER]),
        ("professionnels", [B.ENTREPRISE]),
        ("associations", [B.ASSOCIATION]),
        ("secteur public", [*COLLECTIVITIES, B.ETABLISSEMENT_PUBLIC]),
        ("Aménagement du territoire", []),
        ("Logement", []),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_beneficiary_labels_map_to_the_vocabulary(label: str, expected: list[B]) -> None:
    assert map_beneficiaries([label]) == expected


def test_beneficiaries_of_several_labels_are_deduplicated_in_order() -> None:
    assert map_beneficiaries(["Entreprises", "Collectivité ou institution - EPCI", "Entreprise"]) == [B.ENTREPRISE, B.EPCI]


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Subvention", [I.SUBVENTION]),
        ("Prêt", [I.PRET]),
        ("Avance récupérable", [I.AVANCE_REMBOURSABLE]),
        ("Appel à projet", [I.AAP]),
        ("Appels à projets", [I.AAP]),
        ("AMI", [I.AMI]),
        ("Appel à manifestation d'intérêt", [I.AMI]),
        ("Concours", [I.CONCOURS]),
        ("financement", [I.SUBVENTION]),
        ("prêt", [I.PRET]),
        ("étude", [I.ACCOMPAGNEMENT]),
        ("conseil", [I.ACCOMPAGNEMENT]),
        ("avantage fiscal", [I.AVANTAGE_FISCAL]),
        ("Certificat d'économie d'énergie (CEE)", [I.CEE]),
        ("Garantie", [I.GARANTIE]),
        ("Aide", []),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_instrument_labels_map_to_the_vocabulary(label: str, expected: list[I]) -> None:
    assert map_instruments([label]) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("AMI Décarbonation de l'industrie", [I.AMI]),
        ("Trophées franciliens de l'innovation", [I.CONCOURS]),
        ("Appel à projets ZAE durables", [I.AAP]),
        ("Financement des friches", []),
        ("Amis de la nature", []),
    ],
    ids=["ami", "trophees", "aap", "money-word-is-not-a-format", "word-boundary"],
)
def test_call_formats_are_read_from_titles(title: str, expected: list[I]) -> None:
    assert call_formats_in_text(title) == expected


def test_money_instruments_are_read_from_modalities() -> None:
    text = "Subvention de 30 % ; une avance remboursable peut compléter l'aide."
    assert money_instruments_in_text(text) == [I.SUBVENTION, I.AVANCE_REMBOURSABLE]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dans le cadre de France 2030 et du Fonds vert", ["France 2030", "Fonds vert"]),
        ("cofinancé par le FEDER", ["FEDER"]),
        ("devenir leader de son marché", []),
    ],
    ids=["two-programmes", "feder", "leader-is-a-word"],
)
def test_programmes_are_detected_in_text(text: str, expected: list[str]) -> None:
    assert programmes_in_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" - Heure de Paris - Toutes les Régions", ["PAYS-99100"]),
        (" - Heure de Paris - Occitanie, Nouvelle-Aquitaine", ["REG-76", "REG-75"]),
        (" - Heure de Paris - La Réunion", ["REG-04"]),
        (" - Heure de Paris", []),
    ],
    ids=["national", "two-regions", "outre-mer", "no-region"],
)
def test_region_names_become_cog_codes(text: str, expected: list[str]) -> None:
    assert region_codes_in_text(text) == expected
