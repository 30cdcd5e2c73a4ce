"""French formatting of a call's facts for the digest: dates, amounts, funders, instruments, links."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlsplit

from models.records import OpportunityData
from models.vocab import Instrument

NBSP = "\u00a0"
"""Non-breaking space: between digit groups and before € and % (French typography)."""

INSTRUMENT_LABELS = {
    Instrument.SUBVENTION: "subvention",
    Instrument.PRET: "prêt",
    Instrument.AVANCE_REMBOURSABLE: "avance remboursable",
    Instrument.GARANTIE: "garantie",
    Instrument.FONDS_PROPRES: "fonds propres",
    Instrument.AAP: "appel à projets",
    Instrument.AMI: "appel à manifestation d'intérêt",
    Instrument.CONCOURS: "concours",
    Instrument.APPEL_OFFRES: "appel d'offres",
    Instrument.ACCOMPAGNEMENT: "accompagnement",
    Instrument.CEE: "certificats d'économies d'énergie",
    Instrument.AVANTAGE_FISCAL: "avantage fiscal",
}


def one_line(text: str) -> str:
    """Crawled text on one line: runs of whitespace (newlines, tabs) become one space."""
    return " ".join(text.split())


def safe_url(url: str | None) -> str | None:
    """The URL when it is an http(s) link with a host, else None (shown as plain text, never linked)."""
    if not url or any(ch.isspace() or ord(ch) < 32 for ch in url):
        return None
    parts = urlsplit(url)
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def fr_date(day: date) -> str:
    """15/01/2027."""
    return day.strftime("%d/%m/%Y")


def countdown(day: date, as_of: date) -> str:
    """J-52 (J-0 on the day itself)."""
    return f"J-{(day - as_of).days}"


def deadline_label(day: date, as_of: date) -> str:
    """15/01/2027 (J-52)."""
    return f"{fr_date(day)} ({countdown(day, as_of)})"


def euros(amount: float) -> str:
    """500 000 € (rounded to the euro, non-breaking spaces)."""
    return f"{round(amount):,}".replace(",", NBSP) + f"{NBSP}€"


def percent(rate: float) -> str:
    """40 % or 12,5 %."""
    number = f"{rate:.1f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{number}{NBSP}%"


def amount_line(opp: OpportunityData) -> str:
    """"de 10 000 € à 500 000 € · taux max 40 %", or "" when nothing is known."""
    parts = []
    low, high = opp.amount_min, opp.amount_max
    if low and high and low != high:
        parts.append(f"de {euros(low)} à {euros(high)}")
    elif low and low == high:
        parts.append(f"montant {euros(low)}")
    elif high:
        parts.append(f"jusqu'à {euros(high)}")
    elif low:
        parts.append(f"à partir de {euros(low)}")
    if opp.rate_max:
        parts.append(f"taux max {percent(opp.rate_max)}")
    return " · ".join(parts)


def funding_line(opp: OpportunityData) -> str:
    """Programmes then funders, deduplicated: "France 2030 · ADEME"."""
    names = [one_line(n) for n in [*opp.programmes, *opp.funders] if n.strip()]
    return " · ".join(dict.fromkeys(names))


def instruments_line(opp: OpportunityData) -> str:
    """"subvention · appel à projets"."""
    labels = [INSTRUMENT_LABELS.get(i, str(i)) for i in opp.instruments]
    return " · ".join(dict.fromkeys(labels))


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """"1 appel", "3 appels"."""
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count} {word}"
