"""The table a chaos run prints and keeps in test-artifacts/chaos.txt."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from devstack.chaos.evidence import Evidence
from devstack.chaos.invariants import violations

SHOWN_VIOLATIONS = 40


@dataclass(frozen=True)
class DriverResult:
    """What the customers' process reports (devstack.chaos.driver)."""

    answered: dict[str, int]  # payment id → its plan's number
    refused: dict[str, int]  # why a payment was never answered 201 → how many
    by_service: dict[str, int]  # the payments answered 201, by catalog service
    armed: dict[str, int]  # fault → how many were injected
    load_seconds: float


@dataclass
class RunFacts:
    seed: int
    planned: int
    driver: DriverResult
    kills: list[tuple[str, float]] = field(default_factory=list)
    wall_seconds: float = 0.0
    settle_seconds: float = 0.0


def wrong_payments(evidence: Evidence) -> dict[str, list[str]]:
    return {pid: found for pid, facts in evidence.payments.items() if (found := violations(facts))}


def settled(evidence: Evidence) -> bool:
    """Nothing left that more time could mend: every payment and ticket as it should end."""
    return not wrong_payments(evidence) and not evidence.ticket_problems


def passed(evidence: Evidence) -> bool:
    return settled(evidence) and not evidence.schema_problems and not _card_hits(evidence)


def table(run: RunFacts, evidence: Evidence) -> str:
    wrong = wrong_payments(evidence)
    payments = evidence.payments.values()
    states = Counter(facts.state or "missing" for facts in payments)
    kinds = sum((facts.case_kinds for facts in payments), Counter[str]())
    armed = run.driver.armed
    rows = [
        ("seed", str(run.seed)),
        ("payments planned", str(run.planned)),
        ("answered 201", f"{len(run.driver.answered)}: {_counts(run.driver.by_service)}"),
        ("refused or unanswered", _counts(run.driver.refused) or "0"),
        ("outcomes (checkout)", _counts(states)),
        ("debited at the bank", str(sum(f.bank_debits > 0 for f in payments))),
        ("refunded at the bank", str(sum(f.bank_refunds > 0 for f in payments))),
        ("cases opened", f"{sum(kinds.values())}: {_counts(kinds)}"),
        ("cases still open", str(sum(sum(f.open_cases.values()) for f in payments))),
        ("faults injected", f"{sum(armed.values())}: {_counts(armed)}"),
        ("kills (SIGKILL + restart)", f"{len(run.kills)}: " + _kills(run.kills)),
        ("records on the topics", str(evidence.records)),
        ("schema violations", str(len(evidence.schema_problems))),
        ("payments violating an invariant", str(len(wrong))),
        ("support-desk vs its events", f"{len(evidence.ticket_problems)} disagreements"),
        ("card numbers stored", _cards(evidence)),
        ("settling", f"{run.settle_seconds:.0f} s"),
        ("wall time", f"{run.wall_seconds:.0f} s"),
    ]
    width = max(len(name) for name, _ in rows)
    lines = ["chaos run", *(f"  {name.ljust(width)}  {value}" for name, value in rows)]
    lines += [
        f"  VIOLATION {pid} ({evidence.payments[pid].state}): {'; '.join(found)}"
        for pid, found in list(wrong.items())[:SHOWN_VIOLATIONS]
    ]
    lines += [f"  SCHEMA {problem}" for problem in evidence.schema_problems[:SHOWN_VIOLATIONS]]
    lines += [f"  TICKET {problem}" for problem in evidence.ticket_problems[:SHOWN_VIOLATIONS]]
    lines += [f"  CARD {where}: {', '.join(hits)}" for where, hits in _card_hits(evidence)]
    lines.append("  result: " + ("PASS" if passed(evidence) else "FAIL"))
    return "\n".join(lines)


def _card_hits(evidence: Evidence) -> list[tuple[str, list[str]]]:
    return list(evidence.cards.found.items())[:SHOWN_VIOLATIONS] if evidence.cards else []


def _cards(evidence: Evidence) -> str:
    if evidence.cards is None:
        return "not scanned"
    return f"{len(evidence.cards.found)} ({evidence.cards.scanned})"


def _kills(kills: list[tuple[str, float]]) -> str:
    """Each process killed, with how long it was down."""
    return ", ".join(f"{name} {seconds:.1f}s" for name, seconds in kills)


def _counts(counts: dict[str, int] | Counter[str]) -> str:
    return ", ".join(f"{name} {count}" for name, count in sorted(counts.items()))
