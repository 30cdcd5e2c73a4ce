"""`vigie check-config` on `sender.public_url`: valid as any http(s) URL, but the letters' one-click unsubscribe
(RFC 8058) only works over HTTPS, at an address the recipients can reach. Advice, never an error."""

from __future__ import annotations

from urllib.parse import urlsplit

from models.config.schema import VigieConfig

KEY = "sender.public_url"
FIX = "mettre l'adresse https:// publique de l'application web (voir « Derrière un proxy » dans le README)"


def is_local(host: str) -> bool:
    """localhost, 127.0.0.0/8 or ::1: only this machine reaches it."""
    return host in ("localhost", "::1") or host.endswith(".localhost") or host.startswith("127.")


def public_url_advice(config: VigieConfig) -> tuple[list[str], list[str]]:
    """(warnings, notes) about `sender.public_url`, as `fichier: clé: message` lines.

    A public http:// address is a warning: mail services ignore a List-Unsubscribe-Post whose link is not
    HTTPS, and the contact's token would travel in clear. A local address is only a note while letters stay
    in the outbox (trying Vigie, the demo); with [smtp] set, real recipients get links they cannot open:
    a warning."""
    url = config.settings.sender.public_url
    parts = urlsplit(url)
    where = f"{config.directory.name}/settings.toml: {KEY}"
    if is_local(parts.hostname or ""):
        if config.settings.smtp is not None:
            return [f"{where}: adresse locale « {url} » alors que [smtp] envoie de vraies lettres : leurs liens de "
                    f"désinscription ne s'ouvriront pas chez les destinataires ; {FIX}"], []
        return [], [f"{where}: adresse locale « {url} », qui convient pour essayer Vigie (les lettres restent dans "
                    f"la boîte d'envoi) ; avant d'envoyer de vraies lettres, {FIX}"]
    if parts.scheme != "https":
        return [f"{where}: « {url} » n'est pas en HTTPS : la désinscription en un clic des lettres (RFC 8058) "
                f"exige un lien https:// et le jeton du contact circulerait en clair ; {FIX}"], []
    return [], []
