"""Every event of the system, and the table from CloudEvents `type` to its data model."""

from __future__ import annotations

from typing import Final

from contracts.events.activations import (
    ActivationFailed,
    ActivationUnknown,
    ProviderActivated,
)
from contracts.events.base import EventData
from contracts.events.case_actions import (
    ActivationConfirmedByHand,
    ActivationRetryOrdered,
    ProviderCheckOrdered,
    RefundOrdered,
)
from contracts.events.imei import (
    ImeiRegistered,
    ImeiRegistrationRejected,
    ImeiRegistrationRequested,
)
from contracts.events.payments import (
    CardDebited,
    CardDeclined,
    DeclineReason,
    Language,
    PaymentCompleted,
    PaymentExpired,
    PaymentInitiated,
    PaymentRefunded,
    RefundRequested,
)
from contracts.events.reconciliation import (
    MismatchCleared,
    MismatchDetected,
    MismatchKind,
    TrailEntry,
)
from contracts.events.support import CaseOpened, CaseResolved

ALL_EVENTS: Final[tuple[type[EventData], ...]] = (
    PaymentInitiated,
    PaymentExpired,
    CardDebited,
    CardDeclined,
    ProviderActivated,
    ActivationFailed,
    ActivationUnknown,
    RefundRequested,
    PaymentRefunded,
    PaymentCompleted,
    MismatchDetected,
    MismatchCleared,
    CaseOpened,
    CaseResolved,
    ImeiRegistrationRequested,
    ImeiRegistered,
    ImeiRegistrationRejected,
    ProviderCheckOrdered,
    ActivationRetryOrdered,
    RefundOrdered,
    ActivationConfirmedByHand,
)

EVENT_TYPES: Final[dict[str, type[EventData]]] = {event.type: event for event in ALL_EVENTS}

__all__ = [
    "ALL_EVENTS",
    "EVENT_TYPES",
    "ActivationConfirmedByHand",
    "ActivationFailed",
    "ActivationRetryOrdered",
    "ActivationUnknown",
    "CardDebited",
    "CardDeclined",
    "CaseOpened",
    "CaseResolved",
    "DeclineReason",
    "EventData",
    "ImeiRegistered",
    "ImeiRegistrationRejected",
    "ImeiRegistrationRequested",
    "Language",
    "MismatchCleared",
    "MismatchDetected",
    "MismatchKind",
    "PaymentCompleted",
    "PaymentExpired",
    "PaymentInitiated",
    "PaymentRefunded",
    "ProviderActivated",
    "ProviderCheckOrdered",
    "RefundOrdered",
    "RefundRequested",
    "TrailEntry",
]
