"""Test controls of the providers sandbox: inject faults per service_id, read the ledger."""

from __future__ import annotations

from fastapi import APIRouter, Response

from sandboxes.providers.faults import Faults
from sandboxes.providers.registry import RegistryFaults
from sandboxes.providers.sandbox import SandboxDep

router = APIRouter(prefix="/_control", tags=["providers: control"])


@router.put("/faults/{service_id}")
async def set_faults(service_id: str, faults: Faults, sandbox: SandboxDep) -> Faults:
    """Replaces the service's faults: fields left out are back to their defaults."""
    sandbox.store.set_faults(service_id, faults)
    return faults


@router.get("/faults/{service_id}")
async def read_faults(service_id: str, sandbox: SandboxDep) -> Faults:
    return sandbox.store.faults_for(service_id)


@router.delete("/faults/{service_id}", status_code=204)
async def clear_faults(service_id: str, sandbox: SandboxDep) -> Response:
    sandbox.store.clear_faults(service_id)
    return Response(status_code=204)


@router.get("/ledger/{service_id}/{txn_id}")
async def read_ledger(service_id: str, txn_id: str, sandbox: SandboxDep) -> dict[str, int | str]:
    return sandbox.store.ledger(service_id, txn_id)


@router.put("/registry/faults")
async def set_registry_faults(faults: RegistryFaults, sandbox: SandboxDep) -> RegistryFaults:
    """Replaces what the daily registry gets wrong: fields left out are back to nothing."""
    sandbox.registry_faults = faults
    return faults


@router.delete("/registry/faults", status_code=204)
async def clear_registry_faults(sandbox: SandboxDep) -> Response:
    sandbox.registry_faults = RegistryFaults()
    return Response(status_code=204)
