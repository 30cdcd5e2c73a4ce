"""Alembic migrations run from code: `vigie init` and every command bring an old database to head."""

from __future__ import annotations

from importlib import resources

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine


def alembic_config() -> Config:
    """Configuration pointing at models/migrations (no alembic.ini needed)."""
    config = Config()
    config.set_main_option("script_location", str(resources.files("models") / "migrations"))
    return config


def head_revision() -> str | None:
    """The newest migration shipped with this version of Vigie."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The migration the database is at (None for an empty database)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade_schema(engine: Engine) -> bool:
    """Upgrade to head; returns True when something was applied."""
    if current_revision(engine) == head_revision():
        return False
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return True
