"""Settings of ops-desk, read from PORTAL_* environment variables."""

from __future__ import annotations

from pydantic import SecretStr

from servicekit.settings import ServiceSettings


class Settings(ServiceSettings):
    service_name: str = "ops-desk"
    http_port: int = 8106
    # Staff sign in at support-desk; ops-desk checks their tokens with the same key.
    support_jwt_secret: SecretStr = SecretStr("dev-only-support-desk-jwt-signing-secret-0001")
    # A stream ticket opens the live event stream (EventSource sends no headers): it travels in
    # the URL, so it lives only long enough to be used.
    stream_ticket_seconds: int = 60
    # How long ops-desk waits for the database or the broker before it answers 503.
    sources_timeout_seconds: float = 5.0
