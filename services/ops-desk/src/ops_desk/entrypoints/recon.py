"""The reconciliation dashboard: open mismatches by kind and age, the day's findings by kind."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from ops_desk.entrypoints.access import DeskDep, signed_in_ops
from ops_desk.handlers.reading import recon_report
from payportal.recon import report_json

router = APIRouter(
    prefix="/api/ops/recon", tags=["reconciliation"], dependencies=[Depends(signed_in_ops)]
)


@router.get("")
async def recon(desk: DeskDep, day: Annotated[date | None, Query()] = None) -> dict[str, Any]:
    """`payportal recon report --json`'s figures; the UTC day defaults to today."""
    report = await recon_report(desk, day or desk.clock().date())
    return report_json(report.open, report.found, report.day)
