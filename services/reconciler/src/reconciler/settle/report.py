"""The three-way job's daily report: counts and money per kind, each finding, printed and as CSV."""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from contracts.envelope import Envelope
from contracts.events import MismatchKind
from contracts.money import Money
from reconciler.domain.registry import ProviderFinding
from reconciler.domain.settlement import Discrepancy, Settled
from reconciler.settle.ours import OurDay

FINDING_COLUMNS = (
    "day",
    "kind",
    "payment_id",
    "service_id",
    "bank_qepik",
    "ours_qepik",
    "provider_qepik",
    "at_stake_qepik",
)


@dataclass(frozen=True)
class Finding:
    """One line of the report; amounts in qəpik, None where that side knows nothing of it."""

    kind: MismatchKind
    payment_id: str
    service_id: str | None
    bank: int | None
    ours: int | None
    provider: int | None
    at_stake: int


def _net(settled: Settled | None) -> int | None:
    return None if settled is None else settled.debited_qepik - settled.refunded_qepik


def from_bank(found: Discrepancy, ours: OurDay, at_provider: int | None = None) -> Finding:
    """The bank's and our net for the day (what moved on the card), and what the provider got."""
    bank, our = _net(found.bank), _net(found.ours)
    payment = ours.payments.get(found.order_id)
    stake = abs((bank or 0) - (our or 0))
    service_id = payment.service_id if payment else None
    return Finding(found.kind, found.order_id, service_id, bank, our, at_provider, stake)


def from_provider(found: ProviderFinding, bank: Settled | None = None) -> Finding:
    """What the provider and we say it was paid, and what the bank moved on the card."""
    return Finding(
        found.kind,
        found.payment_id,
        found.service_id,
        _net(bank),
        found.ours,
        found.at_provider,
        found.at_stake,
    )


@dataclass(frozen=True)
class ThreeWayResult:
    day: date
    bank_rows: int
    registry_rows: int
    our_payments: int
    our_activations: int
    findings: list[Finding]
    sent: list[Envelope] = field(default_factory=list)
    already_reported: int = 0
    unreportable: list[str] = field(default_factory=list)  # not payment ids of ours: no event

    def per_kind(self) -> list[tuple[str, int, Money]]:
        counts = Counter(finding.kind.value for finding in self.findings)
        stakes: Counter[str] = Counter()
        for finding in self.findings:
            stakes[finding.kind.value] += finding.at_stake
        return [(kind, counts[kind], Money(qepik=stakes[kind])) for kind in sorted(counts)]

    def summary(self) -> str:
        def amount(qepik: int | None) -> str:
            return "-" if qepik is None else str(Money(qepik=qepik))

        lines = [
            f"three-way reconciliation {self.day}: bank {self.bank_rows} rows, providers' "
            f"registry {self.registry_rows} rows, ours {self.our_payments} payments moved money "
            f"and {self.our_activations} activated at providers",
            f"  {'kind':<24}{'count':>6}{'amount':>16}",
            *(f"  {kind:<24}{count:>6}{stake!s:>16}" for kind, count, stake in self.per_kind()),
            f"  {'total':<24}{len(self.findings):>6}",
            *(
                f"  {f.kind.value:<24}{f.payment_id}  {f.service_id or '?'}  bank {amount(f.bank)}"
                f", ours {amount(f.ours)}, provider {amount(f.provider)}"
                for f in self.findings
            ),
            f"  events: {len(self.sent)} sent, {self.already_reported} already reported"
            + (f", {len(self.unreportable)} not payment ids" if self.unreportable else ""),
        ]
        return "\n".join(lines)

    def write_csv(self, folder: Path) -> tuple[Path, Path]:
        """`three-way-DAY.csv` (kind, count, amount) and `three-way-DAY-findings.csv`."""
        folder.mkdir(parents=True, exist_ok=True)
        report = folder / f"three-way-{self.day.isoformat()}.csv"
        with report.open("w", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(("day", "kind", "count", "amount_qepik"))
            for kind, count, stake in self.per_kind():
                writer.writerow((self.day.isoformat(), kind, count, stake.qepik))
        details = folder / f"three-way-{self.day.isoformat()}-findings.csv"
        with details.open("w", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(FINDING_COLUMNS)
            for f in self.findings:
                sides = ("" if v is None else v for v in (f.bank, f.ours, f.provider))
                day, kind = self.day.isoformat(), f.kind.value
                writer.writerow((day, kind, f.payment_id, f.service_id or "", *sides, f.at_stake))
        return report, details
