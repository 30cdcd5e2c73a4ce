"""`vigie eval-fields`: crawled facts judged against facts written by hand, per source and field."""

from __future__ import annotations

import csv
import shutil
from datetime import date
from pathlib import Path

import pytest

from clirun import run_cli
from crawlers.field_accuracy import ExpectedCall, canonical_beneficiaries, compare, read_expected
from factories import opportunity
from models.errors import VigieError
from models.vocab import Beneficiary as B
from test_territories_e2e import DATA

DAY = date(2026, 12, 1)
HEADER = ("source,url,title,close_dates,next_deadline,beneficiaries,geo_codes,aid_min,aid_max,project_min,"
          "project_max,rate_max")


def expected(**changes: object) -> ExpectedCall:
    fields = dict(line=2, source="demo", url="https://example.org/aap-1", title="Appel", close_dates=(),
                  next_deadline=None, beneficiaries=frozenset(), geo_codes=frozenset(),
                  amounts=(None,) * 5)
    fields.update(changes)
    return ExpectedCall(**fields)  # type: ignore[arg-type]


def shares(call: ExpectedCall, **record: object) -> dict[str, tuple[int, int]]:
    report = compare([call], [opportunity(source="demo", url="https://example.org/aap-1/", **record)], DAY)
    return {name: report.share(name) for name in ("trouvé", "dates de clôture", "prochaine échéance",
                                                  "bénéficiaires", "territoire", "montant de l'aide")}


def test_a_call_is_found_by_its_link_whatever_the_trailing_slash() -> None:
    assert shares(expected(), title="Autre titre")["trouvé"] == (1, 1)


def test_a_call_not_crawled_is_wrong_on_every_field() -> None:
    report = compare([expected()], [], DAY)
    assert report.share("trouvé") == (0, 1)
    assert report.share("bénéficiaires") == (0, 1)


def test_every_close_date_must_be_there_and_the_next_one_is_judged_apart() -> None:
    call = expected(close_dates=(date(2026, 10, 1), date(2027, 2, 10)), next_deadline=date(2027, 2, 10))
    missing_past = shares(call, close_dates=[date(2027, 2, 10)])
    assert missing_past["dates de clôture"] == (0, 1)
    assert missing_past["prochaine échéance"] == (1, 1)


def test_a_value_where_the_page_says_nothing_is_a_guess_and_counts_wrong() -> None:
    assert shares(expected(), amount_max=200000.0)["montant de l'aide"] == (0, 1)
    assert shares(expected(), geo_codes=["PAYS-99100"])["territoire"] == (0, 1)
    assert shares(expected(), geo_codes=[])["territoire"] == (1, 1)


@pytest.mark.parametrize("written, read", [
    (["tpe", "pme"], [B.PME]),
    (["entreprise"], [B.TPE, B.PME, B.ETI, B.GE]),
    (["tpe", "pme", "eti", "ge", "epci"], [B.ENTREPRISE, B.EPCI]),
], ids=["pme-covers-tpe", "all-sizes-are-entreprise", "entreprise-and-epci"])
def test_beneficiaries_compare_in_one_canonical_form(written: list[str], read: list[B]) -> None:
    call = expected(beneficiaries=canonical_beneficiaries(written))
    assert shares(call, beneficiaries=read)["bénéficiaires"] == (1, 1)


@pytest.mark.parametrize("written, read, right", [
    (["REG-01"], ["DEP-971"], 1),
    (["REG-01", "REG-02", "REG-03", "REG-04", "REG-06"], ["DEP-971", "DEP-972", "DEP-973", "DEP-974", "DEP-976"], 1),
    (["DEP-976"], ["REG-06"], 1),
    (["REG-94"], ["DEP-2A"], 0),
    (["REG-01"], ["DEP-972"], 0),
], ids=["guadeloupe", "five-overseas", "mayotte-written-as-departement", "corse-has-two-departements",
        "another-island"])
def test_an_overseas_departement_and_its_region_are_one_territory(written: list[str], read: list[str],
                                                                   right: int) -> None:
    assert shares(expected(geo_codes=frozenset(written)), geo_codes=read)["territoire"] == (right, 1)


@pytest.mark.parametrize("written, read, left_out, right", [
    (["DEP-22", "DEP-29", "DEP-56"], ["REG-53"], ["DEP-35"], 1),          # Bretagne less Ille-et-Vilaine
    (["DEP-22", "DEP-29"], ["REG-53"], ["DEP-35"], 0),                     # one département short
    (["REG-53"], ["REG-53"], ["DEP-35"], 0),                               # the exclusion is part of the fact
    (["REG-52", "DEP-14"], ["REG-52", "DEP-14"], [], 1),
    (["REG-28", "DEP-22", "DEP-29", "DEP-56"], ["REG-28", "REG-53"], ["DEP-35"], 1),  # only the région holding it
], ids=["region-less-one", "short", "exclusion-ignored", "no-exclusion", "two-regions"])
def test_a_region_less_some_departements_is_its_other_departements(written: list[str], read: list[str],
                                                                    left_out: list[str], right: int) -> None:
    call = expected(geo_codes=frozenset(written))
    assert shares(call, geo_codes=read, geo_exclusions=left_out)["territoire"] == (right, 1)


def test_a_size_too_wide_is_wrong() -> None:
    call = expected(beneficiaries=canonical_beneficiaries(["tpe", "pme"]))
    assert shares(call, beneficiaries=[B.ENTREPRISE])["bénéficiaires"] == (0, 1)


def test_a_bad_expected_row_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "expected.csv"
    path.write_text(f"{HEADER}\ndemo,https://x.org/a,A,2027-02-31,,,,,,,,\n", "utf-8")
    with pytest.raises(VigieError, match="ligne 2"):
        read_expected(path)


CSV_PATH = "www.data.gouv.fr/fr/datasets/r/catalogue-champs.csv"
ROWS = [
    {"id": "a1", "titre": "Chaleur renouvelable des ateliers", "description":
        "Relèves : 15 janvier 2027 et 15 mai 2027.", "eligibilite": "Les PME industrielles.",
     "cibles": "professionnels", "eligibilite_geographique": "PAYS-99100", "url_source": "https://ex.org/chaleur",
     "date_cloture": ""},
    {"id": "a2", "titre": "Diagnostic écoconception", "description": "Un diagnostic pris en charge.",
     "eligibilite": "", "cibles": "professionnels", "eligibilite_geographique": "REG-76",
     "url_source": "https://ex.org/eco", "date_cloture": "2027-03-31T22:00:00.000Z"},
]


def write_corpus(folder: Path) -> None:
    site = folder / "site" / CSV_PATH
    site.parent.mkdir(parents=True)
    columns = ["id", "titre", "promesse", "description", "eligibilite", "types_aides", "porteurs",
               "programmes_parents", "url_source", "cibles", "eligibilite_geographique",
               "eligibilite_geographique_exclusions", "date_ouverture", "date_cloture", "date_mise_a_jour"]
    with site.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns, quoting=csv.QUOTE_ALL)
        writer.writeheader()
        writer.writerows({c: row.get(c, "") for c in columns} for row in ROWS)
    (folder / "SET.toml").write_text('as_of = "2026-12-01"\nusage = "reglage"\n', "utf-8")
    (folder / "expected.csv").write_text(
        f"{HEADER}\n"
        "mte,https://ex.org/chaleur,Chaleur renouvelable des ateliers,2027-01-15;2027-05-15,2027-01-15,tpe;pme,"
        "PAYS-99100,,,,,\n"
        "mte,https://ex.org/eco,Diagnostic écoconception,2027-04-01,2027-04-01,entreprise,REG-76,,,,,\n"
        "mte,https://ex.org/absent,Un appel que le fichier n'a pas,,,,,,,,,\n", "utf-8")


def test_the_command_crawls_the_corpus_and_prints_the_table_per_source(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    conf = tmp_path / "conf"
    shutil.copytree(DATA, conf)
    (conf / "sources.toml").write_text(
        f'[[source]]\nslug = "mte"\nkind = "dispositif_aide_csv"\nurl = "https://{CSV_PATH}"\n', "utf-8")
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    result = run_cli(capsys, "--config", str(conf), "eval-fields", str(corpus), "--detail")
    assert result.code == 0, result.out + result.err
    row = next(line for line in result.out.splitlines() if line.strip("│ ").startswith("mte"))
    assert "2/3" in row  # two of the three calls found
    assert "Un appel que le fichier n'a pas" in result.out
    assert "jeu de réglage" in result.out and "01/12/2026" in result.out
