"""Two replicas of imei-registry sweep the same registrations: the e-mail goes out once."""

from __future__ import annotations

from datetime import timedelta

import pytest

from contracts.ids import new_id
from contracts.money import Money
from imei_registry.domain.registration import Registration
from imei_registry.domain.states import RegistrationState
from imei_registry.handlers.context import ImeiRegistry
from imei_registry.handlers.mail import send_registered_mail

from .parties import Mailbox, fresh_imei

pytestmark = pytest.mark.integration


async def registered(registry: ImeiRegistry, serial: int) -> Registration:
    now = registry.clock()
    registration = Registration(
        id=new_id("imr"),
        payment_id=new_id("pay"),
        quote_id=new_id("qte"),
        imeis=(fresh_imei(serial),),
        brand="Xiaomi",
        model="Redmi Note 13",
        paid=Money(qepik=4000),
        email="customer@example.az",
        created_at=now,
        submit_deadline=now + timedelta(hours=1),
        state=RegistrationState.REGISTERED,
        registry_reference="MCQS-1",
        registered_at=now,
        email_due=True,
    )
    await registry.registrations.add(registration)
    return registration


async def test_the_mail_the_other_replica_is_sending_is_not_sent_again(
    registry: ImeiRegistry,
) -> None:
    registration = await registered(registry, 900_001)
    mailbox = registry.mailer
    assert isinstance(mailbox, Mailbox)

    other = await registry.registrations.claim_mail(registration.id)  # the other replica's sweep
    assert other is not None
    await send_registered_mail(registry, registration.id)
    assert mailbox.sent == []

    await registry.registrations.release_mail(registration.id, other)  # its send failed
    await send_registered_mail(registry, registration.id)
    await send_registered_mail(registry, registration.id)
    assert len(mailbox.sent) == 1
    stored = await registry.registrations.get(registration.id)
    assert stored is not None and not stored.email_due
