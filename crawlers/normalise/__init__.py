"""Pure normalisation functions: dates, text, labels, amounts, and the raw item → record step.

Nothing here does I/O; every function is covered by table-driven tests.
"""

from crawlers.normalise.record import ItemRejected, normalise_item

__all__ = ["ItemRejected", "normalise_item"]
