"""Customers' HTTP API: quote a device's registration, read a quote, ask an IMEI's status."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Response

from contracts.ids import is_id
from imei_registry.adapters.registry import RegistryUnavailableError
from imei_registry.domain.device_check import DeviceRefusedError
from imei_registry.domain.imei import InvalidImeiError, normalise_imei
from imei_registry.entrypoints import problems
from imei_registry.entrypoints.views import QuoteRequest, quote_view, status_view
from imei_registry.handlers.context import ImeiRegistry
from imei_registry.handlers.quotes import (
    DeviceTypeMismatchError,
    ImeiAlreadyRegisteredError,
    make_quote,
)
from imei_registry.handlers.status import imei_status
from servicekit.lifespan import context_dependency

router = APIRouter(prefix="/api/imei", tags=["imei"])


RegistryDep = Annotated[ImeiRegistry, Depends(context_dependency(ImeiRegistry))]


@router.post("/quotes", status_code=201)
async def create_quote(body: QuoteRequest, registry: RegistryDep) -> dict[str, Any]:
    """Model, type check, fee and a quote id to pay with (`POST /api/payments`)."""
    try:
        quote = await make_quote(registry, body.device_type, body.imeis, body.email)
    except DeviceRefusedError as error:
        raise problems.device_refused(error) from None
    except DeviceTypeMismatchError as error:
        raise problems.type_mismatch(error) from None
    except ImeiAlreadyRegisteredError as error:
        raise problems.already_registered(error) from None
    except RegistryUnavailableError:
        raise problems.registry_unavailable() from None
    return quote_view(quote)


@router.get("/quotes/{quote_id}")
async def read_quote(quote_id: str, registry: RegistryDep) -> dict[str, Any]:
    quote = await registry.quotes.get(quote_id) if is_id("qte", quote_id) else None
    if quote is None:
        raise problems.quote_not_found()
    return quote_view(quote)


@router.get("/registrations/{typed_imei}")
async def read_status(typed_imei: str, registry: RegistryDep, response: Response) -> dict[str, Any]:
    """not_registered / pending / registered (when) / rejected (why), with the registry's contacts."""
    try:
        imei = normalise_imei(typed_imei)
    except InvalidImeiError as error:
        raise problems.invalid_imei(error) from None
    response.headers["Cache-Control"] = "no-store"
    return status_view(imei, await imei_status(registry, imei))
