"""Web app accounts, contacts, calendar feeds and the one-click unsubscribe."""

from __future__ import annotations

import secrets
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from models.store.sessions import SessionStore, delete_user_sessions
from models.tables import CalendarFeed, Contact, Porteur, User


class WebStore(SessionStore):
    """Mixin of Store: what the web app needs beyond the other mixins."""

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

    def user(self, username: str) -> User | None:
        """An account by name."""
        with self.session() as session:
            return session.exec(select(User).where(User.username == username)).first()

    def user_by_id(self, user_id: int) -> User | None:
        """An account by id."""
        with self.session() as session:
            return session.get(User, user_id)

    def set_password_hash(self, user_id: int, password_hash: str) -> None:
        """Store a re-hashed password (argon2 parameters upgraded)."""
        with self.session() as session:
            row = session.get(User, user_id)
            if row is not None:
                row.password_hash = password_hash

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

    def porteurs_in(self, territories: list[str] | None) -> list[Porteur]:
        """Porteurs of the given territories (None: all), by name."""
        with self.session() as session:
            query = select(Porteur).order_by(Porteur.nom)
            if territories is not None:
                query = query.where(Porteur.territoire_id.in_(territories))
            return list(session.exec(query).all())

    def porteur_names(self, territories: list[str] | None) -> list[tuple[str, str]]:
        """(id, nom) of the porteurs of the given territories (None: all), by name: the queue's filter list,
        without building a model object per porteur on every page."""
        with self.session() as session:
            query = select(Porteur.id, Porteur.nom).order_by(Porteur.nom)
            if territories is not None:
                query = query.where(Porteur.territoire_id.in_(territories))
            return [(i, n) for i, n in session.exec(query).all()]

    def porteur(self, porteur_id: str) -> Porteur | None:
        """One porteur."""
        with self.session() as session:
            return session.get(Porteur, porteur_id)

    def save_contact(self, porteur_id: str, email: str, nom: str, role: str, contact_id: int | None = None) -> Contact:
        """Add a contact (with a fresh unsubscribe token) or edit one of this porteur's contacts.

        Editing clears a permanent delivery failure: the chef de projet corrected (or confirmed) the
        address, so the next digest is tried again."""
        with self.session() as session:
            row = session.get(Contact, contact_id) if contact_id else None
            if contact_id and (row is None or row.porteur_id != porteur_id):
                raise KeyError(contact_id)
            if row is None:
                row = Contact(porteur_id=porteur_id, email=email, unsubscribe_token=secrets.token_urlsafe(24))
                session.add(row)
            row.email, row.nom, row.role, row.last_error = email.lower(), nom, role, None
            session.flush()
            return row

    def contact_by_token(self, token: str) -> Contact | None:
        """The contact an unsubscribe token belongs to (tokens are unique and unguessable)."""
        if not token:
            return None
        with self.session() as session:
            return session.exec(select(Contact).where(Contact.unsubscribe_token == token)).first()

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

    def porteur_by_calendar_token(self, token: str) -> str | None:
        """The porteur id of an ICS feed token."""
        with self.session() as session:
            row = session.exec(select(CalendarFeed).where(CalendarFeed.token == token)).first()
            return row.porteur_id if row else None
