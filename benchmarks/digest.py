"""Digest throughput: rendering 1,000 porteurs' digests of 10 calls each, then sending them through one
SMTP connection to a local aiosmtpd server (127.0.0.1). Prints the median of several runs.

    python benchmarks/digest.py [--porteurs 1000] [--matches 10] [--runs 3] [--small]

Each run is a new process, as a `vigie digest` command is: its first rendering is cold (templates compiled,
the calendar's event cache empty); the same batch rendered again in that process is the warm figure (what a
long-lived process would see for the same calls and day); then the cold rendering is sent. Cold and warm are
printed apart, each with the machine's load. Goals: ≤ 10 s to render, ≤ 60 s to send.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

from aiosmtpd.controller import Controller

from models import display
from models.config.schema import SenderConfig, SmtpConfig
from models.records import ContactData, OpportunityData, PorteurData
from notifier import DigestContent, DigestEntry, RenderedDigest, render_digest
from notifier.smtp import SmtpSender

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_common import Measure, figure, machine, run_timed  # noqa: E402

AS_OF = date(2026, 11, 23)
SENDER = SenderConfig(reply_to="chef@example.org", public_url="https://vigie.example.org")
SECTIONS = ["nouveaux"] * 6 + ["mis_a_jour"] * 2 + ["cloture_proche"] * 2


def contents(porteurs: int, matches: int) -> list[DigestContent]:
    """One digest per porteur, `matches` calls over 3 fiches and the three sections."""
    result = []
    for p in range(porteurs):
        entries = []
        for m in range(matches):
            call = OpportunityData(
                source="bench", source_id=f"{p}-{m}", url=f"https://example.org/appels/{p}/{m}",
                title=f"Appel à projets n°{m} : chaleur renouvelable et friches <industrielles> ({p})",
                funders=["ADEME"], programmes=["France 2030"], instruments=["subvention"], amount_max=500_000,
                rate_max=40, close_dates=[date(2026, 12, 15 + m % 10), date(2027, 3, 1)])
            section = SECTIONS[m % len(SECTIONS)]
            changes = ["nouvelle relève le 01/03/2027"] if section == "mis_a_jour" else []
            entries.append(DigestEntry(call, f"F{m % 3}", f"Fiche {m % 3}", 1 - m / 100,
                                       ["termes : « chaleur »", "profil : friches", "bénéficiaire : EPCI ✔"],
                                       section, changes))
        porteur = PorteurData(id=f"p{p}", nom=f"Porteur {p}", type="epci", territoire="t")
        contact = ContactData(email=f"contact{p}@example.org", nom=f"Contact {p}")
        result.append(DigestContent(porteur, contact, "2026-W48", AS_OF, entries,
                                    f"https://vigie.example.org/desabonnement/jeton{p}"))
    return result


class Sink:
    """Accepts and counts messages."""

    def __init__(self) -> None:
        self.count = 0

    async def handle_DATA(self, server, session, envelope):  # noqa: ANN001, ANN201, N802
        self.count += 1
        return "250 OK"


def render_all(batch: list[DigestContent]) -> tuple[float, float, list[RenderedDigest]]:
    """(wall seconds, CPU seconds, rendered): CPU time stays meaningful on a machine shared with other work."""
    start, cpu = time.perf_counter(), time.process_time()
    now = datetime.now(UTC)
    rendered = [render_digest(c, SENDER, f"bench-{i}@example.org", sent_at=now) for i, c in enumerate(batch)]
    return time.perf_counter() - start, time.process_time() - cpu, rendered


def send_all(rendered: list[RenderedDigest]) -> float:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        config = SmtpConfig(host="127.0.0.1", port=port, security="none", rate_per_minute=1_000_000)
        start = time.perf_counter()
        with SmtpSender(config) as sender:
            for message in rendered:
                sender.deliver(message)
        elapsed = time.perf_counter() - start
    finally:
        controller.stop()
    assert sink.count == len(rendered), f"{sink.count} messages reçus sur {len(rendered)}"
    return elapsed


def one_run(porteurs: int, matches: int) -> None:
    """Child process: a cold rendering, the same batch again (warm), the cold one sent; prints the seconds."""
    batch = contents(porteurs, matches)
    cold, cold_cpu, rendered = render_all(batch)
    warm, warm_cpu, _ = render_all(batch)
    sent = send_all(rendered)
    size = sum(len(r.message.as_bytes()) for r in rendered) // len(rendered)
    print(json.dumps({"cold": cold, "cold_cpu": cold_cpu, "warm": warm, "warm_cpu": warm_cpu, "send": sent,
                      "size": size}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--porteurs", type=int, default=1000)
    parser.add_argument("--matches", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--small", action="store_true", help="essai rapide : 100 porteurs, 2 essais")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return one_run(args.porteurs, args.matches)
    if args.small:
        args.porteurs, args.runs = 100, 2
    print(f"machine : {machine()}")
    print(f"{args.porteurs} porteurs × {args.matches} appels, {args.runs} essai(s), chacun dans un nouveau processus")
    command = [sys.executable, __file__, "--child", "--porteurs", str(args.porteurs), "--matches", str(args.matches)]
    runs = []
    for _ in range(args.runs):
        child = run_timed(command)
        runs.append((child, json.loads(child.output)))
    step = lambda key: [Measure(figures[key], child.load) for child, figures in runs]  # noqa: E731
    cpu = lambda key: display.decimal(statistics.median(figures[key] for _, figures in runs))  # noqa: E731
    print(figure("rendu à froid (nouveau processus : gabarits compilés, cache du calendrier vide)", step("cold"))
          + f" ; dont {cpu('cold_cpu')} s de processeur ; objectif ≤ 10 s pour 1 000 porteurs")
    print(figure("rendu à chaud (même lot, même processus : gabarits et calendrier en cache)", step("warm"))
          + f" ; dont {cpu('warm_cpu')} s de processeur")
    print(figure("envoi (une connexion SMTP locale)", step("send")) + " ; objectif ≤ 60 s pour 1 000 porteurs")
    print(figure("processus entier (lot construit, deux rendus, envoi)", [child for child, _ in runs]))
    print(f"taille : {runs[0][1]['size'] / 1024:.0f} Kio par lettre (texte + HTML + ICS)")


if __name__ == "__main__":
    main()
