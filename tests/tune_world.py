"""A small territory for the `vigie tune` tests: calls, fiches and configuration folders written as TOML
(content written for these tests). Scored with the fast SimpleAnalyzer and no semantic signal."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from matcher import SimpleAnalyzer
from matcher.engine import MatchEngine
from models.config.schema import SettingsConfig, VigieConfig
from models.records import FicheActionData, PlanData, PorteurData, TerritoryData
from models.store import Store
from tests.factories import opportunity
from vigie.tune.reference import load_setup

AS_OF = date(2026, 11, 24)
NOW = datetime(2026, 11, 24, 8, tzinfo=UTC)

CALLS = {
    "chaleur": ("Réseaux de chaleur biomasse", "Chaufferies bois et réseaux de chaleur des collectivités."),
    "friches": ("Recyclage des friches", "Requalifier les friches industrielles en zone d'activités."),
    "hors-agri": ("Transition des entreprises", "Investissements de décarbonation, hors agriculture."),
    "avec-agri": ("Transition des entreprises rurales", "Investissements de décarbonation, y compris agriculture."),
    "zan": ("Sobriété foncière", "Atteindre le ZAN dans les parcs d'activités."),
    "zae": ("Foncier des parcs d'activités", "Requalifier le foncier des zones d'activités économiques."),
    "tourisme": ("Tourisme de pleine nature", "Sentiers, gîtes et randonnée."),
    "mobilite": ("Mobilités rurales", "Covoiturage et transport à la demande."),
    "numerique": ("Inclusion numérique", "Conseillers numériques et tiers-lieux."),
}

SETTINGS = """[matching]
threshold = {threshold}
top_n = {top_n}
# This world's thresholds are on the scale of the fused score: calibration into probabilities is tested elsewhere.
[matching.calibration]
enabled = false
"""

PROFILES = {
    "foncier": 'axes = ["foncier"]\n[terms]\nfriche = 5\n"zone d\'activités" = 2\n',
    "decarbonation": 'axes = ["transition_ecologique"]\n[terms]\n"décarbonation" = 4\n"chaleur" = 2\n',
}


def plan() -> PlanData:
    """One EPCI with a fiche per axe."""
    porteur = PorteurData(id="cc-lomagne", nom="CC de la Lomagne", type="epci", territoire="gers",
                          geo_codes=["COM-32208", "DEP-32", "REG-76"])
    fiches = [
        FicheActionData(id="F-CHALEUR", porteur_id="cc-lomagne", titre="Réseau de chaleur",
                        description="Décarbonation du chauffage : chaufferie bois.", axe="transition_ecologique"),
        FicheActionData(id="F-FONCIER", porteur_id="cc-lomagne", titre="Requalifier le foncier",
                        description="Zéro artificialisation nette : reconquérir les friches.", axe="foncier"),
    ]
    return PlanData(territories=[TerritoryData(id="gers", nom="Gers", geo_codes=["DEP-32"])], porteurs=[porteur],
                    fiches=fiches)


def fill(store: Store) -> Store:
    """The plan and every call."""
    store.import_plan(plan(), NOW)
    for key, (title, summary) in CALLS.items():
        store.upsert_opportunity(opportunity(key, title=title, summary=summary), NOW)
    return store


def write_config(folder: Path, threshold: float = 0.2, top_n: int = 3, synonyms: str = "",
                 profiles: dict[str, str] | None = None) -> Path:
    """A configuration folder holding the matching-relevant files."""
    (folder / "profiles").mkdir(parents=True, exist_ok=True)
    for old in (folder / "profiles").glob("*.toml"):
        old.unlink()
    (folder / "settings.toml").write_text(SETTINGS.format(threshold=threshold, top_n=top_n), encoding="utf-8")
    (folder / "synonyms.toml").write_text(synonyms, encoding="utf-8")
    for pid, text in (PROFILES if profiles is None else profiles).items():
        (folder / "profiles" / f"{pid}.toml").write_text(text, encoding="utf-8")
    return folder


def config_of(folder: Path) -> VigieConfig:
    """The VigieConfig of a folder written by `write_config` (matching parts read by the tune loader)."""
    setup = load_setup(folder, "test")
    return VigieConfig(directory=folder, settings=SettingsConfig(matching=setup.matching), sources=[],
                       plan=PlanData(), profiles=setup.profiles, synonyms=setup.synonyms)


def engine() -> MatchEngine:
    """Fast engine: SimpleAnalyzer, no semantic signal."""
    return MatchEngine(SimpleAnalyzer())
