"""Entry point of a crawl process: `python -m crawlers.process JOB.json OUTPUT.jsonl`.

JOB.json holds {"source", "crawl", "cache_dir", "as_of", "known"} (`known`: source_id → fingerprint of
the calls stored last time). OUTPUT.jsonl receives one line per record ({"type": "record", "data": …,
"fingerprint": …}), per call found exactly as last time ({"type": "unchanged", "source_id": …}), per
dropped item ({"type": "dropped", "reason": …}) and a final {"type": "summary", "error", "gone",
"pages", "records", "unchanged", "dropped", "warnings", "notes"}. Scrapy's reactor
cannot be restarted, hence one process per source (crawlers/runner.py starts it).
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.crawler import CrawlerProcess

from crawlers.failures import too_few_items_message
from crawlers.registry import spider_class
from crawlers.settings import build_settings
from crawlers.spiders.base import SourceSpider
from models.config.schema import CrawlConfig, SourceConfig


def run_crawl(
    source: SourceConfig, crawl: CrawlConfig, cache_dir: Path, as_of: date, output: Path,
    known: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Crawl one source with scrapy (blocks until done) and return the summary line."""
    process = CrawlerProcess(build_settings(crawl, cache_dir, output, as_of))
    crawler = process.create_crawler(spider_class(source.kind))
    crawler.signals.connect(_on_spider_error, signal=signals.spider_error)
    crawler.signals.connect(_on_item_error, signal=signals.item_error)
    process.crawl(crawler, source=source, timeout=crawl.timeout_seconds, known=known or {})
    process.start()
    return summarise(crawler.spider, source.expected_min_items)


def summarise(spider: SourceSpider, expected_min_items: int) -> dict[str, Any]:
    """The final line: the spider's error, or too few records (unchanged ones count), or success."""
    error = spider.error
    found = spider.records + spider.unchanged
    if error is None and found < expected_min_items:
        error = too_few_items_message(found, expected_min_items, spider.dropped)
    return {
        "type": "summary", "error": error, "gone": spider.gone, "pages": spider.pages,
        "records": spider.records, "unchanged": spider.unchanged, "dropped": spider.dropped,
        "warnings": spider.warnings, "notes": spider.notes,
    }


def _on_spider_error(failure: Any, response: Any, spider: SourceSpider, **kwargs: Any) -> None:
    value = failure.value
    spider.fail(f"erreur interne en lisant {response.url} : {type(value).__name__} : {value}")


def _on_item_error(item: Any, response: Any, spider: SourceSpider, failure: Any, **kwargs: Any) -> None:
    value = failure.value
    spider.fail(f"erreur interne en traitant un élément : {type(value).__name__} : {value}")


def main(argv: list[str]) -> int:
    """Run the job described by argv[0]; write the results to argv[1]."""
    job_path, output = Path(argv[0]), Path(argv[1])
    job = json.loads(job_path.read_text("utf-8"))
    summary = run_crawl(
        SourceConfig.model_validate(job["source"]),
        CrawlConfig.model_validate(job["crawl"]),
        Path(job["cache_dir"]),
        date.fromisoformat(job["as_of"]),
        output,
        job.get("known") or {},
    )
    with output.open("a", encoding="utf-8") as file:
        file.write(json.dumps(summary, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
