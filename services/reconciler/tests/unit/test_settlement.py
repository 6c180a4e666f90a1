"""The bank's report read strictly and compared with ours; the request signed as the bank wants."""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contracts.events import MismatchDetected, MismatchKind
from contracts.ids import new_id
from reconciler.domain.settlement import (
    Discrepancy,
    Settled,
    bank_totals,
    compare,
    debited_twice,
)
from reconciler.settle.bank import parse_report, signed_headers
from reconciler.settle.job import SettlementResult, mismatch_event
from reconciler.settle.ours import OurDay, OurPayment

HEADER = "order_id,bank_reference,type,amount_qepik,currency,occurred_at\n"
AT = "2026-11-26T10:00:00+00:00"


def test_the_report_is_read_row_by_row() -> None:
    rows = parse_report(HEADER + f"pay_a,RRN1,debit,1010,AZN,{AT}\npay_a,RF1,refund,10,AZN,{AT}\n")

    assert bank_totals(rows) == {"pay_a": Settled(debited_qepik=1010, refunded_qepik=10)}


@pytest.mark.parametrize(
    "line",
    [
        "pay_a,RRN1,debit,10.10,AZN," + AT,
        "pay_a,RRN1,chargeback,1010,AZN," + AT,
        "pay_a,RRN1,debit,1010,USD," + AT,
        "pay_a,RRN1,debit,1010,AZN,2026-11-26T10:00:00",
        "pay_a,RRN1,debit,-5,AZN," + AT,
        "pay_a,RRN1,debit",
    ],
)
def test_a_line_that_breaks_the_protocol_stops_the_job_naming_it(line: str) -> None:
    with pytest.raises(ValueError, match="line 2"):
        parse_report(HEADER + line + "\n")


def test_three_planted_discrepancies_are_three_findings_of_their_kinds() -> None:
    bank = {"pay_same": Settled(1010), "pay_stranger": Settled(500), "pay_cut": Settled(700, 100)}
    ours = {"pay_same": Settled(1010), "pay_lost": Settled(300), "pay_cut": Settled(700)}
    known = frozenset({"pay_same", "pay_lost", "pay_cut"})

    assert [(found.order_id, found.kind) for found in compare(bank, ours, known)] == [
        ("pay_cut", MismatchKind.BANK_AMOUNT_DIFFERS),
        ("pay_lost", MismatchKind.OURS_ONLY),
        ("pay_stranger", MismatchKind.BANK_ONLY),
    ]


def test_a_bank_refund_of_an_order_we_know_is_a_difference_not_a_stranger() -> None:
    found = compare({"pay_old": Settled(0, 1010)}, {}, frozenset({"pay_old"}))

    assert [item.kind for item in found] == [MismatchKind.BANK_AMOUNT_DIFFERS]


def test_a_late_debit_the_bank_refunded_the_same_day_is_no_discrepancy() -> None:
    assert compare({"pay_late": Settled(500, 500)}, {}, frozenset({"pay_late"})) == []


amounts = st.dictionaries(
    st.sampled_from([f"pay_{n}" for n in range(6)]),
    st.builds(Settled, st.integers(0, 5000), st.integers(0, 5000)),
)


@given(amounts, amounts)
def test_orders_that_agree_are_never_reported_and_the_rest_always_are(
    bank: dict[str, Settled], ours: dict[str, Settled]
) -> None:
    reported = {item.order_id for item in compare(bank, ours, frozenset(ours))}

    def net(settled: Settled) -> int:
        return settled.debited_qepik - settled.refunded_qepik

    one_side_silent = bank.keys() ^ ours.keys()
    nets_differ = {
        order for order in bank.keys() & ours.keys() if net(bank[order]) != net(ours[order])
    }
    assert reported == one_side_silent | nets_differ


def test_the_request_is_signed_over_time_method_path_and_empty_body() -> None:
    headers = signed_headers(
        "s3cret", "get", "/bank/settlements/2026-11-26.csv", b"", 1_700_000_000.9
    )

    expected = hmac.new(
        b"s3cret", b"1700000000.GET./bank/settlements/2026-11-26.csv.", hashlib.sha256
    ).hexdigest()
    assert headers == {
        "X-Merchant-Id": "portal",
        "X-Timestamp": "1700000000",
        "X-Signature": expected,
    }


def test_a_finding_becomes_one_event_per_payment_kind_and_day_with_both_sides_in_its_trail() -> (
    None
):
    payment_id = new_id("pay")
    rows = parse_report(
        HEADER + f"{payment_id},RRN7,debit,1010,AZN,{AT}\n{payment_id},RF7,refund,100,AZN,{AT}\n"
    )
    ours = OurDay(payments={payment_id: OurPayment(service_id="azercell", account="501234567")})
    found = Discrepancy(
        payment_id, MismatchKind.BANK_AMOUNT_DIFFERS, Settled(1010, 100), Settled(1010)
    )
    now = datetime.now(UTC)

    first = mismatch_event(found, rows, ours, date(2026, 11, 26), now)
    again = mismatch_event(found, rows, ours, date(2026, 11, 26), now)
    other_day = mismatch_event(found, rows, ours, date(2026, 11, 27), now)

    assert first.id == again.id != other_day.id
    event = first.event()
    assert isinstance(event, MismatchDetected) and event.service_id == "azercell"
    assert [entry.type for entry in event.trail] == ["bank-debit 10.10 AZN", "bank-refund 1.00 AZN"]
    summary = SettlementResult(date(2026, 11, 26), 2, 1, [found], [first], []).summary()
    assert "bank_amount_differs 1" in summary and payment_id in summary


def test_two_bank_debits_of_one_payment_are_debited_twice_not_an_amount_difference() -> None:
    rows = parse_report(
        HEADER + f"pay_a,RRN1,debit,1010,AZN,{AT}\npay_a,RRN2,debit,1010,AZN,{AT}\n"
        f"pay_b,RRN3,debit,500,AZN,{AT}\n"
    )

    found = compare(
        bank_totals(rows),
        {"pay_a": Settled(1010), "pay_b": Settled(500)},
        frozenset({"pay_a", "pay_b"}),
        debited_twice(rows),
    )

    assert [(item.order_id, item.kind) for item in found] == [("pay_a", MismatchKind.DEBITED_TWICE)]
    assert found[0].bank == Settled(2020) and found[0].ours == Settled(1010)
