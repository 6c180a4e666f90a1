"""Customers' HTTP API: quote a device's registration, read a quote, ask an IMEI's status."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Response

from contracts.ids import is_id
from imei_registry.domain.device_check import DeviceProblem
from imei_registry.domain.imei import normalise_imei
from imei_registry.entrypoints import problems
from imei_registry.entrypoints.schemas import ImeiStatusAnswer
from imei_registry.entrypoints.views import QuoteRequest, quote_view, status_view
from imei_registry.handlers.context import ImeiRegistry
from imei_registry.handlers.quotes import (
    make_quote,
)
from imei_registry.handlers.status import imei_status
from servicekit.lifespan import context_dependency
from servicekit.openapi import answers_as, problem_responses

router = APIRouter(prefix="/api/imei", tags=["imei"])


RegistryDep = Annotated[ImeiRegistry, Depends(context_dependency(ImeiRegistry))]


@router.post(
    "/quotes",
    status_code=201,
    responses=problem_responses(
        {
            409: ["imei_already_registered", "imei_registration_in_progress"],
            422: [*(problem.value for problem in DeviceProblem), "device_type_mismatch"],
            429: ["rate_limited"],  # the gateway's limit on quotes
            503: ["registry_unavailable"],
        }
    ),
)
async def create_quote(body: QuoteRequest, registry: RegistryDep) -> dict[str, Any]:
    """Model, type check, fee and a quote id to pay with (`POST /api/payments`)."""
    quote = await make_quote(registry, body.device_type, body.imeis, body.email, body.language)
    return quote_view(quote)


@router.get("/quotes/{quote_id}", responses=problem_responses({404: ["quote_not_found"]}))
async def read_quote(quote_id: str, registry: RegistryDep) -> dict[str, Any]:
    quote = await registry.quotes.get(quote_id) if is_id("qte", quote_id) else None
    if quote is None:
        raise problems.quote_not_found()
    return quote_view(quote)


@router.get(
    "/registrations/{typed_imei}",
    responses=answers_as(ImeiStatusAnswer)
    | problem_responses({422: ["invalid_imei"], 503: ["registry_unavailable"]}),
)
async def read_status(typed_imei: str, registry: RegistryDep, response: Response) -> dict[str, Any]:
    """not_registered / pending / registered (when) / rejected (why), with the registry's contacts."""
    imei = normalise_imei(typed_imei)
    response.headers["Cache-Control"] = "no-store"
    return status_view(imei, await imei_status(registry, imei))
