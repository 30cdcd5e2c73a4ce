"""What the web app looks up: accounts at login, porteurs and their contacts, the porteur a calendar feed token
names, a fiche's territory. Accounts the CLI manages and the tokens the letters carry: models/store/accounts.py."""

from __future__ import annotations

import secrets

from sqlmodel import col, select

from models.tables import CalendarFeed, Contact, FicheAction, Porteur, User


class LookupQueries:
    """Mixin of WebQueries: accounts, porteurs and contacts as the pages look them up."""

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

    def porteur_by_calendar_token(self, token: str) -> str | None:
        """The porteur id of an ICS feed token."""
        with self.session() as session:
            row = session.exec(select(CalendarFeed).where(CalendarFeed.token == token)).first()
            return row.porteur_id if row else None

    def fiche_territory(self, fiche_id: str) -> str | None:
        """The territory of a fiche-action's porteur (None when there is no such fiche)."""
        with self.session() as session:
            query = select(Porteur.territoire_id).join(FicheAction, col(FicheAction.porteur_id) == Porteur.id)
            return session.exec(query.where(FicheAction.id == fiche_id)).first()
