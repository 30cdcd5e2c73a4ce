"""Every surface a person reads is French: no internal code, no English boilerplate.

The demo runs once; then every `vigie … --help`, the output of the everyday commands, every letter of the
outbox (text and HTML) and every page a logged-in chef de projet reaches from the dashboard are read for
the tokens below. Identifiers are allowed only where they are what one types (ALLOWED, kept narrow).
"""

from __future__ import annotations

import contextlib
import email
import html
import io
import re
from collections import Counter
from datetime import UTC, date, datetime
from email import policy
from pathlib import Path
from typing import Any

import pytest
import typer.main

from models.vocab import Axe, Beneficiary, FollowUp, Instrument, PorteurType, ReviewStatus, Role
from vigie.cli import app, main

DEMO_DAY = "2026-11-23"
SNAKE_CODES = sorted({str(v) for enum in (PorteurType, Beneficiary, Axe, Instrument, ReviewStatus, Role, FollowUp)
                      for v in enum if "_" in v} | {"hors_sujet", "non_eligible", "deja_connu", "mis_a_jour",
                                                    "cloture_proche", "dead_links", "already_sent"})
FORBIDDEN = {
    "None": r"\bNone\b",
    "True/False": r"\b(?:True|False)\b",
    "statut anglais": r"\b(?:open|closed|upcoming|unknown)\b",
    "code snake_case": r"\b(?:" + "|".join(SNAKE_CODES) + r")\b",
    "code sans accent": r"(?<![\w-])(?:departement|region|pme|tpe|eti|epci|petr|accepte|rejete|reporte)(?![\w-])",
    "code COG": r"(?<!\()\b(?:PAYS|REG|DEP|COM|EPCI)-[0-9AB]+\b",  # « Occitanie (REG-76) » names the place
    "pourcentage à point": r"\d\.\d+\s?%",
    "aide anglaise": r"Show this message|Usage:|\[default|\[env var|\[required\]|\bCommands\b|<(?:bool|str|int|path)>"
                     r"|list\[",
    "balise mangée": r"\(\s*\)",
    "poids brut": r"\([+\-−]\d",
}
ALLOWED = {
    ("vigie user add --help", "chef_de_projet"): "the value typed after --role",
    ("vigie init --help", "REG-76"): "a way to type --region (« 76, REG-76 ou Occitanie »)",
}
"""(surface, token) pairs that are legitimately part of what one types."""
TYPED = re.compile(r"https?://\S+|[\w.+-]+@[\w.-]+|(?<![\w-])--?[\w-]+|[\w/.-]+\.toml: [^\s:]+:")
"""Links, addresses, option names and configuration locations (« sources.toml: source[1].region: »): what one
types or clicks, never read as words."""
PER_PAGE_KIND = 3
"""Pages visited per kind (same path but the numbers): enough to see each template with real data."""


def offenders(surface: str, text: str) -> list[str]:
    """The forbidden tokens of one surface, with a little context each."""
    plain = TYPED.sub("·", text)
    found = []
    for name, pattern in FORBIDDEN.items():
        for hit in re.finditer(pattern, plain):
            if (surface, hit.group()) not in ALLOWED:
                context = " ".join(plain[max(0, hit.start() - 40):hit.end() + 30].split())
                found.append(f"{surface} — {name} « {hit.group()} » : …{context}…")
    return found


def page_text(markup: str) -> str:
    """What a person reads on a page or in an HTML letter: no tags, attributes, scripts or styles."""
    stripped = re.sub(r"<(script|style)\b.*?</\1>|<[^>]+>", " ", markup, flags=re.S | re.I)
    return html.unescape(stripped)


def vigie(*args: str) -> tuple[int, str]:
    """`vigie ARGS…` in this process: exit code and everything printed (stdout and stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
    return code, out.getvalue() + err.getvalue()


def command_paths(command: Any = None, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command and group of `vigie`, the root included."""
    command = command or typer.main.get_command(app)
    paths = [prefix]
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        paths += command_paths(sub, (*prefix, name))
    return paths


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables wide enough that no cell is cut (a cut word would hide a token)."""
    monkeypatch.setenv("COLUMNS", "250")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's configuration folder, run once through the CLI."""
    directory = tmp_path_factory.mktemp("francais") / "vigie-demo"
    code, out = vigie("demo", "--dir", str(directory))
    assert code == 0, out
    return directory / "config"


@pytest.mark.parametrize("path", command_paths(), ids=lambda p: " ".join(p) or "vigie")
def test_every_help_screen_is_in_french(path: tuple[str, ...]) -> None:
    code, out = vigie(*path, "--help")
    surface = " ".join(("vigie", *path, "--help"))
    assert code == 0 and "Utilisation : vigie" in out and "Afficher cette aide et quitter." in out, out
    assert offenders(surface, out) == []


def test_a_usage_error_is_one_french_line() -> None:
    code, out = vigie("review", "accept")
    assert code == 2 and out.strip() == "Erreur : argument N manquant (voir « vigie review accept --help »)"


@pytest.mark.parametrize("args", [["sources"], ["review", "list"], ["match"], ["digest", "--dry-run"], ["status"],
                                  ["check-config"], ["plan", "show"]], ids=" ".join)
def test_everyday_commands_speak_french(demo: Path, args: list[str]) -> None:
    code, out = vigie("--config", str(demo), "--as-of", DEMO_DAY, *args)
    assert code == 0, out
    assert offenders(" ".join(["vigie", *args]), out) == []


def test_review_decisions_are_reported_in_words(demo: Path) -> None:
    from models.store import Store

    store = Store.open(f"sqlite:///{demo}/var/vigie.db")
    waiting = [m.id for m in store.matches(eligible_only=True) if m.review_status == ReviewStatus.PENDING][:2]
    store.close()
    base = ("--config", str(demo), "--as-of", DEMO_DAY, "review")
    said = [vigie(*base, "accept", str(waiting[0]))[1],
            vigie(*base, "reject", str(waiting[1]), "--motif", "hors sujet")[1]]
    assert "« Acceptée »" in said[0] and "« Rejetée »" in said[1]
    assert offenders("vigie review accept/reject", "\n".join(said)) == []


def test_every_letter_of_the_outbox_reads_as_french_text_and_html(demo: Path) -> None:
    letters = sorted((demo / "var" / "outbox").rglob("*.eml"))
    found = []
    for path in letters:
        message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        found += offenders(f"{path.name} (texte)", message.get_body(("plain",)).get_content())
        found += offenders(f"{path.name} (HTML)", page_text(message.get_body(("html",)).get_content()))
    assert len(letters) >= 5 and found == []


def test_a_porteur_letter_gives_profile_reasons_as_words(demo: Path) -> None:
    texts = [email.message_from_bytes(p.read_bytes(), policy=policy.default).get_body(("plain",)).get_content()
             for p in (demo / "var" / "outbox").rglob("*.eml") if "_chef-" not in p.name]
    assert any(re.search(r"- mots du profil [\w-]+ : \w", text) for text in texts)


def chef_client(demo: Path, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201 - a TestClient
    """The web app over the demo's database, logged in as a chef de projet of the demo's territory."""
    from fastapi.testclient import TestClient

    from models.config import load_config
    from models.store import Store
    from test_web_world import PASSWORD, SECRET, login
    from vigie.context import source_kinds
    from vigie.web import create_app
    from vigie.web.security import hash_password

    monkeypatch.setenv("VIGIE_SECRET_KEY", SECRET)
    config = load_config(demo, source_kinds())
    store = Store.open(config.database_url)
    territory = config.plan.territories[0].id
    store.add_user("chef-francais", hash_password(PASSWORD), "chef_de_projet", [territory], datetime.now(UTC))
    client = TestClient(create_app(config, store, lambda: date.fromisoformat(DEMO_DAY)))
    login(client, "chef-francais")
    return client


def test_every_page_a_chef_de_projet_reaches_reads_as_french(demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    client = chef_client(demo, monkeypatch)
    todo, seen, kinds, found, statuses = ["/"], set(), Counter(), [], {}
    while todo:
        url = todo.pop(0)
        kind = re.sub(r"\d+", "N", url.split("?")[0])
        if url in seen or kinds[kind] >= PER_PAGE_KIND:
            continue
        seen.add(url)
        kinds[kind] += 1
        response = client.get(url)
        statuses[url] = response.status_code
        if "text/html" not in response.headers.get("content-type", ""):
            continue  # exports: spreadsheets and calendars for other tools
        found += offenders(f"page {url}", page_text(response.text))
        links = [html.unescape(h).split("#")[0] for h in re.findall(r'href="(/[^"]*)"', response.text)]
        todo += [h for h in links if not h.startswith(("/static", "/desabonnement", "/deconnexion"))]
    assert {"/", "/file", "/plan", "/sources", "/porteurs", "/appels/N", "/correspondances/N"} <= set(kinds)
    assert [u for u, s in statuses.items() if s != 200] == [] and found == []
