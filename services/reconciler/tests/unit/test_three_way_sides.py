"""What the three-way job takes from our topics, and the event it makes of a provider finding."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from contracts.envelope import Envelope, to_kafka
from contracts.events import MismatchDetected, MismatchKind, ProviderActivated
from contracts.ids import new_id
from contracts.money import Money
from reconciler.alerts import mismatch_cleared
from reconciler.domain.registry import ProviderFinding, RegistryRow
from reconciler.settle.ours import OurDay, _take, day_bounds
from reconciler.settle.three_way import provider_event

from .payment_events import T0, debited


def activation_from(source: str, payment_id: str) -> Envelope:
    event = ProviderActivated(
        payment_id=payment_id,
        service_id="azercell",
        amount=Money(qepik=1000),
        provider_transaction_id="PRV1",
        activated_at=T0,
    )
    return Envelope.wrap(event, event_id=new_id("evt"), source=source, time=T0)


def take(day: OurDay, envelope: Envelope) -> None:
    _, value, headers = to_kafka(envelope)
    _take(day, headers, value, *day_bounds(T0.date()))


def test_only_activations_made_at_a_provider_by_provider_gateway_are_expected_in_its_registry() -> (
    None
):
    at_provider, imei_fee = new_id("pay"), new_id("pay")
    ours = OurDay()
    take(ours, activation_from("/services/provider-gateway", at_provider))
    take(ours, activation_from("/services/imei-registry", imei_fee))

    assert set(ours.activations) == {at_provider}
    assert ours.activations[at_provider].amount_qepik == 1000


def test_what_reconciliation_v1_already_holds_is_remembered_as_reported() -> None:
    ours = OurDay()
    cleared = mismatch_cleared(new_id("pay"), MismatchKind.PROVIDER_ONLY, "x", T0)
    take(ours, cleared)

    assert ours.reported == {cleared.id} and ours.payments == {}


def test_a_provider_finding_is_one_event_per_payment_and_kind_with_the_registry_line() -> None:
    ours = OurDay()
    take(ours, debited())
    payment_id = next(iter(ours.payments))
    line = RegistryRow(payment_id, "PRV7", "azercell", "501234567", 1100, T0 + timedelta(minutes=1))
    found = ProviderFinding(
        payment_id, MismatchKind.PROVIDER_AMOUNT_DIFFERS, "azercell", 1100, 1000
    )

    first = provider_event(found, [line], ours, datetime.now(UTC))
    again = provider_event(found, [line], ours, datetime.now(UTC) + timedelta(days=1))

    assert first.id == again.id
    event = first.event()
    assert isinstance(event, MismatchDetected)
    assert (event.activated, event.at_provider) == (Money(qepik=1000), Money(qepik=1100))
    assert [entry.type for entry in event.trail] == ["card-debited", "provider-registry 11.00 AZN"]
