"""Co-financing and follow-up in French for people (models.display's conventions): the cumulated public aid
against its ceiling, amounts, days elapsed. Shared by the fiche page, the COPIL report and the chef's letter."""

from __future__ import annotations

from models.cofinancing import Cofinancing
from models.display import UNKNOWN, euros, percent, short_date
from models.followup import OverdueDossier


def rate_or_unknown(rate: float | None) -> str:
    """« 62 % », or « inconnu » when no evidence gives it."""
    return UNKNOWN if rate is None else percent(round(rate))


def aid_rate_line(funding: Cofinancing) -> str:
    """« taux d'aides publiques cumulées : 62 % pour un plafond de 80 % » (« inconnu » where unknown)."""
    ceiling = f"un plafond de {percent(funding.ceiling)}" if funding.ceiling is not None else "un plafond inconnu"
    return f"taux d'aides publiques cumulées : {rate_or_unknown(funding.aid_rate)} pour {ceiling}"


def euros_or_unknown(amount: float | None) -> str:
    """« 150 000 € », or « inconnu » (a need or a budget the plan does not give)."""
    return UNKNOWN if amount is None else euros(amount)


def amount_field(amount: float | None) -> str:
    """An amount as a form field shows it, readable back by the form: « 150 000 », « 150 000,50 », "" when
    absent (plain spaces: a French keyboard types them)."""
    if amount is None:
        return ""
    whole = f"{int(amount):,}".replace(",", " ")
    cents = round((amount - int(amount)) * 100)
    return f"{whole},{cents:02d}" if cents else whole


def days_elapsed(count: int) -> str:
    """« 1 jour », « 120 jours »."""
    return f"{count}\u00a0jour{'s' if count > 1 else ''}"


def overdue_line(dossier: OverdueDossier) -> str:
    """« déposé, sans réponse 120 jours après la clôture du 15/01/2027 »."""
    return (f"déposé, sans réponse {days_elapsed(dossier.days)} après la clôture du "
            f"{short_date(dossier.deadline)}")
