"""What happens to each payment of a chaos run, drawn from the seed (pure: no I/O, no clock).

Count faults (time-out, 5xx, unknown outcome) are armed on the payment's own service just before
its card is paid, so they hit that service's next provider call. Late activations and rejections
hold for a whole service, so they have services of their own: every payment to `nar` completes
late, every payment to `aztelekom` is rejected (both protocols keep clean services too).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

PROVIDER_FAULT_SHARE = 0.20
CALLBACK_FAULT_SHARE = 0.10
DECLINE_SHARE = 0.08
ABANDON_SHARE = 0.06
IMEI_SHARE = 0.06

COUNT_FAULTS = ("timeouts", "errors_5xx", "unknown_outcome")
PROVIDER_FAULTS = (*COUNT_FAULTS, "late_activation", "rejection")
CALLBACK_FAULTS = ("duplicated", "delayed", "reordered")
DECLINE_CARDS = ("4000000000009995", "4000000000000002", "4000000000000069")
SUCCESS_CARD = "4111111111111111"

# Clean services, one per protocol family, and the services whose faults hold for all payments.
CLEAN_SERVICES = (("azercell", "50"), ("bakcell", "55"))
LATE_SERVICE = ("nar", "70")  # OSMP
REJECTING_SERVICE = ("aztelekom", "12")  # REST
IMEI_SERVICE = "imei-registration"
REDMI_NOTE_13 = "00100400"  # a synthetic duos TAC of imei-registry's data


@dataclass(frozen=True)
class PaymentPlan:
    number: int
    service_id: str  # IMEI_SERVICE: the account is a quote made first
    account: str
    amount: str
    card: str | None  # None: the customer abandons the card page
    provider_fault: str | None
    callback_fault: str | None

    @property
    def outcome_expected(self) -> str:
        if self.card is None:
            return "abandoned"
        if self.card != SUCCESS_CARD:
            return "declined"
        return "paid"


def plan_payments(seed: int, count: int) -> list[PaymentPlan]:
    rng = random.Random(seed)
    return [plan_one(rng, number) for number in range(count)]


def plan_one(rng: random.Random, number: int) -> PaymentPlan:
    draw = rng.random()
    card: str | None = SUCCESS_CARD
    if draw < ABANDON_SHARE:
        card = None
    elif draw < ABANDON_SHARE + DECLINE_SHARE:
        card = rng.choice(DECLINE_CARDS)
    imei = rng.random() < IMEI_SHARE
    fault = rng.choice(PROVIDER_FAULTS) if rng.random() < PROVIDER_FAULT_SHARE else None
    callback = rng.choice(CALLBACK_FAULTS) if rng.random() < CALLBACK_FAULT_SHARE else None
    if card != SUCCESS_CARD or imei:
        fault = None  # no provider call to fault: no debit, or imei-registry is the provider
    if card is None:
        callback = None  # no outcome, no callback
    amount = f"{rng.randint(1, 40)}.{rng.randint(0, 99):02d}"
    if imei:
        return PaymentPlan(number, IMEI_SERVICE, "", "", card, None, callback)
    service, prefix = rng.choice(CLEAN_SERVICES)
    if fault == "late_activation":
        service, prefix = LATE_SERVICE
    elif fault == "rejection":
        service, prefix = REJECTING_SERVICE
    account = prefix + f"{rng.randint(0, 9_999_999):07d}"
    return PaymentPlan(number, service, account, amount, card, fault, callback)


def imei_pair(number: int) -> list[str]:
    """Two valid IMEIs of one duos phone, different for each payment of a run."""
    return [luhn_completed(f"{REDMI_NOTE_13}{(number * 2 + n) % 1_000_000:06d}") for n in (0, 1)]


def luhn_completed(fourteen: str) -> str:
    """The Luhn check digit that makes a 14-digit body a valid IMEI."""
    total = 0
    for position, char in enumerate(fourteen):
        digit = int(char) * (2 if position % 2 else 1)
        total += digit // 10 + digit % 10
    return fourteen + str((10 - total % 10) % 10)
