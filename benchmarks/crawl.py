"""Crawl throughput as a user meets it: `vigie crawl` from the command line beside a bare scrapy spider, on a
generated local site, the two run in alternation.

    python benchmarks/crawl.py [--calls 2000] [--per-page 20] [--runs 3] [--concurrency 1] [--small]

The site (a temp folder served by the demo mirror on 127.0.0.1) copies Bpifrance's markup:
`--calls / --per-page` listing pages and one detail page per call (≥ 2,000 pages by default).
Each run, in this order, on a fresh configuration folder (the shipped one, its sources.toml reduced to one
`bpifrance` source on the local site, no delay between requests), its database and HTTP cache empty:
1. `vigie crawl`, timed as a user runs it: the whole command in a new process (imports, configuration, the
   crawl process server, normalise, validate, store, cross-source links, the summary printed);
2. the anchor: a bare scrapy spider, the whole process too, that only fetches the same pages and keeps titles;
3. `vigie crawl` again, the site unchanged (a new command): listing pages revalidated (304), cards found as
   last time not completed (no detail page), the store marks them seen;
4. the scheduler's path (`vigie schedule` keeps one process): in a child process on a fresh folder, a first
   crawl then the unchanged re-crawl through `vigie.pipeline.crawl.crawl_one`, each timed inside the process;
5. the bare spider again (its figure is the median of steps 2 and 5 over the runs).
Printed: medians of the runs (each run's figure too), peak RSS of each command, ratios, the machine's load.
Both crawlers use the same scrapy settings that matter here (`shared_settings`: reactor, robots.txt,
concurrency per domain, no delay on a loopback site).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_common import Measure, figure, machine, run_timed, vigie_command  # noqa: E402
from models import display  # noqa: E402

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


SOURCES = """[[source]]
slug = "bench"
kind = "bpifrance"
url = "{url}"
expected_min_items = 1

[source.options]
max_pages = 200
"""


def write_config(folder: Path, base_url: str, concurrency: int) -> Path:
    """The shipped configuration in `folder`, with one `bpifrance` source on the local site and no delay."""
    from vigie.defaults import copy_example_config

    copy_example_config(folder)
    (folder / "sources.toml").write_text(SOURCES.format(url=f"{base_url}/{LISTING}?page=0"), "utf-8")
    settings = (folder / "settings.toml").read_text("utf-8")
    for key, value in (("download_delay", "0"), ("concurrent_requests_per_domain", str(concurrency))):
        settings, found = re.subn(rf"(?m)^{key} = .*$", f"{key} = {value}", settings)
        assert found == 1, f"{key} absent de settings.toml"
    (folder / "settings.toml").write_text(settings, "utf-8")
    return folder


def vigie_crawl(conf: Path) -> Measure:
    """`vigie crawl` as a user types it: the whole command, with the summary's counts in `extra`."""
    env = {**os.environ, "VIGIE_AS_OF": AS_OF.isoformat(), "COLUMNS": "200"}  # the summary on one line a source
    done = run_timed(vigie_command() + ["--config", str(conf), "crawl"], env)
    row = re.search(r"bench\s*│\s*(\d+)\s*│\s*(\d+)\s*│\s*(\d+)", done.output)
    assert row, f"résumé de collecte illisible :\n{done.output[-1500:]}"
    new, _, unchanged = (int(n) for n in row.groups())
    return replace(done, extra={"new": new, "unchanged": unchanged})


def run_vigie(base_url: str, concurrency: int, folder: Path) -> None:
    """Child process, the scheduler's path: a first crawl and the unchanged re-crawl in one process; prints
    their seconds and the unchanged count of the second."""
    from models.config import load_config
    from models.store import Store
    from vigie.context import source_kinds
    from vigie.pipeline.crawl import crawl_one

    config = load_config(write_config(folder, base_url, concurrency), source_kinds())
    store = Store.open(config.database_url)
    timings, outcome = [], None
    for _ in range(2):
        start = time.perf_counter()
        outcome = crawl_one(config, store, config.sources[0], AS_OF)
        timings.append(time.perf_counter() - start)
        assert outcome.error is None, outcome.error
    store.close()
    print(json.dumps({"first": timings[0], "again": timings[1], "unchanged": outcome.counts.unchanged}))


def time_bare(base_url: str, concurrency: int) -> Measure:
    """The bare spider, the whole process; the pages it fetched in `extra`."""
    done = run_timed([sys.executable, __file__, "--bare", f"{base_url}/{LISTING}?page=0",
                      "--concurrency", str(concurrency)])
    return replace(done, extra={"pages": int(done.output.split()[-1])})


def one_run(base_url: str, concurrency: int) -> dict[str, Measure]:
    """Steps 1 to 5 of the module's docstring, in that order."""
    found = {}
    with tempfile.TemporaryDirectory(prefix="vigie-bench-crawl-") as tmp:
        conf = write_config(Path(tmp) / "conf", base_url, concurrency)
        found["first"] = vigie_crawl(conf)
        found["bare"] = time_bare(base_url, concurrency)
        found["again"] = vigie_crawl(conf)
        child = run_timed([sys.executable, __file__, "--vigie", base_url, "--folder", str(Path(tmp) / "sched"),
                           "--concurrency", str(concurrency)])
    found["bare-after"] = time_bare(base_url, concurrency)
    steps = json.loads(child.output)
    found["sched-first"] = Measure(steps["first"], child.load, extra=steps)
    found["sched-again"] = Measure(steps["again"], child.load, extra=steps)
    return found


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
    """Build the site, serve it, run the steps `--runs` times, print medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--per-page", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=1)
    parser.add_argument("--small", action="store_true", help="essai rapide : 100 appels, 1 essai")
    parser.add_argument("--bare", help=argparse.SUPPRESS)
    parser.add_argument("--vigie", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare:
        return run_bare(args.bare, args.concurrency)
    if args.vigie:
        return run_vigie(args.vigie, args.concurrency, Path(args.folder))
    if args.small:
        args.calls, args.runs = 100, 1
    from vigie.demo.server import MirrorServer

    print(f"machine : {machine()}")
    with tempfile.TemporaryDirectory() as site:
        pages = make_site(Path(site), args.calls, args.per_page)
        server = MirrorServer(Path(site))
        base_url = server.start()
        try:
            runs = [one_run(base_url, args.concurrency) for _ in range(args.runs)]
        finally:
            server.stop()
    report(runs, pages, args)


def report(runs: list[dict[str, Measure]], pages: int, args: argparse.Namespace) -> None:
    """Medians with each run's figure, throughput, ratios and the load."""
    steps = {key: [r[key] for r in runs] for key in runs[0]}
    steps["bare"] += steps.pop("bare-after")
    rate = {key: pages / median_of(steps[key]) for key in ("bare", "first")}
    faster = {key: display.decimal(median_of(steps[a]) / median_of(steps[b]), 1)
              for key, (a, b) in {"cli": ("first", "again"), "sched": ("sched-first", "sched-again")}.items()}
    print(f"site : {pages} pages ({args.calls} appels), concurrence par domaine {args.concurrency}, "
          f"{args.runs} essai(s), Vigie et araignée nue en alternance")
    print(figure("araignée scrapy nue, processus entier", steps["bare"]) + f" ; {rate['bare']:.0f} pages/s, "
          f"{steps['bare'][0].extra['pages']} pages lues")
    print(figure("vigie crawl, première collecte, commande entière", steps["first"], steps["bare"])
          + f" ; {rate['first']:.0f} pages/s ({display.percent(100 * rate['first'] / rate['bare'])} de l'araignée "
          f"nue), {steps['first'][0].extra['new']} nouveaux")
    print(figure("vigie crawl, recollecte inchangée, commande entière", steps["again"])
          + f" ; {faster['cli']}× plus rapide que la première, {steps['again'][0].extra['unchanged']} inchangés")
    print(figure("planificateur (un processus) : première collecte", steps["sched-first"]))
    print(figure("planificateur : recollecte inchangée, même processus", steps["sched-again"])
          + f" ; {faster['sched']}× plus rapide, {steps['sched-again'][0].extra['unchanged']} inchangés")


def median_of(measures: list[Measure]) -> float:
    """Median seconds."""
    return statistics.median(m.seconds for m in measures)


if __name__ == "__main__":
    main()
