"""Rendering a weekly digest: subject, sections, headers, MIME structure, escaping, cut, hash."""

from __future__ import annotations

import html
import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from factories import opportunity
from models.config.schema import SenderConfig
from models.records import ContactData, PorteurData
from notifier import DigestContent, DigestEntry, RenderedDigest, render_digest

AS_OF = date(2026, 11, 24)
GOLDEN = Path(__file__).parent / "data" / "digests" / "porteur_simple.txt"
SENDER = SenderConfig(reply_to="chef.projet@example.org", public_url="https://vigie.example.org")
UNSUBSCRIBE = "https://vigie.example.org/desinscription/jeton-abc123"


def entry(source_id: str = "aap-1", section: str = "nouveaux", fiche: str = "F1", **changes: Any) -> DigestEntry:
    """An entry for fiche F1 (or `fiche`); `changes` go to the opportunity except entry fields."""
    fields = {k: changes.pop(k) for k in ("score", "reasons", "changes", "fiche_titre") if k in changes}
    return DigestEntry(
        opportunity=opportunity(source_id, **changes),
        fiche_id=fiche,
        fiche_titre=fields.get("fiche_titre", f"Fiche {fiche}"),
        score=fields.get("score", 0.5),
        reasons=fields.get("reasons", ["termes : « chaufferie biomasse »"]),
        section=section,
        changes=fields.get("changes", []),
    )


def digest(*entries: DigestEntry, calendar_url: str | None = None) -> DigestContent:
    """A digest for the CC de la Lomagne's contact, week 48 of 2026."""
    porteur = PorteurData(id="cc-lomagne", nom="CC de la Lomagne gersoise", type="epci", territoire="gers-lomagne")
    contact = ContactData(email="claire.dupont@example.org", nom="Claire Dupont")
    return DigestContent(porteur, contact, "2026-W48", AS_OF, list(entries), UNSUBSCRIBE, calendar_url)


def render(content: DigestContent, sender: SenderConfig = SENDER, **options: Any) -> RenderedDigest:
    options.setdefault("sent_at", datetime(2026, 11, 24, 7, 0, tzinfo=UTC))
    return render_digest(content, sender, "digest-42@vigie.example.org", **options)


def simple_digest() -> DigestContent:
    """The golden digest: one new call and one updated call, for two fiches."""
    new = entry(
        "aap-chaleur", title="Chaleur renouvelable dans l'industrie", programmes=["France 2030"], funders=["ADEME"],
        instruments=["subvention", "appel_a_projets"], amount_max=500_000, rate_max=40,
        fiche_titre="Réseau de chaleur de la zone d'activités", score=0.82,
        reasons=["termes : « chaufferie biomasse », « réseau de chaleur »", "profil : transition énergétique",
                 "bénéficiaire : EPCI ✔", "une quatrième raison, moins parlante"],
    )
    updated = entry(
        "ami-friches", section="mis_a_jour", fiche="F2", title="Recyclage foncier des friches industrielles",
        funders=["Région Occitanie"], instruments=["ami"], amount_min=20_000, amount_max=200_000,
        close_dates=[date(2027, 3, 10), date(2027, 5, 15)], fiche_titre="Requalifier la friche de l'ancienne laiterie",
        reasons=["termes : « friche », « dépollution »"], changes=["nouvelle relève le 15/05/2027"],
    )
    return digest(new, updated, calendar_url="https://vigie.example.org/calendrier/cc-lomagne.ics")


def test_subject_counts_distinct_calls_and_names_the_nearest_deadline() -> None:
    rendered = render(digest(
        entry("a", close_dates=[date(2027, 3, 1)]),
        entry("b", close_dates=[date(2027, 1, 15), date(2027, 6, 1)]),
        entry("b", fiche="F2", close_dates=[date(2027, 1, 15), date(2027, 6, 1)]),
        entry("c", section="cloture_proche", close_dates=[date(2026, 11, 20), date(2027, 2, 1)]),
    ))
    assert rendered.subject == "Vigie · 3 appels pour vos projets — prochaine clôture le 15/01/2027 (J-52)"
    assert rendered.message["Subject"] == rendered.subject


@pytest.mark.parametrize(
    ("close_dates", "expected"),
    [
        ([], "Vigie · 1 appel pour vos projets"),
        ([date(2026, 12, 1)], "Vigie · 1 appel pour vos projets — prochaine clôture le 01/12/2026 (J-7)"),
    ],
    ids=["no-deadline", "one-call"],
)
def test_subject_of_a_single_call(close_dates: list[date], expected: str) -> None:
    assert render(digest(entry(close_dates=close_dates))).subject == expected


def test_each_section_appears_in_both_parts_in_order() -> None:
    rendered = render(digest(
        entry("c", section="cloture_proche", close_dates=[date(2026, 12, 1)]),
        entry("b", section="mis_a_jour", changes=["date limite déplacée du 15/01/2027 au 31/01/2027"]),
        entry("a"),
    ))
    for body in (rendered.text.lower(), rendered.html.lower()):
        positions = [body.index(title) for title in ("nouveaux appels", "mis à jour", "clôture proche")]
        assert positions == sorted(positions)
    assert "date limite déplacée du 15/01/2027 au 31/01/2027" in rendered.text
    assert "01/12/2026 (J-7)" in rendered.html


def test_a_section_without_calls_is_left_out() -> None:
    rendered = render(digest(entry()))
    assert "Mis à jour" not in rendered.html and "MIS À JOUR" not in rendered.text
    assert "Clôture proche" not in rendered.html


def test_new_calls_are_grouped_under_their_fiche_action() -> None:
    rendered = render(digest(
        entry("a", fiche="F1", score=0.9), entry("b", fiche="F2", score=0.7), entry("c", fiche="F1", score=0.5),
    ))
    assert rendered.text.count("Fiche-action « Fiche F1 » (F1)") == 1
    assert rendered.text.count("Fiche-action « Fiche F2 » (F2)") == 1
    assert rendered.text.index("aides/c") < rendered.text.index("Fiche F2")


def test_a_call_shows_funders_instruments_amount_deadline_fiche_and_three_reasons() -> None:
    text = render(simple_digest()).text
    for fact in ("France 2030 · ADEME", "subvention · appel à projets", "jusqu'à 500\u00a0000\u00a0€",
                 "taux max 40\u202f%", "15/01/2027 (J-52)", "« Requalifier la friche de l'ancienne laiterie » (F2)",
                 "bénéficiaire : EPCI ✔"):
        assert fact in text
    assert "quatrième raison" not in text


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("List-Unsubscribe", f"<{UNSUBSCRIBE}>"),
        ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
        ("Message-ID", "<digest-42@vigie.example.org>"),
        ("Reply-To", "chef.projet@example.org"),
        ("To", "Claire Dupont <claire.dupont@example.org>"),
        ("From", "Vigie — Territoires d'industrie <vigie@example.org>"),
        ("Date", "Tue, 24 Nov 2026 07:00:00 +0000"),
    ],
    ids=["list-unsubscribe", "list-unsubscribe-post", "message-id", "reply-to", "to", "from", "date"],
)
def test_digest_headers(header: str, expected: str) -> None:
    assert str(render(simple_digest()).message[header]) == expected


def test_reply_to_is_left_out_when_not_configured() -> None:
    rendered = render(simple_digest(), SenderConfig())
    assert rendered.message["Reply-To"] is None
    assert "Répondez" not in rendered.text


def test_unsubscribe_link_is_in_both_bodies() -> None:
    rendered = render(simple_digest())
    assert UNSUBSCRIBE in rendered.text and f'href="{UNSUBSCRIBE}"' in rendered.html


def test_message_has_text_and_html_alternatives_and_an_ics_attachment() -> None:
    message = render(simple_digest()).message
    assert [part.get_content_type() for part in message.walk()] == [
        "multipart/mixed", "multipart/alternative", "text/plain", "text/html", "text/calendar",
    ]
    attachment = next(message.iter_attachments())
    assert attachment.get_filename() == "echeances.ics"
    assert attachment.get_content().startswith("BEGIN:VCALENDAR")


def test_no_ics_is_attached_when_no_call_has_a_coming_relève() -> None:
    message = render(digest(entry(close_dates=[]))).message
    assert message.get_content_type() == "multipart/alternative"
    assert list(message.iter_attachments()) == []
    assert "echeances.ics" not in render(digest(entry(close_dates=[]))).text


HOSTILE = ['<script>alert(1)</script>', '" onmouseover="x', "<img src=x onerror=alert(1)>"]


@pytest.mark.parametrize("hostile", HOSTILE, ids=["script", "attribute-break", "img-onerror"])
@pytest.mark.parametrize("where", ["title", "funders", "reasons", "changes", "fiche_titre"])
def test_crawled_text_arrives_harmless_in_html(hostile: str, where: str) -> None:
    value: Any = [hostile] if where in ("funders", "reasons", "changes") else hostile
    page = render(digest(entry(section="mis_a_jour", **{where: value}))).html
    assert "<script" not in page and "<img" not in page and '" onmouseover="x' not in page
    assert "&lt;" in page or "&#34; onmouseover=&#34;x" in page


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "//evil.example/x"],
    ids=["javascript", "data", "file", "scheme-relative"],
)
def test_a_link_that_is_not_http_is_shown_as_plain_text(url: str) -> None:
    item = entry(title="Appel au lien douteux")
    hostile = DigestEntry(**{**item.__dict__, "opportunity": item.opportunity.model_copy(update={"url": url})})
    rendered = render(digest(hostile))
    assert "Appel au lien douteux</p>" in rendered.html
    assert url not in rendered.html and html.escape(url) not in rendered.html
    assert url not in rendered.text and "* Appel au lien douteux" in rendered.text


def test_quotes_in_a_link_cannot_break_out_of_the_attribute() -> None:
    item = entry()
    url = 'https://example.org/a"onmouseover="alert(1)'
    hostile = DigestEntry(**{**item.__dict__, "opportunity": item.opportunity.model_copy(update={"url": url})})
    page = render(digest(hostile)).html
    assert 'href="https://example.org/a&#34;onmouseover=&#34;alert(1)"' in page
    assert '"onmouseover="' not in page


def links(rendered: RenderedDigest) -> tuple[set[str], set[str]]:
    """(http links of the text part, href targets of the HTML part)."""
    text = set(re.findall(r"https?://\S+", rendered.text))
    hrefs = {html.unescape(h) for h in re.findall(r'href="([^"]*)"', rendered.html)}
    return text, hrefs


def test_a_long_section_lists_every_call_and_never_sends_to_the_web_app() -> None:
    entries = [entry(f"aap-{n:02d}", score=1 - n / 100) for n in range(13)]
    rendered = render(digest(*entries))
    assert all(f"aides/aap-{n:02d}" in rendered.text and f"aides/aap-{n:02d}" in rendered.html for n in range(13))
    assert "autres" not in rendered.text and "Tous les appels" not in rendered.text
    allowed = {e.opportunity.url for e in entries} | {UNSUBSCRIBE}
    assert links(rendered) == (allowed, allowed)


def test_every_link_of_a_porteur_letter_is_a_call_page_or_the_unsubscribe_link() -> None:
    calls = [entry("aap-new"), entry("ami-maj", section="mis_a_jour", changes=["montant maximum porté à 1 €"]),
             entry("aap-proche", section="cloture_proche", close_dates=[date(2026, 12, 1)])]
    text, hrefs = links(render(digest(*calls)))
    allowed = {e.opportunity.url for e in calls} | {UNSUBSCRIBE}
    assert text == allowed and hrefs == allowed


def test_content_hash_is_the_same_for_the_same_content_rendered_another_day() -> None:
    first = render(simple_digest())
    later = datetime(2027, 1, 1, tzinfo=UTC)
    again = render_digest(simple_digest(), SENDER, "autre-id@vigie.example.org", sent_at=later)
    assert first.content_hash == again.content_hash
    assert first.message["Date"] != again.message["Date"]


@pytest.mark.parametrize(
    "changed",
    [{"title": "Un autre titre"}, {"close_dates": [date(2027, 2, 1)]}, {"reasons": ["une autre raison"]}],
    ids=["title", "deadline", "reason"],
)
def test_content_hash_changes_when_an_entry_changes(changed: dict[str, Any]) -> None:
    assert render(digest(entry())).content_hash != render(digest(entry(**changed))).content_hash


def test_an_empty_digest_is_refused() -> None:
    with pytest.raises(ValueError, match="digest vide"):
        render(digest())


def test_text_part_matches_the_golden_digest() -> None:
    assert render(simple_digest()).text == GOLDEN.read_text(encoding="utf-8")
