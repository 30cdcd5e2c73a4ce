"""Web app sessions kept server-side, and login attempts counted in the database.

A session is a row: the cookie only names it, so logging out, a new password or a disabled account ends it at
once, whatever cookie a browser (or a thief) still holds. Login attempts are rows too, so that the limit on
failures holds for every server process sharing the database."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from sqlalchemy import delete, func
from sqlmodel import Session, select

from models.tables import LoginAttempt, User, WebSession


def session_key(token: str) -> str:
    """What is stored of a session token: its SHA-256, so that reading the table opens no session."""
    return hashlib.sha256(token.encode()).hexdigest()


def delete_user_sessions(session: Session, user_id: int, keep: str | None = None) -> None:
    """Delete the account's sessions (except the one whose token is `keep`), inside the caller's transaction."""
    query = delete(WebSession).where(WebSession.user_id == user_id)
    if keep is not None:
        query = query.where(WebSession.id != session_key(keep))
    session.execute(query)


class SessionQueries:
    """Mixin of WebQueries: server-side sessions and login attempts."""

    def open_web_session(self, user_id: int, now: datetime, expired_before: datetime) -> str:
        """A new session of the account; returns its token, for the cookie. Sessions opened before
        `expired_before` (anyone's) are deleted on the way."""
        token = secrets.token_urlsafe(32)
        with self.session() as session:
            session.execute(delete(WebSession).where(WebSession.created_at < expired_before))
            session.add(WebSession(id=session_key(token), user_id=user_id, created_at=now))
        return token

    def web_session_user(self, token: str, opened_after: datetime) -> User | None:
        """The account of an open session (None: unknown token, session closed, or opened too long ago)."""
        with self.session() as session:
            query = (select(User).join(WebSession, WebSession.user_id == User.id)
                     .where(WebSession.id == session_key(token), WebSession.created_at >= opened_after))
            return session.exec(query).first()

    def close_web_session(self, token: str) -> None:
        """End one session (logging out)."""
        with self.session() as session:
            session.execute(delete(WebSession).where(WebSession.id == session_key(token)))

    def close_user_sessions(self, user_id: int, keep: str | None = None) -> None:
        """End every session of the account, except the one whose token is `keep` (the one changing it)."""
        with self.session() as session:
            delete_user_sessions(session, user_id, keep)

    def record_login_attempt(self, username: str, address: str, at: datetime, stale_before: datetime) -> int:
        """Record an attempt (committed before it is counted); attempts older than `stale_before` are deleted."""
        with self.session() as session:
            session.execute(delete(LoginAttempt).where(LoginAttempt.at < stale_before))
            row = LoginAttempt(username=username, address=address, at=at)
            session.add(row)
            session.flush()
            return row.id

    def count_login_attempts(self, username: str, address: str, since: datetime) -> int:
        """Attempts on this name from this address since `since`, the ones being checked included."""
        with self.session() as session:
            query = select(func.count()).select_from(LoginAttempt).where(
                LoginAttempt.username == username, LoginAttempt.address == address, LoginAttempt.at >= since)
            return session.exec(query).one()

    def forget_login_attempt(self, attempt_id: int) -> None:
        """Uncount one attempt (refused before its password was checked)."""
        with self.session() as session:
            session.execute(delete(LoginAttempt).where(LoginAttempt.id == attempt_id))

    def forget_login_attempts(self, username: str, address: str) -> None:
        """Uncount every attempt on this name from this address (after a successful login)."""
        with self.session() as session:
            session.execute(delete(LoginAttempt).where(LoginAttempt.username == username,
                                                    LoginAttempt.address == address))
