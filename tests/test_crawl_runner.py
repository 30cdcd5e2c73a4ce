"""The parent side of a crawl: option checks, reading the child's JSON Lines, settings, summaries."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from crawlers import SOURCE_KINDS
from crawlers.failures import failure_message, http_error_message, too_few_items_message
from crawlers.process import summarise
from crawlers.registry import spider_class
from crawlers.runner import check_source, crash_message, read_output
from crawlers.settings import build_settings
from models.config.schema import CrawlConfig, SourceConfig
from models.records import OpportunityData

RSS = SourceConfig(slug="na", kind="rss", url="https://les-aides.nouvelle-aquitaine.fr/fiches-rss.xml")


def test_every_kind_has_a_strict_options_model() -> None:
    assert set(SOURCE_KINDS) >= {"opendatasoft", "dispositif_aide_csv", "rss", "aides_territoires", "appels_projets_recherche", "eu_funding_tenders"}
    for model in SOURCE_KINDS.values():
        with pytest.raises(ValidationError):
            model.model_validate({"dataset": "x", "surprise": 1})


def test_opendatasoft_options_have_documented_defaults_and_limits() -> None:
    options = SOURCE_KINDS["opendatasoft"].model_validate({"dataset": "aides-appels-a-projets"})
    assert (options.api, options.page_size, options.funder, options.geo) == ("v2.1", 100, "", [])
    with pytest.raises(ValidationError):
        SOURCE_KINDS["opendatasoft"].model_validate({"dataset": "x", "page_size": 101})
    with pytest.raises(ValidationError, match="REG-99"):
        SOURCE_KINDS["rss"].model_validate({"geo": ["REG-99"]})


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        (SourceConfig(slug="x", kind="html", url="https://x.example.fr"), "type de source inconnu « html »"),
        (SourceConfig(slug="x", kind="opendatasoft", url="https://x.example.fr"), "options invalides : dataset"),
        (RSS, None),
    ],
    ids=["unknown-kind", "missing-dataset", "fine"],
)
def test_sources_that_cannot_start_are_refused_before_any_process(source: SourceConfig, problem: str | None) -> None:
    found = check_source(source)
    assert found == problem if problem is None else found.startswith(problem)


def record_line(title: str) -> str:
    data = OpportunityData(source="na", source_id=title, url="https://na.fr/x", title=title)
    return json.dumps({"type": "record", "data": data.model_dump(mode="json")})


def test_the_child_output_is_read_back_in_order(tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    summary = {"type": "summary", "error": None, "gone": False, "pages": 2, "records": 2, "dropped": 1}
    lines = [record_line("A"), json.dumps({"type": "dropped", "reason": "item 2 (B) : titre manquant"}),
             record_line("C"), json.dumps(summary)]
    output.write_text("\n".join(lines) + "\n", "utf-8")
    result = read_output(RSS, output, fallback_error="jamais utilisé")
    assert [r.title for r in result.records] == ["A", "C"]
    assert (result.dropped, result.error, result.pages) == (["item 2 (B) : titre manquant"], None, 2)


def test_a_child_that_died_without_summary_is_a_failure(tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    output.write_text(record_line("A") + "\n", "utf-8")
    result = read_output(RSS, output, fallback_error=crash_message(-9, "Traceback…\nMemoryError\n"))
    assert result.error == "le processus de collecte s'est arrêté (code -9) : MemoryError"
    assert len(result.records) == 1


def test_fewer_records_than_usual_fail_the_source() -> None:
    spider = spider_class("rss")(source=RSS)
    spider.records, spider.dropped = 0, 0
    assert summarise(spider, 3)["error"] == "0 élément trouvé alors que la source en a d'habitude au moins 3"
    spider.records = 3
    assert summarise(spider, 3)["error"] is None


@pytest.mark.parametrize(
    ("found", "dropped", "expected"),
    [
        (0, 0, "0 élément trouvé alors"),
        (2, 5, "2 éléments trouvés alors que la source en a d'habitude au moins 4 (5 écarté(s)"),
    ],
    ids=["none", "some-dropped"],
)
def test_too_few_items_message_counts_what_was_dropped(found: int, dropped: int, expected: str) -> None:
    assert too_few_items_message(found, 4, dropped).startswith(expected)


@pytest.mark.parametrize(
    ("status", "start"),
    [(410, "la source n'existe plus"), (404, "page introuvable"), (403, "accès refusé"), (429, "le site limite"),
     (502, "erreur du serveur"), (418, "réponse refusée")],
    ids=["410", "404", "403", "429", "502", "other"],
)
def test_http_errors_read_in_french(status: int, start: str) -> None:
    assert http_error_message(status, "https://x.fr/a").startswith(start)


def test_network_failures_read_in_french() -> None:
    from scrapy.exceptions import DownloadTimeoutError, IgnoreRequest

    timeout = failure_message(DownloadTimeoutError("t"), "https://x.fr", 5)
    robots = failure_message(IgnoreRequest("Forbidden by robots.txt"), "https://x.fr", 5)
    assert timeout.startswith("site injoignable : pas de réponse en 5 s")
    assert robots.startswith("bloqué par robots.txt")


def test_scrapy_settings_follow_the_crawl_config(tmp_path: Path) -> None:
    crawl = CrawlConfig(download_delay=2, retries=3, timeout_seconds=12, obey_robots=True, contact_email="veille@cc.fr")
    settings = build_settings(crawl, tmp_path, tmp_path / "out.jsonl", date(2026, 11, 23))
    assert settings["USER_AGENT"] == "Vigie/0.1 (veille Territoires d'industrie) (+mailto:veille@cc.fr)"
    assert (settings["ROBOTSTXT_OBEY"], settings["AUTOTHROTTLE_ENABLED"], settings["DOWNLOAD_DELAY"]) == (True, True, 2)
    assert (settings["RETRY_TIMES"], settings["DOWNLOAD_TIMEOUT"], settings["HTTPCACHE_DIR"]) == (3, 12, str(tmp_path))
    assert settings["HTTPCACHE_POLICY"] == "scrapy.extensions.httpcache.RFC2616Policy"
    fast = build_settings(CrawlConfig(download_delay=0), tmp_path, tmp_path / "o", date(2026, 11, 23))
    assert fast["AUTOTHROTTLE_ENABLED"] is False
