"""The HTTP API under /api/catalog, one router per module."""

from __future__ import annotations

from fastapi import FastAPI

from provider_gateway.entrypoints.routes import accounts, categories, services

API_PREFIX = "/api/catalog"
MAX_BODY_BYTES = 16 * 1024


def install_api(app: FastAPI) -> None:
    for module in (services, categories, accounts):
        app.include_router(module.router)
