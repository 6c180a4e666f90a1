"""Test controls of the MCQS sandbox (never used by services): faults, the ledger, known IMEIs."""

from __future__ import annotations

from fastapi import APIRouter, Response

from sandboxes.mcqs.api import RegistryDep
from sandboxes.mcqs.faults import Faults
from sandboxes.mcqs.imeis import PRE_REGISTERED

router = APIRouter(prefix="/mcqs/_control", tags=["mcqs: control"])


@router.put("/faults")
async def set_global_faults(faults: Faults, registry: RegistryDep) -> Faults:
    """Faults for every submission whose IMEIs have none of their own."""
    registry.set_faults(faults)
    return faults


@router.delete("/faults", status_code=204)
async def clear_global_faults(registry: RegistryDep) -> Response:
    registry.clear_faults()
    return Response(status_code=204)


@router.put("/faults/{imei}")
async def set_imei_faults(imei: str, faults: Faults, registry: RegistryDep) -> Faults:
    registry.set_faults(faults, imei)
    return faults


@router.delete("/faults/{imei}", status_code=204)
async def clear_imei_faults(imei: str, registry: RegistryDep) -> Response:
    registry.clear_faults(imei)
    return Response(status_code=204)


@router.get("/ledger/{transaction_id}")
async def read_ledger(transaction_id: str, registry: RegistryDep) -> dict[str, int | str]:
    return registry.ledger(transaction_id)


@router.get("/pre-registered")
async def pre_registered() -> dict[str, str]:
    """IMEIs the registry held before any test ran, with when they were registered."""
    return dict(PRE_REGISTERED)
