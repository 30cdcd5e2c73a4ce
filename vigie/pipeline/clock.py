"""The one place the pipeline reads the wall clock (matching and selection take `as_of`)."""

from datetime import UTC, datetime


def utcnow() -> datetime:
    """Aware UTC now, as stored."""
    return datetime.now(UTC)
