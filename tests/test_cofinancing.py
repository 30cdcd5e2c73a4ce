"""Co-financing of a fiche and dossiers without outcome: the pure rules, table by table."""

from __future__ import annotations

from datetime import date

import pytest

from models.cofinancing import FundingLine, cofinancing
from models.display_funding import aid_rate_line
from models.followup import dossier_deadline, overdue


def line(status: str | None, requested: float | None = None, obtained: float | None = None,
         rate: float | None = None) -> FundingLine:
    return FundingLine("Appel", ("ADEME",), status, requested, obtained, rate)


RATES = [  # budget, lines, expected sentence
    (1_000_000, [line("obtenu", 400_000, 350_000, 80), line("depose", 270_000)],
     "taux d'aides publiques cumulées : 62\u202f% pour un plafond de 80\u202f%"),
    (1_000_000, [line("obtenu", 400_000, 350_000, 80), line("depose", 270_000, rate=50)],
     "taux d'aides publiques cumulées : 62\u202f% pour un plafond de 50\u202f%"),
    (None, [line("depose", 100_000, rate=40)],
     "taux d'aides publiques cumulées : inconnu pour un plafond de 40\u202f%"),
    (500_000, [line("a_deposer", 100_000)], "taux d'aides publiques cumulées : 20\u202f% pour un plafond inconnu"),
    (500_000, [line("a_deposer")], "taux d'aides publiques cumulées : inconnu pour un plafond inconnu"),
    (500_000, [line("obtenu", 100_000, None)], "taux d'aides publiques cumulées : 20\u202f% pour un plafond inconnu"),
    (500_000, [line("refuse", 100_000, rate=10), line("a_etudier", 50_000, rate=5)],
     "taux d'aides publiques cumulées : inconnu pour un plafond inconnu"),
]


@pytest.mark.parametrize(("budget", "lines", "expected"), RATES,
                         ids=["obtained-then-requested", "lowest-ceiling", "no-budget", "no-rate-stated",
                              "no-amount", "obtained-unknown-uses-requested", "outside-the-plan"])
def test_cumulated_aid_against_the_lowest_stated_ceiling(budget, lines, expected) -> None:  # noqa: ANN001
    assert aid_rate_line(cofinancing(budget, None, lines)) == expected


UNCOVERED = [  # need, lines, uncovered, after pending
    (800_000, [line("obtenu", 400_000, 350_000), line("depose", 270_000)], 450_000, 180_000),
    (800_000, [line("a_deposer", 100_000), line("refuse", 300_000)], 800_000, 700_000),
    (100_000, [line("obtenu", 0, 150_000)], 0, 0),
    (None, [line("obtenu", 0, 150_000)], None, None),
]


@pytest.mark.parametrize(("need", "lines", "uncovered", "after"), UNCOVERED,
                         ids=["obtained-and-pending", "refused-does-not-count", "never-below-zero", "no-need"])
def test_uncovered_need(need, lines, uncovered, after) -> None:  # noqa: ANN001
    funding = cofinancing(None, need, lines)
    assert (funding.uncovered, funding.uncovered_after_pending) == (uncovered, after)


def test_over_ceiling_is_flagged() -> None:
    assert cofinancing(100_000, None, [line("obtenu", 0, 90_000, 80)]).over_ceiling
    assert not cofinancing(100_000, None, [line("obtenu", 0, 70_000, 80)]).over_ceiling


DEADLINES = [  # close dates, filed on, today, deadline
    ([date(2027, 1, 31), date(2027, 9, 30)], date(2026, 12, 10), date(2027, 6, 1), date(2027, 1, 31)),
    ([date(2027, 1, 31), date(2027, 9, 30)], date(2027, 2, 10), date(2027, 6, 1), date(2027, 9, 30)),
    ([date(2027, 1, 31)], None, date(2027, 6, 1), date(2027, 1, 31)),
    ([date(2027, 1, 31)], date(2027, 3, 1), date(2027, 6, 1), date(2027, 1, 31)),
    ([], date(2027, 1, 5), date(2027, 6, 1), date(2027, 1, 5)),
    ([], None, date(2027, 6, 1), None),
]


@pytest.mark.parametrize(("closes", "filed", "today", "expected"), DEADLINES,
                         ids=["relève-filed-for", "next-relève", "no-filing-date", "filed-late",
                              "permanent-from-filing", "nothing-dates-it"])
def test_deadline_of_a_filed_dossier(closes, filed, today, expected) -> None:  # noqa: ANN001
    assert dossier_deadline(closes, filed, today) == expected


OVERDUE = [  # status, close dates, filed on, today, days (None: not listed)
    ("depose", [date(2027, 1, 31)], date(2026, 12, 10), date(2027, 6, 1), 121),
    ("depose", [date(2027, 1, 31)], date(2026, 12, 10), date(2027, 5, 1), 90),
    ("depose", [date(2027, 1, 31)], date(2026, 12, 10), date(2027, 4, 30), None),
    ("obtenu", [date(2027, 1, 31)], date(2026, 12, 10), date(2027, 6, 1), None),
    ("refuse", [date(2027, 1, 31)], date(2026, 12, 10), date(2027, 6, 1), None),
    ("depose", [], None, date(2027, 6, 1), None),
]


@pytest.mark.parametrize(("status", "closes", "filed", "today", "days"), OVERDUE,
                         ids=["121-days", "exactly-90", "89-days", "obtained", "refused", "undated"])
def test_filed_dossier_without_outcome_after_90_days(status, closes, filed, today, days) -> None:  # noqa: ANN001
    found = overdue(7, status, closes, filed, today)
    assert (found.days if found else None) == days
