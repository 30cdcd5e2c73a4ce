"""The outbox writer, the ICS calendar of deadlines, and the French formatting of amounts and links."""

from __future__ import annotations

import email
from datetime import UTC, date, datetime
from email import policy
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from factories import opportunity
from models.config.schema import SenderConfig
from models.records import ContactData, PorteurData
from notifier import DigestContent, DigestEntry, RenderedDigest, deadlines_ics, render_digest, write_outbox
from notifier.labels import amount_line, funding_line, safe_url

AS_OF = date(2026, 11, 24)


def entry(source_id: str = "aap-1", fiche: str = "F1", **changes: Any) -> DigestEntry:
    """A new call for fiche `fiche`."""
    reasons = ["termes : « biomasse »"]
    return DigestEntry(opportunity(source_id, **changes), fiche, f"Fiche {fiche}", 0.5, reasons, "nouveaux")


def rendered_digest() -> RenderedDigest:
    """A one-call digest with a deadline (hence an ICS attachment)."""
    porteur = PorteurData(id="cc-lomagne", nom="CC de la Lomagne gersoise", type="epci", territoire="gers-lomagne")
    content = DigestContent(porteur, ContactData(email="claire.dupont@example.org", nom="Claire Dupont"), "2026-W48",
                            AS_OF, [entry()], "https://vigie.example.org/desinscription/jeton")
    sent_at = datetime(2026, 11, 24, tzinfo=UTC)
    return render_digest(content, SenderConfig(), "digest-7@vigie.example.org", sent_at=sent_at)


def events(ics: bytes) -> list[Any]:
    return Calendar.from_ical(ics).walk("VEVENT")


def test_write_outbox_creates_the_folder_and_writes_eml_and_html(tmp_path: Path) -> None:
    rendered = rendered_digest()
    paths = write_outbox(rendered, tmp_path / "var" / "outbox", "2026-W48_cc-lomagne_1")
    assert [p.name for p in paths] == ["2026-W48_cc-lomagne_1.eml", "2026-W48_cc-lomagne_1.html"]
    assert paths[1].read_text(encoding="utf-8") == rendered.html
    assert sorted(p.name for p in paths[0].parent.iterdir()) == sorted(p.name for p in paths)


def test_outbox_eml_parses_back_to_the_same_message(tmp_path: Path) -> None:
    rendered = rendered_digest()
    eml, _ = write_outbox(rendered, tmp_path, "digest")
    parsed = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert parsed["Subject"] == rendered.subject
    assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert parsed.get_body(("plain",)).get_content() == rendered.text
    assert parsed.get_body(("html",)).get_content() == rendered.html
    assert [a.get_filename() for a in parsed.iter_attachments()] == ["echeances.ics"]


def test_the_ics_attachment_says_its_charset_so_a_mail_client_reads_cloture(tmp_path: Path) -> None:
    eml, _ = write_outbox(rendered_digest(), tmp_path, "digest")
    [ics] = email.message_from_bytes(eml.read_bytes(), policy=policy.default).iter_attachments()
    assert ics.get_content_type() == "text/calendar" and ics.get_content_charset() == "utf-8"
    assert "SUMMARY:Clôture : Réseaux de chaleur" in ics.get_content()
    assert "Vigie — échéances" in ics.get_content()


@pytest.mark.parametrize("stem", ["../evil", "a/b", "", ".."], ids=["parent", "subfolder", "empty", "dotdot"])
def test_write_outbox_refuses_a_stem_that_leaves_the_folder(tmp_path: Path, stem: str) -> None:
    with pytest.raises(ValueError, match="nom de fichier invalide"):
        write_outbox(rendered_digest(), tmp_path / "outbox", stem)


def test_calendar_has_one_all_day_event_per_call_with_a_coming_relève() -> None:
    ics = deadlines_ics([
        opportunity("a", title="Chaleur renouvelable", close_dates=[date(2026, 11, 1), date(2027, 1, 15)]),
        opportunity("a", title="Chaleur renouvelable", close_dates=[date(2026, 11, 1), date(2027, 1, 15)]),
        opportunity("b", close_dates=[]),
    ], AS_OF)
    [event] = events(ics)
    assert str(event["SUMMARY"]) == "Clôture : Chaleur renouvelable"
    assert event.decoded("DTSTART") == date(2027, 1, 15)
    assert event.decoded("DTEND") == date(2027, 1, 16)
    assert str(event["URL"]) == "https://example.org/aides/a"


def test_calendar_uid_is_stable_per_source_id_and_date() -> None:
    def uid(source_id: str, day: date) -> str:
        return str(events(deadlines_ics([opportunity(source_id, close_dates=[day])], AS_OF))[0]["UID"])

    assert uid("a", date(2027, 1, 15)) == uid("a", date(2027, 1, 15))
    assert uid("a", date(2027, 1, 15)) != uid("a", date(2027, 2, 15))
    assert uid("a", date(2027, 1, 15)) != uid("b", date(2027, 1, 15))


def test_calendar_is_the_same_bytes_for_the_same_calls_in_any_order() -> None:
    calls = [opportunity("a"), opportunity("b", close_dates=[date(2027, 3, 1)]), opportunity("c")]
    assert deadlines_ics(calls, AS_OF) == deadlines_ics(calls[::-1], AS_OF)


def test_a_calendar_built_from_cached_events_is_the_one_icalendar_builds() -> None:
    from icalendar import Calendar

    from notifier.calendar import _event_bytes, deadline_event

    calls = [opportunity("a", title="Chaleur ; « renouvelable », " * 8), opportunity("b", close_dates=[date(2027, 3, 1)])]
    first = deadlines_ics(calls, AS_OF)
    hits = _event_bytes.cache_info().hits
    assert deadlines_ics(calls, AS_OF) == first and _event_bytes.cache_info().hits == hits + 2
    expected = Calendar.from_ical(first)
    rebuilt = [deadline_event(c, AS_OF).to_ical() for c in calls]
    assert [c.to_ical() for c in expected.walk("VEVENT")] == rebuilt


def test_calendar_leaves_out_a_link_that_is_not_http() -> None:
    hostile = opportunity().model_copy(update={"url": "javascript:x"})  # bypasses validation, like a bad row
    [event] = events(deadlines_ics([hostile], AS_OF))
    assert "URL" not in event and "javascript" not in str(event["DESCRIPTION"])


@pytest.mark.parametrize(
    ("amounts", "expected"),
    [
        ({"amount_max": 500_000}, "jusqu'à 500\u00a0000\u00a0€"),
        ({"amount_min": 10_000, "amount_max": 1_500_000}, "de 10\u00a0000\u00a0€ à 1\u00a0500\u00a0000\u00a0€"),
        ({"amount_min": 5_000, "amount_max": None}, "à partir de 5\u00a0000\u00a0€"),
        ({"amount_max": None, "rate_max": 40}, "taux max 40\u202f%"),
        ({"amount_max": 200_000, "rate_max": 12.5}, "jusqu'à 200\u00a0000\u00a0€ · taux max 12,5\u202f%"),
        ({"amount_max": None}, ""),
    ],
    ids=["max-only", "range", "min-only", "rate-only", "max-and-decimal-rate", "nothing-known"],
)
def test_amount_line_in_french(amounts: dict[str, Any], expected: str) -> None:
    assert amount_line(opportunity(**amounts)) == expected


def test_funding_line_puts_programmes_before_funders_without_repeats() -> None:
    opp = opportunity(programmes=["France 2030"], funders=["ADEME", "France 2030", "Bpifrance"])
    assert funding_line(opp) == "France 2030 · ADEME · Bpifrance"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a?b=c", "https://example.org/a?b=c"),
        ("HTTP://example.org/", "HTTP://example.org/"),
        ("javascript:alert(1)", None),
        ("https:///no-host", None),
        ("https://example.org/a b", None),
        (None, None),
    ],
    ids=["https", "upper-case-scheme", "javascript", "no-host", "whitespace", "none"],
)
def test_safe_url_keeps_only_http_links(url: str | None, expected: str | None) -> None:
    assert safe_url(url) == expected
