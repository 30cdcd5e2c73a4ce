"""Golden digests of a small territory, through the real pipeline: the porteur's digest with its
"mis à jour" and "clôture proche" sections, and the chef de projet's digest (volatile headers masked).

Set VIGIE_UPDATE_GOLDEN=1 to rewrite the files in tests/data/digests/ after a deliberate change.
"""

from __future__ import annotations

import email
import email.policy
import os
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from conftest import NOW
from digestworld import example_config, filled_store, recrawl
from factories import opportunity
from models.records import FactEvidence, MatchResult, Reason
from models.store import Store, WebQueries
from models.store.results import CrawlCounts
from models.vocab import ReviewStatus
from notifier import iso_week
from vigie.pipeline.weekly import run_weekly

GOLDEN = Path(__file__).parent / "data" / "digests"
HOSTILE = '<script>alert(1)</script> Appel " onmouseover="alert(2)'
LATER = date(2026, 12, 16)
RELEVE_QUOTE = FactEvidence(fact="cloture", value="2027-03-10", block="page de l'appel",
                            quote="Relèves : 10 mars 2027 à midi, puis 15 mai 2027.")
"""Where the updated call's next relève was read: the letter quotes it under « Prochaine clôture »."""


def add_call(store: Store, source_id: str, score: float, status: ReviewStatus | None, seen: datetime,
             **changes: object) -> None:
    store.upsert_opportunity(opportunity(source_id, **changes), seen, seen.date())
    reasons = [Reason(feature="termes", weight=1.0, evidence="termes : « friche », « dépollution »")]
    result = MatchResult(fiche_id="F1", porteur_id="cc-lomagne", source="occitanie", source_id=source_id,
                         score=score, eligible=True, reasons=reasons)
    store.save_matches([result], {}, seen)
    if status:
        [match] = [m for m in store.matches() if m.score == score]
        store.review(match.id, status, "camille", seen)


@pytest.fixture
def world(tmp_path: Path):  # noqa: ANN201
    """Week 48: two calls sent. 16/12: one reaches J-30, the other got a new relève and amount; a hostile
    call waits for review; a source keeps failing; another contact's address bounced (it gets nothing)."""
    config = example_config(tmp_path)
    store = filled_store(config)
    add_call(store, "ami-friches", 0.6, ReviewStatus.ACCEPTED, NOW, title="Recyclage des friches industrielles",
             close_dates=[date(2027, 3, 10)], amount_max=200_000, funders=["Région Occitanie"])
    run_weekly(config, store, iso_week(date(2026, 11, 23)), date(2026, 11, 23), send=True)
    seen = datetime(2026, 12, 15, 6, tzinfo=UTC)
    recrawl(store, LATER, source_id="ami-friches", title="Recyclage des friches industrielles",
            close_dates=[date(2027, 3, 10), date(2027, 5, 15)], amount_max=800_000, funders=["Région Occitanie"],
            evidence=[RELEVE_QUOTE])
    add_call(store, "aap-hostile", 0.5, None, seen, title=HOSTILE, close_dates=[date(2027, 1, 5)])
    for _ in range(3):
        store.record_crawl("occitanie", "opendatasoft", seen, seen, CrawlCounts(),
                           "HTTP 503 <b>Service indisponible</b> sur https://data.laregion.fr/")
    [contact] = store.contacts("cc-lomagne")
    former = WebQueries(store).save_contact("cc-lomagne", "ancien.contact@example.org", "Ancien contact", "")
    store.record_delivery_error(former.id, "destinataire refusé : 550 5.1.1 <script>x</script>")
    outcomes = run_weekly(config, store, iso_week(LATER), LATER, send=True)
    yield {o.recipient: o for o in outcomes}, contact.unsubscribe_token
    store.close()


def masked(path: Path, token: str) -> tuple[str, str, str]:
    """(headers, text part, HTML part) with the date, Message-ID and unsubscribe token masked."""
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    keep = ["Subject", "From", "To", "Reply-To", "List-Unsubscribe", "List-Unsubscribe-Post", "Auto-Submitted"]
    headers = "".join(f"{k}: {str(message[k]).strip()}\n" for k in keep if message[k]) + "Date: <masqué>\nMessage-ID: <masqué>\n"
    parts = [message.get_body((kind,)).get_content() for kind in ("plain", "html")]
    parts = [re.sub(r"/calendrier/[\w\-]+\.ics", "/calendrier/JETON-CALENDRIER.ics", part) for part in parts]
    return tuple(re.sub(re.escape(token), "JETON", part) for part in (headers, *parts))


def check(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("VIGIE_UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("recipient", "stem"), [("dev@example.org", "porteur_semaine"),
                                                 ("camille@example.org", "chef_de_projet")])
def test_the_weeks_digests_match_the_golden_files(world, recipient: str, stem: str) -> None:  # noqa: ANN001
    outcomes, token = world
    headers, text, html = masked(outcomes[recipient].paths[0], token)
    check(f"{stem}.headers.txt", headers)
    check(f"{stem}.txt", text)
    check(f"{stem}.html", html)


def test_the_porteur_digest_has_an_update_and_a_reminder_but_never_the_chef_s_news(world) -> None:  # noqa: ANN001
    outcomes, token = world
    _, text, _ = masked(outcomes["dev@example.org"].paths[0], token)
    assert "MIS À JOUR" in text and "CLÔTURE PROCHE" in text and "nouvelle relève le 15/05/2027" in text
    assert "Service indisponible" not in text and "550" not in text


def test_hostile_strings_arrive_harmless_in_the_chef_digest(world) -> None:  # noqa: ANN001
    outcomes, token = world
    _, text, html = masked(outcomes["camille@example.org"].paths[0], token)
    assert "<script>" not in html and "<b>" not in html and '" onmouseover="' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and HOSTILE in text


def test_the_porteur_letter_links_only_to_the_calls_pages_its_calendar_feed_and_its_unsubscribe_link(world) -> None:  # noqa: ANN001
    outcomes, token = world
    _, text, html = masked(outcomes["dev@example.org"].paths[0], token)
    allowed = {"https://example.org/aides/aap-1", "https://example.org/aides/ami-friches",
               "http://127.0.0.1:8000/desabonnement/JETON", "http://127.0.0.1:8000/calendrier/JETON-CALENDRIER.ics"}
    assert set(re.findall(r"https?://\S+", text)) == allowed
    assert set(re.findall(r'href="([^"]*)"', html)) == allowed
