"""The matching configuration as a reference: the files that change matches, loaded from any folder.

The applied reference lives in the configuration folder, `var/tune/reference/` (a copy of `settings.toml`,
`synonyms.toml` and `profiles/*.toml`, plus `reference.json`: when and who), and every `apply` appends one
line to `var/tune/journal.jsonl` with its effect. A git revision is materialised with `git archive` into a
temporary folder, and any folder is read the same way: one loader for every kind of reference.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import tarfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from models.config.report import ProblemReport
from models.config.schema import ProfileConfig, SettingsConfig, SynonymsConfig
from models.errors import ConfigError, VigieError
from vigie.pipeline.scoring import MatchingSetup
from vigie.pipeline.tune_journal import journal_path, tune_dir

PARIS = ZoneInfo("Europe/Paris")
FILES = ("settings.toml", "synonyms.toml")
"""Matching-relevant files besides profiles/*.toml."""


class NoReference(VigieError):
    """No `vigie tune apply` yet: nothing to compare the configuration with (the web page says what to do)."""


def load_setup(directory: Path, label: str) -> MatchingSetup:
    """Read settings.toml [matching], profiles/*.toml and synonyms.toml of a folder; ConfigError listing every
    problem otherwise."""
    report = ProblemReport(directory)
    settings = report.load(directory / "settings.toml", SettingsConfig)
    profiles = {p.stem: prof for p in sorted((directory / "profiles").glob("*.toml"))
                if (prof := report.load(p, ProfileConfig)) is not None}
    synonyms = report.load(directory / "synonyms.toml", SynonymsConfig, required=False) or SynonymsConfig()
    if report.lines or settings is None:
        raise ConfigError(report.lines)
    return MatchingSetup(settings.matching, profiles, synonyms, label)


def applied_setup(config_dir: Path) -> MatchingSetup:
    """The reference recorded by the last `vigie tune apply`."""
    folder = tune_dir(config_dir) / "reference"
    meta = folder / "reference.json"
    if not meta.exists():
        raise NoReference("aucune référence", str(folder),
                         "lancez « vigie tune apply » pour enregistrer la configuration actuelle, ou passez --against")
    info = json.loads(meta.read_text(encoding="utf-8"))
    when = datetime.fromisoformat(info["applied_at"]).astimezone(PARIS)
    return load_setup(folder, f"référence du {when:%d/%m/%Y %H:%M} ({info['applied_by']})")


def resolve_setup(config_dir: Path, against: str | None, scratch: Path) -> MatchingSetup:
    """The reference to compare with: the applied one (None), a folder, or a git revision (into `scratch`)."""
    if against is None:
        return applied_setup(config_dir)
    folder = Path(against).expanduser()
    if folder.is_dir():
        return load_setup(folder, f"dossier {folder}")
    return load_setup(git_revision(config_dir, against, scratch), f"révision git {against}")


def git_revision(config_dir: Path, revision: str, scratch: Path) -> Path:
    """The configuration folder as it was at `revision`, extracted with `git archive` into `scratch`."""
    top = Path(_git(config_dir, "rev-parse", "--show-toplevel", what=revision).strip())
    prefix = _git(config_dir, "rev-parse", "--show-prefix", what=revision).strip()
    tree = f"{revision}:{prefix}" if prefix else revision
    archive = _git(top, "archive", "--format=tar", tree, what=revision, binary=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(scratch, filter="data")
    return scratch


def _git(cwd: Path, *args: str, what: str, binary: bool = False):  # noqa: ANN202 - str or bytes
    try:
        done = subprocess.run(["git", "-C", str(cwd), *args], capture_output=True, check=True, timeout=60)
    except FileNotFoundError as exc:
        raise VigieError("référence introuvable", what, "ni dossier, ni révision git (git absent)") from exc
    except subprocess.CalledProcessError as exc:
        cause = exc.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["git a échoué"]
        raise VigieError("référence introuvable", what, f"ni dossier, ni révision git ({cause[0]})") from exc
    return done.stdout if binary else done.stdout.decode()


def record_reference(config_dir: Path, applied_by: str, at: datetime, effect: dict) -> Path:
    """Copy the matching-relevant files into var/tune/reference (replaced whole) and journal the change."""
    base = tune_dir(config_dir)
    fresh = base / "reference.new"
    shutil.rmtree(fresh, ignore_errors=True)
    (fresh / "profiles").mkdir(parents=True)
    for name in FILES:
        if (config_dir / name).exists():
            shutil.copy2(config_dir / name, fresh / name)
    for profile in sorted((config_dir / "profiles").glob("*.toml")):
        shutil.copy2(profile, fresh / "profiles" / profile.name)
    entry = {"applied_at": at.isoformat(), "applied_by": applied_by, **effect}
    (fresh / "reference.json").write_text(json.dumps(entry, ensure_ascii=False, indent=2), encoding="utf-8")
    target = base / "reference"
    shutil.rmtree(target, ignore_errors=True)
    fresh.rename(target)
    with journal_path(config_dir).open("a", encoding="utf-8") as lines:
        lines.write(json.dumps(entry, ensure_ascii=False) + "\n")
    return target
