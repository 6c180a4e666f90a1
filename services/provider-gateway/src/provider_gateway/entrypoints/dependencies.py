"""What route functions ask for, so their signatures read like prose."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Query, Request

from provider_gateway.domain.catalog import Service
from provider_gateway.domain.localized import Language
from provider_gateway.entrypoints.problems import service_not_found
from provider_gateway.gateway import Gateway


def _gateway(request: Request) -> Gateway:
    gateway: Gateway = request.app.state.gateway
    return gateway


GatewayDep = Annotated[Gateway, Depends(_gateway)]


def _language(
    lang: Annotated[Language | None, Query(description="az, en or ru")] = None,
    accept_language: Annotated[str | None, Header()] = None,
) -> Language:
    """`?lang=` first, then the first language of Accept-Language we speak, then Azerbaijani."""
    if lang is not None:
        return lang
    for part in (accept_language or "").split(","):
        tag = part.split(";")[0].strip().lower()[:2]
        if tag in {language.value for language in Language}:
            return Language(tag)
    return Language.AZ


LanguageDep = Annotated[Language, Depends(_language)]


def _service(service_id: str, gateway: GatewayDep) -> Service:
    service = gateway.catalog.service(service_id)
    if service is None:
        raise service_not_found(service_id)
    return service


ServiceDep = Annotated[Service, Depends(_service)]
