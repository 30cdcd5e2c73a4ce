"""`vigie export ics --porteur ID`: the porteur's calendar, the open calls its letters announced."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar

from clirun import run_cli
from digestworld import example_config, filled_store
from vigie.pipeline.weekly import run_weekly


@pytest.fixture
def conf(tmp_path: Path) -> Path:
    config = example_config(tmp_path)
    store = filled_store(config)
    run_weekly(config, store, "2026-W48", date(2026, 11, 23), send=True)  # the accepted call is announced
    store.close()
    return config.directory


def test_the_calendar_holds_the_next_releve_of_each_announced_open_call(capsys, conf: Path, tmp_path: Path) -> None:  # noqa: ANN001
    target = tmp_path / "lomagne.ics"
    result = run_cli(capsys, "--config", str(conf), "--as-of", "2026-11-23", "export", "ics",
                     "--porteur", "cc-lomagne", "--output", str(target))
    assert result.code == 0 and "1 échéance écrite" in result.out
    [event] = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert str(event["summary"]).startswith("Clôture : Réseaux de chaleur")
    assert event.decoded("dtstart").isoformat() == "2027-01-15"


def test_the_calendar_goes_to_standard_output_by_default(capsys, conf: Path) -> None:  # noqa: ANN001
    result = run_cli(capsys, "--config", str(conf), "--as-of", "2027-02-01", "export", "ics", "--porteur", "cc-lomagne")
    assert result.code == 0 and result.out.startswith("BEGIN:VCALENDAR") and "VEVENT" not in result.out


def test_an_unknown_porteur_is_one_french_line(capsys, conf: Path) -> None:  # noqa: ANN001
    result = run_cli(capsys, "--config", str(conf), "export", "ics", "--porteur", "inconnu")
    assert result.code != 0 and "porteur inconnu: inconnu" in result.out + result.err
