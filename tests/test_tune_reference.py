"""The reference a diff compares with: `vigie tune apply` (var/tune/), another folder, a git revision; the
exit code of `vigie tune diff`; the chef de projet's digest line about an applied change."""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from models.config.schema import SenderConfig
from models.errors import VigieError
from models.store import Store
from notifier.chef import ChefDigestContent, render_chef_digest
from notifier.chef_plan import config_change_line
from tests.clirun import run_cli
from tests.tune_world import AS_OF, config_of, engine, fill, write_config
from vigie.pipeline.tune_journal import journal, tune_dir
from vigie.tune.actions import apply_current, diff_against

MONDAY = datetime(2026, 11, 23, 9, tzinfo=UTC)


@pytest.fixture
def world(store: Store) -> Store:
    return fill(store)


def test_without_an_applied_reference_diff_says_how_to_make_one(world: Store, tmp_path: Path):
    config = config_of(write_config(tmp_path / "cur"))
    with pytest.raises(VigieError, match="vigie tune apply"):
        diff_against(config, world, AS_OF, None, engine())


def test_apply_copies_the_matching_files_and_the_next_diff_compares_with_them(world: Store, tmp_path: Path):
    folder = write_config(tmp_path / "cur", threshold=0.2)
    assert apply_current(config_of(folder), world, AS_OF, "camille", MONDAY, engine()) is None
    reference = tune_dir(folder) / "reference"
    assert sorted(p.name for p in (reference / "profiles").iterdir()) == ["decarbonation.toml", "foncier.toml"]
    assert json.loads((reference / "reference.json").read_text())["applied_by"] == "camille"
    assert not diff_against(config_of(folder), world, AS_OF, None, engine()).changed
    write_config(folder, threshold=0.6)
    result = diff_against(config_of(folder), world, AS_OF, None, engine())
    assert result.changed and result.reference.startswith("référence du 23/11/2026") and "camille" in result.reference


def test_a_second_apply_journals_its_effect_per_territory(world: Store, tmp_path: Path):
    folder = write_config(tmp_path / "cur", threshold=0.2)
    apply_current(config_of(folder), world, AS_OF, "camille", MONDAY, engine())
    write_config(folder, threshold=0.6)
    result = apply_current(config_of(folder), world, AS_OF, "dominique", MONDAY, engine())
    entries = journal(folder)
    assert [e["applied_by"] for e in entries] == ["camille", "dominique"]
    assert entries[1]["territoires"]["gers"]["sort"] == result.counts["sort"] > 0
    assert not diff_against(config_of(folder), world, AS_OF, None, engine()).changed


def test_the_chef_digest_line_tells_the_week_s_change_and_its_effect(world: Store, tmp_path: Path):
    folder = write_config(tmp_path / "cur", threshold=0.2)
    apply_current(config_of(folder), world, AS_OF, "camille", MONDAY, engine())
    write_config(folder, threshold=0.6)
    result = apply_current(config_of(folder), world, AS_OF, "dominique", MONDAY, engine())
    line = config_change_line(journal(folder), "gers", "2026-W48")
    assert line == (f"Réglage de l'appariement appliqué le 23/11/2026 par dominique : 0 appel(s) entrent dans les "
                    f"propositions de vos fiches-actions, {result.counts['sort']} en sortent.")
    assert config_change_line(journal(folder), "gers", "2026-W49") == ""


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True)


def test_a_git_revision_is_a_reference(world: Store, tmp_path: Path):
    repo = tmp_path / "repo"
    folder = write_config(repo / "config", threshold=0.2)
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "config")
    write_config(folder, threshold=0.6)
    result = diff_against(config_of(folder), world, AS_OF, "HEAD", engine())
    assert result.changed and result.reference == "révision git HEAD"
    assert [c.text for c in result.settings] == ["seuil 0,2 → 0,6"]
    with pytest.raises(VigieError, match="ni dossier, ni révision git"):
        diff_against(config_of(folder), world, AS_OF, "pas-une-revision", engine())


def initialised(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    """`vigie init` in tmp_path/conf, with the tune world's calls and plan stored."""
    conf = tmp_path / "conf"
    run_cli(capsys, "init", str(conf))
    store = Store.open(f"sqlite:///{conf}/var/vigie.db")
    fill(store)
    store.close()
    return conf


def test_the_cli_exit_code_says_whether_matches_change(capsys: pytest.CaptureFixture[str], tmp_path: Path):
    conf = initialised(capsys, tmp_path)
    base = ["--config", str(conf), "--as-of", AS_OF.isoformat()]
    assert run_cli(capsys, *base, "tune", "diff").code == 1
    assert run_cli(capsys, *base, "tune", "apply", "--par", "camille").code == 0
    assert run_cli(capsys, *base, "tune", "diff").code == 0
    settings = conf / "settings.toml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("threshold = 0.03", "threshold = 0.9"))
    changed = run_cli(capsys, *base, "tune", "diff", "--format", "json")
    assert changed.code == 5
    payload = json.loads(changed.out)
    assert payload["changed"] and payload["counts"]["sort"] == len(payload["changes"]) > 0
    assert all(c["movement"] == "sort" and "seuil 0,03 → 0,9" in c["reasons"] for c in payload["changes"])


def test_the_chef_digest_carries_the_line_in_text_and_html():
    content = ChefDigestContent(territory="Gers", chef_nom="Camille", chef_email="camille@example.org",
                                iso_week="2026-W48", as_of=AS_OF, new_calls=[("Occitanie", 2)],
                                config_change="Réglage de l'appariement appliqué le 23/11/2026 par <b>dominique</b>.")
    rendered = render_chef_digest(content, SenderConfig(), "<id@vigie>")
    assert "appliqué le 23/11/2026 par <b>dominique</b>." in rendered.text
    assert "par &lt;b&gt;dominique&lt;/b&gt;." in rendered.html
    plain = ChefDigestContent(territory="Gers", chef_nom="Camille", chef_email="camille@example.org",
                              iso_week="2026-W48", as_of=AS_OF, new_calls=[("Occitanie", 2)])
    assert "Réglage" not in render_chef_digest(plain, SenderConfig(), "<id@vigie>").text


def test_the_cli_explains_a_pair_and_tries_a_profile(capsys: pytest.CaptureFixture[str], tmp_path: Path):
    conf = initialised(capsys, tmp_path)
    base = ["--config", str(conf), "--as-of", AS_OF.isoformat()]
    explained = run_cli(capsys, *base, "tune", "explain", "F-CHALEUR", "occitanie:chaleur")
    assert explained.code == 0
    assert "Fusion : (1 × 1,000 + 1 × " in explained.out
    assert "appel : « chaufferie biomasse » ajouté (via « chaufferie bois »)" in explained.out
    assert "paire non enregistrée" in explained.out
    trial = tmp_path / "essai.toml"
    trial.write_text('[terms]\n"randonnée" = 8\n', encoding="utf-8")
    tried = run_cli(capsys, *base, "tune", "try", str(trial), "--fiche", "F-FONCIER", "--top", "9")
    assert tried.code == 0 and "randonnée (+8)" in tried.out and "Tourisme de pleine nature" in tried.out
    missing = run_cli(capsys, *base, "tune", "explain", "F-CHALEUR", "inconnu")
    assert missing.code == 1 and "aucun appel ouvert au 24/11/2026" in missing.err
