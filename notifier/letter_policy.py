"""The email policy of the letters: the standard library's default policy (same headers, folding and bytes), with
a header factory that builds each kind of header once per process and parses a repeated header value once.

The default factory creates a new header class for every header it parses (`type(...)` in
`email.headerregistry.HeaderRegistry.__getitem__`) and parses again the values every letter repeats (its sender,
MIME-Version, Content-Type, Content-Transfer-Encoding…): more than half of the time spent building a letter's
message. Parsed headers are immutable: a letter may share one with the previous letter.
"""

from __future__ import annotations

from email.headerregistry import BaseHeader, HeaderRegistry
from email.policy import default
from functools import lru_cache


class ReusedHeaders(HeaderRegistry):
    """A HeaderRegistry that keeps its header classes and its most recent parsed values."""

    def __init__(self) -> None:
        super().__init__()
        self._classes: dict[str, type] = {}
        self._parsed = lru_cache(maxsize=512)(self._parse)

    def __getitem__(self, name: str) -> type:
        key = name.lower()
        if key not in self._classes:
            self._classes[key] = super().__getitem__(name)
        return self._classes[key]

    def __call__(self, name: str, value: object) -> BaseHeader:
        if type(value) is str:  # an Address or a Group object is parsed as the default factory does
            return self._parsed(name, value)
        return self[name](name, value)

    def _parse(self, name: str, value: str) -> BaseHeader:
        return self[name](name, value)


LETTER_POLICY = default.clone(header_factory=ReusedHeaders())
"""`email.policy.default` with ReusedHeaders."""
