"""Support-desk's staff tokens, checked here with the same key: HS256 JWTs naming who signed in
and their role (support_desk.adapters.staff issues them)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import jwt

from ops_desk.domain.access import StaffMember

ALGORITHM = "HS256"
AUDIENCE = "support-desk"
ISSUER = "support-desk"
CLOCK_SKEW_SECONDS = 30


class StaffTokens:
    def __init__(self, secret: str, clock: Callable[[], datetime]) -> None:
        self._secret = secret
        self._clock = clock

    def verify(self, token: str) -> StaffMember | None:
        """The person the token names, if support-desk signed it and it has not expired."""
        try:
            claims = jwt.decode(
                token,
                self._secret,
                algorithms=[ALGORITHM],
                audience=AUDIENCE,
                issuer=ISSUER,
                # times are checked below against our clock, as support-desk does
                options={
                    "require": ["exp", "iat", "sub", "iss", "aud", "role"],
                    "verify_exp": False,
                    "verify_iat": False,
                },
            )
        except jwt.PyJWTError:
            return None
        now = self._clock().timestamp()
        if not float(claims["iat"]) - CLOCK_SKEW_SECONDS <= now < float(claims["exp"]):
            return None
        return StaffMember(str(claims["sub"]), str(claims["role"]))
