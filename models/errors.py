"""One base error for Vigie: its text reads `what failed: which object: cause` (in French)."""

from __future__ import annotations


class VigieError(Exception):
    """An expected failure, shown to the user as one French line."""

    def __init__(self, what: str, where: str, cause: str) -> None:
        self.what = what
        self.where = where
        self.cause = cause
        super().__init__(f"{what}: {where}: {cause}")


class ConfigError(VigieError):
    """The configuration is invalid; `problems` holds every `file: key: message` line."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        count = len(problems)
        super().__init__("configuration invalide", f"{count} problème(s)", "; ".join(problems[:3]))


class InputError(VigieError):
    """A value given to a command is invalid (an unknown territory, a bad date or format): exit code 2."""


class DatabaseError(VigieError):
    """The database cannot be reached or upgraded."""


class PlanImportError(VigieError):
    """A plan d'actions file cannot be imported; `problems` lists every bad cell."""

    def __init__(self, path: str, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("import du plan d'actions refusé", path, f"{len(problems)} erreur(s)")

