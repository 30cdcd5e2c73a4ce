"""RawItem → OpportunityData: the one place where a crawled item becomes a validated record."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import ValidationError

from crawlers.items import RawItem
from crawlers.normalise.amounts import extract_amounts
from crawlers.normalise.applicants import firmly_stated, read_description, read_eligibility, stated_applicants
from crawlers.normalise.beneficiaries import call_beneficiaries, map_beneficiaries
from crawlers.normalise.families import family_of, within_families
from crawlers.normalise.dates import DateError, parse_datetime, parse_optional_date
from crawlers.normalise.commune_limits import limited_to_communes
from crawlers.normalise.departement_limits import limited_coverage
from crawlers.normalise.epci_limits import epcis_left_out
from crawlers.normalise.evidence import call_evidence
from crawlers.normalise.instruments import call_formats_in_text, map_instruments, money_instruments_in_text
from crawlers.normalise.programmes import programmes_in_text
from crawlers.normalise.sentences import split_sentences
from crawlers.normalise.text import canonical_url, html_to_text, one_line
from models import geo
from models.records import OpportunityData, status_as_of
from models.vocab import Recurrence, Status


class ItemRejected(ValueError):
    """An item that cannot become a record; the message is the French reason."""


def normalise_item(item: RawItem, as_of: date) -> OpportunityData:
    """Normalise and validate one raw item; raises ItemRejected with a French reason."""
    title = one_line(item.title)
    if not title:
        raise ItemRejected("titre manquant")
    if not item.url.strip():
        raise ItemRejected("lien manquant")
    open_date, close_dates, recurrence = _calendar(item, as_of)
    summary, description = one_line(item.summary), html_to_text(item.description)
    eligibility_text = html_to_text(item.eligibility_text)
    amount_text = html_to_text(item.amount_text) or description
    amounts = extract_amounts(amount_text)
    stated = Status.CLOSED if item.closed else (Status.UPCOMING if item.upcoming else None)
    status = status_as_of(open_date, close_dates, recurrence, as_of, stated)
    fields = dict(
        source=item.source,
        source_id=item.source_id.strip() or canonical_url(item.url),
        url=item.url.strip(),
        apply_url=item.apply_url,
        title=title,
        summary=summary,
        description=description,
        eligibility_text=eligibility_text,
        funders=_unique(one_line(f) for f in item.funders),
        programmes=_unique([*item.programmes, *programmes_in_text(f"{title} {summary} {description}")]),
        instruments=_unique([
            *map_instruments(item.instrument_labels), *call_formats_in_text(title),
            *money_instruments_in_text(amount_text),
        ]),
        beneficiaries=_applicants(item, eligibility_text, f"{summary}\n{description}"),
        **_coverage(item, f"{eligibility_text}\n{description}\n{summary}"),
        geo_scope=item.geo_scope,
        themes=_unique(one_line(t) for t in item.themes),
        open_date=open_date,
        close_dates=close_dates,
        recurrence=recurrence,
        amount_min=item.amount_min if item.amount_min is not None else amounts.amount_min,
        amount_max=item.amount_max if item.amount_max is not None else amounts.amount_max,
        project_min=amounts.project_min,
        project_max=amounts.project_max,
        rate_max=amounts.rate_max,
        status=status,
        stated_status=stated,
        source_updated_at=_stamp(item.updated_at),
        raw=item.raw or None,
    )
    try:
        record = OpportunityData(**fields)
    except ValidationError as exc:
        raise ItemRejected(explain_validation(exc)) from exc
    return record.model_copy(update={"evidence": call_evidence(item, record)})


def _applicants(item: RawItem, eligibility_text: str, prose: str) -> list:
    """Who may apply; broad audience families bound the text's applicants, but not those an eligibility sentence,
    or else a description's plain statement of who files, names."""
    found = call_beneficiaries(item.beneficiary_labels, eligibility_text, prose)
    if not item.labels_are_families:
        return found
    labelled = map_beneficiaries(item.beneficiary_labels)
    reading = read_eligibility(eligibility_text)
    summary = not reading.applicants
    every_size = reading.all_sizes or read_description(prose).all_sizes  # « de toute taille » is broader than « PME »
    stated = stated_applicants(eligibility_text)  # « Peuvent déposer : … les syndicats mixtes » beyond the labels
    beyond = [] if stated else [b for b in firmly_stated(prose) if b in found and b not in family_of(labelled)]
    inside = [b for b in found if b not in beyond]
    kept = within_families(inside, labelled, summary, every_size) if inside else []
    return [*kept, *(b for b in found if b in stated and b not in kept), *beyond]


def _coverage(item: RawItem, text: str) -> dict[str, list[str]]:
    """The source's coverage, narrowed to the départements, else the communes, the text limits the call to, less the
    intercommunalities it leaves out."""
    sentences = split_sentences(text)
    limits = limited_coverage(sentences, item.geo_codes)
    towns = limited_to_communes(sentences, item.geo_codes) if limits is None and item.geo_codes else []
    codes, left_out = (towns, []) if towns else limits or (item.geo_codes, [])  # « Ateliers situés à Thiers… »
    groups = [e for e in epcis_left_out(sentences) if not codes or geo.covers(codes, [], [e])]  # « Hors Métropole… »
    return {"geo_codes": codes, "geo_exclusions": list(dict.fromkeys([*item.geo_exclusions, *left_out, *groups]))}


def explain_validation(exc: ValidationError) -> str:
    """The first problems of a pydantic error, in one French line."""
    parts = []
    for error in exc.errors()[:3]:
        where = ".".join(str(part) for part in error["loc"])
        parts.append(f"champ {where} : {error['msg'].removeprefix('Value error, ')}")
    return "donnée refusée (" + "; ".join(parts) + ")"


def _calendar(item: RawItem, as_of: date) -> tuple[date | None, list[date], Recurrence | None]:
    open_date = _day(item.open_date, "ouverture")
    close_dates = [d for d in (_day(text, "clôture") for text in item.close_dates) if d]
    next_start = _day(item.next_campaign, "prochaine campagne")
    if next_start:
        # A campaign whose last date is still ahead runs until then, whatever the next one's start.
        ended = all(d < as_of for d in close_dates)
        before_next = all(d < next_start for d in close_dates) and (open_date is None or open_date < next_start)
        past_campaign = ended and before_next
        if past_campaign:
            # The published dates belong to the campaign that ended: follow the next one.
            open_date, close_dates = next_start, []
    if open_date:
        # No relève falls before the call opened. An earlier one is dropped, not re-dated: it is a past
        # edition's date or a year the text left out, and a year moved forward is one no source wrote.
        close_dates = [d for d in close_dates if d >= open_date]
    if next_start:
        return open_date, close_dates, Recurrence.RECURRENTE
    return open_date, close_dates, Recurrence.PERMANENTE if item.permanent and not close_dates else None


def _day(text: str | None, what: str) -> date | None:
    try:
        return parse_optional_date(text)
    except DateError as exc:
        raise ItemRejected(f"date invalide « {(text or '').strip()[:40]} » ({what})") from exc


def _stamp(text: str | None) -> datetime | None:
    if not text or not text.strip():
        return None
    try:
        return parse_datetime(text)
    except (DateError, ValueError, TypeError):
        return None  # a volatile field: a bad stamp never costs the record


def _unique(values: object) -> list:
    return list(dict.fromkeys(v for v in values if v))  # type: ignore[attr-defined]
