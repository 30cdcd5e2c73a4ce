"""The weekly dead-link check of stored calls still open: politely, like the crawlers.

HEAD (GET when the site refuses HEAD) with the crawl User-Agent, robots.txt obeyed, one request at a
time with `crawl.download_delay` between two requests to the same site, `crawl.timeout_seconds` per
request and a time budget for the whole check. The result is kept per call (`link_check`)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import urllib3
from urllib3.exceptions import HTTPError

from models.config import CrawlConfig, VigieConfig
from models.jobs import LinkCheck
from models.store import Store
from vigie.pipeline.clock import utcnow

BUDGET_SECONDS = 1800.0
"""The whole check stops after this; the calls left are checked next time."""
HEAD_REFUSED = {405, 501}


@dataclass
class LinkReport:
    """What one check found."""

    checked: int = 0
    dead: int = 0
    blocked: int = 0
    """Links robots.txt forbids: not checked."""
    left: int = 0
    """Links not reached within the time budget."""

    def summary(self) -> str:
        """French line for the job run."""
        return (f"{self.checked} liens vérifiés, {self.dead} morts, {self.blocked} bloqués par robots.txt, "
                f"{self.left} reportés (délai)")


def verdict(status: int | None, error: str | None) -> tuple[bool, str | None]:
    """Alive or dead, and the French reason: an answer below 400 is alive; anything else is dead."""
    if status is None:
        return False, f"injoignable : {error}"
    if status >= 400:
        return False, f"réponse HTTP {status}"
    return True, None


class PoliteClient:
    """One request at a time, robots.txt read once per site, a delay between two requests to a site."""

    def __init__(self, crawl: CrawlConfig, clock: Callable[[], float] = time.monotonic) -> None:
        self.crawl, self.clock = crawl, clock
        self.agent = f"{crawl.user_agent} (+mailto:{crawl.contact_email})"
        self.pool = urllib3.PoolManager(headers={"User-Agent": self.agent},
                                        retries=urllib3.Retry(total=None, connect=crawl.retries, read=0,
                                                                     redirect=5, status=0, raise_on_status=False))
        self.robots: dict[str, RobotFileParser | None] = {}
        self.last: dict[str, float] = {}

    def allowed(self, url: str) -> bool:
        """robots.txt of the site lets us fetch the URL (no robots.txt, or obey_robots false: yes)."""
        if not self.crawl.obey_robots:
            return True
        site = "{0.scheme}://{0.netloc}".format(urlsplit(url))
        if site not in self.robots:
            self.robots[site] = self._robots(site)
        parser = self.robots[site]
        return parser is None or parser.can_fetch(self.agent, url)

    def _robots(self, site: str) -> RobotFileParser | None:
        try:
            response = self._get(f"{site}/robots.txt", method="GET", body=True)
        except HTTPError:
            return None
        if response.status >= 400:
            return None
        parser = RobotFileParser()
        parser.parse(response.data.decode("utf-8", "replace").splitlines())
        return parser

    def status(self, url: str) -> tuple[int | None, str | None]:
        """The HTTP status of the URL after redirects, or the error."""
        try:
            response = self._get(url, method="HEAD")
            if response.status in HEAD_REFUSED:
                response = self._get(url, method="GET")
            return response.status, None
        except HTTPError as exc:
            return None, type(exc).__name__

    def _get(self, url: str, method: str, body: bool = False) -> urllib3.BaseHTTPResponse:
        site = urlsplit(url).netloc
        wait = self.crawl.download_delay - (self.clock() - self.last.get(site, -1e9))
        if wait > 0:
            time.sleep(wait)
        try:
            response = self.pool.request(method, url, timeout=self.crawl.timeout_seconds, redirect=True,
                                         preload_content=body)
            if not body:  # only the status matters: the page itself is not downloaded
                response.release_conn()
            return response
        finally:
            self.last[site] = self.clock()


def check_links(config: VigieConfig, store: Store, as_of: date, budget: float = BUDGET_SECONDS) -> LinkReport:
    """Check every open call's link, oldest check first, within the time budget."""
    client, report = PoliteClient(config.settings.crawl), LinkReport()
    checks = store.link_checks()
    links = sorted(store.open_call_links(as_of), key=lambda link: _last_checked(checks, link[0]))
    deadline = time.monotonic() + budget
    for position, (opportunity_id, url) in enumerate(links):
        if time.monotonic() > deadline:
            report.left = len(links) - position
            break
        if not client.allowed(url):
            report.blocked += 1
            continue
        status, error = client.status(url)
        ok, reason = verdict(status, error)
        store.save_link_check(LinkCheck(opportunity_id=opportunity_id, url=url, checked_at=utcnow(), ok=ok,
                                        status_code=status, error=reason))
        report.checked, report.dead = report.checked + 1, report.dead + (not ok)
    return report


def _last_checked(checks: dict[int, LinkCheck], opportunity_id: int) -> str:
    check = checks.get(opportunity_id)
    return check.checked_at.isoformat() if check else ""
