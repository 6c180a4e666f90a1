"""Submitting registrations: idempotent by transaction id, completed after the delay, looked up."""

from __future__ import annotations

import httpx
import pytest

from .helpers import COMPLETION_SECONDS, DUOS, Call, FakeClock, imei, submission


async def test_a_registration_is_pending_until_the_completion_delay_passes(
    mcqs: Call, clock: FakeClock
) -> None:
    created = await mcqs("POST", "/mcqs/registrations", submission())
    assert created.status_code == 201
    assert created.json()["status"] == "pending"
    assert created.json()["registry_reference"].startswith("MCQS")

    clock.advance(COMPLETION_SECONDS - 1)
    assert (await mcqs("GET", "/mcqs/registrations/pay_1")).json()["status"] == "pending"
    clock.advance(1)
    done = (await mcqs("GET", "/mcqs/registrations/pay_1")).json()
    assert done["status"] == "registered" and done["registered_at"]
    lookup = (await mcqs("GET", f"/mcqs/imeis/{imei(2)}")).json()
    assert lookup["status"] == "registered"


async def test_a_repeated_submission_registers_once_and_answers_the_same(
    mcqs: Call, client: httpx.AsyncClient
) -> None:
    first = await mcqs("POST", "/mcqs/registrations", submission())
    again = await mcqs("POST", "/mcqs/registrations", submission())
    assert again.status_code == 200
    assert again.json()["registry_reference"] == first.json()["registry_reference"]
    ledger = (await client.get("/mcqs/_control/ledger/pay_1")).json()
    assert ledger == {"submit_calls": 2, "registrations_recorded": 1, "status": "pending"}


async def test_the_same_transaction_id_for_other_imeis_is_a_conflict(mcqs: Call) -> None:
    await mcqs("POST", "/mcqs/registrations", submission())
    other = await mcqs("POST", "/mcqs/registrations", submission(imeis=[imei(7)]))
    assert other.status_code == 409 and other.json() == {"error": "transaction_conflict"}


async def test_an_imei_already_held_is_rejected_for_a_second_transaction(mcqs: Call) -> None:
    await mcqs("POST", "/mcqs/registrations", submission("pay_1", [imei(3)]))
    second = await mcqs("POST", "/mcqs/registrations", submission("pay_2", [imei(3)]))
    assert second.json()["status"] == "rejected"
    assert second.json()["code"] == "already_registered"


@pytest.mark.parametrize("known", ["490154203237518", "352099001761481", "001001000000015"])
async def test_pre_registered_imeis_are_registered_and_refused_again(
    mcqs: Call, known: str
) -> None:
    lookup = (await mcqs("GET", f"/mcqs/imeis/{known}")).json()
    assert lookup["status"] == "registered" and lookup["registered_at"]
    again = await mcqs("POST", "/mcqs/registrations", submission(imeis=[known]))
    assert again.json()["status"] == "rejected"


async def test_an_unknown_imei_is_not_registered_and_an_unknown_transaction_is_404(
    mcqs: Call,
) -> None:
    lookup = (await mcqs("GET", f"/mcqs/imeis/{imei(99)}")).json()
    assert lookup == {"imei": imei(99), "status": "not_registered", "registered_at": None}
    assert (await mcqs("GET", "/mcqs/registrations/pay_none")).status_code == 404


@pytest.mark.parametrize(
    ("payload", "status_code", "error"),
    [
        ({"transaction_id": "pay_1"}, 400, "bad_request"),
        ({"transaction_id": "bad id!", "imeis": DUOS}, 400, "bad_request"),
        ({"transaction_id": "pay_1", "imeis": [*DUOS, DUOS[0]]}, 400, "bad_request"),
        ({"transaction_id": "pay_1", "imeis": DUOS, "fee_qepik": "40"}, 400, "bad_request"),
        ({"transaction_id": "pay_1", "imeis": ["001004000000012"]}, 422, "invalid_imei"),
        ({"transaction_id": "pay_1", "imeis": [DUOS[0], DUOS[0]]}, 422, "invalid_imei"),
    ],
)
async def test_malformed_submissions_are_refused(
    mcqs: Call, payload: dict[str, object], status_code: int, error: str
) -> None:
    answer = await mcqs("POST", "/mcqs/registrations", payload)
    assert answer.status_code == status_code and answer.json() == {"error": error}


async def test_an_invalid_imei_lookup_is_refused(mcqs: Call) -> None:
    assert (await mcqs("GET", "/mcqs/imeis/123")).status_code == 422
