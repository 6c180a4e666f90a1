"""Client of provider-gateway's quote: validates service, account and amount, and prices the fee."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

from checkout.domain.service_label import ServiceLabel


class CatalogUnavailableError(Exception):
    """provider-gateway did not answer; nothing was created."""


class CatalogRefusedError(Exception):
    """provider-gateway refused the quote (unknown service, bad account, amount out of limits):
    its status, stable code, words by language (az, en, and ru when it sends one) and details."""

    def __init__(
        self, status: int, code: str, words: dict[str, str], extra: dict[str, Any]
    ) -> None:
        super().__init__(f"{status} {code}")
        self.status = status
        self.code = code
        self.words = words
        self.extra = extra


@dataclass(frozen=True)
class Quote:
    service_id: str
    account: str
    amount_qepik: int
    fee_qepik: int
    total_qepik: int


class CatalogClient:
    def __init__(self, client: httpx.AsyncClient, base_url: str) -> None:
        self._client = client
        self._base_url = base_url.rstrip("/")

    async def quote(self, service_id: str, account: str, amount: str) -> Quote:
        """The catalog's price; its refusal (unknown service, bad account, limits) is raised."""
        try:
            response = await self._client.post(
                f"{self._base_url}/api/catalog/services/{service_id}/quote",
                json={"account": account, "amount": amount},
            )
        except httpx.HTTPError as error:
            raise CatalogUnavailableError(repr(error)) from error
        if response.status_code >= 500:
            raise CatalogUnavailableError(f"catalog answered {response.status_code}")
        body = response.json()
        if response.status_code >= 400:
            message = body.get("message", {})
            words = {
                language: str(message[language])
                for language in ("az", "en", "ru")
                if message.get(language)
            }
            extra = {key: body[key] for key in ("errors",) if key in body}
            code = str(body.get("code", "invalid_request"))
            raise CatalogRefusedError(response.status_code, code, words, extra)
        return Quote(
            service_id=body["service_id"],
            account=body["account"],
            amount_qepik=body["amount_qepik"],
            fee_qepik=body["fee_qepik"],
            total_qepik=body["total_qepik"],
        )

    async def label(self, service_id: str) -> ServiceLabel | None:
        """The service's names and account kind; None when the catalog cannot say (the payment
        goes on and its receipt names the service by its id)."""
        try:
            response = await self._client.get(f"{self._base_url}/api/catalog/services/{service_id}")
            if response.status_code != 200:
                return None
            body = response.json()
            names = body["names"]
            return ServiceLabel(
                az=str(names["az"]),
                en=str(names["en"]),
                ru=str(names["ru"]),
                account_kind=str(body["account"]["kind"]),
            )
        except (httpx.HTTPError, ValueError, KeyError, TypeError):
            return None
