"""Specialists and supervisors: seeded from settings, signed in with a password, then a JWT.

Seed users share one password per role, taken from settings (random in tests, refused at their
development defaults outside development). A real deployment would keep people in a directory;
this keeps the seam small: `authenticate` and `verify` are all the API uses."""

from __future__ import annotations

import hmac
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

import jwt

from support_desk.domain.permissions import Role, StaffMember

ALGORITHM = "HS256"
AUDIENCE = "support-desk"
ISSUER = "support-desk"


class StaffDirectory:
    def __init__(self, seeds: Iterable[tuple[str, Role, str]]) -> None:
        self._people = {
            username: (role, password) for username, role, password in seeds if username
        }

    def authenticate(self, username: str, password: str) -> StaffMember | None:
        role, expected = self._people.get(username, (None, "\x00unknown"))
        # compare even for unknown names, so timing does not tell which names exist
        matches = hmac.compare_digest(password.encode(), expected.encode())
        return StaffMember(username, role) if matches and role is not None else None

    def member(self, username: str) -> StaffMember | None:
        found = self._people.get(username)
        return StaffMember(username, found[0]) if found else None


class TokenIssuer:
    def __init__(
        self,
        secret: str,
        lifetime: timedelta,
        clock: Callable[[], datetime],
        directory: StaffDirectory,
    ) -> None:
        self._secret = secret
        self._lifetime = lifetime
        self._clock = clock
        self._directory = directory

    @property
    def lifetime_seconds(self) -> int:
        return int(self._lifetime.total_seconds())

    def issue(self, member: StaffMember) -> str:
        now = self._clock()
        claims = {
            "sub": member.username,
            "role": member.role.value,
            "iss": ISSUER,
            "aud": AUDIENCE,
            "iat": now,
            "exp": now + self._lifetime,
        }
        return jwt.encode(claims, self._secret, algorithm=ALGORITHM)

    def verify(self, token: str) -> StaffMember | None:
        """The signed-in person, if the token is ours, unexpired, and they are still on the staff
        with the role it names; None for anything else."""
        try:
            claims = jwt.decode(
                token,
                self._secret,
                algorithms=[ALGORITHM],
                audience=AUDIENCE,
                issuer=ISSUER,
                # times are checked below against our clock, the one that issued the token
                options={
                    "require": ["exp", "iat", "sub", "iss", "aud"],
                    "verify_exp": False,
                    "verify_iat": False,
                },
            )
        except jwt.PyJWTError:
            return None
        now = self._clock().timestamp()
        if not float(claims["iat"]) - 30 <= now < float(claims["exp"]):
            return None
        member = self._directory.member(str(claims.get("sub", "")))
        if member is None or member.role.value != claims.get("role"):
            return None
        return member
