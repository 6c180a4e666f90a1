"""The categories of the catalog, each with how many services it holds."""

from __future__ import annotations

from collections import Counter

from fastapi import APIRouter

from provider_gateway.entrypoints.dependencies import GatewayDep, LanguageDep
from provider_gateway.entrypoints.schemas import CategoryOut, category_out

router = APIRouter(prefix="/api/catalog", tags=["catalog"])


@router.get("/categories")
async def list_categories(gateway: GatewayDep, language: LanguageDep) -> list[CategoryOut]:
    counts = Counter(service.category for service in gateway.catalog.services)
    return [
        category_out(category, language, counts[category.id])
        for category in gateway.catalog.categories
    ]
