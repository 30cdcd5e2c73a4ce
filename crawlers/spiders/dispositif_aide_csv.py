"""A CSV in the etalab dispositif-aide schema (Mission transition écologique on data.gouv.fr, §12).

`date_cloture` is filled for few rows: the deadlines and relèves that `promesse`, `description` and
`eligibilite` state are close dates too. `cibles` are broad families (« professionnels »); the company
sizes of the eligibility's size line narrow them, and the eligibility text's applicants are read at
normalisation (crawlers/normalise/record.py).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from typing import Any

from scrapy.http import Request, Response

from crawlers.fingerprints import SeenUnchanged
from crawlers.items import RawItem
from crawlers.normalise.beneficiaries import beneficiary_labels_in_text, map_beneficiaries, names_every_size
from crawlers.normalise.text import first_link, fold, split_labels, without_tracking
from crawlers.spiders.base import SourceSpider
from crawlers.spiders.stated_deadlines import close_dates
from models.vocab import COMPANY_SIZES

REQUIRED_COLUMNS = ("id", "titre", "url_source", "date_mise_a_jour")
_OPERATOR_LINK = re.compile(r"Lien externe de pr[ée]sentation de l['’]aide\s*:?\s*(https?://\S+)", re.IGNORECASE)
_SIZE_LINE = re.compile(r"nombre de salari[ée]s[ \t]*:[ \t]*(?P<value>[^\n]*)", re.IGNORECASE)
_HEADCOUNT_BAND = re.compile(r"(?P<low>\d[\d ]*?)\s*-\s*(?:(?P<high>\d[\d ]*)|pas de taille maximale)", re.IGNORECASE)
_OVERSEAS_COLLECTIVITY = re.compile(r"COM-9(?:7[578]|8[46789])")
"""COG codes of the collectivités d'outre-mer (COM-987 Polynésie française, COM-988 Nouvelle-Calédonie…)."""


class DispositifAideCsvSpider(SourceSpider):
    """The whole file in one response; one item per row."""

    name = "dispositif_aide_csv"

    async def start(self) -> Any:
        """The CSV file."""
        yield self.request(self.source.url, self.parse)

    def parse(self, response: Response, **kwargs: Any) -> Iterator[RawItem | SeenUnchanged | Request]:
        """Items of the file; missing schema columns fail the source (its layout changed)."""
        if not self.accept(response):
            return
        try:
            text = response.body.decode("utf-8-sig")
        except UnicodeDecodeError:
            self.fail(f"fichier CSV illisible (encodage autre que UTF-8) : {response.url}")
            return
        reader = csv.DictReader(io.StringIO(text, newline=""))
        missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            self.fail(f"colonnes absentes du CSV dispositif-aide : {', '.join(missing)} : {response.url}")
            return
        for row in reader:
            yield self.settle(map_dispositif_row(row, self.source.slug, self.next_position()))


def map_dispositif_row(row: dict[str, str], source: str, position: int) -> RawItem:
    """The RawItem of one dispositif-aide row."""
    description, eligibility = row.get("description") or "", row.get("eligibilite") or ""
    closing = close_dates(row.get("date_cloture"), row.get("promesse"), description, eligibility,
                          opening=row.get("date_ouverture"))
    return RawItem(
        source=source,
        position=position,
        url=without_tracking(row.get("url_source") or ""),
        source_id=(row.get("id") or "").strip(),
        title=row.get("titre") or "",
        summary=row.get("promesse") or "",
        description=description,
        eligibility_text=eligibility,
        apply_url=operator_link(description),
        funders=porteur_names(row.get("porteurs") or ""),
        programmes=split_labels(row.get("programmes_parents"), "|"),
        instrument_labels=split_labels(row.get("types_aides"), "|"),
        beneficiary_labels=cible_labels(split_labels(row.get("cibles"), "|"), eligibility),
        labels_are_families=True,
        geo_codes=covered_codes(split_labels(row.get("eligibilite_geographique"), "|")),
        geo_exclusions=without_overseas(split_labels(row.get("eligibilite_geographique_exclusions"), "|")),
        open_date=(row.get("date_ouverture") or "").strip() or None,
        close_dates=closing,
        # A catalogue entry with no closing date, in its field or its texts, is a standing offer.
        permanent=not closing,
        amount_text=description,
        updated_at=(row.get("date_mise_a_jour") or "").strip() or None,
        raw=dict(row),
    )


def porteur_names(value: str) -> list[str]:
    """Names in the `porteurs` JSON list (an unreadable list gives no names, not a failure)."""
    try:
        porteurs = json.loads(value) if value.strip() else []
    except ValueError:
        return []
    return [str(p["nom"]).strip() for p in porteurs if isinstance(p, dict) and p.get("nom")]


def operator_link(description: str) -> str | None:
    """The operator's page named after "Lien externe de présentation de l'aide"."""
    match = _OPERATOR_LINK.search(description)
    link = first_link(match[1]) if match else None
    return without_tracking(link) if link else None


def cible_labels(cibles: list[str], eligibility: str) -> list[str]:
    """The `cibles` families, « professionnels » narrowed to the company sizes of the eligibility's size line;
    `cibles` that name every size (« PME|ETI|grandes entreprises ») are « entreprises » (a company of unknown size
    too), where a size line from a headcount (« 10 - Pas de taille maximale ») is not.

    The text's own applicants are read at normalisation; these labels stand when it names none."""
    if names_every_size(cibles):
        cibles = [*(c for c in cibles if not _size_label(c)), "entreprises"]
    sizes = company_sizes(eligibility)
    if not sizes:
        return cibles
    return list(dict.fromkeys(s for label in cibles for s in (sizes if fold(label) == "professionnels" else [label])))


def _size_label(label: str) -> bool:
    """« PME », « grandes entreprises »: a label that names company sizes only."""
    named = map_beneficiaries([label])
    return bool(named) and all(b in COMPANY_SIZES for b in named)


def company_sizes(eligibility: str) -> list[str]:
    """Labels of the sizes the line « Eligibilité en fonction du nombre de salariés: 10 - 249 » admits
    (« 0 - Pas de taille maximale », « Toutes tailles »: every size, that is « Entreprise »); [] without it.

    The band is read by the same headcount rules as prose, with the EU thresholds kept there."""
    line = _SIZE_LINE.search(eligibility)
    if not line or not line["value"].strip():
        return []
    value = line["value"].strip()
    band = _HEADCOUNT_BAND.fullmatch(value)
    if band:
        high = band["high"]
        value = f"de {band['low']} à {high} salariés" if high else f"de {band['low']} salariés et plus"
    return beneficiary_labels_in_text(f"Entreprises {value}")


def covered_codes(codes: list[str]) -> list[str]:
    """The territories without the collectivités d'outre-mer, which hold no Territoire d'industrie; a row
    naming only those keeps them, and the record check refuses it with its reason."""
    return without_overseas(codes) or codes


def without_overseas(codes: list[str]) -> list[str]:
    """`codes` without those of the collectivités d'outre-mer."""
    return [c for c in codes if not _OVERSEAS_COLLECTIVITY.fullmatch(c)]
