"""Sending digests over SMTP (smtplib): one connection per batch, rate limit, retries with backoff.

Temporary failures (4xx answers, connection lost, timeouts) are retried with a doubling pause;
permanent ones (5xx, refused recipient) are answered at once as PERMANENT so the caller records
them on the contact. A server that cannot be reached or refuses the login stops the batch with
an SmtpError: the digests not yet delivered stay pending and the next run sends them.
"""

from __future__ import annotations

import logging
import os
import smtplib
import ssl
import time
from collections.abc import Callable, Mapping
from email.message import EmailMessage

from models.config.schema import SmtpConfig
from models.errors import VigieError
from notifier.delivery import PERMANENT, SENT, TEMPORARY, Delivery
from notifier.entries import RenderedDigest

logger = logging.getLogger(__name__)


class SmtpError(VigieError):
    """The SMTP server cannot be used at all (unreachable, login refused, credentials missing)."""


def credentials(config: SmtpConfig, environ: Mapping[str, str]) -> tuple[str, str] | None:
    """(login, password) read from the environment variables named in settings.toml, or None without login."""
    if not config.username_env:
        return None
    names = [config.username_env, config.password_env]
    missing = [n for n in names if not n or not environ.get(n)]
    if missing:
        shown = ", ".join(n or "password_env" for n in missing)
        raise SmtpError("identifiants SMTP manquants", "settings.toml [smtp]",
                        f"variable(s) d'environnement non définie(s) : {shown}")
    return environ[config.username_env], environ[config.password_env or ""]


def is_permanent(code: int) -> bool:
    """5xx answers are permanent; 4xx (and anything else) may succeed later."""
    return 500 <= code < 600


def describe(code: int, text: bytes | str) -> str:
    """"550 5.1.1 adresse inconnue" from the server's answer."""
    answer = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return f"{code} {' '.join(answer.split())}"


class SmtpSender:
    """Delivers messages through one SMTP connection, opened on first use and reused for the batch."""

    def __init__(self, config: SmtpConfig, environ: Mapping[str, str] | None = None,
                 ssl_context: ssl.SSLContext | None = None, sleep: Callable[[float], None] = time.sleep) -> None:
        self.config = config
        self.login = credentials(config, os.environ if environ is None else environ)
        self.context = ssl_context or ssl.create_default_context(cafile=config.ca_file)
        self.sleep = sleep
        self.connection: smtplib.SMTP | None = None
        self.last_sent: float | None = None
        self.sent = 0

    @property
    def where(self) -> str:
        """host:port, for messages."""
        return f"{self.config.host}:{self.config.port}"

    def deliver(self, rendered: RenderedDigest, stem: str = "") -> Delivery:
        """Send one message; retries temporary failures, answers SENT, TEMPORARY or PERMANENT."""
        error = ""
        for attempt in range(self.config.max_retries + 1):
            if attempt:
                self.sleep(self.config.retry_backoff_seconds * 2 ** (attempt - 1))
            status, error = self._attempt(rendered.message)
            if status != TEMPORARY:
                return Delivery(status, error or None)
            logger.warning("smtp temporary failure attempt=%d to=%s error=%s", attempt + 1,
                           rendered.message["To"], error)
        return Delivery(TEMPORARY, f"échec temporaire après {self.config.max_retries + 1} essais : {error}")

    def _attempt(self, message: EmailMessage) -> tuple[str, str]:
        """One try: (status, error)."""
        connection = self._connection()
        self._throttle()
        try:
            connection.send_message(message)
        except smtplib.SMTPRecipientsRefused as exc:
            code, text = next(iter(exc.recipients.values()))
            return (PERMANENT if is_permanent(code) else TEMPORARY), f"destinataire refusé : {describe(code, text)}"
        except smtplib.SMTPResponseException as exc:
            status = PERMANENT if is_permanent(exc.smtp_code) else TEMPORARY
            return status, f"message refusé : {describe(exc.smtp_code, exc.smtp_error)}"
        except (smtplib.SMTPServerDisconnected, OSError) as exc:
            self._drop()
            return TEMPORARY, f"connexion perdue ({exc or type(exc).__name__})"
        finally:
            self.last_sent = time.monotonic()
        self.sent += 1
        return SENT, ""

    def _throttle(self) -> None:
        """At most rate_per_minute messages a minute."""
        if self.last_sent is None:
            return
        wait = 60 / self.config.rate_per_minute - (time.monotonic() - self.last_sent)
        if wait > 0:
            self.sleep(wait)

    def _connection(self) -> smtplib.SMTP:
        """The open connection, or a new one (retried with backoff; SmtpError when it never answers)."""
        if self.connection is not None:
            return self.connection
        cause = ""
        for attempt in range(self.config.max_retries + 1):
            if attempt:
                self.sleep(self.config.retry_backoff_seconds * 2 ** (attempt - 1))
            try:
                self.connection = self._open()
                return self.connection
            except smtplib.SMTPAuthenticationError as exc:
                raise SmtpError("connexion SMTP refusée", self.where,
                                f"identifiant ou mot de passe refusé ({describe(exc.smtp_code, exc.smtp_error)})") from exc
            except (smtplib.SMTPException, OSError) as exc:
                cause = str(exc) or type(exc).__name__
        raise SmtpError("serveur SMTP injoignable", self.where, cause)

    def _open(self) -> smtplib.SMTP:
        cfg = self.config
        if cfg.security == "tls":
            connection = smtplib.SMTP_SSL(cfg.host, cfg.port, timeout=cfg.timeout_seconds, context=self.context)
        else:
            connection = smtplib.SMTP(cfg.host, cfg.port, timeout=cfg.timeout_seconds)
        try:
            connection.ehlo()
            if cfg.security == "starttls":
                connection.starttls(context=self.context)
                connection.ehlo()
            if self.login:
                connection.login(*self.login)
        except BaseException:
            connection.close()
            raise
        logger.info("smtp connected server=%s security=%s", self.where, cfg.security)
        return connection

    def _drop(self) -> None:
        if self.connection is not None:
            try:
                self.connection.close()
            finally:
                self.connection = None

    def close(self) -> None:
        """Say QUIT and close the connection."""
        if self.connection is None:
            return
        try:
            self.connection.quit()
        except (smtplib.SMTPException, OSError):
            pass
        self._drop()

    def __enter__(self) -> SmtpSender:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
