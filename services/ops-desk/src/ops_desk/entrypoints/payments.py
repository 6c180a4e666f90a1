"""A payment's story as a timeline, and finding payments by account, state or service."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query

from ops_desk.entrypoints.access import DeskDep, signed_in_ops
from ops_desk.entrypoints.views import payment_row, story_view
from ops_desk.handlers.reading import PaymentFilter, find, payment_story

router = APIRouter(
    prefix="/api/ops/payments", tags=["payments"], dependencies=[Depends(signed_in_ops)]
)
Text = Annotated[str | None, Query(max_length=64)]


@router.get("")
async def find_payments(
    desk: DeskDep,
    account: Text = None,
    state: Text = None,
    service: Text = None,
) -> dict[str, Any]:
    """Checkout's payments matching every filter given, newest first (at most 50)."""
    found = await find(desk, PaymentFilter(account, state, service))
    return {"payments": [payment_row(payment) for payment in found]}


@router.get("/{payment_id}")
async def payment_timeline(
    desk: DeskDep, payment_id: Annotated[str, Path(max_length=64)]
) -> dict[str, Any]:
    """State changes, every event about it on every topic, the activation, bank callbacks kept
    and its cases, in time order."""
    return story_view(payment_id, await payment_story(desk, payment_id))
