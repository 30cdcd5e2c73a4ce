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


def head_revisions() -> set[str]:
    """The newest migrations shipped with this version of Vigie (several while branches are unmerged)."""
    return set(ScriptDirectory.from_config(alembic_config()).get_heads())


def current_revisions(engine: Engine) -> set[str]:
    """The migrations the database is at (empty for an empty database)."""
    with engine.connect() as connection:
        return set(MigrationContext.configure(connection).get_current_heads())


def upgrade_schema(engine: Engine) -> bool:
    """Upgrade to every head; returns True when something was applied."""
    if current_revisions(engine) == head_revisions():
        return False
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "heads")
    return True
