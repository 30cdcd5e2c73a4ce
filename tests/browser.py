"""What the browser tests share: Debian's chromium driven by Playwright (no browser download), the test world's
web app served on 127.0.0.1, screenshots and the login form.

Importing this module skips the importing test module, with the reason, when /usr/bin/chromium or playwright is
missing (`make setup` installs chromium when run as root). Screenshots go to test-artifacts/ (gitignored)."""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from models.config import load_config
from models.store import Store
from test_web_world import AS_OF, PASSWORD, SECRET
from vigie.context import source_kinds
from vigie.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"

if not CHROMIUM.exists():
    pytest.skip("chromium absent (/usr/bin/chromium) : lancez « make setup » en root ou "
                "« apt-get install chromium » ; tests navigateur sautés", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright absent (pip install -e '.[test]')")


@contextmanager
def world_app(world_dir: Path, directory: Path) -> Iterator[tuple[Any, Store]]:
    """The test world copied to `directory`, its app (today: AS_OF) and its open store; the session key is set
    while it lasts."""
    shutil.copytree(world_dir, directory)
    os.environ["VIGIE_SECRET_KEY"] = SECRET
    config = load_config(directory, source_kinds())
    store = Store.open(config.database_url)
    try:
        yield create_app(config, store, lambda: AS_OF), store
    finally:
        store.close()
        os.environ.pop("VIGIE_SECRET_KEY", None)


@contextmanager
def serving(app: Any) -> Iterator[str]:
    """`app` in a uvicorn thread on 127.0.0.1 (OS-chosen port); yields its base URL."""
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(5)


@pytest.fixture(scope="module")
def browser() -> Iterator:
    """Debian's chromium, headless."""
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser) -> Iterator:  # noqa: ANN001
    """A fresh browser context (no cookies) and page; the dialogs it opens are recorded."""
    context = browser.new_context(accept_downloads=True, locale="fr-FR", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.dialogs = []
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    yield tab
    context.close()


def shot(page, name: str) -> None:  # noqa: ANN001
    """Save a full-page screenshot as a test artifact."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"web-{name}.png"), full_page=True)


def log_in(page, base: str, username: str) -> None:  # noqa: ANN001
    """Fill and send the login form."""
    page.goto(f"{base}/connexion")
    shot(page, "connexion")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")
