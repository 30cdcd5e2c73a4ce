"""Vigie's configuration: the `…Config` models of each file, and the loader of a configuration directory.

`load_config(DIR, source_kinds)` returns a validated `VigieConfig` or raises `ConfigError` listing every
problem; `check_config(DIR, source_kinds)` returns those problem lines (`vigie check-config`).
"""

from models.config.loader import SourceKinds, check_config, load_config
from models.config.schema import (
    ChefDeProjetConfig,
    ContactConfig,
    CrawlConfig,
    ExclusionConfig,
    FicheConfig,
    FunderConfig,
    FundersConfig,
    MatchingConfig,
    MatchingWeights,
    PorteurConfig,
    PorteurFileConfig,
    ProfileConfig,
    ScheduleConfig,
    SenderConfig,
    SettingsConfig,
    SmtpConfig,
    SourceConfig,
    SynonymsConfig,
    TerritoryConfig,
    VigieConfig,
    WebConfig,
)

__all__ = [
    "ChefDeProjetConfig", "ContactConfig", "CrawlConfig", "ExclusionConfig", "FicheConfig", "FunderConfig",
    "FundersConfig",
    "MatchingConfig", "MatchingWeights", "PorteurConfig", "PorteurFileConfig", "ProfileConfig",
    "ScheduleConfig", "SenderConfig", "SettingsConfig", "SmtpConfig", "SourceConfig", "SourceKinds",
    "SynonymsConfig", "TerritoryConfig", "VigieConfig", "WebConfig", "check_config", "load_config",
]
