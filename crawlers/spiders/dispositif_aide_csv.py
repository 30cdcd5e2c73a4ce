"""A CSV in the etalab dispositif-aide schema (Mission transition écologique on data.gouv.fr, §12)."""

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
from crawlers.normalise.text import first_link, split_labels, without_tracking
from crawlers.spiders.base import SourceSpider

REQUIRED_COLUMNS = ("id", "titre", "url_source", "date_mise_a_jour")
_OPERATOR_LINK = re.compile(r"Lien externe de pr[ée]sentation de l['’]aide\s*:?\s*(https?://\S+)", re.IGNORECASE)


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
    description = row.get("description") or ""
    closing = (row.get("date_cloture") or "").strip()
    return RawItem(
        source=source,
        position=position,
        url=without_tracking(row.get("url_source") or ""),
        source_id=(row.get("id") or "").strip(),
        title=row.get("titre") or "",
        summary=row.get("promesse") or "",
        description=description,
        eligibility_text=row.get("eligibilite") or "",
        apply_url=operator_link(description),
        funders=porteur_names(row.get("porteurs") or ""),
        programmes=split_labels(row.get("programmes_parents"), "|"),
        instrument_labels=split_labels(row.get("types_aides"), "|"),
        beneficiary_labels=split_labels(row.get("cibles"), "|"),
        geo_codes=split_labels(row.get("eligibilite_geographique"), "|"),
        geo_exclusions=split_labels(row.get("eligibilite_geographique_exclusions"), "|"),
        open_date=(row.get("date_ouverture") or "").strip() or None,
        close_dates=[closing] if closing else [],
        # A catalogue entry without a closing date is a standing offer.
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
