"""The registration aggregate: its transitions, the events each appends, and their guards."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from contracts.events import (
    ActivationFailed,
    CardDebited,
    ImeiRegistered,
    ImeiRegistrationRejected,
    ImeiRegistrationRequested,
    ProviderActivated,
)
from contracts.money import Money
from imei_registry.domain.backoff import backoff, next_poll
from imei_registry.domain.device_check import identify_device
from imei_registry.domain.devices import DeviceType, TacDirectory
from imei_registry.domain.fees import FeeTable
from imei_registry.domain.opening import open_registration, refuse_payment
from imei_registry.domain.quote import PaymentRefusal, price_quote
from imei_registry.domain.registration import Registration, registration_id_for
from imei_registry.domain.states import RegistrationState, TransitionError

from .imeis import REDMI_NOTE_13, imei

NOW = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
PAYMENT = "pay_01jd8x0s7m3q9v2c4n6p8r0t2w"


def debited(amount: int = 4000) -> CardDebited:
    return CardDebited(
        payment_id=PAYMENT,
        service_id="imei-registration",
        account="qte_01jd8x0s7m3q9v2c4n6p8r0t2w",
        amount=Money(qepik=amount),
        total=Money(qepik=amount),
        bank_reference="RRN1",
        debited_at=NOW,
    )


@pytest.fixture
def opened(fees: FeeTable, directory: TacDirectory) -> Registration:
    device = identify_device(
        DeviceType.DUOS, [imei(REDMI_NOTE_13, 1), imei(REDMI_NOTE_13, 2)], directory
    )
    quote = price_quote("qte_1", device, fees, "a@example.az", NOW, timedelta(hours=1))
    return open_registration(debited(), quote, NOW, timedelta(hours=1))


def types(registration: Registration) -> list[type]:
    return [type(event) for event in registration.pending_events]


def test_one_payment_always_gives_the_same_registration_id() -> None:
    first = registration_id_for(PAYMENT, NOW)
    assert first == registration_id_for(PAYMENT, NOW)
    assert first.startswith("imr_") and first != registration_id_for(PAYMENT[:-1] + "x", NOW)


def test_acceptance_activates_the_payment_and_asks_for_registration(opened: Registration) -> None:
    accepted = opened.accept("MCQS1", NOW, NOW + timedelta(seconds=1))
    assert accepted.state is RegistrationState.PENDING
    assert types(accepted) == [ProviderActivated, ImeiRegistrationRequested]
    activated = accepted.pending_events[0]
    assert isinstance(activated, ProviderActivated)
    assert activated.amount.qepik == 4000 and activated.provider_transaction_id == "MCQS1"


def test_completion_after_acceptance_tells_registered_and_queues_the_mail(
    opened: Registration,
) -> None:
    accepted = opened.accept("MCQS1", NOW, NOW)
    done = accepted.complete("MCQS1", NOW + timedelta(hours=3), NOW + timedelta(hours=3))
    assert types(done)[-1] is ImeiRegistered and done.email_due
    assert done.state.is_terminal() and done.next_action_at is None


def test_completion_at_once_still_activates_the_payment_first(opened: Registration) -> None:
    done = opened.complete("MCQS1", NOW, NOW)
    assert types(done) == [ProviderActivated, ImeiRegistrationRequested, ImeiRegistered]


def test_a_rejection_before_acceptance_refunds_after_it_only_tells(opened: Registration) -> None:
    refused = opened.reject("blacklisted", "Reported stolen.", NOW)
    assert types(refused) == [ActivationFailed, ImeiRegistrationRejected]
    late = opened.accept("MCQS1", NOW, NOW).mail_sent()
    late_types = types(late.reject("blacklisted", "Reported stolen.", NOW))
    assert late_types[-1] is ImeiRegistrationRejected and ActivationFailed not in late_types


def test_an_unreachable_registry_ends_in_a_refund(opened: Registration) -> None:
    failed = opened.give_up(NOW)
    assert failed.state is RegistrationState.FAILED and types(failed) == [ActivationFailed]


def test_a_refused_payment_is_recorded_with_its_refund() -> None:
    refused = refuse_payment(debited(3000), PaymentRefusal.AMOUNT_DIFFERS, None, NOW)
    assert refused.state is RegistrationState.REFUSED
    event = refused.pending_events[0]
    assert isinstance(event, ActivationFailed) and event.provider_code == "amount_differs"


def test_transitions_are_guarded_and_say_where_the_registration_is(opened: Registration) -> None:
    done = opened.complete("MCQS1", NOW, NOW)
    with pytest.raises(TransitionError, match="is registered; rejected only follows"):
        done.reject("late", "too late", NOW)
    with pytest.raises(TransitionError):
        done.accept("MCQS1", NOW, NOW)


def test_states_know_whether_they_are_final_and_whether_they_hold_the_imei() -> None:
    final = {state for state in RegistrationState if state.is_terminal()}
    assert final == set(RegistrationState) - {
        RegistrationState.SUBMITTING,
        RegistrationState.PENDING,
    }
    assert not RegistrationState.REJECTED.holds_the_imei()
    assert RegistrationState.PENDING.holds_the_imei()


def test_backoff_doubles_up_to_its_cap_and_polls_come_when_the_registry_expects() -> None:
    one, cap = timedelta(seconds=1), timedelta(seconds=600)
    assert [backoff(n, one, cap).seconds for n in range(4)] == [1, 2, 4, 8]
    assert backoff(50, one, cap) == cap
    expected = NOW + timedelta(seconds=3)
    assert next_poll(NOW, 5, expected, one, cap) == expected
    assert next_poll(NOW, 0, expected, one, cap) == NOW + one
    assert next_poll(NOW, 0, NOW - one, one, cap) == NOW + one
