"""What every command needs: the configuration directory, the validated config, the store, "today"."""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from models.errors import VigieError
from vigie.pipeline import clock
from vigie.pipeline.clock import fix_today

if TYPE_CHECKING:  # the config schema and the database are imported when a command first uses them
    from models.config import VigieConfig
    from models.store import Store


def source_kinds() -> dict:
    """The crawler kinds, for validating sources.toml."""
    from crawlers import SOURCE_KINDS

    return SOURCE_KINDS


def resolve_config_dir(option: Path | None) -> Path:
    """--config, else VIGIE_CONFIG, else ./config; a French error when none exists."""
    chosen = option or (Path(os.environ["VIGIE_CONFIG"]) if os.environ.get("VIGIE_CONFIG") else None)
    directory = chosen or Path("config")
    if directory.is_symlink() and not directory.exists():
        try:
            directory.resolve(strict=True)
        except (RuntimeError, OSError) as exc:  # Python 3.11 says RuntimeError, later ones OSError(ELOOP)
            if isinstance(exc, RuntimeError) or exc.errno == errno.ELOOP:
                raise VigieError("lien symbolique en boucle", str(directory),
                                 "remplacez-le par le dossier de configuration") from None
    if not directory.is_dir():
        hint = "lancez « vigie init DOSSIER » puis passez --config DOSSIER (ou VIGIE_CONFIG)"
        raise VigieError("configuration introuvable", str(directory), hint)
    return directory.resolve()


DAY_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
"""How a day option may be written: AAAA-MM-JJ or JJ/MM/AAAA."""


def read_day(value: str) -> date | None:
    """A day written in one of DAY_FORMATS (spaces around allowed); None when it is in none."""
    for pattern in DAY_FORMATS:
        try:
            return datetime.strptime(value.strip(), pattern).date()
        except ValueError:
            continue
    return None


def parse_as_of(value: str | None) -> date | None:
    """--as-of / VIGIE_AS_OF as YYYY-MM-DD."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise VigieError("date invalide", f"--as-of {value}", "format attendu AAAA-MM-JJ") from exc


@dataclass
class AppContext:
    """Lazily validated config and opened store, shared by a command's steps."""

    config_option: Path | None = None
    as_of_option: str | None = None
    verbose: bool = False
    _store: Store | None = field(default=None, repr=False)

    @cached_property
    def config_dir(self) -> Path:
        """The configuration directory in use."""
        return resolve_config_dir(self.config_option)

    @cached_property
    def config(self) -> VigieConfig:
        """The validated configuration (raises ConfigError before anything else runs); starts the log file."""
        from models.config import load_config
        from vigie.logs import setup_file_logging

        config = load_config(self.config_dir, source_kinds())
        setup_file_logging(config)
        return config

    def __post_init__(self) -> None:
        fix_today(parse_as_of(self.as_of_option or os.environ.get("VIGIE_AS_OF")))

    @property
    def as_of(self) -> date:
        """"Today" in Paris, unless fixed by --as-of or VIGIE_AS_OF (the process clock)."""
        return clock.today()

    @property
    def as_of_fixed(self) -> bool:
        """Whether the day was fixed by --as-of / VIGIE_AS_OF."""
        return clock.is_fixed()

    def use_as_of(self, value: str | None) -> date:
        """A command's own --as-of: fixes the process clock too, so stored timestamps agree with it."""
        day = parse_as_of(value)
        if day is not None:
            fix_today(day)
        return self.as_of

    @property
    def store(self) -> Store:
        """The store, opened (and upgraded) on first use."""
        if self._store is None:
            from models.store import Store

            self._store = Store.open(self.config.database_url)
        return self._store

    def close(self) -> None:
        """Release the database."""
        if self._store is not None:
            self._store.close()
