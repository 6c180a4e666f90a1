"""The OSMP family as a biller answers it: checks, a pay that pays once, status by txn_id."""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET

import httpx

OSMP = "/providers/osmp/azercell"
MASKED_HOLDER = re.compile(r"[A-Z]\*\*\* [A-Z]\*\*\*")


async def osmp(client: httpx.AsyncClient, **params: str) -> tuple[int, ET.Element]:
    response = await client.get(OSMP, params=params)
    assert response.headers["content-type"].startswith("application/xml")
    return response.status_code, ET.fromstring(response.content)


def fields_of(answer: ET.Element) -> dict[str, str]:
    return {field.attrib["name"]: field.text or "" for field in answer.iterfind("fields/*")}


async def test_a_check_shows_a_stable_masked_holder_and_the_amounts(
    client: httpx.AsyncClient,
) -> None:
    _, first = await osmp(client, command="check", account="501234567")
    _, again = await osmp(client, command="check", account="501234567")
    fields = fields_of(first)
    assert first.findtext("result") == "0"
    assert MASKED_HOLDER.fullmatch(fields["holder"])
    assert ("balance" in fields) != ("debt" in fields)
    assert fields["min"] == "0.01" and fields["max"] == "10000.00"
    assert fields_of(again) == fields


async def test_a_check_tells_a_missing_account_from_a_malformed_one(
    client: httpx.AsyncClient,
) -> None:
    _, missing = await osmp(client, command="check", account="501234404")
    _, spaces = await osmp(client, command="check", account="50 123")
    _, too_long = await osmp(client, command="check", account="9" * 33)
    assert missing.findtext("result") == "5"
    assert spaces.findtext("result") == too_long.findtext("result") == "4"


async def test_a_repeated_pay_pays_once_and_answers_the_first_result(
    client: httpx.AsyncClient,
) -> None:
    pay = {"command": "pay", "txn_id": "pay_1", "account": "501234567", "sum": "10.00"}
    pay["txn_date"] = "20250101120000"
    _, first = await osmp(client, **pay)
    _, repeat = await osmp(client, **pay)
    ledger = (await client.get("/providers/_control/ledger/azercell/pay_1")).json()
    assert first.findtext("result") == "0"
    assert first.findtext("sum") == "10.00"
    assert first.findtext("osmp_txn_id") == "pay_1"
    assert (first.findtext("prv_txn") or "").startswith("PRV")
    assert ET.tostring(repeat) == ET.tostring(first)
    assert ledger == {
        "pay_calls": 2,
        "payments_recorded": 1,
        "status_queries": 0,
        "status": "completed",
    }


async def test_sums_out_of_limits_are_final_refusals_that_record_no_payment(
    client: httpx.AsyncClient,
) -> None:
    base = {"command": "pay", "account": "501234567", "txn_date": "20250101120000"}
    _, small = await osmp(client, **base, txn_id="pay_small", sum="0.00")
    _, large = await osmp(client, **base, txn_id="pay_large", sum="10000.01")
    _, status = await osmp(client, command="status", txn_id="pay_large")
    ledger = (await client.get("/providers/_control/ledger/azercell/pay_large")).json()
    assert small.findtext("result") == "241"
    assert large.findtext("result") == status.findtext("result") == "242"
    assert large.find("prv_txn") is None
    assert ledger["payments_recorded"] == 0 and ledger["status"] == "rejected"


async def test_a_pay_without_two_decimals_or_a_date_is_refused_unrecorded(
    client: httpx.AsyncClient,
) -> None:
    base = {"command": "pay", "txn_id": "pay_2", "account": "501234567"}
    _, whole_sum = await osmp(client, **base, sum="10", txn_date="20250101120000")
    _, no_date = await osmp(client, **base, sum="10.00")
    ledger = (await client.get("/providers/_control/ledger/azercell/pay_2")).json()
    assert whole_sum.findtext("result") == no_date.findtext("result") == "300"
    assert ledger == {
        "pay_calls": 0,
        "payments_recorded": 0,
        "status_queries": 0,
        "status": "not_found",
    }


async def test_status_of_a_transaction_never_seen_is_a_404(client: httpx.AsyncClient) -> None:
    status_code, answer = await osmp(client, command="status", txn_id="pay_never")
    assert status_code == 404
    assert answer.findtext("result") == "300"
    assert answer.findtext("osmp_txn_id") == "pay_never"


async def test_an_unknown_command_is_an_other_error(client: httpx.AsyncClient) -> None:
    status_code, answer = await osmp(client, command="getBalance", account="501234567")
    assert status_code == 200
    assert answer.findtext("result") == "300"
