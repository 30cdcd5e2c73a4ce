"""A small configuration directory for the scheduler tests (content written for the tests)."""

from __future__ import annotations

from pathlib import Path

SETTINGS = """\
database_url = "{db_url}"
[[territoire]]
id = "gers"
nom = "Territoire d'industrie du Gers"
geo = ["DEP-32", "REG-76"]
[territoire.chef_de_projet]
nom = "Camille Dufour"
email = "chef@example.org"
[crawl]
download_delay = 0
retries = 0
timeout_seconds = {timeout}
process_timeout_seconds = {process_timeout}
{extra}
"""


def write_config(folder: Path, db_url: str, sources: str = "", extra: str = "", timeout: int = 5,
                 process_timeout: int = 60) -> Path:
    """settings.toml (the database, one territory, fast crawl settings) and sources.toml."""
    folder.mkdir(parents=True, exist_ok=True)
    settings = SETTINGS.format(db_url=db_url, extra=extra, timeout=timeout, process_timeout=process_timeout)
    (folder / "settings.toml").write_text(settings, "utf-8")
    (folder / "sources.toml").write_text(sources, "utf-8")
    return folder


def csv_source(slug: str, url: str, schedule: str | None = None) -> str:
    """A `[[source]]` of kind dispositif_aide_csv (an API-like kind)."""
    line = f'schedule = "{schedule}"\n' if schedule else ""
    return f'[[source]]\nslug = "{slug}"\nkind = "dispositif_aide_csv"\nurl = "{url}"\n{line}\n'
