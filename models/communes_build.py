"""Regenerate models/data/communes.csv.gz and models/data/epci.csv from Etalab's administrative division tables.

    python -m models.communes_build PACKAGE_DIR

PACKAGE_DIR: the unpacked npm package @etalab/decoupage-administratif (`npm pack
@etalab/decoupage-administratif@6.0.0`, then `tar xzf` the archive: its `package/` folder). Only current
communes are kept (no communes déléguées or associées), with their EPCI à fiscalité propre and population.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
SOURCE = [
    "Communes actuelles et EPCI à fiscalité propre (CC, CA, CU, métropoles) avec leurs communes membres.",
    "Éditeur : INSEE (Code officiel géographique) et DGCL (BANATIC), Licence Ouverte / Open Licence (Etalab).",
    "Copie lue : paquet npm @etalab/decoupage-administratif 6.0.0 (licence MIT), data/communes.json et data/epci.json ;",
    "seuls codes, noms, rattachements et populations repris.",
    "Regénérer : python -m models.communes_build (voir ce module).",
]


def communes_csv(communes: list[dict], epcis: list[dict]) -> str:
    """code,nom,departement,epci,population of every current commune."""
    epci_of = {m["code"]: e["code"] for e in epcis for m in e["membres"]}
    rows = [[c["code"], c["nom"], c["departement"], epci_of.get(c["code"], ""), c.get("population") or ""]
            for c in communes if c["type"] == "commune-actuelle"]
    return _csv(["code", "nom", "departement", "epci", "population"], sorted(rows))


def epci_csv(epcis: list[dict]) -> str:
    """siren,nom of every EPCI à fiscalité propre."""
    return _csv(["siren", "nom"], sorted([e["code"], e["nom"]] for e in epcis))


def _csv(columns: list[str], rows: list[list]) -> str:
    out = io.StringIO()
    out.writelines(f"# {line}\n" for line in SOURCE)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package", type=Path)
    folder = parser.parse_args().package / "data"
    communes = json.loads((folder / "communes.json").read_text("utf-8"))
    epcis = json.loads((folder / "epci.json").read_text("utf-8"))
    text = communes_csv(communes, epcis).encode("utf-8")  # 1.2 MB as text: kept compressed
    (DATA / "communes.csv.gz").write_bytes(gzip.compress(text, mtime=0))
    (DATA / "epci.csv").write_text(epci_csv(epcis), "utf-8")


if __name__ == "__main__":
    main()
