"""A local mirror of the demo sources, served over HTTP on 127.0.0.1 (threaded `http.server`).

Files under `site/` are laid out as `<host>/<path>`; a request maps to a file so that:
- `/<host>/a/b.xml` is the file itself; a path without extension tries `.xml`, `.json`, `.csv`,
  `.html`, `.txt` (e.g. ADEME's `/collectivites/rss/appels-a-projet` → `appels-a-projet.xml`);
- Opendatasoft paging: `records?limit=5&offset=5` → `records.offset-5.json` (v1: `?dataset=d&start=k`
  → `search.d.offset-k.json`), whatever the limit;
- page-numbered APIs (`?page=N` or `?pageNumber=N`, other parameters ignored) → `<name>.page-N.<ext>`;
  the first page (0 or 1) falls back to the plain file;
- POST is answered like GET (the body is ignored): AJAX searches, token exchanges (a static
  `connexion.json` answers Aides-territoires' `POST /api/connexion/`), multipart search APIs;
- `_status.json` at the root may force a status per path (`{"/gone/feed.xml": 410}`).
Responses carry ETag, Last-Modified and `Cache-Control: max-age=0`; conditional requests get 304,
so scrapy's RFC 2616 cache policy is exercised for real.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from models.config.schema import SourceConfig
from models.records import OpportunityData

SITE = Path(__file__).resolve().parent / "site"
"""The bundled mirror."""
_EXTENSIONS = ("", ".xml", ".json", ".csv", ".html", ".txt")
_TYPES = {
    ".json": "application/json; charset=utf-8", ".xml": "application/rss+xml; charset=utf-8",
    ".csv": "text/csv; charset=utf-8", ".html": "text/html; charset=utf-8", ".txt": "text/plain; charset=utf-8",
}


def resolve_file(root: Path, url: str) -> Path | None:
    """The file of `root` that answers `url` (path and query), or None."""
    parts = urlsplit(url)
    relative = unquote(parts.path).strip("/")
    if not relative:
        return None
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    base = root / relative
    paging = [query["dataset"]] if "dataset" in query else []
    offset = query.get("offset", query.get("start"))
    if offset is not None:
        paging.append(f"offset-{offset}")
    page = query.get("page", query.get("pageNumber"))
    plain = [base.with_name(base.name + ext) for ext in _EXTENSIONS]
    if paging:
        candidates = [base.with_name(f"{base.name}.{'.'.join(paging)}.json")]
    elif page is not None:
        paged = [base.with_name(f"{base.name}.page-{page}{ext}") for ext in _EXTENSIONS[1:]]
        candidates = paged + (plain if page in ("0", "1") else [])
    else:
        candidates = plain
    root = root.resolve()
    for candidate in candidates:
        resolved = candidate.resolve()
        if resolved.is_file() and resolved.is_relative_to(root):
            return resolved
    return None


class MirrorServer:
    """The mirror on an OS-chosen port; `requests` logs (path, status) of every answer."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.requests: list[tuple[str, int]] = []
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def base_url(self) -> str:
        """http://127.0.0.1:<port>"""
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def start(self) -> str:
        """Serve in a background thread; returns the base URL."""
        self._thread.start()
        return self.base_url

    def stop(self) -> None:
        """Stop serving and free the port."""
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def forced_status(self, path: str) -> int | None:
        """The status `_status.json` forces for `path`, if any."""
        table = self.root / "_status.json"
        if not table.is_file():
            return None
        return json.loads(table.read_text("utf-8")).get(unquote(path))


def serve_site(root: Path = SITE) -> tuple[str, Callable[[], None]]:
    """Serve `root` on 127.0.0.1; returns (base_url, stop)."""
    server = MirrorServer(root)
    return server.start(), server.stop


def rebase_sources(sources: list[SourceConfig], base_url: str) -> list[SourceConfig]:
    """The sources with their real URL mapped onto the mirror: https://host/path → {base}/host/path."""
    rebased = []
    for source in sources:
        parts = urlsplit(source.url)
        url = f"{base_url.rstrip('/')}/{parts.netloc}{parts.path}" + (f"?{parts.query}" if parts.query else "")
        rebased.append(source.model_copy(update={"url": url}))
    return rebased


def real_url(url: str, base_url: str) -> str:
    """The inverse of `rebase_sources` for a link found on the mirror: {base}/host/path → https://host/path
    (a page of the mirror that links relatively gives such links); any other URL is returned unchanged."""
    prefix = base_url.rstrip("/") + "/"
    if not url.startswith(prefix):
        return url
    host, _, rest = url[len(prefix):].partition("/")
    return f"https://{host}/{rest}"


def unmirror(base_url: str) -> Callable[[OpportunityData], OpportunityData]:
    """A crawl transform: each record's links point to the real site, not to the mirror that stood in."""
    def transform(record: OpportunityData) -> OpportunityData:
        fixed = {"url": real_url(record.url, base_url)}
        if record.apply_url:
            fixed["apply_url"] = real_url(record.apply_url, base_url)
        return record.model_copy(update=fixed)

    return transform


def _handler_for(server: MirrorServer) -> type[BaseHTTPRequestHandler]:
    class Handler(_MirrorHandler):
        mirror = server

    return Handler


class _MirrorHandler(BaseHTTPRequestHandler):
    mirror: MirrorServer
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes: without TCP_NODELAY each answer waits ~40 ms (Nagle + delayed ACK).
    disable_nagle_algorithm = True

    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        self._answer(with_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer(with_body=False)

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)  # the request body is not used, but must be consumed
        self._answer(with_body=True)

    def _answer(self, with_body: bool) -> None:
        path = urlsplit(self.path).path
        forced = self.mirror.forced_status(path)
        found = None if forced else resolve_file(self.mirror.root, self.path)
        if forced or found is None:
            return self._send(forced or 404, b"", "text/plain; charset=utf-8", {}, with_body)
        body = found.read_bytes()
        mtime = int(found.stat().st_mtime)
        headers = {
            "ETag": '"' + hashlib.sha1(body).hexdigest()[:20] + '"',
            "Last-Modified": formatdate(mtime, usegmt=True),
            # max-age=0, not no-cache: scrapy's RFC 2616 policy only revalidates a stale entry.
            "Cache-Control": "max-age=0",
        }
        if self._not_modified(headers["ETag"], mtime):
            return self._send(304, b"", None, headers, with_body=False)
        self._send(200, body, _TYPES.get(found.suffix, "application/octet-stream"), headers, with_body)

    def _not_modified(self, etag: str, mtime: int) -> bool:
        if self.headers.get("If-None-Match"):
            return etag in [t.strip() for t in self.headers["If-None-Match"].split(",")]
        since = self.headers.get("If-Modified-Since")
        try:
            return bool(since) and mtime <= parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError):
            return False

    def _send(self, status: int, body: bytes, ctype: str | None, headers: dict[str, str], with_body: bool) -> None:
        self.mirror.requests.append((self.path, status))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if ctype:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body) if status != 304 else 0))
        self.end_headers()
        if with_body and status != 304:
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Silent: requests are logged in `mirror.requests`."""
