"""The open-mismatch gauge counts what the table still waits to clear, by kind and age."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from contracts.events import MismatchKind
from reconciler.domain.facts import Alert, PaymentFacts
from reconciler.domain.open_alerts import Age, open_alerts

from .payment_events import T0

NOT_ACTIVATED = MismatchKind.DEBITED_NOT_ACTIVATED


def stored(payment_id: str, **alerts: Alert) -> tuple[str, dict[str, Any]]:
    facts = PaymentFacts(
        payment_id=payment_id, alerts={MismatchKind(k): a for k, a in alerts.items()}
    )
    return payment_id, facts.model_dump(mode="json")


def test_open_alerts_are_counted_by_kind_and_age_and_cleared_ones_are_not() -> None:
    now = T0 + timedelta(days=2)
    table = [
        stored("pay_a", debited_not_activated=Alert(detected_at=T0)),
        stored("pay_b", debited_not_activated=Alert(detected_at=now - timedelta(hours=3))),
        stored("pay_c", refund_not_confirmed=Alert(detected_at=now - timedelta(minutes=5))),
        stored(
            "pay_d",
            debited_not_activated=Alert(detected_at=T0, cleared_by="provider-activated"),
        ),
        stored("pay_e", amount_differs=Alert(detected_at=T0)),  # a person's from the start
        ("pay_f", None),
    ]

    assert open_alerts(table, now) == {
        (NOT_ACTIVATED, Age.OVER_A_DAY): 1,
        (NOT_ACTIVATED, Age.UNDER_A_DAY): 1,
        (MismatchKind.REFUND_NOT_CONFIRMED, Age.UNDER_AN_HOUR): 1,
    }


def test_an_alert_moves_past_a_day_as_time_passes() -> None:
    table = [stored("pay_a", debited_not_activated=Alert(detected_at=T0))]

    assert open_alerts(table, T0 + timedelta(hours=23, minutes=59)) == {
        (NOT_ACTIVATED, Age.UNDER_A_DAY): 1
    }
    assert open_alerts(table, T0 + timedelta(days=1)) == {(NOT_ACTIVATED, Age.OVER_A_DAY): 1}
