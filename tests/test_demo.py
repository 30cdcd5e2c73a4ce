"""`vigie demo` end to end: mirror served on 127.0.0.1, real crawl processes, SQLite, plan, match, the chef de
projet's review played by the demo, outbox, and the commands it prints to look at the result."""

from __future__ import annotations

import email
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from email import policy
from pathlib import Path

import pytest

from clirun import run_cli
from models.store import Store


@dataclass(frozen=True)
class DemoRun:
    """A demo run as `make demo` runs it: `.venv/bin/vigie demo` from the project folder, 80 columns."""

    cwd: Path
    out: str
    env: dict[str, str]


def shell_env() -> dict[str, str]:
    """This environment without the virtualenv on the PATH (not activated) nor Vigie's variables."""
    env = {k: v for k, v in os.environ.items() if k not in ("VIGIE_AS_OF", "VIGIE_CONFIG", "VIGIE_SECRET_KEY")}
    folders = env.get("PATH", os.defpath).split(os.pathsep)
    env["PATH"] = os.pathsep.join(f for f in folders if not Path(f, "vigie").exists())
    return env | {"COLUMNS": "80", "PYTHONUNBUFFERED": "1"}


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> DemoRun:
    """Run the demo once in its own process (it takes a while: one scrapy process per source), from a folder
    holding the virtualenv as .venv, like the project root after `make setup`."""
    cwd = tmp_path_factory.mktemp("projet")
    (cwd / ".venv").symlink_to(Path(sys.executable).parent.parent)
    env = shell_env()
    result = subprocess.run([".venv/bin/vigie", "demo"], cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return DemoRun(cwd, result.stdout, env)


@pytest.fixture(scope="module")
def demo(demo_run: DemoRun) -> Path:
    """The demo's folder."""
    return demo_run.cwd / "vigie-demo"


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


# --- the chef de projet's review, played by the demo ------------------------------------------------


def rows(demo: Path, query: str) -> list[tuple]:
    with sqlite3.connect(demo / "config" / "var" / "vigie.db") as db:
        return db.execute(query).fetchall()


def test_the_demo_says_it_plays_the_chef_de_projet_and_decides_through_reviews(demo_run: DemoRun, demo: Path) -> None:
    assert "La démo joue le chef de projet" in " ".join(demo_run.out.split())
    accepted = rows(demo, "select fiche_id, reviewer from match where review_status = 'accepte'")
    assert accepted and {reviewer for _, reviewer in accepted} == {"démo"}
    per_fiche = [n for (n,) in rows(demo, "select count(*) from match where review_status = 'accepte' group by fiche_id")]
    assert max(per_fiche) == 2
    assert rows(demo, "select count(*) from match where eligible and review_status = 'a_revoir'")[0][0] > 0


def test_porteur_letters_announce_only_what_the_chef_de_projet_accepted(demo: Path) -> None:
    statuses = rows(demo, "select m.review_status from digestitem i join match m on m.id = i.match_id "
                          "join digest d on d.id = i.digest_id where d.kind = 'porteur'")
    assert statuses and {s for (s,) in statuses} == {"accepte"}


def test_the_chef_de_projet_letter_counts_the_accepted_calls_that_go_out(demo: Path) -> None:
    letter = next((demo / "config" / "var" / "outbox" / "2026-W48").glob("*_chef-gers-lomagne_*.eml"))
    text = email.message_from_bytes(letter.read_bytes(), policy=policy.default).get_body(("plain",)).get_content()
    going = re.search(r"(\d+) appels? acceptés? part", text)
    accepted = rows(demo, "select count(distinct porteur_id || '/' || opportunity_id) from match "
                          "where review_status = 'accepte'")[0][0]
    assert going and int(going.group(1)) == accepted


# --- what the demo prints ------------------------------------------------------------------------------


def command_lines(out: str) -> list[str]:
    """The lines to type, as printed (indented, after "Pour voir le résultat")."""
    tail = out.split("Pour voir le résultat")[1]
    return [line.strip() for line in tail.splitlines()
            if line.startswith("    ") and (" --config " in line or line.strip().startswith(("export ", "http")))]


def test_every_line_fits_80_columns_and_the_table_cuts_no_word(demo_run: DemoRun, demo: Path) -> None:
    commands = command_lines(demo_run.out)
    too_long = [line for line in demo_run.out.splitlines() if len(line) > 80 and line.strip() not in commands]
    assert not too_long
    table = demo_run.out.split("Collecte par source")[1].split("Plan d'actions")[0]
    assert "…" not in table
    from models.config import load_config
    from vigie.context import source_kinds

    slugs = [s.slug for s in load_config(demo / "config", source_kinds()).sources if s.enabled]
    assert all(re.search(rf"^\s*{re.escape(slug)}\s", table, re.M) for slug in slugs)


def test_the_printed_review_command_works_as_printed(demo_run: DemoRun) -> None:
    review = next(line for line in command_lines(demo_run.out) if line.endswith(" review list"))
    assert review.startswith(".venv/bin/vigie ")  # the virtualenv is not activated: `vigie` alone would not be found
    result = subprocess.run(review, shell=True, cwd=demo_run.cwd, env=demo_run.env, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    assert "À revoir" in result.stdout and re.search(r"[A-Z]{3}-0\d", result.stdout)
    left = re.search(r"(\d+) à relire\.", " ".join(demo_run.out.split()))
    assert left and re.search(rf"\b{left[1]} correspondance", result.stdout)  # the queue the demo left


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_printed_web_app_commands_start_it_and_the_printed_account_logs_in(demo_run: DemoRun) -> None:
    import httpx

    lines = command_lines(demo_run.out)
    export, serve = next(x for x in lines if x.startswith("export ")), next(x for x in lines if x.endswith(" serve"))
    account = re.search(r"compte « (\S+) »,\s+mot de passe « (\S+) »", " ".join(demo_run.out.split()))
    port = free_port()
    server = subprocess.Popen(f"{export}\nexec {serve} --port {port}", shell=True, cwd=demo_run.cwd, env=demo_run.env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", follow_redirects=True) as client:
            form, deadline = None, time.monotonic() + 120
            while form is None and time.monotonic() < deadline and server.poll() is None:
                try:
                    form = client.get("/connexion").text
                except httpx.TransportError:
                    time.sleep(0.3)
            assert form is not None, server.stderr.read().decode() if server.stderr else ""
            assert account, "compte et mot de passe non affichés"
            csrf = re.search(r'name="csrf" value="([^"]+)"', form)
            page = client.post("/connexion", data={"username": account[1], "password": account[2],
                                                   "csrf": csrf[1] if csrf else ""})
            assert page.status_code == 200 and page.url.path == "/"
            space = next(x for x in lines if "/espace/" in x).replace("127.0.0.1:8000", f"127.0.0.1:{port}")
            with httpx.Client() as porteur:  # no session: the link alone opens the space
                opened = porteur.get(space)
            assert opened.status_code == 200 and "Appels à projets pour" in opened.text
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_printed_copil_report_command_writes_the_printable_page(demo_run: DemoRun) -> None:
    report = next(line for line in command_lines(demo_run.out) if " rapport --territoire " in line)
    assert report.endswith("--format html")
    result = subprocess.run(report, shell=True, cwd=demo_run.cwd, env=demo_run.env, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    written = list(demo_run.cwd.glob("rapport-copil-*.html"))
    assert len(written) == 1 and "@page" in written[0].read_text(encoding="utf-8")


# --- rerunning the demo in the same folder ---------------------------------------------------------------


@pytest.fixture
def explored(tmp_path: Path) -> Path:
    """A demo folder someone worked in since: an account of their own, a profile edited, a tuning reference."""
    from conftest import NOW
    from vigie.demo.folder import prepare_directory

    directory = tmp_path / "vigie-demo"
    config_dir = prepare_directory(directory).config_dir
    store = Store.open(f"sqlite:///{config_dir}/var/vigie.db")
    store.add_user("marie", "hash", "chef_de_projet", ["gers-lomagne"], NOW)
    store.close()
    reference = config_dir / "var" / "tune" / "reference" / "reference.json"
    reference.parent.mkdir(parents=True)
    reference.write_text("{}", encoding="utf-8")
    with (config_dir / "profiles" / "competences.toml").open("a", encoding="utf-8") as profile:
        profile.write("# retouché\n")
    return directory


def test_a_rerun_refuses_to_erase_work_and_names_it_with_the_reset_option(
    capsys: pytest.CaptureFixture[str], explored: Path
) -> None:
    result = run_cli(capsys, "demo", "--dir", str(explored))
    assert result.code == 1
    assert "marie" in result.err and "référence de réglage" in result.err and "profiles/competences.toml" in result.err
    assert "demo --dir" in result.err and "--reinitialiser" in result.err
    assert (explored / "config" / "var" / "tune" / "reference" / "reference.json").exists()


def test_the_reset_option_erases_the_earlier_demo_and_says_what_it_erased(explored: Path) -> None:
    from vigie.demo.folder import prepare_directory

    folder = prepare_directory(explored, reset=True)
    assert folder.replaced and any("marie" in line for line in folder.erased)
    assert any("référence de réglage" in line for line in folder.erased)
    assert not (folder.config_dir / "var").exists()


def test_a_demo_nobody_worked_in_is_replaced_without_reset(tmp_path: Path) -> None:
    from vigie.demo.folder import prepare_directory

    prepare_directory(tmp_path / "vigie-demo")
    again = prepare_directory(tmp_path / "vigie-demo")
    assert again.replaced and again.erased == []


# --- the demo's porteurs ---------------------------------------------------------------------------------


def same_name(nom: str) -> str:
    """A porteur's name compared without case, accents nor the "CC" abbreviation."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", nom).encode("ascii", "ignore").decode().lower()
    return re.sub(r"^cc ", "communaute de communes ", plain).strip()


def test_no_two_demo_porteurs_share_a_name_or_a_siren(tmp_path: Path) -> None:
    from models.config import load_config
    from models.plan import read_plan
    from vigie.context import source_kinds
    from vigie.demo.folder import copy_demo_config

    copy_demo_config(tmp_path / "config")
    config = load_config(tmp_path / "config", source_kinds())
    plan = read_plan(Path(__file__).resolve().parents[1] / "vigie" / "demo" / "plan_actions.csv",
                     {t.id: t.nom for t in config.plan.territories})
    porteurs = [*config.plan.porteurs, *plan.porteurs]
    names = [same_name(p.nom) for p in porteurs]
    sirens = [p.siren for p in porteurs if p.siren]
    assert len(set(names)) == len(names) and len(set(sirens)) == len(sirens)
    assert len({p.id for p in porteurs}) == len(porteurs)


def test_the_demo_rule_accepts_the_two_best_of_each_fiche_and_leaves_the_others() -> None:
    from vigie.demo.chef import Waiting, demo_decisions

    waiting = [Waiting(3, "A", 0.4), Waiting(1, "A", 0.9), Waiting(2, "A", 0.5), Waiting(5, "B", 0.3)]
    assert demo_decisions(waiting) == [1, 2, 5]
