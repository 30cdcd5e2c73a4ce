"""The public nomenclatures behind the sector thesaurus, read from their published files (build time only).

- NAF rév. 2 (INSEE): the five levels (sections, divisions, groupes, classes, sous-classes) from a JSON
  file keyed by sous-classe, each entry carrying its classe, groupe, division and section with their labels.
- ROME (France Travail): the « arborescence principale » CSV (grand domaine; domaine; fiche; label; OGR),
  whose rows are grands domaines, domaines professionnels, fiches métiers and their appellations.

Both become `Node` rows (code, level, label, parent) written to `models/data/thesaurus/`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from models.french import plain_apostrophes

NAF_LEVELS = ("section", "division", "groupe", "classe", "sous-classe")
ROME_LEVELS = ("grand domaine", "domaine", "fiche", "appellation")


@dataclass(frozen=True)
class Node:
    """One entry of a nomenclature: its code, level, label and the code of its parent ("" for a root)."""

    code: str
    level: str
    label: str
    parent: str


def naf_nodes(text: str) -> list[Node]:
    """Every NAF entry of the JSON file, parents before children, each code once."""
    nodes: dict[str, Node] = {}
    for code, entry in sorted(json.loads(text).items()):
        chain = [(entry[k]["code"], entry[k]["description"]) for k in ("section", "division", "groupe", "classe")]
        chain.append((code, entry["description"]))
        parent = ""
        for level, (node_code, label) in zip(NAF_LEVELS, chain):
            nodes.setdefault(node_code, Node(node_code, level, _clean(label), parent))
            parent = node_code
    return sorted(nodes.values(), key=lambda n: (NAF_LEVELS.index(n.level), n.code))


def rome_nodes(text: str) -> list[Node]:
    """Every ROME entry of the arborescence CSV (`;`-separated, header first), each code once."""
    nodes: dict[str, Node] = {}
    rows = csv.reader(io.StringIO(text), delimiter=";")
    next(rows)
    for domain, number, sheet, label, ogr in rows:
        domain, number, sheet, ogr = domain.strip(), number.strip(), sheet.strip(), ogr.strip()
        node = _rome_node(domain, number, sheet, _clean(label), ogr)
        nodes.setdefault(node.code, node)
    return sorted(nodes.values(), key=lambda n: (ROME_LEVELS.index(n.level), n.code))


def _rome_node(domain: str, number: str, sheet: str, label: str, ogr: str) -> Node:
    if ogr:
        return Node(ogr, "appellation", label, f"{domain}{number}{sheet}")
    if sheet:
        return Node(f"{domain}{number}{sheet}", "fiche", label, f"{domain}{number}")
    if number:
        return Node(f"{domain}{number}", "domaine", label, domain)
    return Node(domain, "grand domaine", label, "")


def _clean(label: str) -> str:
    """Labels as published, with typographic apostrophes made plain and spaces trimmed."""
    return " ".join(plain_apostrophes(label).split())


def write_nodes(nodes: Iterable[Node], header: Iterable[str]) -> str:
    """CSV text: `# ` provenance lines, then code,level,label,parent."""
    out = io.StringIO()
    out.writelines(f"# {line}\n" for line in header)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["code", "level", "label", "parent"])
    writer.writerows([n.code, n.level, n.label, n.parent] for n in nodes)
    return out.getvalue()


def read_nodes(text: str) -> list[Node]:
    """Nodes of a file written by `write_nodes` (provenance lines skipped)."""
    return [Node(**row) for row in csv.DictReader(_data_lines(text))]


def _data_lines(text: str) -> Iterator[str]:
    return (line for line in text.splitlines() if not line.startswith("#"))
