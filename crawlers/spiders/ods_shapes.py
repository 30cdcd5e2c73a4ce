"""Field mappings of the Opendatasoft datasets, chosen by which fields a record has (not by slug).

- Île-de-France `aides-appels-a-projets` (sources.md §2): id_aide, nom_de_l_aide_de_la_demarche…; its close
  date is `date_cloture`, and the sessions the texts list (« 1ère session de dépôt : jusqu'au 13 octobre 2026 »
  in `modalite`, `demarches` or `notes`) are deadlines too;
- Occitanie `aides-et-appels-a-projets-de-la-region-occitanie` (§3): titre, type, chapo, introduction…
"""

from __future__ import annotations

import re
from typing import Any

from crawlers.items import RawItem
from crawlers.normalise.dates import find_deadlines
from crawlers.normalise.text import first_link, html_to_text, split_labels
from crawlers.options import OpendatasoftOptions
from crawlers.spiders.stated_deadlines import close_dates

IDF_PAGE = "https://www.iledefrance.fr/aides-et-appels-a-projets/{}"
IDF_CALENDAR_TEXTS = ("modalite", "demarches", "notes")
"""IDF fields (HTML) whose text may list the sessions' deadlines."""
_HIGHLIGHT = re.compile(r"<span[^>]*titre_surligne[^>]*>(.*?)</span>", re.IGNORECASE | re.DOTALL)
_CLOSED_MARK = re.compile(r"\s*(?:[-–:]\s*clos\b|\(\s*clos\s*\)|^\s*clos\s*[-–:])\s*", re.IGNORECASE)
_CLOSED_TEXT = re.compile(r"^\s*(cet|cette) (appel|aide|dispositif)[^.]{0,40}\best (clos|close|fermée?)", re.IGNORECASE)
_ALL_YEAR = re.compile(r"tout au long de l['’]ann[ée]e|au fil de l['’]eau|sans date limite", re.IGNORECASE)


def map_ods_record(fields: dict[str, Any], source: str, position: int, options: OpendatasoftOptions) -> RawItem:
    """The RawItem of one flat record; an unknown layout gives an item without title (dropped)."""
    if "nom_de_l_aide_de_la_demarche" in fields or "id_aide" in fields:
        return map_idf_record(fields, source, position, options)
    if "titre" in fields:
        return map_occitanie_record(fields, source, position, options)
    return RawItem(source=source, position=position, url=str(fields.get("url") or ""), raw=fields)


def map_idf_record(f: dict[str, Any], source: str, position: int, options: OpendatasoftOptions) -> RawItem:
    """Île-de-France guide des aides."""
    reference = _text(f, "reference_administrative")
    modalities = _text(f, "modalite_txt") or html_to_text(_text(f, "modalite"))
    objectives = _text(f, "objectif_txt") or html_to_text(_text(f, "objectif"))
    notes = _text(f, "notes_txt") or html_to_text(_text(f, "notes"))
    return RawItem(
        source=source,
        position=position,
        url=_text(f, "url_descriptif") or (IDF_PAGE.format(reference) if reference else ""),
        source_id=_text(f, "id_aide") or reference or _text(f, "recordid"),
        title=_text(f, "titre_alternatif_de_l_aide") or _text(f, "nom_de_l_aide_de_la_demarche"),
        summary=_text(f, "chapo_txt") or _text(f, "entete"),
        description="\n\n".join(" ".join(part.split()) for part in (objectives, modalities, notes) if part),
        eligibility_text=_text(f, "publicsbeneficiaireprecision"),
        apply_url=first_link(_text(f, "demarches")) or first_link(_text(f, "demarches_txt")),
        funders=[_text(f, "porteur_aide") or options.funder],
        beneficiary_labels=split_labels(f.get("qui_peut_en_beneficier") or f.get("qui"), "|||"),
        geo_codes=list(options.geo),
        themes=split_labels(f.get("theme"), "|||") + split_labels(f.get("mots_cles"), "|||"),
        open_date=_text(f, "date_ouverture") or None,
        close_dates=close_dates(_text(f, "date_cloture"), *(_text(f, key) for key in IDF_CALENDAR_TEXTS),
                                opening=_text(f, "date_ouverture")),
        next_campaign=_text(f, "datedebutfuturcampagne") or None,
        amount_text=modalities,
        updated_at=_text(f, "date") or None,
        raw=f,
    )


def map_occitanie_record(f: dict[str, Any], source: str, position: int, options: OpendatasoftOptions) -> RawItem:
    """Occitanie aides et appels à projets (no close-date field: "Clos" marks and text deadlines)."""
    highlight, title = split_highlight(_text(f, "titre"))
    title_text = html_to_text(title)
    introduction = html_to_text(_text(f, "introduction"))
    body = f"{_text(f, 'chapo')}\n{introduction}"
    closed = bool(_CLOSED_MARK.search(title_text)) or says_closed(introduction)
    url = _text(f, "url")
    return RawItem(
        source=source,
        position=position,
        url=url,
        source_id=_text(f, "recordid") or "",
        title=_CLOSED_MARK.sub(" ", title_text).strip(),
        summary=_text(f, "chapo"),
        description=_text(f, "introduction"),
        funders=[options.funder],
        instrument_labels=[label for label in (highlight, _text(f, "type")) if label],
        geo_codes=list(options.geo),
        themes=split_labels(f.get("thematiques") or f.get("thematique"), ","),
        open_date=_text(f, "date_publication") or None,
        close_dates=[d.isoformat() for d in find_deadlines(body)],
        permanent=bool(_ALL_YEAR.search(body)),
        closed=closed,
        amount_text=body,
        updated_at=_text(f, "date_modification") or None,
        raw=f,
    )


def says_closed(text: str) -> bool:
    """A line of the text opens with « Cet appel à projets est clos » (or « Cette aide est close »…)."""
    return any(_CLOSED_TEXT.search(line) for line in text.splitlines())


def split_highlight(title_html: str) -> tuple[str, str]:
    """("Appels à projets", rest) from `<span class="titre_surligne">Appels à projets</span> rest`."""
    match = _HIGHLIGHT.search(title_html)
    if not match:
        return "", title_html
    return html_to_text(match[1]), (title_html[: match.start()] + title_html[match.end():]).strip()


def _text(fields: dict[str, Any], key: str) -> str:
    value = fields.get(key)
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return str(value).strip()
