"""A small territory for the digest tests: the example config, one EPCI, one accepted call."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from conftest import NOW
from factories import opportunity, plan
from models.config import VigieConfig, load_config
from models.records import MatchResult, Reason
from models.store import Store
from models.vocab import ReviewStatus
from vigie.context import source_kinds
from vigie.defaults import copy_example_config


def example_config(folder: Path, **smtp: Any) -> VigieConfig:
    """The example configuration copied to `folder`, with an [smtp] table when `smtp` is given."""
    copy_example_config(folder / "conf")
    config = load_config(folder / "conf", source_kinds())
    if not smtp:
        return config
    from models.config.schema import SmtpConfig

    values = dict(host="127.0.0.1", security="none", retry_backoff_seconds=0, rate_per_minute=100_000,
                  timeout_seconds=5) | smtp
    settings = config.settings.model_copy(update={"smtp": SmtpConfig(**values)})
    return config.model_copy(update={"settings": settings})


def filled_store(config: VigieConfig, accepted: bool = True, **call: Any) -> Store:
    """The plan of `factories.plan` (chef de projet of the example config), one call, one eligible match."""
    store = Store.open(config.database_url)
    data = plan()
    territory = data.territories[0].model_copy(update={"chef_de_projet_nom": "Camille Dufour",
                                                        "chef_de_projet_email": "camille@example.org"})
    store.import_plan(data.model_copy(update={"territories": [territory]}), NOW)
    store.upsert_opportunity(opportunity(**call), NOW)
    reasons = [Reason(feature="termes", weight=2.0, evidence="termes : « chaufferie biomasse »")]
    result = MatchResult(fiche_id="F1", porteur_id="cc-lomagne", source="occitanie", source_id="aap-1",
                         score=0.8, eligible=True, reasons=reasons)
    store.save_matches([result], {("F1", "occitanie", "aap-1"): 1}, NOW)
    if accepted:
        for match in store.matches():
            store.review(match.id, ReviewStatus.ACCEPTED, "camille", NOW)
    return store


def recrawl(store: Store, day: date, **changes: Any) -> None:
    """The call seen again with `changes` (a CHANGED event with the previous values)."""
    from datetime import UTC, datetime, time

    store.upsert_opportunity(opportunity(**changes), datetime.combine(day, time(6), UTC), day)
