"""The outbox: digests written as files when no SMTP server is configured (and for previews)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from notifier.entries import RenderedDigest

logger = logging.getLogger(__name__)


def write_outbox(rendered: RenderedDigest, folder: Path, stem: str) -> list[Path]:
    """Write <stem>.eml (the whole message) and <stem>.html (a preview); create the folder; return the paths.

    Each file is written under a temporary name then renamed, so a reader of the outbox never
    sees half a message.
    """
    if not stem or stem in (".", "..") or any(sep in stem for sep in ("/", "\\", "\0")):
        raise ValueError(f"nom de fichier invalide pour la boîte d'envoi : « {stem} »")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    eml = _write_atomic(folder / f"{stem}.eml", rendered.message.as_bytes())
    html = _write_atomic(folder / f"{stem}.html", rendered.html.encode("utf-8"))
    logger.info("digest written to outbox path=%s", eml)
    return [eml, html]


def _write_atomic(path: Path, data: bytes) -> Path:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return path
