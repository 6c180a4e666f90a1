"""Settings of support-desk, read from PORTAL_* environment variables."""

from __future__ import annotations

from pydantic import Field, SecretStr

from servicekit.settings import ServiceSettings


class Settings(ServiceSettings):
    service_name: str = "support-desk"
    http_port: int = 8104
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 2525
    mail_from: str = "SmartPay Dəstək <support@portal.local>"
    mail_sweep_seconds: float = 5.0
    # Where customers find the portal: the ticket lookup link in an automatic case's letters.
    public_url: str = "http://127.0.0.1:8080"
    # Signing key of specialists' tokens, and their lifetime.
    support_jwt_secret: SecretStr = SecretStr("dev-only-support-desk-jwt-signing-secret-0001")
    support_token_minutes: int = 60
    # After 5 wrong passwords in a row a name is locked this long (each further one locks anew).
    sign_in_lock_seconds: float = 300.0
    # Seed users: comma-separated usernames, one password per role.
    support_specialists: str = "aysel,rashad"
    support_supervisors: str = "leyla,murad"  # two: a large refund needs a second one
    support_ops: str = "farid"
    support_specialist_password: SecretStr = SecretStr("dev-only-specialist-password")
    support_supervisor_password: SecretStr = SecretStr("dev-only-supervisor-password")
    support_ops_password: SecretStr = SecretStr("dev-only-ops-password")
    # A refund ordered on a case above this many qəpik waits for a second supervisor's approval.
    support_refund_approval_above_qepik: int = Field(default=5000, ge=0)

    def staff_seeds(self) -> list[tuple[str, str, str]]:
        """(username, role, password) of every seeded person."""
        specialist = self.support_specialist_password.get_secret_value()
        supervisor = self.support_supervisor_password.get_secret_value()
        return [
            *(
                (name.strip(), "specialist", specialist)
                for name in self.support_specialists.split(",")
            ),
            *(
                (name.strip(), "supervisor", supervisor)
                for name in self.support_supervisors.split(",")
            ),
            *(
                (name.strip(), "ops", self.support_ops_password.get_secret_value())
                for name in self.support_ops.split(",")
            ),
        ]
