"""Open support cases as ops read them: what kind, how much SLA is left, what money is involved.
Pure: support-desk's ticket documents and the time in, rows and tables out."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final

from rich.table import Table

from contracts.money import Money, MoneyFormatError
from payportal.lines import as_utc, format_time, format_value

Document = dict[str, Any]

OPEN_STATES: Final = ("new", "assigned", "waiting_for_customer")
# While the customer owes an answer the clock stands still (support-desk moves due_at on resume).
PAUSED_STATE: Final = "waiting_for_customer"
# The facts an automatic case keeps (support-desk's mismatch_facts), the money first.
AMOUNT_FACTS: Final = ("debited", "activated")


@dataclass(frozen=True)
class OpenCase:
    ticket_id: str
    kind: str  # the mismatch's kind, or the category of a case a customer wrote
    automatic: bool  # opened by the reconciler's mismatch, not written by a customer
    state: str
    payment_id: str | None
    opened_at: datetime
    due_at: datetime
    sla_left: timedelta  # due_at - now; negative once late
    amount_qepik: int | None  # what the facts say was taken (or activated), when they say

    @property
    def paused(self) -> bool:
        return self.state == PAUSED_STATE


def open_case(document: Document, now: datetime) -> OpenCase:
    mismatch_kind = document.get("mismatch_kind")
    due = as_utc(document.get("due_at"))
    return OpenCase(
        ticket_id=str(document["_id"]),
        kind=str(mismatch_kind or document.get("category", "-")),
        automatic=mismatch_kind is not None,
        state=str(document.get("state", "-")),
        payment_id=document.get("payment_id"),
        opened_at=as_utc(document.get("opened_at")),
        due_at=due,
        sla_left=due - now,
        amount_qepik=amount_in(document.get("facts") or {}),
    )


def open_cases(documents: Iterable[Document], now: datetime, kind: str | None) -> list[OpenCase]:
    """Open cases of the kind asked (every kind without one), the least time left first."""
    cases = [open_case(document, now) for document in documents]
    chosen = [case for case in cases if case.state in OPEN_STATES and kind in (None, case.kind)]
    return sorted(chosen, key=lambda case: (case.sla_left, case.ticket_id))


def amount_in(facts: Document) -> int | None:
    """The facts keep money as text (`4.00 AZN`); back to qəpik, or None when they keep none."""
    for name in AMOUNT_FACTS:
        text = facts.get(name)
        if isinstance(text, str) and text.endswith(" AZN"):
            try:
                return Money.azn(text.removesuffix(" AZN")).qepik
            except MoneyFormatError:
                continue
    return None


def format_duration(span: timedelta) -> str:
    """`2d 3h`, `3h 12m`, `12m 5s`, `40s`: the two largest units, enough to act on."""
    seconds = int(abs(span).total_seconds())
    days, rest = divmod(seconds, 86_400)
    hours, rest = divmod(rest, 3_600)
    minutes, seconds = divmod(rest, 60)
    parts = [(days, "d"), (hours, "h"), (minutes, "m"), (seconds, "s")]
    while len(parts) > 1 and parts[0][0] == 0:
        parts.pop(0)
    return " ".join(f"{amount}{unit}" for amount, unit in parts[:2])


def format_sla_left(case: OpenCase) -> str:
    left = format_duration(case.sla_left)
    if case.sla_left < timedelta(0):
        left = f"late {left}"
    return f"{left} (paused)" if case.paused else left


def format_qepik(qepik: int | None) -> str:
    return "-" if qepik is None else format_value({"qepik": qepik})


def cases_table(cases: Sequence[OpenCase]) -> Table:
    table = Table("SLA left", "case", "kind", "state", "payment", "opened", "amount", box=None)
    for case in cases:
        late = case.sla_left < timedelta(0) and not case.paused
        table.add_row(
            format_sla_left(case),
            case.ticket_id,
            case.kind,
            case.state,
            case.payment_id or "-",
            format_time(case.opened_at),
            format_qepik(case.amount_qepik),
            style="red" if late else "",
        )
    return table


def cases_json(cases: Sequence[OpenCase]) -> list[Document]:
    """What `--json` prints: times in ISO, the SLA left in whole seconds, money in qəpik."""
    return [
        {
            "ticket_id": case.ticket_id,
            "kind": case.kind,
            "automatic": case.automatic,
            "state": case.state,
            "payment_id": case.payment_id,
            "opened_at": format_time(case.opened_at),
            "due_at": format_time(case.due_at),
            "sla_left_seconds": int(case.sla_left.total_seconds()),
            "sla_paused": case.paused,
            "amount_qepik": case.amount_qepik,
        }
        for case in cases
    ]
