"""Files that `vigie eval` reads beside the labels: the label set's provenance (SET.toml), call facts, a second
labeller's grades, and the calibration it writes when asked.

SET.toml, in the folder of the labels file, says what the labels were used for:

    usage = "reglage"   # profiles, synonyms, weights and calibration were tuned on these labels
    usage = "ecart"     # a held-out set: nothing was tuned on it
    description = "22 fiches du Gers écrites pour Vigie"
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path

from matcher.calibration import FEATURES
from matcher.calibration_fit import CalibrationReport
from matcher.oracle import CallFacts, parse_facts
from models.config.schema import CalibrationConfig
from models.errors import VigieError
from vigie.pipeline.evaluate import read_rows

SET_FILE = "SET.toml"
TUNING, HELD_OUT = "reglage", "ecart"
FACT_COLUMNS = {"id", "beneficiaires", "territoires", "date_cloture"}


@dataclass(frozen=True)
class LabelSet:
    """What a labels file was used for."""

    usage: str | None
    """reglage | ecart | None (no SET.toml)."""
    description: str = ""

    def kind(self) -> str:
        """« jeu de réglage », « jeu tenu à l'écart » or « notes » (undeclared)."""
        return {TUNING: "jeu de réglage", HELD_OUT: "jeu tenu à l'écart"}.get(self.usage or "", "notes")

    def statement(self) -> str:
        """One French line for the top of `vigie eval`."""
        about = f" ({self.description})" if self.description else ""
        if self.usage == TUNING:
            return (f"Jeu de réglage{about} : ces chiffres mesurent la mémoire du réglage, pas sa tenue ailleurs "
                    "(profils, synonymes, poids et étalonnage ont été réglés sur ces notes).")
        if self.usage == HELD_OUT:
            return f"Jeu tenu à l'écart{about} : rien n'a été réglé sur ces notes."
        return f"Jeu tenu à l'écart (provenance non déclarée : pas de {SET_FILE} à côté des notes)."


def read_label_set(labels: Path) -> LabelSet:
    """The provenance declared beside a labels file (none when there is no SET.toml)."""
    path = labels.parent / SET_FILE
    if not path.is_file():
        return LabelSet(None)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise VigieError("provenance illisible", str(path), str(exc)) from exc
    usage = data.get("usage")
    if usage not in (TUNING, HELD_OUT):
        raise VigieError("provenance illisible", f"{path}: usage", f"« {TUNING} » ou « {HELD_OUT} » attendu")
    return LabelSet(usage, str(data.get("description", "")))


def read_facts(path: Path) -> dict[str, CallFacts]:
    """Call facts `id,beneficiaires,territoires,date_cloture,exclusions` (matcher.oracle)."""
    rows = read_rows(path, "faits")
    if rows and not FACT_COLUMNS <= set(rows[0]):
        raise VigieError("faits illisibles", str(path), f"colonnes attendues : {','.join(sorted(FACT_COLUMNS))},exclusions")
    try:
        return parse_facts(rows)
    except ValueError as exc:
        raise VigieError("faits illisibles", str(path), str(exc)) from exc


def calibration_toml(fitted: CalibrationConfig, report: CalibrationReport) -> str:
    """The fitted calibration as a `[matching.calibration]` table to copy into settings.toml."""
    brier = f"{report.brier_heldout:.4f}".replace(".", ",")
    lines = [f"# Étalonnage ajusté par « vigie eval --calibrer » sur {fitted.fitted_on} : {report.pairs} paires, "
             f"{report.relevant} pertinentes (note ≥ 2).",
             f"# Score de Brier hors groupe ({report.protocol.kind} laissé de côté) : {brier}. "
             "À copier dans settings.toml.",
             "[matching.calibration]", "enabled = true", f"intercept = {fitted.intercept}"]
    lines += [f"{name} = {getattr(fitted, name)}" for name in FEATURES]
    lines.append(f"fitted_on = {json.dumps(fitted.fitted_on, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def write_calibration(path: Path, text: str) -> None:
    """Write the calibration table (only when asked with --ecrire)."""
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise VigieError("écriture impossible", str(path), str(exc)) from exc
