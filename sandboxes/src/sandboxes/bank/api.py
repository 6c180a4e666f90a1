"""Every route of the bank sandbox under `/bank`, as one router for the sandboxes app."""

from __future__ import annotations

from fastapi import APIRouter

from sandboxes.bank import card_page, controls, merchant_api

router = APIRouter(prefix="/bank")
router.include_router(merchant_api.router)
router.include_router(card_page.router)
router.include_router(controls.router)
