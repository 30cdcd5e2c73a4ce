"""deploy/: the systemd units parse, have what running Vigie needs, and start commands the CLI has."""

from __future__ import annotations

import configparser
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from clirun import run_cli

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
SERVICES = ["vigie-schedule.service", "vigie-web.service", "vigie-backup.service"]
LONG_RUNNING = ["vigie-schedule.service", "vigie-web.service"]
INSTALLED = "/opt/vigie/.venv/bin/vigie"


def unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # systemd keys are case-sensitive
    parser.read(DEPLOY / name, encoding="utf-8")
    return parser


def exec_starts(name: str) -> list[list[str]]:
    lines = (DEPLOY / name).read_text("utf-8").splitlines()
    return [shlex.split(line.split("=", 1)[1]) for line in lines if line.startswith("ExecStart=")]


@pytest.mark.parametrize("name", LONG_RUNNING)
def test_long_running_services_restart_run_as_vigie_and_read_secrets_from_an_environment_file(name: str) -> None:
    service = unit(name)["Service"]
    assert service["User"] == "vigie" and service["Restart"] == "on-failure"
    assert service["EnvironmentFile"] == "/etc/vigie/vigie.env"
    assert service["NoNewPrivileges"] == "yes" and service["ProtectSystem"] == "strict"
    assert "VIGIE_CONFIG=" in (DEPLOY / name).read_text("utf-8")


@pytest.mark.parametrize("name", SERVICES)
def test_every_exec_start_is_a_vigie_command_with_help(capsys: pytest.CaptureFixture[str], name: str) -> None:
    commands = exec_starts(name)
    assert commands
    for argv in commands:
        assert argv[0] == INSTALLED
        words = [w for w in argv[1:] if not w.startswith(("-", "/"))]
        result = run_cli(capsys, *words, "--help")
        assert result.code == 0 and "Utilisation" in result.out, (argv, result.err)


def test_the_secrets_example_names_what_the_example_config_reads() -> None:
    example = (DEPLOY / "vigie.env.example").read_text("utf-8")
    for variable in ("VIGIE_SECRET_KEY", "VIGIE_SMTP_USER", "VIGIE_SMTP_PASSWORD"):
        assert f"\n{variable}=" in example
    assert variable in (ROOT / "config" / "settings.toml").read_text("utf-8")


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze absent : vérification systemd sautée")
def test_systemd_analyze_verify_accepts_the_units(tmp_path: Path) -> None:
    vigie = shutil.which("vigie", path=str(Path(__import__("sys").executable).parent))
    assert vigie, "le script vigie de l'environnement est introuvable"
    for name in [*SERVICES, "vigie-backup.timer"]:
        text = (DEPLOY / name).read_text("utf-8").replace(INSTALLED, vigie)
        (tmp_path / name).write_text(text, "utf-8")
    units = [str(tmp_path / n) for n in [*SERVICES, "vigie-backup.timer"]]
    done = subprocess.run(["systemd-analyze", "verify", *units], capture_output=True, text=True, timeout=60)
    problems = [line for line in done.stderr.splitlines() if "vigie" in line]
    assert done.returncode == 0 and not problems, done.stderr


def test_the_proxy_examples_forward_to_the_port_vigie_serve_listens_on() -> None:
    assert "proxy_pass http://127.0.0.1:8000;" in (DEPLOY / "nginx-vigie.conf").read_text("utf-8")
    assert "X-Forwarded-Proto $scheme" in (DEPLOY / "nginx-vigie.conf").read_text("utf-8")
    assert "reverse_proxy 127.0.0.1:8000" in (DEPLOY / "Caddyfile").read_text("utf-8")
