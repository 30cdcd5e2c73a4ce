"""Crawl throughput: Vigie's full pipeline beside a bare scrapy spider, on a generated local site.

    python benchmarks/crawl.py [--calls 2000] [--per-page 20] [--runs 3] [--concurrency 1]

The site (a temp folder served by the demo mirror on 127.0.0.1) copies Bpifrance's markup:
`--calls / --per-page` listing pages and one detail page per call (≥ 2,000 pages by default).
Measured, medians of `--runs` runs, each on a fresh database and HTTP cache:
- Vigie: `vigie.pipeline.crawl.crawl_one` with the real `bpifrance` kind (child process, normalise,
  validate, store, cross-source links);
- the same crawl again, unchanged: listing pages revalidated (304), cards found as last time are not
  completed (no detail page), the store marks them seen;
- a bare scrapy spider in its own process that only fetches the same pages and extracts titles.
Both crawlers use the same scrapy settings that matter here (`shared_settings`: reactor, robots.txt,
concurrency per domain, no delay on a loopback site).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
AS_OF = date(2026, 11, 23)
LISTING = "www.bpifrance.fr/nos-appels-a-projets-concours"
CARD = """<div class="article-card"><span class="rubrique">Appel à projets</span>
<span class="card-date">01/09/2026 au 15/01/2027</span>
<div class="desc"><h3><a href="nos-appels-a-projets-concours/aap-{i}">Appel à projets industrie n° {i}</a></h3>
<p>Soutenir les projets d'industrialisation des PME, lot {i}.</p></div></div>"""
DETAIL = """<html><head><title>AAP {i}</title></head><body><div class="body-content">
<h1>Appel à projets industrie n° {i}</h1><p>Projets d'industrialisation portés par des PME. Subvention jusqu'à 40 %
des dépenses, plafonnée à 500 000 €. Date limite de dépôt : 15/01/2027.</p></div></body></html>"""


def make_site(root: Path, calls: int, per_page: int) -> int:
    """Write the listing and detail pages; returns the number of pages."""
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\n", "utf-8")
    details = root / LISTING
    details.mkdir(parents=True)
    pages = (calls + per_page - 1) // per_page
    for page in range(pages):
        cards = "\n".join(CARD.format(i=i) for i in range(page * per_page, min(calls, (page + 1) * per_page)))
        pager = f'<ul><li class="next-page"><a href="?page={page + 1}">Suivant</a></li></ul>' if page + 1 < pages else ""
        body = f"<html><body><div class='listing'>{cards}</div>{pager}</body></html>"
        (root / f"{LISTING}.page-{page}.html").write_text(body, "utf-8")
    for i in range(calls):
        (details / f"aap-{i}.html").write_text(DETAIL.format(i=i), "utf-8")
    return pages + calls


def vigie_config(folder: Path, base_url: str, concurrency: int, fresh: bool = True):  # noqa: ANN201
    """The example configuration with one `bpifrance` source on the local site, no delay."""
    from models.config import load_config
    from vigie.context import source_kinds
    from vigie.defaults import copy_example_config

    if fresh:
        copy_example_config(folder)
    config = load_config(folder, source_kinds())
    source = config.sources[0].model_copy(update={
        "slug": "bench", "kind": "bpifrance", "url": f"{base_url}/{LISTING}?page=0",
        "options": {"max_pages": 200}, "expected_min_items": 1,
    })
    crawl = config.settings.crawl.model_copy(update={"download_delay": 0, "concurrent_requests_per_domain": concurrency})
    return config.model_copy(update={"sources": [source], "settings": config.settings.model_copy(update={"crawl": crawl})})


def time_vigie(base_url: str, concurrency: int) -> tuple[float, float, float, int]:
    """(first crawl, unchanged re-crawl in the same process, unchanged re-crawl from a new process, records),
    seconds, on a fresh database and cache. Each process is new, as a `vigie crawl` command is: the first
    crawl of a process also starts its crawl process server (crawlers/child.py)."""
    with tempfile.TemporaryDirectory() as tmp:
        first, warm, records = _vigie_steps(base_url, concurrency, tmp, 2)
        cold, _, _ = _vigie_steps(base_url, concurrency, tmp, 1)
    return first, warm, cold, records


def _vigie_steps(base_url: str, concurrency: int, folder: str, crawls: int) -> tuple[float, float, int]:
    done = subprocess.run([sys.executable, __file__, "--vigie", base_url, "--folder", folder, "--crawls", str(crawls),
                           "--concurrency", str(concurrency)], capture_output=True, text=True, check=True)
    figures = done.stdout.split()
    return float(figures[0]), float(figures[1]), int(figures[2])


def run_vigie(base_url: str, concurrency: int, folder: Path, crawls: int) -> None:
    """In a new process: `crawls` crawls of the site with Vigie's pipeline; print their times and the
    unchanged count of the last one."""
    from models.store import Store
    from vigie.pipeline.crawl import crawl_one

    conf = folder / "conf"
    config = vigie_config(conf, base_url, concurrency, fresh=not conf.exists())
    store = Store.open(config.database_url)
    timings, outcome = [], None
    for _ in range(crawls):
        start = time.perf_counter()
        outcome = crawl_one(config, store, config.sources[0], AS_OF)
        timings.append(time.perf_counter() - start)
        assert outcome.error is None, outcome.error
    store.close()
    print(timings[0], timings[-1], outcome.counts.unchanged)


def time_bare(base_url: str, concurrency: int) -> tuple[float, int]:
    """(seconds, pages) of the bare spider, in its own process like Vigie's."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, __file__, "--bare", f"{base_url}/{LISTING}?page=0",
                           "--concurrency", str(concurrency)], capture_output=True, text=True, check=True)
    return time.perf_counter() - start, int(done.stdout.strip().splitlines()[-1])


def shared_settings(concurrency: int) -> dict[str, object]:
    """What the bare spider shares with Vigie's crawl settings (crawlers/settings.py): same reactor,
    robots.txt, one domain at `concurrency`, no delay (a loopback site)."""
    return {"CONCURRENT_REQUESTS_PER_DOMAIN": concurrency, "DOWNLOAD_DELAY": 0, "ROBOTSTXT_OBEY": True,
            "TWISTED_REACTOR": None, "TELNETCONSOLE_ENABLED": False}


def run_bare(url: str, concurrency: int) -> None:
    """The bare spider: follow the pager and the cards, keep each detail page's title; print the pages fetched."""
    import scrapy
    from scrapy.crawler import CrawlerProcess

    class Bare(scrapy.Spider):
        name = "bare"
        pages = 0

        async def start(self):  # noqa: ANN202
            yield scrapy.Request(url, self.parse)

        def parse(self, response):  # noqa: ANN001, ANN202
            Bare.pages += 1
            yield from response.follow_all(css="div.article-card h3 a", callback=self.detail)
            yield from response.follow_all(css="li.next-page a", callback=self.parse)

        def detail(self, response):  # noqa: ANN001, ANN202
            Bare.pages += 1
            yield {"title": response.css("h1::text").get()}

    process = CrawlerProcess({"LOG_LEVEL": "ERROR", **shared_settings(concurrency)})
    process.crawl(Bare)
    process.start()
    print(Bare.pages)


def main() -> None:
    """Build the site, serve it, time each crawler `--runs` times, print medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--per-page", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=1)
    parser.add_argument("--bare", help=argparse.SUPPRESS)
    parser.add_argument("--vigie", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    parser.add_argument("--crawls", type=int, default=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare:
        return run_bare(args.bare, args.concurrency)
    if args.vigie:
        return run_vigie(args.vigie, args.concurrency, Path(args.folder), args.crawls)
    from vigie.demo.server import MirrorServer

    with tempfile.TemporaryDirectory() as site:
        pages = make_site(Path(site), args.calls, args.per_page)
        server = MirrorServer(Path(site))
        base_url = server.start()
        try:
            vigie = [time_vigie(base_url, args.concurrency) for _ in range(args.runs)]
            bare = [time_bare(base_url, args.concurrency) for _ in range(args.runs)]
        finally:
            server.stop()
    first, warm, cold = (statistics.median(v[k] for v in vigie) for k in range(3))
    bare_s = statistics.median(b[0] for b in bare)
    print(f"site : {pages} pages ({args.calls} appels), concurrence par domaine {args.concurrency}, {args.runs} essais")
    print(f"araignée scrapy nue : {bare_s:6.1f} s  {pages / bare_s:7.1f} pages/s")
    print(f"Vigie (chaîne complète) : {first:6.1f} s  {pages / first:7.1f} pages/s  ({pages / first / (pages / bare_s):.0%} de l'araignée nue)")
    print(f"Vigie, recollecte inchangée, même processus (planificateur, sources suivantes d'une commande) : "
          f"{warm:6.2f} s  ({first / warm:.1f}× plus rapide ; {vigie[0][3]} appels inchangés)")
    print(f"Vigie, recollecte inchangée, nouveau processus (une commande « vigie crawl » de plus) : "
          f"{cold:6.2f} s  ({first / cold:.1f}× plus rapide)")
    print("essais (s) : araignée nue " + ", ".join(f"{b[0]:.1f}" for b in bare)
          + " ; Vigie " + ", ".join(f"{v[0]:.1f}" for v in vigie)
          + " ; recollecte même processus " + ", ".join(f"{v[1]:.2f}" for v in vigie)
          + " ; recollecte nouveau processus " + ", ".join(f"{v[2]:.2f}" for v in vigie))

if __name__ == "__main__":
    main()
