"""The analysed texts of the last matching runs, kept on disk: tokens and semantic vectors by text hash, and
what scoring reads of each document (its products: term bag, exclusions, profile hits).

Loading spaCy and analysing every call costs tens of seconds in a fresh process, while the numbers themselves
take milliseconds. `vigie match` keeps what it analysed in a small SQLite file of the configuration folder
(`var/cache/analyses.sqlite`), and a process that never loaded spaCy — `vigie serve` opening the full
computation of a pair — scores again from it, exactly: the tokens and vectors are those the analyzer and
encoder returned, keyed like their in-memory caches (SHA-1 of the text). A text missing from the file is
analysed as usual (and spaCy loaded then).

Entries are namespaced by analyzer and encoder (class, spaCy and model versions, `FORMAT`): a new model
never reads the tokens of an old one. An entry no run used for `KEEP_DAYS` days is deleted.

Products spare a re-match the building of every document (tokens decoded, phrase index, expansions): scoring
reads a few numbers per document, and only the documents whose reasons are written are built in full. They are
opaque bytes here, keyed by their owner (matcher.engine: record digest and what documents depend on — synonyms,
thesaurus, stop words, profile), namespaced by the analyzer and by the source of the code that computes them
(`code_digest`): a change to that code is never read through old products. A product used marks the tokens of
its texts used too, so that the document can still be built from the file when its reasons are.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import logging
import sqlite3
import zlib
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from importlib import metadata
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from matcher.analysis import SPACY_MODEL, Token

logger = logging.getLogger(__name__)

FORMAT = 4
"""Bump when the tokens an analyzer returns for a text change (analysis code, not data), or how they are written
(products need not: the source of the code that writes them is part of their namespace)."""
KEEP_DAYS = 60
_SCHEMA = """
CREATE TABLE IF NOT EXISTS tokens (ns TEXT NOT NULL, key BLOB NOT NULL, used TEXT NOT NULL, data BLOB NOT NULL,
                                   PRIMARY KEY (ns, key));
CREATE TABLE IF NOT EXISTS vectors (ns TEXT NOT NULL, key TEXT NOT NULL, used TEXT NOT NULL, data BLOB NOT NULL,
                                    PRIMARY KEY (ns, key));
CREATE TABLE IF NOT EXISTS products (ns TEXT NOT NULL, key BLOB NOT NULL, used TEXT NOT NULL, data BLOB NOT NULL,
                                     PRIMARY KEY (ns, key));
"""


class Product(Protocol):
    """A product kept on disk: it writes itself as bytes (its owner reads them back)."""

    def to_bytes(self) -> bytes:
        """The product as stored."""


def namespace(component: Any) -> str:
    """What the stored entries of a component (analyzer or encoder) depend on."""
    name = type(component).__name__
    if not name.startswith("Spacy"):
        return f"{name}/{FORMAT}"
    versions = []
    for package in ("spacy", SPACY_MODEL.replace("_", "-")):
        try:
            versions.append(metadata.version(package))
        except metadata.PackageNotFoundError:
            versions.append("?")
    return f"{name}/{FORMAT}/{'/'.join(versions)}"


def code_digest(modules: Iterable[str]) -> str:
    """SHA-1 of the source of the modules (by name) that compute products: part of their namespace."""
    digest = hashlib.sha1()
    for name in modules:
        source = importlib.import_module(name).__file__
        digest.update(Path(source).read_bytes() if source else name.encode())
    return digest.hexdigest()


class AnalysisStash:
    """Tokens and vectors on disk. Reads go straight to the file; writes wait in memory until `flush`."""

    def __init__(self, path: Path, today: date, tokens_ns: str = "", vectors_ns: str = "",
                 products_ns: str = "") -> None:
        self.path, self.today = Path(path), today
        self.tokens_ns, self.vectors_ns, self.products_ns = tokens_ns, vectors_ns, products_ns
        self._db: sqlite3.Connection | None = None
        self._new_tokens: dict[bytes, list[Token]] = {}
        self._new_vectors: dict[str, np.ndarray] = {}
        self._new_products: dict[bytes, Product] = {}
        self._used_tokens: set[bytes] = set()
        self._used_vectors: set[str] = set()
        self._used_products: set[bytes] = set()
        self._unreadable: set[bytes] = set()

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is None and self.path.exists():
            self._db = sqlite3.connect(self.path, timeout=30)
        return self._db

    def tokens(self, keys: Iterable[bytes]) -> dict[bytes, list[Token]]:
        """The stored tokens of the texts with these keys (the ones found)."""
        found = {}
        for key, data in self._read("tokens", self.tokens_ns, list(keys)).items():
            try:
                found[key] = _decode_tokens(data)
            except (ValueError, TypeError, IndexError, zlib.error) as exc:  # analysed again, and written anew
                self._unreadable.add(key)
                logger.warning("analyse sur disque illisible fichier=%s erreur=%s", self.path, exc)
        return found

    def vectors(self, keys: Iterable[str]) -> dict[str, np.ndarray]:
        """The stored vectors of the texts with these keys (the ones found)."""
        return {k: np.frombuffer(v, dtype=np.float32).copy()
                for k, v in self._read("vectors", self.vectors_ns, list(keys)).items()}

    def products(self, keys: Iterable[bytes]) -> dict[bytes, bytes]:
        """The stored products with these keys (the ones found), as their owner wrote them."""
        return self._read("products", self.products_ns, list(keys))

    def unreadable(self, key: bytes) -> None:
        """A product its owner could not read: computed again, it is written anew."""
        self._unreadable.add(key)
        logger.warning("produit d'analyse sur disque illisible fichier=%s", self.path)

    def _read(self, table: str, ns: str, keys: list) -> dict:
        db = self._safely(self._connect)
        if db is None or not keys:
            return {}
        found = {}
        for start in range(0, len(keys), 500):
            part = keys[start:start + 500]
            marks = ",".join("?" * len(part))
            rows = self._safely(lambda: db.execute(  # noqa: B023 - used at once
                f"SELECT key, data FROM {table} WHERE ns = ? AND key IN ({marks})", [ns, *part]).fetchall())
            found.update(rows or [])
        return found

    def keep_tokens(self, entries: dict[bytes, list[Token]]) -> None:
        """Texts a run used: written at `flush` unless the file has them already (then only marked used)."""
        self._used_tokens.update(entries)
        self._new_tokens.update(entries)

    def keep_vectors(self, entries: dict[str, np.ndarray]) -> None:
        """Vectors a run used (see keep_tokens)."""
        self._used_vectors.update(entries)
        self._new_vectors.update(entries)

    def keep_products(self, entries: Mapping[bytes, Product]) -> None:
        """Products a run used (see keep_tokens): encoded at `flush`, and only those the file lacks."""
        self._used_products.update(entries)
        self._new_products.update(entries)

    def touch_tokens(self, keys: Iterable[bytes]) -> None:
        """Texts a run used without reading their tokens (through products): marked used at `flush`."""
        self._used_tokens.update(keys)

    def flush(self) -> None:
        """Write what the runs used and the file lacks, mark every used entry as used today, forget the old ones.
        A file that cannot be written costs a warning, never the run."""
        if not (self._used_tokens or self._used_vectors or self._used_products):
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = self._db or sqlite3.connect(self.path, timeout=30)
            with self._db as db:
                db.executescript(_SCHEMA)
                self._write(db, "tokens", self.tokens_ns, self._new_tokens, self._used_tokens,
                            lambda tokens: _encode_tokens(tokens))
                self._write(db, "vectors", self.vectors_ns, self._new_vectors, self._used_vectors,
                            lambda vector: np.asarray(vector, dtype=np.float32).tobytes())
                self._write(db, "products", self.products_ns, self._new_products, self._used_products,
                            lambda product: product.to_bytes())
                for table in ("tokens", "vectors", "products"):
                    db.execute(f"DELETE FROM {table} WHERE used < ?",
                               [(self.today - timedelta(days=KEEP_DAYS)).isoformat()])
        except (OSError, sqlite3.Error) as exc:
            logger.warning("analyses non gardées sur disque fichier=%s erreur=%s", self.path, exc)
        self._new_tokens, self._new_vectors, self._new_products = {}, {}, {}
        self._used_tokens, self._used_vectors, self._used_products = set(), set(), set()

    def _write(self, db: sqlite3.Connection, table: str, ns: str, new: dict, used: set, encode: Any) -> None:
        known = {k for (k,) in db.execute(f"SELECT key FROM {table} WHERE ns = ?", [ns])} - self._unreadable
        day = self.today.isoformat()
        db.executemany(f"INSERT OR REPLACE INTO {table} (ns, key, used, data) VALUES (?, ?, ?, ?)",
                       [(ns, k, day, encode(v)) for k, v in new.items() if k not in known])
        db.executemany(f"UPDATE {table} SET used = ? WHERE ns = ? AND key = ? AND used <> ?",
                       [(day, ns, k, day) for k in used if k in known])

    def _safely(self, read: Any) -> Any:
        try:
            return read()
        except sqlite3.Error as exc:
            logger.warning("analyses sur disque illisibles fichier=%s erreur=%s", self.path, exc)
            return None

    def close(self) -> None:
        """Close the file."""
        if self._db is not None:
            self._db.close()
            self._db = None


def _encode_tokens(tokens: list[Token]) -> bytes:
    """Every field of every token (the derived ones too: rebuilding them would cost more than reading them): each
    distinct string once, then six numbers per token (four strings, the sentence, the three flags as bits)."""
    strings: dict[str, int] = {}
    numbers: list[int] = []
    for t in tokens:
        numbers.extend((strings.setdefault(t.text, len(strings)), strings.setdefault(t.lemma, len(strings)),
                        strings.setdefault(t.folded, len(strings)), strings.setdefault(t.key, len(strings)),
                        t.sent, t.is_stop | t.is_punct << 1 | t.space << 2))
    data = [list(strings), numbers]
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(), 1)


def _decode_tokens(data: bytes) -> list[Token]:
    strings, numbers = json.loads(zlib.decompress(data))
    row = iter(numbers)
    return [Token(strings[text], strings[lemma], strings[folded], strings[key], sent, bool(flags & 1),
                  bool(flags & 2), bool(flags & 4)) for text, lemma, folded, key, sent, flags in zip(*[row] * 6)]
