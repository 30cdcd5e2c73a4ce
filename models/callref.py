"""How a person designates a call on the command line and in files: its identifier, or SOURCE:IDENTIFIANT
when several sources use the same identifier."""

from __future__ import annotations


def designates(ref: str, source: str, source_id: str) -> bool:
    """Whether `ref` names the call (source, source_id)."""
    return ref in (source_id, f"{source}:{source_id}")
