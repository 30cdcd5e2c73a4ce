"""The web app's own queries, apart from Store: what only its pages, accounts and sessions ask of the database.

Built once per app on the Store (vigie/web/state.py): the same engine, and each method in its own transaction
opened by Store.session — models/store stays the only code opening sessions. What the CLI, the pipeline or the
letters also call (the review queue, exports, accounts created from the command line, calendar tokens) stays in
Store."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from sqlmodel import Session

from models.store.sessions import SessionQueries
from models.store.space_queries import SpaceQueries
from models.store.web import LookupQueries
from models.store.web_review import ReviewQueries
from models.store.web_views import ViewQueries

if TYPE_CHECKING:
    from models.store.core import Store


class WebQueries(LookupQueries, SessionQueries, ViewQueries, ReviewQueries, SpaceQueries):
    """The web app's read models and writes; `WebQueries(store)`."""

    def __init__(self, store: Store) -> None:
        self.store = store
        """For what the pages share with the rest of Vigie (counts of new calls…)."""
        self.engine = store.engine

    def session(self) -> AbstractContextManager[Session]:
        """A transaction of the Store (Store.session): committed when the block ends, rolled back on any error."""
        return self.store.session()
