"""Short-lived signed tickets for the live event stream. The browser's EventSource cannot send an
Authorization header, so an authorised POST hands out a ticket that goes in the stream's URL:
it names the ops member, its end and a random nonce, signed with a key of its own, and is good
for a minute and for one opening (the entrypoint remembers spent tickets in the database by
`ticket_id`). Pure: the key, the time and the nonce are passed in."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from ops_desk.domain.access import OpsMember

_PURPOSE = b"ops-desk stream ticket v2|"


@dataclass(frozen=True)
class AdmittedTicket:
    member: OpsMember
    ticket_id: str  # the same for every copy of one ticket, different for every ticket issued
    ends: datetime


@dataclass(frozen=True)
class StreamTickets:
    key: bytes
    lifetime: timedelta

    @classmethod
    def from_secret(cls, secret: str, lifetime: timedelta) -> StreamTickets:
        """A key derived for this purpose only, so a ticket is never a token nor the reverse."""
        return cls(hmac.new(secret.encode(), _PURPOSE, hashlib.sha256).digest(), lifetime)

    def issue(self, member: OpsMember, now: datetime, nonce: str) -> str:
        """`nonce` (URL-safe, no "|") tells apart two tickets issued in the same second."""
        ends = int((now + self.lifetime).timestamp())
        payload = f"{member.username}|{ends}|{nonce}".encode()
        return f"{_b64(payload)}.{_b64(self._sign(payload))}"

    def admit(self, ticket: str, now: datetime) -> AdmittedTicket | None:
        """The member the ticket names, if it is ours and has not ended; None otherwise."""
        encoded, _, signature = ticket.partition(".")
        try:
            payload, given = _unb64(encoded), _unb64(signature)
        except (binascii.Error, ValueError):
            return None
        if not hmac.compare_digest(given, self._sign(payload)):
            return None
        named, _, nonce = payload.decode(errors="replace").rpartition("|")
        username, _, ends = named.rpartition("|")
        if not username or not nonce or not ends.isdigit() or now.timestamp() >= int(ends):
            return None
        ticket_id = hashlib.sha256(payload).hexdigest()
        return AdmittedTicket(
            OpsMember(username), ticket_id, datetime.fromtimestamp(int(ends), UTC)
        )

    def _sign(self, payload: bytes) -> bytes:
        return hmac.new(self.key, payload, hashlib.sha256).digest()


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
