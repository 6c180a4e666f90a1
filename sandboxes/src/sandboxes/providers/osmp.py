"""The OSMP/QIWI family: `GET /providers/osmp/{service_id}?command=check|pay|status` → XML.

Every answer is HTTP 200 with a `<result>` code, except two: a `status` for a txn_id the provider
never saw is HTTP 404 (result 300), so "never saw it" cannot be mistaken for a rejected payment;
and injected faults, which fail at the HTTP level.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated
from xml.etree import ElementTree as ET

from fastapi import APIRouter, Query, Request, Response

from sandboxes.providers.accounts import account_problem, amount_problem, profile_of
from sandboxes.providers.codes import ResultCode, comment_for
from sandboxes.providers.sandbox import SandboxDep
from sandboxes.providers.store import Transaction

router = APIRouter(prefix="/osmp", tags=["providers: osmp"])

TXN_ID = re.compile(r"[A-Za-z0-9_.:-]{1,64}")
SUM = re.compile(r"(\d{1,9})\.(\d{2})")
TXN_DATE_FORMAT = "%Y%m%d%H%M%S"


@router.get("/{service_id}")
async def osmp_command(
    service_id: str,
    request: Request,
    sandbox: SandboxDep,
    command: str = "",
    txn_id: str = "",
    account: str = "",
    sum_text: Annotated[str, Query(alias="sum")] = "",
    txn_date: str = "",
) -> Response:
    if command == "check":
        await sandbox.delay(service_id)
        return _check(sandbox.store.faults_for(service_id).lookup_down, txn_id, account, sum_text)
    if command == "status":
        await sandbox.delay(service_id)
        known = sandbox.store.status_query(service_id, txn_id)
        if known is None:
            return _answer(ResultCode.OTHER_ERROR, txn_id, "unknown txn_id", status_code=404)
        return _transaction_answer(known, sandbox.store.clock())
    if command != "pay":
        return _answer(ResultCode.OTHER_ERROR, txn_id, f"unknown command {command!r}")
    amount_qepik = parse_sum(sum_text)
    if not TXN_ID.fullmatch(txn_id) or amount_qepik is None or not _is_txn_date(txn_date):
        return _answer(ResultCode.OTHER_ERROR, txn_id, "pay needs txn_id, sum (0.00), txn_date")
    outcome = await sandbox.pay(request, service_id, txn_id, account, amount_qepik)
    if isinstance(outcome, Response):
        return outcome
    return _transaction_answer(outcome, sandbox.store.clock())


def _check(lookup_down: bool, txn_id: str, account: str, sum_text: str) -> Response:
    if lookup_down:
        return _answer(ResultCode.TEMPORARY_ERROR, txn_id)
    problem = account_problem(account)
    if problem is None and sum_text:
        amount_qepik = parse_sum(sum_text)
        if amount_qepik is None:
            return _answer(ResultCode.OTHER_ERROR, txn_id, "sum must have two decimals")
        problem = amount_problem(amount_qepik)
    if problem is not None:
        return _answer(problem, txn_id)
    profile = profile_of(account)
    fields = {"holder": profile.holder}
    if profile.balance_qepik is not None:
        fields["balance"] = format_sum(profile.balance_qepik)
    if profile.debt_qepik is not None:
        fields["debt"] = format_sum(profile.debt_qepik)
    fields["min"] = format_sum(profile.min_qepik)
    fields["max"] = format_sum(profile.max_qepik)
    return _answer(ResultCode.OK, txn_id, fields=fields)


def _transaction_answer(transaction: Transaction, now: float) -> Response:
    code = transaction.code(now)
    return _answer(
        code,
        transaction.txn_id,
        prv_txn=transaction.provider_reference,
        sum_qepik=transaction.amount_qepik,
    )


def _answer(
    code: int,
    txn_id: str,
    comment: str | None = None,
    *,
    prv_txn: str | None = None,
    sum_qepik: int | None = None,
    fields: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    root = ET.Element("response")
    if txn_id:
        ET.SubElement(root, "osmp_txn_id").text = txn_id
    if prv_txn is not None:
        ET.SubElement(root, "prv_txn").text = prv_txn
    if sum_qepik is not None:
        ET.SubElement(root, "sum").text = format_sum(sum_qepik)
    ET.SubElement(root, "result").text = str(code)
    ET.SubElement(root, "comment").text = comment or comment_for(code)
    if fields:
        holder = ET.SubElement(root, "fields")
        for number, (name, value) in enumerate(fields.items(), start=1):
            ET.SubElement(holder, f"field{number}", name=name).text = value
    body = ET.tostring(root, encoding="UTF-8", xml_declaration=True)
    return Response(body, status_code=status_code, media_type="application/xml; charset=utf-8")


def parse_sum(text: str) -> int | None:
    match = SUM.fullmatch(text)
    return int(match[1]) * 100 + int(match[2]) if match else None


def format_sum(qepik: int) -> str:
    return f"{qepik // 100}.{qepik % 100:02d}"


def _is_txn_date(text: str) -> bool:
    try:
        datetime.strptime(text, TXN_DATE_FORMAT)
    except ValueError:
        return False
    return len(text) == 14
