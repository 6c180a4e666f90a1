"""Events the services parked after 5 failures, and putting one back on its topic."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path

from ops_desk.entrypoints.access import DeskDep, signed_in_ops
from ops_desk.entrypoints.views import dead_letter_row, replay_view
from ops_desk.handlers.reading import parked, replay_letter

router = APIRouter(
    prefix="/api/ops/dead-letters", tags=["dead letters"], dependencies=[Depends(signed_in_ops)]
)


@router.get("")
async def list_dead_letters(desk: DeskDep) -> dict[str, Any]:
    return {"dead_letters": [dead_letter_row(letter) for letter in await parked(desk)]}


@router.post("/{letter_id}/replay")
async def replay(desk: DeskDep, letter_id: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
    """Idempotent: the first replay is handled again by the service that parked it; a repeat
    only publishes a copy that every consumer's inbox skips."""
    return replay_view(await replay_letter(desk, letter_id))
