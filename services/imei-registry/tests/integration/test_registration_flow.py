"""From quote to registered against the real database and the MCQS sandbox: the events each step
stores in the outbox, once per payment, and the refusals that lead to a refund."""

from __future__ import annotations

import itertools
from dataclasses import replace
from typing import Any

import httpx
import pytest

from imei_registry.adapters.registry import McqsClient, RegistryUnavailableError
from imei_registry.domain.devices import DeviceType
from imei_registry.domain.states import RegistrationState
from imei_registry.domain.status import ImeiStatus
from imei_registry.handlers.context import ImeiRegistry
from imei_registry.handlers.payments import register_paid_device
from imei_registry.handlers.quotes import ImeiAlreadyRegisteredError, make_quote
from imei_registry.handlers.status import imei_status
from imei_registry.handlers.sweep import sweep_once

from .parties import COMPLETION_SECONDS, FakeClock, Mailbox, card_debited, fresh_imei

pytestmark = pytest.mark.integration


async def outbox_types(registry: ImeiRegistry) -> list[str]:
    documents = registry.registrations.collection.find({}, {"outbox": 1})
    return [event["type"] async for document in documents for event in document["outbox"]]


async def duos_quote(registry: ImeiRegistry, serials: itertools.count[int]) -> Any:
    imeis = [fresh_imei(next(serials)), fresh_imei(next(serials))]
    return await make_quote(registry, DeviceType.DUOS, imeis, "aysel@example.az")


async def test_a_paid_quote_is_accepted_then_registered_and_mailed_once(
    registry: ImeiRegistry, clock: FakeClock, serials: itertools.count[int]
) -> None:
    quote = await duos_quote(registry, serials)
    debit = card_debited(quote.id, quote.fee.amount_qepik, clock.moment())

    await register_paid_device(registry, debit)
    await register_paid_device(registry, debit)  # delivered twice: nothing happens twice
    assert await outbox_types(registry) == ["provider-activated", "imei-registration-requested"]
    assert (await imei_status(registry, quote.device.imeis[1])).status is ImeiStatus.PENDING

    clock.advance(COMPLETION_SECONDS)
    for _ in range(3):
        await sweep_once(registry)
    assert (await outbox_types(registry))[-1] == "imei-registered"
    mailbox = registry.mailer
    assert isinstance(mailbox, Mailbox) and len(mailbox.sent) == 1
    assert quote.device.imeis[0] in mailbox.sent[0][2]
    answer = await imei_status(registry, quote.device.imeis[0])
    assert answer.status is ImeiStatus.REGISTERED and answer.known_by == "portal"
    with pytest.raises(ImeiAlreadyRegisteredError):
        await make_quote(registry, DeviceType.DUOS, list(quote.device.imeis), None)


async def test_one_quote_pays_for_one_registration_only(
    registry: ImeiRegistry, clock: FakeClock, serials: itertools.count[int]
) -> None:
    quote = await duos_quote(registry, serials)
    await register_paid_device(registry, card_debited(quote.id, 4000, clock.moment()))
    await register_paid_device(registry, card_debited(quote.id, 4000, clock.moment()))
    documents = registry.registrations.collection.find({}, {"state": 1, "failure_code": 1})
    outcomes = sorted([(d["state"], d.get("failure_code")) async for d in documents])
    assert outcomes == [("pending", None), ("refused", "quote_already_paid")]


@pytest.mark.parametrize(
    ("account", "paid", "code"),
    [("qte_01jd8x0s7m3q9v2c4n6p8r0t2w", 4000, "quote_unknown"), (None, 3000, "amount_differs")],
)
async def test_a_payment_that_does_not_fit_a_quote_is_failed_for_a_refund(
    registry: ImeiRegistry,
    clock: FakeClock,
    serials: itertools.count[int],
    account: str | None,
    paid: int,
    code: str,
) -> None:
    quote = await duos_quote(registry, serials)
    await register_paid_device(registry, card_debited(account or quote.id, paid, clock.moment()))
    assert await outbox_types(registry) == ["activation-failed"]
    document = await registry.registrations.collection.find_one({})
    assert document is not None and document["failure_code"] == code


async def test_a_rejection_by_the_registry_is_failed_for_a_refund(
    registry: ImeiRegistry,
    clock: FakeClock,
    serials: itertools.count[int],
    mcqs_http: httpx.AsyncClient,
) -> None:
    quote = await duos_quote(registry, serials)
    fault = {"reject_code": "blacklisted", "reject_reason": "Reported stolen."}
    await mcqs_http.put(f"/mcqs/_control/faults/{quote.device.imeis[0]}", json=fault)
    await register_paid_device(registry, card_debited(quote.id, 4000, clock.moment()))
    assert await outbox_types(registry) == ["activation-failed", "imei-registration-rejected"]
    answer = await imei_status(registry, quote.device.imeis[0])
    assert answer.status is ImeiStatus.REJECTED and answer.reason == "Reported stolen."


async def test_an_unreachable_registry_is_retried_then_given_up_at_the_deadline(
    registry: ImeiRegistry,
    clock: FakeClock,
    serials: itertools.count[int],
    mcqs_http: httpx.AsyncClient,
) -> None:
    quote = await duos_quote(registry, serials)
    await mcqs_http.put("/mcqs/_control/faults", json={"errors_5xx": 2})
    debit = card_debited(quote.id, 4000, clock.moment())
    await register_paid_device(registry, debit)
    clock.advance(1)
    await sweep_once(registry)
    assert await outbox_types(registry) == []  # two failures: still submitting, nothing told
    clock.advance(2)
    await sweep_once(registry)
    assert await outbox_types(registry) == ["provider-activated", "imei-registration-requested"]

    second = await duos_quote(registry, serials)
    await mcqs_http.put("/mcqs/_control/faults", json={"errors_5xx": 1000})
    await register_paid_device(registry, card_debited(second.id, 4000, clock.moment()))
    clock.advance(registry.settings.submit_deadline_seconds + 1)
    await sweep_once(registry)
    states = registry.registrations.collection.find({}, {"state": 1})
    assert sorted([d["state"] async for d in states]) == [
        RegistrationState.FAILED.value,  # the registry never took it: refunded
        RegistrationState.REGISTERED.value,  # the first one completed meanwhile
    ]
    failed = await registry.registrations.collection.find_one({"state": "failed"})
    assert failed is not None and [e["type"] for e in failed["outbox"]] == ["activation-failed"]


async def test_no_quote_is_made_while_the_registry_cannot_be_asked(
    registry: ImeiRegistry, serials: itertools.count[int], mcqs_http: httpx.AsyncClient
) -> None:
    away = McqsClient(mcqs_http, "http://127.0.0.1:1/mcqs", "secret")
    with pytest.raises(RegistryUnavailableError):
        await make_quote(
            replace(registry, mcqs=away),
            DeviceType.DUOS,
            [fresh_imei(next(serials)), fresh_imei(next(serials))],
            None,
        )
