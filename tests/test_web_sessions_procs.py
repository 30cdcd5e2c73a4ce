"""The login limit, logout and the bound on password checks across real processes: `vigie serve` servers
sharing one database, clients in processes of their own."""

from __future__ import annotations

import multiprocessing
import re
import socket
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.cookiejar import CookieJar
from multiprocessing.connection import Connection
from multiprocessing.synchronize import Event
from pathlib import Path

import pytest

from killproc import kill_group, start_vigie, wait_for
from models.store import Store, WebQueries
from test_web_world import PASSWORD, web_config, world_dir  # noqa: F401 - fixtures
from vigie.web.security import HASH_SLOTS, MAX_ATTEMPTS, LoginLimiter

MIB = 1024 * 1024
ARGON2_MEMORY = 64 * MIB

CLIENT = """
import http.cookiejar, os, re, sys, urllib.error, urllib.parse, urllib.request
base, name = sys.argv[1], f"{sys.argv[2]}-{os.getpid()}"
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
token = re.search(r'name="csrf" value="([^"]+)"', opener.open(base + "/connexion").read().decode()).group(1)
data = urllib.parse.urlencode({"username": name, "password": "mauvais", "csrf": token}).encode()
print("prêt", flush=True)
sys.stdin.readline()
try:
    print(opener.open(base + "/connexion", data=data, timeout=120).status)
except urllib.error.HTTPError as error:
    print(error.code)
"""
"""One failed login (a name of its own) from a process of its own, sent when told to go (all clients together)."""


def _attempt(url: str, go: Event, conn: Connection) -> None:
    """One attempt counted straight through the limiter, in a forked process, when told to go."""
    limiter = LoginLimiter(WebQueries(Store.open(url, upgrade=False)))
    conn.send("prêt")
    go.wait()
    conn.send(limiter.start("camille", "203.0.113.9") is not None)


def _together(code: str, *args: str, count: int) -> list[str]:
    """Run `count` processes of `code`; once all say they are ready, tell them all to go; their last lines."""
    children = [subprocess.Popen([sys.executable, "-c", code, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                 text=True) for _ in range(count)]
    for child in children:
        assert child.stdout.readline().strip() == "prêt"
    for child in children:
        child.stdin.write("go\n")
        child.stdin.flush()
    return [child.communicate(timeout=180)[0].strip() for child in children]


def _race(url: str, store: Store, count: int) -> list[bool]:
    """`count` forked processes (quick to start: nothing to import) each make one attempt, all together."""
    context = multiprocessing.get_context("fork")
    store.engine.dispose()  # no connection of this process is inherited by the children
    go, pipes, children = context.Event(), [], []
    for _ in range(count):
        ours, theirs = context.Pipe()
        children.append(context.Process(target=_attempt, args=(url, go, theirs)))
        children[-1].start()
        theirs.close()
        pipes.append(ours)
    assert [pipe.recv() for pipe in pipes] == ["prêt"] * count
    go.set()
    results = [pipe.recv() for pipe in pipes]
    for child in children:
        child.join()
    return results


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _answers(base: str) -> bool:
    try:
        return urllib.request.urlopen(base + "/connexion", timeout=2).status == 200
    except OSError:
        return False


@pytest.fixture
def servers(web_config, tmp_path: Path) -> Iterator[list[tuple[str, subprocess.Popen]]]:  # noqa: ANN001, F811
    """Two `vigie serve` processes on the world's database."""
    started = []
    try:
        for index in range(2):
            port = _free_port()
            process = start_vigie(web_config.directory, "serve", "--port", str(port), log=tmp_path / f"serve{index}.log")
            started.append((f"http://127.0.0.1:{port}", process))
        for base, _ in started:
            wait_for(lambda b=base: _answers(b), 60, f"le serveur {base}")
        yield started
    finally:
        for _, process in started:
            kill_group(process)


class Browser:
    """A client keeping its cookies, posting forms with the session's CSRF token."""

    def __init__(self) -> None:
        self.jar = CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect())

    def send(self, url: str, data: dict[str, str] | None = None) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(url, data=body, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def login(self, base: str, username: str, password: str) -> int:
        token = re.search(r'name="csrf" value="([^"]+)"', self.send(base + "/connexion")[1]).group(1)
        return self.send(base + "/connexion", {"username": username, "password": password, "csrf": token})[0]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN201
        return None


def test_two_server_processes_share_the_login_limit(servers) -> None:  # noqa: ANN001
    browser, (first, _), (second, _) = Browser(), *servers
    codes = [browser.login(base, "camille", "mauvais") for base in [first, second] * 2 + [first]]
    assert codes == [401] * MAX_ATTEMPTS
    assert browser.login(second, "camille", PASSWORD) == 429


def test_logging_out_on_one_server_process_ends_the_session_on_the_other(servers) -> None:  # noqa: ANN001
    browser, copy, (first, _), (second, _) = Browser(), Browser(), *servers
    assert browser.login(first, "camille", PASSWORD) == 303
    for cookie in browser.jar:
        copy.jar.set_cookie(cookie)
    status, page = browser.send(second + "/")
    token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    browser.send(second + "/deconnexion", {"csrf": token})
    assert status == 200 and copy.send(first + "/")[0] == 303


@pytest.mark.parametrize("db_url", ["sqlite", "postgresql"], indirect=True)
def test_attempts_racing_from_many_processes_never_pass_the_limit_and_refused_ones_are_not_counted(db_url: str, store: Store) -> None:
    raced = sum(_race(db_url, store, count=MAX_ATTEMPTS + 3))
    limiter, later = LoginLimiter(WebQueries(store)), 0
    while limiter.start("camille", "203.0.113.9") is not None:
        later += 1
    assert raced <= MAX_ATTEMPTS and raced + later == MAX_ATTEMPTS


def _peak_rss(process: subprocess.Popen) -> int:
    """The highest resident memory the server process has had (VmHWM), in bytes."""
    status = Path(f"/proc/{process.pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) * 1024


@pytest.mark.timed_waits
def test_a_burst_of_failed_logins_keeps_the_server_memory_bounded(servers) -> None:  # noqa: ANN001
    (base, server), _ = servers
    Browser().login(base, "inconnu", "mauvais")  # argon2 loaded, one check made
    before = _peak_rss(server)
    codes = [int(line) for line in _together(CLIENT, base, "inconnu", count=24)]
    growth = _peak_rss(server) - before
    assert set(codes) <= {401, 429} and codes.count(401) >= HASH_SLOTS
    assert growth < (HASH_SLOTS + 2) * ARGON2_MEMORY, f"{growth / MIB:.0f} Mio de plus"
