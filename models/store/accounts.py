"""Web app accounts as the CLI manages them (`vigie web …`), and the porteurs' calendar feed tokens their
letters carry. What only the web app looks up is in models/store/web.py (WebQueries)."""

from __future__ import annotations

import secrets
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from models.store.sessions import delete_user_sessions
from models.tables import CalendarFeed, User


class AccountStore:
    """Mixin of Store: accounts created and disabled from the command line, calendar tokens of the letters."""

    def add_user(self, username: str, password_hash: str, role: str, territories: list[str],
                 now: datetime, email: str | None = None) -> User:
        """Create an account, or replace the password, role and territories of an existing one (which ends its
        sessions: whoever logged in with the old password is out)."""
        with self.session() as session:
            row = session.exec(select(User).where(User.username == username)).first()
            if row is None:
                row = User(username=username, password_hash=password_hash, role=role, created_at=now)
                session.add(row)
            else:
                delete_user_sessions(session, row.id)
            row.password_hash, row.role, row.territories, row.active = password_hash, role, territories, True
            row.email = email or row.email
            session.flush()
            return row

    def disable_user(self, username: str) -> bool:
        """Deactivate an account and end its sessions (re-enabling it later does not bring them back);
        False when there is no such account."""
        with self.session() as session:
            row = session.exec(select(User).where(User.username == username)).first()
            if row is None:
                return False
            row.active = False
            delete_user_sessions(session, row.id)
            return True

    def calendar_token(self, porteur_id: str, now: datetime) -> str:
        """The porteur's ICS feed token, created on first use (by whichever process comes first: two senders
        writing letters at once both read back the one stored)."""
        try:
            with self.session() as session:
                row = session.get(CalendarFeed, porteur_id)
                if row is None:
                    row = CalendarFeed(porteur_id=porteur_id, token=secrets.token_urlsafe(32), created_at=now)
                    session.add(row)
                return row.token
        except IntegrityError:
            with self.session() as session:
                stored = session.get(CalendarFeed, porteur_id)
                if stored is None:
                    raise
                return stored.token
