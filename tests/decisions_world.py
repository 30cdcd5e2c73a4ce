"""Three territories of one database, with friche fiches worded differently and national calls (content written
for these tests), matched with the test analyzer: what decisions of one territory do to the others."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

from matcher import SimpleAnalyzer
from models.config.schema import SettingsConfig, SynonymsConfig, TerritoryConfig, VigieConfig
from models.records import FicheActionData, PlanData, PorteurData
from models.store import Store
from tests.factories import opportunity
from vigie.pipeline.match import RankedMatch, match_stored

NOW = datetime(2026, 11, 24, 8, tzinfo=timezone.utc)
AS_OF = date(2026, 11, 24)
TERRITORIES = {"vosges": ("Vosges", "DEP-88"), "finistere": ("Finistère", "DEP-29"), "gers": ("Gers", "DEP-32")}
FICHES = {
    # id: (territory, porteur, title, description)
    "V1": ("vosges", "cc-epinal", "Reconvertir la friche de l'ancienne filature",
           "La filature fermée est une friche industrielle polluée. Nous voulons dépolluer le site, démolir les "
           "bâtiments en ruine et accueillir des ateliers pour de petites entreprises."),
    "V2": ("vosges", "saint-die", "Une friche textile à rendre aux entreprises",
           "L'ancien tissage est une friche industrielle. La commune veut dépolluer le terrain, démolir les "
           "hangars et accueillir des ateliers d'entreprises."),
    "B1": ("finistere", "cc-morlaix", "Redonner vie à la friche de la conserverie",
           "La conserverie fermée est une friche industrielle polluée au bord du port. Nous voulons dépolluer le "
           "terrain, démolir les hangars en ruine et accueillir des ateliers de petites entreprises."),
    "G2": ("gers", "fleurance", "Reprendre la friche de la coopérative",
           "La coopérative fermée laisse une friche industrielle. Nous voulons dépolluer le site, démolir les "
           "silos et accueillir des ateliers pour des entreprises."),
    "G1": ("gers", "cc-lomagne", "Chauffer l'école avec le bois des haies",
           "Remplacer la chaudière au fioul de l'école par une chaudière à plaquettes de bois local."),
}
CALLS = {
    "fonds-friches": ("Fonds friches : recyclage des friches industrielles",
                      "Dépollution, démolition et réhabilitation des friches industrielles pour accueillir des entreprises."),
    "sites-cles": ("Sites industriels clés en main",
                   "Aménager une friche ou une zone pour accueillir des ateliers et des entreprises industrielles."),
    "ateliers-relais": ("Ateliers relais pour les petites entreprises",
                        "Construire ou rénover des ateliers loués à de petites entreprises, sur une friche ou une zone."),
    "depollution": ("Dépollution des sols pollués", "Études et travaux de dépollution de sites et sols pollués."),
    "chaufferies": ("Chaufferies bois des collectivités", "Remplacer une chaudière fioul par une chaudière bois."),
}


def settings(withheld: tuple[str, ...] = (), share: bool = True) -> SettingsConfig:
    """Three territories (`withheld` ones do not share their decisions); every eligible pair stored; a strong
    boost, so that the moves asserted stay clear of the neighbouring scores."""
    territories = [TerritoryConfig(id=t, nom=nom, geo=[dep], partage_decisions=t not in withheld)
                   for t, (nom, dep) in TERRITORIES.items()]
    return SettingsConfig(territoire=territories, matching={
        "threshold": 0.0, "explain_top": 100, "min_reviews_for_learning": 10, "share_decisions": share,
        "neighbour_boost": 0.8})


def config(directory: Path, withheld: tuple[str, ...] = (), share: bool = True) -> VigieConfig:
    """The configuration of the three territories (no profile, no synonym)."""
    s = settings(withheld, share)
    return VigieConfig(directory=directory, settings=s, sources=[],
                       plan=PlanData(territories=[t.to_data() for t in s.territoire]), profiles={},
                       synonyms=SynonymsConfig())


def plan() -> PlanData:
    """One porteur per fiche, in its territory's département."""
    porteurs, fiches = [], []
    for fiche_id, (territory, porteur, title, description) in FICHES.items():
        geo = [TERRITORIES[territory][1], "PAYS-99100"]
        porteurs.append(PorteurData(id=porteur, nom=f"Porteur {porteur}", type="epci", territoire=territory,
                                    geo_codes=geo))
        fiches.append(FicheActionData(id=fiche_id, porteur_id=porteur, titre=title, description=description))
    return PlanData(territories=[t.to_data() for t in settings().territoire], porteurs=porteurs, fiches=fiches)


def populate(store: Store) -> None:
    """The plan and the national calls."""
    store.import_plan(plan(), NOW)
    for source_id, (title, summary) in CALLS.items():
        store.upsert_opportunity(opportunity(source_id, source="national", title=title, summary=summary,
                                             geo_codes=["PAYS-99100"], beneficiaries=["epci", "commune"]), NOW)


def match(store: Store, directory: Path, withheld: tuple[str, ...] = (), share: bool = True
          ) -> dict[tuple[str, str], RankedMatch]:
    """`vigie match` with the test analyzer: (fiche, call) → its result and rank."""
    found = match_stored(config(directory, withheld, share), store, AS_OF, analyzer=SimpleAnalyzer(), every_pair=True)
    return {(m.result.fiche_id, m.result.source_id): m for m in found}


def write_csv(path: Path, lines: list[str], separator: str = ",", bom: bool = False) -> Path:
    """A decisions file as a spreadsheet would save it."""
    text = "\n".join(line.replace(",", separator) for line in lines) + "\n"
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    return path
