"""The demo's numbers agree on every surface: `vigie review list`, the web dashboard, the API and the chef de
projet's letter count the same matches « à relire »; each porteur letter's subject counts the distinct calls
its body lists; the chef's letter gives each porteur the number of its own letter. Surfaces are compared with
one another, never with figures written here: the demo may change what it accepts."""

from __future__ import annotations

import email
import email.policy
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from clirun import run_cli
from conftest import NOW
from models.config import load_config
from models.store import Store
from demo_world import run_demo
from test_web_world import PASSWORD, SECRET, login, password_hash
from vigie.context import source_kinds
from vigie.demo.run import DEMO_AS_OF
from vigie.web import create_app

TERRITORY = "gers-lomagne"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run the demo once through the CLI, as tests/test_demo.py does."""
    return run_demo(tmp_path_factory)


def _letters(demo: Path) -> dict[str, tuple[str, str]]:
    """Outbox file name → (subject, text part) of the demo week's letters."""
    found = {}
    for path in sorted((demo / "config" / "var" / "outbox").glob("*/*.eml")):
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        found[path.name] = (str(message["Subject"]), message.get_body(("plain",)).get_content())
    return found


def _chef_letter(demo: Path) -> tuple[str, str]:
    [letter] = [v for name, v in _letters(demo).items() if f"_chef-{TERRITORY}_" in name]
    return letter


def _section(text: str, title: str) -> str:
    """A letter section's body: from its title to the next underlined title."""
    return re.split(r"\n[^\n]+\n=+\n", text.split(f"{title}\n", 1)[1].split("\n", 1)[1], maxsplit=1)[0]


def _number(pattern: str, text: str, default: int | None = None) -> int:
    found = re.search(pattern, text)
    if found is None and default is not None:
        return default
    assert found, f"« {pattern} » introuvable dans :\n{text[:400]}"
    return int(re.sub(r"\D", "", found.group(1)))


def _listed_calls(body: str) -> tuple[set[tuple[str, str]], int]:
    """(distinct calls a letter body lists — title and link —, calls said to be left out « … et N autres »)."""
    lines = body.splitlines()
    calls = {(line[2:], nxt.strip() if nxt.startswith("  http") else "")
             for line, nxt in zip(lines, [*lines[1:], ""], strict=True) if line.startswith("* ")}
    return calls, sum(int(n) for n in re.findall(r"^… et (\d+) autres?", body, re.MULTILINE))


def _pages(demo: Path, monkeypatch: pytest.MonkeyPatch, user: str, paths: list[str]) -> list:
    """The demo's web app as a chef de projet of its territory sees it: each path's response, in order."""
    monkeypatch.setenv("VIGIE_SECRET_KEY", SECRET)
    config = load_config(demo / "config", source_kinds())
    store = Store.open(config.database_url)
    store.add_user(user, password_hash(), "chef_de_projet", [TERRITORY], NOW)
    with TestClient(create_app(config, store, lambda: DEMO_AS_OF)) as client:
        login(client, user, PASSWORD)
        responses = [client.get(path) for path in paths]
    store.close()
    return responses


def _tile(page: str, href: str) -> int:
    """The number of the dashboard tile linking to `href`."""
    return int(re.sub(r"\D", "", re.search(rf'href="{re.escape(href)}"[^>]*>\s*<strong>([^<]+)</strong>', page).group(1)))


def _dashboard_and_api(demo: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    board, api = _pages(demo, monkeypatch, "camille-compte", ["/", "/api/correspondances"])
    return _tile(board.text, "/file"), api.json()["total"]


def test_every_surface_counts_the_same_matches_to_review(
    demo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    listed = run_cli(capsys, "--config", str(demo / "config"), "--as-of", DEMO_AS_OF.isoformat(),
                     "review", "list", "--territoire", TERRITORY)
    rows = re.findall(r"^│ (\d+) +│", listed.out, re.MULTILINE)
    dashboard, api = _dashboard_and_api(demo, monkeypatch)
    subject, text = _chef_letter(demo)
    review = _section(text, "À RELIRE")
    shown = len(re.findall(r"^\* ", review, re.MULTILINE))
    counts = {"cli": _number(r"(\d+) correspondance\(s\) à revoir", listed.out), "lignes cli": len(rows),
              "tableau de bord": dashboard, "api": api,
              "objet lettre du chef": _number(r"(\d+) à relire", subject, default=0),
              "corps lettre du chef": _number(r"(\d+) correspondances? attend", review, default=0),
              "lignes lettre du chef": shown + _listed_calls(review)[1]}
    assert len(set(counts.values())) == 1, counts
    assert counts["cli"] > 0


def test_each_porteur_letter_subject_says_the_distinct_calls_its_body_lists(demo: Path) -> None:
    letters = {n: v for n, v in _letters(demo).items() if "_chef-" not in n}
    assert letters
    for name, (subject, body) in letters.items():
        calls, hidden = _listed_calls(body)
        said = {"objet": _number(r"(\d+) appels? pour vos projets", subject),
                "introduction": _number(r"Voici (\d+) appels?", body), "corps": len(calls) + hidden}
        assert len(set(said.values())) == 1, (name, said)


def test_the_chef_letter_gives_each_porteur_the_number_of_its_own_letter(demo: Path) -> None:
    store = Store.open(load_config(demo / "config", source_kinds()).database_url)
    porteurs = {p.id: p.nom for p in store.plan().porteurs}
    store.close()
    calls: dict[str, set[tuple[str, str]]] = {}
    for name, (_, body) in _letters(demo).items():
        owner = max((p for p in porteurs if f"_{p}_" in name), key=len, default=None)
        if owner and "_chef-" not in name:
            calls.setdefault(porteurs[owner], set()).update(_listed_calls(body)[0])
    _, text = _chef_letter(demo)
    lines = re.findall(r"^- (.+?)\s*:\s*(\d+)\s*$", _section(text, "LETTRES AUX PORTEURS"), re.MULTILINE)
    assert lines
    assert {nom: int(n) for nom, n in lines} == {nom: len(found) for nom, found in calls.items()}


def test_the_dashboard_and_the_chef_letter_count_the_same_new_calls(
    demo: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    board, search = _pages(demo, monkeypatch, "dominique-compte", ["/", "/recherche?nouveaux=1"])
    tile = _tile(board.text, "/recherche?nouveaux=1")
    found = _number(r"(\d+) appel\(s\), état au", search.text)
    section = _section(_chef_letter(demo)[1], "APPELS COLLECTÉS CETTE SEMAINE")
    by_source = sum(int(n) for n in re.findall(r"^- .+ : (\d+)$", section, re.MULTILINE))
    letter = _number(r"^(\d+) nouv", section)
    assert tile == found == letter > 0
    assert by_source >= letter  # a call that two sources list is one call, counted under each source
