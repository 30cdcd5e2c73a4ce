"""`vigie demo` end to end: mirror served on 127.0.0.1, real crawl processes, SQLite, plan, match, outbox."""

from __future__ import annotations

import email
from email import policy
from pathlib import Path

import pytest

from clirun import run_cli
from models.store import Store


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run the demo once through the CLI (it takes a few seconds: one scrapy process per source)."""
    directory = tmp_path_factory.mktemp("demo") / "vigie-demo"
    from vigie.cli import main

    try:
        main(["demo", "--dir", str(directory)])
    except SystemExit as exc:  # pragma: no cover - a failing demo fails every test below
        pytest.fail(f"vigie demo a échoué (code {exc.code})")
    return directory


def test_every_mirrored_source_was_crawled_and_stored(demo: Path) -> None:
    from models.config import load_config
    from vigie.context import source_kinds

    enabled = {s.slug for s in load_config(demo / "config", source_kinds()).sources if s.enabled}
    store = Store.open(f"sqlite:///{demo}/config/var/vigie.db")
    sources = {s.slug: s for s in store.sources_health()}
    assert set(sources) == enabled and len(enabled) >= 5
    assert all(s.last_error is None and s.last_item_count for s in sources.values())
    assert {d.source for _, d in store.opportunities()} == enabled


def test_stored_links_point_to_the_real_sites_not_to_the_mirror(demo: Path) -> None:
    store = Store.open(f"sqlite:///{demo}/config/var/vigie.db")
    links = [u for _, d in store.opportunities() for u in (d.url, d.apply_url) if u]
    assert links and not [u for u in links if "127.0.0.1" in u]
    assert any(u.startswith("https://www.banquedesterritoires.fr/") for u in links)


def test_the_demo_plan_was_imported_and_matched(demo: Path) -> None:
    store = Store.open(f"sqlite:///{demo}/config/var/vigie.db")
    plan = store.plan()
    assert len(plan.fiches) >= 14 and len(plan.porteurs) >= 8
    eligible = store.matches(eligible_only=True)
    assert eligible and all(m.eligibility for m in eligible)
    assert {m.fiche_id for m in eligible} >= {"LOM-01", "LOM-02"}


def test_each_porteur_digest_is_a_readable_french_email_with_an_unsubscribe_link(demo: Path) -> None:
    outbox = demo / "config" / "var" / "outbox" / "2026-W48"
    letters = sorted(p for p in outbox.glob("*.eml") if not p.name.startswith("2026-W48_chef-"))
    assert letters
    for path in letters:
        message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        assert message["Subject"].startswith("Vigie · ")
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        text = message.get_body(("plain",)).get_content()
        assert "NOUVEAUX APPELS" in text and "/desabonnement/" in text


def test_a_chaufferie_fiche_is_offered_a_biomass_heat_call(demo: Path) -> None:
    letter = next((demo / "config" / "var" / "outbox" / "2026-W48").glob("*_cc-lomagne_*.eml"))
    text = email.message_from_bytes(letter.read_bytes(), policy=policy.default).get_body(("plain",)).get_content()
    section = text.split("(LOM-01)")[1].split("Fiche-action")[0]
    assert "biomasse" in section.lower()


def test_the_demo_refuses_a_folder_that_is_not_its_own(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "mes-donnees").mkdir()
    (tmp_path / "mes-donnees" / "important.txt").write_text("à garder")
    result = run_cli(capsys, "demo", "--dir", str(tmp_path / "mes-donnees"))
    assert result.code == 1 and "n'est pas un dossier de démo" in result.err
    assert (tmp_path / "mes-donnees" / "important.txt").read_text() == "à garder"


def test_the_chef_de_projet_gets_the_territory_digest(demo: Path) -> None:
    letter = next((demo / "config" / "var" / "outbox" / "2026-W48").glob("*_chef-gers-lomagne_*.eml"))
    message = email.message_from_bytes(letter.read_bytes(), policy=policy.default)
    assert "camille.dufour@example.org" in message["To"]
    text = message.get_body(("plain",)).get_content()
    assert "APPELS COLLECTÉS CETTE SEMAINE" in text and "À RELIRE" in text
    assert "nouveaux appels :" in text


@pytest.mark.parametrize(("url", "expected"), [
    ("http://127.0.0.1:8123/www.banquedesterritoires.fr/appel/x?y=1", "https://www.banquedesterritoires.fr/appel/x?y=1"),
    ("https://www.bpifrance.fr/nos-appels", "https://www.bpifrance.fr/nos-appels"),
    ("http://127.0.0.1:9999/www.ademe.fr/x", "http://127.0.0.1:9999/www.ademe.fr/x"),
], ids=["mirror", "already-real", "another-server"])
def test_a_mirror_link_maps_back_to_its_real_site(url: str, expected: str) -> None:
    from vigie.demo.server import real_url

    assert real_url(url, "http://127.0.0.1:8123") == expected
