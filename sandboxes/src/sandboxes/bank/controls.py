"""Test controls of the bank sandbox (never used by services): faults, the ledger, replays."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from sandboxes.bank.callbacks import CallbackFaults
from sandboxes.bank.state import BankDep
from sandboxes.bank.store import DebitFaults

router = APIRouter(prefix="/_control", tags=["bank: test controls"])


class FaultsBody(BaseModel):
    callback_failures: int = Field(default=0, ge=0)
    callback_delay_ms: int = Field(default=0, ge=0, le=600_000)
    refund_failures: int = Field(default=0, ge=0)
    overcharge_qepik: int = Field(default=0, ge=0, le=100_000)
    double_bookings: int = Field(default=0, ge=0)


@router.put("/faults")
async def set_faults(body: FaultsBody, bank: BankDep) -> dict[str, int]:
    """Replaces the faults: a field left out goes back to 0."""
    faults = body.model_dump()
    bank.refund_failures = faults.pop("refund_failures")
    bank.store.debit_faults = DebitFaults(
        faults.pop("overcharge_qepik"), faults.pop("double_bookings")
    )
    bank.callbacks.faults = CallbackFaults(**faults)
    return {
        **asdict(bank.callbacks.faults),
        **asdict(bank.store.debit_faults),
        "refund_failures": bank.refund_failures,
    }


class RefundFaultsBody(BaseModel):
    unavailable: bool = False


@router.put("/refunds")
async def set_refund_faults(body: RefundFaultsBody, bank: BankDep) -> dict[str, bool]:
    """While `unavailable`, every refund is answered 503 and moves no money (its API is down)."""
    bank.refunds_unavailable = body.unavailable
    return {"unavailable": bank.refunds_unavailable}


@router.get("/ledger/{order_id}")
async def ledger(order_id: str, bank: BankDep) -> dict[str, int]:
    return bank.store.ledger(order_id)


@router.post("/callbacks/{order_id}/replay", status_code=202, response_model=None)
async def replay_callback(order_id: str, bank: BankDep) -> dict[str, Any] | JSONResponse:
    """Sends the order's last callback again, same body and `event_id`: a duplicate."""
    event = bank.store.last_callback(order_id)
    if event is None:
        return JSONResponse(
            {"error": "no_callback", "message": f"no outcome was sent for {order_id}"},
            status_code=404,
        )
    bank.callbacks.send(event)
    return {"event_id": event.event_id, "order_id": order_id}
