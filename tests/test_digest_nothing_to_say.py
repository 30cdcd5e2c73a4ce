"""A letter with nothing to say does not go: a porteur letter needs at least one open call, a chef de projet
letter at least one piece of news (fiches-actions still without a call are not news)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from digestworld import example_config, filled_store
from models.config.schema import SenderConfig
from notifier.chef import ChefDigestContent, render_chef_digest
from vigie.pipeline.digest import run_digests

WEEK, MONDAY, THURSDAY = "2027-W02", date(2027, 1, 11), date(2027, 1, 14)


def chef(**news: object) -> ChefDigestContent:
    return ChefDigestContent(territory="Gers – Lomagne", chef_nom="Camille", chef_email="camille@example.org",
                             iso_week="2026-W48", as_of=date(2026, 11, 23), **news)


def test_a_configuration_applied_this_week_is_news_and_fiches_without_calls_are_not() -> None:
    change = chef(config_change="Réglage de l'appariement appliqué le 23/11/2026 par dominique (première référence).")
    assert not change.is_empty()
    assert "appliqué le 23/11/2026" in render_chef_digest(change, SenderConfig(), "<id@vigie>").text
    assert chef(uncovered=["« Réseau de chaleur » (F1) — CC de la Lomagne"]).is_empty()


def test_a_pending_letter_whose_calls_closed_since_is_not_sent(tmp_path: Path) -> None:
    config = example_config(tmp_path)
    store = filled_store(config, close_dates=[date(2027, 1, 13)])
    config.outbox.mkdir(parents=True)
    (config.outbox / WEEK).write_text("pas un dossier")  # the first try fails after the letter is recorded
    with pytest.raises(OSError):
        run_digests(config, store, WEEK, MONDAY, send=True)
    (config.outbox / WEEK).unlink()
    assert [d.status for d in store.digests(WEEK)] == ["pending"]
    assert run_digests(config, store, WEEK, THURSDAY, send=True) == []
    assert not (config.outbox / WEEK).exists()
    store.close()
