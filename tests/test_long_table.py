"""A long table printed without rich's cost per cell reads exactly as rich prints it (vigie/commands/long_table.py)."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from vigie.commands.long_table import print_long_table, rich_table

COLUMNS = ("fiche", "rang", "score", "éligible", "appel", "éligibilité")
ROWS = [
    ["f1", "1", "0,87", "oui", "Aides aux chaufferies collectives alimentées par des plaquettes forestières locales",
     "entreprise (PME) ✔ · territoire non précisé · clôture 01/02/2027 (J-70) ✔"],
    ["f1", "2", "0,5", "non", "Décarbonation", "—"],
    ["porteur-tres-long#profil", "—", "0", "oui", "Un mot interminable: anticonstitutionnellementissimeinfiniment",
     "région [Bretagne] · montant 10 000 € à 50 000 €"],
    ["f2", "10", "0,12", "oui", "", "   "],
    ["f3", "3", "0,4", "oui", "Appel « tiers-lieux » : 漢字の題名とても長い題名です、折り返し", "clôture ✔ · vérifier"],
]


def _printed(width: int, rows: list[list[str]], color: bool, long: bool) -> str:
    out = io.StringIO()
    console = Console(file=out, width=width, markup=False, emoji=False, highlight=False, soft_wrap=True,
                      force_terminal=color, color_system="truecolor" if color else None)
    if long:
        print_long_table(console, "Correspondances", COLUMNS, rows)
    else:
        console.print(rich_table("Correspondances", COLUMNS, rows))
    return out.getvalue()


@pytest.mark.parametrize("width", [40, 80, 123, 200])
@pytest.mark.parametrize("color", [False, True])
def test_the_long_table_prints_what_rich_prints(width: int, color: bool) -> None:
    rows = ROWS * 3
    expected = _printed(width, rows, color, long=False)
    assert _printed(width, rows, color, long=True) == expected
    assert expected.count("\n") > len(rows) + 4


def test_an_empty_table_and_a_cell_with_a_line_break_print_as_with_rich() -> None:
    assert _printed(80, [], False, long=True) == _printed(80, [], False, long=False)
    broken = [*ROWS, ["f9", "1", "0,3", "oui", "deux\nlignes\tet une tabulation", "—"]]
    assert _printed(60, broken, False, long=True) == _printed(60, broken, False, long=False)
