"""Listing and reading the services of the catalog."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from provider_gateway.domain.catalog import CategoryId
from provider_gateway.entrypoints.dependencies import GatewayDep, LanguageDep, ServiceDep
from provider_gateway.entrypoints.schemas import (
    ServiceDetail,
    ServiceList,
    service_detail,
    service_summary,
)
from servicekit.openapi import problem_responses

router = APIRouter(prefix="/api/catalog", tags=["catalog"])


@router.get("/services")
async def list_services(
    gateway: GatewayDep,
    language: LanguageDep,
    category: CategoryId | None = None,
    q: Annotated[str, Query(max_length=100, description="words of a name, any language")] = "",
) -> ServiceList:
    """Services in catalog order, or best match first when `q` is given."""
    found = gateway.search.find(q, category)
    return ServiceList(
        services=[service_summary(service, language) for service in found], count=len(found)
    )


@router.get("/services/{service_id}", responses=problem_responses({404: ["service_not_found"]}))
async def read_service(service: ServiceDep, language: LanguageDep) -> ServiceDetail:
    return service_detail(service, language)
