"""What a spider's callback gives, and the records it normalises into against those saved as JSON beside the
source's fixtures. Set VIGIE_REGENERATE=1 to rewrite the expected files after an intended change, then review
the diff."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from scrapy.http import Request

from crawlers.items import RawItem
from crawlers.normalise import ItemRejected, normalise_item
from crawlers.pipelines import drop_reason

AS_OF = date(2026, 11, 23)
"""The day the saved sources are normalised as of."""
VOLATILE = {"raw", "evidence", "fact_sources"}
"""Record fields left out of the expected files."""


def split_output(output: Iterable[Any] | None) -> tuple[list[RawItem], list[Request]]:
    """A callback's output: its items, then its requests."""
    found = list(output or [])
    return [o for o in found if isinstance(o, RawItem)], [o for o in found if isinstance(o, Request)]


def normalise_all(items: list[RawItem]) -> dict[str, list[Any]]:
    """The records the items normalise into (as JSON), and why the others were dropped."""
    records, dropped = [], []
    for item in items:
        try:
            records.append(normalise_item(item, AS_OF).model_dump(mode="json", exclude=VOLATILE))
        except ItemRejected as exc:
            dropped.append(drop_reason(item, str(exc)))
    return {"records": records, "dropped": dropped}


def assert_expected(actual: dict[str, list[Any]], path: Path) -> None:
    """`actual` is what the expected file holds (rewritten first under VIGIE_REGENERATE)."""
    if os.environ.get("VIGIE_REGENERATE"):
        path.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", "utf-8")
    assert actual == json.loads(path.read_text("utf-8"))
