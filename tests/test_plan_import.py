"""Reading a plan d'actions (CSV / XLSX) into records, and every way a file can be wrong."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path
from typing import Callable

import openpyxl
import pytest

from models.errors import PlanImportError
from models.plan import COLUMNS, read_plan
from models.plan.cells import CellError, parse_amount, parse_month
from models.vocab import Axe, PorteurType, Taille

DEMO = Path(__file__).resolve().parents[1] / "vigie" / "demo" / "plan_actions.csv"
KNOWN = {"gers-lomagne": "Territoire d'industrie Gers – Lomagne"}

Row = dict[str, str]


def fiche_row(fiche_id: str, **changes: str) -> Row:
    """A valid row of porteur `p-fleurance`, with `changes` applied."""
    row = {
        "territoire": "gers-lomagne", "porteur_id": "p-fleurance", "porteur_nom": "Commune de Fleurance",
        "porteur_type": "commune", "porteur_taille": "", "porteur_siren": "213 201 320",
        "porteur_email": "mairie@fleurance.example", "porteur_geo": "COM-32132|DEP-32|REG-76",
        "fiche_id": fiche_id, "fiche_titre": "Halle en ateliers", "fiche_description": "Rénover la halle.",
        "axe": "foncier", "partenaires": "CCI du Gers", "budget_total": "780 000 €",
        "besoin_financement": "420000", "debut": "2026-04", "fin": "2027-06",
        "indicateurs": "ateliers loués", "mots_cles": "halle|artisanat",
    }
    row.update(changes)
    return row


def write_csv(folder: Path, rows: list[Row], header: list[str] | None = None, *,
              delimiter: str = ",", encoding: str = "utf-8", name: str = "plan.csv") -> Path:
    """Write rows under `header` (default: the documented columns) as a CSV file."""
    path = folder / name
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header or list(COLUMNS))
        writer.writerows([[row.get(c, "") for c in header or COLUMNS] for row in rows])
    return path


def problems_of(path: Path) -> list[str]:
    """The problem lines read_plan raises for `path` (fails if it does not raise)."""
    with pytest.raises(PlanImportError) as caught:
        read_plan(path, KNOWN)
    assert caught.value.where == str(path)
    return caught.value.problems


def two_rows(**changes: str) -> list[Row]:
    """Line 2 valid, line 3 with `changes`."""
    return [fiche_row("F-1"), fiche_row("F-2", **changes)]


# --- valid files ------------------------------------------------------------------------------


def test_demo_plan_reads_into_porteurs_and_fiches() -> None:
    plan = read_plan(DEMO, KNOWN)
    assert (len(plan.porteurs), len(plan.fiches)) == (8, 14)
    assert [t.nom for t in plan.territories] == [KNOWN["gers-lomagne"]]
    assert {f.porteur_id for f in plan.fiches} == {p.id for p in plan.porteurs}


def test_demo_porteur_on_several_rows_becomes_one_porteur_with_one_contact() -> None:
    plan = read_plan(DEMO, KNOWN)
    cc = [p for p in plan.porteurs if p.id == "cc-lomagne"]
    assert len(cc) == 1 and cc[0].type == PorteurType.EPCI
    assert [c.email for c in cc[0].contacts] == ["developpement.eco@cc-lomagne.example"]
    assert len([f for f in plan.fiches if f.porteur_id == "cc-lomagne"]) == 3


def test_csv_cells_become_typed_records(tmp_path: Path) -> None:
    rows = two_rows(axe="Transition écologique", budget_total="1\u00a0200\u00a0000,50 €")
    plan = read_plan(write_csv(tmp_path, rows))
    porteur, fiche = plan.porteurs[0], plan.fiches[1]
    assert porteur.siren == "213201320" and porteur.geo_codes == ["COM-32132", "DEP-32", "REG-76"]
    assert (fiche.axe, fiche.budget_total, fiche.debut) == (Axe.TRANSITION_ECOLOGIQUE, 1200000.5, "2026-04")
    assert fiche.mots_cles == ["halle", "artisanat"]


def test_xlsx_with_numeric_and_date_cells_reads_like_csv(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.title = "Notes"
    sheet = workbook.create_sheet("Plan d'actions")  # a sheet named like the plan wins over the first one
    sheet.append(list(COLUMNS) + [None, None])
    sheet.append([None] * len(COLUMNS))  # empty row: skipped
    values = fiche_row("F-1", porteur_type="entreprise", porteur_taille="PME", porteur_siren=512348760,
                       budget_total=650000, besoin_financement=390000.5,
                       debut=datetime(2026, 2, 1), fin=date(2026, 12, 15))
    sheet.append([values[c] for c in COLUMNS])
    workbook.save(tmp_path / "plan.xlsx")
    plan = read_plan(tmp_path / "plan.xlsx")
    fiche, porteur = plan.fiches[0], plan.porteurs[0]
    assert (fiche.budget_total, fiche.besoin_financement) == (650000.0, 390000.5)
    assert (fiche.debut, fiche.fin) == ("2026-02", "2026-12")
    assert (porteur.taille, porteur.siren) == (Taille.PME, "512348760")


def test_xlsx_errors_name_the_excel_row(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.append(list(COLUMNS))
    workbook.active.append([])
    workbook.active.append([fiche_row("F-1", debut="mars 2026")[c] for c in COLUMNS])
    workbook.save(tmp_path / "plan.xlsx")
    problems = problems_of(tmp_path / "plan.xlsx")
    assert problems[0].startswith("plan.xlsx ligne 3, colonne debut: mois invalide")


def test_semicolon_cp1252_csv_with_accents_reads_correctly(tmp_path: Path) -> None:
    rows = [fiche_row("F-1", fiche_titre="Réhabiliter la halle – étape 1", budget_total="780 000,00 €")]
    path = write_csv(tmp_path, rows, delimiter=";", encoding="cp1252")
    plan = read_plan(path)
    assert plan.fiches[0].titre == "Réhabiliter la halle – étape 1"
    assert plan.fiches[0].budget_total == 780000.0


def test_utf8_bom_csv_reads_its_first_column(tmp_path: Path) -> None:
    path = write_csv(tmp_path, [fiche_row("F-1")], encoding="utf-8-sig")
    assert read_plan(path).porteurs[0].territoire == "gers-lomagne"


@pytest.mark.parametrize(
    "cell, expected_id, expected_nom",
    [
        ("GERS-LOMAGNE", "gers-lomagne", KNOWN["gers-lomagne"]),
        ("territoire d'industrie gers - lomagne", "gers-lomagne", KNOWN["gers-lomagne"]),
    ],
    ids=["id-any-case", "name-without-accents-or-dash"],
)
def test_territory_is_matched_ignoring_case_accents_and_spaces(
    tmp_path: Path, cell: str, expected_id: str, expected_nom: str
) -> None:
    plan = read_plan(write_csv(tmp_path, [fiche_row("F-1", territoire=cell)]), KNOWN)
    assert [(t.id, t.nom) for t in plan.territories] == [(expected_id, expected_nom)]
    assert plan.porteurs[0].territoire == expected_id


def test_an_undeclared_territory_is_refused_once_in_full_then_by_reference(tmp_path: Path) -> None:
    rows = [fiche_row("F-1", territoire="Vallée de l'Ariège"), fiche_row("F-2", territoire="vallee de l ariege")]
    path = write_csv(tmp_path, rows)
    first, second = problems_of(path)
    assert first.startswith("plan.csv ligne 2, colonne territoire: territoire « Vallée de l'Ariège » non déclaré "
                            "dans settings.toml : ajoutez-y un bloc [[territoire]] avec id = \"vallee-de-l-ariege\"")
    assert "[territoire.chef_de_projet]" in first and "(gers-lomagne)" in first
    assert second == "plan.csv ligne 3, colonne territoire: territoire « vallee de l ariege » non déclaré (voir ligne 2)"
    # Without declared territories (`vigie eval` reads a plan it never stores) the cell names its own.
    assert [(t.id, t.nom) for t in read_plan(path).territories] == [("vallee-de-l-ariege", "Vallée de l'Ariège")]


# --- cells -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cell, expected",
    [("150000", 150000.0), ("150 000", 150000.0), ("150 000,50", 150000.5), ("150000 €", 150000.0),
     ("1 200 000 €", 1200000.0), ("1\u202f200\u00a0000\u00a0€", 1200000.0), (150000, 150000.0),
     (1500.25, 1500.25), (None, None)],
    ids=["digits", "spaced", "decimal-comma", "euro", "millions", "nbsp", "xlsx-int", "xlsx-float", "empty"],
)
def test_amounts_are_read_in_french_forms(cell: object, expected: float | None) -> None:
    assert parse_amount(cell) == expected


@pytest.mark.parametrize(
    "cell",
    ["environ 2 M€", "150.000", "150 00", "1,5 M€", "-5000", -1, True, "150 000,555"],
    ids=["words", "dot-thousands", "bad-group", "millions-abbrev", "negative-text", "negative-number",
         "boolean", "three-decimals"],
)
def test_other_amounts_are_rejected(cell: object) -> None:
    with pytest.raises(CellError):
        parse_amount(cell)


@pytest.mark.parametrize(
    "cell, expected",
    [("2026-09", "2026-09"), (datetime(2027, 1, 31, 10), "2027-01"), (date(2026, 3, 1), "2026-03")],
    ids=["text", "xlsx-datetime", "xlsx-date"],
)
def test_months_are_read_as_year_month(cell: object, expected: str) -> None:
    assert parse_month(cell) == expected


@pytest.mark.parametrize("cell", ["2026-13", "2026-00", "09/2026", "2026-9", 202609], ids=str)
def test_other_months_are_rejected(cell: object) -> None:
    with pytest.raises(CellError, match="AAAA-MM"):
        parse_month(cell)


# --- bad files ------------------------------------------------------------------------------

WITHOUT = [c for c in COLUMNS if c not in ("axe", "debut")]
MISSPELT = [c if c != "mots_cles" else "mots_clefs" for c in COLUMNS]

BAD_FILES: list[tuple[str, Callable[[Path], Path], str]] = [
    ("missing-columns", lambda d: write_csv(d, two_rows(), WITHOUT),
     "plan.csv: colonne(s) manquante(s) : axe, debut"),
    ("unknown-column", lambda d: write_csv(d, two_rows(), MISSPELT),
     "plan.csv: colonne inconnue « mots_clefs » : vouliez-vous dire « mots_cles » ?"),
    ("extra-column", lambda d: write_csv(d, two_rows(), [*COLUMNS, "porteur_telephone"]),
     "plan.csv: colonne inconnue « porteur_telephone »"),
    ("empty-file", lambda d: _write_bytes(d / "plan.csv", b""),
     "plan.csv: fichier vide : aucune ligne de données"),
    ("blank-lines-only", lambda d: _write_bytes(d / "plan.csv", b"\n;;;\n\n"),
     "plan.csv: fichier vide : aucune ligne de données"),
    ("header-only", lambda d: write_csv(d, []),
     "plan.csv: aucune ligne de données sous l'en-tête"),
    ("bad-porteur-type", lambda d: write_csv(d, [fiche_row("F-1", porteur_type="mairie")]),
     "plan.csv ligne 2, colonne porteur_type: valeur « mairie » inconnue (valeurs permises : commune, epci,"),
    ("unknown-cog-code", lambda d: write_csv(d, [fiche_row("F-1", porteur_geo="DEP-99|REG-76")]),
     "plan.csv ligne 2, colonne porteur_geo: code département inconnu « DEP-99 »"),
    ("non-numeric-amount", lambda d: write_csv(d, two_rows(budget_total="environ 2 M€")),
     "plan.csv ligne 3, colonne budget_total: montant invalide « environ 2 M€ »"),
    ("negative-amount", lambda d: write_csv(d, two_rows(besoin_financement="-5 000")),
     "plan.csv ligne 3, colonne besoin_financement: montant négatif"),
    ("duplicate-fiche-id", lambda d: write_csv(d, [fiche_row("F-1"), fiche_row("F-2"), fiche_row("F-1")]),
     "plan.csv ligne 4, colonne fiche_id: identifiant « F-1 » déjà utilisé ligne 2"),
    ("empty-required-cell", lambda d: write_csv(d, two_rows(fiche_titre="  ")),
     "plan.csv ligne 3, colonne fiche_titre: cellule vide, valeur obligatoire"),
    ("bad-email", lambda d: write_csv(d, [fiche_row("F-1", porteur_email="mairie.fleurance.fr")]),
     "plan.csv ligne 2, colonne porteur_email: adresse e-mail invalide « mairie.fleurance.fr »"),
    ("bad-month", lambda d: write_csv(d, two_rows(debut="2026-13")),
     "plan.csv ligne 3, colonne debut: mois invalide « 2026-13 » (attendu AAAA-MM"),
    ("end-before-start", lambda d: write_csv(d, two_rows(debut="2027-01", fin="2026-06")),
     "plan.csv ligne 3, colonne fin: fin 2026-06 antérieure au début 2027-01"),
    ("taille-on-commune", lambda d: write_csv(d, [fiche_row("F-1", porteur_taille="pme")]),
     "plan.csv ligne 2, colonne porteur_taille: taille « pme » réservée aux entreprises "
     "(porteur_type : commune)"),
    ("bad-siren", lambda d: write_csv(d, [fiche_row("F-1", porteur_siren="21320132")]),
     "plan.csv ligne 2, colonne porteur_siren: SIREN invalide « 21320132 »"),
    ("porteur-rows-disagree", lambda d: write_csv(d, two_rows(porteur_nom="Mairie de Fleurance")),
     "plan.csv ligne 3, colonne porteur_nom: « Mairie de Fleurance » diffère de la ligne 2 "
     "(« Commune de Fleurance ») pour le porteur « p-fleurance »"),
    ("unsupported-extension", lambda d: _write_bytes(d / "plan.xls", b"\xd0\xcf\x11\xe0"),
     "plan.xls: format « .xls » non pris en charge"),
    ("not-a-workbook", lambda d: _write_bytes(d / "plan.xlsx", b"territoire,porteur_id\n"),
     "plan.xlsx: classeur XLSX invalide ou endommagé"),
    ("missing-file", lambda d: d / "absent.csv", "absent.csv: fichier introuvable"),
    ("folder-not-file", lambda d: _mkdir(d / "plan.csv"), "plan.csv: c'est un dossier, pas un fichier"),
    ("value-beyond-header", lambda d: _append(write_csv(d, two_rows()), ",,en trop\n"),
     "plan.csv ligne 4: valeur « en trop » au-delà de la dernière colonne de l'en-tête"),
    ("unreadable-encoding", lambda d: _write_bytes(d / "plan.csv", b"territoire\n\x81\xff\n"),
     "plan.csv: encodage non reconnu"),
]


def _append(path: Path, line: str) -> Path:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(",".join(fiche_row("F-9").values()) + line)
    return path


def _write_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path


@pytest.mark.parametrize("make, expected", [case[1:] for case in BAD_FILES], ids=[c[0] for c in BAD_FILES])
def test_bad_file_is_refused_naming_line_and_column(
    tmp_path: Path, make: Callable[[Path], Path], expected: str
) -> None:
    problems = problems_of(make(tmp_path))
    assert any(p.startswith(expected) for p in problems), problems


def test_every_problem_in_a_file_is_reported_at_once_in_file_order(tmp_path: Path) -> None:
    rows = [
        fiche_row("F-1", porteur_type="mairie"),
        fiche_row("F-1", debut="2026-13", budget_total="beaucoup"),
        fiche_row("F-2", porteur_geo="DEP-99"),
    ]
    problems = problems_of(write_csv(tmp_path, rows))
    assert [p.split(":")[0] for p in problems] == [
        "plan.csv ligne 2, colonne porteur_type",
        "plan.csv ligne 3, colonne fiche_id",
        "plan.csv ligne 3, colonne budget_total",
        "plan.csv ligne 3, colonne debut",
        "plan.csv ligne 4, colonne porteur_geo",
    ]


def test_multi_line_cell_errors_name_the_line_where_the_record_starts(tmp_path: Path) -> None:
    rows = [fiche_row("F-1", fiche_description="Première ligne\nDeuxième ligne\nTroisième"),
            fiche_row("F-2", axe="industrie")]
    problems = problems_of(write_csv(tmp_path, rows))
    assert problems == [
        "plan.csv ligne 5, colonne axe: valeur « industrie » inconnue "
        "(valeurs permises : innovation, transition_ecologique, competences, foncier)"
    ]


def test_error_text_names_the_file_and_the_count(tmp_path: Path) -> None:
    path = write_csv(tmp_path, [fiche_row("F-1", debut="2026-13", fin="bientôt")])
    with pytest.raises(PlanImportError, match="import du plan d'actions refusé: .*plan.csv: 2 erreur"):
        read_plan(path)
