"""A real SMTP server for the tests (aiosmtpd on 127.0.0.1): TLS with a test certificate, AUTH,
and scripted answers (a 4xx before accepting, a 5xx for some addresses)."""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import socket
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

LOGIN, PASSWORD = "vigie", "mot-de-passe-de-test"


@dataclass
class Handler:
    """Keeps every accepted message and every recipient submitted; `busy` DATA commands answer 451 first;
    `refused` addresses get 550."""

    busy: int = 0
    refused: set[str] = field(default_factory=set)
    messages: list[bytes] = field(default_factory=list)
    recipients: list[list[str]] = field(default_factory=list)
    submitted: list[str] = field(default_factory=list)
    """Every RCPT TO address, refused ones included."""

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: ANN001, ANN201, N802
        self.submitted.append(address.lower())
        if address.lower() in self.refused:
            return "550 5.1.1 Adresse inconnue"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: ANN001, ANN201, N802
        if self.busy > 0:
            self.busy -= 1
            return "451 4.3.0 Serveur occupé, réessayez"
        self.messages.append(envelope.original_content or envelope.content)
        self.recipients.append(list(envelope.rcpt_tos))
        return "250 Message accepté"


@dataclass
class StallingHandler(Handler):
    """Accepts `accept` messages, then holds every MAIL FROM until `gate` opens (a server that stalls
    mid-batch, for crash tests)."""

    accept: int = 2
    gate: threading.Event = field(default_factory=threading.Event)
    stalled: threading.Event = field(default_factory=threading.Event)

    async def handle_MAIL(self, server, session, envelope, address, mail_options):  # noqa: ANN001, ANN201, N802
        while len(self.messages) >= self.accept and not self.gate.is_set():
            self.stalled.set()
            await asyncio.sleep(0.05)
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"


def authenticator(server, session, envelope, mechanism, auth_data):  # noqa: ANN001, ANN201
    """Only LOGIN/PASSWORD logs in."""
    ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == LOGIN \
        and auth_data.password.decode() == PASSWORD
    return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd answers 535 itself


def free_port() -> int:
    """A port nobody listens on (aiosmtpd's controller needs a fixed one)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (cert.pem, key.pem), written for the test."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


@dataclass
class Server:
    """A running server: where it listens and what it received."""

    port: int
    handler: Handler
    ca_file: Path | None


@contextmanager
def smtp_server(folder: Path, security: str = "none", auth: bool = False,
                handler: Handler | None = None, port: int | None = None) -> Iterator[Server]:
    """Serve SMTP on 127.0.0.1 with `security` none | starttls | tls, AUTH required when `auth`."""
    handler = handler or Handler()
    kwargs: dict = {}
    ca_file = None
    if security != "none":
        ca_file, key_file = make_certificate(folder)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(ca_file, key_file)
        kwargs = {"ssl_context": context} if security == "tls" else {"tls_context": context, "require_starttls": True}
    if auth:
        # aiosmtpd only sees STARTTLS as TLS; with implicit TLS the whole session is already encrypted.
        kwargs.update(authenticator=authenticator, auth_required=True, auth_require_tls=security != "tls")
    port = port or free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    try:
        yield Server(port, handler, ca_file)
    finally:
        controller.stop()
