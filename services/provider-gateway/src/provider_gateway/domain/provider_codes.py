"""Plain words for the provider result codes a customer or a specialist will read."""

from __future__ import annotations

from typing import Final

# The OSMP/QIWI codes (docs/protocols.md §2a); the REST family uses the same codes as strings.
_PLAIN_REASONS: Final = {
    "4": "The provider does not accept this account number's format.",
    "5": "The provider has no such account.",
    "7": "The provider does not allow payments to this account.",
    "79": "The account is blocked at the provider.",
    "241": "The amount is below the provider's minimum.",
    "242": "The amount is above the provider's maximum.",
    "300": "The provider refused the payment.",
}
MAX_REASON_LENGTH: Final = 500


def plain_reason(code: str, provider_message: str) -> str:
    """Our plain sentence for a known code, with the provider's own words after it."""
    known = _PLAIN_REASONS.get(code.strip())
    message = provider_message.strip()
    if known is None:
        text = (
            f"The provider refused the payment: {message}"
            if message
            else "The provider refused the payment."
        )
    else:
        text = f"{known} (provider: {message})" if message else known
    return text[:MAX_REASON_LENGTH]
