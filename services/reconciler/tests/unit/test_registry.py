"""The providers' registry read strictly, checked for its signature, and compared with ours."""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from contracts.events import MismatchKind
from reconciler.domain.registry import OurActivation, RegistryRow, compare_registry
from reconciler.settle.provider import RegistryUnavailableError, _verified, parse_registry
from reconciler.settle.report import ThreeWayResult, from_provider

DAY = date(2026, 11, 26)
NOON = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
HEADER = "txn_id;prv_txn;service_id;account;sum;txn_date\r\n"


def row(txn_id: str, qepik: int, at: datetime = NOON) -> RegistryRow:
    return RegistryRow(txn_id, "PRV1", "nar", "701234567", qepik, at)


def ours(qepik: int, at: datetime = NOON) -> OurActivation:
    return OurActivation("nar", qepik, at)


def test_a_dropped_an_added_and_an_altered_row_are_three_findings_of_their_kinds() -> None:
    registry = [row("pay_same", 500), row("pay_stranger", 990), row("pay_cut", 450)]
    activated = {"pay_same": ours(500), "pay_lost": ours(300), "pay_cut": ours(400)}

    found = compare_registry(DAY, registry, activated)

    assert [(item.payment_id, item.kind, item.at_stake) for item in found] == [
        ("pay_cut", MismatchKind.PROVIDER_AMOUNT_DIFFERS, 50),
        ("pay_stranger", MismatchKind.PROVIDER_ONLY, 990),
        ("pay_lost", MismatchKind.OURS_ONLY_AT_PROVIDER, 300),
    ]


def test_an_activation_of_another_day_or_booked_the_next_day_is_not_missing() -> None:
    before_midnight = datetime(2026, 11, 26, 23, 59, 59, tzinfo=UTC)
    activated = {
        "pay_yesterday": ours(100, NOON - timedelta(days=1)),
        "pay_late": ours(200, before_midnight),
    }
    next_day = [row("pay_late", 200, before_midnight + timedelta(seconds=2))]

    assert compare_registry(DAY, [], activated, next_day) == []


def test_the_registry_is_read_into_exact_qepik_and_its_total_must_match() -> None:
    text = HEADER + f"pay_a;PRV1;nar;701234567;10.10;{NOON.isoformat()}\r\ntotal;1;10.10\r\n"

    assert parse_registry(text) == [row("pay_a", 1010)]
    with pytest.raises(ValueError, match="total"):
        parse_registry(text.replace("total;1;10.10", "total;2;20.20"))
    with pytest.raises(ValueError, match="no total"):
        parse_registry(text.replace("total;1;10.10\r\n", ""))


@pytest.mark.parametrize(
    "line",
    [
        f"pay_a;PRV1;nar;701234567;10.1;{NOON.isoformat()}",
        f"pay_a;PRV1;nar;701234567;10;{NOON.isoformat()}",
        f"pay_a;PRV1;nar;701234567;-1.00;{NOON.isoformat()}",
        "pay_a;PRV1;nar;701234567;10.10;2026-11-26T12:00:00",
        "pay_a;PRV1;nar",
    ],
)
def test_a_line_that_breaks_the_layout_stops_the_job_naming_it(line: str) -> None:
    with pytest.raises(ValueError, match="line 2"):
        parse_registry(HEADER + line + "\r\ntotal;1;10.10\r\n")


def test_a_registry_whose_signature_does_not_match_is_refused() -> None:
    body = (HEADER + "total;0;0.00\r\n").encode()
    signature = hmac.new(b"s3cret", b"1700000000." + body, hashlib.sha256).hexdigest()
    headers = {"X-Timestamp": "1700000000", "X-Signature": signature}

    assert _verified(httpx.Response(200, content=body, headers=headers), "s3cret").startswith("txn")
    with pytest.raises(RegistryUnavailableError):
        _verified(httpx.Response(200, content=body + b"x", headers=headers), "s3cret")


def test_the_report_counts_and_adds_up_each_kind_and_is_written_as_csv(tmp_path: Path) -> None:
    found = compare_registry(
        DAY, [row("pay_x", 990), row("pay_y", 100), row("pay_cut", 450)], {"pay_cut": ours(400)}
    )
    result = ThreeWayResult(DAY, 0, 3, 0, 1, [from_provider(item) for item in found])

    assert result.per_kind()[1][:2] == ("provider_only", 2)
    assert str(result.per_kind()[1][2]) == "10.90 AZN"
    summary, _ = result.write_csv(tmp_path)
    assert summary.read_text().splitlines()[1:] == [
        "2026-11-26,provider_amount_differs,1,50",
        "2026-11-26,provider_only,2,1090",
    ]
    assert "provider_only" in result.summary() and "10.90 AZN" in result.summary()
