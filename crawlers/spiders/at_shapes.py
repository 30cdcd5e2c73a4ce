"""Aides-territoires aid object → RawItem (sources.md §10, §15).

Keys used: id, url (relative), name, financers[], programs[], description/eligibility (HTML),
perimeter + perimeter_scale, origin_url (the operator's page: kept as apply_url, the link the
cross-source deduplication compares), application_url, categories[], is_call_for_project,
targeted_audiences[] (the eligibility text's applicants win at normalisation), aid_types[], start_date,
submission_deadline (plus the deadlines description and eligibility state), subvention_rate_*_bound,
subvention_comment, loan_amount, recoverable_advance_amount, recurrence, date_updated, is_live.
"""

from __future__ import annotations

from typing import Any

from crawlers.items import RawItem
from crawlers.normalise.geography import region_codes_in_text
from crawlers.normalise.text import fold, split_labels, without_tracking
from crawlers.spiders.stated_deadlines import close_dates
from models import communes, geo

SITE = "https://aides-territoires.beta.gouv.fr"
"""Public pages of the aids (the API gives paths relative to it)."""
_NATIONAL_SCALES = {"pays", "continent"}


def map_aid(aid: dict[str, Any], source: str, position: int) -> RawItem:
    """The RawItem of one aid object."""
    path = _text(aid, "url")
    page = f"{SITE}{path}" if path.startswith("/") else path
    instruments = split_labels(aid.get("aid_types"), "|")
    if aid.get("is_call_for_project"):
        instruments.append("Appel à projets")
    return RawItem(
        source=source,
        position=position,
        url=page,
        source_id=_text(aid, "id"),
        title=_text(aid, "name") or _text(aid, "name_initial"),
        summary=_text(aid, "short_title"),
        description=_text(aid, "description"),
        eligibility_text=_text(aid, "eligibility"),
        apply_url=_operator_link(aid),
        funders=split_labels(aid.get("financers"), "|"),
        programmes=split_labels(aid.get("programs"), "|"),
        instrument_labels=instruments,
        beneficiary_labels=split_labels(aid.get("targeted_audiences"), "|"),
        labels_are_families=True,
        geo_codes=perimeter_codes(_text(aid, "perimeter"), _text(aid, "perimeter_scale")),
        themes=split_labels(aid.get("categories"), "|"),
        open_date=_text(aid, "start_date") or None,
        # `submission_deadline` is often empty while the texts state the deadline or the relèves.
        close_dates=[*_field_days(aid, "predeposit_date"), *close_dates(
            _text(aid, "submission_deadline"), _text(aid, "description"), _text(aid, "eligibility"),
            opening=_text(aid, "start_date"),
        )],
        permanent=fold(_text(aid, "recurrence")) == "permanente",
        closed=aid.get("is_live") is False,
        amount_text=amount_text(aid),
        updated_at=_text(aid, "date_updated") or None,
        raw=aid,
    )


def _field_days(aid: dict[str, Any], key: str) -> list[str]:
    """A date field as found, when filled: `predeposit_date` is the close date of a call's first stage."""
    value = _text(aid, key)
    return [value] if value else []


def perimeter_codes(perimeter: str, scale: str) -> list[str]:
    """COG codes of a perimeter when its scale says what it is and its name designates one place (else unknown:
    [] — an ad-hoc perimeter, or a commune name several comparable communes bear)."""
    scale = fold(scale)
    if scale in _NATIONAL_SCALES:
        return [geo.FRANCE]
    if scale in ("region", "regions"):
        return [c for c in region_codes_in_text(perimeter) if c != geo.FRANCE]
    if scale in ("departement", "departements"):
        wanted = fold(perimeter)
        return [f"DEP-{d.code}" for d in geo.departements().values() if fold(d.nom) == wanted]
    if scale in ("commune", "communes"):
        return [f"COM-{code}" for code in [communes.commune_named(perimeter)] if code]
    if scale in ("epci", "intercommunalite", "intercommunalites"):
        return [f"EPCI-{siren}" for siren in [communes.epci_named(perimeter)] if siren]
    return []


def amount_text(aid: dict[str, Any]) -> str:
    """The structured rates and amounts written as the sentences the amount extractor reads, then the
    description, where the aid's figures are often stated (« Subvention plafonnée à 500 000 € »)."""
    parts = []
    upper = aid.get("subvention_rate_upper_bound")
    if isinstance(upper, (int, float)) and 0 < upper <= 100:
        parts.append(f"Taux maximum de {upper:g} %.")
    for key, label in (("loan_amount", "Prêt"), ("recoverable_advance_amount", "Avance récupérable")):
        value = aid.get(key)
        if isinstance(value, (int, float)) and value > 0:
            parts.append(f"{label} jusqu'à {int(value)} €.")
    parts.append(_text(aid, "subvention_comment"))
    return "\n".join(p for p in (" ".join(p for p in parts if p), _text(aid, "description")) if p)


def _operator_link(aid: dict[str, Any]) -> str | None:
    for key in ("origin_url", "application_url"):
        link = _text(aid, key)
        if link.lower().startswith(("http://", "https://")):
            return without_tracking(link)
    return None


def _text(aid: dict[str, Any], key: str) -> str:
    value = aid.get(key)
    return "" if value is None else str(value).strip()
