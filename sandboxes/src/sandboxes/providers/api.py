"""Every route of the providers sandbox under /providers."""

from __future__ import annotations

from fastapi import APIRouter

from sandboxes.providers import control, osmp, registry_api, rest

router = APIRouter(prefix="/providers")
router.include_router(osmp.router)
router.include_router(rest.router)
router.include_router(registry_api.router)
router.include_router(control.router)
