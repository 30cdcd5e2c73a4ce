"""`vigie stats` and the statistics page: per ISO week and territory, in French; bad options named in French."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from clirun import run_cli
from digestworld import example_config, filled_store
from models.display import days_until
from models.store import WebQueries
from notifier import iso_week
from vigie.pipeline.clock import fix_today
from vigie.pipeline.porteur_answers import record_answer
from vigie.pipeline.weekly import run_weekly
from vigie.web import create_app
from test_web_world import login

AS_OF = date(2026, 11, 23)


@pytest.fixture
def used(tmp_path: Path):  # noqa: ANN201
    """A letter sent in week 48, the space opened and « je dépose » answered the same week."""
    config = example_config(tmp_path)
    store = filled_store(config)
    fix_today(AS_OF)
    run_weekly(config, store, iso_week(AS_OF), AS_OF, send=True)
    contact = store.contacts()[0]
    WebQueries(store).record_visit(contact.id, AS_OF)
    record_answer(store, contact, store.matches()[0].id, "je_depose", None, AS_OF)
    yield config, store
    store.close()


def test_vigie_stats_prints_a_french_table_per_week_and_territory(capsys, used, monkeypatch) -> None:  # noqa: ANN001
    config, _ = used
    monkeypatch.setenv("COLUMNS", "200")
    result = run_cli(capsys, "--config", str(config.directory), "--as-of", "2026-11-25", "stats", "--semaines", "2")
    assert result.code == 0, result.err
    assert "2026-W48 (23/11 – 29/11/2026)" in result.out and "Gers – Lomagne" in result.out
    assert "Je dépose" in result.out and "Propositions envoyées" in result.out


@pytest.mark.parametrize("args, named", [(["--territoire", "inconnu"], "--territoire inconnu"),
                                         (["--semaines", "0"], "--semaines 0")], ids=["territory", "weeks"])
def test_vigie_stats_names_a_bad_option_in_french(capsys, used, args, named) -> None:  # noqa: ANN001
    config, _ = used
    result = run_cli(capsys, "--config", str(config.directory), "stats", *args)
    assert result.code != 0 and named in result.out + result.err and "Traceback" not in result.out + result.err


def test_the_statistics_page_shows_the_same_figures(used, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    config, store = used
    monkeypatch.setenv("VIGIE_SECRET_KEY", "une-cle-secrete-de-test-assez-longue-0123456789")
    from test_web_world import password_hash
    from conftest import NOW

    store.add_user("camille", password_hash(), "chef_de_projet", ["gers-lomagne"], NOW)
    with TestClient(create_app(config, store, lambda: AS_OF)) as client:
        login(client, "camille")
        page = html.unescape(client.get("/statistiques?semaines=2").text)
    assert "2026-W48 (23/11 – 29/11/2026)" in page
    assert "<td>1</td><td>1</td><td>0</td><td>0</td><td>1</td>" in page.replace("\n", "")


@pytest.mark.parametrize("day, words", [(date(2026, 11, 23), "aujourd'hui"), (date(2026, 11, 24), "demain"),
                                        (date(2026, 12, 5), "dans 12 jours"), (date(2026, 11, 20), "il y a 3 jours")],
                         ids=["today", "tomorrow", "days", "past"])
def test_a_countdown_reads_in_french(day: date, words: str) -> None:
    assert days_until(day, AS_OF) == words
