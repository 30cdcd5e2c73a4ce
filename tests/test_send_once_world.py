"""A small world for the send-once tests (content written for the tests): two territories of two porteurs each,
one contact per porteur, six open calls accepted for every porteur — each porteur letter lists 6 calls, each chef
de projet's letter reports 12 — and a real SMTP server (aiosmtpd on 127.0.0.1) that can slow down or hold."""

from __future__ import annotations

import asyncio
import email
import email.policy
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from email.message import EmailMessage
from pathlib import Path

from conftest import NOW
from factories import opportunity
from models.config import load_config
from models.records import MatchResult
from models.store import Store
from models.vocab import ReviewStatus
from smtpserver import Handler, StallingHandler
from vigie.context import source_kinds

AS_OF, WEEK = "2026-11-23", "2026-W48"
CALLS = [f"appel-{n}" for n in range(1, 7)]
CHEFS = {"gers": "camille@region.example.org", "tarbes": "hugo@region.example.org"}
PORTEURS = {"gers": ["cc-lomagne", "scop-bois"], "tarbes": ["ca-tarbes", "sas-adour"]}

SETTINGS = """\
database_url = "{db_url}"
outbox = "var/outbox"
{territories}
[sender]
from_email = "vigie@region.example.org"
public_url = "http://127.0.0.1:8000"

[smtp]
host = "127.0.0.1"
port = {port}
security = "none"
rate_per_minute = 100000
timeout_seconds = 60
max_retries = 0
retry_backoff_seconds = 0

[logging]
file = ""
"""
TERRITORY = """
[[territoire]]
id = "{id}"
nom = "Territoire d'industrie {id}"
geo = ["DEP-32", "REG-76"]

[territoire.chef_de_projet]
nom = "Chef {id}"
email = "{email}"
"""
PORTEUR = """\
[porteur]
id = "{id}"
nom = "Porteur {id}"
type = "epci"
territoire = "{territory}"
geo = ["DEP-32", "REG-76"]
{contacts}
[[fiche]]
id = "{id}-f1"
titre = "Réseau de chaleur biomasse de {id}"
description = "Une chaufferie bois biomasse et son réseau de chaleur."
axe = "transition_ecologique"
"""


def contact_email(porteur_id: str) -> str:
    """The address of a porteur's own contact."""
    return f"contact@{porteur_id}.example.org"


def write_world(folder: Path, db_url: str, port: int, chef_as_contact: str | None = None,
                place: str = "before") -> Path:
    """The config folder; `chef_as_contact`: a porteur that also lists the chef de projet of « gers » as a
    contact, `place` "before" or "after" its own contact, or "instead" of it — so that her porteur letter comes
    first, in the middle or last of the batch (porteurs go by id, contacts as listed)."""
    conf = folder / "conf"
    (conf / "porteurs").mkdir(parents=True)
    territories = "".join(TERRITORY.format(id=t, email=e) for t, e in CHEFS.items())
    (conf / "settings.toml").write_text(SETTINGS.format(db_url=db_url, port=port, territories=territories), "utf-8")
    (conf / "sources.toml").write_text("", "utf-8")
    for territory, porteur_ids in PORTEURS.items():
        for porteur_id in porteur_ids:
            emails = [contact_email(porteur_id)]
            if porteur_id == chef_as_contact:
                emails = {"before": [CHEFS["gers"]] + emails, "after": emails + [CHEFS["gers"]]}.get(
                    place, [CHEFS["gers"]])
            contacts = "".join(f'\n[[contact]]\nemail = "{e}"\n' for e in emails)
            text = PORTEUR.format(id=porteur_id, territory=territory, contacts=contacts)
            (conf / "porteurs" / f"{porteur_id}.toml").write_text(text, "utf-8")
    fill(conf)
    return conf


def fill(conf: Path) -> None:
    """The plan stored, six calls first seen two weeks before, closing in March, accepted for every porteur."""
    config = load_config(conf, source_kinds())
    store = Store.open(config.database_url)
    seen = NOW - timedelta(days=14)
    store.import_plan(config.plan, seen)
    for call in CALLS:
        store.upsert_opportunity(opportunity(call, close_dates=[date(2027, 3, 15)]), seen)
    results = [MatchResult(fiche_id=f.id, porteur_id=f.porteur_id, source="occitanie", source_id=call, score=0.8,
                           eligible=True) for f in config.plan.fiches for call in CALLS]
    store.save_matches(results, {}, seen)
    for match in store.matches():
        store.review(match.id, ReviewStatus.ACCEPTED, "chef", seen)
    store.close()


def recipients() -> Counter:
    """Every address of the world (without a chef de projet listed as a porteur's contact), once."""
    porteurs = [contact_email(p) for ids in PORTEURS.values() for p in ids]
    return Counter(porteurs + list(CHEFS.values()))


def letters_expected(conf: Path) -> Counter:
    """One porteur letter to each contact of the plan, one letter to each chef de projet."""
    plan = load_config(conf, source_kinds()).plan
    porteurs = [(c.email, "porteur") for p in plan.porteurs for c in p.contacts]
    return Counter(porteurs + [(str(t.chef_de_projet_email), "chef") for t in plan.territories])


def received(handler: Handler) -> list[EmailMessage]:
    """The messages the server accepted, parsed."""
    return [email.message_from_bytes(m, policy=email.policy.default) for m in handler.messages]


def per_letter(handler: Handler) -> Counter:
    """(recipient, "chef" | "porteur") → messages accepted: a chef de projet's letter and the letter she gets as
    a porteur's contact are two letters."""
    return Counter((m["To"].addresses[0].addr_spec, "chef" if is_chef_letter(m) else "porteur")
                   for m in received(handler))


def is_chef_letter(message: EmailMessage) -> bool:
    """The chef de projet's letter (it has a « lettres aux porteurs » section)."""
    return "LETTRES AUX PORTEURS" in text_of(message)


def text_of(message: EmailMessage) -> str:
    """The plain-text part."""
    return message.get_body(("plain",)).get_content()


@dataclass
class GatheringHandler(Handler):
    """Holds each session's first MAIL FROM until `expected` sessions are open (or `wait` seconds passed), then
    takes `delay` seconds per message: senders started at once overlap for sure."""

    expected: int = 1
    wait: float = 20.0
    delay: float = 0.1
    sessions: set[int] = field(default_factory=set)

    async def handle_MAIL(self, server, session, envelope, address, mail_options):  # noqa: ANN001, ANN201, N802
        self.sessions.add(id(session))
        waited = 0.0
        while len(self.sessions) < self.expected and waited < self.wait:
            await asyncio.sleep(0.05)
            waited += 0.05
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: ANN001, ANN201, N802
        await asyncio.sleep(self.delay)
        return await super().handle_DATA(server, session, envelope)


@dataclass
class GreylistHandler(Handler):
    """Answers 451 (try again later) to the first RCPT TO of each address in `greylisted`, then accepts it."""

    greylisted: set[str] = field(default_factory=set)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: ANN001, ANN201, N802
        if address.lower() in self.greylisted:
            self.greylisted.discard(address.lower())
            self.submitted.append(address.lower())
            return "451 4.7.1 Liste grise, réessayez plus tard"
        return await super().handle_RCPT(server, session, envelope, address, rcpt_options)


@dataclass
class HoldingHandler(StallingHandler, GreylistHandler):
    """Accepts `accept` messages, then holds every MAIL FROM until `gate` opens; greylists as its parent."""
