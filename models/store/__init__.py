"""The store: the only code that opens database sessions."""

from models.store.core import Store
from models.store.results import CrawlCounts, ImportReport, UpsertResult
from models.store.web_queries import WebQueries

__all__ = ["CrawlCounts", "ImportReport", "Store", "UpsertResult", "WebQueries"]
