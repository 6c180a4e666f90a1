"""What a customer is told about an IMEI, and the e-mail that says it is registered."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from contracts.money import Money
from imei_registry.domain.messages import registered_mail
from imei_registry.domain.registration import Registration
from imei_registry.domain.states import RegistrationState
from imei_registry.domain.status import ImeiStatus, status_of

NOW = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
BASE = Registration(
    id="imr_1",
    payment_id="pay_1",
    quote_id="qte_1",
    imeis=("490154203237518",),
    brand="Xiaomi",
    model="Redmi Note 13",
    paid=Money(qepik=4000),
    email="a@example.az",
    created_at=NOW,
    submit_deadline=NOW,
)


def at(state: RegistrationState, minutes: int = 0, **changes: object) -> Registration:
    moved = replace(BASE, state=state, created_at=NOW + timedelta(minutes=minutes))
    return replace(moved, **changes)  # type: ignore[arg-type]


def test_registered_beats_pending_beats_rejected_and_refusals_do_not_count() -> None:
    registered = at(RegistrationState.REGISTERED, registered_at=NOW + timedelta(hours=2))
    pending = at(RegistrationState.PENDING, 5)
    rejected = at(RegistrationState.REJECTED, 9, failure_reason="Reported stolen.")
    refused = at(RegistrationState.REFUSED, 10)
    assert status_of([]).status is ImeiStatus.NOT_REGISTERED
    assert status_of([refused]).status is ImeiStatus.NOT_REGISTERED
    assert status_of([rejected, refused]).reason == "Reported stolen."
    assert status_of([rejected, pending]).status is ImeiStatus.PENDING
    answer = status_of([rejected, pending, registered])
    assert answer.status is ImeiStatus.REGISTERED and answer.since == NOW + timedelta(hours=2)
    assert "off and on" in answer.message.en


def test_the_mail_says_registered_restart_and_whom_to_ask() -> None:
    done = at(RegistrationState.REGISTERED, registered_at=datetime(2025, 3, 1, 20, 30, tzinfo=UTC))
    subject, text = registered_mail(done)
    assert "IMEI registered" in subject
    assert "490154203237518" in text and "Xiaomi Redmi Note 13" in text
    assert "02.03.2025 00:30" in text  # Baku time
    assert "off and on" in text and "söndürüb" in text
    assert "imei.az" in text and "157" in text


def test_the_mail_is_in_the_language_the_quote_was_asked_in() -> None:
    done = at(RegistrationState.REGISTERED, registered_at=NOW, language="ru")
    subject, text = registered_mail(done)
    assert subject == "IMEI зарегистрирован"
    assert "Ваше устройство зарегистрировано" in text and "Выключите и снова" in text
    assert "157" in text and "Salam" not in text and "Hello" not in text
    english = registered_mail(replace(done, language="en"))
    assert english[0] == "IMEI registered" and "Salam" not in english[1]
