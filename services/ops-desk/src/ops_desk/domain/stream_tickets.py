"""Short-lived signed tickets for the live event stream. The browser's EventSource cannot send an
Authorization header, so an authorised POST hands out a ticket that goes in the stream's URL:
it names the ops member and its end, signed with a key of its own, and is good for a minute.
Pure: the key and the time are passed in."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta

from ops_desk.domain.access import OpsMember

_PURPOSE = b"ops-desk stream ticket v1|"


@dataclass(frozen=True)
class StreamTickets:
    key: bytes
    lifetime: timedelta

    @classmethod
    def from_secret(cls, secret: str, lifetime: timedelta) -> StreamTickets:
        """A key derived for this purpose only, so a ticket is never a token nor the reverse."""
        return cls(hmac.new(secret.encode(), _PURPOSE, hashlib.sha256).digest(), lifetime)

    def issue(self, member: OpsMember, now: datetime) -> str:
        ends = int((now + self.lifetime).timestamp())
        payload = f"{member.username}|{ends}".encode()
        return f"{_b64(payload)}.{_b64(self._sign(payload))}"

    def admit(self, ticket: str, now: datetime) -> OpsMember | None:
        """The member the ticket names, if it is ours and has not ended; None otherwise."""
        encoded, _, signature = ticket.partition(".")
        try:
            payload, given = _unb64(encoded), _unb64(signature)
        except (binascii.Error, ValueError):
            return None
        if not hmac.compare_digest(given, self._sign(payload)):
            return None
        username, _, ends = payload.decode(errors="replace").rpartition("|")
        if not username or not ends.isdigit() or now.timestamp() >= int(ends):
            return None
        return OpsMember(username)

    def _sign(self, payload: bytes) -> bytes:
        return hmac.new(self.key, payload, hashlib.sha256).digest()


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
