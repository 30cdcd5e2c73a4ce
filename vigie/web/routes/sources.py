"""Sources: health table and "run a crawl now" (a background process: the request never waits)."""

from __future__ import annotations

import subprocess
import sys

from fastapi import Depends, Form, Request
from fastapi.responses import RedirectResponse

from vigie.pipeline.crawl_dropped import dropped_reports
from vigie.web.auth import Forbidden, Viewer, current_viewer, writer
from vigie.web.routes.common import page_router
from vigie.web.state import flash, render, web

router = page_router()


@router.get("/sources")
def sources(request: Request, viewer: Viewer = Depends(current_viewer)):  # noqa: ANN201, B008
    """Last run, items, consecutive failures and last error (French) of every configured source, then the calls
    each source's last run dropped, with their reasons."""
    state = web(request)
    health = {s.slug: s for s in state.store.sources_health()}
    rows = [(s, health.get(s.slug)) for s in state.config.sources]
    dropped = dropped_reports(state.config.sources, state.store.last_runs())
    return render(request, "sources.html", viewer, rows=rows, dropped=dropped,
                  alert_after=state.config.settings.crawl.failure_alert_after)


def start_crawl(request: Request, slug: str | None) -> subprocess.Popen:
    """`vigie crawl [SLUG]` in its own process, output in var/web/collecte.log of the configuration."""
    state = web(request)
    log_dir = state.crawl_log_dir
    log_dir.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "vigie", "--config", str(state.config.directory),
               "--as-of", state.today().isoformat(), "crawl", *([slug] if slug else [])]
    with open(log_dir / "collecte.log", "ab") as log:
        return subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True)


@router.post("/sources/collecte")
def crawl_now(request: Request, source: str = Form(""), viewer: Viewer = Depends(writer)):  # noqa: ANN201, B008
    """Start a crawl of one source (or all) in the background."""
    known = {s.slug for s in web(request).config.sources}
    if source and source not in known:
        raise Forbidden("source inconnue")
    process = start_crawl(request, source or None)
    flash(request, f"Collecte lancée en arrière-plan (processus {process.pid}) : rechargez cette page dans "
                   "quelques minutes.")
    return RedirectResponse("/sources", status_code=303)
