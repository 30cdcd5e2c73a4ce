"""French explanations of why a source failed (pure functions, shared by spiders and the runner)."""

from __future__ import annotations

from scrapy import exceptions as scrapy_error
from twisted.internet import error as tx_error

from crawlers.guards import MAX_RESPONSE_BYTES, RedirectLoop

_REFUSED = (tx_error.ConnectionRefusedError, scrapy_error.DownloadConnectionRefusedError, ConnectionRefusedError)
_TIMEOUT = (tx_error.TimeoutError, tx_error.TCPTimedOutError, scrapy_error.DownloadTimeoutError, TimeoutError)
_DNS = (tx_error.DNSLookupError, scrapy_error.CannotResolveHostError)


def http_error_message(status: int, url: str) -> str:
    """What an HTTP error status on a listing means for the user."""
    if status == 410:
        return f"la source n'existe plus (HTTP 410) : {url} ; elle est désactivée"
    if status == 404:
        return f"page introuvable (HTTP 404) : {url} ; l'adresse de la source a peut-être changé"
    if status in (401, 403):
        return f"accès refusé par le site (HTTP {status}) : {url}"
    if status == 429:
        return f"le site limite le nombre de requêtes (HTTP 429) : {url} ; réessayer plus tard"
    if status >= 500:
        return f"erreur du serveur de la source (HTTP {status}) : {url}"
    return f"réponse refusée (HTTP {status}) : {url}"


def failure_message(exc: BaseException, url: str, timeout: float) -> str:
    """A network-level failure (no HTTP answer) in French."""
    text = str(exc)
    refused = refused_response_message(exc, url)
    if refused:
        return refused
    if "robots.txt" in text.lower():
        return f"bloqué par robots.txt : {url} (le site interdit cette adresse aux robots)"
    if isinstance(exc, _REFUSED):
        return f"site injoignable : connexion refusée ({url})"
    if isinstance(exc, _TIMEOUT):
        return f"site injoignable : pas de réponse en {timeout:g} s ({url})"
    if isinstance(exc, _DNS):
        return f"site injoignable : nom de domaine introuvable ({url})"
    return f"site injoignable : {type(exc).__name__} {text[:200]} ({url})"


def too_few_items_message(found: int, expected: int, dropped: int) -> str:
    """The source answered but gave fewer usable items than it usually does."""
    noun = "élément trouvé" if found <= 1 else "éléments trouvés"
    extra = f" ({dropped} écarté(s) comme invalides)" if dropped else ""
    return f"{found} {noun} alors que la source en a d'habitude au moins {expected}{extra}"



def refused_response_message(exc: BaseException, url: str) -> str | None:
    """A response Vigie refused to read (too large, redirect loop, too many redirects), or None."""
    text = str(exc)
    if isinstance(exc, RedirectLoop):
        back = f" (renvoie vers {exc.target})" if exc.target != exc.start else ""
        return f"boucle de redirections : {exc.start}{back}"
    # scrapy's own signs (2.19): a body past DOWNLOAD_MAXSIZE once decompressed (IgnoreRequest naming the
    # setting) or as announced or received (DownloadCancelledError).
    limit = f"la limite de {MAX_RESPONSE_BYTES // 2**20} Mio"
    if "DOWNLOAD_MAXSIZE" in text:
        return f"réponse trop volumineuse : {url} dépasse {limit} une fois décompressée"
    if isinstance(exc, scrapy_error.DownloadCancelledError) or "larger than download max size" in text:
        return f"réponse trop volumineuse : {url} dépasse {limit}"
    if "max redirections reached" in text:
        return f"trop de redirections : {url} (la chaîne de redirections ne s'arrête pas)"
    return None
