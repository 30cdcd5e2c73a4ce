"""Everything Vigie signs with the secret key of `web.secret_key_env`: the session cookie and the porteurs'
personal links (their space, their answers from a letter). One signer, one salt per use, so that a token
made for one use never opens another.

Personal links are timed by `vigie.pipeline.clock`: with --as-of / VIGIE_AS_OF the letter and the web app
agree on "now", and a test moves the day to see a link expire."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from itsdangerous import BadData, SignatureExpired, TimestampSigner, URLSafeTimedSerializer

from vigie.pipeline import clock

SESSION_SALT = "vigie.session"
SPACE_SALT = "vigie.espace"
ANSWER_SALT = "vigie.reponse"
DAY = 86_400


def signer(secret_key: str, salt: str) -> TimestampSigner:
    """The wall-clock signer of the session cookie."""
    return TimestampSigner(secret_key, salt=salt)


class _ClockSigner(TimestampSigner):
    """Timestamps from Vigie's clock (the fixed day of --as-of when there is one), or the one given."""

    def __init__(self, *args: Any, at: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.at = at

    def get_timestamp(self) -> int:
        return self.at if self.at is not None else int(clock.utcnow().timestamp())


def day_start(day: date) -> int:
    """The timestamp of midnight in Paris on `day`: what a letter's links are dated, so that the same letter of
    the same day says the same bytes (its preview, a rerun), valid from that day on."""
    return int(datetime.combine(day, time(), clock.PARIS).timestamp())


EXPIRED, REVOKED, INVALID = "expire", "revoque", "invalide"


class LinkRefused(Exception):
    """A personal link that opens nothing: EXPIRED, REVOKED (by the chef de projet, or its contact is gone) or
    INVALID (forged, altered, made for another use)."""

    def __init__(self, why: str) -> None:
        super().__init__(why)
        self.why = why


@dataclass(frozen=True)
class PersonalLinks:
    """Signs and reads the personal links of porteur contacts. A payload names the contact and the generation
    of its links (raised when the chef de projet revokes them): the caller compares it with the stored one."""

    secret_key: str
    days: int
    """How long a link opens (web.porteur_link_days)."""

    def _serializer(self, salt: str, day: date | None = None) -> URLSafeTimedSerializer:
        at = day_start(day) if day is not None else None
        return URLSafeTimedSerializer(self.secret_key, salt=salt, signer=_ClockSigner, signer_kwargs={"at": at})

    def space_token(self, contact_id: int, generation: int, day: date | None = None) -> str:
        """The token of a contact's space, dated `day` (a letter's day) or now."""
        return self._serializer(SPACE_SALT, day).dumps({"c": contact_id, "g": generation})

    def answer_token(self, contact_id: int, generation: int, match_id: int, answer: str,
                     day: date | None = None) -> str:
        """The token of one answer (« ça m'intéresse »…) of a contact to one match, from a letter of `day`."""
        payload = {"c": contact_id, "g": generation, "m": match_id, "a": answer}
        return self._serializer(ANSWER_SALT, day).dumps(payload)

    def read_space(self, token: str) -> dict[str, Any]:
        """The payload of a space token; LinkRefused otherwise."""
        return self._read(SPACE_SALT, token, ("c", "g"))

    def read_answer(self, token: str) -> dict[str, Any]:
        """The payload of an answer token; LinkRefused otherwise."""
        return self._read(ANSWER_SALT, token, ("c", "g", "m", "a"))

    def _read(self, salt: str, token: str, keys: tuple[str, ...]) -> dict[str, Any]:
        try:
            payload = self._serializer(salt).loads(token, max_age=self.days * DAY)
        except SignatureExpired as exc:
            raise LinkRefused(EXPIRED) from exc
        except (BadData, ValueError, TypeError) as exc:
            raise LinkRefused(INVALID) from exc
        if not isinstance(payload, dict) or any(k not in payload for k in keys):
            raise LinkRefused(INVALID)
        return payload


def personal_links(settings: Any) -> PersonalLinks | None:
    """The signer of personal links from the secret key in the environment (named by web.secret_key_env);
    None when the key is absent or shorter than 32 characters (letters then carry no personal link)."""
    key = os.environ.get(settings.web.secret_key_env, "")
    if len(key) < 32:
        return None
    return PersonalLinks(key, settings.web.porteur_link_days)
