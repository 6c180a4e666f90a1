"""Only signed requests get in; injected faults reject, delay or fail submissions."""

from __future__ import annotations

import httpx
import pytest

from .helpers import COMPLETION_SECONDS, Call, FakeClock, imei, submission


@pytest.mark.parametrize(
    "options",
    [{"secret": "wrong"}, {"age_seconds": 301}, {"age_seconds": -301}, {"client_id": "other"}],
)
async def test_unsigned_or_stale_requests_are_refused(
    mcqs: Call, options: dict[str, object]
) -> None:
    answer = await mcqs("POST", "/mcqs/registrations", submission(), **options)
    assert answer.status_code == 401 and answer.json() == {"error": "bad_signature"}
    lookup = await mcqs("GET", f"/mcqs/imeis/{imei(1)}", **options)
    assert lookup.status_code == 401


async def test_a_rejection_for_one_imei_rejects_only_its_submissions(
    mcqs: Call, client: httpx.AsyncClient
) -> None:
    fault = {"reject_code": "blacklisted", "reject_reason": "Reported stolen."}
    await client.put(f"/mcqs/_control/faults/{imei(1)}", json=fault)
    rejected = (await mcqs("POST", "/mcqs/registrations", submission("pay_1"))).json()
    accepted = (await mcqs("POST", "/mcqs/registrations", submission("pay_2", [imei(5)]))).json()
    assert (rejected["status"], rejected["code"], rejected["reason"]) == (
        "rejected",
        "blacklisted",
        "Reported stolen.",
    )
    assert accepted["status"] == "pending"
    lookup = (await mcqs("GET", f"/mcqs/imeis/{imei(1)}")).json()
    assert lookup["status"] == "not_registered"  # a rejected submission holds nothing


async def test_global_faults_apply_unless_the_imei_has_its_own(
    mcqs: Call, client: httpx.AsyncClient, clock: FakeClock
) -> None:
    await client.put("/mcqs/_control/faults", json={"reject_code": "registry_closed"})
    await client.put(f"/mcqs/_control/faults/{imei(8)}", json={"completion_seconds": 0})
    closed = (await mcqs("POST", "/mcqs/registrations", submission("pay_1", [imei(7)]))).json()
    instant = (await mcqs("POST", "/mcqs/registrations", submission("pay_2", [imei(8)]))).json()
    assert closed["code"] == "registry_closed"
    assert instant["status"] == "registered"

    await client.delete("/mcqs/_control/faults")
    normal = (await mcqs("POST", "/mcqs/registrations", submission("pay_3", [imei(9)]))).json()
    assert normal["status"] == "pending"
    clock.advance(COMPLETION_SECONDS)
    assert (await mcqs("GET", "/mcqs/registrations/pay_3")).json()["status"] == "registered"


async def test_failed_submissions_record_nothing_until_the_registry_is_back(
    mcqs: Call, client: httpx.AsyncClient
) -> None:
    await client.put(f"/mcqs/_control/faults/{imei(1)}", json={"errors_5xx": 2})
    answers = [(await mcqs("POST", "/mcqs/registrations", submission())) for _ in range(3)]
    assert [answer.status_code for answer in answers] == [503, 503, 201]
    ledger = (await client.get("/mcqs/_control/ledger/pay_1")).json()
    assert ledger == {"submit_calls": 3, "registrations_recorded": 1, "status": "pending"}


async def test_the_pre_registered_imeis_are_listed(client: httpx.AsyncClient) -> None:
    listed = (await client.get("/mcqs/_control/pre-registered")).json()
    assert "490154203237518" in listed
