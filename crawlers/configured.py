"""Is a source ready to run? Some kinds need a secret from the environment (e.g. an API key)."""

from __future__ import annotations

import os
from collections.abc import Mapping

from pydantic import ValidationError

from crawlers.registry import KINDS
from models.config.schema import SourceConfig


def unconfigured_reason(source: SourceConfig, environ: Mapping[str, str] | None = None) -> str | None:
    """French reason why `source` is not configured yet (a missing key), or None when it can run.

    A "non configurée" source is not failing: it is skipped without counting a failure.
    Invalid options are not this function's business (the crawl reports them as a failure).
    """
    kind = KINDS.get(source.kind)
    if kind is None:
        return None
    try:
        options = kind.options.model_validate(source.options)
    except ValidationError:
        return None
    check = getattr(options, "missing_configuration", None)
    return check(os.environ if environ is None else environ) if check else None
