"""Digest throughput: rendering 1,000 porteurs' digests of 10 calls each, then sending them through one
SMTP connection to a local aiosmtpd server (127.0.0.1). Prints the median of several runs.

    python benchmarks/digest.py [--porteurs 1000] [--matches 10] [--runs 3]

Goals: ≤ 10 s to render, ≤ 60 s to send.
"""

from __future__ import annotations

import argparse
import platform
import socket
import statistics
import time
from datetime import UTC, date, datetime

from aiosmtpd.controller import Controller

from models.config.schema import SenderConfig, SmtpConfig
from models.records import ContactData, OpportunityData, PorteurData
from notifier import DigestContent, DigestEntry, RenderedDigest, render_digest
from notifier.smtp import SmtpSender

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--porteurs", type=int, default=1000)
    parser.add_argument("--matches", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"Machine : {platform.processor() or platform.machine()}, Python {platform.python_version()}, "
          f"{args.porteurs} porteurs × {args.matches} appels")
    batch = contents(args.porteurs, args.matches)
    renders, cpus, sends, size = [], [], [], 0
    for _ in range(args.runs):
        seconds, cpu, rendered = render_all(batch)
        renders.append(seconds)
        cpus.append(cpu)
        sends.append(send_all(rendered))
        size = sum(len(r.message.as_bytes()) for r in rendered) // len(rendered)
    render, send = statistics.median(renders), statistics.median(sends)
    print(f"rendu  : {render:6.2f} s  ({args.porteurs / render:.0f} lettres/s, objectif ≤ 10 s)  médiane de {args.runs}, "
          f"dont {statistics.median(cpus):.2f} s de processeur")
    print(f"envoi  : {send:6.2f} s  ({args.porteurs / send:.0f} lettres/s, objectif ≤ 60 s, une connexion SMTP)")
    print(f"taille : {size / 1024:.0f} Kio par lettre (texte + HTML + ICS)")


if __name__ == "__main__":
    main()
